/**
 * HyperFormula's internal argument values, read as Excel reads them. Numbers arrive raw or
 * wrapped with a display type (dates, currencies, percents); an empty cell is a symbol.
 */
import { CellError, ErrorType, SimpleRangeValue, type FunctionPlugin } from 'hyperformula';

export type RawArg = unknown;

/** 9999-12-31, the last date Excel holds. */
export const LAST_DATE_SERIAL = 2958465;

/** The number inside a raw or typed number, or null. */
export function numberOf(v: RawArg): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && v !== null && !(v instanceof CellError) && !(v instanceof SimpleRangeValue) && 'val' in v)
    return Number((v as { val: number }).val);
  return null;
}

/** An empty cell or an omitted argument. */
export function isEmpty(v: RawArg): boolean {
  return v === undefined || v === null || typeof v === 'symbol';
}

/**
 * A value coerced to a number as Excel's scalar arguments are: booleans are 0/1, numeric
 * text is parsed, an empty cell is 0; other text is #VALUE!.
 */
export function toNumber(v: RawArg): number | CellError {
  if (v instanceof CellError) return v;
  const n = numberOf(v);
  if (n !== null) return n;
  if (isEmpty(v)) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const text = v.trim();
    if (text !== '' && Number.isFinite(Number(text))) return Number(text);
    return new CellError(ErrorType.VALUE, `"${v}" is not a number`);
  }
  return new CellError(ErrorType.VALUE, 'a single value is expected here, not a range');
}

/** The first error in a range, or null. */
export function firstError(range: SimpleRangeValue): CellError | null {
  for (const v of range.valuesFromTopLeftCorner()) if (v instanceof CellError) return v;
  return null;
}

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state

/**
 * An argument's value when it is known before evaluation (a number, TRUE()/FALSE(), an
 * omitted argument as null, or a cell holding a constant), for sizing an array formula's
 * result; undefined when only evaluation can tell.
 */
export function constantArg(plugin: FunctionPlugin, arg: Ast, state: Ast): RawArg | undefined {
  if (arg === undefined || arg.type === 'EMPTY') return null;
  if (arg.type === 'NUMBER') return arg.value;
  if (arg.type === 'MINUS_UNARY_OP' && arg.value?.type === 'NUMBER') return -arg.value.value; // `-1` is a number too
  if (arg.type === 'FUNCTION_CALL' && (arg.procedureName === 'TRUE' || arg.procedureName === 'FALSE') && arg.args.length === 0)
    return arg.procedureName === 'TRUE';
  if (arg.type === 'CELL_REFERENCE') {
    const graph = (plugin as unknown as { dependencyGraph: Ast }).dependencyGraph;
    const vertex = graph.getCell(arg.reference.toSimpleCellAddress(state.formulaAddress));
    if (vertex === undefined) return null;
    if ('parsedValue' in vertex) return vertex.getCellValue();
  }
  return undefined;
}

/**
 * Whether `ast` is the whole formula of a plain (not array) cell. There an array result
 * shows its first value, as Excel's implicit intersection gives; inside another function
 * or in an array formula the whole array is passed on.
 */
export function isWholePlainFormula(ast: Ast, state: Ast): boolean {
  const vertex = state?.formulaVertex;
  return vertex !== undefined && vertex.formula === ast && !('array' in vertex);
}

/** A new array size like `like` (HyperFormula does not export its ArraySize class). */
export function sized(like: Ast, width: number, height: number): Ast {
  return new like.constructor(width, height);
}

/**
 * A range where one value is expected, as Excel's implicit intersection reads it: the cell
 * of a one-column range in the formula's row, or of a one-row range in its column (on any
 * sheet); #VALUE! when there is none. An array constant gives its first value.
 */
export function intersect(value: RawArg, state: Ast): RawArg {
  if (!(value instanceof SimpleRangeValue)) return value;
  const range = (value as unknown as { range?: Ast }).range;
  if (!range) return value.data[0]?.[0];
  const at = state.formulaAddress;
  if (range.width() === 1 && at.row >= range.start.row && at.row < range.start.row + range.height())
    return value.data[at.row - range.start.row][0];
  if (range.height() === 1 && at.col >= range.start.col && at.col < range.start.col + range.width())
    return value.data[0][at.col - range.start.col];
  return new CellError(ErrorType.VALUE, "the range does not cross the formula's row or column");
}
