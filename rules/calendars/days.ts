/**
 * Calendar arithmetic on Excel serial dates (1900 system, serial 1 = 1900-01-01; the
 * calendars only deal in days after 1900-03-01, where Excel's phantom 1900-02-29 no longer
 * matters). Pure and timezone-free: every date is a UTC calendar day.
 */

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** Excel serial for a calendar day (month 1–12; day 0 is the last day of the month before). */
export function serialOf(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - EXCEL_EPOCH) / DAY;
}

/** Weekday of an Excel serial: 0 Sunday … 6 Saturday (serial 0, 1899-12-30, was a Saturday). */
export function weekdayOf(serial: number): number {
  return (((Math.floor(serial) + 6) % 7) + 7) % 7;
}

/** Year, month (1–12) and day of an Excel serial. */
export function partsOf(serial: number): { year: number; month: number; day: number } {
  const date = new Date(EXCEL_EPOCH + Math.floor(serial) * DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The year of an Excel serial. */
export function yearOf(serial: number): number {
  return partsOf(serial).year;
}

/** `YYYY-MM-DD` for an Excel serial. */
export function isoOf(serial: number): string {
  return new Date(EXCEL_EPOCH + Math.floor(serial) * DAY).toISOString().slice(0, 10);
}

/** The serial of a `YYYY-MM-DD` text, or null when it is not a real calendar day. */
export function serialOfIso(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const serial = serialOf(year, month, day);
  const back = partsOf(serial);
  return back.year === year && back.month === month && back.day === day ? serial : null;
}

/** Monday to Friday. */
export function isWeekday(serial: number): boolean {
  const weekday = weekdayOf(serial);
  return weekday !== 0 && weekday !== 6;
}

/** The nth (1-based) given weekday (0 Sunday … 6 Saturday) of a month. */
export function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = serialOf(year, month, 1);
  return first + ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7;
}

/** The last given weekday of a month. */
export function lastWeekday(year: number, month: number, weekday: number): number {
  const last = serialOf(year, month + 1, 0);
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

/** The first and last day of a month. */
export function monthBounds(year: number, month: number): { first: number; last: number } {
  return { first: serialOf(year, month, 1), last: serialOf(year, month + 1, 0) };
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Jan` … `Dec`. */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1];
}
