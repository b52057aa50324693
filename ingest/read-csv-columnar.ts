/**
 * Streams a CSV file straight into columns (rules/columnar/types.ts) in two passes over
 * the same scanner: the first hashes the bytes, counts the rows, checks the limits and the
 * header and profiles each column's type exactly as the row reader does (read-csv.ts);
 * the second converts each value into its column's typed array or dictionary, naming the
 * line and column of every misfit. No row arrays and no per-row objects are made.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { RuleError } from '../rules/errors.js';
import type { ColumnarDataset } from '../rules/columnar/types.js';
import type { ColumnData } from '../rules/columnar/types.js';
import { ColumnProfile, type Typed } from './column-profile.js';
import { columnProblems, MisfitCollector, planColumns, type ColumnPlan, type ReadOptions } from './column-plan.js';
import { columnConverter, type ColumnConverter } from './column-converter.js';
import { CsvScanner, RecordTooLong, type RecordHandler } from './csv-scanner.js';
import type { DatasetRead } from './dataset-read.js';
import { CellCounter, DEFAULT_LIMITS, overLimit, type ImportLimits } from './file-limits.js';
import { checkHeaders } from './headers.js';
import { detectTextEncoding, type TextEncoding } from './text-encoding.js';

/** What the columnar reader returns: as DatasetRead, with the dataset held by column. */
export interface ColumnarRead extends Omit<DatasetRead, 'dataset'> {
  dataset: ColumnarDataset;
}

/** Reads `path` as CSV into columns. Throws one RuleError naming file, line and column of a bad file. */
export async function readCsvColumnar(path: string, options: ReadOptions): Promise<ColumnarRead> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const file = options.sourceName;
  const { encoding, notes } = await detectTextEncoding(path, file, options.encoding);
  const source: Source = { path, file, encoding, limits };
  const counter = new CellCounter(limits, file);
  const hash = createHash('sha256');
  let headers: string[] = [];
  let profiles: ColumnProfile[] = [];
  let records = 0;
  let early: EarlyConversion | null = null;
  await scanFile(
    source,
    (fields, count, line) => {
      counter.addRow(count, { line }, fields);
      if (records++ === 0) {
        headers = checkHeaders(fields, file, (i) => ({ line: 1, column: `#${i + 1}` }));
        profiles = headers.map(() => new ColumnProfile());
        early = new EarlyConversion(headers, profiles, options, file);
        return;
      }
      // Converting already, the early conversion profiles each value with its parse (one parse, not two).
      if (early?.converting) early.add(fields, count, line);
      else {
        const place = { line };
        for (let c = 0; c < count; c++) profiles[c].add(fields[c], place);
        early?.add(fields, count, line);
      }
    },
    (chunk) => hash.update(chunk),
  );
  if (headers.length === 0) throw new RuleError('bad_file', 'the file is empty: a header row is needed', { file, line: 1 });
  counter.checkTotal();
  const plans = planColumns(
    headers,
    profiles.map((p) => p.verdict()),
    options,
  );
  const headerProblems = columnProblems(headers, options, { file, line: 1 });
  const length = records - 1;
  // One pass when the types guessed from the first rows are the file's; else a second pass.
  let converted = (early as EarlyConversion | null)?.result(plans, length) ?? null;
  if (!converted) {
    const misfits = new MisfitCollector(file);
    const converters = plans.map((plan) => columnConverter(plan, length, misfits));
    let row = -1;
    await scanFile(source, (fields, count, line) => {
      if (row >= 0) for (let c = 0; c < count; c++) converters[c].add(row, fields[c], line);
      row += 1;
    });
    converted = { data: converters.map((c) => c.finish()), misfits };
  }
  return {
    dataset: { name: options.name, columns: columnsOf(plans), length, data: converted.data },
    sha256: hash.digest('hex'),
    plans,
    headerProblems,
    misfits: converted.misfits,
    notes,
  };
}

/** Rows whose types decide the early conversion's guess. */
const GUESS_ROWS = 1000;

/**
 * Converts values during the first pass, into the types the first GUESS_ROWS rows suggest
 * (buffered until then), so a file whose guess holds is scanned once instead of twice: at
 * 1M rows a pass is about a second. The guess is checked against the whole file's plan at
 * the end; if any column's type differs (a first thousand rows of numbers in a text column),
 * or the guess could not be planned, the result is dropped and the reader makes its usual
 * second pass. Misfits are recorded by the same converters in the same row order, so either
 * way the dataset, its misfits and their lines are the same.
 */
