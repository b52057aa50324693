import { describe, expect, it } from 'vitest';
import { loadEngineWorkbook } from '../../../rules/engine-workbook.js';
import { fromEngineValue } from '../../../rules/field-values.js';

/** A1:E1 known ys, A2:E2 known xs (Excel's INTERCEPT example: 2,3,9,1,8 against 6,5,11,7,5). */
function evaluate(formula: string) {
  const hf = loadEngineWorkbook({
    sheets: [
      {
        name: 'S',
        cells: [[2, 3, 9, 1, 8], [6, 5, 11, 7, 5], [1, 1, 1, 1, 1], [formula]],
      },
    ],
    names: [],
  });
  const value = fromEngineValue(hf.getCellValue({ sheet: 0, row: 3, col: 0 }));
  hf.destroy();
  return value && typeof value === 'object' ? value.error : value;
}

describe('regression, mode, currency and error types', () => {
  it("matches Excel's documented INTERCEPT and FORECAST examples", () => {
    expect(evaluate('=INTERCEPT(A1:E1,A2:E2)')).toBeCloseTo(0.0483871, 6);
    expect(evaluate('=FORECAST(30,{6,7,9,15,21},{20,28,31,38,40})')).toBeCloseTo(10.607253, 6);
    expect(evaluate('=FORECAST.LINEAR(30,{6,7,9,15,21},{20,28,31,38,40})')).toBeCloseTo(10.607253, 6);
    expect(evaluate('=INTERCEPT(A1:E1,A2:D2)')).toBe('#N/A');
    expect(evaluate('=INTERCEPT(A1:E1,A3:E3)')).toBe('#DIV/0!');
  });

  it('finds the most frequent number, or #N/A when none repeats', () => {
    expect(evaluate('=MODE(5.6,4,4,3,2,4)')).toBe(4);
    expect(evaluate('=MODE.SNGL(A2:E2)')).toBe(5);
    expect(evaluate('=MODE(A1:E1)')).toBe('#N/A');
  });

  it('writes currency like DOLLAR and numbers errors like ERROR.TYPE', () => {
    expect(evaluate('=DOLLAR(1234.567)')).toBe('$1,234.57');
    expect(evaluate('=DOLLAR(-1234.567,-2)')).toBe('($1,200)');
    expect(evaluate('=DOLLAR(0.123,4)')).toBe('$0.1230');
    expect(evaluate('=ERROR.TYPE(1/0)')).toBe(2);
    expect(evaluate('=ERROR.TYPE(NA())')).toBe(7);
    expect(evaluate('=ERROR.TYPE(1)')).toBe('#N/A');
  });
});

describe('AVERAGEIFS', () => {
  it('averages the numbers whose rows meet every criterion, as SUMIFS reads criteria', () => {
    // A1:E1 = 2,3,9,1,8 (values), A2:E2 = 6,5,11,7,5 (a condition range)
    expect(evaluate('=AVERAGEIFS(A1:E1,A2:E2,">5")')).toBe(4);
    expect(evaluate('=AVERAGEIFS(A1:E1,A2:E2,5)')).toBe(5.5);
    expect(evaluate('=AVERAGEIFS(A1:E1,A2:E2,">5",A1:E1,"<5")')).toBe(1.5);
    expect(evaluate('=AVERAGEIFS(A1:E1,A2:E2,">100")')).toBe('#DIV/0!');
    expect(evaluate('=AVERAGEIFS(A1:E1,A2:D2,">5")')).toBe('#VALUE!');
  });
});

describe('VDB (Excel documentation examples: cost 2400, salvage 300, life 10 years)', () => {
  it('depreciates any span of periods, switching to straight line, partial periods pro rata', () => {
    expect(evaluate('=VDB(2400,300,10*365,0,1)')).toBeCloseTo(1.32, 2);
    expect(evaluate('=VDB(2400,300,10*12,0,1)')).toBeCloseTo(40, 2);
    expect(evaluate('=VDB(2400,300,10,0,1)')).toBeCloseTo(480, 2);
    expect(evaluate('=VDB(2400,300,10*12,6,18)')).toBeCloseTo(396.31, 2);
    expect(evaluate('=VDB(2400,300,10*12,6,18,1.5)')).toBeCloseTo(311.81, 2);
    expect(evaluate('=VDB(2400,300,10,0,0.875,1.5)')).toBeCloseTo(315, 2);
    expect(evaluate('=VDB(2400,300,10,5,2)')).toBe('#NUM!');
  });

  it("switches to straight line over fractional periods on Excel's schedule (values Excel cached in the corpus)", () => {
    // cost 1, no salvage, life 14, factor 1.25: periods 2.5-3.5 and 3.5-4.5, and 13.5-14.
    expect(evaluate('=VDB(1,0,14,2.5,3.5,1.25,FALSE())')).toBeCloseTo(0.07074765193864536, 12);
    expect(evaluate('=VDB(1,0,14,3.5,4.5,1.25,FALSE())')).toBeCloseTo(0.06872629045468406, 12);
    expect(evaluate('=VDB(1,0,14,13.5,14,1.25,FALSE())')).toBeCloseTo(0.03436314522734203, 12);
    expect(evaluate('=VDB(1,0,14,13,14,1.25,FALSE())')).toBeCloseTo(0.06866789938377948, 12);
  });
});
