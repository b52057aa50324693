/**
 * `PIVOTBY(row_fields, col_fields, values, function, [field_headers], [row_total_depth],
 * [row_sort_order], [col_total_depth], [col_sort_order], [filter_array], [relative_to])`:
 * a two-way summary. One row per distinct key of row_fields, one column per distinct key of
 * col_fields, each cell the function (a LAMBDA, or a function named bare: `SUM`, `AVERAGE`)
 * of the values whose row falls in both; a "Total" column and row aggregate each whole row
 * and column. The top-left corner and cells no value falls in show nothing, as in Excel: they
 * hold empty text (""), since a blank inside a spilled array reaches the sheet as 0, which would
 * read as a real sum of nothing.
 * What Tickmark covers of Excel's options — the rest is #VALUE! saying so, never a guess:
 *
 * * one row-field column, one col-field column and one value column;
 * * field_headers 0 (none) or 1 (first row is headers, not shown); omitted, the first row is
 *   taken as headers (not shown) when its value is text and the next row's a number, as GROUPBY;
 * * row_total_depth / col_total_depth: 0 none, 1 grand total (default: last row / last
 *   column), -1 grand total first (top row / left column);
 * * row_sort_order / col_sort_order: 1 ascending (default) or -1 descending by the field;
 * * filter_array: one TRUE/FALSE per row; relative_to is not supported.
 *
 * The result is sized at parse time to every distinct key possible (each row and column of
 * the fields) plus header and total; what it does not fill stays empty.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import { isLambda, substitute, valueAst } from '../let.js';
import { isEmpty, toNumber, type RawArg } from '../values.js';
import { compare } from './groupby.js';
import { calc, countArg, gridOf, isBlank, spill, type Grid } from './grid.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What an empty cell of the pivot holds (see the header comment). */
const NOTHING = '';

const unsupported = (what: string) => new CellError(ErrorType.VALUE, `Tickmark's PIVOTBY does not support ${what}`);

/** Distinct keys (text compared ignoring case), in first-seen order, with the rows holding each. */
function distinct(keys: RawArg[]): { key: RawArg; rows: Set<number> }[] {
  const groups = new Map<string, { key: RawArg; rows: Set<number> }>();
  keys.forEach((key, i) => {
    const id = JSON.stringify(typeof key === 'string' ? key.toUpperCase() : isBlank(key) ? null : [typeof key, String(key)]);
    if (!groups.has(id)) groups.set(id, { key, rows: new Set() });
    groups.get(id)!.rows.add(i);
  });
  return [...groups.values()];
}

