/**
 * Bonds with an odd (short or long) first or last coupon period, from Microsoft's formulas
 * for ODDFPRICE and ODDLPRICE, the odd period split into quasi-coupon periods
 * (quasi-coupons.ts); ODDFYIELD and ODDLYIELD invert them (the price falls as the yield
 * rises, so the yield is found by bisection; ODDLYIELD has Microsoft's closed form).
 */
import { CellError, ErrorType } from 'hyperformula';
import { basisOf, dateOf, firstFailure, frequencyOf, mustHold } from './arguments.js';
import { couponPeriod } from './calendar.js';
import { solveDecreasing } from './coupons.js';
import { daysWithin, periodsCovered, quasiPeriod } from './quasi-coupons.js';

interface OddFirst {
  settlement: number;
  maturity: number;
  issue: number;
  firstCoupon: number;
  frequency: number;
  basis: number;
  date1904: boolean;
}

function oddFirst(
  date1904: boolean,
  settlement: number,
  maturity: number,
  issue: number,
  firstCoupon: number,
  frequency: number,
  basis: number,
): OddFirst | CellError {
  const dates = [
    dateOf(settlement, 'settlement'),
    dateOf(maturity, 'maturity'),
    dateOf(issue, 'issue'),
    dateOf(firstCoupon, 'first coupon'),
  ];
  for (const d of dates) if (d instanceof CellError) return d;
  const [s, m, i, fc] = dates as number[];
  const f = frequencyOf(frequency);
  if (f instanceof CellError) return f;
  const b = basisOf(basis);
  if (b instanceof CellError) return b;
  if (!(m >= fc && fc > s && s > i)) return new CellError(ErrorType.NUM, 'the dates must run issue < settlement < first coupon ≤ maturity');
  return { settlement: s, maturity: m, issue: i, firstCoupon: fc, frequency: f, basis: b, date1904 };
}

/** The price per 100 face with an odd first period (Microsoft's long-first-coupon formula; a short one is its NC = 1 case). */
function oddFirstPrice(o: OddFirst, rate: number, yld: number, redemption: number): number {
  const { frequency: f, basis, date1904 } = o;
  const coupon = (100 * rate) / f;
  const v = 1 + yld / f;
  // ΣDC/NL: the odd period's coupon in regular coupons; ΣA/NL: the part accrued at settlement.
  const paid = periodsCovered(o.firstCoupon, o.issue, o.firstCoupon, f, basis, date1904);
  const accrued = periodsCovered(o.firstCoupon, o.issue, o.settlement, f, basis, date1904);
  // The quasi period settlement falls in, and whole quasi periods (Nq) from its end to the first coupon.
  let nq = 0;
  while (quasiPeriod(o.firstCoupon, nq, f, basis, date1904).start > o.settlement) nq++;
  const period = quasiPeriod(o.firstCoupon, nq, f, basis, date1904);
  const toNext = daysWithin(period, o.settlement, period.end, basis, date1904) / period.length;
  const regular = o.maturity > o.firstCoupon ? couponPeriod(o.firstCoupon, o.maturity, f, date1904).count : 0;
  let price = redemption / v ** (regular + nq + toNext) + (coupon * paid) / v ** (nq + toNext);
  for (let k = 1; k <= regular; k++) price += coupon / v ** (k + nq + toNext);
  return price - coupon * accrued;
}

/** ODDFPRICE(settlement, maturity, issue, first_coupon, rate, yld, redemption, frequency, [basis]). */
export function oddfprice(
  date1904: boolean,
  settlement: number,
  maturity: number,
  issue: number,
  firstCoupon: number,
  rate: number,
  yld: number,
  redemption: number,
  frequency: number,
  basis: number,
) {
  const o = oddFirst(date1904, settlement, maturity, issue, firstCoupon, frequency, basis);
  if (o instanceof CellError) return o;
  const failed = firstFailure(
    mustHold(rate >= 0, 'rate must not be negative'),
    mustHold(yld >= 0, 'yld must not be negative'),
    mustHold(redemption > 0, 'redemption must be positive'),
  );
  return failed ?? oddFirstPrice(o, rate, yld, redemption);
}

