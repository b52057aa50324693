/**
 * Excel's array-valued counting functions HyperFormula 3.5 lacks:
 *
 * * `FREQUENCY(data_array, bins_array)`: a column of how many numbers fall at or below each
 *   bin and above the next lower one, plus one last count of those above the highest bin
 *   (n bins give n + 1 counts, in the bins' own order). Text and blanks are skipped.
 * * `MODE.MULT(number1, …)`: a column of the most frequent numbers, in the order they first
 *   appear; #N/A when no number repeats.
 *
 * Unused cells of an array formula's range are #N/A, as in Excel.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { arrayResult, reserve } from '../math/array-result.js';
import { numbersOf, rangeNumbers } from './numbers.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const RANGE = { argumentType: FunctionArgumentType.RANGE };
const ARRAY_FUNCTION = { enableArrayArithmeticForArguments: true, vectorizationForbidden: true };

export class FrequencyPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    FREQUENCY: { method: 'frequency', parameters: [RANGE, RANGE], ...ARRAY_FUNCTION, sizeOfResultArrayMethod: 'frequencySize' },
    'MODE.MULT': {
      method: 'modeMult',
      parameters: [{ argumentType: FunctionArgumentType.ANY }],
      repeatLastArgs: 1,
      ...ARRAY_FUNCTION,
      sizeOfResultArrayMethod: 'modeMultSize',
    },
  };

  frequency(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('FREQUENCY'), (data: SimpleRangeValue, binsRange: SimpleRangeValue) => {
      const values = rangeNumbers(data);
      if (values instanceof CellError) return values;
      const bins = rangeNumbers(binsRange);
      if (bins instanceof CellError) return bins;
      const sorted = [...new Set(bins)].sort((a, b) => a - b);
      const countAtOrBelow = (limit: number) => values.filter((v) => v <= limit).length;
      const counts = bins.map((bin) => {
        const lower = sorted.filter((b) => b < bin).pop();
        return countAtOrBelow(bin) - (lower === undefined ? 0 : countAtOrBelow(lower));
      });
      // A bin repeated counts once, at its first place; the later copies are 0.
      const seen = new Set<number>();
      const column = counts.map((count, i) => (seen.has(bins[i]) ? 0 : (seen.add(bins[i]), count)));
      const above = values.length - (sorted.length ? countAtOrBelow(sorted[sorted.length - 1]) : 0);
      return arrayResult(
        [...column, above].map((v) => [v]),
        ast,
        state,
        this.frequencySize(ast, state),
      );
    });
  }

  modeMult(ast: Ast, state: State) {
    const args = ast.args.map((arg: Ast) => (arg.type === 'EMPTY' ? null : this.evaluateAst(arg, state)));
    const numbers = numbersOf(args, ast.args);
    if (numbers instanceof CellError) return numbers;
    const counts = new Map<number, number>();
    for (const n of numbers) counts.set(n, (counts.get(n) ?? 0) + 1);
    const best = Math.max(0, ...counts.values());
    if (best < 2) return new CellError(ErrorType.NA, 'no number repeats');
    const modes = [...counts.entries()].filter(([, c]) => c === best).map(([n]) => [n]);
    return arrayResult(modes, ast, state, this.modeMultSize(ast, state));
  }

  frequencySize(ast: Ast, state: State) {
    const bins = this.arraySizeForAst(ast.args[1], { ...state, arraysFlag: true });
    return reserve(state, 1, bins.width * bins.height + 1);
  }

  /** At most half the cells can be modes (each repeats). */
  modeMultSize(ast: Ast, state: State) {
    let cells = 0;
    for (const arg of ast.args) {
      const size = this.arraySizeForAst(arg, { ...state, arraysFlag: true });
      cells += size.width * size.height;
    }
    return reserve(state, 1, Math.floor(cells / 2));
  }
}
