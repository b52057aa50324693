/**
 * Arrays as the array-shaping plugins handle them: a grid of HyperFormula's raw values
 * (numbers, text, booleans, errors, the empty-cell symbol), read from an argument and
 * handed back as a spilled result.
 */
import { ArraySize, CellError, EmptyValue, ErrorType, SimpleRangeValue } from 'hyperformula';
import { CALC_ERROR } from '../language.js';
import { isEmpty, toNumber, type RawArg } from '../values.js';

export type Grid = RawArg[][];

/** An argument as a grid: a range or array as it is, a single value as a 1×1 grid. */
export function gridOf(value: RawArg): Grid {
  if (value instanceof SimpleRangeValue) return value.data.map((row) => [...row]);
  return [[value]];
}

/** A grid as the value a function returns; a blank in it shows as 0, as Excel spills blanks. */
export function result(grid: Grid): RawArg {
  if (grid.length === 0 || grid[0].length === 0) return calc('the result would be empty');
  return SimpleRangeValue.onlyValues(grid.map((row) => row.map((v) => (isBlank(v) ? 0 : v))) as never);
}

/** Excel 365's `#CALC!`: an array function whose result would be empty, or a LAMBDA left uncalled. */
export function calc(message: string): CellError {
  return new CellError(CALC_ERROR, message);
}

/** The grid turned on its side. */
export function transpose(grid: Grid): Grid {
  return grid.length === 0 ? [] : grid[0].map((_, c) => grid.map((row) => row[c]));
}

/**
 * A whole-number count argument (truncated, as Excel reads counts); `fallback` when it is
 * omitted or an empty cell, an error for text or a range.
 */
export function countArg(value: RawArg, fallback: number | null, what: string): number | null | CellError {
  if (isEmpty(value)) return fallback;
  if (value instanceof SimpleRangeValue) {
    if (value.width() * value.height() !== 1) return new CellError(ErrorType.VALUE, `${what} must be one number, not a range`);
    return countArg(value.data[0][0], fallback, what);
  }
  const n = toNumber(value);
  return n instanceof CellError ? n : Math.trunc(n);
}

/** A pad value as a grid holds it: an omitted one is #N/A, as Excel pads. */
export function padArg(value: RawArg): RawArg {
  if (isEmpty(value)) return new CellError(ErrorType.NA, 'padding: no value here');
  return value instanceof SimpleRangeValue ? value.data[0][0] : value;
}

/** A raw value is an empty cell. */
export function isBlank(value: RawArg): boolean {
  return value === EmptyValue || value === null || value === undefined;
}

/** A spilled result's size (never a "reference" size, which HyperFormula would read as one value). */
export function spill(width: number, height: number): ArraySize {
  return new ArraySize(Math.max(1, width), Math.max(1, height));
}
