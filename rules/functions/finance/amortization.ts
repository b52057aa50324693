/**
 * The French accounting system's depreciation, as Excel computes it (the algorithm is
 * LibreOffice's, which follows Excel): the first period is prorated by the year fraction
 * from purchase to the end of the first period.
 *
 * * `AMORLINC(cost, date_purchased, first_period, salvage, period, rate, [basis])`: straight
 *   line, cost × rate a period, the remainder in the last one.
 * * `AMORDEGRC(…)`: declining balance, rate × a coefficient by the asset's life (1/rate):
 *   1.5 for 3–4 years, 2 for 5–6, 2.5 beyond 6; amounts rounded to whole units; half the
 *   remaining value in the last two periods. Lives between 0 and 1, 1 and 2, 2 and 3 or
 *   4 and 5 years are #NUM!, as Microsoft's page says.
 */
import { CellError, ErrorType } from 'hyperformula';
import { basisOf, dateOf, firstFailure, mustHold } from './arguments.js';
import { yearsBetween } from './calendar.js';

interface Asset {
  cost: number;
  salvage: number;
  period: number;
  rate: number;
  /** Year fraction from purchase to the end of the first period. */
  firstYears: number;
}

function asset(
  date1904: boolean,
  cost: number,
  purchased: number,
  firstPeriod: number,
  salvage: number,
  period: number,
  rate: number,
  basis: number,
): Asset | CellError {
  const b = basisOf(basis);
  if (b instanceof CellError) return b;
  const bought = dateOf(purchased, 'purchase');
  if (bought instanceof CellError) return bought;
  const first = dateOf(firstPeriod, 'first period');
  if (first instanceof CellError) return first;
  const failed = firstFailure(
    mustHold(cost > 0, 'cost must be positive'),
    mustHold(salvage >= 0 && salvage <= cost, 'salvage must be between 0 and cost'),
    mustHold(period >= 0, 'period must not be negative'),
    mustHold(rate > 0, 'rate must be positive'),
    mustHold(bought <= first, 'the first period must not end before the purchase'),
  );
  if (failed) return failed;
  return { cost, salvage, period: Math.trunc(period), rate, firstYears: yearsBetween(bought, first, b, date1904) };
}

export function amorlinc(
  date1904: boolean,
  cost: number,
  purchased: number,
  firstPeriod: number,
  salvage: number,
  period: number,
  rate: number,
  basis: number,
) {
  const a = asset(date1904, cost, purchased, firstPeriod, salvage, period, rate, basis);
  if (a instanceof CellError) return a;
  const perPeriod = a.cost * a.rate;
  const firstAmount = a.firstYears * a.rate * a.cost;
  const fullPeriods = Math.trunc((a.cost - a.salvage - firstAmount) / perPeriod);
  if (a.period === 0) return firstAmount;
  if (a.period <= fullPeriods) return perPeriod;
  if (a.period === fullPeriods + 1) return a.cost - a.salvage - perPeriod * fullPeriods - firstAmount;
  return 0;
}

/** Rounds half away from zero to a whole unit, as Excel rounds the AMORDEGRC amounts. */
const whole = (x: number) => Math.sign(x) * Math.round(Math.abs(x));

export function amordegrc(
  date1904: boolean,
  cost: number,
  purchased: number,
  firstPeriod: number,
  salvage: number,
  period: number,
  rate: number,
  basis: number,
) {
  const a = asset(date1904, cost, purchased, firstPeriod, salvage, period, rate, basis);
  if (a instanceof CellError) return a;
  const life = 1 / a.rate;
  if ((life > 0 && life < 1) || (life > 1 && life < 2) || (life > 2 && life < 3) || (life > 4 && life < 5))
    return new CellError(ErrorType.NUM, 'AMORDEGRC takes no asset life between 0 and 3 or 4 and 5 years but whole ones');
  const coefficient = life < 3 ? 1 : life < 5 ? 1.5 : life <= 6 ? 2 : 2.5;
  const rateUsed = a.rate * coefficient;
  let amount = whole(a.firstYears * rateUsed * a.cost);
  let value = a.cost - amount;
  let rest = value - a.salvage;
  for (let n = 0; n < a.period; n++) {
    amount = whole(rateUsed * value);
    rest -= amount;
    if (rest < 0) return a.period - n <= 1 ? whole(value * 0.5) : 0;
    value -= amount;
  }
  return amount;
}
