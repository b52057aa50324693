/**
 * `tickmark run WORKBOOK --data NAME=FILE … [--param NAME=VALUE …] --out DIR`
 * (contract section 2): results.csv, exceptions.csv, summary.json, manifest.json
 * (governance.md 5) and, for a Report, one SHEET.csv per report sheet, all or nothing.
 */
import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { RuleError } from '../rules/errors.js';
import { buildManifest, contentHash, engineVersions, resolvedParams, ResultsHash } from '../rules/manifest.js';
import { runRuleSheet } from '../rules/run.js';
import type { Dataset, FieldType, ParamValue } from '../rules/types.js';
import { readDatasetFile } from '../ingest/read-dataset.js';
import { FIELD_TYPES, parseBoolean, parseDate, parseNumber } from '../ingest/parse-value.js';
import { encodingNamed, type TextEncoding } from '../ingest/text-encoding.js';
import { CsvFile } from './csv-writer.js';
import { loadWorkbookFile } from './load-workbook.js';
import { StagedDir } from './output-dir.js';

/** Runs the command; resolves to the exit status. */
export async function runCommand(args: string[]): Promise<number> {
  let options: ReturnType<typeof parseRunArgs>;
  try {
    options = parseRunArgs(args);
  } catch (error) {
    process.stderr.write(`tickmark run: ${(error as Error).message}\n`);
    return 2;
  }
  const workbookFile = basename(options.workbook);
  let staged: StagedDir | undefined;
  try {
    const workbook = await loadWorkbookFile(options.workbook);
    const datasets: Record<string, Dataset> = {};
    const inputs: Record<string, { sha256: string; rows: number }> = {};
    for (const [name, file] of options.data) {
      const read = await readDatasetFile(file, { name, types: options.types[name], encoding: options.encodings[name] });
      datasets[name] = read.dataset;
      inputs[name] = { sha256: read.sha256, rows: read.dataset.rows.length };
      for (const note of read.notes) process.stderr.write(`note: ${note}\n`);
      for (const plan of read.plans) if (plan.note) process.stderr.write(`note: ${basename(file)}, column "${plan.name}" ${plan.note}\n`);
    }
    staged = await StagedDir.create(options.out);
    const out = staged;
    const results = new CsvFile(out.path('results.csv'));
    const exceptions = new CsvFile(out.path('exceptions.csv'));
    const resultsHash = new ResultsHash();
    const reportFiles: string[] = [];
    const summary = await runRuleSheet({
      workbook,
      datasets,
      params: options.params,
      sink: {
        columns: async (headers) => {
          resultsHash.line(headers);
          await results.write(headers);
          await exceptions.write(headers);
        },
        rows: async (rows) => {
          for (const row of rows) {
            resultsHash.line(row.values);
            await results.write(row.values);
            if (row.exception !== null) await exceptions.write(row.values);
          }
        },
        reportSheet: async (name, values) => {
          const file = new CsvFile(out.path(`${safeFileName(name)}.csv`));
          for (const line of values) await file.write(line);
          await file.close();
          reportFiles.push(name);
        },
        // A P&L report's tables can run to millions of rows: written as they are produced.
        reportSheetRows: async (name, rows) => {
          const file = new CsvFile(out.path(`${safeFileName(name)}.csv`));
          for (const line of rows) await file.write(line);
          await file.close();
          reportFiles.push(name);
        },
      },
      onProgress: options.quiet ? undefined : progressPrinter(),
    });
    await results.close();
    await exceptions.close();
    await writeFile(out.path('summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    const manifest = buildManifest({
      sheet: { name: basename(options.workbook, extname(options.workbook)), sha256: contentHash(workbook) },
      datasets: inputs,
      params: resolvedParams(workbook, options.params),
      engine: engineVersions(),
      results: { sha256: resultsHash.digest(), rows: summary.counts.rows, exceptions: summary.counts.exceptions },
    });
    await writeFile(out.path('manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await out.commit();
    if (!options.quiet) process.stderr.write(`\r\x1b[K`);
    const c = summary.counts;
    const recon = summary.type === 'Reconciliation' ? `, ${c.matched} matched, ${c.left_only} left only, ${c.right_only} right only` : '';
    process.stdout.write(`${summary.type}: ${c.rows} rows${recon}, ${c.exceptions} exceptions -> ${options.out}\n`);
    return 0;
  } catch (error) {
    await staged?.discard();
    // Clear a progress line first, so the error stays the one line on standard error.
    const clear = options.quiet ? '' : '\r\x1b[K';
    if (error instanceof RuleError) {
      // A fault in a dataset's values names the file the dataset came from.
      const dataFile = error.place.dataset
        ? options.data.find(([name]) => name.toLowerCase() === error.place.dataset!.toLowerCase())?.[1]
        : undefined;
      if (!error.place.file) error.place.file = dataFile ? basename(dataFile) : workbookFile;
      process.stderr.write(`${clear}tickmark run: ${error.describe()}\n`);
      return 1;
    }
    process.stderr.write(`${clear}tickmark run: ${workbookFile}: ${(error as Error).message}\n`);
    return 1;
  }
}

function parseRunArgs(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      data: { type: 'string', multiple: true },
      param: { type: 'string', multiple: true },
      type: { type: 'string', multiple: true },
      encoding: { type: 'string', multiple: true },
      out: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
    },
  });
  if (positionals.length !== 1) throw new Error('give exactly one WORKBOOK (.xlsx or .json)');
  if (!values.out) throw new Error('--out DIR is required');
  const data = (values.data ?? []).map((spec) => splitPair(spec, '--data', 'NAME=FILE'));
  const params: Record<string, ParamValue> = {};
  for (const spec of values.param ?? []) {
    const [name, text] = splitPair(spec, '--param', 'NAME=VALUE');
    params[name] = typedParam(text);
  }
  const types = parseTypeFlags(values.type ?? [], new Set(data.map(([name]) => name)));
  const encodings: Record<string, TextEncoding> = {};
  for (const spec of values.encoding ?? []) {
    // `--encoding NAME=latin1`: a CSV whose encoding cannot be told from its bytes alone.
    const [name, encoding] = splitPair(spec, '--encoding', 'NAME=ENCODING');
    if (!data.some(([n]) => n === name)) throw new Error(`--encoding "${spec}" names dataset "${name}", which no --data gives`);
    encodings[name] = encodingNamed(encoding, name);
  }
  return { workbook: positionals[0], data, params, types, encodings, out: values.out, quiet: values.quiet ?? !process.stderr.isTTY };
}

