import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../helpers/engine.js';

describe('DAY, MONTH, YEAR, EDATE and EOMONTH', () => {
  it("read Excel's serials 0 (1900-01-00) and 60 (1900-02-29), and TRUE/FALSE as 1/0", () => {
    expect(
      evaluateAll(
        [],
        ['=DAY(0)', '=MONTH(0)', '=YEAR(0)', '=DAY(60)', '=MONTH(60)', '=DAY(61)', '=MONTH(61)', '=DAY(FALSE())', '=YEAR(45291)'],
      ),
    ).toEqual([0, 1, 1900, 29, 2, 1, 3, 0, 2023]);
  });

  it('read date text, and reject dates before 1900', () => {
    expect(evaluateAll([], ['=YEAR("2024-03-15")', '=MONTH("2024-03-15")', '=YEAR("7/5/1800")', '=DAY(-1)'])).toEqual([
      2024,
      3,
      '#VALUE!',
      '#NUM!',
    ]);
  });

  it("move by months, clamping to the month's end, and reject TRUE/FALSE", () => {
    // 2011-01-31 is serial 40574; one month on is 2011-02-28 (40602), 13 months back 2009-12-31 (40178).
    expect(
      evaluateAll(
        [],
        ['=EDATE(40574,1)', '=EOMONTH(40574,1)', '=EDATE(40574,-13)', '=EOMONTH(40574,0)', '=EDATE(TRUE(),1)', '=EDATE(40574,TRUE())'],
      ),
    ).toEqual([40602, 40602, 40178, 40574, '#VALUE!', '#VALUE!']);
  });
});
