/** Evaluated values as RFC 4180 CSV text, the one format results and exceptions ship in. */
import { neutraliseText } from './export-safety.js';
import { isErrorValue, type CellValue } from './workbook.js';

/**
 * One CSV field: errors as their code, booleans as TRUE/FALSE, text that a spreadsheet would
 * run as a formula with a leading `'` (rules/export-safety.ts), quoted when needed.
 */
export function csvField(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  const text = isErrorValue(value)
    ? value.error
    : typeof value === 'boolean'
      ? value
        ? 'TRUE'
        : 'FALSE'
      : typeof value === 'string'
        ? neutraliseText(value)
        : String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line with its newline. */
export function csvLine(values: (CellValue | undefined)[]): string {
  return `${values.map(csvField).join(',')}\n`;
}