/** `--type NAME.FIELD=text|number|date|boolean`, by dataset name then field. */
function parseTypeFlags(specs: string[], names: Set<string>): Record<string, Record<string, FieldType>> {
  const out: Record<string, Record<string, FieldType>> = {};
  for (const spec of specs) {
    const [target, type] = splitPair(spec, '--type', 'NAME.FIELD=TYPE');
    const dot = target.indexOf('.');
    if (dot <= 0 || dot === target.length - 1) throw new Error(`--type "${spec}" is not NAME.FIELD=TYPE`);
    const name = target.slice(0, dot);
    if (!names.has(name))
      throw new Error(`--type "${spec}" names dataset "${name}", which no --data gives (${[...names].join(', ') || 'none'})`);
    if (!FIELD_TYPES.includes(type as FieldType))
      throw new Error(`--type "${spec}": "${type}" is not a type; use ${FIELD_TYPES.join(', ')}`);
    (out[name] ??= {})[target.slice(dot + 1)] = type as FieldType;
  }
  return out;
}

function splitPair(spec: string, flag: string, shape: string): [string, string] {
  const at = spec.indexOf('=');
  if (at <= 0 || at === spec.length - 1) throw new Error(`${flag} "${spec}" is not ${shape}`);
  return [spec.slice(0, at).trim(), spec.slice(at + 1).trim()];
}

/** A parameter's text read as the contract reads data: number, date, boolean, else text. */
function typedParam(text: string): ParamValue {
  return parseNumber(text) ?? parseDate(text) ?? parseBoolean(text) ?? text;
}

function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|]/g, '_');
}

function progressPrinter() {
  let last = 0;
  return (p: { phase: string; done: number; total: number }) => {
    const now = Date.now();
    if (now - last < 200 && p.phase === 'evaluating') return;
    last = now;
    const pct = p.total ? Math.floor((100 * p.done) / p.total) : 0;
    process.stderr.write(`\r\x1b[K${p.phase} ${p.done}/${p.total} (${pct}%)`);
  };
}
