/**
 * The NYSE calendar (1990–2100), as Excel serial dates: full-day holidays by rule (NYSE Rule
 * 7.2 for weekends), the special closures shipped in `nyse-special-days.json`, and the
 * sessions that close early (`nyse-early-closes.ts`). docs/calendar.md writes the rules down.
 */
import { easterSunday } from './easter.js';
import { isWeekday, lastWeekday, nthWeekday, partsOf, serialOf, serialOfIso, weekdayOf, yearOf } from './days.js';
import specialDays from './nyse-special-days.json';

export { serialOf, weekdayOf } from './days.js';

/** The years the NYSE calendar is defined for. */
export const NYSE_FIRST_YEAR = 1990;
export const NYSE_LAST_YEAR = 2100;

/** A day the exchange is closed, with the name NYSE gives it. */
export interface NamedDay {
  serial: number;
  name: string;
}

/**
 * NYSE Rule 7.2: a holiday on a Sunday is observed the Monday after; one on a Saturday the
 * Friday before, unless that Friday ends a month (and so perhaps a year): then none is.
 * Only New Year's Day meets the exception (Friday December 31).
 */
function observed(serial: number, name: string): NamedDay | null {
  const weekday = weekdayOf(serial);
  if (weekday === 0) return { serial: serial + 1, name: `${name} (observed)` };
  if (weekday !== 6) return { serial, name };
  const friday = serial - 1;
  const endsMonth = partsOf(friday + 3).month !== partsOf(friday).month;
  return endsMonth ? null : { serial: friday, name: `${name} (observed)` };
}

/** The year's holidays by rule, before special closures. */
function ruleHolidays(year: number): NamedDay[] {
  const fixed = (month: number, day: number, name: string) => observed(serialOf(year, month, day), name);
  const days: (NamedDay | null)[] = [
    fixed(1, 1, "New Year's Day"),
    year >= 1998 ? { serial: nthWeekday(year, 1, 1, 3), name: 'Martin Luther King, Jr. Day' } : null,
    { serial: nthWeekday(year, 2, 1, 3), name: "Washington's Birthday" },
    { serial: easterSunday(year) - 2, name: 'Good Friday' },
    { serial: lastWeekday(year, 5, 1), name: 'Memorial Day' },
    year >= 2022 ? fixed(6, 19, 'Juneteenth National Independence Day') : null,
    fixed(7, 4, 'Independence Day'),
    { serial: nthWeekday(year, 9, 1, 1), name: 'Labor Day' },
    { serial: nthWeekday(year, 11, 4, 4), name: 'Thanksgiving Day' },
    fixed(12, 25, 'Christmas Day'),
  ];
  return days.filter((d): d is NamedDay => d !== null);
}

/** The shipped special closures, by year; each must be a weekday the rules leave open. */
const closuresByYear = new Map<number, NamedDay[]>();
for (const { date, name } of specialDays.closures) {
  const serial = serialOfIso(date);
  if (serial === null || !isWeekday(serial)) throw new Error(`nyse-special-days.json: closure "${date}" is not a weekday`);
  const year = yearOf(serial);
  closuresByYear.set(year, [...(closuresByYear.get(year) ?? []), { serial, name }]);
}

const cache = new Map<number, NamedDay[]>();

/** The year's full-day closures (rule holidays and special closures), named, in date order. */
export function nyseClosedDays(year: number): NamedDay[] {
  const known = cache.get(year);
  if (known) return known;
  const days = [...ruleHolidays(year), ...(closuresByYear.get(year) ?? [])].sort((a, b) => a.serial - b.serial);
  cache.set(year, days);
  return days;
}

/** The year's NYSE full-day closures as sorted Excel serials. */
export function nyseHolidays(year: number): number[] {
  return nyseClosedDays(year).map((d) => d.serial);
}

/** Whether an Excel serial date is an NYSE full-day closure (holiday or special closure). */
export function isNyseHoliday(serial: number): boolean {
  return nyseHolidays(yearOf(serial)).includes(Math.floor(serial));
}
