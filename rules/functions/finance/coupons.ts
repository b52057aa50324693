/**
 * Bonds with periodic coupons: the COUP* functions, PRICE, YIELD, DURATION and MDURATION,
 * from Microsoft's formulas for each, over the coupon schedule of calendar.ts. A = days
 * from the coupon before settlement to settlement, E = days in that coupon period,
 * DSC = days from settlement to the next coupon, N = coupons left.
 */
import { CellError, ErrorType } from 'hyperformula';
import { basisOf, firstFailure, frequencyOf, mustHold, settlementAndMaturity } from './arguments.js';
import { couponDays, type CouponDays } from './calendar.js';

export interface Bond {
  settlement: number;
  maturity: number;
  frequency: number;
  basis: number;
  days: CouponDays;
}

/** Checks settlement, maturity, frequency and basis as every coupon function does, and finds the coupon period. */
export function bond(date1904: boolean, settlement: number, maturity: number, frequency: number, basis: number): Bond | CellError {
  const dates = settlementAndMaturity(settlement, maturity);
  if (dates instanceof CellError) return dates;
  const f = frequencyOf(frequency);
  if (f instanceof CellError) return f;
  const b = basisOf(basis);
  if (b instanceof CellError) return b;
  return { settlement: dates[0], maturity: dates[1], frequency: f, basis: b, days: couponDays(dates[0], dates[1], f, b, date1904) };
}

type CouponFigure = 'COUPDAYBS' | 'COUPDAYS' | 'COUPDAYSNC' | 'COUPNCD' | 'COUPNUM' | 'COUPPCD';

/** One of the six COUP* functions: (settlement, maturity, frequency, [basis]). */
export function couponFigure(
  which: CouponFigure,
  date1904: boolean,
  settlement: number,
  maturity: number,
  frequency: number,
  basis: number,
) {
  const b = bond(date1904, settlement, maturity, frequency, basis);
  if (b instanceof CellError) return b;
  const { days } = b;
  switch (which) {
    case 'COUPDAYBS':
      return days.accrued;
    case 'COUPDAYS':
      return days.inPeriod;
    case 'COUPDAYSNC':
      return days.toNext;
    case 'COUPNCD':
      return days.period.next;
    case 'COUPNUM':
      return days.period.count;
    default:
      return days.period.previous;
  }
}

/** The clean price per 100 face of a bond at yield `yld` (PRICE's formula). */
export function bondPrice(b: Bond, rate: number, yld: number, redemption: number): number {
  const { accrued: a, inPeriod: e, toNext: dsc, period } = b.days;
  const f = b.frequency;
  const coupon = (100 * rate) / f;
  const accruedInterest = (coupon * a) / e;
  if (period.count === 1) return (redemption + coupon) / (1 + (dsc / e) * (yld / f)) - accruedInterest;
  const base = 1 + yld / f;
  const first = dsc / e;
  let price = redemption / base ** (period.count - 1 + first);
  for (let k = 1; k <= period.count; k++) price += coupon / base ** (k - 1 + first);
  return price - accruedInterest;
}

/** PRICE(settlement, maturity, rate, yld, redemption, frequency, [basis]). */
export function price(
  date1904: boolean,
  settlement: number,
  maturity: number,
  rate: number,
  yld: number,
  redemption: number,
  frequency: number,
  basis: number,
) {
  const b = bond(date1904, settlement, maturity, frequency, basis);
  if (b instanceof CellError) return b;
  const failed = firstFailure(
    mustHold(rate >= 0, 'rate must not be negative'),
    mustHold(yld >= 0, 'yld must not be negative'),
    mustHold(redemption > 0, 'redemption must be positive'),
  );
  return failed ?? bondPrice(b, rate, yld, redemption);
}

/**
 * YIELD(settlement, maturity, rate, pr, redemption, frequency, [basis]): Microsoft's closed
 * form with one coupon left; otherwise the yield whose PRICE is `pr`, found by bisection
 * (the price falls as the yield rises, so the root is bracketed and always found).
 */
export function bondYield(
  date1904: boolean,
  settlement: number,
  maturity: number,
  rate: number,
  pr: number,
  redemption: number,
  frequency: number,
  basis: number,
) {
  const b = bond(date1904, settlement, maturity, frequency, basis);
  if (b instanceof CellError) return b;
  const failed = firstFailure(
    mustHold(rate >= 0, 'rate must not be negative'),
    mustHold(pr > 0, 'pr must be positive'),
    mustHold(redemption > 0, 'redemption must be positive'),
  );
  if (failed) return failed;
  const { accrued: a, inPeriod: e, toNext: dsr } = b.days;
  const f = b.frequency;
  if (b.days.period.count === 1) {
    const paid = pr / 100 + ((a / e) * rate) / f;
    return ((redemption / 100 + rate / f - paid) / paid) * ((f * e) / dsr);
  }
  return solveDecreasing((y) => bondPrice(b, rate, y, redemption), pr, -f);
}

/**
 * The x > lowest where the decreasing `fn` equals `target`, to full precision; #NUM! when
 * no yield up to 10^10 brings the price that low.
 */
export function solveDecreasing(fn: (x: number) => number, target: number, lowest: number): number | CellError {
  let lo = lowest;
  let hi = 1;
  while (fn(hi) > target) {
    lo = hi;
    hi *= 2;
    if (hi > 1e10) return new CellError(ErrorType.NUM, 'no yield gives that price');
  }
  for (let i = 0; i < 2000; i++) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break;
    if (fn(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Macaulay duration in years: cash-flow times, k − 1 + DSC/E coupon periods, weighted by present value. */
function macaulay(b: Bond, coupon: number, yld: number): number {
  const f = b.frequency;
  const base = 1 + yld / f;
  const first = b.days.toNext / b.days.inPeriod;
  const cash = (100 * coupon) / f;
  let weighted = 0;
  let value = 0;
  for (let k = 1; k <= b.days.period.count; k++) {
    const t = k - 1 + first;
    const flow = k === b.days.period.count ? cash + 100 : cash;
    const pv = flow / base ** t;
    weighted += t * pv;
    value += pv;
  }
  return weighted / value / f;
}

/** DURATION or MDURATION(settlement, maturity, coupon, yld, frequency, [basis]); MDURATION = DURATION / (1 + yld/frequency). */
export function duration(
  modified: boolean,
  date1904: boolean,
  settlement: number,
  maturity: number,
  coupon: number,
  yld: number,
  frequency: number,
  basis: number,
) {
  const b = bond(date1904, settlement, maturity, frequency, basis);
  if (b instanceof CellError) return b;
  const failed = firstFailure(mustHold(coupon >= 0, 'coupon must not be negative'), mustHold(yld >= 0, 'yld must not be negative'));
  if (failed) return failed;
  const d = macaulay(b, coupon, yld);
  return modified ? d / (1 + yld / b.frequency) : d;
}
