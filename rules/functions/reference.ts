/**
 * `OFFSET` and `INDIRECT`, which return references computed while the sheet calculates.
 *
 * HyperFormula resolves OFFSET while parsing and only when the reference is one cell and
 * the offsets are literal numbers; Excel allows a range and offsets from cells. Tickmark's
 * engine dialect therefore calls OFFSET by an internal name (see `normaliseFormula`), and
 * this plugin computes the reference when the formula is evaluated. INDIRECT reads an A1
 * reference from text ("B9", "$B$9", "Sheet 2!A1:B3").
 *
 * Excel's `A2:CHOOSE(2,A3,A4)`, a range one of whose ends a function gives, is the engine's
 * XLRANGE (see range-ends.ts): the block from one end to the other, where an end is a cell,
 * a range, or CHOOSE, IF, INDEX, OFFSET, INDIRECT or such a range of one. XLUNION is the
 * union `(B2:D4,E5)` AREAS counts; it has no value of its own.
 *
 * All are volatile, as in Excel: they recalculate on every change, because the cells they
 * read are not known before evaluation. A cell they read that holds a formula not yet
 * calculated in this pass is calculated on the spot.
 */
import { CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { columnIndex } from '../workbook.js';
import { ENGINE_RANGE, ENGINE_UNION } from './range-ends.js';
import { constantArg, intersect, isEmpty, isWholePlainFormula, numberOf, sized, type RawArg } from './values.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The engine's name for Excel's OFFSET; `normaliseFormula` and `excelFormula` translate it. */
export const ENGINE_OFFSET = 'XLOFFSET';

interface Area {
  sheet: number;
  row: number;
  col: number;
  height: number;
  width: number;
}

const ANY = { argumentType: FunctionArgumentType.ANY };
const OPTIONAL = { argumentType: FunctionArgumentType.ANY, optionalArg: true };
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export class ReferencePlugin extends FunctionPlugin {
  static override implementedFunctions = {
    [ENGINE_OFFSET]: {
      method: 'offset',
      parameters: [ANY, ANY, ANY, OPTIONAL, OPTIONAL],
      isVolatile: true,
      doesNotNeedArgumentsToBeComputed: true,
      sizeOfResultArrayMethod: 'offsetSize',
    },
    INDIRECT: { method: 'indirect', parameters: [ANY, OPTIONAL], isVolatile: true, sizeOfResultArrayMethod: 'indirectSize' },
    [ENGINE_RANGE]: {
      method: 'range',
      parameters: [ANY, ANY],
      isVolatile: true,
      doesNotNeedArgumentsToBeComputed: true,
      sizeOfResultArrayMethod: 'rangeSize',
    },
    [ENGINE_UNION]: { method: 'union', parameters: [ANY], repeatLastArgs: 1, doesNotNeedArgumentsToBeComputed: true },
  };

  /** `start:end` with a function at an end: the values of the block the two ends span. */
  range(ast: Ast, state: State) {
    const area = this.referenceArea(ast, state);
    return area instanceof CellError ? area : this.read(area, ast, state);
  }

  /** The block's size when the formula's text fixes it (cells, CHOOSE by a number); else one cell. */
  rangeSize(ast: Ast, state: State) {
    const like = this.arraySizeForAst(ast.args[0], state);
    const area = state.arraysFlag ? staticArea(ast, state) : undefined;
    return area ? sized(like, area.width, area.height) : sized(like, 1, 1);
  }

  /** A union of references is only read by AREAS, which counts its areas without evaluating it. */
  union() {
    return new CellError(ErrorType.VALUE, 'Tickmark reads a union of references only as the argument of AREAS');
  }

  /**
   * The area a reference expression points to: a cell or range, or the reference CHOOSE, IF,
   * INDEX, OFFSET or INDIRECT gives, or a range between two of these.
   */
  private referenceArea(arg: Ast, state: State): Area | CellError {
    const node = unbracketed(arg);
    if (node?.type !== 'FUNCTION_CALL') return areaOf(node, state);
    const args: Ast[] = node.args;
    switch (node.procedureName) {
      case ENGINE_RANGE: {
        const [start, end] = [this.referenceArea(args[0], state), this.referenceArea(args[1], state)];
        if (start instanceof CellError) return start;
        if (end instanceof CellError) return end;
        return spanning(start, end);
      }
      case 'CHOOSE': {
        const index = this.count(args[0], state);
        if (index instanceof CellError) return index;
        if (index === null || index < 1 || index >= args.length)
          return new CellError(ErrorType.VALUE, `CHOOSE's index must be from 1 to ${args.length - 1}`);
        return this.referenceArea(args[index], state);
      }
      case 'IF': {
        const test = intersect(this.evaluateAst(args[0], state), state);
        if (test instanceof CellError) return test;
        if (typeof test === 'string') return new CellError(ErrorType.VALUE, "IF's test is text, not TRUE or FALSE");
        const chosen = numberOf(test) !== 0 && test !== false && !isEmpty(test) ? args[1] : args[2];
        return chosen === undefined ? new CellError(ErrorType.VALUE, 'IF gives no reference here') : this.referenceArea(chosen, state);
      }
      case 'INDEX':
        return this.indexArea(args, state);
      case ENGINE_OFFSET:
        return this.offsetArea(node, state);
      case 'INDIRECT': {
        const text = intersect(this.evaluateAst(args[0], state), state);
        return text instanceof CellError ? text : this.parseA1(String(text ?? ''), state);
      }
      default:
        return new CellError(ErrorType.VALUE, `${node.procedureName} gives a value, not a reference, for an end of a range`);
    }
  }

  /** The cell, row or column INDEX picks from a reference (0 or omitted: all of it). */
  private indexArea(args: Ast[], state: State): Area | CellError {
    const base = this.referenceArea(args[0], state);
    if (base instanceof CellError) return base;
    const [first, second] = [this.count(args[1], state), this.count(args[2], state)];
    if (first instanceof CellError) return first;
    if (second instanceof CellError) return second;
    // A one-row reference takes its single index along the row.
    const [row, col] = base.height === 1 && second === null ? [0, first ?? 0] : [first ?? 0, second ?? 0];
    if (row < 0 || col < 0) return new CellError(ErrorType.VALUE, "INDEX's row and column cannot be negative");
    if (row > base.height || col > base.width) return new CellError(ErrorType.REF, 'INDEX points outside its reference');
    return {
      sheet: base.sheet,
      row: row > 0 ? base.row + row - 1 : base.row,
      col: col > 0 ? base.col + col - 1 : base.col,
      height: row > 0 ? 1 : base.height,
      width: col > 0 ? 1 : base.width,
    };
  }

  offset(ast: Ast, state: State) {
    const area = this.offsetArea(ast, state);
    return area instanceof CellError ? area : this.read(area, ast, state);
  }

  /** The area OFFSET points to: its reference moved by rows and columns, resized when asked. */
  private offsetArea(ast: Ast, state: State): Area | CellError {
    if (ast.args.length < 3 || ast.args.length > 5)
      return new CellError(ErrorType.NA, 'OFFSET takes a reference, rows, columns and optional height and width');
    const base = areaOf(ast.args[0], state);
    if (base instanceof CellError) return base;
    const [rows, cols, height, width] = [1, 2, 3, 4].map((i) => this.count(ast.args[i], state));
    for (const n of [rows, cols, height, width]) if (n instanceof CellError) return n;
    return {
      sheet: base.sheet,
      row: base.row + (rows as number),
      col: base.col + (cols as number),
      height: height === null ? base.height : (height as number),
      width: width === null ? base.width : (width as number),
    };
  }

  offsetSize(ast: Ast, state: State) {
    const base = this.arraySizeForAst(ast.args[0], { ...state, arraysFlag: true });
    if (!state.arraysFlag) return sized(base, 1, 1);
    const size = (arg: Ast, fallback: number) => {
      const known = constantArg(this, arg, state);
      if (known === undefined) return fallback;
      const n = numberOf(known);
      return n !== null && n >= 1 ? Math.trunc(n) : fallback;
    };
    return sized(base, size(ast.args[4], base.width), size(ast.args[3], base.height));
  }

  indirect(ast: Ast, state: State) {
    if (ast.args.length < 1 || ast.args.length > 2) return new CellError(ErrorType.NA, 'INDIRECT takes a reference as text');
    const text = intersect(this.evaluateAst(ast.args[0], state), state);
    if (text instanceof CellError) return text;
    const a1 = ast.args[1] ? intersect(this.evaluateAst(ast.args[1], state), state) : true;
    if (a1 instanceof CellError) return a1;
    if (a1 === false || a1 === 0) return new CellError(ErrorType.REF, 'Tickmark reads A1 references only, not R1C1');
    const area = this.parseA1(String(text ?? ''), state);
    if (area instanceof CellError) return area;
    return this.read(area, ast, state);
  }

  indirectSize(ast: Ast, state: State) {
    const like = this.arraySizeForAst(ast.args[0], state);
    if (!state.arraysFlag || ast.args[0]?.type !== 'STRING') return sized(like, 1, 1);
    const area = this.parseA1(ast.args[0].value, state);
    return area instanceof CellError ? sized(like, 1, 1) : sized(like, area.width, area.height);
  }

  /** A whole number of rows or columns; null when omitted. */
  private count(arg: Ast, state: State): number | null | CellError {
    if (arg === undefined || arg.type === 'EMPTY') return null;
    const value = intersect(this.evaluateAst(arg, state), state);
    if (value instanceof CellError) return value;
    if (isEmpty(value)) return 0;
    const n = numberOf(value) ?? numberOf(this.arithmeticHelper.coerceScalarToNumberOrError(value as never));
    if (n === null) return new CellError(ErrorType.VALUE, 'a number of rows or columns, or an index, is needed here');
    return Math.trunc(n);
  }

  private parseA1(text: string, state: State): Area | CellError {
    const match = /^(?:(?:'((?:[^']|'')+)'|([^!]+))!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(text.trim());
    if (!match) return new CellError(ErrorType.REF, `"${text}" is not a reference`);
    const [, quoted, bare, c1, r1, c2 = c1, r2 = r1] = match;
    let sheet = state.formulaAddress.sheet;
    const name = quoted?.replace(/''/g, "'") ?? bare;
    if (name !== undefined) {
      try {
        sheet = this.dependencyGraph.getSheetId(name);
      } catch {
        return new CellError(ErrorType.REF, `there is no sheet "${name}"`);
      }
    }
    const [col1, col2] = [columnIndex(c1), columnIndex(c2)];
    const [row1, row2] = [Number(r1) - 1, Number(r2) - 1];
    return {
      sheet,
      row: Math.min(row1, row2),
      col: Math.min(col1, col2),
      height: Math.abs(row2 - row1) + 1,
      width: Math.abs(col2 - col1) + 1,
    };
  }

  /** The values of an area: one value, a block, or in a plain formula the cell implicit intersection picks. */
  private read(area: Area, ast: Ast, state: State) {
    if (
      area.height < 1 ||
      area.width < 1 ||
      area.row < 0 ||
      area.col < 0 ||
      area.row + area.height > MAX_ROWS ||
      area.col + area.width > MAX_COLS
    )
      return new CellError(ErrorType.REF, 'the reference falls outside the sheet');
    const values = Array.from({ length: area.height }, (_, i) =>
      Array.from({ length: area.width }, (_, j) => this.cellValue({ sheet: area.sheet, row: area.row + i, col: area.col + j })),
    );
    // One cell no formula reads has no vertex, so `cellValue` gives null: it is an empty cell (0 in arithmetic), as one with a vertex is.
    if (area.height === 1 && area.width === 1) return (values[0][0] ?? EmptyValue) as never;
    if (!isWholePlainFormula(ast, state)) return SimpleRangeValue.onlyValues(values as never);
    const at = state.formulaAddress;
    if (area.width === 1 && at.row >= area.row && at.row < area.row + area.height) return values[at.row - area.row][0] as never;
    if (area.height === 1 && at.col >= area.col && at.col < area.col + area.width) return values[0][at.col - area.col] as never;
    return new CellError(ErrorType.VALUE, "the reference is a range that does not cross the formula's row or column");
  }

  private cellValue(address: { sheet: number; row: number; col: number }): RawArg {
    const vertex = this.dependencyGraph.getCell(address) as Ast;
    if (vertex === undefined || vertex === null) return null;
    try {
      const value = this.dependencyGraph.getCellValue(address);
      return value instanceof SimpleRangeValue ? value.data[0][0] : value;
    } catch {
      // A formula not calculated yet in this pass: calculate it now.
      if (!vertex.formula) return null;
      const value = this.evaluateAst(vertex.formula, { formulaAddress: address, arraysFlag: false, formulaVertex: vertex });
      return value instanceof SimpleRangeValue ? value.data[0][0] : value;
    }
  }
}

