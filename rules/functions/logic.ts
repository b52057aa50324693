/**
 * Excel's logical and information functions where HyperFormula's differ:
 *
 * * `AND`, `OR`, `XOR`: in cells and ranges, text and empty cells are skipped; a typed
 *   argument must be a logical value, a number or the text TRUE/FALSE; when nothing is left
 *   to count the result is #VALUE!. `NOT` takes one value.
 * * `ISODD`, `ISEVEN`: numbers are truncated, numeric text is read, TRUE/FALSE are #VALUE!.
 * * `ISBLANK`, `ISERR`, `ISERROR`, `ISLOGICAL`, `ISNA`, `ISNONTEXT`, `ISNUMBER`, `ISTEXT`:
 *   a range is read by implicit intersection, and a range that does not cross the formula's
 *   row or column is the #VALUE! they test. `T` of a range of several cells is "".
 * * `ISREF`: TRUE for a reference, whatever the cell holds.
 * * `CELL(info, [reference])`: "address", "col", "row", "contents" and "type".
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { columnLetters } from '../workbook.js';
import { intersect, isEmpty, numberOf, toNumber, type RawArg } from './values.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const ANY = { argumentType: FunctionArgumentType.ANY };
const REFERENCE_TYPES = new Set(['CELL_REFERENCE', 'CELL_RANGE', 'COLUMN_RANGE', 'ROW_RANGE']);
const one = (method: string) => ({ method, parameters: [ANY] });
const many = (method: string) => ({ method, parameters: [ANY], repeatLastArgs: 1 });

export class LogicPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    AND: many('and'),
    OR: many('or'),
    XOR: many('xor'),
    NOT: one('not'),
    ISODD: one('isodd'),
    ISEVEN: one('iseven'),
    ISBLANK: one('isblank'),
    ISERR: one('iserr'),
    ISERROR: one('iserror'),
    ISLOGICAL: one('islogical'),
    ISNA: one('isna'),
    ISNONTEXT: one('isnontext'),
    ISNUMBER: one('isnumber'),
    ISTEXT: one('istext'),
    T: one('t'),
    ISREF: one('isref'),
    CELL: { method: 'cell', parameters: [ANY, { argumentType: FunctionArgumentType.ANY, optionalArg: true }] },
  };

  and(ast: Ast, state: State) {
    return this.logical(ast, state, (trues, count) => trues === count);
  }

  or(ast: Ast, state: State) {
    return this.logical(ast, state, (trues) => trues > 0);
  }

  xor(ast: Ast, state: State) {
    return this.logical(ast, state, (trues) => trues % 2 === 1);
  }

  not(ast: Ast, state: State) {
    if (ast.args.length !== 1) return new CellError(ErrorType.NA, 'NOT takes one value');
    const value = this.single(ast.args[0], state);
    if (value instanceof CellError) return value;
    // Unlike AND and OR, NOT does not skip text in a cell.
    const logical = typedLogical(value, false);
    return logical instanceof CellError ? logical : logical === null ? true : !logical;
  }

  isodd(ast: Ast, state: State) {
    return this.parity(ast, state, 1);
  }

  iseven(ast: Ast, state: State) {
    return this.parity(ast, state, 0);
  }

  isblank(ast: Ast, state: State) {
    return this.test(ast, state, (v) => isEmpty(v));
  }

  iserr(ast: Ast, state: State) {
    return this.test(ast, state, (v) => v instanceof CellError && v.type !== ErrorType.NA);
  }

  iserror(ast: Ast, state: State) {
    return this.test(ast, state, (v) => v instanceof CellError);
  }

  islogical(ast: Ast, state: State) {
    return this.test(ast, state, (v) => typeof v === 'boolean');
  }

  isna(ast: Ast, state: State) {
    return this.test(ast, state, (v) => v instanceof CellError && v.type === ErrorType.NA);
  }

  isnontext(ast: Ast, state: State) {
    return this.test(ast, state, (v) => typeof v !== 'string');
  }

  isnumber(ast: Ast, state: State) {
    return this.test(ast, state, (v) => numberOf(v) !== null);
  }

  istext(ast: Ast, state: State) {
    return this.test(ast, state, (v) => typeof v === 'string');
  }

  t(ast: Ast, state: State) {
    if (ast.args.length !== 1) return new CellError(ErrorType.NA, 'T takes one value');
    const evaluated = this.evaluateAst(ast.args[0], state);
    // Excel gives "" for a range of several cells rather than reading one of them.
    if (evaluated instanceof SimpleRangeValue && evaluated.width() * evaluated.height() > 1) return '';
    const value = evaluated instanceof SimpleRangeValue ? evaluated.data[0][0] : evaluated;
    if (value instanceof CellError) return value;
    return typeof value === 'string' ? value : '';
  }

  isref(ast: Ast, state: State) {
    if (ast.args.length !== 1) return new CellError(ErrorType.NA, 'ISREF takes one value');
    if (REFERENCE_TYPES.has(ast.args[0].type)) return true;
    const value = this.evaluateAst(ast.args[0], state);
    return value instanceof SimpleRangeValue && Boolean((value as unknown as { range?: unknown }).range);
  }

  cell(ast: Ast, state: State) {
    if (ast.args.length < 1 || ast.args.length > 2) return new CellError(ErrorType.NA, 'CELL takes an info type and a reference');
    const info = this.single(ast.args[0], state);
    if (info instanceof CellError) return info;
    const target = ast.args[1];
    if (target !== undefined && !REFERENCE_TYPES.has(target.type)) return new CellError(ErrorType.VALUE, 'CELL needs a reference');
    const start = target
      ? (target.type === 'CELL_REFERENCE' ? target.reference : target.start).toSimpleCellAddress(state.formulaAddress)
      : state.formulaAddress;
    const evaluated = target ? this.evaluateAst(target, state) : null;
    const contents = evaluated instanceof SimpleRangeValue ? evaluated.data[0][0] : evaluated;
    switch (String(info).toLowerCase()) {
      case 'address':
        return `$${columnLetters(start.col)}$${start.row + 1}`;
      case 'col':
        return start.col + 1;
      case 'row':
        return start.row + 1;
      case 'contents':
        return isEmpty(contents) ? 0 : (contents as never);
      case 'type':
        return isEmpty(contents) ? 'b' : typeof contents === 'string' ? 'l' : 'v';
      default:
        return new CellError(ErrorType.VALUE, `CELL does not know "${String(info)}"; use address, col, row, contents or type`);
    }
  }

  /** One value for a scalar argument: a range by implicit intersection. */
  private single(arg: Ast, state: State): RawArg {
    if (arg === undefined || arg.type === 'EMPTY') return null;
    return intersect(this.evaluateAst(arg, state), state);
  }

  private test(ast: Ast, state: State, predicate: (v: RawArg) => boolean) {
    if (ast.args.length !== 1) return new CellError(ErrorType.NA, `${ast.procedureName} takes one value`);
    return predicate(this.single(ast.args[0], state));
  }

  private parity(ast: Ast, state: State, remainder: number) {
    if (ast.args.length !== 1) return new CellError(ErrorType.NA, `${ast.procedureName} takes one value`);
    const value = this.single(ast.args[0], state);
    if (typeof value === 'boolean') return new CellError(ErrorType.VALUE, `${ast.procedureName} takes a number, not TRUE or FALSE`);
    const n = toNumber(value);
    if (n instanceof CellError) return n;
    return Math.abs(Math.trunc(n)) % 2 === remainder;
  }

  private logical(ast: Ast, state: State, decide: (trues: number, count: number) => boolean) {
    if (ast.args.length < 1) return new CellError(ErrorType.NA, `${ast.procedureName} needs at least one value`);
    let trues = 0;
    let count = 0;
    for (const arg of ast.args) {
      if (arg.type === 'EMPTY') continue;
      const value = this.evaluateAst(arg, state);
      const fromCells = value instanceof SimpleRangeValue || REFERENCE_TYPES.has(arg.type);
      const values = value instanceof SimpleRangeValue ? value.valuesFromTopLeftCorner() : [value];
      for (const v of values) {
        if (v instanceof CellError) return v;
        const logical = typedLogical(v, fromCells);
        if (logical instanceof CellError) return logical;
        if (logical === null) continue;
        count += 1;
        if (logical) trues += 1;
      }
    }
    if (count === 0) return new CellError(ErrorType.VALUE, `${ast.procedureName} found no logical values`);
    return decide(trues, count);
  }
}

/** A value as a logical one; null when Excel skips it (text or empty in cells, an empty argument). */
function typedLogical(v: RawArg, fromCells: boolean): boolean | null | CellError {
  if (v instanceof CellError) return v;
  if (typeof v === 'boolean') return v;
  const n = numberOf(v);
  if (n !== null) return n !== 0;
  if (isEmpty(v)) return null;
  if (typeof v === 'string') {
    if (fromCells) return null;
    const upper = v.trim().toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
    return new CellError(ErrorType.VALUE, `"${v}" is not TRUE or FALSE`);
  }
  return null;
}
