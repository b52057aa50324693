import { describe, expect, it } from 'vitest';
import { fromEngineFormula, normaliseFormula } from '../../../rules/formula-text.js';
import { evaluateAll, evaluateArray } from '../../helpers/engine.js';

// A1:C3 = 1..9 by rows (B2 a formula), E1 = 1, F1 = 2.
const grid = [
  [1, 2, 3, null, 1, 2],
  [4, '=A2+1', 6],
  [7, 8, 9],
];

describe('OFFSET and INDIRECT', () => {
  it("OFFSET takes a range and offsets from cells, as Excel's does", () => {
    expect(
      evaluateAll(grid, [
        '=OFFSET(A1,1,1)',
        '=OFFSET(A1:C3,E1,F1,1,1)',
        '=SUM(OFFSET(A1:C3,1,0,2,2))',
        '=SUM(OFFSET(A1:B2,1,1))',
        '=OFFSET(A1,"2.1","1.9")',
        '=OFFSET(A1,-1,0)',
        '=OFFSET(A1,0,0,0,1)',
      ]),
    ).toEqual([5, 6, 24, 28, 8, '#REF!', '#REF!']);
  });

  it('OFFSET fills an array formula with the range it points to', () => {
    expect(evaluateArray(grid, '=ARRAYFORMULA(OFFSET(A1,1,0,1,3))', 1, 3)).toEqual([[4, 5, 6]]);
  });

  it('INDIRECT reads A1 references from text, with or without a sheet', () => {
    expect(
      evaluateAll(grid, [
        '=INDIRECT("B2")',
        '=INDIRECT("$C$3")',
        '=SUM(INDIRECT("A1:C1"))',
        '=INDIRECT("S!A3")',
        '=INDIRECT("nonsense")',
        '=INDIRECT("Nowhere!A1")',
      ]),
    ).toEqual([5, 9, 6, 7, '#REF!', '#REF!']);
  });

  it('the engine calls OFFSET by its own name, and gives the formula back in Excel words', () => {
    const engine = normaliseFormula('=SUM(OFFSET(A1:B2,1,1))');
    expect(engine).toBe('=SUM(XLOFFSET(A1:B2,1,1))');
    expect(fromEngineFormula(engine)).toBe('=SUM(OFFSET(A1:B2,1,1))');
  });
});
