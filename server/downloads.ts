/** Tables as downloadable CSV and XLSX files. */
import * as XLSX from '@e965/xlsx';
import type { Context } from 'hono';
import { csvLine } from '../rules/csv-text.js';
import { neutraliseValue } from '../rules/export-safety.js';
import { isErrorValue, type CellValue } from '../rules/workbook.js';

export function toCsv(headers: string[], rows: unknown[][]): string {
  return csvLine(headers) + rows.map((r) => csvLine(r as CellValue[])).join('');
}

/**
 * A report sheet as CSV: row 1 first, every row as evaluated. The CLI writes `SHEET.csv`
 * line by line with the same `csvLine`, so the two are byte for byte the same.
 */
export function sheetCsv(values: CellValue[][]): string {
  return values.map((row) => csvLine(row)).join('');
}

/** One sheet; error values as their code text, text neutralised (rules/export-safety.ts). */
export function toXlsx(sheetName: string, headers: string[], rows: unknown[][]): Uint8Array<ArrayBuffer> {
  return toWorkbook([{ name: sheetName, rows: [headers, ...rows] }]);
}

/**
 * Each table its own worksheet, in order; names made valid for Excel (31 characters, none
 * of `[]:*?/\`, unique regardless of case). Error values as their code text; text that a
 * spreadsheet would run as a formula gets a leading `'`, as in the CSVs (rules/export-safety.ts).
 */
export function toWorkbook(sheets: { name: string; rows: unknown[][] }[]): Uint8Array<ArrayBuffer> {
  const book = XLSX.utils.book_new();
  const taken = new Set<string>();
  // Excel refuses to open a workbook without a sheet.
  for (const sheet of sheets.length ? sheets : [{ name: 'Sheet1', rows: [] }]) {
    const plain = sheet.rows.map((r) => r.map((v) => (isErrorValue(v) ? v.error : neutraliseValue(v))));
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(plain), worksheetName(sheet.name, taken));
  }
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' });
}

function worksheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, '_')
      .replace(/^'+|'+$/g, '')
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** A CSV attachment named `file` (without extension). */
export function csvFile(c: Context, file: string, text: string): Response {
  return c.body(text, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment(`${file}.csv`) });
}

/** An XLSX attachment named `file` (without extension). */
export function xlsxFile(c: Context, file: string, bytes: Uint8Array<ArrayBuffer>): Response {
  return c.body(bytes, 200, {
    'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'Content-Disposition': attachment(`${file}.xlsx`),
  });
}

// Sheet names can hold any character: a plain fallback name plus the exact one (RFC 6266).
function attachment(file: string): string {
  const plain = file.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(file)}`;
}
