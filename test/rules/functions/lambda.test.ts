/**
 * LAMBDA, its calls and its helpers (rules/functions/arrays/lambda.ts), against the errors
 * Microsoft's LAMBDA, MAP, BYROW, MAKEARRAY and ISOMITTED pages document.
 */
import { describe, expect, it } from 'vitest';
import { loadEngineWorkbook } from '../../../rules/engine-workbook.js';
import { fromEngineValue } from '../../../rules/field-values.js';
import type { CellInput, Workbook } from '../../../rules/workbook.js';
import { evaluateArray, evaluateOne } from '../../helpers/engine.js';

/** Each formula on its own (side by side, an array result would run into its neighbour: #SPILL!). */
function evaluateEach(grid: CellInput[][], formulas: string[]): unknown[] {
  return formulas.map((f) => evaluateOne(grid, f));
}

/** The first row's values of a one-sheet workbook with defined names. */
function firstRow(cells: CellInput[][], names: Workbook['names']): unknown[] {
  const hf = loadEngineWorkbook({ sheets: [{ name: 'S', cells }], names });
  try {
    return cells[0].map((_, c) => {
      const v = fromEngineValue(hf.getCellValue({ sheet: 0, row: 0, col: c }));
      return v && typeof v === 'object' ? v.error : v;
    });
  } finally {
    hf.destroy();
  }
}

describe('LAMBDA', () => {
  it('is called with its arguments in brackets; uncalled it is #CALC!, a wrong count #VALUE!', () => {
    expect(
      evaluateEach(
        [],
        ['=LAMBDA(x,y,x+y)(1,2)', '=LAMBDA(x,x)', '=LAMBDA(x,x)(1,2)', '=LAMBDA(x,y,x)(1)', '=LAMBDA(1,2)(3)', '=LAMBDA(7)()'],
      ),
    ).toEqual([3, '#CALC!', '#VALUE!', '#VALUE!', '#VALUE!', 7]);
  });

  it('binds through LET, shadows outer names, and tells an omitted argument (ISOMITTED)', () => {
    expect(
      evaluateEach(
        [[5]],
        [
          '=LET(f,LAMBDA(x,x*2),f(A1))',
          '=LET(x,100,LAMBDA(x,x+1)(1))',
          '=LAMBDA(a,b,ISOMITTED(b))(1,)',
          '=LAMBDA(a,b,ISOMITTED(b))(1,2)',
          '=ISOMITTED(A1)',
          '=LAMBDA(a,b,a+b)(1,)',
        ],
      ),
    ).toEqual([10, 2, true, false, false, 1]);
  });

  it('calls a workbook name defined as a LAMBDA, recursively, and stops runaway recursion with #NUM!', () => {
    const names = [
      { name: 'MYADD', expression: '=LAMBDA(x,y,x+y)' },
      { name: 'FACTORIAL', expression: '=LAMBDA(n,IF(n<=1,1,n*FACTORIAL(n-1)))' },
      { name: 'FOREVER', expression: '=LAMBDA(n,FOREVER(n+1))' },
      { name: 'RATE10', expression: '=0.1' },
    ];
    expect(firstRow([['=MYADD(2,3)', '=FACTORIAL(5)', '=FOREVER(1)', '=RATE10(1)', '=NOSUCHFUNCTION(1)']], names)).toEqual([
      5,
      120,
      '#NUM!',
      '#VALUE!',
      '#NAME?',
    ]);
  });

  it('recalculates when a cell its arguments read changes (they stay dependencies)', () => {
    const hf = loadEngineWorkbook({
      sheets: [
        {
          name: 'S',
          cells: [
            ['=LET(x,B1,x+1)', '=C1*2', 5, '=SUM(MAP(B1:B2,LAMBDA(v,v*10)))'],
            [null, '=C1'],
          ],
        },
      ],
      names: [],
    });
    try {
      expect([hf.getCellValue({ sheet: 0, row: 0, col: 0 }), hf.getCellValue({ sheet: 0, row: 0, col: 3 })]).toEqual([11, 150]);
      hf.setCellContents({ sheet: 0, row: 0, col: 2 }, 7);
      expect([hf.getCellValue({ sheet: 0, row: 0, col: 0 }), hf.getCellValue({ sheet: 0, row: 0, col: 3 })]).toEqual([15, 210]);
    } finally {
      hf.destroy();
    }
  });
});

