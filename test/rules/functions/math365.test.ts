import { describe, expect, it } from 'vitest';
import { evaluateAll, evaluateArray, evaluateOne } from '../../helpers/engine.js';

describe('MDETERM, MINVERSE and MUNIT', () => {
  it('computes determinants by hand-checkable cofactor expansion', () => {
    // 2x2: ad - bc; 3x3 upper triangular: the product of the diagonal; a row swap flips the sign.
    expect(evaluateAll([], ['=MDETERM({2,3;1,4})', '=MDETERM({2,1,7;0,3,5;0,0,4})', '=MDETERM({0,1;1,0})', '=MDETERM({5})'])).toEqual([
      5, 24, -1, 5,
    ]);
  });

  it('is #VALUE! for a non-square array, an empty cell or text, and passes an error through', () => {
    const grid = [
      [1, 2],
      [3, null],
      [1, 'x'],
      [5, '#N/A'],
      [1, 1],
    ];
    // `@`: one value in the cell; a plain MINVERSE spills (Excel 365) and its range would cross the next formula.
    expect(evaluateAll(grid, ['=MDETERM(A1:B1)', '=MDETERM(A1:B2)', '=MDETERM(A2:B3)', '=@MINVERSE(A1:B2)', '=MDETERM(A4:B5)'])).toEqual([
      '#VALUE!',
      '#VALUE!',
      '#VALUE!',
      '#VALUE!',
      '#N/A',
    ]);
  });

  it('inverts a matrix so that A times its inverse is the identity, and refuses a singular one with #NUM!', () => {
    // {2,1;5,3} has determinant 1 and inverse {3,-1;-5,2}.
    const inverse = evaluateArray([], '=ARRAYFORMULA(MINVERSE({2,1;5,3}))', 2, 2) as number[][];
    [
      [3, -1],
      [-5, 2],
    ].forEach((row, i) => row.forEach((v, j) => expect(inverse[i][j]).toBeCloseTo(v, 13)));
    const product = evaluateArray([], '=ARRAYFORMULA(MMULT({1,2,3;0,1,4;5,6,0},MINVERSE({1,2,3;0,1,4;5,6,0})))', 3, 3) as number[][];
    product.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(i === j ? 1 : 0, 12)));
    expect(evaluateAll([], ['=@MINVERSE({1,2;2,4})', '=MINVERSE({1,2,3;4,5,6;7,8,9})'])).toEqual(['#NUM!', '#NUM!']);
    // A plain formula shows the block's first value, as Excel's implicit intersection does.
    expect(evaluateOne([], '=MINVERSE({2,1;5,3})')).toBe(3);
  });

  it('builds identity matrices and refuses a dimension below 1', () => {
    expect(evaluateArray([], '=ARRAYFORMULA(MUNIT(2))', 2, 2)).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(evaluateAll([], ['=MUNIT(0)', '=MUNIT(-2)', '=MUNIT(1)', '=SUM(MUNIT(4))'])).toEqual(['#VALUE!', '#VALUE!', 1, 4]);
  });
});

describe('AGGREGATE', () => {
  // A7 is a subtotal of A3:A5 (50), which options 0 to 3 leave out.
  const grid = [[10], ['#DIV/0!'], [20], ['text'], [30], [true], ['=SUBTOTAL(9,A3:A5)']];

  it('runs each of the 19 functions over numbers, skipping errors with options 6 and 2', () => {
    const data = [[1], [2], [2], [5], ['#N/A']];
    const formulas = Array.from({ length: 13 }, (_, i) => `=AGGREGATE(${i + 1},6,A1:A5)`);
    // By hand over 1, 2, 2, 5: mean 2.5, squares of deviations 2.25+0.25+0.25+6.25 = 9.
    const results = evaluateAll(data, formulas) as number[];
    [2.5, 4, 4, 5, 1, 20, Math.sqrt(3), 1.5, 10, 3, 2.25, 2, 2].forEach((v, i) => expect(results[i]).toBeCloseTo(v, 12));
    expect(
      evaluateAll(data, [
        '=AGGREGATE(14,6,A1:A5,2)',
        '=AGGREGATE(15,6,A1:A5,1)',
        '=AGGREGATE(16,6,A1:A5,0.5)',
        '=AGGREGATE(17,6,A1:A5,3)',
        '=AGGREGATE(18,6,A1:A5,0.4)',
        '=AGGREGATE(19,6,A1:A5,1)',
      ]),
    ).toEqual([2, 1, 2, 2.75, 2, 1.25]);
  });

  it('passes errors through with options 0, 4 and 5, and leaves out nested SUBTOTAL/AGGREGATE cells with options 0 to 3', () => {
    expect(
      evaluateAll(grid, [
        '=AGGREGATE(9,4,A1:A5)',
        '=AGGREGATE(9,5,A1:A5)',
        '=AGGREGATE(9,0,A1:A7)',
        '=AGGREGATE(9,6,A1:A7)',
        '=AGGREGATE(9,7,A1:A7)',
        '=AGGREGATE(9,3,A1:A7)',
        '=AGGREGATE(9,0,A3:A7)',
        '=AGGREGATE(9,4,A3:A7)',
      ]),
    ).toEqual(['#DIV/0!', '#DIV/0!', '#DIV/0!', 110, 110, 60, 50, 100]);
  });

  it('counts non-empty cells for COUNTA and checks its arguments', () => {
    expect(
      evaluateAll(grid, ['=AGGREGATE(3,6,A1:A6)', '=AGGREGATE(20,6,A1:A5)', '=AGGREGATE(9,8,A1:A5)', '=AGGREGATE(14,6,A1:A5)']),
    ).toEqual([5, '#VALUE!', '#VALUE!', '#VALUE!']);
    expect(evaluateAll(grid, ['=AGGREGATE(14,6,A1:A5,4)', '=AGGREGATE(1,6,A4)'])).toEqual(['#NUM!', '#DIV/0!']);
  });
});

