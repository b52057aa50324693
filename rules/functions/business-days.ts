/**
 * Business-day functions for settlement windows and expiry calendars:
 *
 * * `BDAYS(start, end, [holidays])`: signed business days from start to end: the
 *   business days in (start, end] when end is later, minus those in (end, start] when it
 *   is earlier, 0 on the same day. Mon–Fri are business days; `holidays` is a range of
 *   dates (a holiday list sheet; with a cell "NYSE", on top of NYSE's) or the text "NYSE"
 *   for the built-in NYSE calendar (`calendar-argument.ts`).
 *   BDAYS(Fri, next Mon) = 1; BDAYS(Mon, previous Fri) = -1.
 * * `NYSEHOLIDAY(date)`: TRUE on an NYSE full-day closure (a holiday or a special closure).
 */
import { CellError, FunctionArgumentType, FunctionPlugin } from 'hyperformula';
import { isWeekday } from '../calendars/days.js';
import { isNyseHoliday } from '../calendars/nyse.js';
import { holidayListCalendar, NYSE, type TradingCalendar } from '../calendars/trading-calendar.js';
import { calendarArgument, outsideNyse } from './calendar-argument.js';

// HyperFormula does not export its AST and interpreter-state types (deep imports are blocked).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ProcedureAst = any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type InterpreterState = any;

/** BDAYS without a calendar counts Monday to Friday. */
const NO_HOLIDAYS = holidayListCalendar([], false);

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
    return this.runFunction(ast.args, state, this.metadata('BDAYS'), bdays);
  }

  nyseholiday(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata('NYSEHOLIDAY'), nyseHoliday);
  }
}

/** NYSEHOLIDAY's body (also the compiled evaluator's): within the years NYSE's rules are written for, as BDAYS. */
export function nyseHoliday(date: number): boolean | CellError {
  const day = Math.floor(date);
  if (!NYSE.covers(day)) return outsideNyse();
  return isNyseHoliday(day);
}

/** BDAYS's body on coerced arguments (also called by the compiled evaluator, rules/compiled/). */
export function bdays(start: number, end: number, holidays: unknown): number | CellError {
  const calendar = calendarArgument(holidays, NO_HOLIDAYS);
  if (calendar instanceof CellError) return calendar;
  // NYSE's rules are written for 1990–2100: a count past them would be a guess, as NEXTTRADINGDAY's would.
  if (!calendar.covers(Math.floor(start)) || !calendar.covers(Math.floor(end))) return outsideNyse();
  return businessDaysBetween(Math.trunc(start), Math.trunc(end), calendar);
}

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
export function businessDaysBetween(start: number, end: number, holidays: TradingCalendar): number {
  if (start === end) return 0;
  const sign = end > start ? 1 : -1;
  const [from, to] = sign > 0 ? [start, end] : [end, start];
  let count = weekdaysThrough(to) - weekdaysThrough(from);
  count -= holidays.closedWeekdays(from, to);
  return sign * count;
}
