/**
 * The NYSE calendar as a list of events, for `tickmark calendar`, the calendar page and its
 * ICS feed: holidays and special closures, early closes, option expirations and (on request)
 * weekly expirations and futures last trading days.
 */
import { RuleError } from '../errors.js';
import { CalendarFault } from './calendar-fault.js';
import { isoOf, monthName, nthWeekday, serialOf, yearOf } from './days.js';
import { futuresLastTradingDay, FUTURES_ROOTS } from './futures.js';
import { nyseClosedDays, NYSE_FIRST_YEAR, NYSE_LAST_YEAR } from './nyse.js';
import { nyseEarlyCloses, nyseSessionClose } from './nyse-early-closes.js';
import { monthExpiry, weeklyExpiry } from './option-expirations.js';
import { NYSE } from './trading-calendar.js';

export interface CalendarEvent {
  /** `YYYY-MM-DD`. */
  date: string;
  /** `holiday`, `early close`, `monthly expiration`, `quarterly expiration`, `weekly expiration` or `futures last trading day`. */
  event: string;
  /** The holiday's name, the early close's time (`13:00`), the expiration's month (`Mar 2026`, `Q1 2026`), the futures contract (`CL Jan 2027`). */
  detail: string;
}

export interface CalendarEventOptions {
  /** Futures roots whose last trading days to list (FUTEXPIRY's roots: ES, CL, …). */
  futuresRoots?: string[];
  /** List each week's expiration too (except in the week of the monthly one, which is the same day). */
  weekly?: boolean;
}

/** The order of events on the same day. */
const EVENT_ORDER = [
  'holiday',
  'early close',
  'monthly expiration',
  'quarterly expiration',
  'weekly expiration',
  'futures last trading day',
];

/** The close of an NYSE day as a fraction of a day (16:00 = 2/3, 13:00 = 13/24), null without a session. */
export function sessionClose(serial: number): number | null {
  return nyseSessionClose(serial);
}

/**
 * Every event of the NYSE calendar from the start of `fromYear` to the end of `toYear`, in
 * date order. Years outside 1990–2100, a `toYear` before `fromYear` or an unknown futures
 * root are a RuleError naming the value.
 * @example calendarEvents(2026, 2026, { futuresRoots: ['CL'] })[0] // { date: '2026-01-01', event: 'holiday', detail: "New Year's Day" }
 */
export function calendarEvents(fromYear: number, toYear: number, options: CalendarEventOptions = {}): CalendarEvent[] {
  checkYear('FROM_YEAR', fromYear);
  checkYear('TO_YEAR', toYear);
  if (toYear < fromYear) throw new RuleError('bad_parameter', `TO_YEAR ${toYear} is before FROM_YEAR ${fromYear}`);
  const roots = (options.futuresRoots ?? []).map((root) => root.trim().toUpperCase());
  for (const root of roots)
    if (!Object.prototype.hasOwnProperty.call(FUTURES_ROOTS, root))
      throw new RuleError('bad_parameter', `unknown futures root "${root}"; known roots: ${Object.keys(FUTURES_ROOTS).join(', ')}`);

  const events: (CalendarEvent & { serial: number; rank: number })[] = [];
  const add = (serial: number | CalendarFault, event: string, detail: string, rank = 0) => {
    if (serial instanceof CalendarFault) throw new RuleError('bad_parameter', serial.message);
    if (yearOf(serial) >= fromYear && yearOf(serial) <= toYear) events.push({ serial, date: isoOf(serial), event, detail, rank });
  };
  for (let year = fromYear; year <= toYear; year++) {
    for (const day of nyseClosedDays(year)) add(day.serial, 'holiday', day.name);
    for (const day of nyseEarlyCloses(year)) add(day.serial, 'early close', day.time);
    const monthlies = new Set<number>();
    for (let month = 1; month <= 12; month++) {
      const monthly = monthExpiry(NYSE, year, month, 'monthly');
      if (!(monthly instanceof CalendarFault)) monthlies.add(monthly);
      add(monthly, 'monthly expiration', `${monthName(month)} ${year}`);
      if (month % 3 === 0) add(monthExpiry(NYSE, year, month, 'quarterly'), 'quarterly expiration', `Q${month / 3} ${year}`);
    }
    if (options.weekly) {
      for (let friday = nthWeekday(year, 1, 5, 1); friday <= serialOf(year, 12, 31); friday += 7) {
        const weekly = weeklyExpiry(NYSE, friday);
        if (weekly instanceof CalendarFault || !monthlies.has(weekly)) add(weekly, 'weekly expiration', '');
      }
    }
  }
  // A contract's last trading day can fall in the year before its delivery month (CL, NG, VX).
  roots.forEach((root, index) => {
    for (let year = fromYear; year <= toYear + 1; year++) {
      for (let month = 1; month <= 12; month++) {
        const listed = FUTURES_ROOTS[root].months;
        if (listed && !listed.includes(month)) continue;
        const last = futuresLastTradingDay(root, year, month);
        // Next year's contracts only matter when their last day falls this side of the range (and of 2100).
        if (last instanceof CalendarFault && year > toYear) continue;
        add(last, 'futures last trading day', `${root} ${monthName(month)} ${year}`, index);
      }
    }
  });
  return events
    .sort((a, b) => a.serial - b.serial || EVENT_ORDER.indexOf(a.event) - EVENT_ORDER.indexOf(b.event) || a.rank - b.rank)
    .map(({ date, event, detail }) => ({ date, event, detail }));
}

function checkYear(name: string, year: number): void {
  if (!Number.isInteger(year) || year < NYSE_FIRST_YEAR || year > NYSE_LAST_YEAR)
    throw new RuleError('bad_parameter', `${name} ${year} is not a year the NYSE calendar covers (${NYSE_FIRST_YEAR}–${NYSE_LAST_YEAR})`);
}
