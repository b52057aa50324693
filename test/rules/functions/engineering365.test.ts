/**
 * Excel 365's engineering additions (rules/functions/engineering/): CONVERT over its unit
 * table and prefixes, ERF.PRECISE/ERFC.PRECISE against published values of erf, GESTEP, and
 * the complex-number functions' text in Excel's 15 significant digits.
 */
import { describe, expect, it } from 'vitest';
import { excelComplexText } from '../../../rules/functions/engineering/complex-text.js';
import { evaluateAll, evaluateOne } from '../../helpers/engine.js';

const num = (formula: string) => evaluateOne([], formula) as number;

describe('CONVERT', () => {
  it('applies metric prefixes, squared and cubed with their unit', () => {
    expect(num('=CONVERT(1,"km","m")')).toBeCloseTo(1000, 9);
    expect(num('=CONVERT(1,"daN","N")')).toBeCloseTo(10, 12);
    expect(num('=CONVERT(1,"km2","m2")')).toBeCloseTo(1e6, 6);
    expect(num('=CONVERT(1,"km^2","m^2")')).toBeCloseTo(1e6, 6);
    expect(num('=CONVERT(1,"cm3","m3")')).toBeCloseTo(1e-6, 18);
    expect(num('=CONVERT(1,"ha","m2")')).toBeCloseTo(1e4, 8);
    expect(num('=CONVERT(2500,"mg","g")')).toBeCloseTo(2.5, 12);
  });

  it('applies binary prefixes to bits and bytes only', () => {
    expect(num('=CONVERT(1,"kibyte","byte")')).toBe(1024);
    expect(num('=CONVERT(1,"Mibit","kibit")')).toBe(1024);
    expect(num('=CONVERT(1,"byte","bit")')).toBe(8);
    expect(evaluateOne([], '=CONVERT(1,"kim","m")')).toBe('#N/A');
  });

  it('converts between imperial and metric units by their definitions', () => {
    expect(num('=CONVERT(1,"mi","km")')).toBeCloseTo(1.609344, 9);
    expect(num('=CONVERT(1,"in","cm")')).toBeCloseTo(2.54, 9);
    expect(num('=CONVERT(1,"kn","m/h")')).toBeCloseTo(1852, 6);
    expect(num('=CONVERT(1,"hr","mn")')).toBeCloseTo(60, 10);
    expect(num('=CONVERT(1,"atm","Pa")')).toBeCloseTo(101325, 3);
    expect(num('=CONVERT(1,"gal","l")')).toBeCloseTo(3.785411784, 8);
  });

  it('converts temperatures with their offsets', () => {
    expect(
      evaluateAll(
        [],
        [
          '=CONVERT(0,"C","K")',
          '=CONVERT(100,"cel","fah")',
          '=CONVERT(0,"K","Rank")',
          '=CONVERT(80,"Reau","C")',
          '=CONVERT(491.67,"Rank","C")',
        ],
      ).map((v) => Math.round((v as number) * 1e9) / 1e9),
    ).toEqual([273.15, 212, 0, 100, 0]);
  });

  it('gives #N/A for unknown units, prefixes a unit does not take, different groups and wrong case', () => {
    expect(
      evaluateAll(
        [],
        ['=CONVERT(1,"furlong","m")', '=CONVERT(1,"kft","m")', '=CONVERT(1,"m","kg")', '=CONVERT(1,"KG","g")', '=CONVERT(1,"kC","C")'],
      ),
    ).toEqual(['#N/A', '#N/A', '#N/A', '#N/A', '#N/A']);
  });

  it('reads numeric text and rejects other text', () => {
    expect(evaluateAll([], ['=CONVERT("2","m","cm")', '=CONVERT("two","m","cm")'])).toEqual([200, '#VALUE!']);
  });
});

describe('ERF.PRECISE, ERFC.PRECISE and GESTEP', () => {
  it('match published values of erf and erfc, far into the tail', () => {
    // Abramowitz & Stegun / DLMF values of erf(0.5), erf(2.5), erfc(3) and erfc(6).
    expect(num('=ERF.PRECISE(0.5)')).toBeCloseTo(0.5204998778130465, 15);
    expect(num('=ERF.PRECISE(2.5)')).toBeCloseTo(0.999593047982555, 15);
    expect(num('=ERF.PRECISE(-0.5)')).toBeCloseTo(-0.5204998778130465, 15);
    expect(num('=ERFC.PRECISE(3)') / 2.209049699858544e-5).toBeCloseTo(1, 12);
    expect(num('=ERFC.PRECISE(6)') / 2.151973671249892e-17).toBeCloseTo(1, 10);
    expect(num('=ERFC.PRECISE(-1)')).toBeCloseTo(1.8427007929497148, 13);
  });

  it('GESTEP is 1 at or above the step, defaults the step to 0, and rejects text', () => {
    expect(evaluateAll([], ['=GESTEP(0)', '=GESTEP(-0.0001)', '=GESTEP(3,3)', '=GESTEP("x")'])).toEqual([1, 0, 1, '#VALUE!']);
  });
});

describe('complex-number text', () => {
  it('writes each part with 15 significant digits, as Excel does', () => {
    expect(
      evaluateAll([], ['=IMDIV("1","3")', '=IMSUM("1.5+2.25i","1")', '=IMPRODUCT("i","i")', '=COMPLEX(0,-1)', '=IMCONJUGATE("-2i")']),
    ).toEqual(['0.333333333333333', '2.5+2.25i', '-1', '-i', '2i']);
  });

  it('keeps the value: IMCSCH is 1/sinh', () => {
    // sinh(4+3i) = -27.0168132580039+3.85373803791938i; its reciprocal has a negative imaginary part.
    expect(evaluateOne([], '=IMCSCH("4+3i")')).toBe('-0.036275889628626-0.0051744731840194i');
    const [re, im] = evaluateAll([], ['=IMREAL(IMDIV(1,IMSINH("4+3i")))', '=IMAGINARY(IMDIV(1,IMSINH("4+3i")))']) as number[];
    expect(re).toBeCloseTo(-0.036275889628626, 14);
    expect(im).toBeCloseTo(-0.0051744731840194, 15);
  });

  it('reads every form of HyperFormula text', () => {
    expect(['4i', '-i', '3', '0.1+0.2i', '1e-20+2i', '2-0.30000000000000004j'].map(excelComplexText)).toEqual([
      '4i',
      '-i',
      '3',
      '0.1+0.2i',
      '1e-20+2i',
      '2-0.3j',
    ]);
  });
});