describe('MAP, REDUCE, SCAN, BYROW, BYCOL, MAKEARRAY', () => {
  const grid = [
    [1, 2, 3],
    [4, 5, 6],
  ];

  it('MAP takes several arrays and a LAMBDA with a parameter for each', () => {
    expect(evaluateArray(grid, '=MAP(A1:C1,A2:C2,LAMBDA(a,b,a*b))', 1, 3)).toEqual([[4, 10, 18]]);
    expect(evaluateEach(grid, ['=MAP(A1:C1,LAMBDA(a,b,a))', '=MAP(A1:C1,5)'])).toEqual(['#VALUE!', '#VALUE!']);
  });

  it('gives #CALC! when the LAMBDA returns an array where one value belongs', () => {
    // BYROW's page: "anything but a single value returned from the LAMBDA function returns a #CALC error".
    expect(evaluateEach(grid, ['=BYROW(A1:C2,LAMBDA(r,r*2))', '=MAP(A1:A2,LAMBDA(v,A1:B1))', '=SCAN(0,A1:B1,LAMBDA(a,b,A1:B1))'])).toEqual([
      '#CALC!',
      '#CALC!',
      '#CALC!',
    ]);
  });

  it('takes a function named bare (eta) where a LAMBDA goes', () => {
    expect(evaluateArray(grid, '=BYROW(A1:C2,SUM)', 2, 1)).toEqual([[6], [15]]);
    expect(evaluateArray(grid, '=BYCOL(A1:C2,MAX)', 1, 3)).toEqual([[4, 5, 6]]);
  });

  it('REDUCE and SCAN start from initial_value; MAKEARRAY needs at least one row and column', () => {
    expect(
      evaluateEach(grid, ['=REDUCE(1,A1:C2,LAMBDA(a,b,a*b))', '=MAKEARRAY(0,2,LAMBDA(r,c,r))', '=MAKEARRAY(2,"x",LAMBDA(r,c,r))']),
    ).toEqual([720, '#VALUE!', '#VALUE!']);
    expect(evaluateArray(grid, '=SCAN(10,A1:C1,LAMBDA(a,b,a-b))', 1, 3)).toEqual([[9, 7, 4]]);
  });
});

describe('GROUPBY', () => {
  const sales = [
    ['Region', 'Sales'],
    ['East', 10],
    ['West', 20],
    ['East', 30],
    ['north', 5],
  ];

  it('groups case-insensitively, sorts by the key, and ends with a grand total', () => {
    expect(evaluateArray(sales, '=GROUPBY(A1:A5,B1:B5,SUM)', 4, 2)).toEqual([
      ['East', 40],
      ['north', 5],
      ['West', 20],
      ['Total', 65],
    ]);
  });

  it('shows headers (3), sorts descending by a value column, filters rows, puts the total first (-1)', () => {
    expect(evaluateArray(sales, '=GROUPBY(A1:A5,B1:B5,SUM,3,0,-2)', 4, 2)).toEqual([
      ['Region', 'Sales'],
      ['East', 40],
      ['West', 20],
      ['north', 5],
    ]);
    expect(evaluateArray(sales, '=GROUPBY(A2:A5,B2:B5,LAMBDA(x,COUNT(x)),0,0)', 3, 2)).toEqual([
      ['East', 2],
      ['north', 1],
      ['West', 1],
    ]);
    expect(evaluateArray(sales, '=GROUPBY(A2:A5,B2:B5,AVERAGE,,-1,,B2:B5>6)', 3, 2)).toEqual([
      ['Total', 20],
      ['East', 20],
      ['West', 20],
    ]);
  });

  it('says what it does not support instead of guessing', () => {
    expect(evaluateEach(sales, ['=GROUPBY(A2:A5,B2:B5,SUM,,2)', '=GROUPBY(A2:A5,B2:B4,SUM)', '=GROUPBY(A2:A5,B2:B5,SUM,,,,,1)'])).toEqual([
      '#VALUE!',
      '#VALUE!',
      '#VALUE!',
    ]);
  });
});
