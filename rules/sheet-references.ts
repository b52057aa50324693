/**
 * The sheets a formula names (`Prices!B2`, `'Closing prices'!A:A`). HyperFormula evaluates a
 * reference to a sheet that does not exist as #REF!, but filling such a formula down fails
 * inside the engine ("There's no sheet with id = 2", naming no cell), so the `Rows` rule is
 * checked first and the fault named by its cell.
 */
import { RuleError, type RuleErrorPlace } from './errors.js';
import { withoutStrings } from './formula-calls.js';

/** Error literals, whose `!` is not a sheet separator (`#REF!`, `#DIV/0!`). */
const ERROR_LITERALS = /#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|ERROR!|LIC!|CYCLE!|GETTING_DATA)/gi;
/** A quoted sheet name (quotes doubled inside) or a bare one, before `!`. */
const SHEET_PREFIX = /'((?:[^']|'')+)'!|(?<![\p{L}\p{N}_.#'\]])([\p{L}_][\p{L}\p{N}_.]*)!/gu;

/**
 * The sheet names a formula refers to, as written, in order, each once.
 *
 * @example referencedSheets("=VLOOKUP(A2,Prices!A:B,2,0)+'Closing prices'!B2") // ['Prices', 'Closing prices']
 */
export function referencedSheets(formula: string): string[] {
  const text = withoutStrings(formula).replace(ERROR_LITERALS, (m) => ' '.repeat(m.length));
  const names = new Map<string, string>();
  for (const match of text.matchAll(SHEET_PREFIX)) {
    const name = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
    if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  }
  return [...names.values()];
}

/**
 * Refuses a formula that names a sheet outside `sheetNames` (compared as Excel does, ignoring
 * case), with the formula's cell as the place.
 */
export function checkSheetReferences(formula: string, sheetNames: readonly string[], place: RuleErrorPlace): void {
  const known = new Set(sheetNames.map((n) => n.toLowerCase()));
  const missing = referencedSheets(formula).find((name) => !known.has(name.toLowerCase()));
  if (missing !== undefined)
    throw new RuleError('missing_sheet', `the formula refers to sheet "${missing}", which this workbook does not have`, place);
}
