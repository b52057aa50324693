/**
 * After an `.xlsx` import, the formulas Tickmark's engine cannot evaluate as Excel would:
 * those it cannot parse and those calling a function it does not have. Each is reported by
 * cell so the user knows what to rewrite; the formula itself is kept exactly as it was.
 */
import { DetailedCellError } from 'hyperformula';
import { loadEngineWorkbook } from '../engine-workbook.js';
import { cellAddress, isFormula, type Workbook } from '../workbook.js';
import type { ImportIssue } from './read-workbook.js';

export function unsupportedFormulas(workbook: Workbook): ImportIssue[] {
  let hf;
  try {
    hf = loadEngineWorkbook(workbook);
  } catch (error) {
    return [{ sheet: '', cell: '', message: `the workbook cannot be evaluated: ${(error as Error).message}` }];
  }
  const issues: ImportIssue[] = [];
  try {
    for (const sheet of workbook.sheets) {
      const id = hf.getSheetId(sheet.name)!;
      sheet.cells.forEach((row, r) =>
        (row ?? []).forEach((input, c) => {
          if (!isFormula(input)) return;
          const value = hf.getCellValue({ sheet: id, row: r, col: c });
          if (!(value instanceof DetailedCellError)) return;
          const unknown = /Function name (.+) not recognized/.exec(value.message);
          if (unknown) issues.push({ sheet: sheet.name, cell: cellAddress(r, c), message: `Tickmark has no function ${unknown[1]}` });
          else if (value.type === 'ERROR' && value.message.startsWith('Parsing error'))
            issues.push({ sheet: sheet.name, cell: cellAddress(r, c), message: `Tickmark cannot read this formula: ${value.message}` });
        }),
      );
    }
  } finally {
    hf.destroy();
  }
  return issues;
}
