/** Tickmark's JSON form of a workbook: `{ "sheets": [{ "name", "cells" }], "names": [] }`. */
import { RuleError } from './errors.js';
import type { CellInput, Workbook } from './workbook.js';

/** Parses and checks the JSON form; throws RuleError naming the file and the part at fault. */
export function parseWorkbookJson(text: string, file?: string): Workbook {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new RuleError('bad_file', `not valid JSON: ${(error as Error).message}`, { file });
  }
  return checkWorkbook(data, file);
}

/** Checks an already-parsed value has the Workbook shape. */
export function checkWorkbook(data: unknown, file?: string): Workbook {
  const fail = (message: string, sheet?: string) => new RuleError('bad_file', message, { file, sheet });
  if (typeof data !== 'object' || data === null || !Array.isArray((data as Workbook).sheets))
    throw fail('a workbook needs a "sheets" array');
  const raw = data as { sheets: unknown[]; names?: unknown };
  const names = new Set<string>();
  const sheets = raw.sheets.map((s, i) => {
    const sheet = s as { name?: unknown; cells?: unknown };
    const name = sheet?.name;
    if (typeof name !== 'string' || name.trim() === '') throw fail(`sheet ${i + 1} has no name`);
    if (names.has(name.toLowerCase())) throw fail(`two sheets are named "${name}"`, name);
    names.add(name.toLowerCase());
    if (!Array.isArray(sheet.cells)) throw fail('"cells" must be an array of rows', name);
    const cells = sheet.cells.map((row, r) => {
      if (row === null) return [];
      if (!Array.isArray(row)) throw fail(`row ${r + 1} must be an array`, name);
      return row.map((cell, c) => {
        if (cell === null || cell === undefined || ['string', 'number', 'boolean'].includes(typeof cell))
          return (cell ?? null) as CellInput;
        throw fail(`row ${r + 1}, column ${c + 1} holds ${JSON.stringify(cell)}; a cell is text, a number, a boolean or null`, name);
      });
    });
    return { ...(s as object), name, cells };
  });
  const definedNames = Array.isArray(raw.names) ? raw.names : [];
  const date1904 = (raw as { date1904?: unknown }).date1904 === true;
  return { sheets, names: definedNames as Workbook['names'], ...(date1904 ? { date1904 } : {}) };
}
