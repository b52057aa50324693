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
import { isNyseHoliday, weekdayOf } from '../calendars/nyse.js';

type Holidays = { has(day: number): boolean };
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

export const BusinessDaysTranslations = {
  enGB: { BDAYS: 'BDAYS', NYSEHOLIDAY: 'NYSEHOLIDAY' },
  enUS: { BDAYS: 'BDAYS', NYSEHOLIDAY: 'NYSEHOLIDAY' },
};

function holidayCalendar(arg: unknown): Holidays | CellError {
  if (arg === undefined || arg === null) return new Set<number>();
  if (typeof arg === 'string') {
    if (arg.trim().toUpperCase() === 'NYSE') return { has: isNyseHoliday };
    return new CellError(ErrorType.VALUE, `unknown holiday calendar "${arg}"; use a range of dates or "NYSE"`);
  }
  if (typeof arg === 'number') return new Set([Math.trunc(arg)]);
  if (arg instanceof SimpleRangeValue) {
    const days = new Set<number>();
    for (const value of arg.valuesFromTopLeftCorner()) {
      if (value instanceof CellError) return value;
      if (typeof value === 'number') days.add(Math.trunc(value));
      else if (typeof value === 'object' && value !== null && 'val' in value) days.add(Math.trunc(Number((value as { val: number }).val)));
    }
    return days;
  }
  return new CellError(ErrorType.VALUE, 'holidays must be a range of dates or "NYSE"');
}

function isBusinessDay(day: number, holidays: Holidays): boolean {
  const weekday = weekdayOf(day);
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

/** Business days in (start, end], negative when end is before start. */
export function businessDaysBetween(start: number, end: number, holidays: Holidays): number {
  if (start === end) return 0;
  const sign = end > start ? 1 : -1;
  const [from, to] = sign > 0 ? [start, end] : [end, start];
  let count = 0;
  for (let day = from + 1; day <= to; day++) if (isBusinessDay(day, holidays)) count += 1;
  return sign * count;
}
