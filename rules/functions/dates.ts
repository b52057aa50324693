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
    return this.part(ast, state, 'DAY');
  }

  month(ast: Ast, state: State) {
    return this.part(ast, state, 'MONTH');
  }

  year(ast: Ast, state: State) {
    return this.part(ast, state, 'YEAR');
  }

  edate(ast: Ast, state: State) {
    return this.shift(ast, state, 'EDATE');
  }

  eomonth(ast: Ast, state: State) {
    return this.shift(ast, state, 'EOMONTH');
  }

  private arg(ast: Ast, state: State, i: number): RawArg {
    const arg = ast.args[i];
    if (arg === undefined || arg.type === 'EMPTY') return null;
    return intersect(this.evaluateAst(arg, state), state);
  }

  private part(ast: Ast, state: State, name: DatePartName) {
    if (ast.args.length !== 1) return new CellError(ErrorType.NA, `${ast.procedureName} takes one date`);
    return datePart(name, this.arg(ast, state, 0), this.dateContext());
  }

  private shift(ast: Ast, state: State, name: 'EDATE' | 'EOMONTH') {
    if (ast.args.length !== 2) return new CellError(ErrorType.NA, `${ast.procedureName} takes a date and a number of months`);
    return dateShift(name, this.arg(ast, state, 0), () => this.arg(ast, state, 1), this.dateContext());
  }

  private dateContext(): DateContext {
    return {
      date1904: this.config.nullDate.year === 1904,
      coerce: (text) => this.arithmeticHelper.coerceScalarToNumberOrError(text),
    };
  }
}

/**
 * What the bodies need from the engine: its date system and ArithmeticHelper's
 * coerceScalarToNumberOrError (text read as a number, a percentage or a date). The bodies
 * below are called by the plugin and by the compiled evaluator (rules/compiled/functions-dates.ts).
 */
export interface DateContext {
  date1904: boolean;
  coerce: (text: string) => unknown;
}

export type DatePartName = 'DAY' | 'MONTH' | 'YEAR';

const PARTS: Record<DatePartName, (d: { y: number; m: number; d: number }) => number> = {
  DAY: (d) => d.d,
  MONTH: (d) => d.m,
  YEAR: (d) => d.y,
};

/** DAY, MONTH or YEAR (`name`) of one evaluated argument (an empty argument is null). */
export function datePart(name: DatePartName, value: RawArg, context: DateContext): number | CellError {
  const serial = serialArg(value, true, context);
  if (serial instanceof CellError) return serial;
  return PARTS[name](excelDate(serial, context.date1904));
}

/**
 * EDATE or EOMONTH (`name`) of an evaluated start date and, read only when the start is a
 * date, the number of months (an empty argument is null).
 */
export function dateShift(name: 'EDATE' | 'EOMONTH', startArg: RawArg, monthsOf: () => RawArg, context: DateContext): number | CellError {
  const toMonthEnd = name === 'EOMONTH';
  const start = serialArg(startArg, false, context);
  if (start instanceof CellError) return start;
  const monthsArg = monthsOf();
  if (monthsArg instanceof CellError) return monthsArg;
  if (typeof monthsArg === 'boolean') return new CellError(ErrorType.VALUE, 'the number of months must be a number');
  const months = isEmpty(monthsArg) ? 0 : (numberOf(monthsArg) ?? numberOf(context.coerce(monthsArg as string)));
  if (months === null) return new CellError(ErrorType.VALUE, 'the number of months must be a number');
  const date1904 = context.date1904;
  const from = excelDate(start, date1904);
  const total = from.y * 12 + (from.m - 1) + Math.trunc(months);
  const [y, m] = [Math.floor(total / 12), (total % 12) + 1];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate() + (y === 1900 && m === 2 && !date1904 ? 1 : 0);
  const serial = serialOf(y, m, toMonthEnd ? last : Math.min(from.d, last), date1904);
  if (serial < 0 || serial > LAST_DATE_SERIAL) return new CellError(ErrorType.NUM, 'the resulting date falls outside 1900-9999');
  return serial;
}

/** A serial date argument, truncated; `booleans` says whether TRUE/FALSE count as 1/0. */
function serialArg(v: RawArg, booleans: boolean, context: DateContext): number | CellError {
  if (v instanceof CellError) return v;
  if (isEmpty(v)) return 0;
  if (typeof v === 'boolean') return booleans ? Number(v) : new CellError(ErrorType.VALUE, 'a date is expected, not TRUE or FALSE');
  let n = numberOf(v);
  if (n === null && typeof v === 'string') {
    const coerced = context.coerce(v);
    if (coerced instanceof CellError) return coerced;
    n = numberOf(coerced);
    // Text naming a date before 1900 is not a date Excel can hold.
    if (n !== null && n < 0) return new CellError(ErrorType.VALUE, `"${v}" is not a date Excel can represent`);
  }
  if (n === null) return new CellError(ErrorType.VALUE, 'a date is expected');
  if (n < 0 || n > LAST_DATE_SERIAL + 1) return new CellError(ErrorType.NUM, 'dates must fall between 1900 and 9999');
  return Math.trunc(n);
}

/** The serial number of a date, with Excel's 1900-02-29. */
function serialOf(y: number, m: number, d: number, date1904: boolean): number {
  if (date1904) return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1904, 0, 1)) / 86_400_000);
  if (y === 1900 && m === 2 && d === 29) return 60;
  const serial = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
  return serial <= 60 ? serial - 1 : serial;
}
