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
  /** The listed closures in (from, to]. */
  within(from: number, to: number): Iterable<number>;
  /** The session's close as a fraction of a day, or null when the day has no session. */
  closeOf(day: number): number | null;
  /** Whether the calendar knows the day (NYSE's rules are written for 1990–2100). */
  covers(day: number): boolean;
  /** What to call the calendar in a message. */
  readonly label: string;
}

function* nyseWithin(from: number, to: number): Iterable<number> {
  for (let year = yearOf(from); year <= yearOf(to); year++) for (const day of nyseHolidays(year)) if (day > from && day <= to) yield day;
}

/** The built-in NYSE calendar: holidays, special closures and early closes. */
export const NYSE: TradingCalendar = {
  has: isNyseHoliday,
  within: nyseWithin,
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
  const sorted = [...listed].sort((a, b) => a - b);
  const listWithin = (from: number, to: number) => sorted.filter((d) => d > from && d <= to);
  if (!onTopOfNyse) {
    return {
      has: (day) => listed.has(day),
      within: listWithin,
      closeOf: (day) => (isWeekday(day) && !listed.has(day) ? REGULAR_CLOSE : null),
      covers: () => true,
      label: 'the holiday list',
    };
  }
  return {
    has: (day) => listed.has(day) || isNyseHoliday(day),
    within: (from, to) => [...new Set([...nyseWithin(from, to), ...listWithin(from, to)])],
    closeOf: (day) => (listed.has(day) ? null : nyseSessionClose(day)),
    covers: nyseCovers,
    label: NYSE.label,
  };
}

/** Whether a day is a session of the calendar. */
export function isSession(calendar: TradingCalendar, day: number): boolean {
  return isWeekday(day) && !calendar.has(day);
}
