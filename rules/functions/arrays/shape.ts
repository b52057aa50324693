/**
 * Excel 365's array-shaping functions HyperFormula lacks: TAKE, DROP, CHOOSEROWS,
 * CHOOSECOLS, EXPAND, TOCOL, TOROW, WRAPROWS, WRAPCOLS, TRIMRANGE. Each spills its result.
 * HyperFormula reserves a spilled result's size while it parses the formula, so a count
 * given as a constant sizes the result exactly; a count only evaluation knows (a cell, a
 * formula) reserves the most the result can need, and the cells it does not fill stay empty.
 * EXPAND and WRAPROWS/WRAPCOLS can grow past their input: they need constant counts.
 * HSTACK and VSTACK replace HyperFormula's own, which kept a blank cell blank where Excel
 * 365 spills it as 0 (Microsoft's HSTACK page, example 3).
 */
import {
  ArraySize,
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  SimpleRangeValue,
  type FunctionArgument,
} from 'hyperformula';
import { constantArg, type RawArg } from '../values.js';
import { calc, countArg, gridOf, isBlank, padArg, result, spill, transpose, type Grid } from './grid.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const RANGE = { argumentType: FunctionArgumentType.RANGE };
const OPTIONAL = { argumentType: FunctionArgumentType.ANY, optionalArg: true };
const ANY = { argumentType: FunctionArgumentType.ANY };
const shaping = (method: string, parameters: FunctionArgument[], extra: object = {}) => ({
  method,
  parameters,
  sizeOfResultArrayMethod: `${method}Size`,
  vectorizationForbidden: true,
  // `TAKE(A1:C9*2, 1)`: an argument is an array expression, as in Excel 365.
  enableArrayArithmeticForArguments: true,
  ...extra,
});

export class ArrayShapePlugin extends FunctionPlugin {
  static override implementedFunctions = {
    TAKE: shaping('take', [RANGE, OPTIONAL, OPTIONAL]),
    DROP: shaping('drop', [RANGE, OPTIONAL, OPTIONAL]),
    CHOOSEROWS: shaping('chooseRows', [RANGE, ANY], { repeatLastArgs: 1 }),
    CHOOSECOLS: shaping('chooseCols', [RANGE, ANY], { repeatLastArgs: 1 }),
    EXPAND: shaping('expand', [RANGE, OPTIONAL, OPTIONAL, OPTIONAL]),
    TOCOL: shaping('toCol', [RANGE, OPTIONAL, OPTIONAL]),
    TOROW: shaping('toRow', [RANGE, OPTIONAL, OPTIONAL]),
    WRAPROWS: shaping('wrapRows', [RANGE, ANY, OPTIONAL]),
    WRAPCOLS: shaping('wrapCols', [RANGE, ANY, OPTIONAL]),
    TRIMRANGE: shaping('trimRange', [RANGE, OPTIONAL, OPTIONAL]),
    HSTACK: shaping('hstack', [RANGE], { repeatLastArgs: 1 }),
    VSTACK: shaping('vstack', [RANGE], { repeatLastArgs: 1 }),
  };

  /** HyperFormula's argument handling around an implementation that returns any engine value. */
  private run(ast: Ast, state: State, name: string, implementation: (...args: never[]) => RawArg) {
    return this.runFunction(ast.args, state, this.metadata(name), implementation as never);
  }

  hstack(ast: Ast, state: State) {
    return this.run(ast, state, 'HSTACK', (...arrays: SimpleRangeValue[]) =>
      result(transpose(stack(arrays.map((array) => transpose(gridOf(array)))))),
    );
  }

  vstack(ast: Ast, state: State) {
    return this.run(ast, state, 'VSTACK', (...arrays: SimpleRangeValue[]) => result(stack(arrays.map(gridOf))));
  }

  hstackSize(ast: Ast, state: State) {
    const sizes = this.argSizes(ast, state);
    if (!sizes) return ArraySize.error();
    return spill(
      sizes.reduce((total, size) => total + size.width, 0),
      Math.max(...sizes.map((size) => size.height)),
    );
  }

  vstackSize(ast: Ast, state: State) {
    const sizes = this.argSizes(ast, state);
    if (!sizes) return ArraySize.error();
    return spill(
      Math.max(...sizes.map((size) => size.width)),
      sizes.reduce((total, size) => total + size.height, 0),
    );
  }

