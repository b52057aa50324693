import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../helpers/engine.js';

describe('rounding and aggregates as Excel computes them', () => {
  it('rounds in decimal, truncating the number of digits', () => {
    expect(
      evaluateAll(
        [],
        [
          '=ROUND(2.675,2)',
          '=ROUND(1.005,2)',
          '=ROUND(-2.5,0)',
          '=ROUND(1234.5678,-2)',
          '=ROUND(1.00001,1.9)',
          '=ROUNDUP(0.3*3,1)',
          '=ROUNDDOWN(-3.14159,3)',
          '=ROUNDUP(-3.14159,1)',
        ],
      ),
    ).toEqual([2.68, 1.01, -3, 1200, 1, 0.9, -3.141, -3.2]);
  });

  it('INT rounds down and CEILING to 0 significance is 0', () => {
    expect(
      evaluateAll(
        [],
        ['=INT(-0.5)', '=INT(8.9)', '=INT(-0.00001)', '=CEILING(2,0)', '=CEILING(0.3,0.1)', '=CEILING(-2.5,2)', '=CEILING(2.5,-2)'],
      ),
    ).toEqual([-1, 8, -1, 0, 0.3, -2, '#NUM!']);
  });

  it("aggregates skip text in cells but read typed values, with Excel's results for no numbers", () => {
    const grid = [['TRUE', 'x', 2, 3]];
    expect(
      evaluateAll(grid, [
        '=PRODUCT(A1,C1)',
        '=PRODUCT(A1:B1)',
        '=PRODUCT("2",C1)',
        '=LARGE(TRUE(),1)',
        '=LARGE("2.3",1)',
        '=SMALL(A1:D1,1)',
        '=AVEDEV(A1:B1)',
        '=DEVSQ(C1:D1)',
      ]),
    ).toEqual([2, 0, 4, 1, 2.3, 2, '#NUM!', 0.5]);
  });

  it('SUMX2MY2 and friends: #N/A for different sizes, #DIV/0! without a pair of numbers', () => {
    const grid = [
      [1, 2, 'a'],
      [3, 4, 'b'],
    ];
    expect(
      evaluateAll(grid, [
        '=SUMX2MY2(A1:A2,B1:B2)',
        '=SUMX2PY2(A1:A2,B1:B2)',
        '=SUMXMY2(A1:A2,B1:B2)',
        '=SUMXMY2(A1:A2,B1:B1)',
        '=SUMXMY2(A1:A2,C1:C2)',
      ]),
    ).toEqual([-10, 30, 2, '#N/A', '#DIV/0!']);
  });

  it('reads a formula that refers to an empty cell as 0, as Excel does', () => {
    // B1 and B2 are =A1 and =A2, both empty cells.
    const grid = [
      [null, '=A1'],
      [null, '=A2'],
    ];
    expect(evaluateAll(grid, ['=COUNT(B1:B2)', '=PRODUCT(B1:B2,5)', '=LEN(B1)', '=ISBLANK(B1)', '=B1'])).toEqual([2, 0, 1, false, 0]);
  });

  it('compares and subtracts to 15 significant digits, as Excel does', () => {
    // Excel's file holds -0.0004123352207443532 for the difference and shows its 15 significant
    // digits, -0.000412335220744353: values leave the engine as Excel shows them.
    expect(evaluateAll([], ['=1.11111111111111=1.1111111111111', '=0.1+0.2=0.3', '=1188.443-1188.4434123352207'])).toEqual([
      false,
      true,
      -0.000412335220744353,
    ]);
  });
});
