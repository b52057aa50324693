/**
 * COUNTIFS and SUMIFS whose criteria joined with commas read alike (rules/functions/criteria-cache-patch.ts):
 * each counts by its own criteria, whichever is computed first. Counted by hand from the rows below.
 */
import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../helpers/engine.js';

// A B C: ("a", "b,c", 1) ("a,b", "c", 10) ("a", "b,c", 100)
const ROWS = [
  ['a', 'b,c', 1],
  ['a,b', 'c', 10],
  ['a', 'b,c', 100],
];

describe('conditional aggregates with comma-joined criteria that look alike', () => {
  it('count and sum each by its own criteria, in either order', () => {
    const first = '=COUNTIFS(A1:A3,"a,b",B1:B3,"c")';
    const second = '=COUNTIFS(A1:A3,"a",B1:B3,"b,c")';
    expect(evaluateAll(ROWS, [first, second])).toEqual([1, 2]);
    expect(evaluateAll(ROWS, [second, first])).toEqual([2, 1]);
    expect(evaluateAll(ROWS, ['=SUMIFS(C1:C3,A1:A3,"a,b",B1:B3,"c")', '=SUMIFS(C1:C3,A1:A3,"a",B1:B3,"b,c")'])).toEqual([10, 101]);
  });
});
