/**
 * Excel's date-part functions where HyperFormula's differ: `DAY`, `MONTH` and `YEAR` read
 * serial 0 as Excel's 1900-01-00 and serial 60 as its 1900-02-29, and TRUE/FALSE as 1/0;
 * `EDATE` and `EOMONTH` reject TRUE/FALSE, as Excel does.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin } from 'hyperformula';
import { LAST_DATE_SERIAL, intersect, isEmpty, numberOf, type RawArg } from './values.js';
import { excelDate } from './yearfrac.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const ANY = { argumentType: FunctionArgumentType.ANY };

export class DatesPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    DAY: { method: 'day', parameters: [ANY] },
    MONTH: { method: 'month', parameters: [ANY] },
    YEAR: { method: 'year', parameters: [ANY] },
    EDATE: { method: 'edate', parameters: [ANY, ANY] },
    EOMONTH: { method: 'eomonth', parameters: [ANY, ANY] },
  };

  day(ast: Ast, state: State) {
    return this.part(ast, state, (d) => d.d);
  }

  month(ast: Ast, state: State) {
    return this.part(ast, state, (d) => d.m);
  }

  year(ast: Ast, state: State) {
    return this.part(ast, state, (d) => d.y);
  }

  edate(ast: Ast, state: State) {
    return this.shift(ast, state, false);
  }

  eomonth(ast: Ast, state: State) {
    return this.shift(ast, state, true);
  }

  private arg(ast: Ast, state: State, i: number): RawArg {
    const arg = ast.args[i];
    if (arg === undefined || arg.type === 'EMPTY') return null;
    return intersect(this.evaluateAst(arg, state), state);
  }

  /** A serial date argument, truncated; `booleans` says whether TRUE/FALSE count as 1/0. */
  private serial(v: RawArg, booleans: boolean): number | CellError {
    if (v instanceof CellError) return v;
    if (isEmpty(v)) return 0;
    if (typeof v === 'boolean') return booleans ? Number(v) : new CellError(ErrorType.VALUE, 'a date is expected, not TRUE or FALSE');
    let n = numberOf(v);
    if (n === null && typeof v === 'string') {
      const coerced = this.arithmeticHelper.coerceScalarToNumberOrError(v);
      if (coerced instanceof CellError) return coerced;
      n = numberOf(coerced);
      // Text naming a date before 1900 is not a date Excel can hold.
      if (n !== null && n < 0) return new CellError(ErrorType.VALUE, `"${v}" is not a date Excel can represent`);
    }
    if (n === null) return new CellError(ErrorType.VALUE, 'a date is expected');
    if (n < 0 || n > LAST_DATE_SERIAL + 1) return new CellError(ErrorType.NUM, 'dates must fall between 1900 and 9999');
    return Math.trunc(n);
  }

  private part(ast: Ast, state: State, pick: (d: { y: number; m: number; d: number }) => number) {
    if (ast.args.length !== 1) return new CellError(ErrorType.NA, `${ast.procedureName} takes one date`);
    const serial = this.serial(this.arg(ast, state, 0), true);
    if (serial instanceof CellError) return serial;
    return pick(excelDate(serial, this.config.nullDate.year === 1904));
  }

  private shift(ast: Ast, state: State, toMonthEnd: boolean) {
    if (ast.args.length !== 2) return new CellError(ErrorType.NA, `${ast.procedureName} takes a date and a number of months`);
    const start = this.serial(this.arg(ast, state, 0), false);
    if (start instanceof CellError) return start;
    const monthsArg = this.arg(ast, state, 1);
    if (monthsArg instanceof CellError) return monthsArg;
    if (typeof monthsArg === 'boolean') return new CellError(ErrorType.VALUE, 'the number of months must be a number');
    const months = isEmpty(monthsArg)
      ? 0
      : (numberOf(monthsArg) ?? numberOf(this.arithmeticHelper.coerceScalarToNumberOrError(monthsArg as string)));
    if (months === null) return new CellError(ErrorType.VALUE, 'the number of months must be a number');
    const date1904 = this.config.nullDate.year === 1904;
    const from = excelDate(start, date1904);
    const total = from.y * 12 + (from.m - 1) + Math.trunc(months);
    const [y, m] = [Math.floor(total / 12), (total % 12) + 1];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate() + (y === 1900 && m === 2 && !date1904 ? 1 : 0);
    const serial = serialOf(y, m, toMonthEnd ? last : Math.min(from.d, last), date1904);
    if (serial < 0 || serial > LAST_DATE_SERIAL) return new CellError(ErrorType.NUM, 'the resulting date falls outside 1900-9999');
    return serial;
  }
}

/** The serial number of a date, with Excel's 1900-02-29. */
function serialOf(y: number, m: number, d: number, date1904: boolean): number {
  if (date1904) return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1904, 0, 1)) / 86_400_000);
  if (y === 1900 && m === 2 && d === 29) return 60;
  const serial = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
  return serial <= 60 ? serial - 1 : serial;
}