class EarlyConversion {
  private buffered: { fields: string[]; line: number }[] = [];
  private plans: ColumnPlan[] | null = null;
  private converters: ColumnConverter[] = [];
  private misfits: MisfitCollector;
  private failed = false;
  private replaying = false;
  private row = 0;

  constructor(
    private readonly headers: string[],
    private readonly profiles: ColumnProfile[],
    private readonly options: ReadOptions,
    file: string,
  ) {
    this.misfits = new MisfitCollector(file);
  }

  /** Past the guess: each row is converted here, and profiled here too (see add). */
  get converting(): boolean {
    return this.plans !== null && !this.failed && !this.replaying;
  }

  /**
   * Converts a row, or buffers it until the guess. Once converting, it also feeds the
   * profiles, telling each the type its converter read the value as: the profile's verdict
   * is the same as if it had tested the value itself (the same parse), at half the cost.
   */
  add(fields: string[], count: number, line: number): void {
    if (this.failed) return;
    if (this.plans) {
      const place = this.replaying ? null : { line };
      for (let c = 0; c < count; c++) {
        const fit = this.converters[c].add(this.row, fields[c], line);
        // Only a number, date or boolean converter says a value fits: its plan's type is what the value is.
        if (place) this.profiles[c].add(fields[c], place, fit ? (this.plans[c].type as Typed) : undefined);
      }
      this.row += 1;
      return;
    }
    this.buffered.push({ fields: fields.slice(0, count), line });
    if (this.buffered.length === GUESS_ROWS) this.start(this.guess());
  }

  /** The converted columns when the guess is the file's plan (or the file had too few rows to guess), else null. */
  result(plans: ColumnPlan[], length: number): { data: ColumnData[]; misfits: MisfitCollector } | null {
    if (!this.plans && !this.failed) this.start(plans);
    if (this.failed || !this.plans || this.plans.some((p, i) => p.type !== plans[i].type || p.name !== plans[i].name)) return null;
    return { data: this.converters.map((c) => c.finish(length)), misfits: this.misfits };
  }

  /**
   * The plan of the rows so far, or null when planning refuses (an unknown column given a
   * type): that refusal is the second pass's to make, in its place.
   */
  private guess(): ColumnPlan[] | null {
    try {
      return planColumns(
        this.headers,
        this.profiles.map((p) => p.verdict()),
        this.options,
      );
    } catch {
      return null;
    }
  }

  private start(plans: ColumnPlan[] | null): void {
    if (!plans) {
      this.failed = true;
      this.buffered = [];
      return;
    }
    this.plans = plans;
    const capacity = GUESS_ROWS * 2;
    this.converters = this.plans.map((plan) => columnConverter(plan, capacity, this.misfits));
    // The buffered rows were profiled when they came: converted now, not profiled again.
    this.replaying = true;
    for (const { fields, line } of this.buffered) this.add(fields, fields.length, line);
    this.replaying = false;
    this.buffered = [];
  }
}

interface Source {
  path: string;
  file: string;
  encoding: TextEncoding;
  limits: ImportLimits;
}

function columnsOf(plans: ColumnPlan[]): ColumnarDataset['columns'] {
  return plans.map(({ name, type }) => ({ name, type }));
}

/** Decodes the file in large pieces and hands every record to `onRecord`, in order. */
async function scanFile(
  { path, file, encoding, limits }: Source,
  onRecord: RecordHandler,
  onChunk?: (chunk: Buffer) => void,
): Promise<void> {
  // The same bound as the row reader: an unclosed quote cannot eat the memory.
  const maxRecordChars = Math.min(limits.maxCellChars * limits.maxColumns, 256 * 1024 * 1024);
  const scanner = new CsvScanner(onRecord, file, maxRecordChars);
  // TextDecoder drops a byte order mark, as csv-parse's `bom` does.
  const decoder = new TextDecoder(encoding);
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      onChunk?.(chunk);
      scanner.push(decoder.decode(chunk, { stream: true }));
    }
    scanner.push(decoder.decode());
    scanner.end();
  } catch (error) {
    input.destroy();
    if (error instanceof RuleError) throw error;
    if (error instanceof RecordTooLong) throw overLimit('maxCellChars', maxRecordChars, limits, { file, line: error.line });
    throw new RuleError('bad_file', `cannot read the file: ${(error as Error).message}`, { file });
  }
}
