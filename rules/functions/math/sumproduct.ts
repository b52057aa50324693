/**
 * `SUMPRODUCT(array1, [array2], …)`, replacing HyperFormula's, which gives #VALUE! for an
 * array expression in a plain formula (`SUMPRODUCT((A1:A9>1)*B1:B9)`, `SUMPRODUCT(--(A1:A9="x"))`):
 * Excel evaluates SUMPRODUCT's arguments as arrays in any formula. As Excel documents, the
 * arrays must have the same dimensions (#VALUE! otherwise), entries that are not numbers
 * (text, TRUE/FALSE, blanks) count as 0, and an error in any entry is the result. When every
 * argument is one cell, text is #VALUE! instead, as in Excel.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { numberOf } from '../values.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export class SumproductPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    SUMPRODUCT: {
      method: 'sumproduct',
      parameters: [{ argumentType: FunctionArgumentType.RANGE }],
      repeatLastArgs: 1,
      enableArrayArithmeticForArguments: true,
      vectorizationForbidden: true,
    },
  };

  sumproduct(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('SUMPRODUCT'), (...arrays: SimpleRangeValue[]) => {
      const [first] = arrays;
      const [height, width] = [first.height(), first.width()];
      if (arrays.some((a) => a.height() !== height || a.width() !== width))
        return new CellError(ErrorType.VALUE, 'SUMPRODUCT needs arrays of the same dimensions');
      const values = arrays.map((a) => a.valuesFromTopLeftCorner());
      // One-cell arguments are read as single values, where text is #VALUE! (Excel, as POI's test data records).
      if (height * width === 1 && values.some(([v]) => typeof v === 'string'))
        return new CellError(ErrorType.VALUE, 'SUMPRODUCT of single cells needs numbers');
      let sum = 0;
      for (let i = 0; i < height * width; i++) {
        let product = 1;
        for (const array of values) {
          const v = array[i];
          if (v instanceof CellError) return v;
          product *= numberOf(v) ?? 0;
        }
        sum += product;
      }
      return sum;
    });
  }
}
