/**
 * Ranges whose end a function gives (`A2:CHOOSE(2,A3,A4)`, `A1:INDEX(A:A,n)`) and AREAS'
 * union `(B2:D4,E5)`, which HyperFormula's grammar lacks (rules/functions/range-ends.ts and
 * reference.ts). The sums are worked out by hand from the grid: A1:C3 holds 1..9 by rows.
 */
import { describe, expect, it } from 'vitest';
import { fromEngineFormula, normaliseFormula } from '../../../rules/formula-text.js';
import { evaluateAll } from '../../helpers/engine.js';

// A1:C3 = 1..9 by rows (B2 a formula giving 5), E1 = 1.
const grid = [
  [1, 2, 3, null, 1],
  [4, '=A2+1', 6],
  [7, 8, 9],
];

describe('a range whose end a function gives', () => {
  it("spans from one end to the reference CHOOSE, INDEX, OFFSET, INDIRECT or IF picks, as Excel's does", () => {
    expect(
      evaluateAll(grid, [
        '=SUM(A1:CHOOSE(2,A2,A3))', // A1:A3 = 1+4+7
        '=SUM(A1:CHOOSE(3,A1,A2,C3))', // A1:C3 = 45
        '=SUM(CHOOSE(1,B1,C1):C3)', // B1:C3 = 2+3+5+6+8+9
        '=SUM(A1:INDEX(A1:C3,2,2))', // A1:B2 = 1+2+4+5
        '=SUM(INDEX(A1:C3,1,1):INDEX(A1:C3,3,1))', // A1:A3
        '=SUM(INDEX(A1:C1,2):C3)', // a one-row INDEX takes its index along the row: B1:C3
        '=SUM(A1:OFFSET(A1,1,1))', // A1:B2
        '=SUM(A1:INDIRECT("C1"))', // A1:C1 = 6
        '=SUM(A1:IF(E1=1,B2,C3))', // A1:B2
      ]),
    ).toEqual([12, 45, 33, 12, 12, 33, 12, 6, 12]);
  });

  it('is #VALUE! when the function gives a value or an index out of range, #REF! outside its reference', () => {
    expect(evaluateAll(grid, ['=SUM(A1:CHOOSE(5,A2,A3))', '=SUM(A1:ABS(3))', '=SUM(A1:INDEX(A1:C3,4,1))'])).toEqual([
      '#VALUE!',
      '#VALUE!',
      '#REF!',
    ]);
  });

  it('reads back in Excel words, strings and sheet names untouched', () => {
    for (const [excel, engine] of [
      ['=SUM(A2:CHOOSE(2,A3,A4,A5))', '=SUM(XLRANGE(A2,CHOOSE(2,A3,A4,A5)))'],
      ["=SUM('My sheet'!A1:INDEX(B1:B9,3))", "=SUM(XLRANGE('My sheet'!A1,INDEX(B1:B9,3)))"],
      ['=SUM(A1:B2)&"x:INDEX("', '=SUM(A1:B2)&"x:INDEX("'],
    ]) {
      expect(normaliseFormula(excel)).toBe(engine);
      expect(fromEngineFormula(engine)).toBe(excel);
    }
  });
});

describe("AREAS' union of references", () => {
  it('counts each reference of the union, and a bracketed single range as one', () => {
    expect(evaluateAll(grid, ['=AREAS((A1:B2,C3,E1:F1))', '=AREAS((A1:B2))', '=AREAS((A1:B2,5))'])).toEqual([3, 1, '#VALUE!']);
  });

  it('is read only as AREAS’ argument: elsewhere the formula still fails to parse', () => {
    expect(normaliseFormula('=AREAS((B2:D4,E5,F6:I9))')).toBe('=AREAS(XLUNION(B2:D4,E5,F6:I9))');
    expect(fromEngineFormula('=AREAS(XLUNION(B2:D4,E5,F6:I9))')).toBe('=AREAS((B2:D4,E5,F6:I9))');
    expect(normaliseFormula('=SUM((A1,B2))')).toBe('=SUM((A1,B2))');
  });
});
