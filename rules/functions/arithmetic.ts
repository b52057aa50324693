/**
 * Excel's rounding and aggregate edge cases, replacing HyperFormula's where they differ:
 *
 * * `ROUND`, `ROUNDUP`, `ROUNDDOWN`: the number of digits is truncated (1.9 is 1), and the
 *   rounding is decimal, on the number's 15 significant digits as Excel keeps them, so
 *   ROUND(2.675, 2) is 2.68 and ROUND(1.005, 2) is 1.01 (binary arithmetic gives 2.67, 1).
 * * `INT` rounds down (INT(-0.5) is -1); `CEILING(x, 0)` is 0.
 * * `NPV` skips cells without a number (they are not periods) and sums the discounted flows in
 *   order, as Excel does, to the last digit.
 * * `PRODUCT` of no numbers is 0. `LARGE` and `SMALL` read a typed TRUE or "2.3" as a number.
 * * `AVEDEV`, `DEVSQ` of no numbers are #NUM!; `SUMX2MY2`, `SUMX2PY2`, `SUMXMY2` are #N/A for
 *   arrays of different sizes and #DIV/0! when no pair holds two numbers.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { isEmpty, numberOf, toNumber, type RawArg } from './values.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const NUMBER = { argumentType: FunctionArgumentType.NUMBER };
const ANY = { argumentType: FunctionArgumentType.ANY };
const RANGE = { argumentType: FunctionArgumentType.RANGE };

/** A number to Excel's 15 significant digits, which is what its decimal rounding sees. */
const fifteen = (x: number) => Number(x.toPrecision(15));

export function roundDecimal(x: number, digits: number, mode: 'round' | 'up' | 'down'): number {
  const d = Math.trunc(digits);
  const sign = x < 0 ? -1 : 1;
  const factor = 10 ** Math.abs(d);
  const scaled = fifteen(d >= 0 ? Math.abs(x) * factor : Math.abs(x) / factor);
  const whole = mode === 'round' ? Math.floor(scaled + 0.5) : mode === 'up' ? Math.ceil(scaled) : Math.floor(scaled);
  return sign * (d >= 0 ? whole / factor : whole * factor) || 0;
}

