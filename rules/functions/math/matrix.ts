/**
 * Excel's matrix functions HyperFormula 3.5 lacks:
 *
 * * `MDETERM(array)`: the determinant (LU with partial pivoting).
 * * `MINVERSE(array)`: the inverse; #NUM! when the matrix is singular.
 * * `MUNIT(dimension)`: the identity matrix; #VALUE! for a dimension below 1.
 *
 * MDETERM and MINVERSE are #VALUE! when the array is not square or a cell is empty or not a
 * number, as Excel documents.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { constantArg, numberOf } from '../values.js';
import { arrayResult, reserve } from './array-result.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const RANGE = { argumentType: FunctionArgumentType.RANGE };
const ARRAY_FUNCTION = { enableArrayArithmeticForArguments: true, vectorizationForbidden: true };

export class MatrixPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    MDETERM: { method: 'mdeterm', parameters: [RANGE], ...ARRAY_FUNCTION },
    MINVERSE: { method: 'minverse', parameters: [RANGE], ...ARRAY_FUNCTION, sizeOfResultArrayMethod: 'minverseSize' },
    MUNIT: {
      method: 'munit',
      parameters: [{ argumentType: FunctionArgumentType.NUMBER }],
      ...ARRAY_FUNCTION,
      sizeOfResultArrayMethod: 'munitSize',
    },
  };

  mdeterm(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('MDETERM'), (range: SimpleRangeValue) => {
      const matrix = squareMatrix(range, 'MDETERM');
      return matrix instanceof CellError ? matrix : decompose(matrix).determinant;
    });
  }

  minverse(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('MINVERSE'), (range: SimpleRangeValue) => {
      const matrix = squareMatrix(range, 'MINVERSE');
      if (matrix instanceof CellError) return matrix;
      const inverse = invert(matrix);
      return inverse instanceof CellError ? inverse : arrayResult(inverse, ast, state);
    });
  }

  munit(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('MUNIT'), (dimension: number) => {
      const n = Math.trunc(dimension);
      if (n < 1) return new CellError(ErrorType.VALUE, 'MUNIT needs a dimension of at least 1');
      const identity = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
      return arrayResult(identity, ast, state, this.munitSize(ast, state));
    });
  }

  minverseSize(ast: Ast, state: State) {
    const size = this.arraySizeForAst(ast.args[0], { ...state, arraysFlag: true });
    return reserve(state, size.width, size.height);
  }

  munitSize(ast: Ast, state: State) {
    const n = Math.trunc(Number(constantArg(this, ast.args[0], state) ?? 1)) || 1;
    return reserve(state, n, n);
  }
}

function squareMatrix(range: SimpleRangeValue, name: string): number[][] | CellError {
  if (range.width() !== range.height()) return new CellError(ErrorType.VALUE, `${name} needs a square array`);
  const rows: number[][] = [];
  for (const row of range.data) {
    const line: number[] = [];
    for (const v of row) {
      if (v instanceof CellError) return v;
      const n = numberOf(v);
      if (n === null) return new CellError(ErrorType.VALUE, `${name} needs a number in every cell`);
      line.push(n);
    }
    rows.push(line);
  }
  return rows;
}

interface Decomposition {
  lu: number[][];
  permutation: number[];
  determinant: number;
  singular: boolean;
}

/** Doolittle LU with partial pivoting, in place on a copy. */
export function decompose(matrix: number[][]): Decomposition {
  const n = matrix.length;
  const lu = matrix.map((row) => row.slice());
  const permutation = lu.map((_, i) => i);
  const scale = Math.max(...lu.flat().map(Math.abs), 0);
  let determinant = 1;
  let singular = false;
  for (let k = 0; k < n; k++) {
    let pivot = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(lu[i][k]) > Math.abs(lu[pivot][k])) pivot = i;
    if (pivot !== k) {
      [lu[k], lu[pivot]] = [lu[pivot], lu[k]];
      [permutation[k], permutation[pivot]] = [permutation[pivot], permutation[k]];
      determinant = -determinant;
    }
    const p = lu[k][k];
    determinant *= p;
    // A pivot at rounding noise relative to the entries means the matrix is singular.
    if (Math.abs(p) <= 1e-14 * scale) {
      singular = true;
      continue;
    }
    for (let i = k + 1; i < n; i++) {
      const f = (lu[i][k] /= p);
      for (let j = k + 1; j < n; j++) lu[i][j] -= f * lu[k][j];
    }
  }
  return { lu, permutation, determinant: singular ? 0 : determinant, singular };
}

function invert(matrix: number[][]): number[][] | CellError {
  const n = matrix.length;
  const { lu, permutation, singular } = decompose(matrix);
  if (singular) return new CellError(ErrorType.NUM, 'the matrix is singular (its determinant is 0)');
  const inverse = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let c = 0; c < n; c++) {
    const x = permutation.map((row) => (row === c ? 1 : 0));
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) x[i] -= lu[i][j] * x[j];
    for (let i = n - 1; i >= 0; i--) {
      for (let j = i + 1; j < n; j++) x[i] -= lu[i][j] * x[j];
      x[i] /= lu[i][i];
    }
    for (let i = 0; i < n; i++) inverse[i][c] = x[i] || 0;
  }
  return refine(matrix, inverse);
}

/** One step of iterative refinement, X + X(I - AX): it removes most of the rounding LU leaves ({2,1;5,3} gives -1, not -0.999…). */
function refine(a: number[][], x: number[][]): number[][] {
  const multiply = (p: number[][], q: number[][]) => p.map((row) => q[0].map((_, j) => row.reduce((sum, v, k) => sum + v * q[k][j], 0)));
  const residual = multiply(a, x).map((row, i) => row.map((v, j) => (i === j ? 1 : 0) - v));
  const correction = multiply(x, residual);
  return x.map((row, i) => row.map((v, j) => v + correction[i][j] || 0));
}
