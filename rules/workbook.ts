/**
 * The in-memory form of a rule sheet or any workbook: what the grid edits, what `.xlsx`
 * import produces and what the engine evaluates. Formulas are strings starting with `=`,
 * in Excel syntax; `normaliseFormula` turns them into HyperFormula's dialect.
 */

/** What a cell holds as authored: a formula (`=…`), a number, text, a boolean or nothing. */
export type CellInput = string | number | boolean | null;

/** An Excel error value kept as data (`#N/A`, `#DIV/0!`, …). */
export interface ErrorValue {
  error: string;
  message?: string;
}

/** What a cell evaluates to. */
export type CellValue = number | string | boolean | null | ErrorValue;

export interface SheetData {
  name: string;
  /** Row-major; ragged rows are fine, missing cells are empty. */
  cells: CellInput[][];
  /** Column widths in Excel character units, by column index, when known. */
  columnWidths?: (number | null)[];
  /** Number formats (`0.00`, `yyyy-mm-dd`) by "row,col" (0-based), when known. */
  formats?: Record<string, string>;
}

export interface DefinedName {
  name: string;
  /** An expression such as `=Limits!$B$2` or `=0.05`. */
  expression: string;
  /** A sheet name when the name is local to that sheet. */
  scope?: string;
}

export interface Workbook {
  sheets: SheetData[];
  names: DefinedName[];
  /** Serial dates count from 1904-01-01 (Excel for Mac's old date system) instead of 1899-12-30. */
  date1904?: boolean;
}

/** Case-insensitive sheet lookup, as Excel resolves sheet names. */
export function findSheet(workbook: Workbook, name: string): SheetData | undefined {
  const wanted = name.toLowerCase();
  return workbook.sheets.find((sheet) => sheet.name.toLowerCase() === wanted);
}

/** Whether a cell input is a formula. */
export function isFormula(input: CellInput): input is string {
  return typeof input === 'string' && input.startsWith('=') && input.length > 1;
}

/** Whether a value is an error value. */
export function isErrorValue(value: unknown): value is ErrorValue {
  return typeof value === 'object' && value !== null && 'error' in value;
}

/** A1-style column letters for a 0-based column index (0 -> A, 26 -> AA). */
export function columnLetters(index: number): string {
  let letters = '';
  let n = index + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 0-based column index for A1-style column letters (A -> 0). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address for 0-based row and column. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}
