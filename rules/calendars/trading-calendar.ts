/**
 * A trading calendar: which weekdays are closed and when each session ends. `NYSE` is the
 * built-in one; a holiday list (a range of dates in a sheet) is either a calendar of its own
 * (every weekday not listed is a 16:00 session) or NYSE plus the listed extra closures.
 */
import { isWeekday, yearOf } from './days.js';
import { isNyseHoliday, nyseHolidays, NYSE_FIRST_YEAR, NYSE_LAST_YEAR } from './nyse.js';
import { nyseCovers, nyseSessionClose, REGULAR_CLOSE } from './nyse-early-closes.js';

export interface TradingCalendar {
  /** Whether a day is a listed closure (weekends are closed whatever the list says). */
  has(day: number): boolean;
  /** How many Monday-to-Friday closures fall in (from, to] (weekends are closed anyway). */
  closedWeekdays(from: number, to: number): number;
  /** The session's close as a fraction of a day, or null when the day has no session. */
  closeOf(day: number): number | null;
  /** Whether the calendar knows the day (NYSE's rules are written for 1990–2100). */
  covers(day: number): boolean;
  /** What to call the calendar in a message. */
  readonly label: string;
}

/**
 * NYSE's weekday closures in (from, to]: the whole years between the two ends from running
 * totals (made once, on the first span of years), the end years from their own lists, so a
 * span of centuries costs what one of months does.
 */
function nyseClosedWeekdays(from: number, to: number): number {
  if (to <= from) return 0;
  const [first, last] = [yearOf(from), yearOf(to)];
  const inYear = (year: number) => nyseHolidays(year).filter((d) => d > from && d <= to && isWeekday(d)).length;
  if (first === last) return inYear(first);
  return inYear(first) + closedBetweenYears(first, last) + inYear(last);
}

/** Running totals of NYSE weekday closures by year, from 1900 (index 0) to 9999. */
let totalsByYear: Int32Array | null = null;

/** NYSE weekday closures in the years after `first` and before `last`. */
function closedBetweenYears(first: number, last: number): number {
  if (last - first < 2) return 0;
  if (!totalsByYear) {
    totalsByYear = new Int32Array(9999 - 1900 + 2);
    for (let year = 1900; year <= 9999; year++)
      totalsByYear[year - 1900 + 1] = totalsByYear[year - 1900] + nyseHolidays(year).filter(isWeekday).length;
  }
  // totalsByYear[y - 1900] counts the years before y.
  const before = (year: number) => totalsByYear![Math.min(Math.max(year, 1900), 10000) - 1900];
  return before(last) - before(first + 1);
}

/** How many of the sorted `days` fall in (from, to]. */
function countWithin(days: number[], from: number, to: number): number {
  const firstAfter = (x: number) => {
    let [lo, hi] = [0, days.length];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (days[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return to <= from ? 0 : firstAfter(to) - firstAfter(from);
}

/** The built-in NYSE calendar: holidays, special closures and early closes. */
export const NYSE: TradingCalendar = {
  has: isNyseHoliday,
  closedWeekdays: nyseClosedWeekdays,
  closeOf: nyseSessionClose,
  covers: nyseCovers,
  label: `the NYSE calendar (${NYSE_FIRST_YEAR}–${NYSE_LAST_YEAR})`,
};

/**
 * A calendar from a holiday list. With `onTopOfNyse` the listed days are closed as well as
 * NYSE's (and NYSE's early closes stand); without it the list is the whole calendar.
 */
export function holidayListCalendar(days: Iterable<number>, onTopOfNyse: boolean): TradingCalendar {
  const listed = new Set([...days].map(Math.floor));
  const weekdays = [...listed].filter(isWeekday).sort((a, b) => a - b);
  if (!onTopOfNyse) {
    return {
      has: (day) => listed.has(day),
      closedWeekdays: (from, to) => countWithin(weekdays, from, to),
      closeOf: (day) => (isWeekday(day) && !listed.has(day) ? REGULAR_CLOSE : null),
      covers: () => true,
      label: 'the holiday list',
    };
  }
  // A listed day NYSE closes anyway counts once.
  const extra = weekdays.filter((d) => !isNyseHoliday(d));
  return {
    has: (day) => listed.has(day) || isNyseHoliday(day),
    closedWeekdays: (from, to) => nyseClosedWeekdays(from, to) + countWithin(extra, from, to),
    closeOf: (day) => (listed.has(day) ? null : nyseSessionClose(day)),
    covers: nyseCovers,
    label: NYSE.label,
  };
}

/** Whether a day is a session of the calendar. */
export function isSession(calendar: TradingCalendar, day: number): boolean {
  return isWeekday(day) && !calendar.has(day);
}
