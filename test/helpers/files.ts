/** Temp folders and real files (CSV, XLSX) for tests. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';

/** A fresh temp folder. */
export function tempDir(prefix = 'tickmark-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes `text` to `dir/name` and returns the path. */
export function writeText(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Writes a real .xlsx file with one sheet per entry (cells as SheetJS aoa, `{ f }` for formulas). */
export function writeXlsx(dir: string, name: string, sheets: Record<string, unknown[][]>): string {
  const book = XLSX.utils.book_new();
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const sheet = XLSX.utils.aoa_to_sheet(
      rows.map((row) => row.map((cell) => (typeof cell === 'string' && cell.startsWith('=') ? { t: 'n', f: cell.slice(1) } : cell))),
    );
    XLSX.utils.book_append_sheet(book, sheet, sheetName);
  }
  const path = join(dir, name);
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
  return path;
}
