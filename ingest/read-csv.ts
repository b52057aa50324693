/**
 * Streams a CSV file (RFC 4180: header row, comma, double-quote quoting) into a typed
 * dataset in two passes: the first infers each column's type and hashes the bytes, the
 * second converts. Only the typed rows are ever held in memory.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { RuleError } from '../rules/errors.js';
import type { FieldValue } from '../rules/types.js';
import { ColumnProfile } from './column-profile.js';
import { columnProblems, MisfitCollector, planColumns, type ReadOptions } from './column-plan.js';
import type { DatasetRead } from './dataset-read.js';
import { CellCounter, DEFAULT_LIMITS, overLimit, type ImportLimits } from './file-limits.js';
import { checkHeaders } from './headers.js';
import { parseAs } from './parse-value.js';
import { detectTextEncoding, type TextEncoding } from './text-encoding.js';

/** Reads `path` as CSV. Throws one RuleError naming file, line and column of every bad value. */
export async function readCsvDataset(path: string, options: ReadOptions): Promise<DatasetRead> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const { encoding, notes } = await detectTextEncoding(path, options.sourceName, options.encoding);
  const source: CsvSource = { path, file: options.sourceName, encoding, limits };
  const counter = new CellCounter(limits, options.sourceName);
  const hash = createHash('sha256');
  let headers: string[] = [];
  let profiles: ColumnProfile[] = [];
  await eachRecord(
    source,
    (record, index, line) => {
      counter.addRow(record.length, { line }, record);
      if (index === 0) {
        headers = checkHeaders(record, options.sourceName, (i) => ({ line: 1, column: `#${i + 1}` }));
        profiles = headers.map(() => new ColumnProfile());
        return;
      }
      for (let c = 0; c < headers.length; c++) profiles[c].add(record[c], { line });
    },
    (chunk) => hash.update(chunk),
  );
  if (headers.length === 0)
    throw new RuleError('bad_file', 'the file is empty: a header row is needed', { file: options.sourceName, line: 1 });
  counter.checkTotal();
  const plans = planColumns(
    headers,
    profiles.map((p) => p.verdict()),
    options,
  );
  const headerProblems = columnProblems(headers, options, { file: options.sourceName, line: 1 });
  const misfits = new MisfitCollector(options.sourceName);
  const rows: FieldValue[][] = [];
  const interned = plans.map(() => new StringPool());
  await eachRecord(source, (record, index, line) => {
    if (index === 0) return;
    const row: FieldValue[] = new Array(plans.length);
    for (let c = 0; c < plans.length; c++) {
      const value = parseAs(record[c], plans[c].type);
      if (value === undefined) {
        misfits.add({ line }, JSON.stringify(record[c]), plans[c]);
        row[c] = null;
      } else row[c] = typeof value === 'string' ? interned[c].get(value) : value;
    }
    rows.push(row);
  });
  return {
    dataset: { name: options.name, columns: plans.map(({ name, type }) => ({ name, type })), rows },
    sha256: hash.digest('hex'),
    plans,
    headerProblems,
    misfits,
    notes,
  };
}

interface CsvSource {
  path: string;
  file: string;
  encoding: TextEncoding;
  limits: ImportLimits;
}

/** Calls `onRecord(fields, recordIndex, fileLine)` for every record, in order. */
async function eachRecord(
  { path, file, encoding, limits }: CsvSource,
  onRecord: (record: string[], index: number, line: number) => void,
  onChunk?: (chunk: Buffer) => void,
): Promise<void> {
  const input = createReadStream(path);
  if (onChunk) input.on('data', (chunk) => onChunk(chunk as Buffer));
  // One record may not outgrow what the limits allow a row, so an unclosed quote cannot eat the memory.
  const maxRecordChars = Math.min(limits.maxCellChars * limits.maxColumns, 256 * 1024 * 1024);
  const parser = parse({ bom: true, skip_empty_lines: true, info: true, relax_column_count: false, max_record_size: maxRecordChars });
  const text = encoding === 'utf-8' ? input : input.pipe(toUtf8(encoding));
  text.pipe(parser);
  // pipe() does not forward read errors; hand them to the parser so the loop below sees them.
  input.on('error', (error) => parser.destroy(error));
  let index = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      onRecord(record, index, info.lines);
      index += 1;
    }
  } catch (error) {
    input.destroy();
    if (error instanceof RuleError) throw error;
    if (error instanceof CsvError && error.code === 'CSV_MAX_RECORD_SIZE')
      throw overLimit('maxCellChars', maxRecordChars, limits, { file, line: (error as unknown as { lines?: number }).lines });
    if (error instanceof CsvError) throw csvError(error, file);
    throw new RuleError('bad_file', `cannot read the file: ${(error as Error).message}`, { file });
  }
}

/** Decodes UTF-16 or Windows-1252 into UTF-8 for the parser (the encoding was checked first). */
function toUtf8(encoding: TextEncoding): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'));
    },
    flush(done) {
      done(null, Buffer.from(decoder.decode(), 'utf8'));
    },
  });
}

function csvError(error: CsvError, file: string): RuleError {
  const line = (error as unknown as { lines?: number }).lines;
  const message =
    error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
      ? `this row has ${(error as unknown as { record?: unknown[] }).record?.length ?? 'a different number of'} fields, the header has a different number`
      : error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted value is never closed'
        : error.message.replace(/^Invalid[^:]*: /, '');
  return new RuleError('bad_file', message, { file, line });
}

/**
 * Shares one string per distinct value of a column: symbols, accounts, sides and dates
 * repeat across a million rows, and one copy each keeps a large import in memory budget.
 * A column with too many distinct values (ids) stops being pooled.
 */
class StringPool {
  private pool: Map<string, string> | null = new Map();

  get(value: string): string {
    if (!this.pool) return value;
    const known = this.pool.get(value);
    if (known !== undefined) return known;
    if (this.pool.size >= 100_000) this.pool = null;
    else this.pool.set(value, value);
    return value;
  }
}