/** ODDFYIELD(settlement, maturity, issue, first_coupon, rate, pr, redemption, frequency, [basis]). */
export function oddfyield(
  date1904: boolean,
  settlement: number,
  maturity: number,
  issue: number,
  firstCoupon: number,
  rate: number,
  pr: number,
  redemption: number,
  frequency: number,
  basis: number,
) {
  const o = oddFirst(date1904, settlement, maturity, issue, firstCoupon, frequency, basis);
  if (o instanceof CellError) return o;
  const failed = firstFailure(
    mustHold(rate >= 0, 'rate must not be negative'),
    mustHold(pr > 0, 'pr must be positive'),
    mustHold(redemption > 0, 'redemption must be positive'),
  );
  return failed ?? solveDecreasing((y) => oddFirstPrice(o, rate, y, redemption), pr, -o.frequency);
}

interface OddLast {
  /** ΣDCi/NLi: the last coupon in regular coupons. */
  paid: number;
  /** ΣAi/NLi: accrued at settlement. */
  accrued: number;
  /** ΣDSCi/NLi: settlement to maturity in regular periods. */
  remaining: number;
  frequency: number;
}

function oddLast(
  date1904: boolean,
  settlement: number,
  maturity: number,
  lastInterest: number,
  frequency: number,
  basis: number,
): OddLast | CellError {
  const dates = [dateOf(settlement, 'settlement'), dateOf(maturity, 'maturity'), dateOf(lastInterest, 'last interest')];
  for (const d of dates) if (d instanceof CellError) return d;
  const [s, m, last] = dates as number[];
  const f = frequencyOf(frequency);
  if (f instanceof CellError) return f;
  const b = basisOf(basis);
  if (b instanceof CellError) return b;
  if (!(m > s && s > last)) return new CellError(ErrorType.NUM, 'the dates must run last interest < settlement < maturity');
  // Quasi periods run forward from the last interest date: anchor the schedule there.
  const span = (from: number, to: number) => forwardPeriods(last, from, to, f, b, date1904);
  return { paid: span(last, m), accrued: span(last, s), remaining: span(s, m), frequency: f };
}

/** Σ days / normal length over the quasi periods after `anchor` that [from, to] crosses. */
function forwardPeriods(anchor: number, from: number, to: number, frequency: number, basis: number, date1904: boolean): number {
  let total = 0;
  for (let k = -1; ; k--) {
    const p = quasiPeriod(anchor, k, frequency, basis, date1904);
    if (p.start >= to) return total;
    total += daysWithin(p, from, to, basis, date1904) / p.length;
  }
}

/** ODDLPRICE(settlement, maturity, last_interest, rate, yld, redemption, frequency, [basis]). */
export function oddlprice(
  date1904: boolean,
  settlement: number,
  maturity: number,
  lastInterest: number,
  rate: number,
  yld: number,
  redemption: number,
  frequency: number,
  basis: number,
) {
  const o = oddLast(date1904, settlement, maturity, lastInterest, frequency, basis);
  if (o instanceof CellError) return o;
  const failed = firstFailure(
    mustHold(rate >= 0, 'rate must not be negative'),
    mustHold(yld >= 0, 'yld must not be negative'),
    mustHold(redemption > 0, 'redemption must be positive'),
  );
  if (failed) return failed;
  const coupon = (100 * rate) / o.frequency;
  return (redemption + o.paid * coupon) / (1 + (o.remaining * yld) / o.frequency) - o.accrued * coupon;
}

/** ODDLYIELD(settlement, maturity, last_interest, rate, pr, redemption, frequency, [basis]). */
export function oddlyield(
  date1904: boolean,
  settlement: number,
  maturity: number,
  lastInterest: number,
  rate: number,
  pr: number,
  redemption: number,
  frequency: number,
  basis: number,
) {
  const o = oddLast(date1904, settlement, maturity, lastInterest, frequency, basis);
  if (o instanceof CellError) return o;
  const failed = firstFailure(
    mustHold(rate >= 0, 'rate must not be negative'),
    mustHold(pr > 0, 'pr must be positive'),
    mustHold(redemption > 0, 'redemption must be positive'),
  );
  if (failed) return failed;
  const coupon = (100 * rate) / o.frequency;
  const cost = pr + o.accrued * coupon;
  return ((redemption + o.paid * coupon - cost) / cost) * (o.frequency / o.remaining);
}