  /** The size of each argument, evaluated as arrays; undefined without arguments. */
  private argSizes(ast: Ast, state: State): ArraySize[] | undefined {
    if (ast.args.length < 1) return undefined;
    return ast.args.map((arg: Ast) => this.arraySizeForAst(arg, { ...state, arraysFlag: true }));
  }

  take(ast: Ast, state: State) {
    return this.run(ast, state, 'TAKE', (array: SimpleRangeValue, rows: RawArg, cols: RawArg) => cut(gridOf(array), rows, cols, 'take'));
  }

  drop(ast: Ast, state: State) {
    return this.run(ast, state, 'DROP', (array: SimpleRangeValue, rows: RawArg, cols: RawArg) => cut(gridOf(array), rows, cols, 'drop'));
  }

  chooseRows(ast: Ast, state: State) {
    return this.run(ast, state, 'CHOOSEROWS', (array: SimpleRangeValue, ...picks: RawArg[]) => choose(gridOf(array), picks, 'row'));
  }

  chooseCols(ast: Ast, state: State) {
    return this.run(ast, state, 'CHOOSECOLS', (array: SimpleRangeValue, ...picks: RawArg[]) => {
      const chosen = choose(transpose(gridOf(array)), picks, 'column');
      return chosen instanceof SimpleRangeValue ? result(transpose(gridOf(chosen))) : chosen;
    });
  }

  expand(ast: Ast, state: State) {
    return this.run(ast, state, 'EXPAND', (array: SimpleRangeValue, rowsArg: RawArg, colsArg: RawArg, padWith: RawArg) => {
      const grid = gridOf(array);
      const rows = countArg(rowsArg, grid.length, 'rows');
      const cols = countArg(colsArg, grid[0].length, 'columns');
      if (rows instanceof CellError) return rows;
      if (cols instanceof CellError) return cols;
      if (rows! < grid.length || cols! < grid[0].length)
        return new CellError(ErrorType.VALUE, `EXPAND cannot shrink a ${grid.length}×${grid[0].length} array to ${rows}×${cols}`);
      const pad = padArg(padWith);
      return result(
        Array.from({ length: rows! }, (_, r) =>
          Array.from({ length: cols! }, (_, c) => (r < grid.length && c < grid[0].length ? grid[r][c] : pad)),
        ),
      );
    });
  }

  toCol(ast: Ast, state: State) {
    return this.run(ast, state, 'TOCOL', (array: SimpleRangeValue, ignore: RawArg, byColumn: RawArg) => {
      const values = flatten(gridOf(array), ignore, byColumn);
      return values instanceof CellError ? values : result(values.map((v) => [v]));
    });
  }

  toRow(ast: Ast, state: State) {
    return this.run(ast, state, 'TOROW', (array: SimpleRangeValue, ignore: RawArg, byColumn: RawArg) => {
      const values = flatten(gridOf(array), ignore, byColumn);
      return values instanceof CellError ? values : result([values]);
    });
  }

  wrapRows(ast: Ast, state: State) {
    return this.run(ast, state, 'WRAPROWS', (vector: SimpleRangeValue, count: RawArg, padWith: RawArg) => {
      const wrapped = wrap(gridOf(vector), count, padWith);
      return wrapped instanceof CellError ? wrapped : result(wrapped);
    });
  }

  wrapCols(ast: Ast, state: State) {
    return this.run(ast, state, 'WRAPCOLS', (vector: SimpleRangeValue, count: RawArg, padWith: RawArg) => {
      const wrapped = wrap(gridOf(vector), count, padWith);
      return wrapped instanceof CellError ? wrapped : result(transpose(wrapped));
    });
  }

  trimRange(ast: Ast, state: State) {
    return this.run(ast, state, 'TRIMRANGE', (range: SimpleRangeValue, rowsArg: RawArg, colsArg: RawArg) => {
      const trimRows = countArg(rowsArg, 3, 'trim_rows');
      const trimCols = countArg(colsArg, 3, 'trim_cols');
      if (trimRows instanceof CellError) return trimRows;
      if (trimCols instanceof CellError) return trimCols;
      if (trimRows! < 0 || trimRows! > 3 || trimCols! < 0 || trimCols! > 3)
        return new CellError(ErrorType.VALUE, 'TRIMRANGE trims with 0 (none), 1 (leading), 2 (trailing) or 3 (both)');
      const rowsTrimmed = trimEdges(gridOf(range), trimRows!);
      if (rowsTrimmed.length === 0) return calc('TRIMRANGE: the range is blank');
      return result(transpose(trimEdges(transpose(rowsTrimmed), trimCols!)));
    });
  }

