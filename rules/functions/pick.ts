/**
 * Excel's picking functions, replacing HyperFormula's where they differ from Excel:
 *
 * * `CHOOSE(index, value1, …)`: the index is truncated (1.9 picks the first), TRUE is 1;
 *   an index below 1 or past the last value is #VALUE! (HyperFormula: #NUM!). Only the
 *   chosen value is evaluated, and it may be a range.
 * * `SWITCH(expression, value1, result1, …, [default])`: an error in the expression or in a
 *   value compared with it is the result; an empty cell matches 0 but not "" or FALSE; text
 *   matches case-insensitively; with no match and no default, #N/A.
 * * `INDEX(array, row, [column])`: 0 (or an omitted number) means the whole column or row,
 *   which fills an array formula's range; a one-row or one-column array takes a single index
 *   along itself; past the end is #REF! and a negative index #VALUE!, as in Excel.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { constantArg, isEmpty, numberOf, sized, toNumber, type RawArg } from './values.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const ANY = { argumentType: FunctionArgumentType.ANY };
const OPTIONAL_ANY = { argumentType: FunctionArgumentType.ANY, optionalArg: true };

export class PickPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    CHOOSE: { method: 'choose', parameters: [ANY, ANY], repeatLastArgs: 1, sizeOfResultArrayMethod: 'chooseSize' },
    SWITCH: { method: 'switch', parameters: [ANY, ANY, ANY], repeatLastArgs: 1, sizeOfResultArrayMethod: 'switchSize' },
    INDEX: {
      method: 'index',
      parameters: [{ argumentType: FunctionArgumentType.RANGE }, OPTIONAL_ANY, OPTIONAL_ANY],
      sizeOfResultArrayMethod: 'indexSize',
    },
  };

  choose(ast: Ast, state: State) {
    if (ast.args.length < 2) return new CellError(ErrorType.NA, 'CHOOSE needs an index and at least one value');
    const index = chooseIndex(this.evaluateAst(ast.args[0], state), ast.args.length - 1);
    if (index instanceof CellError) return index;
    return this.evaluateAst(ast.args[index], state);
  }

  chooseSize(ast: Ast, state: State) {
    if (!state.arraysFlag) return sized(this.arraySizeForAst(ast.args[0], state), 1, 1);
    const sizes = ast.args.slice(1).map((arg: Ast) => this.arraySizeForAst(arg, state));
    const literal = ast.args[0]?.type === 'NUMBER' ? Math.trunc(ast.args[0].value) : null;
    const chosen =
      literal !== null && sizes[literal - 1]
        ? sizes[literal - 1]
        : sizes.reduce((a: Ast, b: Ast) => (a.width * a.height >= b.width * b.height ? a : b));
    return sized(chosen, chosen.width, chosen.height);
  }

  switch(ast: Ast, state: State) {
    if (ast.args.length < 3) return new CellError(ErrorType.NA, 'SWITCH needs an expression, a value and a result');
    const subject = this.evaluateAst(ast.args[0], state);
    // In an array formula a range of expressions gives a range of results.
    if (subject instanceof SimpleRangeValue && state.arraysFlag)
      return SimpleRangeValue.onlyValues(subject.data.map((row) => row.map((one) => scalar(this.switchOne(one, ast, state)))) as never);
    return this.switchOne(scalar(subject), ast, state);
  }

  private switchOne(subject: RawArg, ast: Ast, state: State): RawArg {
    if (subject instanceof CellError) return subject;
    const pairs = Math.floor((ast.args.length - 1) / 2);
    for (let i = 0; i < pairs; i++) {
      const candidate = scalar(this.evaluateAst(ast.args[1 + 2 * i], state));
      if (candidate instanceof CellError) return candidate;
      if (switchMatches(subject, candidate)) return this.evaluateAst(ast.args[2 + 2 * i], state);
    }
    if ((ast.args.length - 1) % 2 === 1) return this.evaluateAst(ast.args[ast.args.length - 1], state);
    return new CellError(ErrorType.NA, 'no value matched and there is no default');
  }

  switchSize(ast: Ast, state: State) {
    const size = this.arraySizeForAst(ast.args[0], state);
    return state.arraysFlag ? sized(size, size.width, size.height) : sized(size, 1, 1);
  }

  index(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('INDEX'), (array: SimpleRangeValue, rowArg: RawArg, colArg: RawArg) => {
      const picked = indexPosition(array.height(), array.width(), rowArg, colArg, ast.args.length);
      if (picked instanceof CellError) return picked;
      const [row, col] = picked;
      const data = array.data;
      if (row > 0 && col > 0) return data[row - 1][col - 1] as never;
      const rows = row > 0 ? [data[row - 1]] : data;
      const block = rows.map((line) => (col > 0 ? [line[col - 1]] : line));
      if (block.length === 1 && block[0].length === 1) return block[0][0] as never;
      // Of a range, a whole row or column is a reference, as in Excel: `@INDEX(…)` intersects it.
      return (this.subRange(array, row, col) ?? SimpleRangeValue.onlyValues(block as never)) as never;
    });
  }

  /** Row `row` or column `col` (0: all) of the range `array` refers to, as a reference; undefined for an array of values. */
  private subRange(array: SimpleRangeValue, row: number, col: number): SimpleRangeValue | undefined {
    const range = (array as unknown as { range?: Ast }).range;
    // A whole column or row (A:A, 1:1) ends at infinity: its values stay an array.
    if (!range || !Number.isFinite(range.end?.row) || !Number.isFinite(range.end?.col)) return undefined;
    let CellRange = range.constructor;
    while (Object.getPrototypeOf(CellRange) !== Function.prototype) CellRange = Object.getPrototypeOf(CellRange);
    const { sheet } = range.start;
    const start = {
      sheet,
      row: row > 0 ? range.start.row + row - 1 : range.start.row,
      col: col > 0 ? range.start.col + col - 1 : range.start.col,
    };
    const end = { sheet, row: row > 0 ? start.row : range.end.row, col: col > 0 ? start.col : range.end.col };
    return SimpleRangeValue.onlyRange(new CellRange(start, end), this.dependencyGraph);
  }

  /** The array an INDEX fills: known exactly when its indexes are numbers or constant cells, else the whole array. */
  indexSize(ast: Ast, state: State) {
    const whole = this.arraySizeForAst(ast.args[0], { ...state, arraysFlag: true });
    if (!state.arraysFlag) return sized(whole, 1, 1);
    const rowArg = constantArg(this, ast.args[1], state);
    const colArg = constantArg(this, ast.args[2], state);
    if (rowArg === undefined || colArg === undefined) return sized(whole, whole.width, whole.height);
    const picked = indexPosition(whole.height, whole.width, rowArg, colArg, ast.args.length);
    if (picked instanceof CellError) return sized(whole, 1, 1);
    return sized(whole, picked[1] > 0 ? 1 : whole.width, picked[0] > 0 ? 1 : whole.height);
  }
}

