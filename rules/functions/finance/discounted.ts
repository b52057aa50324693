/**
 * Securities without periodic coupons, from Microsoft's formulas for each function, with
 * the year fractions of the day-count basis (YEARFRAC's rules):
 * DISC, INTRATE, PRICEDISC, RECEIVED, YIELDDISC (discounted securities), PRICEMAT,
 * YIELDMAT and ACCRINTM (interest paid at maturity).
 */
import { CellError, ErrorType } from 'hyperformula';
import { basisOf, dateOf, firstFailure, mustHold, settlementAndMaturity } from './arguments.js';
import { yearsBetween } from './calendar.js';

interface Term {
  settlement: number;
  maturity: number;
  basis: number;
  /** Settlement to maturity in years of the basis. */
  years: number;
}

function term(settlement: number, maturity: number, basis: number, date1904: boolean): Term | CellError {
  const b = basisOf(basis);
  if (b instanceof CellError) return b;
  const dates = settlementAndMaturity(settlement, maturity);
  if (dates instanceof CellError) return dates;
  return { settlement: dates[0], maturity: dates[1], basis: b, years: yearsBetween(dates[0], dates[1], b, date1904) };
}

/** DISC(settlement, maturity, pr, redemption, [basis]) = (redemption − pr) / redemption × B / DSM. */
export function disc(date1904: boolean, settlement: number, maturity: number, pr: number, redemption: number, basis: number) {
  const t = term(settlement, maturity, basis, date1904);
  if (t instanceof CellError) return t;
  return (
    firstFailure(mustHold(pr > 0, 'pr must be positive'), mustHold(redemption > 0, 'redemption must be positive')) ??
    (redemption - pr) / redemption / t.years
  );
}

/** INTRATE(settlement, maturity, investment, redemption, [basis]) = (redemption − investment) / investment × B / DIM. */
export function intrate(date1904: boolean, settlement: number, maturity: number, investment: number, redemption: number, basis: number) {
  const t = term(settlement, maturity, basis, date1904);
  if (t instanceof CellError) return t;
  return (
    firstFailure(mustHold(investment > 0, 'investment must be positive'), mustHold(redemption > 0, 'redemption must be positive')) ??
    (redemption - investment) / investment / t.years
  );
}

/** PRICEDISC(settlement, maturity, discount, redemption, [basis]) = redemption − discount × redemption × DSM / B. */
export function pricedisc(date1904: boolean, settlement: number, maturity: number, discount: number, redemption: number, basis: number) {
  const t = term(settlement, maturity, basis, date1904);
  if (t instanceof CellError) return t;
  return (
    firstFailure(mustHold(discount > 0, 'discount must be positive'), mustHold(redemption > 0, 'redemption must be positive')) ??
    redemption - discount * redemption * t.years
  );
}

/** RECEIVED(settlement, maturity, investment, discount, [basis]) = investment / (1 − discount × DIM / B). */
export function received(date1904: boolean, settlement: number, maturity: number, investment: number, discount: number, basis: number) {
  const t = term(settlement, maturity, basis, date1904);
  if (t instanceof CellError) return t;
  const failed = firstFailure(mustHold(investment > 0, 'investment must be positive'), mustHold(discount > 0, 'discount must be positive'));
  if (failed) return failed;
  const denominator = 1 - discount * t.years;
  return denominator > 0 ? investment / denominator : new CellError(ErrorType.NUM, 'the discount takes the whole redemption or more');
}

/** YIELDDISC(settlement, maturity, pr, redemption, [basis]) = (redemption − pr) / pr × B / DSM. */
export function yielddisc(date1904: boolean, settlement: number, maturity: number, pr: number, redemption: number, basis: number) {
  const t = term(settlement, maturity, basis, date1904);
  if (t instanceof CellError) return t;
  return (
    firstFailure(mustHold(pr > 0, 'pr must be positive'), mustHold(redemption > 0, 'redemption must be positive')) ??
    (redemption - pr) / pr / t.years
  );
}

/** The issue date of a security paying at maturity: before settlement. */
function issueOf(issue: number, t: Term): number | CellError {
  const i = dateOf(issue, 'issue');
  if (i instanceof CellError) return i;
  return i < t.settlement ? i : new CellError(ErrorType.NUM, 'issue must come before settlement');
}

/**
 * PRICEMAT(settlement, maturity, issue, rate, yld, [basis]) =
 * (100 + DIM/B × rate × 100) / (1 + DSM/B × yld) − A/B × rate × 100.
 */
export function pricemat(date1904: boolean, settlement: number, maturity: number, issue: number, rate: number, yld: number, basis: number) {
  const t = term(settlement, maturity, basis, date1904);
  if (t instanceof CellError) return t;
  const i = issueOf(issue, t);
  if (i instanceof CellError) return i;
  const failed = firstFailure(mustHold(rate >= 0, 'rate must not be negative'), mustHold(yld >= 0, 'yld must not be negative'));
  if (failed) return failed;
  const dim = yearsBetween(i, t.maturity, t.basis, date1904);
  const a = yearsBetween(i, t.settlement, t.basis, date1904);
  return (100 + dim * rate * 100) / (1 + t.years * yld) - a * rate * 100;
}

/**
 * YIELDMAT(settlement, maturity, issue, rate, pr, [basis]) =
 * ((1 + DIM/B × rate) − (pr/100 + A/B × rate)) / (pr/100 + A/B × rate) × B/DSM.
 */
export function yieldmat(date1904: boolean, settlement: number, maturity: number, issue: number, rate: number, pr: number, basis: number) {
  const t = term(settlement, maturity, basis, date1904);
  if (t instanceof CellError) return t;
  const i = issueOf(issue, t);
  if (i instanceof CellError) return i;
  const failed = firstFailure(mustHold(rate >= 0, 'rate must not be negative'), mustHold(pr > 0, 'pr must be positive'));
  if (failed) return failed;
  const dim = yearsBetween(i, t.maturity, t.basis, date1904);
  const a = yearsBetween(i, t.settlement, t.basis, date1904);
  const paid = pr / 100 + a * rate;
  return (1 + dim * rate - paid) / paid / t.years;
}

/** ACCRINTM(issue, settlement, rate, [par], [basis]) = par × rate × A / D, from issue to settlement (maturity). */
export function accrintm(date1904: boolean, issue: number, settlement: number, rate: number, par: number, basis: number) {
  const t = term(issue, settlement, basis, date1904);
  if (t instanceof CellError) return t;
  return firstFailure(mustHold(rate > 0, 'rate must be positive'), mustHold(par > 0, 'par must be positive')) ?? par * rate * t.years;
}