  takeSize(ast: Ast, state: State) {
    return this.cutSize(ast, state, (count, length) => (count === null ? length : Math.min(Math.abs(count), length)));
  }

  dropSize(ast: Ast, state: State) {
    return this.cutSize(ast, state, (count, length) => (count === null ? length : Math.max(length - Math.abs(count), 1)));
  }

  chooseRowsSize(ast: Ast, state: State) {
    const input = this.arraySizeForAst(ast.args[0], arrays(state));
    return spill(input.width, this.pickedCount(ast, state));
  }

  chooseColsSize(ast: Ast, state: State) {
    const input = this.arraySizeForAst(ast.args[0], arrays(state));
    return spill(this.pickedCount(ast, state), input.height);
  }

  expandSize(ast: Ast, state: State) {
    const input = this.arraySizeForAst(ast.args[0], arrays(state));
    const rows = this.constantCount(ast.args[1], state, input.height);
    const cols = this.constantCount(ast.args[2], state, input.width);
    return rows === undefined || cols === undefined ? ArraySize.error() : spill(cols ?? input.width, rows ?? input.height);
  }

  toColSize(ast: Ast, state: State) {
    const input = this.arraySizeForAst(ast.args[0], arrays(state));
    return spill(1, input.width * input.height);
  }

  toRowSize(ast: Ast, state: State) {
    const input = this.arraySizeForAst(ast.args[0], arrays(state));
    return spill(input.width * input.height, 1);
  }

  wrapRowsSize(ast: Ast, state: State) {
    const size = this.wrapSize(ast, state);
    return size ? spill(size.across, size.lines) : ArraySize.error();
  }

  wrapColsSize(ast: Ast, state: State) {
    const size = this.wrapSize(ast, state);
    return size ? spill(size.lines, size.across) : ArraySize.error();
  }

  trimRangeSize(ast: Ast, state: State) {
    const input = this.arraySizeForAst(ast.args[0], arrays(state));
    return spill(input.width, input.height);
  }

  private cutSize(ast: Ast, state: State, kept: (count: number | null, length: number) => number) {
    const input = this.arraySizeForAst(ast.args[0], arrays(state));
    // An unknown count reserves the whole input: the result is never larger.
    const rows = this.constantCount(ast.args[1], state, null);
    const cols = this.constantCount(ast.args[2], state, null);
    return spill(cols === undefined ? input.width : kept(cols, input.width), rows === undefined ? input.height : kept(rows, input.height));
  }

  /** How many rows (or columns) CHOOSEROWS/CHOOSECOLS picks: one per value of each index argument. */
  private pickedCount(ast: Ast, state: State): number {
    return ast.args.slice(1).reduce((total: number, arg: Ast) => {
      const size = this.arraySizeForAst(arg, arrays(state));
      return total + size.width * size.height;
    }, 0);
  }

  /** A count known before evaluation: `fallback` when omitted, undefined when only evaluation can tell. */
  private constantCount(arg: Ast, state: State, fallback: number | null): number | null | undefined {
    const value = constantArg(this, arg, state);
    if (value === undefined) return undefined;
    const count = countArg(value, fallback, 'count');
    return count instanceof CellError ? fallback : count;
  }

  private wrapSize(ast: Ast, state: State): { lines: number; across: number } | null {
    const input = this.arraySizeForAst(ast.args[0], arrays(state));
    const count = this.constantCount(ast.args[1], state, null);
    if (count === undefined || count === null || count < 1) return null;
    return { lines: Math.ceil((input.width * input.height) / count), across: count };
  }
}

/** The state an argument's size is read in: with array arithmetic, as the arguments are evaluated. */
function arrays(state: State): State {
  return { ...state, arraysFlag: true };
}

