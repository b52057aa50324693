/**
 * Quasi-coupon periods: the regular coupon periods a bond would have around an irregular
 * stretch (an odd first or last period, or the accrual of ACCRINT), laid on the schedule
 * through an anchor coupon date. Each is counted by the day-count basis and measured
 * against its normal length (actual days for basis 1, else 360 or 365 over the frequency).
 */
import { couponDateBefore, dayCount, yearLength } from './calendar.js';

export interface QuasiPeriod {
  start: number;
  end: number;
  /** Normal length in days (NL). */
  length: number;
}

/** The quasi-coupon period `k` periods before the anchor (k = 0 ends on the anchor; negative k are after it). */
export function quasiPeriod(anchor: number, k: number, frequency: number, basis: number, date1904: boolean): QuasiPeriod {
  const start = couponDateBefore(anchor, k + 1, frequency, date1904);
  const end = couponDateBefore(anchor, k, frequency, date1904);
  return { start, end, length: basis === 1 ? end - start : yearLength(basis) / frequency };
}

/** Days of [from, to] that fall in the period, by the basis; 0 when they do not overlap. */
export function daysWithin(period: QuasiPeriod, from: number, to: number, basis: number, date1904: boolean): number {
  const a = Math.max(from, period.start);
  const b = Math.min(to, period.end);
  return b > a ? dayCount(a, b, basis, date1904) : 0;
}

/** Σ days-within / normal-length over the quasi periods (anchored at `anchor`) that [from, to] crosses. */
export function periodsCovered(anchor: number, from: number, to: number, frequency: number, basis: number, date1904: boolean): number {
  let k = 0;
  // Step to the period holding `to`, then walk back to `from`.
  while (quasiPeriod(anchor, k, frequency, basis, date1904).start >= to) k++;
  while (quasiPeriod(anchor, k, frequency, basis, date1904).end < to) k--;
  let total = 0;
  for (let p = quasiPeriod(anchor, k, frequency, basis, date1904); p.end > from; p = quasiPeriod(anchor, ++k, frequency, basis, date1904))
    total += daysWithin(p, from, to, basis, date1904) / p.length;
  return total;
}
