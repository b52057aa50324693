/**
 * `PHONETIC(reference)`: the furigana (phonetic guide) Excel stores with Japanese text in a
 * cell. Tickmark's workbooks keep no phonetic guides, and Excel returns the cell's own text
 * when a cell has none, so PHONETIC gives the text of the referenced cell (the top-left one of
 * a range, as Excel documents). Anything but a cell reference is #N/A, as in Excel.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { valueText } from './value-text.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const REFERENCES = new Set(['CELL_REFERENCE', 'CELL_RANGE', 'COLUMN_RANGE', 'ROW_RANGE']);

/** Unwraps parentheses around a formula argument. */
export function bare(arg: Ast): Ast {
  let node = arg;
  while (node?.type === 'PARENTHESIS') node = node.expression;
  return node;
}

export class PhoneticPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    PHONETIC: { method: 'phonetic', parameters: [{ argumentType: FunctionArgumentType.RANGE }], vectorizationForbidden: true },
  };

  phonetic(ast: Ast, state: State) {
    if (ast.args.length !== 1 || !REFERENCES.has(bare(ast.args[0])?.type))
      return new CellError(ErrorType.NA, 'PHONETIC needs a reference to a cell');
    return this.runFunction(ast.args, state, this.metadata('PHONETIC'), (range: SimpleRangeValue) => {
      const first = range.data[0]?.[0];
      return first instanceof CellError ? first : valueText(first, false);
    });
  }
}
