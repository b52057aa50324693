/**
 * CSV parsers made for speed against csv-parse (issue 14), on the reconciliation bench's
 * 1M-row front-office file: each parser once alone ("parse") and once feeding the same
 * column converters ingest uses ("parse + type": parse-value.ts's rules into Float64Arrays
 * and dictionaries), each case in its own process for a clean peak RSS. Then the two whole
 * imports (every trust check, both passes): the row reader and the columnar reader.
 *
 *   npx tsx bench/csv-parsers.ts [--rows 1000000]
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as csvParse } from 'csv-parse';
import { csvParseRows } from 'd3-dsv';
import Papa from 'papaparse';
import { inferSchema, initParser } from 'udsv';
import { columnConverter, type ColumnConverter } from '../ingest/column-converter.js';
import { MisfitCollector, type ColumnPlan } from '../ingest/column-plan.js';
import { CsvScanner } from '../ingest/csv-scanner.js';
import { DEFAULT_LIMITS } from '../ingest/file-limits.js';
import { readColumnarDatasetFile } from '../ingest/read-columnar.js';
import { readDatasetFile } from '../ingest/read-dataset.js';
import { readColumnarDatasets, readInWorker } from '../ingest/read-parallel.js';
import type { FieldType } from '../rules/types.js';
import { generateRecon } from './generate-recon.js';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, case: { type: 'string' }, typed: { type: 'boolean', default: false } },
});
const rows = Number(values.rows);
const dir = join('bench', 'out', `csv-parsers-${rows}`);
const path = join(dir, 'fo.csv');
const brokerPath = join(dir, 'broker.csv');

/** fo.csv's columns as the importer types them. */
const TYPES: FieldType[] = ['text', 'date', 'text', 'text', 'text', 'number', 'number', 'number'];

interface Measured {
  seconds: number;
  cpuSeconds: number;
  rss: number;
  count: number;
  error?: string;
}

type Sink = (fields: string[], count: number, line: number) => void;

/** Per record: nothing, or every value into its column as ingest converts it. */
function sinkFor(typed: boolean): { sink: Sink; done: () => number } {
  let records = 0;
  if (!typed)
    return {
      sink: () => {
        records += 1;
      },
      done: () => records - 1,
    };
  const misfits = new MisfitCollector('fo.csv');
  const converters: ColumnConverter[] = TYPES.map((type, c) =>
    columnConverter({ name: `c${c}`, type, inferred: type, source: 'set' } satisfies ColumnPlan, rows, misfits),
  );
  return {
    sink: (fields, count, line) => {
      if (records > 0) for (let c = 0; c < count; c++) converters[c].add(records - 1, fields[c], line);
      records += 1;
    },
    done: () => {
      converters.forEach((c) => c.finish());
      if (misfits.count > 0) throw new Error(`${misfits.count} values did not fit`);
      return records - 1;
    },
  };
}

const PARSERS: Record<string, (sink: Sink) => Promise<void>> = {
  'csv-parse 7 (stream, as ingest/read-csv.ts)': async (sink) => {
    const parser = createReadStream(path).pipe(csvParse({ bom: true, skip_empty_lines: true, info: true }));
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>)
      sink(record, record.length, info.lines);
  },
  'papaparse 5.7 (stream)': (sink) =>
    new Promise((resolve, reject) => {
      let line = 0;
      Papa.parse<string[]>(createReadStream(path) as unknown as File, {
        step: ({ data }) => sink(data, data.length, ++line),
        skipEmptyLines: true,
        complete: () => resolve(),
        error: reject,
      });
    }),
  'papaparse 5.7 fast mode (no quotes allowed)': (sink) =>
    new Promise((resolve, reject) => {
      let line = 0;
      Papa.parse<string[]>(createReadStream(path) as unknown as File, {
        fastMode: true,
        step: ({ data }) => sink(data, data.length, ++line),
        skipEmptyLines: true,
        complete: () => resolve(),
        error: reject,
      });
    }),
  'udsv 0.7 (chunked)': async (sink) => {
    const decoder = new TextDecoder();
    let parser: ReturnType<typeof initParser> | null = null;
    let line = 1;
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      const text = decoder.decode(chunk, { stream: true });
      if (!parser) {
        const header = text.slice(0, text.indexOf('\n'));
        sink(header.split(','), 8, 1);
        parser = initParser(inferSchema(text, { col: ',', row: '\n', encl: '"' }));
      }
      parser.chunk<string[]>(text, parser.stringArrs, (row) => sink(row, row.length, ++line));
    }
    parser?.end();
  },
  'd3-dsv 3 (whole file as one string)': async (sink) => {
    let line = 0;
    csvParseRows(readFileSync(path, 'utf8'), (row) => {
      sink(row, row.length, ++line);
      return null;
    });
  },
  'Tickmark scanner (ingest/csv-scanner.ts)': async (sink) => {
    const scanner = new CsvScanner(sink, 'fo.csv', DEFAULT_LIMITS.maxCellChars * DEFAULT_LIMITS.maxColumns);
    const decoder = new TextDecoder();
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>)
      scanner.push(decoder.decode(chunk, { stream: true }));
    scanner.end();
  },
};

