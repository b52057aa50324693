/**
 * `AREAS(reference)`: how many areas a reference has. Tickmark's formulas have no union
 * operator (Excel's `(A1:B2,C3)` is not part of HyperFormula's grammar and fails to parse),
 * so every reference is one area: a cell, a range, a defined name for one, or a function
 * returning a reference (INDIRECT, OFFSET, INDEX). A value that is not a reference is #VALUE!.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { bare } from '../text/phonetic.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const REFERENCES = new Set(['CELL_REFERENCE', 'CELL_RANGE', 'COLUMN_RANGE', 'ROW_RANGE']);

export class AreasPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    AREAS: { method: 'areas', parameters: [{ argumentType: FunctionArgumentType.ANY }], vectorizationForbidden: true },
  };

  areas(ast: Ast, state: State) {
    if (ast.args.length !== 1) return new CellError(ErrorType.NA, 'AREAS takes one reference');
    if (REFERENCES.has(bare(ast.args[0])?.type)) return 1;
    const value = this.evaluateAst(ast.args[0], state);
    if (value instanceof CellError) return value;
    // A function that returns a reference hands back a range that knows where it is.
    if (value instanceof SimpleRangeValue && (value as unknown as { range?: unknown }).range !== undefined) return 1;
    return new CellError(ErrorType.VALUE, 'AREAS needs a reference, not a value');
  }
}
