/**
 * Streams a CSV file (RFC 4180: header row, comma, double-quote quoting) into a typed
 * dataset in two passes: the first infers each column's type and hashes the bytes, the
 * second converts. Only the typed rows are ever held in memory.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parse, CsvError } from 'csv-parse';
import { RuleError } from '../rules/errors.js';
import type { FieldValue } from '../rules/types.js';
import { ColumnProfile } from './column-profile.js';
import { columnProblems, MisfitCollector, planColumns, type ReadOptions } from './column-plan.js';
import type { DatasetRead } from './dataset-read.js';
import { checkHeaders } from './headers.js';
import { parseAs } from './parse-value.js';

/** Reads `path` as CSV. Throws one RuleError naming file, line and column of every bad value. */
export async function readCsvDataset(path: string, options: ReadOptions): Promise<DatasetRead> {
  const hash = createHash('sha256');
  let headers: string[] = [];
  let profiles: ColumnProfile[] = [];
  await eachRecord(
    path,
    options.sourceName,
    (record, index, line) => {
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
  const plans = planColumns(
    headers,
    profiles.map((p) => p.verdict()),
    options,
  );
  const headerProblems = columnProblems(headers, options, { file: options.sourceName, line: 1 });
  const misfits = new MisfitCollector(options.sourceName);
  const rows: FieldValue[][] = [];
  const interned = plans.map(() => new StringPool());
  await eachRecord(path, options.sourceName, (record, index, line) => {
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
  };
}

/** Calls `onRecord(fields, recordIndex, fileLine)` for every record, in order. */
async function eachRecord(
  path: string,
  file: string,
  onRecord: (record: string[], index: number, line: number) => void,
  onChunk?: (chunk: Buffer) => void,
): Promise<void> {
  const input = createReadStream(path);
  if (onChunk) input.on('data', (chunk) => onChunk(chunk as Buffer));
  const parser = input.pipe(parse({ bom: true, skip_empty_lines: true, info: true, relax_column_count: false }));
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
    if (error instanceof CsvError) throw csvError(error, file);
    throw new RuleError('bad_file', `cannot read the file: ${(error as Error).message}`, { file });
  }
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
