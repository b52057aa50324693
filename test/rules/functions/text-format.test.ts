import { describe, expect, it } from 'vitest';
import { loadEngineWorkbook } from '../../../rules/engine-workbook.js';
import { fromEngineValue } from '../../../rules/field-values.js';

function evaluate(formula: string, date1904 = false) {
  const hf = loadEngineWorkbook({ sheets: [{ name: 'S', cells: [[formula]] }], names: [], date1904 });
  const value = fromEngineValue(hf.getCellValue({ sheet: 0, row: 0, col: 0 }));
  hf.destroy();
  return value && typeof value === 'object' ? value.error : value;
}

describe('TEXT with Excel format codes', () => {
  it('formats numbers, percentages, currency and sections', () => {
    expect(evaluate('=TEXT(1234.567,"$#,##0.00")')).toBe('$1,234.57');
    expect(evaluate('=TEXT(0.285,"0.0%")')).toBe('28.5%');
    expect(evaluate('=TEXT(-5,"0.00;(0.00);""zero""")')).toBe('(5.00)');
    expect(evaluate('=TEXT(0,"0.00;(0.00);""zero""")')).toBe('zero');
    expect(evaluate('=TEXT(1234567,"#,##0,")')).toBe('1,235');
  });

  it('formats dates and times, in either date system', () => {
    expect(evaluate('=TEXT(DATE(2026,11,20),"dddd, mmmm d, yyyy")')).toBe('Friday, November 20, 2026');
    expect(evaluate('=TEXT(DATE(2026,11,20),"ddd dd-mmm-yy")')).toBe('Fri 20-Nov-26');
    expect(evaluate('=TEXT(DATE(2026,1,1)+TIME(14,5,0),"h:mm AM/PM")')).toBe('2:05 PM');
    expect(evaluate('=TEXT(1.5,"[h]:mm")')).toBe('36:00');
    expect(evaluate('=TEXT(0,"yyyy-mm-dd")', true)).toBe('1904-01-01');
    expect(evaluate('=TEXT(DATE(2026,11,20),"yyyy-mm-dd")', true)).toBe('2026-11-20');
  });

  it('leaves text and booleans as they are, reads numbers in text, and passes errors on', () => {
    expect(evaluate('=TEXT("abc","0.00")')).toBe('abc');
    expect(evaluate('=TEXT("12.5","0.00")')).toBe('12.50');
    expect(evaluate('=TEXT(TRUE(),"0")')).toBe('TRUE');
    expect(evaluate('=TEXT(1/0,"0")')).toBe('#DIV/0!');
  });
});
