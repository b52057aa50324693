import { describe, expect, it } from 'vitest';
import { calendarEvents, sessionClose } from '../../rules/calendars/events.js';
import { serialOf } from '../../rules/calendars/days.js';

describe('calendarEvents', () => {
  it('lists 2026 in date order: holidays, early closes, monthly and quarterly expirations', () => {
    const events = calendarEvents(2026, 2026);
    const of = (event: string) => events.filter((e) => e.event === event).map((e) => `${e.date.slice(5)} ${e.detail}`);
    expect(of('holiday')).toEqual([
      "01-01 New Year's Day",
      '01-19 Martin Luther King, Jr. Day',
      "02-16 Washington's Birthday",
      '04-03 Good Friday',
      '05-25 Memorial Day',
      '06-19 Juneteenth National Independence Day',
      '07-03 Independence Day (observed)',
      '09-07 Labor Day',
      '11-26 Thanksgiving Day',
      '12-25 Christmas Day',
    ]);
    expect(of('early close')).toEqual(['11-27 13:00', '12-24 13:00']);
    // Third Fridays of 2026 worked out by hand; June 19 is Juneteenth, so June's is Thursday the 18th.
    expect(of('monthly expiration').map((e) => e.slice(0, 5))).toEqual(
      '01-16 02-20 03-20 04-17 05-15 06-18 07-17 08-21 09-18 10-16 11-20 12-18'.split(' '),
    );
    expect(of('quarterly expiration')).toEqual(['03-31 Q1 2026', '06-30 Q2 2026', '09-30 Q3 2026', '12-31 Q4 2026']);
    expect(events.map((e) => e.date)).toEqual(events.map((e) => e.date).sort());
    expect(events).toHaveLength(10 + 2 + 12 + 4);
  });

  it('adds weekly expirations on request, except in the monthly expiration week', () => {
    const weekly = calendarEvents(2026, 2026, { weekly: true }).filter((e) => e.event === 'weekly expiration');
    // 52 Fridays from January 2 to December 25, less the 12 monthly weeks.
    expect(weekly).toHaveLength(40);
    expect(weekly.map((e) => e.date)).toContain('2026-04-02'); // Good Friday week
    expect(weekly.map((e) => e.date)).toContain('2026-12-24'); // Christmas Day is a Friday
    expect(weekly.map((e) => e.date)).not.toContain('2026-06-18');
  });

  it('adds futures last trading days, in the year they fall, after the options of the same day', () => {
    const events = calendarEvents(2026, 2026, { futuresRoots: ['cl', 'ES'] });
    const futures = events.filter((e) => e.event === 'futures last trading day');
    expect(futures.filter((e) => e.detail.startsWith('CL'))).toHaveLength(12); // Feb 2026 to Jan 2027 contracts
    expect(futures).toContainEqual({ date: '2026-12-21', event: 'futures last trading day', detail: 'CL Jan 2027' });
    expect(futures).toContainEqual({ date: '2026-01-20', event: 'futures last trading day', detail: 'CL Feb 2026' });
    expect(futures.filter((e) => e.detail.startsWith('ES')).map((e) => e.date)).toEqual([
      '2026-03-20',
      '2026-06-18',
      '2026-09-18',
      '2026-12-18',
    ]);
    const march20 = events.filter((e) => e.date === '2026-03-20').map((e) => `${e.event}: ${e.detail}`);
    expect(march20).toEqual([
      'monthly expiration: Mar 2026',
      'futures last trading day: CL Apr 2026',
      'futures last trading day: ES Mar 2026',
    ]);
  });

  it('refuses bad years and unknown roots by name', () => {
    expect(() => calendarEvents(1989, 2026)).toThrow('FROM_YEAR 1989 is not a year the NYSE calendar covers (1990–2100)');
    expect(() => calendarEvents(2026, 2101)).toThrow('TO_YEAR 2101 is not a year');
    expect(() => calendarEvents(2026, 2025)).toThrow('TO_YEAR 2025 is before FROM_YEAR 2026');
    expect(() => calendarEvents(2026.5, 2027)).toThrow('FROM_YEAR 2026.5');
    expect(() => calendarEvents(2026, 2026, { futuresRoots: ['CL', 'BRN'] })).toThrow('unknown futures root "BRN"; known roots: ES, NQ');
  });

  it('keeps to the years asked for, at the last year of the calendar too', () => {
    const events = calendarEvents(2100, 2100, { futuresRoots: ['CL', 'VX'] });
    expect(events.every((e) => e.date.startsWith('2100-'))).toBe(true);
    // CL: the Feb 2100 to Jan 2101 contracts; VX: Jan to Dec 2100 (Jan 2101's last day falls in 2101).
    expect(events.filter((e) => e.detail.startsWith('CL '))).toHaveLength(12);
    expect(events.filter((e) => e.detail.startsWith('VX ')).map((e) => e.detail.slice(3, 6))).toEqual(
      'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' '),
    );
  });
});

describe('sessionClose', () => {
  it('is the NYSE close as a fraction of a day, null without a session', () => {
    expect(sessionClose(serialOf(2026, 11, 25))).toBe(2 / 3);
    expect(sessionClose(serialOf(2026, 11, 27))).toBe(13 / 24);
    expect(sessionClose(serialOf(2026, 11, 26))).toBeNull();
    expect(sessionClose(serialOf(2026, 11, 28))).toBeNull();
  });
});
