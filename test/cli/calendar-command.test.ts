import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/files.js';

const root = process.cwd();
const tickmark = (args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin/tickmark.mjs'), ...args], { encoding: 'utf8', cwd: root });

/** NYSE's 2026 calendar (its published holidays and early closes) and the third Fridays, worked out by hand. */
const CALENDAR_2026 = `date,event,detail
2026-01-01,holiday,New Year's Day
2026-01-16,monthly expiration,Jan 2026
2026-01-19,holiday,"Martin Luther King, Jr. Day"
2026-02-16,holiday,Washington's Birthday
2026-02-20,monthly expiration,Feb 2026
2026-03-20,monthly expiration,Mar 2026
2026-03-31,quarterly expiration,Q1 2026
2026-04-03,holiday,Good Friday
2026-04-17,monthly expiration,Apr 2026
2026-05-15,monthly expiration,May 2026
2026-05-25,holiday,Memorial Day
2026-06-18,monthly expiration,Jun 2026
2026-06-19,holiday,Juneteenth National Independence Day
2026-06-30,quarterly expiration,Q2 2026
2026-07-03,holiday,Independence Day (observed)
2026-07-17,monthly expiration,Jul 2026
2026-08-21,monthly expiration,Aug 2026
2026-09-07,holiday,Labor Day
2026-09-18,monthly expiration,Sep 2026
2026-09-30,quarterly expiration,Q3 2026
2026-10-16,monthly expiration,Oct 2026
2026-11-20,monthly expiration,Nov 2026
2026-11-26,holiday,Thanksgiving Day
2026-11-27,early close,13:00
2026-12-18,monthly expiration,Dec 2026
2026-12-24,early close,13:00
2026-12-25,holiday,Christmas Day
2026-12-31,quarterly expiration,Q4 2026
`;

describe('tickmark calendar', () => {
  it('prints a year as CSV, date,event,detail in date order', () => {
    const run = tickmark(['calendar', '2026']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(CALENDAR_2026);
  });

  it('writes a range of years to --out, all or nothing', () => {
    const dir = tempDir('tickmark-calendar-cli-');
    const out = join(dir, 'calendar.csv');
    const run = tickmark(['calendar', '2026', '2027', '--calendar', 'NYSE', '--out', out]);
    expect(run.status).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith(CALENDAR_2026)).toBe(true);
    const lines2027 = csv.slice(CALENDAR_2026.length).trimEnd().split('\n');
    expect(run.stdout).toBe(`${CALENDAR_2026.split('\n').length - 2 + lines2027.length} events, 2026–2027 -> ${out}\n`);
    // 2027 from NYSE's published calendar: Juneteenth and Christmas observed on Fridays, one early close.
    expect(lines2027.filter((l) => /holiday|early close/.test(l))).toEqual([
      "2027-01-01,holiday,New Year's Day",
      '2027-01-18,holiday,"Martin Luther King, Jr. Day"',
      "2027-02-15,holiday,Washington's Birthday",
      '2027-03-26,holiday,Good Friday',
      '2027-05-31,holiday,Memorial Day',
      '2027-06-18,holiday,Juneteenth National Independence Day (observed)',
      '2027-07-05,holiday,Independence Day (observed)',
      '2027-09-06,holiday,Labor Day',
      '2027-11-25,holiday,Thanksgiving Day',
      '2027-11-26,early close,13:00',
      '2027-12-24,holiday,Christmas Day (observed)',
    ]);
    expect(readdirSync(dir)).toEqual(['calendar.csv']); // no partial file left behind
  });

  it('answers each bad argument with exit status 2 and one line naming it', () => {
    const dir = tempDir('tickmark-calendar-cli-');
    const cases: [string[], string][] = [
      [[], 'FROM_YEAR is missing (usage: tickmark calendar FROM_YEAR [TO_YEAR] [--calendar NYSE] [--out FILE.csv])'],
      [['20x6'], 'FROM_YEAR "20x6" is not a year from 1990 to 2100'],
      [['1989'], 'FROM_YEAR "1989" is not a year from 1990 to 2100'],
      [['2026', '2101'], 'TO_YEAR "2101" is not a year from 1990 to 2100'],
      [['2026', '2025'], 'TO_YEAR 2025 is before FROM_YEAR 2026'],
      [['2026', '2027', '2028'], 'unexpected argument "2028" (give FROM_YEAR and at most TO_YEAR)'],
      [['2026', '--calendar', 'LSE'], '--calendar "LSE" is not a calendar this command knows (only NYSE)'],
      [['2026', '--out', join(dir, 'x.csv'), '--calender', 'NYSE'], "Unknown option '--calender'"],
    ];
    for (const [args, message] of cases) {
      const run = tickmark(['calendar', ...args]);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.startsWith(`tickmark calendar: ${message}`), run.stderr).toBe(true);
      expect(run.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stdout).toBe('');
    }
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
  });

  it('fails with status 1 when the file cannot be written', () => {
    const run = tickmark(['calendar', '2026', '--out', join(tempDir('tickmark-calendar-cli-'), 'missing', 'calendar.csv')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^tickmark calendar: cannot write .*calendar\.csv: ENOENT/);
  });
});
