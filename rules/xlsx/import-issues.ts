/**
 * After an `.xlsx` import, the formulas Tickmark's engine cannot evaluate as Excel would:
 * those it cannot parse and those calling a function it does not have. Each is reported by
 * cell so the user knows what to rewrite; the formula itself is kept exactly as it was.
 */
import { DetailedCellError, type HyperFormula } from 'hyperformula';
import { formulaCells, loadEngineWorkbook } from '../engine-workbook.js';
import { cellAddress, type Workbook } from '../workbook.js';

/** A cell the engine cannot evaluate as Excel would, and why. */
export interface ImportIssue {
  sheet: string;
  cell: string;
  message: string;
}

/** The issues of a workbook, evaluated in `engine` when the caller has one loaded already. */
export function unsupportedFormulas(workbook: Workbook, engine?: HyperFormula): ImportIssue[] {
  let hf = engine;
  try {
    hf ??= loadEngineWorkbook(workbook);
  } catch (error) {
    return [{ sheet: '', cell: '', message: `the workbook cannot be evaluated: ${(error as Error).message}` }];
  }
  const issues: ImportIssue[] = [];
  try {
    for (const { sheet, row, col, address } of formulaCells(workbook, hf)) {
      const value = hf.getCellValue(address);
      if (!(value instanceof DetailedCellError)) continue;
      const unknown = /Function name (.+) not recognized/.exec(value.message);
      if (unknown) issues.push({ sheet, cell: cellAddress(row, col), message: `Tickmark has no function ${unknown[1]}` });
      else if (value.type === 'ERROR' && value.message.startsWith('Parsing error'))
        issues.push({ sheet, cell: cellAddress(row, col), message: `Tickmark cannot read this formula: ${value.message}` });
    }
  } finally {
    if (!engine) hf.destroy();
  }
  return issues;
}
