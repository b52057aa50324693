import { describe, expect, it } from 'vitest';
import { cronInWords, errorsByField, fireTimeInZone, scheduleBody, sizeInWords } from '../../web/src/lib/schedules.js';

describe('schedules page helpers', () => {
  it('says common crons in words and admits the rest are custom', () => {
    expect(cronInWords('30 18 * * 1-5')).toBe('at 18:30, Monday–Friday');
    expect(cronInWords('0 7 * * *')).toBe('at 07:00');
    expect(cronInWords('5 9,17 1 * *')).toBe('at 09:05, 17:05, on day 1 of the month');
    expect(cronInWords('0 6 * 1,7 0')).toBe('at 06:00, Sunday, in January, July');
    expect(cronInWords('*/15 * * * *')).toBe('every 15 minutes');
    expect(cronInWords('0 */2 * * *')).toBe('custom');
    expect(cronInWords('0 0 0 * * *')).toBe('custom');
    expect(cronInWords('61 18 * * 1-5')).toBe('not a valid cron');
    expect(cronInWords('0 24 * * *')).toBe('not a valid cron');
  });

  it('builds the create and change bodies, dropping blank patterns', () => {
    const form = { sheetId: 3, cron: ' 0 7 * * * ', timezone: 'UTC', inputs: { FO: 'fo_*.csv', BR: ' ' }, waitMinutes: 30, enabled: true };
    expect(scheduleBody(form, true)).toEqual({
      sheetId: 3,
      cron: '0 7 * * *',
      timezone: 'UTC',
      inputs: { FO: 'fo_*.csv' },
      waitMinutes: 30,
      enabled: true,
    });
    expect(scheduleBody(form, false)).not.toHaveProperty('sheetId');
  });

  it('files server errors under their field', () => {
    expect(
      errorsByField([
        { path: 'cron', message: 'not a cron expression' },
        { path: 'inputs.FO', message: 'too long' },
        { path: '', message: 'bad body' },
      ]),
    ).toEqual({ cron: 'not a cron expression', inputs: 'too long', form: 'bad body' });
    expect(errorsByField(undefined)).toEqual({});
  });

  it('shows fire times in the schedule zone and sizes in units', () => {
    expect(fireTimeInZone('2026-12-01T23:30:00.000Z', 'America/New_York')).toBe('Tue, 01 Dec 2026, 18:30');
    expect(sizeInWords(5)).toBe('5 B');
    expect(sizeInWords(2048)).toBe('2.0 KB');
  });
});