export class PivotByPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    PIVOTBY: {
      method: 'pivotBy',
      parameters: [{ argumentType: FunctionArgumentType.ANY }],
      repeatLastArgs: 1,
      sizeOfResultArrayMethod: 'pivotBySize',
    },
  };

  pivotBy(ast: Ast, state: State): RawArg {
    const args = ast.args;
    if (args.length < 4 || args.length > 11)
      return new CellError(ErrorType.NA, 'PIVOTBY takes row_fields, col_fields, values, a function and up to seven options');
    if (args.length === 11 && args[10].type !== 'EMPTY') return unsupported('relative_to');
    const fn = this.resolve(args[3]);
    if (fn instanceof CellError) return fn;
    const arrays = { ...state, arraysFlag: true };
    const option = (i: number) => (args[i] && args[i].type !== 'EMPTY' ? this.evaluateAst(args[i], arrays) : undefined);
    let rowKeys = gridOf(this.evaluateAst(args[0], arrays));
    let colKeys = gridOf(this.evaluateAst(args[1], arrays));
    let values = gridOf(this.evaluateAst(args[2], arrays));
    for (const [grid, name] of [
      [rowKeys, 'row_fields'],
      [colKeys, 'col_fields'],
      [values, 'values'],
    ] as const) {
      if ((grid[0]?.length ?? 0) !== 1) return unsupported(`more than one column in ${name}`);
    }
    if (rowKeys.length !== values.length || colKeys.length !== values.length)
      return new CellError(
        ErrorType.VALUE,
        `PIVOTBY's row_fields (${rowKeys.length} rows), col_fields (${colKeys.length}) and values (${values.length}) must be as long`,
      );
    const settings = [
      countArg(option(4), null, 'field_headers'),
      countArg(option(5), 1, 'row_total_depth'),
      countArg(option(6), 1, 'row_sort_order'),
      countArg(option(7), 1, 'col_total_depth'),
      countArg(option(8), 1, 'col_sort_order'),
    ];
    for (const v of settings) if (v instanceof CellError) return v;
    const [headersArg, rowTotals, rowSort, colTotals, colSort] = settings as (number | null)[];
    const headers = headersArg ?? (typeof values[0]?.[0] === 'string' && typeof values[1]?.[0] === 'number' ? 1 : 0);
    if (headers !== 0 && headers !== 1) return unsupported('field_headers 2 or 3 (generated or shown headers)');
    for (const [depth, name] of [
      [rowTotals, 'row_total_depth'],
      [colTotals, 'col_total_depth'],
    ] as const)
      if (depth !== 0 && depth !== 1 && depth !== -1) return unsupported(`${name} ${String(depth)} (subtotals)`);
    for (const [order, name] of [
      [rowSort, 'row_sort_order'],
      [colSort, 'col_sort_order'],
    ] as const)
      if (order !== 1 && order !== -1) return unsupported(`${name} ${String(order)} (only 1 or -1, by the field)`);
    if (headers === 1) {
      rowKeys = rowKeys.slice(1);
      colKeys = colKeys.slice(1);
      values = values.slice(1);
    }
    const filter = option(9);
    let kept = values.map((_, i) => i);
    if (filter !== undefined) {
      const flags = gridOf(filter).flat();
      if (flags.length !== values.length) return new CellError(ErrorType.VALUE, `PIVOTBY's filter_array needs ${values.length} values`);
      const keep = flags.map((f) => toNumber(f));
      const bad = keep.find((k) => k instanceof CellError);
      if (bad) return bad;
      kept = kept.filter((i) => keep[i] !== 0);
    }
    const sorted = (keys: RawArg[], order: number) =>
      distinct(keys)
        .filter((g) => kept.some((i) => g.rows.has(i)))
        .sort((a, b) => order * compare(a.key, b.key));
    const rows = sorted(
      rowKeys.map((r) => r[0]),
      rowSort!,
    );
    const cols = sorted(
      colKeys.map((r) => r[0]),
      colSort!,
    );
    if (rows.length === 0) return calc('no rows are left to pivot');
    const all = new Set(kept);
    const colGroups = cols.map((c) => ({ label: c.key, rows: c.rows }));
    const totalCol = { label: 'Total' as RawArg, rows: all };
    const columns = colTotals === 0 ? colGroups : colTotals === 1 ? [...colGroups, totalCol] : [totalCol, ...colGroups];
    const rowGroups = rows.map((r) => ({ label: r.key, rows: r.rows }));
    const totalRow = { label: 'Total' as RawArg, rows: all };
    const lines = rowTotals === 0 ? rowGroups : rowTotals === 1 ? [...rowGroups, totalRow] : [totalRow, ...rowGroups];
    const out: Grid = [[NOTHING, ...columns.map((c) => c.label)]];
    for (const line of lines) {
      const cells: RawArg[] = [line.label];
      for (const column of columns) {
        const members = kept.filter((i) => line.rows.has(i) && column.rows.has(i) && all.has(i));
        if (members.length === 0) {
          cells.push(NOTHING);
          continue;
        }
        const value = this.aggregate(
          fn,
          members.map((i) => values[i][0]),
          state,
        );
        if (value instanceof CellError && value.message?.startsWith('PIVOTBY:')) return value;
        cells.push(value);
      }
      out.push(cells);
    }
    return SimpleRangeValue.onlyValues(out as never);
  }

  pivotBySize(ast: Ast, state: State) {
    const arrays = { ...state, arraysFlag: true };
    const rows = this.arraySizeForAst(ast.args[0], arrays);
    const cols = this.arraySizeForAst(ast.args[1], arrays);
    return spill(cols.height + 2, rows.height + 2);
  }

  /** The function's value for one cell: the values in it, given as one column. */
  private aggregate(fn: Ast, column: RawArg[], state: State): RawArg {
    const arg = valueAst(SimpleRangeValue.onlyValues(column.map((v) => [v]) as never));
    let value = fn.eta
      ? this.evaluateAst({ type: 'FUNCTION_CALL', procedureName: fn.eta, args: [arg] } as Ast, state)
      : this.callLambda(fn, arg, state);
    if (value instanceof SimpleRangeValue) {
      if (value.width() * value.height() > 1) return calc('PIVOTBY: the function returned an array for one cell');
      value = value.data[0][0];
    }
    return isEmpty(value) ? 0 : value;
  }

  private callLambda(fn: Ast, arg: Ast, state: State): RawArg {
    const params = fn.args.slice(0, -1);
    if (params.length !== 1 || params[0].type !== 'NAMED_EXPRESSION')
      return new CellError(ErrorType.VALUE, "PIVOTBY: the function must be a LAMBDA of one parameter (the cell's values)");
    const bindings = new Map<string, Ast>([[String(params[0].expressionName).toUpperCase(), arg]]);
    return this.evaluateAst(substitute(fn.args[fn.args.length - 1], bindings), { ...state, arraysFlag: true });
  }

  /** A LAMBDA written out, or a function named bare (`SUM`). */
  private resolve(target: Ast): Ast | CellError {
    let node = target;
    while (node?.type === 'PARENTHESIS') node = node.expression;
    if (isLambda(node)) return node;
    if (node?.type === 'NAMED_EXPRESSION') {
      const name = String(node.expressionName).toUpperCase();
      if (HyperFormula.getRegisteredFunctionNames('enGB').includes(name)) return { eta: name };
      return new CellError(ErrorType.NAME, `Function name ${name} not recognized.`);
    }
    return new CellError(ErrorType.VALUE, "PIVOTBY's function must be a LAMBDA or a function's bare name (SUM)");
  }
}
