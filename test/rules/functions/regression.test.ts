import { describe, expect, it } from 'vitest';
import { evaluateAll, evaluateArray } from '../../helpers/engine.js';

// Excel's LINEST example: months 1-6 (A) and sales (B): slope 1000, intercept 2000.
const sales = [
  [1, 3100],
  [2, 4500],
  [3, 4400],
  [4, 5400],
  [5, 7500],
  [6, 8100],
];

/** Simple regression statistics in closed form, to check the QR fit against. */
function closedForm(x: number[], y: number[]) {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b) / n;
  const my = y.reduce((a, b) => a + b) / n;
  const sxx = x.reduce((s, v) => s + (v - mx) ** 2, 0);
  const sxy = x.reduce((s, v, i) => s + (v - mx) * (y[i] - my), 0);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const ssresid = y.reduce((s, v, i) => s + (v - intercept - slope * x[i]) ** 2, 0);
  const sstotal = y.reduce((s, v) => s + (v - my) ** 2, 0);
  const sey = Math.sqrt(ssresid / (n - 2));
  return { slope, intercept, ssresid, ssreg: sstotal - ssresid, r2: 1 - ssresid / sstotal, sey, seSlope: sey / Math.sqrt(sxx), df: n - 2 };
}

describe('LINEST and TREND', () => {
  it("fits Excel's documented example: slope 1000, intercept 2000", () => {
    const [slope, intercept] = evaluateArray(sales, '=ARRAYFORMULA(LINEST(B1:B6,A1:A6))', 1, 2)[0] as number[];
    expect(slope).toBeCloseTo(1000, 9);
    expect(intercept).toBeCloseTo(2000, 9);
    // A plain formula gives the first value, as Excel's implicit intersection does.
    expect(evaluateAll(sales, ['=LINEST(B1:B6,A1:A6)'])[0]).toBeCloseTo(1000, 9);
  });

  it('gives the five rows of statistics that agree with the closed-form formulas', () => {
    const expected = closedForm(
      sales.map((r) => r[0]),
      sales.map((r) => r[1]),
    );
    const block = evaluateArray(sales, '=ARRAYFORMULA(LINEST(B1:B6,A1:A6,TRUE(),TRUE()))', 5, 2) as (number | string)[][];
    expect(block[1][0]).toBeCloseTo(expected.seSlope, 8);
    expect(block[2][0]).toBeCloseTo(expected.r2, 9);
    expect(block[2][1]).toBeCloseTo(expected.sey, 8);
    expect(block[3][1]).toBe(expected.df);
    expect(block[4][0]).toBeCloseTo(expected.ssreg, 6);
    expect(block[4][1]).toBeCloseTo(expected.ssresid, 6);
  });

  it('fits several x columns, drops a collinear one with coefficient 0, and fits through the origin on request', () => {
    // y = 1 + 2*x1 + 3*x2 exactly; x3 = 2*x1 duplicates x1.
    const grid = [
      [1, 0, 0, 0],
      [3, 1, 0, 2],
      [4, 0, 1, 0],
      [9, 1, 2, 2],
      [12, 4, 1, 8],
    ].map(([, x1, x2, x3]) => [1 + 2 * x1 + 3 * x2, x1, x2, x3]);
    const [m2, m1, b] = evaluateArray(grid, '=ARRAYFORMULA(LINEST(A1:A5,B1:C5))', 1, 3)[0] as number[];
    expect([m2, m1, b].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([3, 2, 1]);
    const withDuplicate = evaluateArray(grid, '=ARRAYFORMULA(LINEST(A1:A5,B1:D5))', 1, 4)[0] as number[];
    expect(withDuplicate.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0, 3, 2, 1]);
    const origin = evaluateArray(
      [[2], [4], [6]].map((r, i) => [...r, i + 1]),
      '=ARRAYFORMULA(LINEST(A1:A3,B1:B3,FALSE()))',
      1,
      2,
    )[0];
    expect(origin).toEqual([2, 0]);
  });

  it('TREND gives fitted values at new x values; mismatched sizes are #REF!', () => {
    const grid = sales.map((r) => [...r, r[0] + 6]);
    const next = evaluateArray(grid, '=ARRAYFORMULA(TREND(B1:B6,A1:A6,C1:C3))', 3, 1).map((r) => r[0] as number);
    next.forEach((v, i) => expect(v).toBeCloseTo(2000 + 1000 * (7 + i), 6));
    // `@`: one value in the cell; a plain LINEST spills (Excel 365) and its range would cross the next formula.
    expect(evaluateAll(grid, ['=TREND(B1:B6,A1:A5)', '=@LINEST(B1:B6,A1:A5)', '=LINEST(B1:B6,C1:C6&"")'])).toEqual([
      '#REF!',
      '#REF!',
      '#VALUE!',
    ]);
  });
});
