/**
 * Recalculates every formula of an Excel workbook and returns it with the new cached
 * values, keeping formulas, sheets, defined names and other values as they were.
 */
import * as XLSX from '@e965/xlsx';
import { CellType } from 'hyperformula';
import { loadEngineWorkbook } from './engine-workbook.js';
import { RuleError } from './errors.js';
import { fromFormulaValue } from './field-values.js';
import { isErrorValue, type CellValue } from './workbook.js';
import { unsupportedFormulas, type ImportIssue } from './xlsx/import-issues.js';
import { readWorkbookXlsx } from './xlsx/read-workbook.js';
import { EXCEL_ERROR_CODES } from './xlsx/error-codes.js';

export interface RecalcResult {
  bytes: Uint8Array;
  formulas: number;
  /** Formulas whose value changed from the one Excel cached. */
  changed: number;
  issues: ImportIssue[];
}

/** Recalculates `data` (an .xlsx file); a formula HyperFormula cannot read is a RuleError naming its cell. */
export function recalcWorkbook(data: Uint8Array, fileName = 'workbook.xlsx'): RecalcResult {
  const { workbook, cached } = readWorkbookXlsx(data, fileName);
  const book = XLSX.read(data, { type: 'array', cellFormula: true, cellNF: true, cellStyles: true, xlfn: true });
  const hf = loadEngineWorkbook(workbook);
  const issues = unsupportedFormulas(workbook, hf);
  let changed = 0;
  try {
    for (const key of cached.keys()) {
      const at = key.lastIndexOf('!');
      const sheetName = key.slice(0, at);
      const address = key.slice(at + 1);
      const cellAddress = hf.simpleCellAddressFromString(address, hf.getSheetId(sheetName)!)!;
      const value = fromFormulaValue(hf.getCellValue(cellAddress));
      if (isErrorValue(value) && value.error === '#ERROR!') {
        throw new RuleError('bad_formula', `the formula cannot be read: ${value.message ?? 'parse error'}`, {
          file: fileName,
          sheet: sheetName,
          cell: address,
        });
      }
      const sheet = book.Sheets[sheetName];
      const cell = sheet[address] as XLSX.CellObject;
      setCachedValue(cell, value);
      if (JSON.stringify(value) !== JSON.stringify(cached.get(key))) changed += 1;
      // An array formula's other cells hold the rest of its result.
      if (cell.F?.includes(':')) {
        const range = XLSX.utils.decode_range(cell.F);
        for (let r = range.s.r; r <= range.e.r; r++)
          for (let c = range.s.c; c <= range.e.c; c++) {
            const inside = XLSX.utils.encode_cell({ r, c });
            if (inside === address) continue;
            const cellInRange = { sheet: cellAddress.sheet, row: r, col: c };
            // Past the end of a smaller result Excel shows #N/A in a fixed array's range.
            const spilled: CellValue =
              hf.getCellType(cellInRange) === CellType.ARRAY ? fromFormulaValue(hf.getCellValue(cellInRange)) : { error: '#N/A' };
            setCachedValue((sheet[inside] ??= { t: 'z' } as XLSX.CellObject), spilled);
          }
      }
    }
  } finally {
    hf.destroy();
  }
  const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true, cellStyles: true });
  return { bytes: new Uint8Array(bytes), formulas: cached.size, changed, issues };
}

/** Writes a recalculated value into a SheetJS cell, keeping its formula and style. */
function setCachedValue(cell: XLSX.CellObject, value: CellValue): void {
  if (isErrorValue(value)) Object.assign(cell, { t: 'e', v: EXCEL_ERROR_CODES[value.error] ?? 0x0f, w: value.error });
  else if (typeof value === 'number') Object.assign(cell, { t: 'n', v: value, w: undefined });
  else if (typeof value === 'boolean') Object.assign(cell, { t: 'b', v: value, w: undefined });
  else Object.assign(cell, { t: 's', v: value ?? '', w: undefined });
}
