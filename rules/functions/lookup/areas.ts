/**
 * `AREAS(reference)`: how many areas a reference has. A union such as `(B2:D4,E5,F6:I9)`,
 * which HyperFormula's grammar lacks, reaches the engine as XLUNION (rules/functions/range-ends.ts)
 * and counts one area per reference in it. Any other reference is one area: a cell, a range,
 * a defined name for one, or a function returning a reference (INDIRECT, OFFSET, INDEX). A
 * value that is not a reference is #VALUE!.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { ENGINE_UNION } from '../range-ends.js';
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
    const arg = unbracketed(ast.args[0]);
    if (arg?.type === 'FUNCTION_CALL' && arg.procedureName === ENGINE_UNION) {
      const parts: Ast[] = arg.args.map(unbracketed);
      return parts.every((part) => REFERENCES.has(part?.type))
        ? parts.length
        : new CellError(ErrorType.VALUE, 'AREAS counts a union of cells and ranges only');
    }
    if (REFERENCES.has(bare(ast.args[0])?.type) || REFERENCES.has(arg?.type)) return 1;
    const value = this.evaluateAst(ast.args[0], state);
    if (value instanceof CellError) return value;
    // A function that returns a reference hands back a range that knows where it is.
    if (value instanceof SimpleRangeValue && (value as unknown as { range?: unknown }).range !== undefined) return 1;
    return new CellError(ErrorType.VALUE, 'AREAS needs a reference, not a value');
  }
}

/** The expression inside any brackets around it (HyperFormula names the node PARENTHESES). */
function unbracketed(arg: Ast): Ast {
  let node = arg;
  while (node?.type === 'PARENTHESES' || node?.type === 'PARENTHESIS') node = node.expression;
  return node;
}
