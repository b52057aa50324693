/**
 * `GROUPBY(row_fields, values, function, [field_headers], [total_depth], [sort_order],
 * [filter_array])`: one row per distinct key of row_fields (one or more columns), each value
 * column aggregated by `function` (a LAMBDA, or a function named bare: `SUM`, `AVERAGE`),
 * then a grand total row. What Tickmark covers of Excel's options:
 *
 * * field_headers: 0 no headers, 1 headers not shown, 2 none but generated, 3 shown; omitted,
 *   the first row is taken as headers when its first value is text and the next row's is a number.
 * * total_depth: 0 none, 1 grand total (default), -1 grand total at the top. Subtotals (2 and
 *   more) are #VALUE! with a message saying so, never a quiet guess.
 * * sort_order: the 1-based column of the result to sort by, negative for descending;
 *   default 1. Several sort columns are #VALUE! (not supported).
 * * filter_array: one TRUE/FALSE per row; rows with FALSE are left out.
 * * field_relationship is not supported (#VALUE! when given).
 *
 * The result is sized at parse time to every row plus a header and a total row; the rows it
 * does not fill stay empty.
 */
import { CellError, ErrorType, SimpleRangeValue, type ArraySize } from 'hyperformula';
import { valueAst } from '../let.js';
import { isEmpty, toNumber, type RawArg } from '../values.js';
import { calc, countArg, gridOf, isBlank, result, spill, type Grid } from './grid.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What GROUPBY needs of the LAMBDA plugin that hosts it. */
export interface LambdaHost {
  resolve(target: Ast, state: State): Ast | CellError;
  invoke(fn: Ast, args: Ast[], state: State): RawArg;
  evaluate(ast: Ast, state: State): RawArg;
  size(ast: Ast, state: State): ArraySize;
}

/** GROUPBY's implementation (LambdaPlugin.groupBy calls it). */
export class GroupBy {
  constructor(private host: LambdaHost) {}

  run(ast: Ast, state: State): RawArg {
    const args = ast.args;
    if (args.length < 3 || args.length > 8)
      return new CellError(ErrorType.NA, 'GROUPBY takes row_fields, values, a function and up to five options');
    if (args.length === 8 && args[7].type !== 'EMPTY')
      return new CellError(ErrorType.VALUE, "Tickmark's GROUPBY does not support field_relationship");
    const fn = this.host.resolve(args[2], state);
    if (fn instanceof CellError) return fn;
    const arrays = { ...state, arraysFlag: true };
    const option = (i: number) => (args[i] && args[i].type !== 'EMPTY' ? this.host.evaluate(args[i], arrays) : undefined);
    let keys = gridOf(this.host.evaluate(args[0], arrays));
    let values = gridOf(this.host.evaluate(args[1], arrays));
    if (keys.length !== values.length)
      return new CellError(ErrorType.VALUE, `GROUPBY's row_fields has ${keys.length} rows and values ${values.length}`);
    const headersArg = countArg(option(3), null, 'field_headers');
    const totals = countArg(option(4), 1, 'total_depth');
    const sortBy = countArg(option(5), 1, 'sort_order');
    for (const v of [headersArg, totals, sortBy]) if (v instanceof CellError) return v;
    if (totals !== 0 && totals !== 1 && totals !== -1)
      return new CellError(ErrorType.VALUE, "Tickmark's GROUPBY shows a grand total (1, -1) or none (0), not subtotals");
    const headers = (headersArg as number | null) ?? (typeof values[0]?.[0] === 'string' && typeof values[1]?.[0] === 'number' ? 1 : 0);
    if (![0, 1, 2, 3].includes(headers)) return new CellError(ErrorType.VALUE, 'field_headers is 0, 1, 2 or 3');
    let titles: RawArg[] | null = null;
    if (headers === 1 || headers === 3) {
      titles = [...keys[0], ...values[0]];
      keys = keys.slice(1);
      values = values.slice(1);
    } else if (headers === 2) titles = [...keys[0].map((_, i) => `Row Field ${i + 1}`), ...values[0].map((_, i) => `Value ${i + 1}`)];
    const filter = option(6);
    if (filter !== undefined) {
      const flags = gridOf(filter).flat();
      if (flags.length !== keys.length) return new CellError(ErrorType.VALUE, `GROUPBY's filter_array needs ${keys.length} values`);
      const keep = flags.map((f) => toNumber(f));
      const bad = keep.find((k) => k instanceof CellError);
      if (bad) return bad;
      keys = keys.filter((_, i) => keep[i] !== 0);
      values = values.filter((_, i) => keep[i] !== 0);
    }
    const groups = new Map<string, { key: RawArg[]; rows: number[] }>();
    keys.forEach((key, i) => {
      const id = JSON.stringify(key.map((k) => (typeof k === 'string' ? k.toUpperCase() : isBlank(k) ? null : String(k))));
      (groups.get(id) ?? groups.set(id, { key, rows: [] }).get(id)!).rows.push(i);
    });
    const out: Grid = [];
    for (const { key, rows } of groups.values()) {
      const row = this.aggregate(fn, values, rows, state);
      if (row instanceof CellError) return row;
      out.push([...key, ...row]);
    }
    const width = keys[0]?.length ?? 1;
    const column = Math.abs(sortBy as number) - 1;
    if (column < 0 || column >= width + (values[0]?.length ?? 0))
      return new CellError(ErrorType.VALUE, `sort_order ${String(sortBy)} names no column of the result`);
    const direction = (sortBy as number) < 0 ? -1 : 1;
    out.sort((a, b) => direction * compare(a[column], b[column]));
    if (totals !== 0) {
      const all = this.aggregate(
        fn,
        values,
        values.map((_, i) => i),
        state,
      );
      if (all instanceof CellError) return all;
      const total = ['Total', ...Array.from({ length: width - 1 }, () => null), ...all];
      if (totals === 1) out.push(total);
      else out.unshift(total);
    }
    if (titles && headers !== 1) out.unshift(titles);
    return result(out);
  }

  size(ast: Ast, state: State): ArraySize {
    const keys = this.host.size(ast.args[0], { ...state, arraysFlag: true });
    const values = this.host.size(ast.args[1], { ...state, arraysFlag: true });
    return spill(keys.width + values.width, keys.height + 2);
  }

  /** Each value column's rows of a group, given to the function as one column. */
  private aggregate(fn: Ast, values: Grid, rows: number[], state: State): RawArg[] | CellError {
    const width = values[0]?.length ?? 0;
    const out: RawArg[] = [];
    for (let c = 0; c < width; c++) {
      const column = SimpleRangeValue.onlyValues(rows.map((r) => [values[r][c]]) as never);
      let value = this.host.invoke(fn, [valueAst(column)], state);
      if (value instanceof SimpleRangeValue) {
        if (value.width() * value.height() > 1) return calc('the function returned an array for a group');
        value = value.data[0][0];
      }
      out.push(isEmpty(value) ? 0 : value);
    }
    return out;
  }
}

/** Ascending order of keys: numbers, then text (ignoring case), then logical values; blanks last. */
export function compare(a: RawArg, b: RawArg): number {
  const rank = (v: RawArg) => (isBlank(v) ? 3 : typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b, 'en', { sensitivity: 'base' });
  return Number(a) - Number(b);
}
