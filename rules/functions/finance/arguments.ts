/**
 * Argument checks shared by the securities functions, as Excel applies them: dates,
 * frequency and basis are truncated to whole numbers; a basis other than 0–4, a frequency
 * other than 1, 2 or 4, a date outside 1900–9999 or settlement not before maturity is #NUM!.
 */
import { CellError, ErrorType } from 'hyperformula';
import { LAST_DATE_SERIAL } from '../values.js';

export function basisOf(basis: number): number | CellError {
  const b = Math.trunc(basis);
  return b >= 0 && b <= 4 ? b : new CellError(ErrorType.NUM, 'basis must be 0, 1, 2, 3 or 4');
}

export function frequencyOf(frequency: number): number | CellError {
  const f = Math.trunc(frequency);
  return f === 1 || f === 2 || f === 4 ? f : new CellError(ErrorType.NUM, 'frequency must be 1 (annual), 2 (semiannual) or 4 (quarterly)');
}

export function dateOf(serial: number, what: string): number | CellError {
  const d = Math.trunc(serial);
  return d >= 0 && d <= LAST_DATE_SERIAL ? d : new CellError(ErrorType.NUM, `the ${what} date must fall between 1900 and 9999`);
}

/** Settlement and maturity, truncated, settlement strictly first. */
export function settlementAndMaturity(settlement: number, maturity: number): [number, number] | CellError {
  const s = dateOf(settlement, 'settlement');
  if (s instanceof CellError) return s;
  const m = dateOf(maturity, 'maturity');
  if (m instanceof CellError) return m;
  return s < m ? [s, m] : new CellError(ErrorType.NUM, 'settlement must come before maturity');
}

/** #NUM! naming the argument unless `ok`. */
export function mustHold(ok: boolean, message: string): CellError | null {
  return ok ? null : new CellError(ErrorType.NUM, message);
}

/** The first of several checks that failed, or null. */
export function firstFailure(...checks: (CellError | null)[]): CellError | null {
  return checks.find((c) => c !== null) ?? null;
}