const IMPORTS: Record<string, () => Promise<number>> = {
  'row reader (readDatasetFile)': async () => (await readDatasetFile(path, { name: 'fo', limits: bigLimits() })).dataset.rows.length,
  'columnar reader (readColumnarDatasetFile)': async () =>
    (await readColumnarDatasetFile(path, { name: 'fo', limits: bigLimits() })).dataset.length,
  'both sides, columnar, one after the other': async () => {
    const fo = await readColumnarDatasetFile(path, { name: 'fo', limits: bigLimits() });
    const broker = await readColumnarDatasetFile(brokerPath, { name: 'broker', limits: bigLimits() });
    return fo.dataset.length + broker.dataset.length;
  },
  'both sides, columnar, in parallel (readColumnarDatasets)': async () => {
    const both = await readColumnarDatasets([
      { path, options: { name: 'fo', limits: bigLimits() } },
      { path: brokerPath, options: { name: 'broker', limits: bigLimits() } },
    ]);
    return both.reduce((n, read) => n + read.dataset.length, 0);
  },
  "a worker thread's start: a 2-row file read in a worker": async () => {
    const tiny = join(dir, 'tiny.csv');
    writeFileSync(tiny, 'a,b\n1,2\n3,4\n');
    return (await readInWorker({ path: tiny, options: { name: 'tiny' } })).dataset.length;
  },
};

function bigLimits() {
  return { ...DEFAULT_LIMITS, maxCells: 100_000_000 };
}

async function runCase(name: string, typed: boolean): Promise<void> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let count: number;
  if (name in IMPORTS) count = await IMPORTS[name]();
  else {
    const { sink, done } = sinkFor(typed);
    await PARSERS[name](sink);
    count = done();
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(JSON.stringify({ seconds, cpuSeconds, rss: process.resourceUsage().maxRSS / 1024, count }));
}

if (values.case) await runCase(values.case, values.typed);
else {
  if (!existsSync(path)) await generateRecon(dir, rows);
  console.log(
    `${rows.toLocaleString('en-US')} rows x 8 columns (bench/generate-recon.ts fo.csv); CPU seconds (wall seconds) and peak RSS, each case its own process`,
  );
  console.log('| parser | parse | parse + type into columns | peak RSS (typed) |');
  console.log('| --- | ---: | ---: | ---: |');
  const both = (m: Measured) => `${m.cpuSeconds.toFixed(2)} s (${m.seconds.toFixed(2)} s)`;
  const measure = (name: string, typed: boolean) => {
    const args = ['--import', 'tsx', 'bench/csv-parsers.ts', '--rows', String(rows), '--case', name, ...(typed ? ['--typed'] : [])];
    const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (child.status !== 0)
      return { seconds: NaN, cpuSeconds: NaN, rss: NaN, count: 0, error: child.stderr.trim().split('\n').slice(-3).join(' ') } as Measured;
    return JSON.parse(child.stdout.trim().split('\n').pop()!) as Measured;
  };
  for (const name of Object.keys(PARSERS)) {
    const bare = measure(name, false);
    const typed = measure(name, true);
    const wrong = [bare, typed].find((r) => r.error || r.count !== rows);
    const note = wrong ? ` (${wrong.error ?? `read ${wrong.count} rows`})` : '';
    console.log(`| ${name}${note} | ${both(bare)} | ${both(typed)} | ${Math.round(typed.rss)} MB |`);
  }
  console.log('\n| whole import, both passes, every check | CPU (wall) | peak RSS | rows |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const name of Object.keys(IMPORTS)) {
    const r = measure(name, false);
    console.log(`| ${name}${r.error ? ` (${r.error})` : ''} | ${both(r)} | ${Math.round(r.rss)} MB | ${r.count.toLocaleString('en-US')} |`);
  }
}
