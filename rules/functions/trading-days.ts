/**
 * The calendar functions of the calendar contract, section 1 (docs/functions.md):
 * ISTRADINGDAY, NEXTTRADINGDAY, MARKETCLOSE, OPTEXPIRY, NEXTOPTEXPIRY and FUTEXPIRY. Dates
 * come back as serials typed as dates (so cells show them as DATE() results are shown),
 * MARKETCLOSE as a time of day. `calendar` is "NYSE" (the default) or a holiday list range
 * (`calendar-argument.ts`).
 */
import { CellError, CellValueDetailedType, ErrorType, FunctionArgumentType, FunctionPlugin } from 'hyperformula';
import { CalendarFault, LAST_EXCEL_DAY } from '../calendars/calendar-fault.js';
import { serialOf } from '../calendars/days.js';
import { futuresLastTradingDay } from '../calendars/futures.js';
import { EXPIRY_KINDS, monthExpiry, nextExpiry, type ExpiryKind } from '../calendars/option-expirations.js';
import { nthSession } from '../calendars/sessions.js';
import { isSession, NYSE, type TradingCalendar } from '../calendars/trading-calendar.js';
import { calendarArgument, outsideNyse } from './calendar-argument.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const NUMBER = { argumentType: FunctionArgumentType.NUMBER };
const OPTIONAL_NUMBER = { argumentType: FunctionArgumentType.NUMBER, optionalArg: true };
const OPTIONAL_TEXT = { argumentType: FunctionArgumentType.STRING, optionalArg: true };
const CALENDAR = { argumentType: FunctionArgumentType.ANY, optionalArg: true };
const DATE = CellValueDetailedType.NUMBER_DATE;

const ERROR_TYPES = { value: ErrorType.VALUE, num: ErrorType.NUM, na: ErrorType.NA } as const;

export class TradingDaysPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    ISTRADINGDAY: { method: 'istradingday', parameters: [NUMBER, CALENDAR] },
    NEXTTRADINGDAY: { method: 'nexttradingday', parameters: [NUMBER, OPTIONAL_NUMBER, CALENDAR], returnNumberType: DATE },
    MARKETCLOSE: { method: 'marketclose', parameters: [NUMBER, CALENDAR], returnNumberType: CellValueDetailedType.NUMBER_TIME },
    OPTEXPIRY: { method: 'optexpiry', parameters: [NUMBER, NUMBER, OPTIONAL_TEXT, CALENDAR], returnNumberType: DATE },
    NEXTOPTEXPIRY: { method: 'nextoptexpiry', parameters: [NUMBER, OPTIONAL_TEXT, CALENDAR], returnNumberType: DATE },
    FUTEXPIRY: { method: 'futexpiry', parameters: [{ argumentType: FunctionArgumentType.STRING }, NUMBER, NUMBER], returnNumberType: DATE },
  };

  istradingday(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('ISTRADINGDAY'), isTradingDay);
  }

  nexttradingday(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('NEXTTRADINGDAY'), nextTradingDay);
  }

  marketclose(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('MARKETCLOSE'), marketClose);
  }

  optexpiry(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('OPTEXPIRY'), optExpiry);
  }

  nextoptexpiry(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('NEXTOPTEXPIRY'), nextOptExpiry);
  }

  futexpiry(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('FUTEXPIRY'), futExpiry);
  }
}

// The bodies on coerced arguments, as runFunction passes them (also called by the compiled
// evaluator, rules/compiled/functions-dates.ts, so both paths run the same code).

export function isTradingDay(date: number, calendar: unknown): boolean | CellError {
  return withDay(date, calendar, (cal, day) => isSession(cal, day));
}

export function nextTradingDay(date: number, n: number | undefined, calendar: unknown): number | CellError {
  return withDay(date, calendar, (cal, day) => inCalendar(cal, nthSession(cal, day, Math.trunc(n ?? 1))));
}

export function marketClose(date: number, calendar: unknown): number | CellError {
  return withDay(date, calendar, (cal, day) => cal.closeOf(day) ?? new CellError(ErrorType.NA, 'no session on this day'));
}

export function optExpiry(year: number, month: number, kind: string | undefined, calendar: unknown): number | CellError {
  const expiryKind = kindOf(kind ?? 'monthly');
  if (expiryKind instanceof CellError) return expiryKind;
  if (expiryKind === 'weekly')
    return new CellError(ErrorType.VALUE, 'OPTEXPIRY takes "monthly", "eom" or "quarterly"; use NEXTOPTEXPIRY for weeklies');
  const first = monthStart(year, month);
  if (first instanceof CellError) return first;
  return withDay(first, calendar, (cal) => inCalendar(cal, monthExpiry(cal, Math.trunc(year), Math.trunc(month), expiryKind)));
}

export function nextOptExpiry(date: number, kind: string | undefined, calendar: unknown): number | CellError {
  const expiryKind = kindOf(kind ?? 'monthly');
  if (expiryKind instanceof CellError) return expiryKind;
  return withDay(date, calendar, (cal, day) => inCalendar(cal, nextExpiry(cal, day, expiryKind)));
}

export function futExpiry(root: string, year: number, month: number): number | CellError {
  const first = monthStart(year, month);
  if (first instanceof CellError) return first;
  // A CL or NG contract's last day falls in the month before: check the month before too.
  if (!NYSE.covers(first) || !NYSE.covers(first - 31)) return outsideNyse();
  return inCalendar(NYSE, futuresLastTradingDay(root, Math.trunc(year), Math.trunc(month)));
}

/** Runs `answer` on a valid day of a valid calendar, or returns why not. */
function withDay<T>(date: number, calendarArg: unknown, answer: (calendar: TradingCalendar, day: number) => T | CellError): T | CellError {
  const calendar = calendarArgument(calendarArg, NYSE);
  if (calendar instanceof CellError) return calendar;
  const day = Math.floor(date);
  if (day < 1 || day > LAST_EXCEL_DAY) return new CellError(ErrorType.NUM, 'dates must fall between 1900 and 9999');
  if (!calendar.covers(day)) return outsideNyse();
  return answer(calendar, day);
}

/** A calendar answer as a cell value: a fault becomes its Excel error, a date outside the calendar #NUM!. */
function inCalendar(calendar: TradingCalendar, result: number | CalendarFault): number | CellError {
  if (result instanceof CalendarFault) return new CellError(ERROR_TYPES[result.kind], result.message);
  return calendar.covers(result) ? result : outsideNyse();
}

function monthStart(year: number, month: number): number | CellError {
  const [y, m] = [Math.trunc(year), Math.trunc(month)];
  if (m < 1 || m > 12) return new CellError(ErrorType.NUM, `month ${month} is not 1 to 12`);
  if (y < 1900 || y > 9999) return new CellError(ErrorType.NUM, `year ${year} is not 1900 to 9999`);
  return serialOf(y, m, 1);
}

function kindOf(text: string): ExpiryKind | CellError {
  const kind = text.trim().toLowerCase();
  if ((EXPIRY_KINDS as readonly string[]).includes(kind)) return kind as ExpiryKind;
  return new CellError(ErrorType.VALUE, `unknown expiration kind "${text}"; use ${EXPIRY_KINDS.map((k) => `"${k}"`).join(', ')}`);
}
