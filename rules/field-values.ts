/**
 * Conversions between typed dataset values and what HyperFormula cells hold.
 * Dates travel as ISO strings in datasets and as Excel serial numbers in formulas.
 */
import type { DetailedCellError, RawCellContent } from 'hyperformula';
import type { FieldType, FieldValue } from './types.js';
import type { CellValue } from './workbook.js';

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Excel serial number for an ISO date or date-time string, or null when it is not one. */
export function isoToSerial(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(ms);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return null;
  return (ms - EXCEL_EPOCH) / MS_PER_DAY;
}

/** ISO date (or date-time when the serial has a time part) for an Excel serial number. */
export function serialToIso(serial: number): string {
  const ms = Math.round(EXCEL_EPOCH + serial * MS_PER_DAY);
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** Excel's last date, 9999-12-31, as a serial: a later (or negative) one is a number Excel shows as #####. */
const LAST_EXCEL_SERIAL = 2_958_466;

/**
 * What the results show for a date-typed number: its ISO date, or the number itself when it
 * is outside Excel's dates (`=DATE(2024,1,1)+1e308` must not end the run).
 */
export function dateTypedOutput(serial: number): number | string {
  return serial >= 0 && serial < LAST_EXCEL_SERIAL ? serialToIso(serial) : excelNumber(serial);
}

/**
 * What to write into a HyperFormula cell for a typed field value. Text is prefixed with
 * an apostrophe so HyperFormula keeps it as text: "00123" stays text and "=A1" in a CSV
 * never becomes a formula.
 */
export function fieldToCell(value: FieldValue, type: FieldType | undefined): RawCellContent {
  if (value === null || value === undefined || value === '') return null;
  if (type === 'date' && typeof value === 'string') return isoToSerial(value) ?? `'${value}`;
  if (typeof value === 'string') return `'${value}`;
  return value;
}

/** A HyperFormula cell value as a Tickmark CellValue (errors become `{ error }`). */
export function fromEngineValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return excelNumber(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  const error = value as DetailedCellError;
  if (typeof error === 'object' && 'value' in error && typeof error.value === 'string') {
    return error.message ? { error: error.value, message: error.message } : { error: error.value };
  }
  return String(value);
}

/**
 * A number as Excel keeps it: 15 significant digits. HyperFormula's output rounding counts
 * decimal places, so `=217.11+88.8` came out as 305.9100000000001 (and `=0.1+0.2` as
 * 0.3000000000000001) where Excel shows 305.91 and 0.3; results, reports and CSVs follow Excel.
 */
export function excelNumber(value: number): number {
  // Negative zero is zero, as in Excel; infinities and NaN have no digits to round.
  if (value === 0) return 0;
  if (!Number.isFinite(value)) return value;
  return Number(value.toPrecision(15));
}

/**
 * A formula's value as Excel shows it: a formula whose result is an empty cell shows 0
 * (`=A1` with A1 empty). HyperFormula returns empty; workbooks, reports and exports follow
 * Excel. (A Rows rule keeps empty, where empty means "no exception": docs/rule-sheets.md.)
 */
export function fromFormulaValue(value: unknown): CellValue {
  return value === null || value === undefined || typeof value === 'symbol' ? 0 : fromEngineValue(value);
}

/** A typed field value as a CellValue for output (dates stay ISO strings). */
export function fieldToOutput(value: FieldValue): CellValue {
  return value === undefined ? null : value;
}
