import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../helpers/engine.js';

describe('YEARFRAC', () => {
  it("matches Excel's documented example and each day-count basis", () => {
    // Excel's help: YEARFRAC(2012-01-01, 2012-07-30) with basis 0 is 0.58055556, basis 1 0.57650273, basis 3 0.57808219.
    const grid = [['=DATE(2012,1,1)', '=DATE(2012,7,30)']];
    const values = evaluateAll(grid, [
      '=YEARFRAC(A1,B1)',
      '=YEARFRAC(A1,B1,1)',
      '=YEARFRAC(A1,B1,2)',
      '=YEARFRAC(A1,B1,3)',
      '=YEARFRAC(A1,B1,4)',
      '=YEARFRAC(B1,A1,3)',
    ]) as number[];
    expect(values[0]).toBeCloseTo(0.58055556, 8);
    expect(values[1]).toBeCloseTo(0.57650273, 8);
    expect(values[2]).toBeCloseTo(211 / 360, 9);
    expect(values[3]).toBeCloseTo(0.57808219, 8);
    expect(values[4]).toBeCloseTo(209 / 360, 9);
    expect(values[5]).toBe(values[3]);
  });

  it('applies the US 30/360 end-of-month rules and counts 1900-01-00 as a day', () => {
    const values = evaluateAll(
      [],
      [
        '=YEARFRAC(DATE(2011,2,28),DATE(2012,2,29),0)',
        '=YEARFRAC(DATE(2011,1,31),DATE(2011,3,31),0)',
        '=YEARFRAC(1,200,0)',
        '=YEARFRAC(1,0,0)',
      ],
    ) as number[];
    expect(values[0]).toBeCloseTo(1, 9);
    expect(values[1]).toBeCloseTo(60 / 360, 9);
    expect(values[2]).toBeCloseTo(197 / 360, 9);
    expect(values[3]).toBeCloseTo(1 / 360, 9);
  });

  it('checks the basis before the dates, and rejects dates outside 1900-9999', () => {
    expect(
      evaluateAll(
        [],
        [
          '=YEARFRAC(1/0,200,5)',
          '=YEARFRAC(1/0,200,"x")',
          '=YEARFRAC(1/0,200,NA())',
          '=YEARFRAC(1/0,200,0)',
          '=YEARFRAC(-1,200,0)',
          '=YEARFRAC(1,2958466,0)',
          '=YEARFRAC(1,200,TRUE())',
        ],
      ),
    ).toEqual(['#NUM!', '#VALUE!', '#N/A', '#DIV/0!', '#NUM!', '#NUM!', '#VALUE!']);
  });
});
