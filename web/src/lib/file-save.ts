/**
 * Files made in the page (a chart's PNG, its data as .xlsx) handed to the browser as
 * downloads. The .xlsx is written here rather than by a server route because the page
 * already holds exactly the figures it charts, and SheetJS is in the bundle anyway (the
 * engine's TEXT function uses its number formats): no request, no route, no extra bytes.
 */
import * as XLSX from '@e965/xlsx';
import { neutraliseValue } from '../../../rules/export-safety';

/** Offers `blob` as a download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the file once the click is handled; freeing the URL at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * One sheet of rows (row 1 the headers) as an .xlsx file; numbers stay numbers, text a
 * spreadsheet would run as a formula gets a leading `'` (docs/exports.md).
 */
export function xlsxBlob(sheetName: string, rows: (string | number | null)[][]): Blob {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows.map((r) => r.map(neutraliseValue))), sheetName.slice(0, 31));
  const bytes = XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
