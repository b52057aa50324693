import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../helpers/engine.js';

// Serials worked out from Excel's 1900 system: 2011-05-22 is 40685, 2011-02-23 40597,
// 2011-08-22 40777, 2011-01-01 40544, 2020-01-01 43831.
describe('date and time text as Excel (US) reads it', () => {
  it('reads month names, year-first and month-first dates', () => {
    expect(
      evaluateAll(
        [],
        [
          '=DATEVALUE("22-MAY-2011")',
          '=DATEVALUE("May 22, 2011")',
          '=DATEVALUE("22 May 2011")',
          '=DATEVALUE("2011/02/23")',
          '=DATEVALUE("8/22/2011")',
          '=DATEVALUE("Jan 2011")',
          '="1-Jan-2020"+1',
          '=DATEVALUE("5-JUL")=DATE(YEAR(TODAY()),7,5)',
        ],
      ),
    ).toEqual([40685, 40685, 40685, 40597, 40777, 40544, 43832, true]);
  });

  it('refuses what it cannot read without guessing: day-first dates, "mmm-nn", dates that do not exist, plain words', () => {
    expect(
      evaluateAll(
        [],
        ['=DATEVALUE("23/2/2011")', '=DATEVALUE("Feb-23")', '=DATEVALUE("31-Feb-2011")', '=DATEVALUE("Maybe 2011")', '=DATEVALUE("ma 3")'],
      ),
    ).toEqual(['#VALUE!', '#VALUE!', '#VALUE!', '#VALUE!', '#VALUE!']);
  });

  it('reads times with and without AM/PM, alone or after a date', () => {
    const [a, b, c, d, e, f] = evaluateAll(
      [],
      [
        '=TIMEVALUE("2:24 AM")',
        '=TIMEVALUE("12:00 AM")',
        '=TIMEVALUE("12:30 PM")',
        '=TIMEVALUE("6:35:15")',
        '=TIMEVALUE("22-Aug-2011 6:35 AM")',
        '=TIMEVALUE("13:00 PM")',
      ],
    );
    expect(a).toBeCloseTo(0.1, 12);
    expect(b).toBe(0);
    expect(c).toBeCloseTo(12.5 / 24, 12);
    expect(d).toBeCloseTo((6 * 3600 + 35 * 60 + 15) / 86400, 12);
    // A date and a time: the day's serial is subtracted again, so ~1e-12 of the fraction is lost.
    expect(e).toBeCloseTo((6 * 60 + 35) / 1440, 10);
    expect(f).toBe('#VALUE!');
  });
});

// 2006-01-01 is a Sunday: January 2006 has 22 weekdays (Jan 2 to Jan 31), 2006-01-02 and
// 2006-01-16 are Mondays. With both as holidays, 20 remain; WORKDAY from Friday 2006-01-13
// (38730) one day on skips the weekend and Monday the 16th to Tuesday 2006-01-17 (38734).
describe('holidays given as date text', () => {
  it('are read as dates by NETWORKDAYS, NETWORKDAYS.INTL, WORKDAY and WORKDAY.INTL', () => {
    expect(
      evaluateAll(
        [['1/2/2006', '2006-01-16']],
        [
          '=NETWORKDAYS(DATE(2006,1,1),DATE(2006,1,31),{"2006/1/2","2006/1/16"})',
          '=NETWORKDAYS.INTL(DATE(2006,1,1),DATE(2006,1,31),1,A1:B1)',
          '=WORKDAY(DATE(2006,1,13),1,{"16-Jan-2006"})',
          '=WORKDAY.INTL(DATE(2006,1,13),1,1,B1)',
          '=NETWORKDAYS(DATE(2006,1,1),DATE(2006,1,31),{"someday"})',
          '=NETWORKDAYS(DATE(2006,1,1),DATE(2006,1,31),{38719})',
        ],
      ),
    ).toEqual([20, 20, 38734, 38734, '#VALUE!', 21]);
  });

  it('answer a day count past the last date with #NUM! at once, where the search never returned', () => {
    // 2,958,465 is 9999-12-31: more workdays than days up to it can only land outside the dates.
    expect(
      evaluateAll([], ['=WORKDAY(0,1E+17)', '=WORKDAY(45000,-1E+17)', '=WORKDAY.INTL(45000,3000000,1)', '=WORKDAY(DATE(2006,1,13),1)']),
    ).toEqual(['#NUM!', '#NUM!', '#NUM!', 38733]);
  });
});
