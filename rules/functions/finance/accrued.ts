/**
 * `ACCRINT(issue, first_interest, settlement, rate, [par], frequency, [basis], [calc_method])`:
 * interest accrued on a security paying periodic interest, par × rate / frequency × Σ Ai/NLi
 * over the quasi-coupon periods (anchored at first_interest) from the start to settlement.
 * The start is issue, except with calc_method FALSE when settlement is after first_interest:
 * then Microsoft's page has it accrue from first_interest.
 */
import { CellError, ErrorType } from 'hyperformula';
import { basisOf, dateOf, firstFailure, frequencyOf, mustHold } from './arguments.js';
import { periodsCovered } from './quasi-coupons.js';

export function accrint(
  date1904: boolean,
  issue: number,
  firstInterest: number,
  settlement: number,
  rate: number,
  par: number,
  frequency: number,
  basis: number,
  calcMethod: boolean,
) {
  const i = dateOf(issue, 'issue');
  if (i instanceof CellError) return i;
  const first = dateOf(firstInterest, 'first interest');
  if (first instanceof CellError) return first;
  const s = dateOf(settlement, 'settlement');
  if (s instanceof CellError) return s;
  const f = frequencyOf(frequency);
  if (f instanceof CellError) return f;
  const b = basisOf(basis);
  if (b instanceof CellError) return b;
  const failed = firstFailure(mustHold(rate > 0, 'rate must be positive'), mustHold(par > 0, 'par must be positive'));
  if (failed) return failed;
  if (i >= s) return new CellError(ErrorType.NUM, 'issue must come before settlement');
  const from = !calcMethod && s > first ? first : i;
  return ((par * rate) / f) * periodsCovered(first, from, s, f, b, date1904);
}
