/**
 * The date arithmetic of Excel's securities functions: serial dates to days and back,
 * day counts by basis (0 US 30/360, 1 actual/actual, 2 actual/360, 3 actual/365,
 * 4 European 30/360) and the coupon schedule, which runs back from maturity in steps of
 * 12/frequency months, keeping to the month's last day when maturity falls on one.
 */
import { excelDate, yearFraction } from '../yearfrac.js';

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** The serial number of a calendar date (1900 system: serials before 1900-03-01 count Excel's 1900-02-29). */
export function serialOf(date: Ymd, date1904 = false): number {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const serial = Math.round((Date.UTC(date.y, date.m - 1, date.d) - epoch) / 86_400_000);
  return !date1904 && serial < 61 ? serial - 1 : serial;
}

/** Days from `start` to `end` (start ≤ end) as the basis counts them. */
export function dayCount(start: number, end: number, basis: number, date1904 = false): number {
  if (basis === 0 || basis === 4) return Math.round(yearFraction(start, end, basis, date1904) * 360);
  return end - start;
}

/** The year fraction from `start` to `end` by basis (YEARFRAC's rules). */
export function yearsBetween(start: number, end: number, basis: number, date1904 = false): number {
  return start <= end ? yearFraction(start, end, basis, date1904) : -yearFraction(end, start, basis, date1904);
}

/** Days in a year for the basis, when the basis fixes it (actual/actual uses the year's own length). */
export function yearLength(basis: number): number {
  return basis === 3 ? 365 : 360;
}

export interface CouponPeriod {
  /** The coupon date on or before settlement. */
  previous: number;
  /** The coupon date after settlement. */
  next: number;
  /** Coupons payable from settlement to maturity. */
  count: number;
}

/** The date `k` coupon periods before `anchor`, on the month's last day when the anchor is on one. */
export function couponDateBefore(anchor: number, k: number, frequency: number, date1904 = false): number {
  const a = excelDate(anchor, date1904);
  const endOfMonth = a.d === daysInMonth(a.y, a.m);
  const months = a.y * 12 + (a.m - 1) - k * (12 / frequency);
  const y = Math.floor(months / 12);
  const m = months - y * 12 + 1;
  const d = endOfMonth ? daysInMonth(y, m) : Math.min(a.d, daysInMonth(y, m));
  return serialOf({ y, m, d }, date1904);
}

/** The coupon period settlement falls in (settlement < maturity). */
export function couponPeriod(settlement: number, maturity: number, frequency: number, date1904 = false): CouponPeriod {
  const s = excelDate(settlement, date1904);
  const e = excelDate(maturity, date1904);
  const monthsApart = (e.y - s.y) * 12 + (e.m - s.m);
  let k = Math.max(1, Math.floor(monthsApart / (12 / frequency)));
  while (couponDateBefore(maturity, k, frequency, date1904) > settlement) k++;
  while (k > 1 && couponDateBefore(maturity, k - 1, frequency, date1904) <= settlement) k--;
  return {
    previous: couponDateBefore(maturity, k, frequency, date1904),
    next: couponDateBefore(maturity, k - 1, frequency, date1904),
    count: k,
  };
}

/** Excel's coupon-period figures: days from the period's start to settlement (A), in the period (E), to the next coupon (DSC). */
export interface CouponDays {
  period: CouponPeriod;
  accrued: number;
  inPeriod: number;
  toNext: number;
}

export function couponDays(settlement: number, maturity: number, frequency: number, basis: number, date1904 = false): CouponDays {
  const period = couponPeriod(settlement, maturity, frequency, date1904);
  const accrued = dayCount(period.previous, settlement, basis, date1904);
  const inPeriod = basis === 1 ? period.next - period.previous : yearLength(basis) / frequency;
  const toNext = basis === 0 || basis === 4 ? inPeriod - accrued : period.next - settlement;
  return { period, accrued, inPeriod, toNext };
}
