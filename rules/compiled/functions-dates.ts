/**
 * The compiled bodies of the date functions (issue 14), each calling the very code the
 * engine's plugin calls: Tickmark's DatesPlugin (DAY, MONTH, YEAR, EDATE, EOMONTH: its own
 * argument handling, rules/functions/dates.ts), BusinessDaysPlugin (BDAYS, NYSEHOLIDAY),
 * TradingDaysPlugin (ISTRADINGDAY, NEXTTRADINGDAY, MARKETCLOSE, OPTEXPIRY, NEXTOPTEXPIRY,
 * FUTEXPIRY) and, from HyperFormula's DateTimePlugin, WEEKDAY, DAYS and DATEVALUE (bodies
 * copied, as functions.ts copies HyperFormula's) and NETWORKDAYS and WORKDAY without a
 * holiday range (the registered plugin's own methods, run over this runtime's date helper).
 *
 * The calendar argument of BDAYS and the trading-day functions is exactly what the engine
 * gets: the text "NYSE", a single holiday serial, or nothing (NYSE, or Mon–Fri for BDAYS).
 * A holiday range is a range, which the compiler does not take, so that column falls back.
 * TODAY and NOW are volatile (their value depends on when the block is computed): they fall back.
 */
import { ErrorType, HyperFormula } from 'hyperformula';
import { bdays, nyseHoliday } from '../functions/business-days.js';
import { dateShift, datePart, type DateContext, type DatePartName } from '../functions/dates.js';
import { futExpiry, isTradingDay, marketClose, nextOptExpiry, nextTradingDay, optExpiry } from '../functions/trading-days.js';
import { guardedBody, type Body, type OwnCall } from './functions-guard.js';
import { err, type Runtime, type SimpleDate, type Value } from './values.js';

/** The parts of HyperFormula's DateTimeHelper these bodies call beyond values.ts's. */
interface DateHelperMore {
  config: { nullDate: { year: number } };
  relativeNumberToAbsoluteNumber(serial: number): number;
  parseDateTimeFromConfigFormats(text: string): { dateTime?: object };
}

function moreDates(rt: Runtime): DateHelperMore {
  const dates = rt.dates as unknown as DateHelperMore;
  if (typeof dates.relativeNumberToAbsoluteNumber !== 'function' || typeof dates.parseDateTimeFromConfigFormats !== 'function')
    throw new Error('HyperFormula changed its DateTimeHelper; update rules/compiled/functions-dates.ts');
  return dates;
}

/** DatesPlugin's `this.config.nullDate.year === 1904` and its coercion, for this runtime. */
function dateContext(rt: Runtime): DateContext {
  const helper = rt.helper;
  return { date1904: moreDates(rt).config.nullDate.year === 1904, coerce: (text) => helper.coerceScalarToNumberOrError(text) };
}

/** DateTimePlugin's weekdayOffsets. */
const WEEKDAY_OFFSETS = new Map([
  [1, 0],
  [2, 1],
  [11, 1],
  [12, 2],
  [13, 3],
  [14, 4],
  [15, 5],
  [16, 6],
  [17, 0],
]);

const isSimpleDate = (o: unknown): o is SimpleDate =>
  typeof o === 'object' && o !== null && ['year', 'month', 'day'].every((k) => typeof (o as Record<string, unknown>)[k] === 'number');
const isSimpleTime = (o: unknown): o is { hours: number; minutes: number; seconds: number } =>
  typeof o === 'object' &&
  o !== null &&
  ['hours', 'minutes', 'seconds'].every((k) => typeof (o as Record<string, unknown>)[k] === 'number');

/** runFunction bodies, keyed by name; arguments already coerced by functions.ts's prepareCall. */
export const DATE_BODIES: Record<string, Body> = {
  // HyperFormula's DateTimePlugin.
  WEEKDAY: (rt, day: number, type: number) => {
    const absoluteDay = Math.floor(moreDates(rt).relativeNumberToAbsoluteNumber(day));
    if (type === 3) return (absoluteDay - 1) % 7;
    const offset = WEEKDAY_OFFSETS.get(type);
    if (offset === undefined) return err(ErrorType.NUM, 'Mode not recognized.');
    return ((absoluteDay - offset) % 7) + 1;
  },
  DAYS: (_rt, end: number, start: number) => Math.trunc(end) - Math.trunc(start),
  DATEVALUE: (rt, text: string) => {
    const { dateTime } = moreDates(rt).parseDateTimeFromConfigFormats(text);
    if (dateTime === undefined) return err(ErrorType.VALUE, 'String does not represent correct DateTime.');
    if (!isSimpleDate(dateTime)) return 0;
    const time = isSimpleTime(dateTime) ? Math.trunc(((dateTime.seconds / 60 + dateTime.minutes) / 60 + dateTime.hours) / 24) : 0;
    return time + rt.dates.dateToNumber(dateTime);
  },
  // Tickmark's BusinessDaysPlugin and TradingDaysPlugin: their exported bodies.
  BDAYS: (_rt, start: number, end: number, holidays: unknown) => bdays(start, end, holidays),
  NYSEHOLIDAY: (_rt, date: number) => nyseHoliday(date),
  ISTRADINGDAY: (_rt, date: number, calendar: unknown) => isTradingDay(date, calendar),
  NEXTTRADINGDAY: (_rt, date: number, n: number | undefined, calendar: unknown) => nextTradingDay(date, n, calendar),
  MARKETCLOSE: (_rt, date: number, calendar: unknown) => marketClose(date, calendar),
  OPTEXPIRY: (_rt, year: number, month: number, kind: string | undefined, calendar: unknown) => optExpiry(year, month, kind, calendar),
  NEXTOPTEXPIRY: (_rt, date: number, kind: string | undefined, calendar: unknown) => nextOptExpiry(date, kind, calendar),
  FUTEXPIRY: (_rt, root: string, year: number, month: number) => futExpiry(root, year, month),
  // HyperFormula's networkdayscore/workdaycore, through the registered plugin (holidays omitted: undefined).
  NETWORKDAYS: (rt, start: number, end: number, holidays: undefined) => workdayCore(rt, 'networkdayscore', start, end, holidays),
  WORKDAY: (rt, start: number, delta: number, holidays: undefined) => workdayCore(rt, 'workdaycore', start, delta, holidays),
};

