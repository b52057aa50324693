import { describe, expect, it } from 'vitest';
import { formatPlainNumber } from '../../../rules/functions/number-format.js';
import { formatText, numberFromText } from '../../../rules/functions/text-format.js';

const v = 890123.456789;

describe("Excel's number format codes where SSF differs", () => {
  it('spreads fraction digits over placeholders after later literal points', () => {
    expect(formatPlainNumber(v, '#.###.#.#.#')).toBe('890123.456.7.8.9');
    expect(formatPlainNumber(v, '#,###.##.##')).toBe('890,123.45.68');
    expect(formatPlainNumber(v, '#.#####00#0')).toBe('890123.45678900');
  });

  it('keeps literals between integer placeholders and groups thousands only after a placeholder', () => {
    expect(formatPlainNumber(v, '#,0x#.00.0')).toBe('890,12x3.45.7');
    expect(formatPlainNumber(v, '#x,0x#.00.0')).toBe('8901x,2x3.45.7');
    expect(formatPlainNumber(v, '0,x#.00.0')).toBe('89012x3.45.7');
    expect(formatPlainNumber(1234567, '#,##0,')).toBe('1,235');
  });

  it('multiplies by 100 for each % wherever it stands', () => {
    expect(formatPlainNumber(v, '#%#')).toBe('8901234%6');
    expect(formatPlainNumber(v, '%#%#%')).toBe('%89012345678%9%');
  });

  it('chooses sections as Excel does and shows a section without placeholders as its literals', () => {
    expect([-1, 0, 1].map((n) => formatText(n, 'w;x;z'))).toEqual(['x', 'z', 'w']);
    expect([-1, 0, 1].map((n) => formatText(n, 'w;x@'))).toEqual(['-w', 'w', 'w']);
    expect([-1, 0, 1].map((n) => formatText(n, ''))).toEqual(['-', '', '']);
    expect(formatText(1234.56, '$x*y#,##0* ')).toBe('$x1,235');
    // A single section mixing digits with the text placeholder is a format Excel refuses.
    expect((formatText(1, '#.0@') as { type: string }).type).toBe('VALUE');
  });

  it('counts elapsed time, negative too, and rejects a date code on a number that is no date', () => {
    expect(formatText(-1, '[h]')).toBe('-24');
    expect(formatText(71003160, '[hh]')).toBe('1704075840');
    expect((formatText(-1, 'h') as { type: string }).type).toBe('VALUE');
    expect((formatText(2958466, 'yy') as { type: string }).type).toBe('VALUE');
    expect(formatText(36191.1702084375, 'h:m:s.00')).toBe('4:5:6.01');
  });

  it('reads times in text as Excel does, minutes and seconds past 59 included', () => {
    expect(numberFromText('23:99')).toBeCloseTo((23 * 60 + 99) / 1440, 12);
    expect(numberFromText('0:59:99')).toBeCloseTo((59 * 60 + 99) / 86400, 12);
    expect(numberFromText('59:9999.0')).toBeCloseTo((59 * 60 + 9999) / 86400, 12);
    expect([numberFromText('24:99'), numberFromText('23:60:1'), numberFromText('plugh')]).toEqual([null, null, null]);
    expect(formatText('2007-02-03 19:08:07.0123', '[h]')).toBe('938803');
  });
});
