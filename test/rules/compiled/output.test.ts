/**
 * The integer shortcut of toOutput (rules/compiled/compile.ts's smallInteger) against the
 * full path it skips, HyperFormula's export rounding then excelNumber: every integer it
 * takes must come out of the full path unchanged, -0 as 0. Checked at the edges (powers of
 * ten and their neighbours, where log10 may be off by one, and the bound itself), over a
 * dense low range and over seeded random integers.
 */
import { describe, expect, it } from 'vitest';
import { hfRounding, smallInteger, toOutput } from '../../../rules/compiled/compile.js';
import { runtime } from '../../../rules/compiled/values.js';
import { excelNumber } from '../../../rules/field-values.js';
import { rng } from '../../../scripts/random.js';

function fullPath(v: number): number {
  return excelNumber(hfRounding(v));
}

function integersToCheck(): number[] {
  const values: number[] = [];
  for (let v = 0; v <= 100_000; v++) values.push(v, -v);
  for (let p = 1; p <= 1e9; p *= 10) for (let d = -3; d <= 3; d++) values.push(p + d, -(p + d));
  for (let d = 1; d <= 1000; d++) values.push(1e9 - d, -(1e9 - d));
  const random = rng(14);
  for (let i = 0; i < 200_000; i++) values.push(Math.floor((random() * 2 - 1) * 1e9));
  return values.filter(smallInteger);
}

describe('toOutput integer shortcut', () => {
  it('takes only integers strictly between -1e9 and 1e9', () => {
    expect([0, -0, 1, -1, 999_999_999, -999_999_999].every(smallInteger)).toBe(true);
    expect([1e9, -1e9, 0.5, -2.5, 1e15, NaN, Infinity, 2 ** 53].some(smallInteger)).toBe(false);
  });

  it('gives exactly what the full rounding path gives', () => {
    const rt = runtime(false);
    const values = integersToCheck();
    expect(values.length).toBeGreaterThan(400_000);
    const differing = values.filter((v) => !Object.is(toOutput(rt, v), fullPath(v)));
    expect(differing.slice(0, 10)).toEqual([]);
    expect(Object.is(toOutput(rt, -0), 0)).toBe(true);
  });
});
