/**
 * Recalculates every formula of an Excel workbook and returns it with the new cached
 * values, keeping formulas, sheets, defined names and other values as they were.
 *
 * One cell never takes down the rest: a formula the engine cannot evaluate as Excel would
 * (it cannot parse it, has no such function, cannot hold a name it uses, failed on it, or
 * it depends on such a formula) keeps the value Excel cached and is returned as an issue
 * naming its cell. If the engine fails on the workbook as a whole, every formula keeps
 * Excel's value and the one issue says why: the output is then the input's values, still
 * a faithful workbook, and the caller learns from the issue and `kept` what was not done.
 */
import * as XLSX from '@e965/xlsx';
import { CellType, type HyperFormula } from 'hyperformula';
import { loadEngineWorkbook, type SkippedName } from './engine-workbook.js';
import { fromFormulaValue } from './field-values.js';
import { isErrorValue, type CellValue, type Workbook } from './workbook.js';
import { unsupportedFormulas, type ImportIssue } from './xlsx/import-issues.js';
import { readWorkbookXlsx } from './xlsx/read-workbook.js';
import { EXCEL_ERROR_CODES } from './xlsx/error-codes.js';

export interface RecalcResult {
  bytes: Uint8Array;
  formulas: number;
  /** Formulas whose value changed from the one Excel cached. */
  changed: number;
  /** The formulas (`Sheet!A1`) that kept Excel's cached value because the engine cannot evaluate them. */
  kept: string[];
  /** What the engine cannot evaluate, by name or cell; one issue without a cell when the whole workbook failed. */
  issues: ImportIssue[];
}

/** A new cached value for one cell of the SheetJS book. */
interface Update {
  sheet: string;
  address: string;
  value: CellValue;
}

interface Evaluation extends Pick<RecalcResult, 'changed' | 'kept' | 'issues'> {
  updates: Update[];
}

/** Recalculates `data` (an .xlsx file); only a file that is not a readable workbook is a RuleError. */
export function recalcWorkbook(data: Uint8Array, fileName = 'workbook.xlsx'): RecalcResult {
  const { workbook, cached } = readWorkbookXlsx(data, fileName);
  const book = XLSX.read(data, { type: 'array', cellFormula: true, cellNF: true, cellStyles: true, xlfn: true });
  let evaluation: Evaluation;
  try {
    evaluation = evaluate(workbook, cached, book);
  } catch (error) {
    evaluation = {
      updates: [],
      changed: 0,
      kept: [...cached.keys()],
      issues: [
        {
          sheet: '',
          cell: '',
          message: `the engine failed on this workbook (${(error as Error).message}); every formula keeps Excel's value`,
        },
      ],
    };
  }
  for (const { sheet, address, value } of evaluation.updates)
    setCachedValue((book.Sheets[sheet][address] ??= { t: 'z' } as XLSX.CellObject), value);
  const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true, cellStyles: true });
  const { changed, kept, issues } = evaluation;
  return { bytes: new Uint8Array(bytes), formulas: cached.size, changed, kept, issues };
}

/** Reads every formula's new value from the engine; the book is only read, so a failure leaves it untouched. */
function evaluate(workbook: Workbook, cached: Map<string, CellValue>, book: XLSX.WorkBook): Evaluation {
  const skippedNames: SkippedName[] = [];
  const hf = loadEngineWorkbook(workbook, { skippedNames });
  try {
    const issues = unsupportedFormulas(workbook, hf, skippedNames);
    const unsupported = new Set(issues.filter((i) => i.cell).map((i) => `${i.sheet}!${i.cell}`));
    const updates: Update[] = [];
    const kept: string[] = [];
    let changed = 0;
    for (const [key, excel] of cached) {
      if (unsupported.has(key)) {
        kept.push(key);
        continue;
      }
      const at = key.lastIndexOf('!');
      const sheetName = key.slice(0, at);
      const address = key.slice(at + 1);
      const cellAddress = hf.simpleCellAddressFromString(address, hf.getSheetId(sheetName)!)!;
      const value = fromFormulaValue(hf.getCellValue(cellAddress));
      updates.push({ sheet: sheetName, address, value });
      if (!sameValue(value, excel)) changed += 1;
      const range = (book.Sheets[sheetName][address] as XLSX.CellObject).F;
      // An array formula's other cells hold the rest of its result.
      if (range?.includes(':')) updates.push(...spilledValues(hf, cellAddress.sheet, sheetName, address, range));
    }
    return { updates, changed, kept, issues };
  } finally {
    hf.destroy();
  }
}

/** The values of an array formula's range other than its top-left cell. */
function spilledValues(hf: HyperFormula, sheetId: number, sheet: string, anchor: string, range: string): Update[] {
  const { s, e } = XLSX.utils.decode_range(range);
  const updates: Update[] = [];
  for (let row = s.r; row <= e.r; row++)
    for (let col = s.c; col <= e.c; col++) {
      const address = XLSX.utils.encode_cell({ r: row, c: col });
      if (address === anchor) continue;
      const inRange = { sheet: sheetId, row, col };
      // Past the end of a smaller result Excel shows #N/A in a fixed array's range.
      const value: CellValue = hf.getCellType(inRange) === CellType.ARRAY ? fromFormulaValue(hf.getCellValue(inRange)) : { error: '#N/A' };
      updates.push({ sheet, address, value });
    }
  return updates;
}

/** Whether the value written equals the one cached: errors by code (the file keeps no message). */
function sameValue(value: CellValue, excel: CellValue | undefined): boolean {
  if (isErrorValue(value)) return isErrorValue(excel) && excel.error === value.error;
  return value === excel;
}

/** Writes a recalculated value into a SheetJS cell, keeping its formula and style. */
function setCachedValue(cell: XLSX.CellObject, value: CellValue): void {
  if (isErrorValue(value)) Object.assign(cell, { t: 'e', v: EXCEL_ERROR_CODES[value.error] ?? 0x0f, w: value.error });
  else if (typeof value === 'number') Object.assign(cell, { t: 'n', v: value, w: undefined });
  else if (typeof value === 'boolean') Object.assign(cell, { t: 'b', v: value, w: undefined });
  else Object.assign(cell, { t: 's', v: value ?? '', w: undefined });
}
