import { describe, expect, it } from 'vitest';
import { evaluateAll, evaluateArray } from '../../helpers/engine.js';

// A 3x3 table: 1..9 by rows.
const table = [
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
];

describe("CHOOSE, SWITCH and INDEX as Excel's documentation gives them", () => {
  it('CHOOSE truncates its index, counts TRUE as 1 and rejects an index out of range with #VALUE!', () => {
    expect(
      evaluateAll(table, [
        '=CHOOSE(2,"a","b","c")',
        '=CHOOSE(1.9,"a","b")',
        '=CHOOSE(TRUE(),"a","b")',
        '=CHOOSE(0,"a")',
        '=CHOOSE(3,"a","b")',
        '=CHOOSE("2","a","b")',
        '=CHOOSE("x","a")',
        '=CHOOSE(1/0,"a")',
      ]),
    ).toEqual(['b', 'a', 'a', '#VALUE!', '#VALUE!', 'b', '#VALUE!', '#DIV/0!']);
  });

  it('CHOOSE evaluates only the chosen value, which may be a range', () => {
    expect(evaluateAll(table, ['=CHOOSE(2,1/0,"fine")', '=SUM(CHOOSE(2,A1:A3,B1:B3))'])).toEqual(['fine', 15]);
  });

  it('SWITCH returns the first matching result, the default, or #N/A, and passes errors on', () => {
    const grid = [[0, null, '', 'Upper', false, '=1/0']];
    expect(
      evaluateAll(grid, [
        '=SWITCH(2,1,"one",2,"two")',
        '=SWITCH(3,1,"one","other")',
        '=SWITCH(3,1,"one")',
        '=SWITCH(A1,B1,"empty is 0")',
        '=SWITCH(B1,C1,"match","no")',
        '=SWITCH(E1,B1,"match","no")',
        '=SWITCH(D1,"UPPER","case-insensitive")',
        '=SWITCH(F1,1,"x","y")',
        '=SWITCH(1,F1,"x","y")',
      ]),
    ).toEqual(['two', 'other', '#N/A', 'empty is 0', 'no', 'no', 'case-insensitive', '#DIV/0!', '#DIV/0!']);
  });

  it('INDEX picks a cell, a row or a column, and gives #REF! past the end and #VALUE! for a negative index', () => {
    expect(
      evaluateAll(table, [
        '=INDEX(A1:C3,2,3)',
        '=INDEX(A1:C3,3.9,1.2)',
        '=INDEX(A1:C1,2)',
        '=INDEX(A1:A3,3)',
        '=INDEX(A1:C3,4,1)',
        '=INDEX(A1:C3,1,-1)',
        '=SUM(INDEX(A1:C3,0,2))',
        '=SUM(INDEX(A1:C3,2,0))',
        '=INDEX({1,2;3,4},2,1)',
      ]),
    ).toEqual([6, 7, 2, 7, '#REF!', '#VALUE!', 15, 15, 3]);
  });

  it('INDEX with a 0 index fills an array formula with the whole row or column', () => {
    expect(evaluateArray(table, '=ARRAYFORMULA(INDEX(A1:C3,2,0))', 1, 4)).toEqual([[4, 5, 6, null]]);
    expect(evaluateArray(table, '=ARRAYFORMULA(INDEX(A1:C3,,3))', 4, 1)).toEqual([[3], [6], [9], [null]]);
  });
});