export class ArithmeticPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    ROUND: { method: 'round', parameters: [NUMBER, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 }] },
    ROUNDUP: { method: 'roundup', parameters: [NUMBER, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 }] },
    ROUNDDOWN: { method: 'rounddown', parameters: [NUMBER, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 }] },
    INT: { method: 'int', parameters: [NUMBER] },
    CEILING: { method: 'ceiling', parameters: [NUMBER, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 1 }] },
    PRODUCT: { method: 'product', parameters: [ANY], repeatLastArgs: 1 },
    LARGE: { method: 'large', parameters: [ANY, NUMBER] },
    SMALL: { method: 'small', parameters: [ANY, NUMBER] },
    AVEDEV: { method: 'avedev', parameters: [ANY], repeatLastArgs: 1 },
    DEVSQ: { method: 'devsq', parameters: [ANY], repeatLastArgs: 1 },
    NPV: { method: 'npv', parameters: [NUMBER, ANY], repeatLastArgs: 1 },
    SUMX2MY2: { method: 'sumx2my2', parameters: [RANGE, RANGE] },
    SUMX2PY2: { method: 'sumx2py2', parameters: [RANGE, RANGE] },
    SUMXMY2: { method: 'sumxmy2', parameters: [RANGE, RANGE] },
  };

  round(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('ROUND'), (x: number, d: number) => roundDecimal(x, d, 'round'));
  }

  roundup(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('ROUNDUP'), (x: number, d: number) => roundDecimal(x, d, 'up'));
  }

  rounddown(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('ROUNDDOWN'), (x: number, d: number) => roundDecimal(x, d, 'down'));
  }

  int(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('INT'), (x: number) => Math.floor(fifteen(x)));
  }

  ceiling(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('CEILING'), (x: number, significance: number) => {
      if (x === 0 || significance === 0) return 0;
      if (x > 0 && significance < 0) return new CellError(ErrorType.NUM, 'a positive number needs a positive significance');
      return fifteen(Math.ceil(fifteen(x / significance)) * significance);
    });
  }

  product(ast: Ast, state: State) {
    return this.aggregate(ast, state, (numbers) => (numbers.length ? numbers.reduce((a, b) => a * b, 1) : 0));
  }

  avedev(ast: Ast, state: State) {
    return this.aggregate(ast, state, (numbers) => {
      if (!numbers.length) return new CellError(ErrorType.NUM, 'AVEDEV needs at least one number');
      const mean = numbers.reduce((a, b) => a + b, 0) / numbers.length;
      return numbers.reduce((s, v) => s + Math.abs(v - mean), 0) / numbers.length;
    });
  }

  devsq(ast: Ast, state: State) {
    return this.aggregate(ast, state, (numbers) => {
      if (!numbers.length) return new CellError(ErrorType.NUM, 'DEVSQ needs at least one number');
      const mean = numbers.reduce((a, b) => a + b, 0) / numbers.length;
      return numbers.reduce((s, v) => s + (v - mean) ** 2, 0);
    });
  }

  /** Cash flows at the end of periods 1, 2, …; cells that hold no number are not periods. */
  npv(ast: Ast, state: State) {
    if (ast.args.length < 2) return new CellError(ErrorType.NA, 'NPV takes a rate and at least one value');
    const rate = toNumber(this.evaluateAst(ast.args[0], state));
    if (rate instanceof CellError) return rate;
    const flows = this.aggregate({ ...ast, args: ast.args.slice(1) }, state, (numbers) =>
      numbers.reduce((sum, v, i) => sum + v / Math.pow(1 + rate, i + 1), 0),
    );
    return flows;
  }

  large(ast: Ast, state: State) {
    return this.nth(ast, state, 'LARGE', (a, b) => b - a);
  }

  small(ast: Ast, state: State) {
    return this.nth(ast, state, 'SMALL', (a, b) => a - b);
  }

  sumx2my2(ast: Ast, state: State) {
    return this.pairs(ast, state, 'SUMX2MY2', (x, y) => x * x - y * y);
  }

  sumx2py2(ast: Ast, state: State) {
    return this.pairs(ast, state, 'SUMX2PY2', (x, y) => x * x + y * y);
  }

  sumxmy2(ast: Ast, state: State) {
    return this.pairs(ast, state, 'SUMXMY2', (x, y) => (x - y) ** 2);
  }

  /** Numbers from arguments as Excel's statistical functions take them: ranges skip text, typed values are coerced. */
  private numbersOf(args: RawArg[], references: boolean[] = []): number[] | CellError {
    const numbers: number[] = [];
    for (const [i, arg] of args.entries()) {
      if (references[i] && !(arg instanceof SimpleRangeValue)) {
        // A single cell is a reference too: its text and TRUE/FALSE are skipped.
        if (arg instanceof CellError) return arg;
        const n = numberOf(arg);
        if (n !== null) numbers.push(n);
      } else if (arg instanceof SimpleRangeValue) {
        for (const v of arg.valuesFromTopLeftCorner()) {
          if (v instanceof CellError) return v;
          const n = numberOf(v);
          if (n !== null) numbers.push(n);
        }
      } else if (!isEmpty(arg)) {
        const n = toNumber(arg);
        if (n instanceof CellError) return n;
        numbers.push(n);
      }
    }
    return numbers;
  }

  private aggregate(ast: Ast, state: State, compute: (numbers: number[]) => number | CellError) {
    const args = ast.args.map((arg: Ast) => (arg.type === 'EMPTY' ? null : this.evaluateAst(arg, state)));
    const numbers = this.numbersOf(
      args,
      ast.args.map((arg: Ast) => arg.type === 'CELL_REFERENCE'),
    );
    return numbers instanceof CellError ? numbers : compute(numbers);
  }

  private nth(ast: Ast, state: State, name: string, order: (a: number, b: number) => number) {
    return this.runFunction(ast.args, state, this.metadata(name), (values: RawArg, k: number) => {
      const numbers = this.numbersOf([values]);
      if (numbers instanceof CellError) return numbers;
      const at = Math.ceil(k);
      if (at < 1 || at > numbers.length) return new CellError(ErrorType.NUM, `${name} needs k between 1 and the count of numbers`);
      return numbers.sort(order)[at - 1];
    });
  }

  private pairs(ast: Ast, state: State, name: string, term: (x: number, y: number) => number) {
    return this.runFunction(ast.args, state, this.metadata(name), (xs: SimpleRangeValue, ys: SimpleRangeValue) => {
      const a = xs.valuesFromTopLeftCorner();
      const b = ys.valuesFromTopLeftCorner();
      if (a.length !== b.length) return new CellError(ErrorType.NA, `${name} needs two arrays of the same size`);
      let sum = 0;
      let count = 0;
      for (let i = 0; i < a.length; i++) {
        if (a[i] instanceof CellError) return a[i] as CellError;
        if (b[i] instanceof CellError) return b[i] as CellError;
        const [x, y] = [numberOf(a[i]), numberOf(b[i])];
        if (x === null || y === null) continue;
        sum += term(x, y);
        count += 1;
      }
      return count ? sum : new CellError(ErrorType.DIV_BY_ZERO, `${name} found no pair of numbers`);
    });
  }
}
