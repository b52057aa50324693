/**
 * Excel 365's LAMBDA and the functions that call one:
 *
 * * `LAMBDA([param1, …], calculation)` on its own is `#CALC!` (Excel: a LAMBDA must be called).
 * * `LAMBDA.CALL(f, arg1, …)` is the engine's spelling of a call: `normaliseFormula` writes
 *   Excel's `LAMBDA(x, x+1)(2)`, and a call of a name that is no function (`MYADD(1, 2)`,
 *   a workbook name defined as a LAMBDA, or a LET name bound to one), this way. Each
 *   parameter is replaced by its argument's value in the calculation (as LET binds names);
 *   a wrong number of arguments is #VALUE!, an empty one (`f(1,)`) is omitted (ISOMITTED).
 *   A named LAMBDA may call itself; past RECURSION_LIMIT nested calls the result is #NUM!.
 * * MAP, REDUCE, SCAN, BYROW, BYCOL, MAKEARRAY call a LAMBDA (or a function named bare, as
 *   `BYROW(A1:C3, SUM)`) for each value, row or position. A LAMBDA that returns an array
 *   where one value is expected makes the whole result #CALC!, as in Excel.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from 'hyperformula';
import { isLambda, substitute, valueAst } from '../let.js';
import { constantArg, numberOf, type RawArg } from '../values.js';
import { calc, countArg, gridOf, result, spill, transpose, type Grid } from './grid.js';
import { GroupBy } from './groupby.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The engine's name for a LAMBDA call (`normaliseFormula` and `excelFormula` translate it). */
export const LAMBDA_CALL = 'LAMBDA.CALL';
/** The internal function an omitted LAMBDA argument becomes. */
const OMITTED = 'LAMBDA.OMITTED';
/** Nested LAMBDA calls allowed before #NUM! (Excel's documented answer to runaway recursion). */
export const RECURSION_LIMIT = 256;

const ANY = { argumentType: FunctionArgumentType.ANY };
const lazy = (method: string, extra: object = {}) => ({
  method,
  parameters: [ANY],
  repeatLastArgs: 1,
  // Each evaluates its own arguments; not marked doesNotNeedArgumentsToBeComputed, which
  // would also drop the cells they read from HyperFormula's dependency graph.
  ...extra,
});

let depth = 0;

