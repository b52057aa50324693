import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../web/src/lib/clipboard.js';

describe('clipboard text', () => {
  it('reads what Excel and LibreOffice copy: tabs, CRLF, quoted cells with tabs, newlines and quotes', () => {
    expect(parseTsv('a\tb\r\n1\t=A2*2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '=A2*2'],
    ]);
    expect(parseTsv('"two\nlines"\t"say ""hi"""\t"a\tb"\n')).toEqual([['two\nlines', 'say "hi"', 'a\tb']]);
    expect(parseTsv('x\t\ty')).toEqual([['x', '', 'y']]);
  });

  it('writes text that reads back the same', () => {
    const rows = [
      ['=SUM(A1:A3)', 'tab\there'],
      ['"quoted"', 'multi\nline'],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });
});
