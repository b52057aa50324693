/**
 * `OFFSET` and `INDIRECT`, which return references computed while the sheet calculates.
 *
 * HyperFormula resolves OFFSET while parsing and only when the reference is one cell and
 * the offsets are literal numbers; Excel allows a range and offsets from cells. Tickmark's
 * engine dialect therefore calls OFFSET by an internal name (see `normaliseFormula`), and
 * this plugin computes the reference when the formula is evaluated. INDIRECT reads an A1
 * reference from text ("B9", "$B$9", "Sheet 2!A1:B3").
 *
 * Both are volatile, as in Excel: they recalculate on every change, because the cells they
 * read are not known before evaluation. A cell they read that holds a formula not yet
 * calculated in this pass is calculated on the spot.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { columnIndex } from '../workbook.js';
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
  };

  offset(ast: Ast, state: State) {
    if (ast.args.length < 3 || ast.args.length > 5)
      return new CellError(ErrorType.NA, 'OFFSET takes a reference, rows, columns and optional height and width');
    const base = areaOf(ast.args[0], state);
    if (base instanceof CellError) return base;
    const [rows, cols, height, width] = [1, 2, 3, 4].map((i) => this.count(ast.args[i], state));
    for (const n of [rows, cols, height, width]) if (n instanceof CellError) return n;
    const area: Area = {
      sheet: base.sheet,
      row: base.row + (rows as number),
      col: base.col + (cols as number),
      height: height === null ? base.height : (height as number),
      width: width === null ? base.width : (width as number),
    };
    return this.read(area, ast, state);
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
    if (n === null) return new CellError(ErrorType.VALUE, 'OFFSET needs numbers of rows and columns');
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
    if (area.height === 1 && area.width === 1) return values[0][0] as never;
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
  return new CellError(ErrorType.VALUE, 'OFFSET needs a cell or a range as its first argument');
}
