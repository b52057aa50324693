/**
 * Excel's rank functions HyperFormula 3.5 lacks:
 *
 * * `RANK.EQ(number, ref, [order])` (and `RANK`): 1 for the largest (order 0, the default) or
 *   the smallest (order non-zero); ties share the best rank. #N/A when the number is not in ref.
 * * `RANK.AVG(number, ref, [order])`: ties get the average of the ranks they span.
 * * `PERCENTRANK.INC(array, x, [significance])` (and `PERCENTRANK`): the share of values below
 *   x over n-1, interpolated between values; `PERCENTRANK.EXC`: (count below + 1) / (n + 1).
 *   Both are cut (not rounded) to `significance` digits, 3 by default; #N/A when x is outside
 *   the values (INC) or not strictly inside their rank range (EXC); #NUM! for significance < 1.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { fifteen, rangeNumbers } from './numbers.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const NUMBER = { argumentType: FunctionArgumentType.NUMBER };
const RANGE = { argumentType: FunctionArgumentType.RANGE };
const RANK_PARAMETERS = [NUMBER, RANGE, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 }];
const PERCENTRANK_PARAMETERS = [RANGE, NUMBER, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 3 }];

export class RankingPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    RANK: { method: 'rankEq', parameters: RANK_PARAMETERS },
    'RANK.EQ': { method: 'rankEq', parameters: RANK_PARAMETERS },
    'RANK.AVG': { method: 'rankAvg', parameters: RANK_PARAMETERS },
    PERCENTRANK: { method: 'percentRankInc', parameters: PERCENTRANK_PARAMETERS },
    'PERCENTRANK.INC': { method: 'percentRankInc', parameters: PERCENTRANK_PARAMETERS },
    'PERCENTRANK.EXC': { method: 'percentRankExc', parameters: PERCENTRANK_PARAMETERS },
  };

  rankEq(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('RANK.EQ'), (x: number, ref: SimpleRangeValue, order: number) =>
      rank(x, ref, order, false),
    );
  }

  rankAvg(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('RANK.AVG'), (x: number, ref: SimpleRangeValue, order: number) =>
      rank(x, ref, order, true),
    );
  }

  percentRankInc(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('PERCENTRANK.INC'), (array: SimpleRangeValue, x: number, digits: number) =>
      percentRank(array, x, digits, (below, n) => below / (n - 1), true),
    );
  }

  percentRankExc(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('PERCENTRANK.EXC'), (array: SimpleRangeValue, x: number, digits: number) =>
      percentRank(array, x, digits, (below, n) => (below + 1) / (n + 1), false),
    );
  }
}

function rank(x: number, ref: SimpleRangeValue, order: number, average: boolean): number | CellError {
  const numbers = rangeNumbers(ref);
  if (numbers instanceof CellError) return numbers;
  const better = numbers.filter((v) => (order === 0 ? v > x : v < x)).length;
  const equal = numbers.filter((v) => v === x).length;
  if (equal === 0) return new CellError(ErrorType.NA, `${x} is not among the numbers ranked`);
  return average ? better + (equal + 1) / 2 : better + 1;
}

function percentRank(
  array: SimpleRangeValue,
  x: number,
  significance: number,
  rankOf: (below: number, n: number) => number,
  inclusive: boolean,
): number | CellError {
  const digits = Math.trunc(significance);
  if (digits < 1) return new CellError(ErrorType.NUM, 'significance must be at least 1');
  const numbers = rangeNumbers(array);
  if (numbers instanceof CellError) return numbers;
  const sorted = numbers.sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0 || x < sorted[0] || x > sorted[n - 1]) return new CellError(ErrorType.NA, `${x} is outside the values`);
  if (inclusive && n === 1) return 1;
  const at = (v: number) => rankOf(sorted.filter((s) => s < v).length, n);
  let value: number;
  if (sorted.includes(x)) value = at(x);
  else {
    const upper = sorted.findIndex((s) => s > x);
    const [lo, hi] = [sorted[upper - 1], sorted[upper]];
    value = at(lo) + ((x - lo) / (hi - lo)) * (at(hi) - at(lo));
  }
  const factor = 10 ** digits;
  return Math.floor(fifteen(value * factor)) / factor;
}
