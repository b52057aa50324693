/**
 * Excel conformance: recalculate a workbook with Tickmark's engine and compare every formula
 * with the value Excel cached for it (numbers to 1e-9 relative, text and errors exactly).
 */
import { loadEngineWorkbook } from '../engine-workbook.js';
import { fromFormulaValue } from '../field-values.js';
import { isErrorValue, type CellValue } from '../workbook.js';
import { readWorkbookXlsx } from './read-workbook.js';

export interface Difference {
  cell: string;
  formula: string;
  excel: CellValue;
  tickmark: CellValue;
}

export interface Conformance {
  formulas: number;
  agreeing: number;
  differences: Difference[];
}

export function checkConformance(data: Uint8Array, fileName: string): Conformance {
  const { workbook, cached } = readWorkbookXlsx(data, fileName);
  const hf = loadEngineWorkbook(workbook);
  const differences: Difference[] = [];
  let formulas = 0;
  try {
    for (const [key, excel] of cached) {
      if (excel === null || excel === undefined) continue;
      formulas += 1;
      const at = key.lastIndexOf('!');
      const sheet = hf.getSheetId(key.slice(0, at))!;
      const address = hf.simpleCellAddressFromString(key.slice(at + 1), sheet)!;
      const tickmark = fromFormulaValue(hf.getCellValue(address));
      if (!agrees(excel, tickmark)) differences.push({ cell: key, formula: hf.getCellFormula(address) ?? '', excel, tickmark });
    }
  } finally {
    hf.destroy();
  }
  return { formulas, agreeing: formulas - differences.length, differences };
}

/** Numbers to 1e-9 relative; text, booleans and error codes exactly; an empty result matches empty text. */
export function agrees(excel: CellValue, tickmark: CellValue): boolean {
  if (isErrorValue(excel)) return isErrorValue(tickmark) && tickmark.error === excel.error;
  if (typeof excel === 'number') {
    if (typeof tickmark !== 'number') return false;
    const scale = Math.max(Math.abs(excel), Math.abs(tickmark));
    return scale === 0 || Math.abs(excel - tickmark) <= 1e-9 * scale;
  }
  if (typeof excel === 'string' && excel === '') return tickmark === '' || tickmark === null;
  return excel === tickmark;
}
