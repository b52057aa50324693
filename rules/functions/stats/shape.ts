/**
 * Excel statistics HyperFormula 3.5 lacks:
 *
 * * `KURT(number1, …)`: the sample excess kurtosis; #DIV/0! for fewer than 4 numbers or no spread.
 * * `TRIMMEAN(array, percent)`: the mean without the `percent` share of values, rounded down to
 *   an even count, taken half from each end; #NUM! unless 0 <= percent < 1.
 * * `PROB(x_range, prob_range, lower_limit, [upper_limit])`: the probability of x in the
 *   limits (equal to lower_limit without an upper one); #NUM! when a probability is outside
 *   (0, 1] or they do not sum to 1, #N/A when the ranges differ in count.
 * * `BINOM.DIST.RANGE(trials, probability_s, number_s, [number_s2])`: the binomial probability
 *   of number_s to number_s2 successes.
 * * `PERMUT(number, number_chosen)`, `PERMUTATIONA(number, number_chosen)`: arrangements
 *   without and with repetition.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { numberOf } from '../values.js';
import { fifteen, numbersOf, rangeNumbers } from './numbers.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const NUMBER = { argumentType: FunctionArgumentType.NUMBER };
const OPTIONAL_NUMBER = { argumentType: FunctionArgumentType.NUMBER, optionalArg: true };
const RANGE = { argumentType: FunctionArgumentType.RANGE };
const ANY = { argumentType: FunctionArgumentType.ANY };

export class ShapePlugin extends FunctionPlugin {
  static override implementedFunctions = {
    KURT: { method: 'kurt', parameters: [ANY], repeatLastArgs: 1 },
    TRIMMEAN: { method: 'trimmean', parameters: [RANGE, NUMBER] },
    PROB: { method: 'prob', parameters: [RANGE, RANGE, NUMBER, OPTIONAL_NUMBER] },
    'BINOM.DIST.RANGE': { method: 'binomDistRange', parameters: [NUMBER, NUMBER, NUMBER, OPTIONAL_NUMBER] },
    PERMUT: { method: 'permut', parameters: [NUMBER, NUMBER] },
    PERMUTATIONA: { method: 'permutationa', parameters: [NUMBER, NUMBER] },
  };

  kurt(ast: Ast, state: State) {
    const args = ast.args.map((arg: Ast) => (arg.type === 'EMPTY' ? null : this.evaluateAst(arg, state)));
    const numbers = numbersOf(args, ast.args);
    if (numbers instanceof CellError) return numbers;
    const n = numbers.length;
    if (n < 4) return new CellError(ErrorType.DIV_BY_ZERO, 'KURT needs at least four numbers');
    const mean = numbers.reduce((a, b) => a + b, 0) / n;
    const variance = numbers.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
    if (variance === 0) return new CellError(ErrorType.DIV_BY_ZERO, 'KURT needs numbers that vary');
    const fourth = numbers.reduce((s, v) => s + ((v - mean) / Math.sqrt(variance)) ** 4, 0);
    return ((n * (n + 1)) / ((n - 1) * (n - 2) * (n - 3))) * fourth - (3 * (n - 1) ** 2) / ((n - 2) * (n - 3));
  }

  trimmean(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('TRIMMEAN'), (array: SimpleRangeValue, percent: number) => {
      if (percent < 0 || percent >= 1) return new CellError(ErrorType.NUM, 'TRIMMEAN needs 0 <= percent < 1');
      const numbers = rangeNumbers(array);
      if (numbers instanceof CellError) return numbers;
      if (!numbers.length) return new CellError(ErrorType.NUM, 'TRIMMEAN needs at least one number');
      const half = Math.floor(fifteen(numbers.length * percent) / 2);
      const kept = numbers.sort((a, b) => a - b).slice(half, numbers.length - half);
      return kept.reduce((a, b) => a + b, 0) / kept.length;
    });
  }

  prob(ast: Ast, state: State) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('PROB'),
      (xs: SimpleRangeValue, ps: SimpleRangeValue, lower: number, upper: number | undefined) => {
        const x = xs.valuesFromTopLeftCorner();
        const p = ps.valuesFromTopLeftCorner();
        if (x.length !== p.length) return new CellError(ErrorType.NA, 'x_range and prob_range differ in size');
        let total = 0;
        let inside = 0;
        const high = upper ?? lower;
        for (let i = 0; i < x.length; i++) {
          if (x[i] instanceof CellError) return x[i] as CellError;
          if (p[i] instanceof CellError) return p[i] as CellError;
          const [xi, pi] = [numberOf(x[i]), numberOf(p[i])];
          if (xi === null || pi === null) continue;
          if (pi <= 0 || pi > 1) return new CellError(ErrorType.NUM, 'a probability is outside (0, 1]');
          total += pi;
          if (xi >= lower && xi <= high) inside += pi;
        }
        if (Math.abs(total - 1) > 1e-12) return new CellError(ErrorType.NUM, 'the probabilities do not sum to 1');
        return inside;
      },
    );
  }

  binomDistRange(ast: Ast, state: State) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('BINOM.DIST.RANGE'),
      (trials: number, p: number, from: number, to: number | undefined) => {
        const n = Math.trunc(trials);
        const s = Math.trunc(from);
        const s2 = to === undefined ? s : Math.trunc(to);
        if (n < 0 || p < 0 || p > 1 || s < 0 || s > n || s2 < s || s2 > n)
          return new CellError(ErrorType.NUM, 'BINOM.DIST.RANGE needs 0 <= number_s <= number_s2 <= trials and 0 <= p <= 1');
        let sum = 0;
        for (let k = s; k <= s2; k++) sum += Math.exp(logChoose(n, k) + xlogy(k, p) + xlogy(n - k, 1 - p));
        return sum;
      },
    );
  }

  permut(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('PERMUT'), (number: number, chosen: number) => {
      const [n, k] = [Math.trunc(number), Math.trunc(chosen)];
      if (n <= 0 || k < 0 || n < k) return new CellError(ErrorType.NUM, 'PERMUT needs number > 0 and 0 <= number_chosen <= number');
      let product = 1;
      for (let i = n - k + 1; i <= n; i++) product *= i;
      return Number.isFinite(product) ? product : new CellError(ErrorType.NUM, 'the result is too large');
    });
  }

  permutationa(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('PERMUTATIONA'), (number: number, chosen: number) => {
      const [n, k] = [Math.trunc(number), Math.trunc(chosen)];
      if (n < 0 || k < 0) return new CellError(ErrorType.NUM, 'PERMUTATIONA needs non-negative arguments');
      const power = n ** k;
      return Number.isFinite(power) ? power : new CellError(ErrorType.NUM, 'the result is too large');
    });
  }
}

/** ln C(n, k), by summing logs (exact enough for trials in the thousands). */
function logChoose(n: number, k: number): number {
  let sum = 0;
  for (let i = 1; i <= Math.min(k, n - k); i++) sum += Math.log(n - Math.min(k, n - k) + i) - Math.log(i);
  return sum;
}

/** k ln p, with 0 ln 0 = 0. */
function xlogy(k: number, p: number): number {
  return k === 0 ? 0 : k * Math.log(p);
}
