/**
 * Numbers leave the engine as Excel keeps them: 15 significant digits. Golden answers are
 * what Excel shows for each formula (General format, wide column).
 */
import { describe, expect, it } from 'vitest';
import { csvField } from '../../rules/csv-text.js';
import { excelNumber } from '../../rules/field-values.js';
import { evaluateAll } from '../helpers/engine.js';

describe('numbers as Excel keeps them', () => {
  it('sums with binary noise come out as Excel shows them, in values and in CSV', () => {
    const values = evaluateAll([], ['=217.11+88.8', '=0.1+0.2', '=ROUND(217.11+88.8,2)', '=1/3', '=2/3*1000000', '=-0.1-0.2']);
    expect(values).toEqual([305.91, 0.3, 305.91, 0.333333333333333, 666666.666666667, -0.3]);
    expect(values.map((v) => csvField(v as number))).toEqual(['305.91', '0.3', '305.91', '0.333333333333333', '666666.666666667', '-0.3']);
  });

  it('keeps the 15th digit and drops the 16th', () => {
    expect(excelNumber(123456789012345.6)).toBe(123456789012346);
    expect(excelNumber(1.23456789012345e-10)).toBe(1.23456789012345e-10);
    expect(excelNumber(0.1 + 0.7)).toBe(0.8);
  });

  it('leaves zero, negative zero and non-finite values alone (negative zero is zero, as in Excel)', () => {
    expect(Object.is(excelNumber(-0), 0)).toBe(true);
    expect(excelNumber(Infinity)).toBe(Infinity);
    expect(excelNumber(1e308)).toBe(1e308);
  });
});
