/** Loads a rule sheet from `.xlsx` or Tickmark's JSON form, naming the file on failure. */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { RuleError } from '../rules/errors.js';
import { parseWorkbookJson } from '../rules/workbook-json.js';
import type { Workbook } from '../rules/workbook.js';

export async function loadWorkbookFile(path: string): Promise<Workbook> {
  const file = basename(path);
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new RuleError('bad_file', error.code === 'ENOENT' ? 'no such file' : error.message, { file });
  });
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') {
    // Loaded on demand: JSON rule sheets do not pay for the XLSX reader.
    const { readWorkbookXlsx } = await import('../rules/xlsx/read-workbook.js');
    return readWorkbookXlsx(new Uint8Array(bytes), file).workbook;
  }
  if (ext === '.json') return parseWorkbookJson(bytes.toString('utf8'), file);
  throw new RuleError('bad_file', `"${ext || 'no extension'}" is not a rule sheet; use .xlsx or .json`, { file });
}
