import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../helpers/engine.js';

// Excel's MATCH example (B2:B5 = 25, 28, 40, 41) and its VLOOKUP example on unsorted fruit.
const grid = [
  ['Apples', 25, 50],
  ['Oranges', 28, 20],
  ['Bananas', 40, 60],
  ['Lemons', 41, 40],
];

describe('approximate matching as Excel does it', () => {
  it("gives Excel's documented MATCH results, including #N/A for -1 on ascending data", () => {
    expect(
      evaluateAll(grid, ['=MATCH(39,B1:B4,1)', '=MATCH(41,B1:B4,0)', '=MATCH(40,B1:B4,-1)', '=MATCH(39,B1:B4)', '=MATCH(10,B1:B4)']),
    ).toEqual([2, 4, '#N/A', 2, '#N/A']);
  });

  it('binary-searches unsorted keys, stopping at an exact match, as Excel does', () => {
    // A scan would stop at "Oranges" > "Apples" too, but would take "Lemons" for "Pears";
    // Excel's binary search lands on the row it lands on.
    expect(
      evaluateAll(grid, [
        '=VLOOKUP("Apples",A1:C4,3,TRUE())',
        '=VLOOKUP("Apples",A1:C4,3)',
        '=LOOKUP("Apples",A1:A4,C1:C4)',
        '=HLOOKUP(28,B1:C4,2,TRUE())',
      ]),
    ).toEqual([50, 50, 50, 28]);
  });

  it('MATCH -1 finds the smallest value at least as large in a descending list', () => {
    expect(evaluateAll([[50], [40], [30], [20]], ['=MATCH(35,A1:A4,-1)', '=MATCH(40,A1:A4,-1)', '=MATCH(60,A1:A4,-1)'])).toEqual([
      2,
      2,
      '#N/A',
    ]);
  });

  it('LOOKUP reads an empty value as 0 and searches a 2-D vector along its longer side', () => {
    expect(
      evaluateAll(
        [
          [0, 'a'],
          [1, 'b'],
          [2, 'c'],
        ],
        ['=LOOKUP(Z1,A1:B3)', '=LOOKUP(1.5,A1:B3,B1:B3)', '=LOOKUP(1,A1:B3,A1:B2)'],
      ),
    ).toEqual(['a', 'b', '#N/A']);
  });
});
