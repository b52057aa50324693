/**
 * `AGGREGATE(function_num, options, ref1, …)` and `AGGREGATE(function_num, options, array, k)`,
 * which HyperFormula 3.5 lacks: one of 19 aggregates (1 AVERAGE, 2 COUNT, 3 COUNTA, 4 MAX,
 * 5 MIN, 6 PRODUCT, 7 STDEV.S, 8 STDEV.P, 9 SUM, 10 VAR.S, 11 VAR.P, 12 MEDIAN, 13 MODE.SNGL,
 * 14 LARGE, 15 SMALL, 16 PERCENTILE.INC, 17 QUARTILE.INC, 18 PERCENTILE.EXC, 19 QUARTILE.EXC)
 * that can skip error values (options 2, 3, 6, 7) and cells that are themselves SUBTOTAL or
 * AGGREGATE formulas (options 0 to 3). Tickmark's sheets have no hidden rows, so the options
 * that skip hidden rows (1, 3, 5, 7) skip nothing more.
 *
 * `SUBTOTAL(function_num, ref1, …)` replaces HyperFormula's, which counts the cells that are
 * themselves subtotals: Excel leaves them out, so a grand total over subtotalled groups is
 * not doubled. Functions 1 to 11, or 101 to 111 (the same here: no hidden rows).
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { numberOf, toNumber, type RawArg } from '../values.js';
import { aggregateOf, KTH_FUNCTIONS } from './aggregates.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const NESTED = new Set(['SUBTOTAL', 'AGGREGATE']);

export class AggregatePlugin extends FunctionPlugin {
  static override implementedFunctions = {
    SUBTOTAL: {
      method: 'subtotal',
      parameters: [{ argumentType: FunctionArgumentType.ANY }],
      repeatLastArgs: 1,
      enableArrayArithmeticForArguments: true,
      vectorizationForbidden: true,
    },
    AGGREGATE: {
      method: 'aggregate',
      parameters: [{ argumentType: FunctionArgumentType.ANY }],
      repeatLastArgs: 1,
      enableArrayArithmeticForArguments: true,
      vectorizationForbidden: true,
    },
  };

  aggregate(ast: Ast, state: State) {
    if (ast.args.length < 3) return new CellError(ErrorType.NA, 'AGGREGATE takes function_num, options and at least one reference');
    const fn = this.integerArg(ast.args[0], state);
    if (fn instanceof CellError) return fn;
    const options = ast.args[1].type === 'EMPTY' ? 0 : this.integerArg(ast.args[1], state);
    if (options instanceof CellError) return options;
    if (fn < 1 || fn > 19) return new CellError(ErrorType.VALUE, 'function_num must be 1 to 19');
    if (options < 0 || options > 7) return new CellError(ErrorType.VALUE, 'options must be 0 to 7');
    const skipErrors = [2, 3, 6, 7].includes(options);
    const skipNested = options <= 3;
    const kth = KTH_FUNCTIONS.has(fn);
    if (kth && ast.args.length !== 4) return new CellError(ErrorType.VALUE, `function ${fn} takes one array and k`);
    const refs = kth ? ast.args.slice(2, 3) : ast.args.slice(2);
    const collected = this.collect(refs, state, skipErrors, skipNested);
    if (collected instanceof CellError) return collected;
    const { numbers, nonEmpty } = collected;
    let k: number | undefined;
    if (kth) {
      const kValue = toNumber(this.evaluateAst(ast.args[3], state));
      if (kValue instanceof CellError) return kValue;
      k = kValue;
    }
    return aggregateOf(fn, numbers, nonEmpty, k);
  }

  /** SUBTOTAL(function_num, ref1, …): AGGREGATE's functions 1 to 11 (or 101 to 111), errors passed on, nested subtotals left out. */
  subtotal(ast: Ast, state: State) {
    if (ast.args.length < 2) return new CellError(ErrorType.NA, 'SUBTOTAL takes function_num and at least one reference');
    const fn = this.integerArg(ast.args[0], state);
    if (fn instanceof CellError) return fn;
    const base = fn > 100 ? fn - 100 : fn;
    if (base < 1 || base > 11) return new CellError(ErrorType.VALUE, 'function_num must be 1 to 11 or 101 to 111');
    const collected = this.collect(ast.args.slice(1), state, false, true);
    if (collected instanceof CellError) return collected;
    return aggregateOf(base, collected.numbers, collected.nonEmpty);
  }

  /** The numbers (and COUNTA's count) of reference arguments, as AGGREGATE and SUBTOTAL read them. */
  private collect(
    refs: Ast[],
    state: State,
    skipErrors: boolean,
    skipNested: boolean,
  ): { numbers: number[]; nonEmpty: number } | CellError {
    const numbers: number[] = [];
    let nonEmpty = 0;
    for (const arg of refs) {
      const value: RawArg = this.evaluateAst(arg, state);
      const values = value instanceof SimpleRangeValue ? this.cellsOf(value, skipNested) : [value];
      for (const v of values) {
        if (v instanceof CellError) {
          if (skipErrors) continue;
          return v;
        }
        if (v === null || v === undefined || typeof v === 'symbol') continue;
        nonEmpty += 1;
        const n = numberOf(v);
        if (n !== null) numbers.push(n);
        else if (!(value instanceof SimpleRangeValue) && arg.type !== 'CELL_REFERENCE') {
          const typed = toNumber(v);
          if (typed instanceof CellError) return typed;
          numbers.push(typed);
        }
      }
    }
    return { numbers, nonEmpty };
  }

  private integerArg(arg: Ast, state: State): number | CellError {
    const n = toNumber(this.evaluateAst(arg, state));
    return n instanceof CellError ? n : Math.trunc(n);
  }

  /** A range's values, without the cells whose own formula is a SUBTOTAL or AGGREGATE when asked. */
  private cellsOf(value: SimpleRangeValue, skipNested: boolean): RawArg[] {
    const range = (value as unknown as { range?: Ast }).range;
    if (!skipNested || !range) return value.valuesFromTopLeftCorner();
    const graph = (this as unknown as { dependencyGraph: Ast }).dependencyGraph;
    const out: RawArg[] = [];
    value.data.forEach((row, i) =>
      row.forEach((v, j) => {
        const vertex = graph.getCell({ sheet: range.start.sheet, row: range.start.row + i, col: range.start.col + j });
        if (!callsNested(vertex?.formula)) out.push(v);
      }),
    );
    return out;
  }
}

/** Whether a formula's AST calls SUBTOTAL or AGGREGATE anywhere. */
function callsNested(node: Ast): boolean {
  if (!node || typeof node !== 'object') return false;
  if (node.type === 'FUNCTION_CALL' && NESTED.has(node.procedureName)) return true;
  return [node.left, node.right, node.value, ...(node.args ?? [])].some(
    (child) => child && typeof child === 'object' && callsNested(child),
  );
}
