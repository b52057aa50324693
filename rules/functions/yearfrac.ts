/**
 * `YEARFRAC(start, end, [basis])` as Excel computes it, replacing HyperFormula's, which
 * differs on the US 30/360 basis, on serial dates 0 to 60 (Excel's 1900-01-00 and the
 * 1900-02-29 it inherited from Lotus 1-2-3) and on which error wins. The day-count rules
 * follow David A. Wheeler's reverse-engineering of Excel (the basis used by LibreOffice
 * and OpenFormula): basis 0 US (NASD) 30/360, 1 actual/actual, 2 actual/360, 3 actual/365,
 * 4 European 30/360. Excel checks the basis before the dates: an invalid basis is the
 * result even when a date is an error.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { LAST_DATE_SERIAL, isEmpty, numberOf, type RawArg } from './values.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const ANY = { argumentType: FunctionArgumentType.ANY };

export class YearFracPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    YEARFRAC: { method: 'yearfrac', parameters: [ANY, ANY, { argumentType: FunctionArgumentType.ANY, optionalArg: true }] },
  };

  yearfrac(ast: Ast, state: State) {
    if (ast.args.length < 2 || ast.args.length > 3)
      return new CellError(ErrorType.NA, 'YEARFRAC takes a start date, an end date and an optional basis');
    // Evaluated here rather than by runFunction, which would return the first error among the
    // arguments; Excel reports an error in the basis first.
    const [startArg, endArg, basisArg] = [0, 1, 2].map((i) => {
      const arg = ast.args[i];
      if (arg === undefined || arg.type === 'EMPTY') return null;
      const value = this.evaluateAst(arg, state);
      return value instanceof SimpleRangeValue ? new CellError(ErrorType.VALUE, 'YEARFRAC takes single values') : value;
    });
    const basis = this.whole(basisArg, 'basis');
    if (basis instanceof CellError) return basis;
    if (basis < 0 || basis > 4) return new CellError(ErrorType.NUM, 'basis must be 0, 1, 2, 3 or 4');
    const start = this.whole(startArg, 'start date');
    if (start instanceof CellError) return start;
    const end = this.whole(endArg, 'end date');
    if (end instanceof CellError) return end;
    if (start < 0 || end < 0 || start > LAST_DATE_SERIAL || end > LAST_DATE_SERIAL)
      return new CellError(ErrorType.NUM, 'dates must fall between 1900 and 9999');
    const date1904 = this.config.nullDate.year === 1904;
    const [a, b] = start <= end ? [start, end] : [end, start];
    return yearFraction(a, b, basis, date1904);
  }

  /** A date or basis argument: numbers and date text as Excel reads them, truncated; booleans are #VALUE!. */
  private whole(v: RawArg, what: string): number | CellError {
    if (v instanceof CellError) return v;
    if (isEmpty(v)) return 0;
    const n = numberOf(v);
    if (n !== null) return Math.trunc(n);
    if (typeof v === 'string') {
      const coerced = this.arithmeticHelper.coerceScalarToNumberOrError(v);
      return coerced instanceof CellError ? coerced : Math.trunc(numberOf(coerced) ?? NaN);
    }
    return new CellError(ErrorType.VALUE, `the ${what} must be a number or a date`);
  }
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Year, month and day of a serial date as Excel shows it (serial 0 is 1900-01-00, 60 is 1900-02-29). */
export function excelDate(serial: number, date1904 = false): Ymd {
  if (!date1904) {
    if (serial === 0) return { y: 1900, m: 1, d: 0 };
    if (serial === 60) return { y: 1900, m: 2, d: 29 };
    if (serial < 60) serial += 1;
  }
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + serial * 86_400_000);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 || y === 1900;
const daysInMonth = (y: number, m: number) => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
const isLastOfFebruary = (date: Ymd) => date.m === 2 && date.d === daysInMonth(date.y, 2);

/** Serial of the 1st of January of a year, in the same system. */
function serialOfNewYear(y: number, date1904: boolean): number {
  if (!date1904 && y <= 1900) return y === 1900 ? 1 : 1 - 365 * (1900 - y);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return Math.round((Date.UTC(y, 0, 1) - epoch) / 86_400_000);
}

export function yearFraction(start: number, end: number, basis: number, date1904 = false): number {
  const a = excelDate(start, date1904);
  const b = excelDate(end, date1904);
  const days = end - start;
  switch (basis) {
    case 0: {
      let [d1, d2] = [a.d, b.d];
      if (d1 === 31 && d2 === 31) [d1, d2] = [30, 30];
      else if (d1 === 31) d1 = 30;
      else if (d1 === 30 && d2 === 31) d2 = 30;
      else if (isLastOfFebruary(a) && isLastOfFebruary(b)) [d1, d2] = [30, 30];
      else if (isLastOfFebruary(a)) d1 = 30;
      return (d2 + b.m * 30 + b.y * 360 - (d1 + a.m * 30 + a.y * 360)) / 360;
    }
    case 1: {
      const withinAYear = a.y === b.y || (a.y + 1 === b.y && (a.m > b.m || (a.m === b.m && a.d >= b.d)));
      if (withinAYear) {
        let length = 365;
        if (a.y === b.y && isLeap(a.y)) length = 366;
        else if (february29Between(a, b) || (b.m === 2 && b.d === 29)) length = 366;
        return days / length;
      }
      const years = b.y - a.y + 1;
      const span = serialOfNewYear(b.y + 1, date1904) - serialOfNewYear(a.y, date1904);
      return days / (span / years);
    }
    case 2:
      return days / 360;
    case 3:
      return days / 365;
    default: {
      const d1 = Math.min(a.d, 30);
      const d2 = Math.min(b.d, 30);
      return (d2 + b.m * 30 + b.y * 360 - (d1 + a.m * 30 + a.y * 360)) / 360;
    }
  }
}

function february29Between(a: Ymd, b: Ymd): boolean {
  for (let y = a.y; y <= b.y; y++) {
    if (!isLeap(y)) continue;
    const afterStart = a.y < y || a.m < 2 || (a.m === 2 && a.d <= 29);
    const beforeEnd = b.y > y || b.m > 2 || (b.m === 2 && b.d >= 29);
    if (afterStart && beforeEnd) return true;
  }
  return false;
}
