import { describe, expect, it } from 'vitest';
import { evaluateArray } from '../../helpers/engine.js';

// Sales by region and product; every expected cell summed or counted by hand.
const sales = [
  ['Region', 'Product', 'Sales'],
  ['East', 'Apple', 10],
  ['West', 'Apple', 20],
  ['East', 'Pear', 30],
  ['West', 'Pear', 5],
  ['east', 'Apple', 1],
  ['North', 'Pear', 7],
];

describe("PIVOTBY: Excel's two-way summary", () => {
  it('sums by row and column key, with a Total column and row; text keys ignore case; cells with no values show nothing (empty text)', () => {
    expect(evaluateArray(sales, '=PIVOTBY(A1:A7,B1:B7,C1:C7,SUM)', 5, 4)).toEqual([
      ['', 'Apple', 'Pear', 'Total'],
      ['East', 11, 30, 41],
      ['North', '', 7, 7],
      ['West', 20, 5, 25],
      ['Total', 31, 42, 73],
    ]);
  });

  it('takes a LAMBDA or another bare function, and headers told apart by field_headers', () => {
    expect(evaluateArray(sales, '=PIVOTBY(A2:A7,B2:B7,C2:C7,LAMBDA(x,COUNT(x)),0)', 5, 4)).toEqual([
      ['', 'Apple', 'Pear', 'Total'],
      ['East', 2, 1, 3],
      ['North', '', 1, 1],
      ['West', 1, 1, 2],
      ['Total', 3, 3, 6],
    ]);
    expect(evaluateArray(sales, '=PIVOTBY(A1:A7,B1:B7,C1:C7,MAX,1,0,1,0)', 4, 3)).toEqual([
      ['', 'Apple', 'Pear'],
      ['East', 10, 30],
      ['North', '', 7],
      ['West', 20, 5],
    ]);
  });

  it('puts totals first with depth -1 and sorts descending with order -1', () => {
    expect(evaluateArray(sales, '=PIVOTBY(A2:A7,B2:B7,C2:C7,SUM,0,-1,-1,-1,-1)', 5, 4)).toEqual([
      ['', 'Total', 'Pear', 'Apple'],
      ['Total', 73, 42, 31],
      ['West', 25, 5, 20],
      ['North', 7, 7, ''],
      ['East', 41, 30, 11],
    ]);
  });

  it('leaves out the rows filter_array marks FALSE', () => {
    expect(evaluateArray(sales, '=PIVOTBY(A2:A7,B2:B7,C2:C7,SUM,0,1,1,1,1,C2:C7>6)', 4, 4)).toEqual([
      ['', 'Apple', 'Pear', 'Total'],
      ['East', 10, 30, 40],
      ['North', '', 7, 7],
      ['West', 20, '', 20],
    ]);
  });

  it('refuses what it does not support with #VALUE!, and mismatched sizes', () => {
    const one = (formula: string) => evaluateArray(sales, formula, 1, 1)[0][0];
    expect(one('=PIVOTBY(A2:A7,B2:B7,C2:C7,SUM,3)')).toBe('#VALUE!'); // shown headers
    expect(one('=PIVOTBY(A2:B7,B2:B7,C2:C7,SUM)')).toBe('#VALUE!'); // two row fields
    expect(one('=PIVOTBY(A2:A7,B2:B7,C2:C7,SUM,0,2)')).toBe('#VALUE!'); // subtotals
    expect(one('=PIVOTBY(A2:A7,B2:B7,C2:C7,SUM,0,1,2)')).toBe('#VALUE!'); // sort by a value column
    expect(one('=PIVOTBY(A2:A7,B2:B6,C2:C7,SUM)')).toBe('#VALUE!');
    expect(one('=PIVOTBY(A2:A7,B2:B7,C2:C7,NOSUCHFN)')).toBe('#NAME?');
  });
});
