/**
 * Excel statistics and information functions HyperFormula 3.5 lacks:
 *
 * * `INTERCEPT(known_ys, known_xs)`, `FORECAST(x, known_ys, known_xs)` (and
 *   `FORECAST.LINEAR`): least-squares line through the pairs where both values are numbers;
 *   #N/A when the ranges differ in size, #DIV/0! when the x values do not vary.
 * * `MODE(number1, …)` (and `MODE.SNGL`): the most frequent number (the first to reach that
 *   count); #N/A when no number repeats.
 * * `DOLLAR(number, [decimals])`: currency text, negatives in parentheses.
 * * `ERROR.TYPE(value)`: 1 #NULL!, 2 #DIV/0!, 3 #VALUE!, 4 #REF!, 5 #NAME?, 6 #NUM!, 7 #N/A; #N/A otherwise.
 */
import * as XLSX from '@e965/xlsx';
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { numberOf } from './values.js';

type ProcedureAst = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal types
type InterpreterState = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const RANGE = { argumentType: FunctionArgumentType.RANGE };
const ERROR_TYPES: Record<string, number> = { NULL: 1, DIV_BY_ZERO: 2, VALUE: 3, REF: 4, NAME: 5, NUM: 6, NA: 7 };

export class StatsExtraPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    INTERCEPT: { method: 'intercept', parameters: [RANGE, RANGE] },
    FORECAST: { method: 'forecast', parameters: [{ argumentType: FunctionArgumentType.NUMBER }, RANGE, RANGE] },
    'FORECAST.LINEAR': { method: 'forecast', parameters: [{ argumentType: FunctionArgumentType.NUMBER }, RANGE, RANGE] },
    MODE: { method: 'mode', parameters: [{ argumentType: FunctionArgumentType.ANY }], repeatLastArgs: 1 },
    'MODE.SNGL': { method: 'mode', parameters: [{ argumentType: FunctionArgumentType.ANY }], repeatLastArgs: 1 },
    DOLLAR: {
      method: 'dollar',
      parameters: [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 2 }],
    },
    'ERROR.TYPE': { method: 'errortype', parameters: [{ argumentType: FunctionArgumentType.SCALAR }] },
  };

  intercept(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata('INTERCEPT'), (ys: SimpleRangeValue, xs: SimpleRangeValue) => {
      const line = leastSquares(ys, xs);
      return line instanceof CellError ? line : line.intercept;
    });
  }

  forecast(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata('FORECAST'), (x: number, ys: SimpleRangeValue, xs: SimpleRangeValue) => {
      const line = leastSquares(ys, xs);
      return line instanceof CellError ? line : line.intercept + line.slope * x;
    });
  }

  mode(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata('MODE'), (...args: unknown[]) => {
      const numbers: number[] = [];
      for (const arg of args) {
        if (arg instanceof CellError) return arg;
        if (arg instanceof SimpleRangeValue) {
          for (const v of arg.valuesFromTopLeftCorner()) {
            if (v instanceof CellError) return v;
            const n = numberOf(v);
            if (n !== null) numbers.push(n);
          }
        } else if (typeof arg === 'number' || numberOf(arg) !== null) numbers.push(numberOf(arg)!);
        else if (typeof arg === 'string') return new CellError(ErrorType.VALUE, 'MODE takes numbers');
      }
      const counts = new Map<number, number>();
      let best: number | null = null;
      let bestCount = 1;
      for (const n of numbers) {
        const count = (counts.get(n) ?? 0) + 1;
        counts.set(n, count);
        if (count > bestCount) [best, bestCount] = [n, count];
      }
      return best === null ? new CellError(ErrorType.NA, 'no number repeats') : best;
    });
  }

  dollar(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata('DOLLAR'), (value: number, decimals: number) => {
      const places = Math.trunc(decimals);
      const factor = 10 ** places;
      const rounded = Math.round(Math.abs(value) * factor) / factor;
      const digits = places > 0 ? `.${'0'.repeat(places)}` : '';
      const text = XLSX.SSF.format(`$#,##0${digits}`, rounded);
      return value < 0 && rounded !== 0 ? `(${text})` : text;
    });
  }

  errortype(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata('ERROR.TYPE'), (value: unknown) =>
      value instanceof CellError && ERROR_TYPES[value.type] ? ERROR_TYPES[value.type] : new CellError(ErrorType.NA, 'not an error'),
    );
  }
}

function leastSquares(ys: SimpleRangeValue, xs: SimpleRangeValue): { slope: number; intercept: number } | CellError {
  const y = ys.valuesFromTopLeftCorner();
  const x = xs.valuesFromTopLeftCorner();
  if (y.length !== x.length) return new CellError(ErrorType.NA, 'known_ys and known_xs differ in size');
  const pairs: [number, number][] = [];
  for (let i = 0; i < y.length; i++) {
    if (y[i] instanceof CellError) return y[i] as CellError;
    if (x[i] instanceof CellError) return x[i] as CellError;
    const [a, b] = [numberOf(y[i]), numberOf(x[i])];
    if (a !== null && b !== null) pairs.push([b, a]);
  }
  if (!pairs.length) return new CellError(ErrorType.DIV_BY_ZERO, 'no pairs of numbers');
  const meanX = pairs.reduce((s, [px]) => s + px, 0) / pairs.length;
  const meanY = pairs.reduce((s, [, py]) => s + py, 0) / pairs.length;
  let sxx = 0;
  let sxy = 0;
  for (const [px, py] of pairs) {
    sxx += (px - meanX) ** 2;
    sxy += (px - meanX) * (py - meanY);
  }
  if (sxx === 0) return new CellError(ErrorType.DIV_BY_ZERO, 'the x values do not vary');
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}
