/** Walking a trading calendar's sessions, within the dates Excel holds (1900–9999). */
import { CalendarFault, LAST_EXCEL_DAY } from './calendar-fault.js';
import { isSession, type TradingCalendar } from './trading-calendar.js';

const outside = () => new CalendarFault('num', 'the resulting date falls outside 1900–9999');

/**
 * The nth session after `day` (n > 0), the |n|th before it (n < 0), or for n = 0 `day`
 * itself when it is a session, else the next one.
 */
export function nthSession(calendar: TradingCalendar, day: number, n: number): number | CalendarFault {
  let current = Math.floor(day);
  if (n === 0) {
    while (!isSession(calendar, current)) if (++current > LAST_EXCEL_DAY) return outside();
    return current;
  }
  const step = n > 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0;) {
    current += step;
    if (current < 1 || current > LAST_EXCEL_DAY) return outside();
    // Past the years the calendar knows, there is nothing to count: stop rather than walk to 9999.
    if (!calendar.covers(current)) return new CalendarFault('num', `the date falls outside ${calendar.label}`);
    if (isSession(calendar, current)) left -= 1;
  }
  return current;
}

/** `day` when it is a session, else the last session before it. */
export function sessionOnOrBefore(calendar: TradingCalendar, day: number): number | CalendarFault {
  return isSession(calendar, day) ? day : nthSession(calendar, day, -1);
}
