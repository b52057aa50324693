/**
 * Date and time text as Excel (United States settings) reads it, for DATEVALUE, TIMEVALUE,
 * DAYS and any arithmetic on text: HyperFormula's `parseDateTime` setting. HyperFormula's own
 * parser takes only the configured numeric formats; Excel also reads month names
 * ("22-MAY-2011", "May 22, 2011", "22 May 2011", "5-JUL" in the current year), year-first
 * dates ("2011/02/23") and times with AM/PM ("2:24 AM", "22-Aug-2011 6:35 AM").
 *
 * What it does not recognise stays text (the caller's #VALUE!); it never guesses between
 * readings: day-first numeric dates ("23/2/2011") and "mmm-nn" ("Feb-23", a day or a year?)
 * are not read. HyperFormula checks the date exists and maps two-digit years (00-29 to 20xx).
 */
import type { ConfigParams } from 'hyperformula';

type DateTime = NonNullable<ReturnType<ConfigParams['parseDateTime']>>;

const MONTHS = 'january february march april may june july august september october november december'.split(' ');

/** The month (1-12) a name or its first three letters stand for , or null. */
function monthNumber(name: string): number | null {
  const lower = name.toLowerCase();
  if (lower.length < 3) return null;
  const index = MONTHS.findIndex((full) => full.startsWith(lower));
  return index < 0 ? null : index + 1;
}

type SimpleDate = { year: number; month: number; day: number };
type SimpleTime = { hours: number; minutes: number; seconds: number };

const NUMERIC_MDY = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?$/;
const NUMERIC_YMD = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})[-\s/]([a-z]+)\.?(?:[-\s/,]+(\d{2}|\d{4}))?$/i;
const MONTH_DAY_YEAR = /^([a-z]+)\.?\s+(\d{1,2})(?:,?\s+(\d{2}|\d{4}))?$/i;
const MONTH_YEAR = /^([a-z]+)\.?[-\s/](\d{4})$/i;
const TIME = /^(\d{1,2})(?::(\d{1,2}))?(?::(\d{1,2}(?:\.\d+)?))?\s*(am|pm|a|p)?$/i;

function date(year: number | string | undefined, month: number | null, day: number | string): SimpleDate | undefined {
  if (month === null) return undefined;
  return { year: year === undefined ? new Date().getFullYear() : Number(year), month, day: Number(day) };
}

/** The date part, or undefined when the text is no date Excel reads. */
function parseDate(text: string): SimpleDate | undefined {
  let m = NUMERIC_YMD.exec(text);
  if (m) return date(m[1], Number(m[2]), m[3]);
  m = NUMERIC_MDY.exec(text);
  if (m) return date(m[3], Number(m[1]), m[2]);
  m = DAY_MONTH_YEAR.exec(text);
  if (m) return date(m[3], monthNumber(m[2]), m[1]);
  m = MONTH_DAY_YEAR.exec(text);
  if (m) return date(m[3], monthNumber(m[1]), m[2]);
  m = MONTH_YEAR.exec(text);
  if (m) return date(m[2], monthNumber(m[1]), 1);
  return undefined;
}

/** The time part, or undefined. A bare number is no time; with AM/PM the hour is 0-12. */
function parseTime(text: string): SimpleTime | undefined {
  const m = TIME.exec(text);
  if (!m || (m[2] === undefined && m[4] === undefined)) return undefined;
  let hours = Number(m[1]);
  const minutes = Number(m[2] ?? 0);
  const seconds = Number(m[3] ?? 0);
  if (minutes > 59 || seconds >= 60) return undefined;
  if (m[4]) {
    if (hours > 12) return undefined;
    hours = (hours % 12) + (m[4].toLowerCase().startsWith('p') ? 12 : 0);
  }
  return { hours, minutes, seconds };
}

/** HyperFormula's `parseDateTime`: a date, a time, or a date and a time separated by a space. */
export function parseExcelDateTime(text: string): DateTime | undefined {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed === '' || /^[-+]?\d+(\.\d+)?$/.test(trimmed)) return undefined;
  const whole = parseDate(trimmed) ?? parseTime(trimmed);
  if (whole) return whole;
  // A date followed by a time: try each space as the boundary, the last first ("May 22, 2011 6:35 AM").
  const spaces = [...trimmed.matchAll(/ /g)].map((s) => s.index).reverse();
  for (const at of spaces) {
    const day = parseDate(trimmed.slice(0, at));
    const time = day && parseTime(trimmed.slice(at + 1));
    if (day && time) return { ...day, ...time };
  }
  return undefined;
}
