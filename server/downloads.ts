/** Tables as downloadable CSV and XLSX files. */
import * as XLSX from '@e965/xlsx';
import { csvLine } from '../rules/csv-text.js';
import type { CellValue } from '../rules/workbook.js';

export function toCsv(headers: string[], rows: unknown[][]): string {
  return csvLine(headers) + rows.map((r) => csvLine(r as CellValue[])).join('');
}

/** One sheet; error values as their code text. */
export function toXlsx(sheetName: string, headers: string[], rows: unknown[][]): Uint8Array {
  const plain = rows.map((r) =>
    r.map((v) => (v !== null && typeof v === 'object' && 'error' in v ? String((v as { error: string }).error) : v)),
  );
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([headers, ...plain]), sheetName.slice(0, 31));
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' });
}
