/**
 * Reads the first sheet of an `.xlsx` file as a typed dataset: row 1 holds headers, each
 * later row a record. Excel's own cell types are kept (a text cell "123" stays text
 * unless the column is overridden); date-formatted numbers become dates.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import { RuleError } from '../rules/errors.js';
import type { Dataset, FieldType, FieldValue } from '../rules/types.js';
import { cellAddress } from '../rules/workbook.js';
import { checkHeaders, resolveTypes } from './headers.js';
import { parseAs } from './parse-value.js';
import type { ReadOptions } from './read-csv.js';

/** Reads `path` as XLSX. Throws RuleError naming file and cell on bad input. */
export async function readXlsxDataset(path: string, options: ReadOptions): Promise<{ dataset: Dataset; sha256: string }> {
  const bytes = await readFile(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = options.sourceName;
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, { type: 'buffer', cellDates: true, cellFormula: false, dense: true });
  } catch (error) {
    throw new RuleError('bad_file', `not a readable .xlsx workbook: ${(error as Error).message}`, { file });
  }
  const sheetName = book.SheetNames[0];
  if (!sheetName) throw new RuleError('bad_file', 'the workbook has no sheets', { file });
  const sheet = book.Sheets[sheetName];
  const grid = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null, blankrows: false });
  if (grid.length === 0)
    throw new RuleError('bad_file', 'the first sheet is empty: a header row is needed', { file, sheet: sheetName, cell: 'A1' });
  const headers = checkHeaders(trimRight(grid[0]), file, (i) => ({ sheet: sheetName, cell: cellAddress(0, i) }));
  const raw: FieldValue[][] = grid
    .slice(1)
    .map((row, r) => headers.map((_, c) => nativeValue(row[c] ?? null, { file, sheet: sheetName, cell: cellAddress(r + 1, c) })));
  const inferred = headers.map((_, c) => columnType(raw.map((row) => row[c])));
  const columns = resolveTypes(headers, inferred, options.types, file);
  const rows = raw.map((row, r) =>
    row.map((value, c) => {
      const converted = convert(value, columns[c].type);
      if (converted === undefined) {
        throw new RuleError('bad_value', `${JSON.stringify(value)} is not a ${columns[c].type}`, {
          file,
          sheet: sheetName,
          cell: cellAddress(r + 1, c),
          column: columns[c].name,
        });
      }
      return converted;
    }),
  );
  return { dataset: { name: options.name, columns, rows }, sha256 };
}

function nativeValue(value: unknown, place: { file: string; sheet: string; cell: string }): FieldValue {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return isoOf(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = String(value);
  if (/^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!)$/.test(text))
    throw new RuleError('bad_value', `the cell holds the error ${text}`, place);
  return text;
}

/** SheetJS dates are local-midnight Dates; keep the calendar day and time as written. */
function isoOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return time === '00:00:00' ? day : `${day}T${time}`;
}

function columnType(values: FieldValue[]): FieldType {
  const present = values.filter((v) => v !== null);
  if (present.length === 0) return 'text';
  if (present.every((v) => typeof v === 'number')) return 'number';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v))) return 'date';
  return 'text';
}

function convert(value: FieldValue, type: FieldType): FieldValue | undefined {
  if (value === null) return null;
  if (type === 'text') return typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
  if (type === 'number' && typeof value === 'number') return value;
  if (type === 'boolean' && typeof value === 'boolean') return value;
  if (type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value;
  return parseAs(String(value), type);
}

function trimRight(row: unknown[]): unknown[] {
  let end = row.length;
  while (end > 0 && (row[end - 1] === null || row[end - 1] === '')) end -= 1;
  return row.slice(0, end);
}
