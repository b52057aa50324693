/**
 * Builds HyperFormula instances configured the way Tickmark evaluates workbooks:
 * Excel's date system, GPL licence key, Tickmark's extra functions registered.
 */
import { HyperFormula, type ConfigParams } from 'hyperformula';
import { registerTickmarkFunctions } from './functions/index.js';
import { applyExcelCoercion } from './functions/coercion.js';
import { parseExcelDateTime } from './functions/datetime/date-text.js';
import { TICKMARK_LANGUAGE } from './functions/language.js';

/** HyperFormula settings shared by every instance Tickmark builds. */
export function engineConfig(overrides: Partial<ConfigParams> = {}): Partial<ConfigParams> {
  registerTickmarkFunctions();
  const config: Partial<ConfigParams> = {
    licenseKey: 'gpl-v3',
    language: TICKMARK_LANGUAGE,
    // Excel's serial dates: day 1 is 1900-01-01, day 0 is "1900-01-00" and, as Lotus 1-2-3
    // had it, 1900-02-29 exists (day 60), so every serial from 61 on is the real date.
    nullDate: { year: 1899, month: 12, day: 31 },
    leapYear1900: true,
    // Date text as Excel (US) reads it: ISO dates and month-first dates.
    dateFormats: ['YYYY-MM-DD', 'MM/DD/YYYY', 'MM/DD/YY'],
    // …and as Excel reads any date or time text: month names, AM/PM (functions/datetime/date-text.ts).
    parseDateTime: parseExcelDateTime,
    useColumnIndex: false,
    smartRounding: true,
    // Values keep 15 significant digits, as Excel's do (HyperFormula rounds to 10 by default),
    // and numbers that differ in the 14th digit are not equal (HyperFormula's tolerance: 1e-13).
    precisionRounding: 15,
    precisionEpsilon: 1e-15,
    // A formula that refers to an empty cell is 0, as in Excel (COUNT and PRODUCT see the 0).
    evaluateNullToZero: true,
    // Arithmetic on ranges gives arrays and a plain cell spills them (`=A1:A3*2`), as in
    // Excel 365. Formulas from legacy Excel keep their meaning: the .xlsx importer puts `@`
    // where they meant implicit intersection (xlsx/implicit-intersection.ts).
    useArrayArithmetic: true,
    maxRows: 1_100_000,
    maxColumns: 16_384,
    ...overrides,
  };
  applyExcelCoercion(config);
  return config;
}

/** An empty HyperFormula instance with Tickmark's configuration. */
export function createEngine(overrides: Partial<ConfigParams> = {}): HyperFormula {
  return HyperFormula.buildEmpty(engineConfig(overrides));
}

/** The date system settings for a workbook: Excel's 1900 system, or 1904 (old Excel for Mac). */
export function dateSystem(date1904: boolean | undefined): Partial<ConfigParams> {
  return date1904 ? { nullDate: { year: 1904, month: 1, day: 1 }, leapYear1900: false } : {};
}
