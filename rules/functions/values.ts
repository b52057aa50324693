/**
 * HyperFormula's internal argument values, read as Excel reads them. Numbers arrive raw or
 * wrapped with a display type (dates, currencies, percents); an empty cell is a symbol.
 */
import { CellError, ErrorType, SimpleRangeValue } from 'hyperformula';

export type RawArg = unknown;

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
