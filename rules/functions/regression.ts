/**
 * Excel's least-squares regression, which HyperFormula lacks:
 *
 * * `LINEST(known_ys, [known_xs], [const], [stats])`: coefficients `m_k … m_1, b` of the
 *   best-fitting plane, and with `stats` the 5-row block Excel documents (standard errors,
 *   r², standard error of y, F, degrees of freedom, regression and residual sums of squares).
 * * `TREND(known_ys, [known_xs], [new_xs], [const])`: the fitted values at `new_xs`.
 * * `LOGEST` and `GROWTH`: the same over ln y, for the curve y = b * m1^x1 * …; LOGEST's
 *   first row is e raised to the coefficients, its statistics those of the fit of ln y (as
 *   Excel documents), and GROWTH gives e raised to the fitted values. #NUM! for a y <= 0.
 *
 * The fit is a Householder QR of the design matrix (intercept first), as Excel has done
 * since 2003: a column that is a combination of earlier ones is dropped, its coefficient
 * and standard error reported as 0, and the degrees of freedom count only the columns kept.
 * In an array formula both fill their range; in a plain formula they give the first value.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { constantArg, isWholePlainFormula, numberOf, sized } from './values.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const RANGE = { argumentType: FunctionArgumentType.RANGE };
const OPTIONAL_RANGE = { argumentType: FunctionArgumentType.RANGE, optionalArg: true };
const OPTIONAL_BOOLEAN = (defaultValue: boolean) => ({ argumentType: FunctionArgumentType.BOOLEAN, defaultValue });

export class RegressionPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    LINEST: {
      method: 'linest',
      parameters: [RANGE, OPTIONAL_RANGE, OPTIONAL_BOOLEAN(true), OPTIONAL_BOOLEAN(false)],
      enableArrayArithmeticForArguments: true,
      vectorizationForbidden: true,
      sizeOfResultArrayMethod: 'linestSize',
    },
    TREND: {
      method: 'trend',
      parameters: [RANGE, OPTIONAL_RANGE, OPTIONAL_RANGE, OPTIONAL_BOOLEAN(true)],
      enableArrayArithmeticForArguments: true,
      vectorizationForbidden: true,
      sizeOfResultArrayMethod: 'trendSize',
    },
    LOGEST: {
      method: 'logest',
      parameters: [RANGE, OPTIONAL_RANGE, OPTIONAL_BOOLEAN(true), OPTIONAL_BOOLEAN(false)],
      enableArrayArithmeticForArguments: true,
      vectorizationForbidden: true,
      sizeOfResultArrayMethod: 'linestSize',
    },
    GROWTH: {
      method: 'growth',
      parameters: [RANGE, OPTIONAL_RANGE, OPTIONAL_RANGE, OPTIONAL_BOOLEAN(true)],
      enableArrayArithmeticForArguments: true,
      vectorizationForbidden: true,
      sizeOfResultArrayMethod: 'trendSize',
    },
  };

  linest(ast: Ast, state: State) {
    return this.regression(ast, state, 'LINEST', false);
  }

  logest(ast: Ast, state: State) {
    return this.regression(ast, state, 'LOGEST', true);
  }

  trend(ast: Ast, state: State) {
    return this.fitted(ast, state, 'TREND', false);
  }

  growth(ast: Ast, state: State) {
    return this.fitted(ast, state, 'GROWTH', true);
  }

  /** LINEST, or LOGEST: the same fit of ln y, its coefficients raised to e (the statistics stay those of the fit of ln y). */
  private regression(ast: Ast, state: State, name: string, exponential: boolean) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata(name),
      (ys: SimpleRangeValue, xs: SimpleRangeValue | undefined, constArg: boolean, stats: boolean) => {
        // An argument left empty, as in LINEST(y,x,,TRUE), keeps the default: fit an intercept.
        const withConst = ast.args[2]?.type === 'EMPTY' ? true : constArg;
        const data = observations(ys, xs, exponential);
        if (data instanceof CellError) return data;
        const result = fit(data.y, data.x, withConst);
        if (result instanceof CellError) return result;
        const block = linestBlock(result, withConst, stats);
        if (exponential) block[0] = block[0].map((v) => (typeof v === 'number' ? Math.exp(v) : v));
        return this.output(block, ast, state);
      },
    );
  }

  /** TREND, or GROWTH: e raised to the fitted values of ln y. */
  private fitted(ast: Ast, state: State, name: string, exponential: boolean) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata(name),
      (ys: SimpleRangeValue, xs: SimpleRangeValue | undefined, newXs: SimpleRangeValue | undefined, constArg: boolean) => {
        const withConst = ast.args[3]?.type === 'EMPTY' ? true : constArg;
        const data = observations(ys, xs, exponential);
        if (data instanceof CellError) return data;
        const result = fit(data.y, data.x, withConst);
        if (result instanceof CellError) return result;
        const targets = newXs ? observationsOf(newXs, data.k, data.byRow) : { rows: data.x, shape: data.shape };
        if (targets instanceof CellError) return targets;
        const line = targets.rows.map((row) => row.reduce((sum, v, j) => sum + v * result.coefficients[j], result.intercept));
        const values = exponential ? line.map(Math.exp) : line;
        const [height, width] = targets.shape;
        return this.output(
          Array.from({ length: height }, (_, i) => values.slice(i * width, (i + 1) * width)),
          ast,
          state,
        );
      },
    );
  }

  /** An array formula gets the block; a plain formula the first value, as Excel's implicit intersection gives. */
  private output(block: (number | CellError)[][], ast: Ast, state: State) {
    return isWholePlainFormula(ast, state) ? block[0][0] : SimpleRangeValue.onlyValues(block as never);
  }

  linestSize(ast: Ast, state: State) {
    const like = this.arraySizeForAst(ast.args[0], { ...state, arraysFlag: true });
    if (!state.arraysFlag) return sized(like, 1, 1);
    const k = this.variables(ast, state);
    // Five rows with statistics; when the flag is only known by evaluating, room for them.
    const stats = constantArg(this, ast.args[3], state);
    const statsRows = stats === undefined || (stats !== null && stats !== false && stats !== 0) ? 5 : 1;
    return sized(like, k + 1, statsRows);
  }

  trendSize(ast: Ast, state: State) {
    const y = this.arraySizeForAst(ast.args[0], { ...state, arraysFlag: true });
    if (!state.arraysFlag) return sized(y, 1, 1);
    const k = this.variables(ast, state);
    const target =
      ast.args[2] && ast.args[2].type !== 'EMPTY' ? ast.args[2] : ast.args[1] && ast.args[1].type !== 'EMPTY' ? ast.args[1] : ast.args[0];
    const size = this.arraySizeForAst(target, { ...state, arraysFlag: true });
    if (k === 1 || target === ast.args[0]) return sized(y, size.width, size.height);
    return y.width === 1 ? sized(y, 1, size.height) : sized(y, size.width, 1);
  }

  /** How many x variables a LINEST/TREND call has, from the shapes of its arguments. */
  private variables(ast: Ast, state: State): number {
    if (!ast.args[1] || ast.args[1].type === 'EMPTY') return 1;
    const y = this.arraySizeForAst(ast.args[0], { ...state, arraysFlag: true });
    const x = this.arraySizeForAst(ast.args[1], { ...state, arraysFlag: true });
    if (y.width === 1 && y.height > 1) return x.height === y.height ? x.width : 1;
    if (y.height === 1 && y.width > 1) return x.width === y.width ? x.height : 1;
    return 1;
  }
}

