/** Evaluated values as RFC 4180 CSV text, the one format results and exceptions ship in. */
import { neutraliseText } from './export-safety.js';
import { isErrorValue, type CellValue } from './workbook.js';

/**
 * One CSV field: errors as their code, booleans as TRUE/FALSE, text that a spreadsheet would
 * run as a formula with a leading `'` (rules/export-safety.ts), quoted when needed.
 */
export function csvField(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  // A number's text never holds a quote, comma, line break or edge space: nothing to test.
  if (typeof value === 'number') return String(value);
  const text = isErrorValue(value) ? value.error : typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : neutraliseText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A quote, comma or line break anywhere, or white space at either end. */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV line with its newline. */
export function csvLine(values: (CellValue | undefined)[]): string {
  let line = values.length > 0 ? csvField(values[0]) : '';
  for (let i = 1; i < values.length; i++) line += `,${csvField(values[i])}`;
  return `${line}\n`;
}