function scalar(v: RawArg): RawArg {
  if (v instanceof SimpleRangeValue)
    return v.width() === 1 && v.height() === 1
      ? v.data[0][0]
      : new CellError(ErrorType.VALUE, 'a single value is expected here, not a range');
  return v;
}

function chooseIndex(raw: RawArg, count: number): number | CellError {
  const value = scalar(raw);
  if (value instanceof CellError) return value;
  const n = toNumber(value);
  if (n instanceof CellError) return n;
  const index = Math.trunc(n);
  if (index < 1 || index > count) return new CellError(ErrorType.VALUE, `CHOOSE's index must be between 1 and ${count}`);
  return index;
}

function switchMatches(subject: RawArg, candidate: RawArg): boolean {
  const a = isEmpty(subject) ? 0 : subject;
  const b = isEmpty(candidate) ? 0 : candidate;
  const [na, nb] = [numberOf(a), numberOf(b)];
  if (na !== null || nb !== null) return na !== null && nb !== null && na === nb;
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return typeof a === 'boolean' && a === b;
}

/** 1-based [row, column] for INDEX, 0 meaning all; errors as Excel gives them. */
function indexPosition(height: number, width: number, rowArg: RawArg, colArg: RawArg, argCount: number): [number, number] | CellError {
  const coerce = (v: RawArg): number | CellError => {
    if (v instanceof CellError) return v;
    const n = toNumber(scalar(v));
    if (n instanceof CellError) return n;
    if (n < 0) return new CellError(ErrorType.VALUE, 'INDEX cannot take a negative row or column');
    return Math.trunc(n);
  };
  let row = coerce(rowArg);
  if (row instanceof CellError) return row;
  let col = argCount >= 3 ? coerce(colArg) : 0;
  if (col instanceof CellError) return col;
  // A one-row array with a single index counts along the row.
  if (argCount < 3 && height === 1 && width > 1) [row, col] = [1, row];
  else if (argCount < 3 && width === 1) col = 1;
  if (row > height || col > width) return new CellError(ErrorType.REF, 'INDEX points outside the array');
  if (height === 1 && row === 0 && col > 0) row = 1;
  if (width === 1 && col === 0 && row > 0) col = 1;
  return [row, col];
}
