/**
 * Business-day functions for settlement windows and expiry calendars:
 *
 * * `BDAYS(start, end, [holidays])`: signed business days from start to end: the
 *   business days in (start, end] when end is later, minus those in (end, start] when it
 *   is earlier, 0 on the same day. Mon–Fri are business days; `holidays` is a range of
 *   dates (a holiday list sheet) or the text "NYSE" for the built-in NYSE calendar.
 *   BDAYS(Fri, next Mon) = 1; BDAYS(Mon, previous Fri) = -1.
 * * `NYSEHOLIDAY(date)`: TRUE on an NYSE full-day holiday.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { isNyseHoliday, nyseHolidays, weekdayOf } from '../calendars/nyse.js';

/** A holiday calendar: is a day a holiday, and which holidays fall in (from, to]. */
interface Holidays {
  has(day: number): boolean;
  within(from: number, to: number): Iterable<number>;
}
// HyperFormula does not export its AST and interpreter-state types (deep imports are blocked).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ProcedureAst = any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type InterpreterState = any;

export class BusinessDaysPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    BDAYS: {
      method: 'bdays',
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
      ],
    },
    NYSEHOLIDAY: {
      method: 'nyseholiday',
      parameters: [{ argumentType: FunctionArgumentType.NUMBER }],
    },
  };

  bdays(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata('BDAYS'), (start: number, end: number, holidays: unknown) => {
      const calendar = holidayCalendar(holidays);
      if (calendar instanceof CellError) return calendar;
      return businessDaysBetween(Math.trunc(start), Math.trunc(end), calendar);
    });
  }

  nyseholiday(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata('NYSEHOLIDAY'), (date: number) => isNyseHoliday(date));
  }
}

function holidayCalendar(arg: unknown): Holidays | CellError {
  if (arg === undefined || arg === null) return listCalendar(new Set<number>());
  if (typeof arg === 'string') {
    if (arg.trim().toUpperCase() === 'NYSE') return { has: isNyseHoliday, within: nyseHolidaysWithin };
    return new CellError(ErrorType.VALUE, `unknown holiday calendar "${arg}"; use a range of dates or "NYSE"`);
  }
  if (typeof arg === 'number') return listCalendar(new Set([Math.trunc(arg)]));
  if (arg instanceof SimpleRangeValue) {
    const days = new Set<number>();
    for (const value of arg.valuesFromTopLeftCorner()) {
      if (value instanceof CellError) return value;
      if (typeof value === 'number') days.add(Math.trunc(value));
      else if (typeof value === 'object' && value !== null && 'val' in value) days.add(Math.trunc(Number((value as { val: number }).val)));
    }
    return listCalendar(days);
  }
  return new CellError(ErrorType.VALUE, 'holidays must be a range of dates or "NYSE"');
}

function listCalendar(days: Set<number>): Holidays {
  return { has: (day) => days.has(day), within: (from, to) => [...days].filter((d) => d > from && d <= to) };
}

function* nyseHolidaysWithin(from: number, to: number): Iterable<number> {
  for (let year = yearOf(from); year <= yearOf(to); year++) for (const day of nyseHolidays(year)) if (day > from && day <= to) yield day;
}

function yearOf(serial: number): number {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).getUTCFullYear();
}

const isWeekday = (day: number) => {
  const weekday = weekdayOf(day);
  return weekday !== 0 && weekday !== 6;
};

/** Mon–Fri days in (0, n] (negative for n < 0): any 7 consecutive days hold 5, so only the remainder is walked. */
function weekdaysThrough(n: number): number {
  const weeks = Math.floor(n / 7);
  let count = weeks * 5;
  for (let day = weeks * 7 + 1; day <= n; day++) if (isWeekday(day)) count += 1;
  return count;
}

/**
 * Business days in (start, end], negative when end is before start. Counted, not walked:
 * a blank date (serial 0) against today costs what two adjacent days do.
 */
export function businessDaysBetween(start: number, end: number, holidays: Holidays): number {
  if (start === end) return 0;
  const sign = end > start ? 1 : -1;
  const [from, to] = sign > 0 ? [start, end] : [end, start];
  let count = weekdaysThrough(to) - weekdaysThrough(from);
  for (const day of holidays.within(from, to)) if (isWeekday(day)) count -= 1;
  return sign * count;
}
