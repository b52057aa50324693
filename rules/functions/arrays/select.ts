/**
 * Excel 365's selecting and ordering functions where HyperFormula lacks them or differs:
 *
 * * `FILTER(array, include, [if_empty])`: HyperFormula reads a third argument as another
 *   condition; Excel's is the value shown when nothing passes (without it: `#CALC!`).
 *   `include` is one column as tall as the array (keeps rows) or one row as wide (columns).
 * * `SORTBY(array, by_array1, [sort_order1], …)`: sorts by other arrays, each one column as
 *   tall as the array or one row as wide; ties keep their order (Excel's sort is stable).
 * * `RANDARRAY([rows], [columns], [min], [max], [integer])`: random numbers, volatile.
 * * `PERCENTOF(data_subset, data_all)`: the subset's sum over the whole's.
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { constantArg, isEmpty, numberOf, toNumber, type RawArg } from '../values.js';
import { calc, countArg, gridOf, result, spill, transpose, type Grid } from './grid.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const RANGE = { argumentType: FunctionArgumentType.RANGE };
const OPTIONAL = { argumentType: FunctionArgumentType.ANY, optionalArg: true };

export class ArraySelectPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    FILTER: {
      method: 'filter',
      parameters: [RANGE, RANGE, OPTIONAL],
      sizeOfResultArrayMethod: 'inputSize',
      enableArrayArithmeticForArguments: true,
      vectorizationForbidden: true,
    },
    SORTBY: {
      method: 'sortBy',
      parameters: [RANGE, RANGE, OPTIONAL],
      repeatLastArgs: 2,
      sizeOfResultArrayMethod: 'inputSize',
      enableArrayArithmeticForArguments: true,
      vectorizationForbidden: true,
    },
    RANDARRAY: {
      method: 'randArray',
      parameters: [OPTIONAL, OPTIONAL, OPTIONAL, OPTIONAL, OPTIONAL],
      sizeOfResultArrayMethod: 'randArraySize',
      isVolatile: true,
      vectorizationForbidden: true,
    },
    PERCENTOF: { method: 'percentOf', parameters: [RANGE, RANGE], vectorizationForbidden: true },
  };

  /** HyperFormula's argument handling around an implementation that returns any engine value. */
  private run(ast: Ast, state: State, name: string, implementation: (...args: never[]) => RawArg) {
    return this.runFunction(ast.args, state, this.metadata(name), implementation as never);
  }

  filter(ast: Ast, state: State) {
    return this.run(ast, state, 'FILTER', (array: SimpleRangeValue, include: SimpleRangeValue, ifEmpty: RawArg) => {
      const grid = gridOf(array);
      const keys = gridOf(include);
      const byRow = keys[0].length === 1 && keys.length === grid.length;
      const byColumn = keys.length === 1 && keys[0].length === grid[0].length;
      if (!byRow && !byColumn)
        return new CellError(ErrorType.VALUE, `FILTER's include must be one column of ${grid.length} or one row of ${grid[0].length}`);
      const flags = keys.flat();
      const lines = byRow ? grid : transpose(grid);
      const kept: Grid = [];
      for (let i = 0; i < lines.length; i++) {
        const flag = flags[i];
        if (flag instanceof CellError) return flag;
        const n = typeof flag === 'string' ? new CellError(ErrorType.VALUE, `include holds text "${flag}"`) : toNumber(flag);
        if (n instanceof CellError) return n;
        if (n !== 0) kept.push(lines[i]);
      }
      if (kept.length === 0) return ifEmpty === undefined ? calc('FILTER: no row passes and there is no if_empty') : ifEmpty;
      return result(byRow ? kept : transpose(kept));
    });
  }

  sortBy(ast: Ast, state: State) {
    return this.run(ast, state, 'SORTBY', (array: SimpleRangeValue, ...rest: RawArg[]) => {
      const grid = gridOf(array);
      const keys: { values: RawArg[]; order: number }[] = [];
      let byRow: boolean | null = null;
      for (let i = 0; i < rest.length; i += 2) {
        const by = gridOf(rest[i]);
        const order = countArg(rest[i + 1], 1, 'sort_order');
        if (order instanceof CellError) return order;
        if (order !== 1 && order !== -1) return new CellError(ErrorType.VALUE, 'sort_order is 1 (ascending) or -1 (descending)');
        const rowKey = by[0].length === 1 && by.length === grid.length;
        const colKey = by.length === 1 && by[0].length === grid[0].length;
        const thisByRow: boolean | null = rowKey && (byRow ?? true) ? true : colKey && !(byRow ?? false) ? false : null;
        if (thisByRow === null)
          return new CellError(
            ErrorType.VALUE,
            `SORTBY's by_array ${i / 2 + 1} must be one column as tall as the array or one row as wide`,
          );
        byRow = thisByRow;
        const values = by.flat();
        const error = values.find((v) => v instanceof CellError);
        if (error) return error;
        keys.push({ values, order });
      }
      const lines = byRow ? grid : transpose(grid);
      const order = lines.map((_, i) => i);
      order.sort((a, b) => {
        for (const key of keys) {
          const c = this.compareForSort(key.values[a], key.values[b], key.order);
          if (c !== 0) return c;
        }
        return a - b;
      });
      const sorted = order.map((i) => lines[i]);
      return result(byRow ? sorted : transpose(sorted));
    });
  }

  randArray(ast: Ast, state: State) {
    return this.run(ast, state, 'RANDARRAY', (rowsArg: RawArg, colsArg: RawArg, minArg: RawArg, maxArg: RawArg, integerArg: RawArg) => {
      const rows = countArg(rowsArg, 1, 'rows');
      const cols = countArg(colsArg, 1, 'columns');
      const min = isEmpty(minArg) ? 0 : toNumber(minArg);
      const max = isEmpty(maxArg) ? 1 : toNumber(maxArg);
      const integer = isEmpty(integerArg) ? 0 : toNumber(integerArg);
      for (const v of [rows, cols, min, max, integer]) if (v instanceof CellError) return v;
      const [r, c, lo, hi] = [rows, cols, min, max] as number[];
      if (r < 1 || c < 1) return calc('RANDARRAY needs at least one row and one column');
      if (lo > hi) return new CellError(ErrorType.VALUE, `RANDARRAY's min ${lo} is above its max ${hi}`);
      const whole = integer !== 0;
      if (whole && (!Number.isInteger(lo) || !Number.isInteger(hi)))
        return new CellError(ErrorType.VALUE, 'RANDARRAY with integer TRUE needs whole-number min and max');
      const draw = () => (whole ? lo + Math.floor(Math.random() * (hi - lo + 1)) : lo + Math.random() * (hi - lo));
      return result(Array.from({ length: r }, () => Array.from({ length: c }, draw)));
    });
  }

  percentOf(ast: Ast, state: State) {
    return this.run(ast, state, 'PERCENTOF', (subset: SimpleRangeValue, all: SimpleRangeValue) => {
      const part = sumOf(subset);
      const whole = sumOf(all);
      if (part instanceof CellError) return part;
      if (whole instanceof CellError) return whole;
      return whole === 0 ? new CellError(ErrorType.DIV_BY_ZERO, 'PERCENTOF: data_all sums to 0') : part / whole;
    });
  }

  /** FILTER and SORTBY never spill more than their first argument. */
  inputSize(ast: Ast, state: State) {
    const input = this.arraySizeForAst(ast.args[0], { ...state, arraysFlag: true });
    return spill(input.width, input.height);
  }

  randArraySize(ast: Ast, state: State) {
    const rows = constantArg(this, ast.args[0], state);
    const cols = constantArg(this, ast.args[1], state);
    const r = rows === null ? 1 : numberOf(rows);
    const c = cols === null ? 1 : numberOf(cols);
    if (r === null || c === null || r < 1 || c < 1) return ArraySize.error();
    return spill(Math.trunc(c), Math.trunc(r));
  }

  /** Excel's sort order: numbers, then text (ignoring case), then FALSE before TRUE; blanks last either way. */
  private compareForSort(a: RawArg, b: RawArg, order: number): number {
    const aBlank = a === EmptyValue;
    const bBlank = b === EmptyValue;
    if (aBlank || bBlank) return aBlank === bBlank ? 0 : aBlank ? 1 : -1;
    if (this.arithmeticHelper.lt(a as never, b as never)) return -order;
    if (this.arithmeticHelper.gt(a as never, b as never)) return order;
    return 0;
  }
}

/** The sum of a range's numbers (text and logical values in it are skipped, as SUM does); its first error. */
function sumOf(range: SimpleRangeValue): number | CellError {
  let total = 0;
  for (const v of range.valuesFromTopLeftCorner()) {
    if (v instanceof CellError) return v;
    const n = numberOf(v);
    if (n !== null) total += n;
  }
  return total;
}
