/**
 * Exports safe to open (OWASP, "CSV Injection"): a spreadsheet program executes a cell whose
 * text begins with `=`, `+`, `-` or `@` as a formula, and a leading tab or carriage return
 * can hide such a start from a check. Every CSV and data XLSX Tickmark writes passes its text
 * values through `neutraliseText`, which puts a `'` in front: the cell then shows as text.
 * Numbers are never touched (they are written as numbers: `-5` stays `-5`). The rule-sheet
 * workbook export is exempt: its formulas are the product (docs/exports.md).
 */

/** What makes a spreadsheet program read a text cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The text with a leading `'` when a spreadsheet program would run it as a formula.
 *
 * @example neutraliseText('=HYPERLINK("http://x","y")') // `'=HYPERLINK("http://x","y")`
 * @example neutraliseText('AAPL') // 'AAPL'
 */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Any cell value: text neutralised, everything else (numbers, booleans, errors, empty) as it is. */
export function neutraliseValue<T>(value: T): T | string {
  return typeof value === 'string' ? neutraliseText(value) : value;
}

/**
 * The text a person edited back from a neutralised export: the `'` this module added taken
 * off again, so an exported label `-1 day` comes back as `-1 day` and not `'-1 day`.
 */
export function restoreText(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