interface Observations {
  y: number[];
  /** One row of x values per observation. */
  x: number[][];
  k: number;
  /** Whether observations run down rows (ys in a column). */
  byRow: boolean;
  shape: [number, number];
}

function numbers(range: SimpleRangeValue): number[][] | CellError {
  const out: number[][] = [];
  for (const row of range.data) {
    const line: number[] = [];
    for (const v of row) {
      if (v instanceof CellError) return v;
      const n = numberOf(v);
      if (n === null) return new CellError(ErrorType.VALUE, 'LINEST, LOGEST, TREND and GROWTH need numbers in every cell');
      line.push(n);
    }
    out.push(line);
  }
  return out;
}

/** The observations; with `logarithmic`, y is replaced by ln y (LOGEST, GROWTH: #NUM! unless every y is positive). */
function observations(ys: SimpleRangeValue, xs: SimpleRangeValue | undefined, logarithmic = false): Observations | CellError {
  const [h, w] = [ys.height(), ys.width()];
  const [xh, xw] = xs ? [xs.height(), xs.width()] : [h, w];
  const same = xh === h && xw === w;
  // Excel checks the shapes before the values: a size mismatch is #REF! even over blank cells.
  if (!same && !(w === 1 && xh === h) && !(h === 1 && xw === w))
    return new CellError(ErrorType.REF, 'the known x values do not match the known y values in size');
  const yv = numbers(ys);
  if (yv instanceof CellError) return yv;
  if (logarithmic && yv.flat().some((v) => v <= 0)) return new CellError(ErrorType.NUM, 'LOGEST and GROWTH need known_ys above 0');
  const y = logarithmic ? yv.flat().map(Math.log) : yv.flat();
  if (!xs) return { y, x: y.map((_, i) => [i + 1]), k: 1, byRow: w === 1, shape: [h, w] };
  const xv = numbers(xs);
  if (xv instanceof CellError) return xv;
  if (same) return { y, x: xv.flat().map((v) => [v]), k: 1, byRow: w === 1, shape: [h, w] };
  if (w === 1) return { y, x: xv, k: xw, byRow: true, shape: [h, 1] };
  return { y, x: Array.from({ length: w }, (_, i) => xv.map((row) => row[i])), k: xh, byRow: false, shape: [1, w] };
}

