/**
 * Excel's spelling of numbers in formulas that HyperFormula's parser does not take as it is:
 * an upper-case exponent (`1E5`, `1E+5`, `2.5E-3`). The translation (rules/formula-text.ts)
 * must change only numbers, never a cell reference such as `E5` or a name.
 */
import { describe, expect, it } from 'vitest';
import { loadEngineWorkbook } from '../../rules/engine-workbook.js';
import { fromEngineValue } from '../../rules/field-values.js';
import { normaliseFormula } from '../../rules/formula-text.js';
import type { CellInput, CellValue } from '../../rules/workbook.js';

/** The value of A1 in a one-sheet workbook whose first row is `row`. */
function valueOfA1(row: CellInput[], names: { name: string; expression: string }[] = []): CellValue {
  const hf = loadEngineWorkbook({ sheets: [{ name: 'S', cells: [row] }], names });
  try {
    return fromEngineValue(hf.getCellValue({ sheet: 0, row: 0, col: 0 }));
  } finally {
    hf.destroy();
  }
}

describe('upper-case exponents in formulas', () => {
  it.each([
    ['=1E5', 100000],
    ['=1E+5', 100000],
    ['=2.5E-3', 0.0025],
    ['=.5E1', 5],
    ['=3.E2', 300],
    // Microsoft's LOG10 page: =LOG10(1E5) is 5.
    ['=LOG10(1E5)', 5],
    ['=SUM({1E2,2E1})', 120],
  ])('%s is %s', (formula, expected) => {
    expect(valueOfA1([formula])).toBeCloseTo(expected, 12);
  });

  it('leaves cell references that look like exponents alone', () => {
    // E5 is a cell, not an exponent: A1 = 2 * E1 (E1 holds 7) and the `1` before `E1` is its own number.
    expect(valueOfA1(['=2*E1+1', null, null, null, 7])).toBe(15);
    expect(normaliseFormula('=$E$5+1E5')).toBe('=$E$5+1e5');
    expect(normaliseFormula('=E5*1E-2')).toBe('=E5*1e-2');
    expect(normaliseFormula('=Sheet1!E5')).toBe('=Sheet1!E5');
  });

  it('leaves strings and names alone', () => {
    expect(normaliseFormula('="1E5"&X1E5')).toBe('="1E5"&X1E5');
    expect(valueOfA1(['=LEN("2E5")'])).toBe(3);
    expect(valueOfA1(['=RATE1E2*2'], [{ name: 'RATE1E2', expression: '=21' }])).toBe(42);
  });
});
