/**
 * nthSession counts sessions by jumps; its meaning is the walk below, one day at a time
 * (the code it replaced, kept here as the independent statement). Random days, counts and
 * calendars, including the ends of Excel's dates and of the NYSE's 1990–2100, must agree
 * with the walk on the day or on the fault.
 */
import { describe, expect, it } from 'vitest';
import { CalendarFault, LAST_EXCEL_DAY } from '../../rules/calendars/calendar-fault.js';
import { isoOf, serialOf } from '../../rules/calendars/days.js';
import { nthSession } from '../../rules/calendars/sessions.js';
import { holidayListCalendar, isSession, NYSE, type TradingCalendar } from '../../rules/calendars/trading-calendar.js';

function walked(calendar: TradingCalendar, day: number, n: number): number | CalendarFault {
  let current = Math.floor(day);
  if (n === 0) {
    while (!isSession(calendar, current)) if (++current > LAST_EXCEL_DAY) return new CalendarFault('num', 'outside Excel');
    return current;
  }
  const step = n > 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0;) {
    current += step;
    if (current < 1 || current > LAST_EXCEL_DAY) return new CalendarFault('num', 'the resulting date falls outside 1900–9999');
    if (!calendar.covers(current)) return new CalendarFault('num', `the date falls outside ${calendar.label}`);
    if (isSession(calendar, current)) left -= 1;
  }
  return current;
}

const shown = (r: number | CalendarFault) => (r instanceof CalendarFault ? `fault: ${r.message}` : isoOf(r));

/** A small deterministic generator (mulberry32), so a failure names a case that can be rerun. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('nthSession', () => {
  it('gives hand-worked NYSE answers', () => {
    const at = (y: number, m: number, d: number, n: number) => shown(nthSession(NYSE, serialOf(y, m, d), n));
    expect(at(2026, 12, 24, 1)).toBe('2026-12-28'); // Friday 25th is Christmas
    expect(at(2026, 12, 28, -1)).toBe('2026-12-24');
    expect(at(2026, 12, 26, 0)).toBe('2026-12-28'); // a Saturday: the next session
    expect(at(2001, 9, 10, 1)).toBe('2001-09-17'); // closed 11–14 September 2001
    expect(at(2026, 12, 2, 10)).toBe('2026-12-16'); // two plain weeks
    expect(at(2100, 12, 30, 2)).toMatch(/^fault: the date falls outside the NYSE calendar/); // 31st, then 2101
    expect(at(1990, 1, 2, -2)).toMatch(/^fault: the date falls outside the NYSE calendar/); // 1 January is a holiday, then 1989
  });

  it('gives a plain weekday count on a calendar with no closures', () => {
    const none = holidayListCalendar([], false);
    const friday = serialOf(2026, 12, 4);
    expect(shown(nthSession(none, friday, 1))).toBe('2026-12-07');
    expect(shown(nthSession(none, friday, 5))).toBe('2026-12-11');
    expect(shown(nthSession(none, friday, 6))).toBe('2026-12-14');
    expect(shown(nthSession(none, friday, -5))).toBe('2026-11-27');
    expect(shown(nthSession(none, friday + 1, -1))).toBe('2026-12-04'); // from Saturday back to Friday
    expect(shown(nthSession(none, friday + 2, 1))).toBe('2026-12-07'); // from Sunday on to Monday
    expect(shown(nthSession(none, 10, 1e9))).toMatch(/^fault: the resulting date falls outside 1900–9999/);
    expect(shown(nthSession(none, 10, -20))).toMatch(/^fault: the resulting date falls outside 1900–9999/);
  });

  // The walk is slow on long counts (a day at a time), so long counts are fewer.
  it.each([
    { cases: 20_000, longest: 2_000 },
    { cases: 400, longest: 60_000 },
    { cases: 30, longest: 4_000_000 },
  ])('agrees with the day-by-day walk on $cases random cases of counts up to $longest', ({ cases: wanted, longest }) => {
    const next = random(20261202 + longest);
    const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
    const nyseStart = serialOf(1990, 1, 1);
    const nyseEnd = serialOf(2100, 12, 31);
    const day = () =>
      pick([
        () => nyseStart + Math.floor(next() * (nyseEnd - nyseStart + 1)),
        () => nyseStart + Math.floor(next() * 30),
        () => nyseEnd - Math.floor(next() * 30),
        () => 1 + Math.floor(next() * 40),
        () => LAST_EXCEL_DAY - Math.floor(next() * 40),
        () => 1 + Math.floor(next() * LAST_EXCEL_DAY),
      ])();
    const count = () => pick([() => Math.floor(next() * 11) - 5, () => Math.round((next() - 0.5) * 2 * longest)])();
    const listOf = (around: number) => {
      const days = [];
      // Closures, weekends among them, some listed twice.
      for (let i = Math.floor(next() * 300); i > 0; i--) days.push(around + Math.floor((next() - 0.5) * 4000));
      return [...days, ...days.slice(0, 10)];
    };
    let cases = 0;
    const mismatches: string[] = [];
    for (let i = 0; i < wanted; i++) {
      const from = day();
      const n = count();
      const calendar = pick([() => NYSE, () => holidayListCalendar(listOf(from), false), () => holidayListCalendar(listOf(from), true)])();
      // A start outside the calendar is refused before the count by the functions, but the walk still has a meaning.
      const expected = shown(walked(calendar, from, n));
      const actual = shown(nthSession(calendar, from, n));
      cases += 1;
      if (actual !== expected && mismatches.length < 5)
        mismatches.push(`${isoOf(from)} ${n} (${calendar.label}): ${actual}, walk ${expected}`);
    }
    expect(mismatches).toEqual([]);
    expect(cases).toBe(wanted);
  });
});
