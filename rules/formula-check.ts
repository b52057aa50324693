/**
 * Whether HyperFormula can read a formula, and the parser's message when it cannot, so the
 * editor can refuse a formula at entry as Excel does ("There's a problem with this formula").
 */
import { DetailedCellError, ErrorType, type HyperFormula } from 'hyperformula';
import { formulaDepthProblem } from './formula-depth.js';
import { normaliseFormula } from './formula-text.js';
import { createEngine } from './hf.js';

let scratch: HyperFormula | null = null;

/**
 * The parser's message for a formula (`=…`, Excel's dialect) that does not parse, or null
 * when it parses. Unknown names and wrong types are not parse errors: they are values.
 *
 * @example formulaParseError('=SUM(1,2))') // 'Parsing error. Redundant input, expecting the end of the formula but found ")"'
 */
export function formulaParseError(formula: string): string | null {
  if (!formula.startsWith('=')) return null;
  const text = normaliseFormula(formula);
  const tooDeep = formulaDepthProblem(text);
  if (tooDeep) return tooDeep;
  scratch ??= createEngine({ maxRows: 10, maxColumns: 10 });
  if (scratch.validateFormula(text)) return null;
  if (scratch.getSheetId('Check') === undefined) scratch.addSheet('Check');
  const address = { sheet: scratch.getSheetId('Check')!, row: 0, col: 0 };
  scratch.setCellContents(address, [[text]]);
  const value = scratch.getCellValue(address);
  scratch.setCellContents(address, [[null]]);
  scratch.clearUndoStack();
  if (!(value instanceof DetailedCellError) || value.type !== ErrorType.ERROR) return 'the formula cannot be read';
  return shortMessage(value.message);
}

const TOKENS: Record<string, string> = { RParen: '")"', LParen: '"("', ArrayRParen: '"}"', ArrayLParen: '"{"' };

/**
 * The parser's words for people: it lists every token it could have taken (a person needs
 * the first and last lines) and names tokens by their grammar names (`RParen`).
 */
function shortMessage(message: string): string {
  const lines = message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const text =
    lines.length <= 1
      ? (lines[0] ?? 'the formula cannot be read')
      : `Parsing error. Expecting a value, a reference or a function ${lines[lines.length - 1]}`;
  return text
    .replace(/--> '' <--|: ''$/, ' the end of the formula')
    .replace(/--> (\w+) <--/g, (_, token: string) => TOKENS[token] ?? token)
    .replace(/\bEOF\b/, 'the end of the formula')
    .replace(/but found: (\S+)$/, 'but found "$1"')
    .replace(/\s+/g, ' ')
    .replace(/ :/g, ':');
}
