import { describe, expect, it } from 'vitest';
import { isoOf, serialOf } from '../../rules/calendars/days.js';
import { isNyseHoliday, nyseClosedDays, nyseHolidays } from '../../rules/calendars/nyse.js';
import { nyseEarlyCloses, nyseSessionClose } from '../../rules/calendars/nyse-early-closes.js';
import specialDays from '../../rules/calendars/nyse-special-days.json';

/**
 * Every NYSE full-day closure and 13:00 early close, 2000–2030, as MM-DD per year. Written
 * from NYSE's published holiday calendars and announcements where we have them (2014–2016,
 * 2019–2028 from NYSE's yearly releases; 2001-09-11..14, 2004-06-11, 2007-01-02,
 * 2012-10-29/30, 2018-12-05, 2025-01-09 closures; 2002-07-05 and 2003-12-26 early closes),
 * and for the other years from the published rules worked out independently of Tickmark's
 * code (a separate Python computation with dateutil's Easter, reviewed date by date).
 * Early closes are at 13:00 except the unscheduled ones in UNSCHEDULED.
 */
const PUBLISHED: [number, string, string][] = [
  [2000, '01-17 02-21 04-21 05-29 07-04 09-04 11-23 12-25', '07-03 11-24'],
  [2001, '01-01 01-15 02-19 04-13 05-28 07-04 09-03 09-11 09-12 09-13 09-14 11-22 12-25', '07-03 11-23 12-24'],
  [2002, '01-01 01-21 02-18 03-29 05-27 07-04 09-02 11-28 12-25', '07-05 11-29 12-24'],
  [2003, '01-01 01-20 02-17 04-18 05-26 07-04 09-01 11-27 12-25', '07-03 11-28 12-24 12-26'],
  [2004, '01-01 01-19 02-16 04-09 05-31 06-11 07-05 09-06 11-25 12-24', '11-26'],
  [2005, '01-17 02-21 03-25 05-30 07-04 09-05 11-24 12-26', '06-01 11-25'],
  [2006, '01-02 01-16 02-20 04-14 05-29 07-04 09-04 11-23 12-25', '07-03 11-24'],
  [2007, '01-01 01-02 01-15 02-19 04-06 05-28 07-04 09-03 11-22 12-25', '07-03 11-23 12-24'],
  [2008, '01-01 01-21 02-18 03-21 05-26 07-04 09-01 11-27 12-25', '07-03 11-28 12-24'],
  [2009, '01-01 01-19 02-16 04-10 05-25 07-03 09-07 11-26 12-25', '11-27 12-24'],
  [2010, '01-01 01-18 02-15 04-02 05-31 07-05 09-06 11-25 12-24', '11-26'],
  [2011, '01-17 02-21 04-22 05-30 07-04 09-05 11-24 12-26', '11-25'],
  [2012, '01-02 01-16 02-20 04-06 05-28 07-04 09-03 10-29 10-30 11-22 12-25', '07-03 11-23 12-24'],
  [2013, '01-01 01-21 02-18 03-29 05-27 07-04 09-02 11-28 12-25', '07-03 11-29 12-24'],
  [2014, '01-01 01-20 02-17 04-18 05-26 07-04 09-01 11-27 12-25', '07-03 11-28 12-24'],
  [2015, '01-01 01-19 02-16 04-03 05-25 07-03 09-07 11-26 12-25', '11-27 12-24'],
  [2016, '01-01 01-18 02-15 03-25 05-30 07-04 09-05 11-24 12-26', '11-25'],
  [2017, '01-02 01-16 02-20 04-14 05-29 07-04 09-04 11-23 12-25', '07-03 11-24'],
  [2018, '01-01 01-15 02-19 03-30 05-28 07-04 09-03 11-22 12-05 12-25', '07-03 11-23 12-24'],
  [2019, '01-01 01-21 02-18 04-19 05-27 07-04 09-02 11-28 12-25', '07-03 11-29 12-24'],
  [2020, '01-01 01-20 02-17 04-10 05-25 07-03 09-07 11-26 12-25', '11-27 12-24'],
  [2021, '01-01 01-18 02-15 04-02 05-31 07-05 09-06 11-25 12-24', '11-26'],
  [2022, '01-17 02-21 04-15 05-30 06-20 07-04 09-05 11-24 12-26', '11-25'],
  [2023, '01-02 01-16 02-20 04-07 05-29 06-19 07-04 09-04 11-23 12-25', '07-03 11-24'],
  [2024, '01-01 01-15 02-19 03-29 05-27 06-19 07-04 09-02 11-28 12-25', '07-03 11-29 12-24'],
  [2025, '01-01 01-09 01-20 02-17 04-18 05-26 06-19 07-04 09-01 11-27 12-25', '07-03 11-28 12-24'],
  [2026, '01-01 01-19 02-16 04-03 05-25 06-19 07-03 09-07 11-26 12-25', '11-27 12-24'],
  [2027, '01-01 01-18 02-15 03-26 05-31 06-18 07-05 09-06 11-25 12-24', '11-26'],
  [2028, '01-17 02-21 04-14 05-29 06-19 07-04 09-04 11-23 12-25', '07-03 11-24'],
  [2029, '01-01 01-15 02-19 03-30 05-28 06-19 07-04 09-03 11-22 12-25', '07-03 11-23 12-24'],
  [2030, '01-01 01-21 02-18 04-19 05-27 06-19 07-04 09-02 11-28 12-25', '07-03 11-29 12-24'],
];