export class LambdaPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    LAMBDA: lazy('lambda'),
    [LAMBDA_CALL]: lazy('call'),
    [OMITTED]: { method: 'omitted', parameters: [] },
    ISOMITTED: lazy('isOmitted'),
    MAP: lazy('map', { sizeOfResultArrayMethod: 'firstSize' }),
    REDUCE: lazy('reduce'),
    SCAN: lazy('scan', { sizeOfResultArrayMethod: 'scanSize' }),
    BYROW: lazy('byRow', { sizeOfResultArrayMethod: 'byRowSize' }),
    BYCOL: lazy('byCol', { sizeOfResultArrayMethod: 'byColSize' }),
    MAKEARRAY: lazy('makeArray', { sizeOfResultArrayMethod: 'makeArraySize' }),
    GROUPBY: lazy('groupBy', { sizeOfResultArrayMethod: 'groupBySize' }),
  };

  /** GROUPBY (./groupby.ts) calls its function as MAP and BYROW do. */
  private readonly grouping = new GroupBy({
    resolve: (target, state) => this.resolve(target, state),
    invoke: (fn, args, state) => this.invoke(fn, args, state),
    evaluate: (ast, state) => this.evaluateAst(ast, state),
    size: (ast, state) => this.arraySizeForAst(ast, state),
  });

  groupBy(ast: Ast, state: State) {
    return this.grouping.run(ast, state);
  }

  groupBySize(ast: Ast, state: State) {
    return this.grouping.size(ast, state);
  }

  lambda() {
    return calc('a LAMBDA must be called: add its arguments in brackets after it, or name it');
  }

  omitted() {
    return EmptyValue;
  }

  isOmitted(ast: Ast) {
    const arg = ast.args[0];
    return arg?.type === 'FUNCTION_CALL' && arg.procedureName === OMITTED;
  }

  call(ast: Ast, state: State) {
    const [target, ...args] = ast.args;
    const fn = this.resolve(target, state);
    if (fn instanceof CellError) return fn;
    const values = args.map((arg: Ast) => (arg.type === 'EMPTY' ? omittedAst() : valueAst(this.evaluateAst(arg, state))));
    return this.invoke(fn, values, state);
  }

  map(ast: Ast, state: State) {
    const fn = this.resolve(ast.args[ast.args.length - 1], state);
    if (fn instanceof CellError) return fn;
    const arrays = ast.args.slice(0, -1).map((arg: Ast) => gridOf(this.evaluateAst(arg, state)));
    if (arrays.length === 0) return new CellError(ErrorType.NA, 'MAP needs an array and a LAMBDA');
    // Smaller arrays are read as #N/A where they run out, as Excel does.
    const at = (grid: Grid, r: number, c: number) =>
      grid.length === 1 && grid[0].length === 1 ? grid[0][0] : (grid[r]?.[c] ?? new CellError(ErrorType.NA, 'MAP: this array is smaller'));
    const height = Math.max(...arrays.map((g: Grid) => g.length));
    const width = Math.max(...arrays.map((g: Grid) => g[0].length));
    return this.fill(height, width, (r, c) =>
      this.invoke(
        fn,
        arrays.map((g: Grid) => valueAst(at(g, r, c))),
        state,
      ),
    );
  }

  reduce(ast: Ast, state: State) {
    const steps = this.accumulate(ast, state, 'REDUCE');
    return steps instanceof CellError ? steps : steps.last;
  }

  scan(ast: Ast, state: State) {
    const steps = this.accumulate(ast, state, 'SCAN');
    if (steps instanceof CellError) return steps;
    for (const row of steps.all)
      for (const v of row) if (v instanceof SimpleRangeValue && v.width() * v.height() > 1) return nested('SCAN');
    return result(steps.all.map((row) => row.map(single)));
  }

  byRow(ast: Ast, state: State) {
    return this.byLine(ast, state, 'BYROW');
  }

  byCol(ast: Ast, state: State) {
    const lines = this.byLine(ast, state, 'BYCOL', true);
    return lines instanceof SimpleRangeValue ? result(transpose(gridOf(lines))) : lines;
  }

  makeArray(ast: Ast, state: State) {
    if (ast.args.length !== 3) return new CellError(ErrorType.NA, 'MAKEARRAY takes rows, columns and a LAMBDA');
    const rows = countArg(this.evaluateAst(ast.args[0], state), null, 'rows');
    const cols = countArg(this.evaluateAst(ast.args[1], state), null, 'columns');
    if (rows instanceof CellError) return rows;
    if (cols instanceof CellError) return cols;
    if (rows === null || cols === null || rows < 1 || cols < 1)
      return new CellError(ErrorType.VALUE, 'MAKEARRAY needs at least one row and one column');
    const fn = this.resolve(ast.args[2], state);
    if (fn instanceof CellError) return fn;
    return this.fill(rows, cols, (r, c) => this.invoke(fn, [valueAst(r + 1), valueAst(c + 1)], state));
  }

  firstSize(ast: Ast, state: State) {
    const size = this.arraySizeForAst(ast.args[0], { ...state, arraysFlag: true });
    return spill(size.width, size.height);
  }

  scanSize(ast: Ast, state: State) {
    const size = this.arraySizeForAst(ast.args[ast.args.length - 2], { ...state, arraysFlag: true });
    return spill(size.width, size.height);
  }

  byRowSize(ast: Ast, state: State) {
    return spill(1, this.arraySizeForAst(ast.args[0], { ...state, arraysFlag: true }).height);
  }

  byColSize(ast: Ast, state: State) {
    return spill(this.arraySizeForAst(ast.args[0], { ...state, arraysFlag: true }).width, 1);
  }

  makeArraySize(ast: Ast, state: State) {
    const rows = numberOf(constantArg(this, ast.args[0], state));
    const cols = numberOf(constantArg(this, ast.args[1], state));
    return rows === null || cols === null || rows < 1 || cols < 1 ? ArraySize.error() : spill(Math.trunc(cols), Math.trunc(rows));
  }

  /**
   * What a LAMBDA argument or call target names: a LAMBDA written out, a workbook name
   * defined as one, or a function called by its bare name.
   */
  private resolve(target: Ast, state: State): Ast | CellError {
    let node = target;
    while (node?.type === 'PARENTHESIS') node = node.expression;
    if (isLambda(node)) return node;
    if (node?.type === 'NAMED_EXPRESSION') {
      const name = String(node.expressionName);
      const named = (this.interpreter as unknown as Ast).namedExpressions.nearestNamedExpression(name, state.formulaAddress.sheet);
      const vertex = named ? this.dependencyGraph.getCell(named.address) : undefined;
      const formula = (vertex as Ast)?.formula;
      if (isLambda(formula)) return formula;
      if (named) return new CellError(ErrorType.VALUE, `the name ${name} is not a LAMBDA, so it cannot be called`);
      if (HyperFormula.getRegisteredFunctionNames('enGB').includes(name.toUpperCase())) return etaLambda(name.toUpperCase());
      // HyperFormula's own words for an unknown function (the import report looks for them).
      return new CellError(ErrorType.NAME, `Function name ${name.toUpperCase()} not recognized.`);
    }
    if (node?.type === 'FUNCTION_CALL' && node.procedureName === LAMBDA_CALL) {
      // `f(1)(2)`: the inner call must give a LAMBDA, which Tickmark cannot hold as a value.
      return new CellError(ErrorType.VALUE, 'a LAMBDA returned by a call cannot be called again in Tickmark');
    }
    return new CellError(ErrorType.VALUE, 'a LAMBDA is expected here');
  }

  /** The LAMBDA's calculation with each parameter bound to its argument, evaluated. */
  private invoke(fn: Ast, args: Ast[], state: State): RawArg {
    if (fn.eta) return this.evaluateAst({ type: 'FUNCTION_CALL', procedureName: fn.eta, args } as Ast, state);
    const params = fn.args.slice(0, -1);
    if (fn.args.length === 0) return new CellError(ErrorType.VALUE, 'LAMBDA needs a calculation');
    if (params.some((p: Ast) => p.type !== 'NAMED_EXPRESSION'))
      return new CellError(ErrorType.VALUE, "a LAMBDA's parameters must be names");
    if (args.length !== params.length)
      return new CellError(
        ErrorType.VALUE,
        `the LAMBDA takes ${params.length} argument${params.length === 1 ? '' : 's'}, not ${args.length}`,
      );
    const bindings = new Map<string, Ast>(params.map((p: Ast, i: number) => [String(p.expressionName).toUpperCase(), args[i]]));
    if (depth >= RECURSION_LIMIT) return new CellError(ErrorType.NUM, `more than ${RECURSION_LIMIT} nested LAMBDA calls`);
    depth += 1;
    try {
      // A LAMBDA's calculation is an Excel 365 formula: arithmetic on a range gives an array.
      return this.evaluateAst(substitute(fn.args[fn.args.length - 1], bindings), { ...state, arraysFlag: true });
    } catch (error) {
      if (error instanceof RangeError) return new CellError(ErrorType.NUM, 'the LAMBDA calls itself too deeply');
      throw error;
    } finally {
      depth -= 1;
    }
  }

  /** REDUCE/SCAN: the accumulator after each value of the array, by row. */
  private accumulate(ast: Ast, state: State, name: string): { last: RawArg; all: Grid } | CellError {
    if (ast.args.length < 2 || ast.args.length > 3)
      return new CellError(ErrorType.NA, `${name} takes [initial_value], an array and a LAMBDA`);
    const fn = this.resolve(ast.args[ast.args.length - 1], state);
    if (fn instanceof CellError) return fn;
    const initial = ast.args.length === 3 && ast.args[0].type !== 'EMPTY' ? this.evaluateAst(ast.args[0], state) : undefined;
    const grid = gridOf(this.evaluateAst(ast.args[ast.args.length - 2], state));
    let acc: Ast = initial === undefined ? omittedAst() : valueAst(initial);
    let last: RawArg = initial ?? EmptyValue;
    const all = grid.map((row) =>
      row.map((v) => {
        last = this.invoke(fn, [acc, valueAst(v)], state);
        acc = valueAst(last);
        return last;
      }),
    );
    return { last, all };
  }

  /** BYROW (or BYCOL on the turned array): one value per row. */
  private byLine(ast: Ast, state: State, name: string, turned = false): RawArg {
    if (ast.args.length !== 2) return new CellError(ErrorType.NA, `${name} takes an array and a LAMBDA`);
    const fn = this.resolve(ast.args[1], state);
    if (fn instanceof CellError) return fn;
    const grid = gridOf(this.evaluateAst(ast.args[0], state));
    const lines = turned ? transpose(grid) : grid;
    const out: Grid = [];
    for (const line of lines) {
      const value = this.invoke(fn, [valueAst(SimpleRangeValue.onlyValues([line] as never))], state);
      if (value instanceof SimpleRangeValue && value.width() * value.height() > 1) return nested(name);
      out.push([single(value)]);
    }
    return result(out);
  }

  /** A rows×cols result from one call per position; an array where one value belongs is #CALC!. */
  private fill(rows: number, cols: number, at: (r: number, c: number) => RawArg): RawArg {
    const out: Grid = [];
    for (let r = 0; r < rows; r++) {
      const row: RawArg[] = [];
      for (let c = 0; c < cols; c++) {
        const value = at(r, c);
        if (value instanceof SimpleRangeValue && value.width() * value.height() > 1) return nested('the LAMBDA');
        row.push(single(value));
      }
      out.push(row);
    }
    return result(out);
  }
}

/** A bare function name used where a LAMBDA goes (`BYROW(A1:C3, SUM)`): called with the LAMBDA's arguments. */
function etaLambda(name: string): Ast {
  return { type: 'FUNCTION_CALL', procedureName: 'LAMBDA', args: [], eta: name };
}

function omittedAst(): Ast {
  return { type: 'FUNCTION_CALL', procedureName: OMITTED, args: [] };
}

/** A one-value range as its value. */
function single(value: RawArg): RawArg {
  return value instanceof SimpleRangeValue ? value.data[0][0] : value;
}

function nested(what: string): CellError {
  return calc(`${what} returned an array where one value belongs (Excel has no arrays of arrays)`);
}
