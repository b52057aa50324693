/** Counting a trading calendar's sessions, within the dates Excel holds (1900–9999). */
import { CalendarFault, LAST_EXCEL_DAY } from './calendar-fault.js';
import { weekdayOf } from './days.js';
import { isSession, type TradingCalendar } from './trading-calendar.js';

const outside = () => new CalendarFault('num', 'the resulting date falls outside 1900–9999');

/**
 * The nth session after `day` (n > 0), the |n|th before it (n < 0), or for n = 0 `day`
 * itself when it is a session, else the next one.
 *
 * Its meaning is a walk, one day at a time, failing on the first day stepped on that is
 * outside 1900–9999 or outside the calendar. It is computed by jumps instead (a count of
 * a million would walk 1.4 million days): go `left` weekdays on, then go on again by the
 * weekday closures the jump passed, until a jump passes none.
 */
export function nthSession(calendar: TradingCalendar, day: number, n: number): number | CalendarFault {
  let current = Math.floor(day);
  if (n === 0) {
    while (!isSession(calendar, current)) if (++current > LAST_EXCEL_DAY) return outside();
    return current;
  }
  const forward = n > 0;
  for (let left = Math.abs(n); left > 0;) {
    const target = forward ? weekdaysAfter(current, left) : weekdaysBefore(current, left);
    const fault = firstFault(calendar, forward ? current + 1 : current - 1, target);
    if (fault) return fault;
    left = forward ? calendar.closedWeekdays(current, target) : calendar.closedWeekdays(target - 1, current - 1);
    current = target;
  }
  return current;
}

/** `day` when it is a session, else the last session before it. */
export function sessionOnOrBefore(calendar: TradingCalendar, day: number): number | CalendarFault {
  return isSession(calendar, day) ? day : nthSession(calendar, day, -1);
}

/**
 * What the walk from `first` to `last` (either way) would stop on, or null. Excel's dates
 * and a calendar's span (TradingCalendar.covers) are each one unbroken run of days, so the
 * two ends tell: a first day outside either fails there; otherwise the walk leaves the
 * calendar before it leaves Excel's dates (the NYSE ends in 2100), or runs off Excel's.
 */
function firstFault(calendar: TradingCalendar, first: number, last: number): CalendarFault | null {
  const inExcel = (d: number) => d >= 1 && d <= LAST_EXCEL_DAY;
  const calendarFault = () => new CalendarFault('num', `the date falls outside ${calendar.label}`);
  if (!inExcel(first)) return outside();
  if (!calendar.covers(first)) return calendarFault();
  if (!calendar.covers(Math.min(Math.max(last, 1), LAST_EXCEL_DAY))) return calendarFault();
  return inExcel(last) ? null : outside();
}

/** The kth Monday-to-Friday day after `day` (k >= 1). */
function weekdaysAfter(day: number, k: number): number {
  // The weekdays after a Saturday or a Sunday are those after the Friday before.
  const weekday = weekdayOf(day);
  const friday = weekday === 6 ? day - 1 : weekday === 0 ? day - 2 : day;
  const from = weekdayOf(friday); // 1 Monday … 5 Friday
  const rest = ((k - 1) % 5) + 1;
  return friday + Math.floor((k - 1) / 5) * 7 + rest + (from + rest > 5 ? 2 : 0);
}

/** The kth Monday-to-Friday day before `day` (k >= 1). */
function weekdaysBefore(day: number, k: number): number {
  // The weekdays before a Saturday or a Sunday are those before the Monday after.
  const weekday = weekdayOf(day);
  const monday = weekday === 6 ? day + 2 : weekday === 0 ? day + 1 : day;
  const from = weekdayOf(monday);
  const rest = ((k - 1) % 5) + 1;
  return monday - Math.floor((k - 1) / 5) * 7 - rest - (from - rest < 1 ? 2 : 0);
}