/** The area a reference's text fixes (cells, and CHOOSE by a number of them), or undefined. */
function staticArea(arg: Ast, state: State): Area | undefined {
  const node = unbracketed(arg);
  if (node?.type === 'FUNCTION_CALL' && node.procedureName === ENGINE_RANGE) {
    const [start, end] = [staticArea(node.args[0], state), staticArea(node.args[1], state)];
    const span = start && end ? spanning(start, end) : undefined;
    return span instanceof CellError ? undefined : span;
  }
  if (node?.type === 'FUNCTION_CALL' && node.procedureName === 'CHOOSE' && node.args[0]?.type === 'NUMBER') {
    const chosen = node.args[Math.trunc(node.args[0].value)];
    return chosen && Math.trunc(node.args[0].value) >= 1 ? staticArea(chosen, state) : undefined;
  }
  const area = areaOf(node, state);
  return area instanceof CellError ? undefined : area;
}

/** The block from one area to another on the same sheet. */
function spanning(a: Area, b: Area): Area | CellError {
  if (a.sheet !== b.sheet) return new CellError(ErrorType.REF, 'the two ends of a range are on different sheets');
  const [top, left] = [Math.min(a.row, b.row), Math.min(a.col, b.col)];
  const [bottom, right] = [Math.max(a.row + a.height, b.row + b.height), Math.max(a.col + a.width, b.col + b.width)];
  return { sheet: a.sheet, row: top, col: left, height: bottom - top, width: right - left };
}

/** The expression inside any brackets around it. */
function unbracketed(arg: Ast): Ast {
  let node = arg;
  while (node?.type === 'PARENTHESES' || node?.type === 'PARENTHESIS') node = node.expression;
  return node;
}

function areaOf(arg: Ast, state: State): Area | CellError {
  if (arg?.type === 'CELL_REFERENCE') {
    const a = arg.reference.toSimpleCellAddress(state.formulaAddress);
    return { sheet: a.sheet, row: a.row, col: a.col, height: 1, width: 1 };
  }
  if (arg?.type === 'CELL_RANGE') {
    const s = arg.start.toSimpleCellAddress(state.formulaAddress);
    const e = arg.end.toSimpleCellAddress(state.formulaAddress);
    return {
      sheet: s.sheet,
      row: Math.min(s.row, e.row),
      col: Math.min(s.col, e.col),
      height: Math.abs(e.row - s.row) + 1,
      width: Math.abs(e.col - s.col) + 1,
    };
  }
  return new CellError(ErrorType.VALUE, 'a cell or a range is needed here, not a value');
}
