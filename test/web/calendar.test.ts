/**
 * The calendar page's logic and the run-book's words. Golden days are worked out by hand:
 * 1 Nov 2026 and 1 Feb 2026 are Sundays, 1 Aug 2026 a Saturday.
 */
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dayInfo,
  dayLabel,
  dayMarks,
  feedUrl,
  hasRunbook,
  indexByDate,
  loadRoots,
  longDate,
  monthGrid,
  moveByKey,
  ROOTS_KEY,
  saveRoots,
  today,
  viewRange,
  type CalendarEntry,
} from '../../web/src/lib/calendar.js';
import { doneText, evidenceText, progressText, type RunbookView } from '../../web/src/lib/runbook.js';

const rule = (date: string, event: string, detail: string) => ({ date, source: 'rule', event, detail }) as CalendarEntry;
const firm = (date: string, id: number, title: string) =>
  ({
    date,
    source: 'firm',
    event: 'firm event',
    detail: title,
    firm: { id, title, category: 'other', note: null, updatedAt: '' },
  }) as CalendarEntry;

describe('month grids', () => {
  it('shows whole weeks, Sunday first', () => {
    const november = monthGrid(2026, 11);
    expect(november.map((w) => w[0].date)).toEqual(['2026-11-01', '2026-11-08', '2026-11-15', '2026-11-22', '2026-11-29']);
    expect(november[4].map((d) => [d.day, d.inMonth])).toEqual([
      [29, true],
      [30, true],
      [1, false],
      [2, false],
      [3, false],
      [4, false],
      [5, false],
    ]);
    // February 2026 fills exactly four weeks; August 2026 needs six.
    expect(monthGrid(2026, 2).map((w) => w[0].date)).toEqual(['2026-02-01', '2026-02-08', '2026-02-15', '2026-02-22']);
    const august = monthGrid(2026, 8);
    expect([august.length, august[0][0].date, august[5][6].date]).toEqual([6, '2026-07-26', '2026-09-05']);
  });

  it('asks the server for exactly the days a view shows', () => {
    expect(viewRange('month', '2026-11-20')).toEqual({ from: '2026-11-01', to: '2026-12-05' });
    expect(viewRange('year', '2026-11-20')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it("moves a month to the same day or the month's last", () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-20', -12)).toBe('2025-11-20');
  });

  it('takes today in the local time zone', () => {
    expect(today(new Date(2026, 10, 20, 23, 59))).toBe('2026-11-20');
    expect(today(new Date(2026, 11, 31, 0, 1))).toBe('2026-12-31');
  });
});

describe('keyboard moves', () => {
  it('moves by a day, a week, to the week ends, and by a month or a year', () => {
    const from = '2026-11-20'; // a Friday
    expect(moveByKey(from, 'ArrowRight')).toBe('2026-11-21');
    expect(moveByKey(from, 'ArrowLeft')).toBe('2026-11-19');
    expect(moveByKey(from, 'ArrowUp')).toBe('2026-11-13');
    expect(moveByKey(from, 'ArrowDown')).toBe('2026-11-27');
    expect(moveByKey(from, 'Home')).toBe('2026-11-15');
    expect(moveByKey(from, 'End')).toBe('2026-11-21');
    expect(moveByKey(from, 'PageDown')).toBe('2026-12-20');
    expect(moveByKey(from, 'PageUp', true)).toBe('2025-11-20');
    expect(moveByKey('2026-12-31', 'ArrowRight')).toBe('2027-01-01');
    expect(moveByKey(from, 'a')).toBeNull();
    expect(moveByKey(from, 'Enter')).toBeNull();
  });
});

describe('what a day holds', () => {
  const byDate = indexByDate([
    rule('2026-11-20', 'monthly expiration', 'Nov 2026'),
    rule('2026-11-20', 'futures last trading day', 'CL Dec 2026'),
    firm('2026-11-20', 7, 'Desk offsite'),
    rule('2026-11-26', 'holiday', 'Thanksgiving Day'),
    rule('2026-11-27', 'early close', '13:00'),
    rule('2026-12-31', 'quarterly expiration', 'Q4 2026'),
  ]);

  it('reads sessions, holidays, early closes, expirations, futures and firm events', () => {
    const expiration = dayInfo('2026-11-20', byDate);
    expect(expiration).toMatchObject({ session: true, holiday: null, expirations: ['monthly'], futures: ['CL Dec 2026'] });
    expect(expiration.firm.map((e) => e.firm.id)).toEqual([7]);
    expect(dayMarks(expiration)).toEqual(['session', 'monthly', 'futures', 'firm']);
    expect(hasRunbook(expiration)).toBe(true);
    expect(dayInfo('2026-11-26', byDate)).toMatchObject({ session: false, holiday: 'Thanksgiving Day' });
    expect(dayMarks(dayInfo('2026-11-26', byDate))).toEqual(['closed', 'holiday']);
    expect(dayInfo('2026-11-27', byDate)).toMatchObject({ session: true, earlyClose: '13:00' });
    expect(dayInfo('2026-11-21', byDate).session).toBe(false); // a Saturday
    expect(hasRunbook(dayInfo('2026-11-27', byDate))).toBe(false);
    expect(hasRunbook(dayInfo('2026-12-31', byDate))).toBe(true);
  });

  it('says a day in words for screen readers', () => {
    expect(dayLabel(dayInfo('2026-11-20', byDate), true)).toBe(
      'Fri 20 November 2026, today, session, monthly expiration, last trading day CL Dec 2026, Desk offsite',
    );
    expect(dayLabel(dayInfo('2026-11-26', byDate), false)).toBe('Thu 26 November 2026, no session, holiday: Thanksgiving Day');
    expect(longDate('2026-11-20')).toBe('Friday 20 November 2026');
  });
});

describe('remembered roots and the feed address', () => {
  it('keeps known roots in the exchange order and ignores anything else', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(loadRoots(storage)).toEqual([]);
    saveRoots(storage, ['CL', 'XX', 'ES']);
    expect(store.get(ROOTS_KEY)).toBe('["ES","CL"]');
    expect(loadRoots(storage)).toEqual(['ES', 'CL']);
    store.set(ROOTS_KEY, '{not json');
    expect(loadRoots(storage)).toEqual([]);
    store.set(ROOTS_KEY, '"CL"');
    expect(loadRoots(storage)).toEqual([]);
  });

  it('puts the token and the roots in the query', () => {
    const url = new URL(feedUrl('http://localhost:3000', 'tm_a+b/c', ['CL', 'ES']));
    expect(url.pathname).toBe('/api/calendar.ics');
    expect(url.searchParams.get('token')).toBe('tm_a+b/c');
    expect(url.searchParams.get('roots')).toBe('CL,ES');
    expect(new URL(feedUrl('http://localhost:3000', 't', [])).searchParams.has('roots')).toBe(false);
  });
});

describe("the run-book's words", () => {
  const person = { id: 2, name: 'Olga', email: 'o@example.com' };
  const view = {
    date: '2026-11-20',
    kinds: ['monthly'],
    settings: {
      sheet: 'Expiration',
      positionsDataset: 'option_positions',
      closesDataset: 'underlying_closes',
      instructionsDataset: 'contrary_instructions',
      dateParam: 'ExpirationDate',
      cutoff: '17:30',
    },
    chosen: {},
    evidence: {
      sheet: { id: 3, name: 'Expiration' },
      // 14:05Z on 20 Nov 2026 is 09:05 in New York (EST).
      positions: [{ id: 5, name: 'option_positions', sourceName: 'pos.csv', rows: 1200, importedAt: '2026-11-20T14:05:00.000Z' }],
      closes: [],
      instructions: [],
      cutoff: { at: '2026-11-20 17:30', passed: true },
      run: { id: 12, status: 'succeeded', queuedAt: '', finishedAt: null, matchedBy: 'param', exceptions: 7, openExceptions: 2 },
    },
    steps: [
      {
        step: 'positions',
        label: 'Positions loaded',
        done: { by: person, at: '2026-11-20T14:10:00.000Z', note: null, evidence: null },
        refusal: null,
      },
      { step: 'closes', label: 'Closes loaded', done: null, refusal: { code: 'no_evidence', message: '…' } },
      { step: 'cutoff', label: 'Instructions cut-off passed', done: null, refusal: null },
      { step: 'exceptions', label: 'Exceptions worked', done: null, refusal: { code: 'open_exceptions', message: '…' } },
    ],
    signOff: null,
    signOffRefusal: null,
  } as unknown as RunbookView;

  it('says what the product sees for each step', () => {
    expect(evidenceText(view, 'positions')).toEqual(['option_positions imported that day: #5 pos.csv (1,200 rows) at 09:05 New York.']);
    expect(evidenceText(view, 'closes')).toEqual(['No underlying_closes import on 2026-11-20 (New York time) yet.']);
    expect(evidenceText(view, 'cutoff')).toEqual([
      'Cut-off 17:30 New York time: passed.',
      'No contrary_instructions import on 2026-11-20 (New York time) yet.',
    ]);
    expect(evidenceText(view, 'exceptions')).toEqual([
      'Official run 12 of Expiration (ExpirationDate = 2026-11-20): 7 exceptions, 2 still open.',
    ]);
    const noRun = { ...view, evidence: { ...view.evidence, run: null } } as RunbookView;
    expect(evidenceText(noRun, 'exceptions')).toEqual(['Expiration has no official run for 2026-11-20 (ExpirationDate = 2026-11-20).']);
  });

  it('says who did a step and how far the day is', () => {
    expect(doneText(view.steps[0])).toBe('Done by Olga at 2026-11-20 14:10 UTC (09:10 New York)');
    expect(doneText(view.steps[1])).toBe('Not done');
    expect(progressText(view)).toBe('1 of 4 steps done');
    expect(progressText({ ...view, signOff: { by: person, at: '', note: null } })).toBe('Signed off by Olga');
  });
});
