/**
 * How Tickmark's array-valued functions hand back their block: an array formula gets the
 * whole block, padded with #N/A to the size reserved when the formula was parsed (as Excel
 * fills the unused cells of a legacy array range); a plain formula gets the first value, as
 * Excel's implicit intersection gives.
 */
import { ArraySize, CellError, ErrorType, SimpleRangeValue } from 'hyperformula';
import { isWholePlainFormula } from '../values.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export type Block = (number | string | boolean | CellError)[][];

/** The block as the formula's value; `size` is the one the size method reserved, if known. */
export function arrayResult(
  block: Block,
  ast: Ast,
  state: State,
  size?: { width: number; height: number },
): Block[number][number] | SimpleRangeValue {
  if (isWholePlainFormula(ast, state) || !state.arraysFlag) return block[0][0];
  if (!size) return SimpleRangeValue.onlyValues(block as never);
  const na = () => new CellError(ErrorType.NA, 'beyond the values this function returns');
  const padded = Array.from({ length: size.height }, (_, i) => Array.from({ length: size.width }, (_, j) => block[i]?.[j] ?? na()));
  return SimpleRangeValue.onlyValues(padded as never);
}

/** The size to reserve: one value outside array formulas, `width` x `height` inside. */
export function reserve(state: State, width: number, height: number): ArraySize {
  if (!state.arraysFlag) return ArraySize.scalar();
  return new ArraySize(Math.max(1, width), Math.max(1, height));
}
