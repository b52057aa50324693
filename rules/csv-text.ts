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
  if (typeof value === 'string' && plainText(value)) return value;
  const text = isErrorValue(value) ? value.error : typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : neutraliseText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A quote, comma or line break anywhere, or white space at either end. */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * True when `text` is written as it is: printable ASCII only, no quote or comma, no space
 * at either end, no formula start (export-safety.ts). Most values of a large run are such
 * (ids, symbols, dates): one loop instead of two regular expressions. False says nothing:
 * the rules above decide.
 */
function plainText(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  const first = text.charCodeAt(0);
  // = + - @ and a space: a formula start or an edge space.
  if (first === 61 || first === 43 || first === 45 || first === 64 || first === 32 || text.charCodeAt(n - 1) === 32) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c > 126 || c === 34 || c === 44) return false;
  }
  return true;
}

/** One CSV line with its newline. */
export function csvLine(values: (CellValue | undefined)[]): string {
  let line = values.length > 0 ? csvField(values[0]) : '';
  for (let i = 1; i < values.length; i++) line += `,${csvField(values[i])}`;
  return `${line}\n`;
}