type CoreName = 'networkdayscore' | 'workdaycore';
type Core = (a: number, b: number, weekend: number, holidays: undefined) => Value;
const cores = new Map<Runtime, Record<CoreName, Core>>();

/**
 * The registered NETWORKDAYS plugin's method, on an object whose prototype is that plugin's
 * (HolidayTextPlugin over HyperFormula's DateTimePlugin) and whose date helper is this
 * runtime's: the engine's own code, not a copy. Checked against HyperFormula in the
 * differential test; a HyperFormula that renames the methods makes this throw at compile time.
 */
function workdayCore(rt: Runtime, core: CoreName, a: number, b: number, holidays: undefined): Value {
  let known = cores.get(rt);
  if (!known) {
    const plugin = HyperFormula.getFunctionPlugin('NETWORKDAYS') as unknown as { prototype: Record<string, unknown> } | undefined;
    const self = Object.create(plugin?.prototype ?? null) as Record<string, unknown>;
    self.dateTimeHelper = rt.dates;
    for (const name of ['networkdayscore', 'workdaycore', 'countWorkdays', 'simpleRangeToFilteredHolidays'])
      if (typeof self[name] !== 'function') throw new Error(`HyperFormula no longer has ${name}; update rules/compiled/functions-dates.ts`);
    known = {
      networkdayscore: (self.networkdayscore as Core).bind(self),
      workdaycore: (self.workdaycore as Core).bind(self),
    };
    cores.set(rt, known);
  }
  return known[core](a, b, 1, holidays);
}

/** The plugin each body mirrors (functions.ts's OWNERS). */
export const DATE_OWNERS: Record<string, string> = {
  ...Object.fromEntries(['WEEKDAY', 'DAYS', 'DATEVALUE'].map((n) => [n, 'DateTimePlugin'])),
  ...Object.fromEntries(['NETWORKDAYS', 'WORKDAY'].map((n) => [n, 'HolidayTextPlugin'])),
  ...Object.fromEntries(['BDAYS', 'NYSEHOLIDAY'].map((n) => [n, 'BusinessDaysPlugin'])),
  ...Object.fromEntries(
    ['ISTRADINGDAY', 'NEXTTRADINGDAY', 'MARKETCLOSE', 'OPTEXPIRY', 'NEXTOPTEXPIRY', 'FUTEXPIRY'].map((n) => [n, 'TradingDaysPlugin']),
  ),
  ...Object.fromEntries(['DAY', 'MONTH', 'YEAR', 'EDATE', 'EOMONTH'].map((n) => [n, 'DatesPlugin'])),
};

/**
 * DatesPlugin's functions, with its own argument handling: the count checked on the
 * written arguments, each argument as evaluated (an empty one read as empty), no metadata.
 */
export const DATE_OWN_CALLS: Record<string, OwnCall> = {
  ...Object.fromEntries(
    (['DAY', 'MONTH', 'YEAR'] as DatePartName[]).map((name): [string, OwnCall] => [
      name,
      (rt, argCount) => {
        if (argCount !== 1) {
          const e = err(ErrorType.NA, `${name} takes one date`);
          return { call: () => e };
        }
        const context = dateContext(rt);
        const body = guardedBody((v: Value) => datePart(name, v, context));
        return { call: (args) => body(args[0]) };
      },
    ]),
  ),
  ...Object.fromEntries(
    (['EDATE', 'EOMONTH'] as const).map((name): [string, OwnCall] => [
      name,
      (rt, argCount) => {
        if (argCount !== 2) {
          const e = err(ErrorType.NA, `${name} takes a date and a number of months`);
          return { call: () => e };
        }
        const context = dateContext(rt);
        const body = guardedBody((start: Value, months: Value) => dateShift(name, start, () => months, context));
        return { call: (args) => body(args[0], args[1]) };
      },
    ]),
  ),
};
