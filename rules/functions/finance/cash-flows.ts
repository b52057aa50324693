/**
 * `XNPV(rate, values, dates)`, replacing HyperFormula's, which rejects dates that are
 * date-typed numbers (any cell holding =DATE(…) or a typed date) with #VALUE!: Excel's
 * Σ value_i / (1 + rate)^((date_i − date_1) / 365). Dates are truncated; one before the
 * first is #NUM!, as are ranges of different sizes; text or blanks among them are #VALUE!.
 */
import { CellError, ErrorType, SimpleRangeValue } from 'hyperformula';
import { numberOf } from '../values.js';

function numbers(range: SimpleRangeValue | number, what: string): number[] | CellError {
  const raw = range instanceof SimpleRangeValue ? range.valuesFromTopLeftCorner() : [range];
  const out: number[] = [];
  for (const v of raw) {
    if (v instanceof CellError) return v;
    const n = numberOf(v);
    if (n === null) return new CellError(ErrorType.VALUE, `XNPV's ${what} must all be numbers`);
    out.push(n);
  }
  return out;
}

export function xnpv(rate: number, valuesArg: SimpleRangeValue | number, datesArg: SimpleRangeValue | number): number | CellError {
  const values = numbers(valuesArg, 'values');
  if (values instanceof CellError) return values;
  const dates = numbers(datesArg, 'dates');
  if (dates instanceof CellError) return dates;
  if (values.length !== dates.length) return new CellError(ErrorType.NUM, 'XNPV needs as many dates as values');
  if (rate <= -1) return new CellError(ErrorType.NUM, 'XNPV needs a rate above -100%');
  const first = Math.trunc(dates[0]);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const day = Math.trunc(dates[i]);
    if (day < first) return new CellError(ErrorType.NUM, 'no XNPV date may come before the first');
    total += values[i] / (1 + rate) ** ((day - first) / 365);
  }
  return total;
}
