/**
 * After an `.xlsx` import, what Tickmark's engine cannot evaluate as Excel would: defined
 * names it cannot hold, formulas it cannot parse, formulas calling a function it does not
 * have, formulas it failed on and the formulas that depend on those. Each is reported by
 * name or cell so the user knows what to rewrite; the formula itself is kept exactly as it was.
 */
import { DetailedCellError, ErrorType, type HyperFormula } from 'hyperformula';
import { formulaCells, loadEngineWorkbook, type SkippedName } from '../engine-workbook.js';
import { normaliseFormula } from '../formula-text.js';
import { ENGINE_FAILURE } from '../functions/guard.js';
import { cellAddress, type Workbook } from '../workbook.js';
import { EXCEL_ERROR_CODES } from './error-codes.js';

/** A cell (or a defined name) the engine cannot evaluate as Excel would, and why. */
export interface ImportIssue {
  /** The cell's sheet; for a name, the sheet it is local to ('' for a workbook-wide one). */
  sheet: string;
  /** A1 address; '' for a name or the workbook as a whole. */
  cell: string;
  /** Set when the issue is a defined name's. */
  name?: string;
  message: string;
}

/**
 * The issues of a workbook, evaluated in `engine` when the caller has one loaded already
 * (then `skippedNames` are the names that load left out).
 */
export function unsupportedFormulas(workbook: Workbook, engine?: HyperFormula, skippedNames: SkippedName[] = []): ImportIssue[] {
  const skipped = [...skippedNames];
  let hf = engine;
  try {
    hf ??= loadEngineWorkbook(workbook, { skippedNames: skipped });
  } catch (error) {
    return [{ sheet: '', cell: '', message: `the workbook cannot be evaluated: ${(error as Error).message}` }];
  }
  const issues: ImportIssue[] = skipped.map((n) => ({
    sheet: n.scope ?? '',
    cell: '',
    name: n.name,
    // The message names the name itself: a list that shows only sheet and cell still says which.
    message: `Tickmark cannot hold the name "${n.name}" (${n.message.replace(/\.$/, '')}); formulas using it give #NAME?`,
  }));
  const refused = new Set(skipped.map((n) => n.name.toLowerCase()));
  try {
    for (const { sheet, row, col, input, address } of formulaCells(workbook, hf)) {
      const value = hf.getCellValue(address);
      if (!(value instanceof DetailedCellError)) continue;
      const message = whyNotExcel(value, input, hf, refused);
      if (message) issues.push({ sheet, cell: cellAddress(row, col), message });
    }
  } finally {
    if (!engine) hf.destroy();
  }
  return issues;
}

/** Why an error value is the engine's shortcoming rather than the formula's result in Excel, if it is. */
function whyNotExcel(value: DetailedCellError, formula: string, hf: HyperFormula, refused: Set<string>): string | undefined {
  const unknown = /Function name (.+) not recognized/.exec(value.message);
  if (unknown) return `Tickmark has no function ${unknown[1]}`;
  if (value.type === ErrorType.ERROR && value.message.startsWith('Parsing error'))
    // A dependent of an unreadable cell carries that cell's parse error.
    return hf.validateFormula(normaliseFormula(formula))
      ? `Tickmark cannot evaluate this formula: it depends on one Tickmark cannot read (${value.message})`
      : `Tickmark cannot read this formula: ${value.message}`;
  const name = /Named expression (.+) not recognized/.exec(value.message);
  if (name && refused.has(name[1].toLowerCase()))
    return `Tickmark cannot evaluate this formula: it uses the name "${name[1]}", which Tickmark cannot hold`;
  if (value.message.startsWith(ENGINE_FAILURE)) return `Tickmark cannot evaluate this formula: ${value.message}`;
  if (value.type === ErrorType.CYCLE) return 'Tickmark cannot evaluate this formula: it is part of a circular reference';
  // An error Excel has no code for (HyperFormula's own) cannot be Excel's result.
  if (!(value.value in EXCEL_ERROR_CODES))
    return `Tickmark cannot evaluate this formula as Excel does: it gives ${value.value}${value.message ? ` (${value.message})` : ''}`;
  return undefined;
}
