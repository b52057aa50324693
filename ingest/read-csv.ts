/**
 * Streams a CSV file (RFC 4180: header row, comma, double-quote quoting) into a typed
 * dataset in two passes: the first infers each column's type and hashes the bytes, the
 * second converts. Only the typed rows are ever held in memory.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parse, CsvError } from 'csv-parse';
import { RuleError } from '../rules/errors.js';
import type { Dataset, DatasetColumn, FieldType, FieldValue } from '../rules/types.js';
import { parseAs, TypeCandidates } from './parse-value.js';
import { checkHeaders, resolveTypes } from './headers.js';

export interface ReadOptions {
  name: string;
  /** The name used in error messages; defaults to the path. */
  sourceName: string;
  /** Per-column type overrides. */
  types?: Record<string, FieldType>;
}

/** Reads `path` as CSV. Throws RuleError naming file, line and column on bad input. */
export async function readCsvDataset(path: string, options: ReadOptions): Promise<{ dataset: Dataset; sha256: string }> {
  const hash = createHash('sha256');
  let headers: string[] = [];
  let candidates: TypeCandidates[] = [];
  await eachRecord(
    path,
    options.sourceName,
    (record, line) => {
      if (line === 0) {
        headers = checkHeaders(record, options.sourceName, (i) => ({ line: 1, column: `#${i + 1}` }));
        candidates = headers.map(() => new TypeCandidates());
        return;
      }
      for (let c = 0; c < headers.length; c++) candidates[c].add(record[c]);
    },
    (chunk) => hash.update(chunk),
  );
  if (headers.length === 0)
    throw new RuleError('bad_file', 'the file is empty: a header row is needed', { file: options.sourceName, line: 1 });
  const columns: DatasetColumn[] = resolveTypes(
    headers,
    candidates.map((c) => c.type),
    options.types,
    options.sourceName,
  );
  const rows: FieldValue[][] = [];
  const interned = columns.map(() => new StringPool());
  await eachRecord(path, options.sourceName, (record, line, lineNumber) => {
    if (line === 0) return;
    const row: FieldValue[] = new Array(columns.length);
    for (let c = 0; c < columns.length; c++) {
      const value = parseAs(record[c], columns[c].type);
      if (value === undefined) {
        throw new RuleError('bad_value', `"${record[c]}" is not a ${columns[c].type}`, {
          file: options.sourceName,
          line: lineNumber,
          column: columns[c].name,
        });
      }
      row[c] = typeof value === 'string' ? interned[c].get(value) : value;
    }
    rows.push(row);
  });
  return { dataset: { name: options.name, columns, rows }, sha256: hash.digest('hex') };
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
