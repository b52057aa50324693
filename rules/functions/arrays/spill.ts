/**
 * The two operators of Excel 365's dynamic arrays, as the engine's functions (see dialect.ts):
 *
 * * `ANCHORARRAY(A2)` is `A2#`: the whole range the formula in A2 spills into, as a
 *   reference (so `ROWS(A2#)`, `SUM(A2#)` read what is spilled now). A cell that does not
 *   spill is #REF!, as in Excel.
 * * `SINGLE(x)` is `@x`: implicit intersection. A range gives the cell in the formula's
 *   row (one column) or column (one row), else #VALUE!; an array gives its first value.
 * * `SPILL.RANGE(A1:A3)` is a formula that is a range alone, `=A1:A3`: Excel 365 spills the
 *   range's values (a blank as 0); the engine refuses a bare range as a cell's result.
 */
import { ArraySize, CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { intersect } from '../values.js';
import { gridOf, result, spill } from './grid.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const ANY = { argumentType: FunctionArgumentType.ANY };

export class SpillPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    ANCHORARRAY: { method: 'anchorArray', parameters: [ANY], sizeOfResultArrayMethod: 'anchorSize' },
    // Both read their argument themselves; the anchor stays a dependency.
    SINGLE: { method: 'single', parameters: [ANY] },
    'SPILL.RANGE': {
      method: 'spillRange',
      parameters: [{ argumentType: FunctionArgumentType.RANGE }],
      sizeOfResultArrayMethod: 'spillRangeSize',
      vectorizationForbidden: true,
    },
  };

  spillRange(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('SPILL.RANGE'), (range: SimpleRangeValue) => result(gridOf(range)) as never);
  }

  spillRangeSize(ast: Ast, state: State) {
    if (ast.args.length !== 1) return ArraySize.error();
    const size = this.arraySizeForAst(ast.args[0], { ...state, arraysFlag: true });
    // The range's size as values (the engine does not spill a size that is a reference).
    return spill(size.width, size.height);
  }

  anchorArray(ast: Ast, state: State) {
    const vertex = this.anchor(ast, state);
    if (vertex instanceof CellError) return vertex;
    return SimpleRangeValue.onlyRange(vertex.getRange(), this.dependencyGraph);
  }

  anchorSize(ast: Ast, state: State) {
    const vertex = this.anchor(ast, state);
    // The anchor is not read yet (it comes later in the sheet): one value until it is.
    if (vertex instanceof CellError) return ArraySize.scalar();
    const range = vertex.getRange();
    return spill(range.width(), range.height());
  }

  single(ast: Ast, state: State) {
    if (ast.args.length !== 1) return new CellError(ErrorType.NA, '@ applies to one value');
    const value = this.evaluateAst(ast.args[0], state);
    if (!(value instanceof SimpleRangeValue)) return value;
    // One cell is its own value wherever the formula stands (`@A1:A1`, `@INDEX(A:B,2,2)`).
    if (value.width() === 1 && value.height() === 1) return value.data[0][0];
    return intersect(value, state);
  }

  /** The array formula anchored at the referenced cell, or the error Excel gives. */
  private anchor(ast: Ast, state: State): Ast | CellError {
    const arg = ast.args[0];
    if (ast.args.length !== 1 || arg?.type !== 'CELL_REFERENCE')
      return new CellError(ErrorType.REF, 'a spill reference (#) follows a single cell');
    const address = arg.reference.toSimpleCellAddress(state.formulaAddress);
    const vertex: Ast = this.dependencyGraph.getCell(address);
    if (!vertex || typeof vertex.getRange !== 'function' || !vertex.isLeftCorner?.(address) || !vertex.getRangeOrUndef())
      return new CellError(ErrorType.REF, 'the cell a spill reference (#) names does not spill');
    return vertex;
  }
}