/** New x values as observation rows, and the shape of the result. */
function observationsOf(range: SimpleRangeValue, k: number, byRow: boolean): { rows: number[][]; shape: [number, number] } | CellError {
  const values = numbers(range);
  if (values instanceof CellError) return values;
  const [h, w] = [range.height(), range.width()];
  if (k === 1) return { rows: values.flat().map((v) => [v]), shape: [h, w] };
  if (byRow && w === k) return { rows: values, shape: [h, 1] };
  if (!byRow && h === k) return { rows: Array.from({ length: w }, (_, i) => values.map((row) => row[i])), shape: [1, w] };
  return new CellError(ErrorType.REF, 'the new x values do not have one value per x variable');
}

interface Fit {
  coefficients: number[];
  intercept: number;
  errors: number[];
  interceptError: number;
  df: number;
  rank: number;
  ssreg: number;
  ssresid: number;
}

/** Least squares by Householder QR; columns dependent on earlier ones are dropped (coefficient 0). */
export function fit(y: number[], x: number[][], withConst: boolean): Fit | CellError {
  const n = y.length;
  const k = x[0]?.length ?? 0;
  const columns: number[][] = [];
  if (withConst) columns.push(new Array(n).fill(1));
  for (let j = 0; j < k; j++) columns.push(x.map((row) => row[j]));
  const p = columns.length;
  const a = columns.map((c) => c.slice());
  const qty = y.slice();
  const kept: number[] = [];
  let r = 0;
  for (let j = 0; j < p && r < n; j++) {
    const col = a[j];
    const original = Math.sqrt(columns[j].reduce((s, v) => s + v * v, 0));
    let norm = 0;
    for (let i = r; i < n; i++) norm += col[i] * col[i];
    norm = Math.sqrt(norm);
    if (norm <= 1e-12 * Math.max(original, 1e-300)) continue;
    const alpha = col[r] > 0 ? -norm : norm;
    const v = new Array(n).fill(0);
    for (let i = r; i < n; i++) v[i] = col[i];
    v[r] -= alpha;
    const vv = v.reduce((s, t) => s + t * t, 0);
    const reflect = (target: number[]) => {
      let dot = 0;
      for (let i = r; i < n; i++) dot += v[i] * target[i];
      const f = (2 * dot) / vv;
      for (let i = r; i < n; i++) target[i] -= f * v[i];
    };
    for (let jj = j; jj < p; jj++) reflect(a[jj]);
    reflect(qty);
    kept.push(j);
    r += 1;
  }
  const rank = kept.length;
  // R is rank x rank: R[i][t] = a[kept[t]][i]. Back-substitute R beta = Q'y.
  const beta = new Array(rank).fill(0);
  for (let i = rank - 1; i >= 0; i--) {
    let s = qty[i];
    for (let t = i + 1; t < rank; t++) s -= a[kept[t]][i] * beta[t];
    beta[i] = s / a[kept[i]][i];
  }
  // Inverse of R, for the coefficients' standard errors: diag((X'X)^-1) = row sums of squares of R^-1.
  const inv = Array.from({ length: rank }, () => new Array(rank).fill(0));
  for (let c = 0; c < rank; c++) {
    for (let i = rank - 1; i >= 0; i--) {
      let s = i === c ? 1 : 0;
      for (let t = i + 1; t < rank; t++) s -= a[kept[t]][i] * inv[t][c];
      inv[i][c] = s / a[kept[i]][i];
    }
  }
  const full = new Array(p).fill(0);
  kept.forEach((j, t) => (full[j] = beta[t]));
  const fitted = y.map((_, i) => columns.reduce((s, col, j) => s + col[i] * full[j], 0));
  const ssresid = y.reduce((s, v, i) => s + (v - fitted[i]) ** 2, 0);
  const mean = y.reduce((s, v) => s + v, 0) / n;
  const sstotal = withConst ? y.reduce((s, v) => s + (v - mean) ** 2, 0) : y.reduce((s, v) => s + v * v, 0);
  const df = n - rank;
  const variance = df > 0 ? ssresid / df : NaN;
  const se = new Array(p).fill(0);
  kept.forEach((j, t) => (se[j] = Math.sqrt(inv[t].reduce((s, v) => s + v * v, 0) * variance)));
  const offset = withConst ? 1 : 0;
  return {
    coefficients: full.slice(offset),
    intercept: withConst ? full[0] : 0,
    errors: se.slice(offset),
    interceptError: withConst ? se[0] : NaN,
    df,
    rank,
    ssreg: sstotal - ssresid,
    ssresid,
  };
}

function linestBlock(result: Fit, withConst: boolean, stats: boolean): (number | CellError)[][] {
  const na = () => new CellError(ErrorType.NA);
  const num = (v: number) => (Number.isFinite(v) ? v : new CellError(ErrorType.NUM, 'not enough observations for this statistic'));
  const top = [...result.coefficients.slice().reverse(), result.intercept];
  if (!stats) return [top];
  const width = top.length;
  const pad = (row: (number | CellError)[]) => [...row, ...Array.from({ length: width - row.length }, na)];
  const sey = Math.sqrt(result.ssresid / result.df);
  const v1 = withConst ? result.rank - 1 : result.rank;
  const f = result.ssreg / v1 / (result.ssresid / result.df);
  const r2 = result.ssreg / (result.ssreg + result.ssresid);
  return [
    top,
    [...result.errors.slice().reverse().map(num), withConst ? num(result.interceptError) : na()],
    pad([num(r2), num(sey)]),
    pad([num(f), result.df]),
    pad([result.ssreg, result.ssresid]),
  ];
}
