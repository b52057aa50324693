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
import type { ColumnarDataset } from '../rules/columnar/types.js';
import type { EvaluationReport, EvaluatorChoice, FieldType, ParamValue } from '../rules/types.js';
import { DEFAULT_LIMITS, LIMIT_SETTINGS, type ImportLimits } from '../ingest/file-limits.js';
import { readColumnarDatasets } from '../ingest/read-parallel.js';
import { FIELD_TYPES, parseBoolean, parseDate, parseNumber } from '../ingest/parse-value.js';
import { encodingNamed, type TextEncoding } from '../ingest/text-encoding.js';
import { csvBlock, CsvFile } from './csv-writer.js';
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
  const phases = new Phases();
  try {
    const evaluator = evaluatorFromEnv();
    const workbook = await loadWorkbookFile(options.workbook);
    const datasets: Record<string, ColumnarDataset> = {};
    const inputs: Record<string, { sha256: string; rows: number }> = {};
    // Every file at once, large ones in worker threads: a reconciliation's two sides on two cores.
    const limits = limitsFromEnv();
    const reads = await readColumnarDatasets(
      options.data.map(([name, file]) => ({
        path: file,
        options: { name, types: options.types[name], encoding: options.encodings[name], limits },
      })),
    );
    options.data.forEach(([name, file], i) => {
      const read = reads[i];
      datasets[name] = read.dataset;
      inputs[name] = { sha256: read.sha256, rows: read.dataset.length };
      for (const note of read.notes) process.stderr.write(`note: ${note}\n`);
      for (const plan of read.plans) if (plan.note) process.stderr.write(`note: ${basename(file)}, column "${plan.name}" ${plan.note}\n`);
    });
    phases.end('read');
    staged = await StagedDir.create(options.out);
    const out = staged;
    const results = new CsvFile(out.path('results.csv'));
    const exceptions = new CsvFile(out.path('exceptions.csv'));
    const resultsHash = new ResultsHash();
    const reportFiles: string[] = [];
    let evaluation: EvaluationReport | undefined;
    const summary = await runRuleSheet({
      workbook,
      datasets,
      params: options.params,
      evaluator,
      onEvaluation: (report, timings) => {
        evaluation = report;
        phases.add('join', timings.joinMs);
        for (const line of evaluationNotes(report)) process.stderr.write(`note: ${line}\n`);
      },
      sink: {
        columns: async (headers) => {
          resultsHash.line(headers);
          await results.write(headers);
          await exceptions.write(headers);
        },
        // One string per block for each file, hashed in the same pass (the hash of the same bytes).
        rows: async (rows) => {
          const started = performance.now();
          const block = csvBlock(rows);
          // Encoded once for both the hash and the file (each would encode the text again).
          const bytes = Buffer.from(block.results, 'utf8');
          resultsHash.text(bytes);
          await results.writeText(bytes);
          await exceptions.writeText(block.exceptions);
          phases.add('write', performance.now() - started);
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
    phases.end('evaluate');
    await writeFile(out.path('summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    const manifest = buildManifest({
      sheet: { name: basename(options.workbook, extname(options.workbook)), sha256: contentHash(workbook) },
      datasets: inputs,
      params: resolvedParams(workbook, options.params),
      engine: { ...engineVersions(), ...(evaluation ? { evaluation } : {}) },
      results: { sha256: resultsHash.digest(), rows: summary.counts.rows, exceptions: summary.counts.exceptions },
    });
    await writeFile(out.path('manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await out.commit();
    phases.end('write');
    if (!options.quiet) process.stderr.write(`\r\x1b[K`);
    if (process.env.TICKMARK_PHASES === '1') process.stderr.write(`phases: ${phases.json()}\n`);
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

/**
 * The import limits, raised by the variables their refusals name (TICKMARK_MAX_CELLS…), as
 * the server's are (server/config.ts): a 1M-row broker file is 8M cells, over the default 5M.
 */
function limitsFromEnv(): ImportLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, variable] of Object.entries(LIMIT_SETTINGS) as [keyof ImportLimits, string][]) {
    const text = process.env[variable];
    if (text === undefined || text === '') continue;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${variable} is "${text}": give a whole number of at least 1`);
    limits[key] = key === 'maxUnzippedBytes' ? value * 1024 * 1024 : value;
  }
  return limits;
}

/** `TICKMARK_EVALUATOR=hyperformula` runs every column through HyperFormula (the path before issue 14), to compare. */
function evaluatorFromEnv(): EvaluatorChoice | undefined {
  const value = process.env.TICKMARK_EVALUATOR;
  if (value === undefined || value === '') return undefined;
  if (value === 'compiled' || value === 'hyperformula') return value;
  throw new Error(`TICKMARK_EVALUATOR is "${value}": use compiled (the default) or hyperformula`);
}

/** The `note:` lines for the formula columns that fell back to HyperFormula (none when all compiled). */
export function evaluationNotes(report: EvaluationReport): string[] {
  if (report.fallback.length === 0) return [];
  const total = report.compiled.length + report.fallback.length;
  const why = report.fallback.map((f) => `"${f.column}" (${f.reason})`).join(', ');
  return [`${report.compiled.length} of ${total} formula columns compiled; through HyperFormula: ${why}`];
}

/**
 * Where a run's time goes (`TICKMARK_PHASES=1`, for the benchmarks): read the files, join,
 * evaluate, write. Writing happens between blocks, so its time is taken out of the
 * evaluation's; the join's is measured by the engine.
 */
class Phases {
  private readonly ms: Record<'read' | 'join' | 'evaluate' | 'write', number> = { read: 0, join: 0, evaluate: 0, write: 0 };
  private mark = performance.now();

  add(phase: 'join' | 'write', ms: number): void {
    this.ms[phase] += ms;
  }

  /** Closes the span since the last mark; what `add` counted inside it is not counted twice. */
  end(phase: 'read' | 'evaluate' | 'write'): void {
    const now = performance.now();
    const span = now - this.mark;
    this.mark = now;
    if (phase === 'evaluate') this.ms.evaluate += span - this.ms.join - this.ms.write;
    else this.ms[phase] += span;
  }

  json(): string {
    const seconds = Object.fromEntries(Object.entries(this.ms).map(([k, v]) => [`${k}_s`, Math.round(v) / 1000]));
    return JSON.stringify(seconds);
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