/** TAKE or DROP along both axes; a count of 0 (TAKE) or one that removes everything (DROP) is #CALC!. */
function cut(grid: Grid, rowsArg: RawArg, colsArg: RawArg, how: 'take' | 'drop'): RawArg {
  const rows = countArg(rowsArg, null, 'rows');
  const cols = countArg(colsArg, null, 'columns');
  if (rows instanceof CellError) return rows;
  if (cols instanceof CellError) return cols;
  const picked = slice(grid, rows, how).map((row) => slice(row, cols, how));
  if (picked.length === 0 || picked[0].length === 0) return calc(`${how.toUpperCase()} leaves nothing of the array`);
  return result(picked);
}

/** The items a count keeps: from the start when positive, from the end when negative; all when omitted. */
function slice<T>(items: T[], count: number | null, how: 'take' | 'drop'): T[] {
  if (count === null) return items;
  if (how === 'take') return count >= 0 ? items.slice(0, count) : items.slice(Math.max(items.length + count, 0));
  return count >= 0 ? items.slice(count) : items.slice(0, Math.max(items.length + count, 0));
}

/** The rows at the given 1-based indexes (negative: from the end); one past the array is #VALUE!. */
function choose(grid: Grid, picks: RawArg[], what: string): RawArg {
  const rows: Grid = [];
  for (const pick of picks) {
    for (const value of gridOf(pick).flat()) {
      const index = countArg(value, null, `the ${what} number`);
      if (index instanceof CellError) return index;
      if (index === null || index === 0 || Math.abs(index) > grid.length)
        return new CellError(ErrorType.VALUE, `there is no ${what} ${String(index ?? '(blank)')} in an array of ${grid.length}`);
      rows.push(grid[index > 0 ? index - 1 : grid.length + index]);
    }
  }
  return result(rows);
}

/** TOCOL/TOROW's values: by row (or by column), leaving out blanks (ignore 1), errors (2) or both (3). */
function flatten(grid: Grid, ignoreArg: RawArg, byColumnArg: RawArg): RawArg[] | CellError {
  const ignore = countArg(ignoreArg, 0, 'ignore');
  if (ignore instanceof CellError) return ignore;
  if (ignore! < 0 || ignore! > 3) return new CellError(ErrorType.VALUE, 'ignore is 0, 1 (blanks), 2 (errors) or 3 (both)');
  const byColumn = countArg(byColumnArg, 0, 'scan_by_column');
  if (byColumn instanceof CellError) return byColumn;
  const values = (byColumn ? transpose(grid) : grid).flat();
  const kept = values.filter((v) => !((ignore! & 1 && isBlank(v)) || (ignore! & 2 && v instanceof CellError)));
  return kept.length ? kept : calc('every value was left out');
}

/** A one-row or one-column vector cut into rows of `count`, the last padded. */
function wrap(grid: Grid, countArgValue: RawArg, padWith: RawArg): Grid | CellError {
  if (grid.length > 1 && grid[0].length > 1) return new CellError(ErrorType.VALUE, 'only a single row or column can be wrapped');
  const count = countArg(countArgValue, null, 'wrap_count');
  if (count instanceof CellError) return count;
  if (count === null || count < 1) return new CellError(ErrorType.NUM, 'wrap_count must be at least 1');
  const values = grid.flat();
  const pad = padArg(padWith);
  return Array.from({ length: Math.ceil(values.length / count) }, (_, line) =>
    Array.from({ length: count }, (_, i) => (line * count + i < values.length ? values[line * count + i] : pad)),
  );
}

/** Rows without the blank ones at the start (trim 1), the end (2) or both (3). */
function trimEdges(grid: Grid, trim: number): Grid {
  const blank = (row: RawArg[]) => row.every(isBlank);
  let start = 0;
  let end = grid.length;
  if (trim & 1) while (start < end && blank(grid[start])) start += 1;
  if (trim & 2) while (end > start && blank(grid[end - 1])) end -= 1;
  return grid.slice(start, end);
}

/** The grids one below another, each row padded with #N/A to the widest. */
function stack(grids: Grid[]): Grid {
  const width = Math.max(...grids.map((grid) => grid[0]?.length ?? 0));
  const na = () => new CellError(ErrorType.NA, 'no value here in the stacked array');
  return grids.flatMap((grid) => grid.map((row) => [...row, ...Array.from({ length: width - row.length }, na)]));
}