describe('CEILING.MATH, FLOOR.MATH and DECIMAL', () => {
  it('turns mode the way Excel does for negative numbers', () => {
    expect(
      evaluateAll(
        [],
        [
          '=CEILING.MATH(-5.5,2,1)',
          '=CEILING.MATH(-5.5,2)',
          '=FLOOR.MATH(-5.5,2,1)',
          '=FLOOR.MATH(-5.5,2)',
          '=CEILING.MATH(5.5,-2,1)',
          '=FLOOR.MATH(5.5,0)',
          '=CEILING.MATH(24.3,5)',
        ],
      ),
    ).toEqual([-6, -4, -4, -6, 6, 0, 25]);
  });

  it('reads digits in either case and refuses a digit outside the base or a radix outside 2 to 36', () => {
    expect(evaluateAll([], ['=DECIMAL("ff",16)', '=DECIMAL("Zz",36)', '=DECIMAL("12",2)', '=DECIMAL("1",37)', '=DECIMAL("",2)'])).toEqual([
      255,
      35 * 36 + 35,
      '#NUM!',
      '#NUM!',
      0,
    ]);
  });
});

describe('SUMPRODUCT and SUBTOTAL', () => {
  const grid = [
    [1, 5, 'x'],
    [2, 6, true],
    [3, 7, 4],
    [null, '#N/A'],
  ];

  it('evaluates array expressions in a plain formula, counting entries that are not numbers as 0', () => {
    // (A>1)*B: 0*5 + 6 + 7 = 13; bare comparisons are TRUE/FALSE, which count as 0; x and TRUE count as 0: 3*4.
    expect(
      evaluateAll(grid, [
        '=SUMPRODUCT((A1:A3>1)*B1:B3)',
        '=SUMPRODUCT(--(A1:A3>1))',
        '=SUMPRODUCT(A1:A3>1)',
        '=SUMPRODUCT(A1:A3,B1:B3)',
        '=SUMPRODUCT(A1:A3,C1:C3)',
        '=SUMPRODUCT({1,2;3,4},{1,1;2,2})',
      ]),
    ).toEqual([13, 2, 0, 38, 12, 17]);
  });

  it('is #VALUE! for arrays of different dimensions and passes an error on', () => {
    expect(evaluateAll(grid, ['=SUMPRODUCT(A1:A3,B1:B2)', '=SUMPRODUCT(A1:A4,B1:B4)'])).toEqual(['#VALUE!', '#N/A']);
    // Single cells are single values: text there is #VALUE! (POI's Excel-made test data records this).
    expect(evaluateAll(grid, ['=SUMPRODUCT(C1:C1,A1:A1)', '=SUMPRODUCT(3,A2,B2)', '=SUMPRODUCT(2,A1:A2)'])).toEqual([
      '#VALUE!',
      36,
      '#VALUE!',
    ]);
  });

  it('leaves cells that are themselves subtotals out of a subtotal, as Excel does', () => {
    const groups = [[1], [2], ['=SUBTOTAL(9,A1:A2)'], [4], ['=SUBTOTAL(9,A4)']];
    // The grand total is 1 + 2 + 4, not 1 + 2 + 3 + 4 + 4; the engine keeps 15 significant digits.
    expect(
      evaluateAll(groups, [
        '=SUBTOTAL(9,A1:A5)',
        '=SUBTOTAL(109,A1:A5)',
        '=SUBTOTAL(2,A1:A5)',
        '=SUBTOTAL(1,A1:A5)',
        '=SUBTOTAL(12,A1:A5)',
        '=SUBTOTAL(4,A6:A7)',
      ]),
    ).toEqual([7, 7, 3, Number((7 / 3).toPrecision(15)), '#VALUE!', 0]);
  });
});
