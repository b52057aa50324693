/**
 * The array-shaping and selecting functions (rules/functions/arrays/shape.ts, select.ts)
 * beyond Microsoft's page examples: the errors and argument forms each page documents.
 */
import { describe, expect, it } from 'vitest';
import type { CellInput } from '../../../rules/workbook.js';
import { evaluateArray, evaluateOne } from '../../helpers/engine.js';

/** Each formula on its own (side by side, an array result would run into its neighbour: #SPILL!). */
function evaluateEach(grid: CellInput[][], formulas: string[]): unknown[] {
  return formulas.map((f) => evaluateOne(grid, f));
}

const NINE = [
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
];

describe('TAKE and DROP', () => {
  it('give #CALC! for an empty result, and never more than the array', () => {
    // TAKE's page: "#CALC! ... when either rows or columns is 0".
    expect(evaluateEach(NINE, ['=TAKE(A1:C3,0)', '=TAKE(A1:C3,1,0)', '=DROP(A1:C3,3)', '=DROP(A1:C3,,-5)'])).toEqual([
      '#CALC!',
      '#CALC!',
      '#CALC!',
      '#CALC!',
    ]);
    expect(evaluateArray(NINE, '=TAKE(A1:C3,10)', 3, 3)).toEqual(NINE);
    expect(evaluateArray(NINE, '=DROP(A1:C3,-1,-1)', 2, 2)).toEqual([
      [1, 2],
      [4, 5],
    ]);
  });

  it('take an array expression and a count only evaluation knows', () => {
    expect(evaluateArray([[1], [2], [3], [2]], '=TAKE(A1:A3*10,A4)', 3, 1)).toEqual([[10], [20], [null]]);
    expect(evaluateEach(NINE, ['=SUM(TAKE(A1:C3,2))', '=ROWS(DROP(A1:C3,1))'])).toEqual([21, 2]);
  });
});

describe('CHOOSEROWS, CHOOSECOLS and EXPAND', () => {
  it('refuse an index of 0 or past the array, and a smaller EXPAND, with #VALUE!', () => {
    expect(evaluateEach(NINE, ['=CHOOSEROWS(A1:C3,0)', '=CHOOSEROWS(A1:C3,4)', '=CHOOSECOLS(A1:C3,-4)', '=EXPAND(A1:C3,2)'])).toEqual([
      '#VALUE!',
      '#VALUE!',
      '#VALUE!',
      '#VALUE!',
    ]);
  });

  it('pad EXPAND with #N/A by default and keep the size when rows are omitted', () => {
    expect(evaluateArray(NINE, '=EXPAND(A1:B1,,3)', 1, 3)).toEqual([[1, 2, '#N/A']]);
  });
});

describe('TOCOL, TOROW, WRAPROWS and WRAPCOLS', () => {
  it('leave out errors (ignore 2) and blanks (1), scanning by row or column', () => {
    const grid = [
      [1, '=1/0'],
      [null, 4],
    ];
    expect(evaluateArray(grid, '=TOCOL(A1:B2,2)', 3, 1)).toEqual([[1], [0], [4]]);
    expect(evaluateArray(grid, '=TOROW(A1:B2,3,TRUE)', 1, 2)).toEqual([[1, 4]]);
    expect(evaluateEach(grid, ['=TOCOL(A1:B2,4)', '=TOCOL(A2,1)'])).toEqual(['#VALUE!', '#CALC!']);
  });

  it('wrap only a vector, at least one value a line', () => {
    // WRAPROWS' page: #VALUE! when the vector is not one-dimensional, #NUM! when wrap_count < 1.
    expect(evaluateEach(NINE, ['=WRAPROWS(A1:C3,2)', '=WRAPROWS(A1:C1,0)', '=WRAPCOLS(A1:C1,0)'])).toEqual(['#VALUE!', '#NUM!', '#NUM!']);
  });
});

describe('FILTER, SORTBY, RANDARRAY, PERCENTOF, TRIMRANGE', () => {
  const table = [
    ['East', 10, 2],
    ['West', 20, 1],
    ['East', 30, 1],
  ];

  it('FILTER: #CALC! when nothing passes and no if_empty; include may be a row that picks columns', () => {
    expect(evaluateEach(table, ['=FILTER(A1:A3,B1:B3>99)', '=FILTER(A1:A3,B1:B2>0)'])).toEqual(['#CALC!', '#VALUE!']);
    expect(evaluateArray(table, '=FILTER(A1:C1,{1,0,1})', 1, 2)).toEqual([['East', 2]]);
  });

  it('SORTBY: several keys, ties in their order, a by_array of the wrong length is #VALUE!', () => {
    expect(evaluateArray(table, '=SORTBY(B1:B3,C1:C3,1,B1:B3,-1)', 3, 1)).toEqual([[30], [20], [10]]);
    expect(evaluateArray(table, '=SORTBY(A1:A3,C1:C3)', 3, 1)).toEqual([['West'], ['East'], ['East']]);
    expect(evaluateEach(table, ['=SORTBY(A1:A3,C1:C2)', '=SORTBY(A1:A3,C1:C3,2)'])).toEqual(['#VALUE!', '#VALUE!']);
  });

  it('RANDARRAY: the shape asked for, within its bounds, whole numbers when asked', () => {
    const values = evaluateArray([], '=RANDARRAY(4,3,5,7,TRUE)', 4, 3).flat();
    expect(values).toHaveLength(12);
    for (const v of values) expect([5, 6, 7]).toContain(v);
    const decimals = evaluateArray([], '=RANDARRAY(2,2)', 2, 2).flat() as number[];
    for (const v of decimals) expect(v >= 0 && v < 1).toBe(true);
    expect(evaluateEach([], ['=RANDARRAY(2,2,3,1)', '=RANDARRAY(1,1,0.5,2,TRUE)', '=ROWS(RANDARRAY(5))'])).toEqual([
      '#VALUE!',
      '#VALUE!',
      5,
    ]);
  });

  it('PERCENTOF is SUM(subset)/SUM(all); TRIMRANGE of a blank range is #CALC!', () => {
    expect(evaluateEach(table, ['=PERCENTOF(B1:B2,B1:B3)', '=PERCENTOF(B1,D1:D3)', '=TRIMRANGE(E1:F3)'])).toEqual([
      0.5,
      '#DIV/0!',
      '#CALC!',
    ]);
    // A blank left in shows as 0, as Excel spills a blank cell.
    expect(
      evaluateArray(
        [
          [null, null],
          [null, 5],
        ],
        '=TRIMRANGE(A1:B2,0,1)',
        2,
        1,
      ),
    ).toEqual([[0], [5]]);
  });
});
