/**
 * NYSE full-day holidays computed by rule (1990–2100), as Excel serial dates. Special
 * closures (national days of mourning, weather) are not rules and are not included:
 * add them to a holiday list sheet.
 */

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** Excel serial for a calendar day. */
export function serialOf(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - EXCEL_EPOCH) / DAY;
}

/** Weekday of an Excel serial: 0 Sunday … 6 Saturday (serial 0, 1899-12-30, was a Saturday). */
export function weekdayOf(serial: number): number {
  return (((Math.floor(serial) + 6) % 7) + 7) % 7;
}

function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = serialOf(year, month, 1);
  const offset = (weekday - weekdayOf(first) + 7) % 7;
  return first + offset + (n - 1) * 7;
}

function lastWeekday(year: number, month: number, weekday: number): number {
  const last = serialOf(year, month + 1, 0);
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

/** Easter Sunday (anonymous Gregorian algorithm). */
function easter(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return serialOf(year, month, day);
}

/** Saturday holidays are observed the Friday before, Sunday ones the Monday after. */
function observed(serial: number): number {
  const weekday = weekdayOf(serial);
  return weekday === 6 ? serial - 1 : weekday === 0 ? serial + 1 : serial;
}

const cache = new Map<number, number[]>();

/** The year's NYSE holidays as sorted Excel serials. */
export function nyseHolidays(year: number): number[] {
  const known = cache.get(year);
  if (known) return known;
  const days: number[] = [];
  const newYear = serialOf(year, 1, 1);
  // A Saturday New Year's Day is not observed on the Friday before (NYSE Rule 7.2).
  if (weekdayOf(newYear) !== 6) days.push(observed(newYear));
  if (year >= 1998) days.push(nthWeekday(year, 1, 1, 3));
  days.push(nthWeekday(year, 2, 1, 3));
  days.push(easter(year) - 2);
  days.push(lastWeekday(year, 5, 1));
  if (year >= 2022) days.push(observed(serialOf(year, 6, 19)));
  days.push(observed(serialOf(year, 7, 4)));
  days.push(nthWeekday(year, 9, 1, 1));
  days.push(nthWeekday(year, 11, 4, 4));
  days.push(observed(serialOf(year, 12, 25)));
  days.sort((a, b) => a - b);
  cache.set(year, days);
  return days;
}

/** Whether an Excel serial date is an NYSE holiday. */
export function isNyseHoliday(serial: number): boolean {
  const year = new Date(EXCEL_EPOCH + Math.trunc(serial) * DAY).getUTCFullYear();
  return nyseHolidays(year).includes(Math.trunc(serial));
}
