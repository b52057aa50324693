/**
 * Reads the first sheet of an `.xlsx` file as a typed dataset: row 1 holds headers, each
 * later row a record. Excel's own cell types are kept (a text cell "123" stays text
 * unless the column is overridden); date-formatted numbers become dates.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import { RuleError } from '../rules/errors.js';
import type { FieldType, FieldValue } from '../rules/types.js';
import { cellAddress } from '../rules/workbook.js';
import { ColumnProfile } from './column-profile.js';
import { columnProblems, MisfitCollector, planColumns, type ReadOptions } from './column-plan.js';
import type { DatasetRead } from './dataset-read.js';
import { CellCounter, DEFAULT_LIMITS } from './file-limits.js';
import { checkHeaders } from './headers.js';
import { parseAs } from './parse-value.js';
import { checkDeclared, checkXlsxBytes } from './sniff.js';

/** Reads `path` as XLSX. Throws RuleError naming file and cell on bad input. */
export async function readXlsxDataset(path: string, options: ReadOptions): Promise<DatasetRead> {
  const bytes = await readFile(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = options.sourceName;
  const limits = options.limits ?? DEFAULT_LIMITS;
  await checkXlsxBytes(bytes, file, limits);
  let book: XLSX.WorkBook;
  try {
    // A sheet whose declared size lies is read no further than one row past the cell limit.
    book = XLSX.read(bytes, { type: 'buffer', cellDates: true, cellFormula: false, dense: true, sheetRows: limits.maxCells + 1 });
  } catch (error) {
    throw new RuleError('bad_file', `not a readable .xlsx workbook: ${(error as Error).message}`, { file });
  }
  const sheetName = book.SheetNames[0];
  if (!sheetName) throw new RuleError('bad_file', 'the workbook has no sheets', { file });
  const sheet = book.Sheets[sheetName];
  const full = sheet['!fullref'] ?? sheet['!ref'];
  if (full) {
    const range = XLSX.utils.decode_range(full);
    checkDeclared({ rows: range.e.r - range.s.r + 1, columns: range.e.c - range.s.c + 1 }, limits, file);
  }
  const grid = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null, blankrows: false });
  const counter = new CellCounter(limits, file);
  grid.forEach((row, r) =>
    counter.addRow(row.length, { sheet: sheetName, row: r + 1 }, row, (c) => ({ sheet: sheetName, cell: cellAddress(r, c) })),
  );
  counter.checkTotal();
  if (grid.length === 0)
    throw new RuleError('bad_file', 'the first sheet is empty: a header row is needed', { file, sheet: sheetName, cell: 'A1' });
  const headers = checkHeaders(trimRight(grid[0]), file, (i) => ({ sheet: sheetName, cell: cellAddress(0, i) }));
  const raw: FieldValue[][] = grid
    .slice(1)
    .map((row, r) => headers.map((_, c) => nativeValue(row[c] ?? null, { file, sheet: sheetName, cell: cellAddress(r + 1, c) })));
  const verdicts = headers.map((_, c) => {
    // A column of text cells stays text as Excel has it; once it holds real numbers (dates,
    // booleans), text among them that reads as one is converted and the rest are typos.
    const profile = new ColumnProfile(nativeTypes(raw, c));
    raw.forEach((row, r) => profile.add(textOf(row[c]), { cell: cellAddress(r + 1, c) }));
    return profile.verdict();
  });
  const plans = planColumns(headers, verdicts, options);
  const headerProblems = columnProblems(headers, options, { file, sheet: sheetName, cell: 'A1' });
  const misfits = new MisfitCollector(file);
  const rows = raw.map((row, r) =>
    row.map((value, c) => {
      const converted = convert(value, plans[c].type);
      if (converted !== undefined) return converted;
      misfits.add({ sheet: sheetName, cell: cellAddress(r + 1, c) }, JSON.stringify(value), plans[c]);
      return null;
    }),
  );
  return {
    dataset: { name: options.name, columns: plans.map(({ name, type }) => ({ name, type })), rows },
    sha256,
    plans,
    headerProblems,
    misfits,
    notes: [],
  };
}

/** The types a column's native cells have (a date is an ISO text by now). */
function nativeTypes(raw: FieldValue[][], c: number): Set<Exclude<FieldType, 'text'>> {
  const seen = new Set<Exclude<FieldType, 'text'>>();
  for (const row of raw) {
    const v = row[c];
    if (typeof v === 'number') seen.add('number');
    else if (typeof v === 'boolean') seen.add('boolean');
    else if (typeof v === 'string' && ISO_DAY.test(v)) seen.add('date');
  }
  return seen;
}

function textOf(value: FieldValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

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