/** 2005-06-01: trading halted at 3:56 p.m. by a systems communication problem and not resumed (Los Angeles Times, 2005-06-02). */
const UNSCHEDULED: Record<string, number> = { '2005-06-01': (15 * 60 + 56) / 1440 };

const days = (year: number, list: string) => (list ? list.split(' ').map((md) => `${year}-${md}`) : []);
const day = (iso: string) => serialOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

describe('the NYSE calendar, 2000–2030, against the published calendars', () => {
  it.each(PUBLISHED)('%i: every closure and early close', (year, closed, early) => {
    expect(nyseHolidays(year).map(isoOf)).toEqual(days(year, closed));
    const closes = nyseEarlyCloses(year);
    expect(closes.map((d) => isoOf(d.serial))).toEqual(days(year, early));
    for (const d of closes) expect(d.close, isoOf(d.serial)).toBe(UNSCHEDULED[isoOf(d.serial)] ?? 13 / 24);
  });

  it('gives every day of the 31 years the right close: none on closures and weekends, 13:00 early, 16:00 otherwise', () => {
    const closed = new Set(PUBLISHED.flatMap(([y, c]) => days(y, c)));
    const early = new Set(PUBLISHED.flatMap(([y, , e]) => days(y, e)));
    let sessions = 0;
    for (let serial = serialOf(2000, 1, 1); serial <= serialOf(2030, 12, 31); serial++) {
      const iso = isoOf(serial);
      const weekend = [0, 6].includes(new Date(`${iso}T00:00:00Z`).getUTCDay());
      const expected = weekend || closed.has(iso) ? null : early.has(iso) ? (UNSCHEDULED[iso] ?? 13 / 24) : 16 / 24;
      if (nyseSessionClose(serial) !== expected) expect({ iso, close: nyseSessionClose(serial) }).toEqual({ iso, close: expected });
      expect(isNyseHoliday(serial)).toBe(closed.has(iso));
      if (expected !== null) sessions += 1;
    }
    // 11,323 days from Saturday 2000-01-01: 1,617 whole weeks (8,085 weekdays) and Sat–Tue (2 more), less the table's closures.
    expect(sessions).toBe(8087 - PUBLISHED.reduce((n, [y, c]) => n + days(y, c).length, 0));
  });
});

describe('NYSE Rule 7.2 and observed days', () => {
  it('keeps Friday December 31 open when January 1 is a Saturday', () => {
    for (const friday of ['2004-12-31', '2010-12-31', '2021-12-31', '2027-12-31']) {
      expect(isNyseHoliday(day(friday)), friday).toBe(false);
      expect(nyseSessionClose(day(friday)), friday).toBe(16 / 24);
    }
    expect(nyseHolidays(2022).map(isoOf)).not.toContain('2022-01-03'); // and no Monday either
  });

  it('moves Sunday holidays to Monday and other Saturday ones to Friday, named as observed', () => {
    const named = (year: number) => Object.fromEntries(nyseClosedDays(year).map((d) => [isoOf(d.serial), d.name]));
    expect(named(2022)['2022-06-20']).toBe('Juneteenth National Independence Day (observed)');
    expect(named(2027)['2027-06-18']).toBe('Juneteenth National Independence Day (observed)');
    expect(named(2026)['2026-07-03']).toBe('Independence Day (observed)');
    expect(named(2027)['2027-07-05']).toBe('Independence Day (observed)');
    expect(named(2021)['2021-12-24']).toBe('Christmas Day (observed)');
    expect(named(2023)['2023-01-02']).toBe("New Year's Day (observed)");
    expect(named(2025)['2025-01-09']).toBe('Day of mourning for President Jimmy Carter');
    expect(named(2025)['2025-01-20']).toBe('Martin Luther King, Jr. Day');
  });

  it('has no Juneteenth before 2022', () => {
    expect(nyseHolidays(2021).map(isoOf)).not.toContain('2021-06-18');
    expect(isNyseHoliday(day('2021-06-18'))).toBe(false);
  });
});

describe('the shipped special days', () => {
  it('lists weekdays that no rule closes, each with a reason', () => {
    for (const { date, name } of specialDays.closures) {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      expect(weekday >= 1 && weekday <= 5, date).toBe(true);
      expect(name.length, date).toBeGreaterThan(5);
      expect(isNyseHoliday(day(date)), date).toBe(true);
    }
    expect(specialDays.closures.map((c) => c.date)).toEqual([
      '1994-04-27',
      '2001-09-11',
      '2001-09-12',
      '2001-09-13',
      '2001-09-14',
      '2004-06-11',
      '2007-01-02',
      '2012-10-29',
      '2012-10-30',
      '2018-12-05',
      '2025-01-09',
    ]);
  });

  it('gives one-off early closes their own time', () => {
    expect(nyseSessionClose(day('2005-06-01'))).toBe((15 * 60 + 56) / 1440);
    expect(nyseSessionClose(day('1997-10-27'))).toBe(15.5 / 24);
    expect(nyseSessionClose(day('1992-12-24'))).toBe(14 / 24);
    expect(nyseSessionClose(day('1991-11-29'))).toBe(16 / 24); // no early close after Thanksgiving before 1992
  });
});
