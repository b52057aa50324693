/**
 * NYSE sessions that end before 16:00. By rule (checked against NYSE's published calendars
 * 2000–2030; docs/calendar.md): 13:00 on the day after Thanksgiving (from 1993), on
 * Christmas Eve when it is Monday to Thursday (from 1993; a Friday Christmas Eve is the
 * observed Christmas holiday), and on July 3 when it is Monday, Tuesday or Thursday (from
 * 1995) or Wednesday (from 2013; from 1996 to 2012 a Thursday Independence Day moved the
 * early close to Friday July 5). One-off early closes come from `nyse-special-days.json`.
 */
import { nthWeekday, serialOf, serialOfIso, weekdayOf, yearOf } from './days.js';
import { isNyseHoliday, NYSE_FIRST_YEAR, NYSE_LAST_YEAR } from './nyse.js';
import specialDays from './nyse-special-days.json';

export interface EarlyClose {
  serial: number;
  /** The close as a fraction of a day (13:00 = 13/24). */
  close: number;
  /** The close as `HH:MM`. */
  time: string;
  name: string;
}

/** The regular close, 16:00, as a fraction of a day. */
export const REGULAR_CLOSE = 16 / 24;

function timeOf(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return (hours * 60 + minutes) / 1440;
}

const specialByYear = new Map<number, EarlyClose[]>();
for (const { date, close, name } of specialDays.earlyCloses) {
  const serial = serialOfIso(date);
  if (serial === null || !/^\d{2}:\d{2}$/.test(close))
    throw new Error(`nyse-special-days.json: early close "${date}" at "${close}" is not a date and time`);
  const year = yearOf(serial);
  specialByYear.set(year, [...(specialByYear.get(year) ?? []), { serial, close: timeOf(close), time: close, name }]);
}

function ruleEarlyCloses(year: number): EarlyClose[] {
  const one = (serial: number, name: string): EarlyClose => ({ serial, close: 13 / 24, time: '13:00', name });
  const days: EarlyClose[] = [];
  const july3 = serialOf(year, 7, 3);
  const july3Weekday = weekdayOf(july3);
  if (year >= 1995 && [1, 2, 4].includes(july3Weekday)) days.push(one(july3, 'Day before Independence Day'));
  if (year >= 2013 && july3Weekday === 3) days.push(one(july3, 'Day before Independence Day'));
  if (year >= 1996 && year <= 2012 && july3Weekday === 3) days.push(one(july3 + 2, 'Day after Independence Day'));
  if (year >= 1993) days.push(one(nthWeekday(year, 11, 4, 4) + 1, 'Day after Thanksgiving'));
  const christmasEve = serialOf(year, 12, 24);
  if (year >= 1993 && weekdayOf(christmasEve) >= 1 && weekdayOf(christmasEve) <= 4) days.push(one(christmasEve, 'Christmas Eve'));
  return days;
}

const cache = new Map<number, EarlyClose[]>();

/** The year's early closes in date order (only days that are sessions). */
export function nyseEarlyCloses(year: number): EarlyClose[] {
  const known = cache.get(year);
  if (known) return known;
  const days = [...ruleEarlyCloses(year), ...(specialByYear.get(year) ?? [])]
    .filter((d) => !isNyseHoliday(d.serial))
    .sort((a, b) => a.serial - b.serial);
  cache.set(year, days);
  return days;
}

/**
 * The NYSE close of a day as a fraction of a day (16:00 = 2/3, an early close 13:00 = 13/24),
 * or null when there is no session (a weekend or a closure).
 */
export function nyseSessionClose(serial: number): number | null {
  const day = Math.floor(serial);
  const weekday = weekdayOf(day);
  if (weekday === 0 || weekday === 6 || isNyseHoliday(day)) return null;
  const early = nyseEarlyCloses(yearOf(day)).find((d) => d.serial === day);
  return early ? early.close : REGULAR_CLOSE;
}

/** Whether a day falls in the years the NYSE calendar covers. */
export function nyseCovers(serial: number): boolean {
  const year = yearOf(serial);
  return year >= NYSE_FIRST_YEAR && year <= NYSE_LAST_YEAR;
}
