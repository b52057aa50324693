/**
 * Excel 365's text functions added for issue 16 (rules/functions/text/): golden values worked
 * out by hand from Microsoft's documentation of each function.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../rules/hf.js';
import { fromEngineValue } from '../../../rules/field-values.js';
import { findB, leftB, lenB, midB, replaceB, rightB } from '../../../rules/functions/text/bytes.js';
import { translatePcre } from '../../../rules/functions/text/pcre.js';

/** Evaluates a formula in F1 over A1 = "a,b;c,d", A2 = "Dylan Williams", A3 = 1234.5; returns the F1 block it fills. */
function spilled(formula: string, rows = 1, cols = 1) {
  const hf = createEngine();
  const id = hf.getSheetId(hf.addSheet('S'))!;
  hf.setSheetContent(id, [['a,b;c,d'], ['Dylan Williams'], [1234.5]]);
  hf.setCellContents({ sheet: id, row: 0, col: 5 }, [[formula]]);
  const block = hf
    .getSheetValues(id)
    .slice(0, rows)
    .map((row) => row.slice(5, 5 + cols).map((v) => fromEngineValue(v as never)));
  hf.destroy();
  return block.map((row) => row.map((v) => (v && typeof v === 'object' ? v.error : v)));
}
const evaluate = (formula: string) => spilled(formula)[0][0];

describe('byte functions', () => {
  it('equal their character twins in the engine (single-byte) locale', () => {
    expect(evaluate('=LENB("Fluid Flow")')).toBe(10);
    expect(evaluate('=LEFTB("Fluid Flow",5)')).toBe('Fluid');
    expect(evaluate('=RIGHTB("Fluid Flow",4)')).toBe('Flow');
    expect(evaluate('=MIDB("Fluid Flow",7,20)')).toBe('Flow');
    expect(evaluate('=FINDB("l","Fluid Flow",3)')).toBe(8);
    expect(evaluate('=SEARCHB("f?o","Fluid Flow")')).toBe(7);
    expect(evaluate('=REPLACEB("abcdefghijk",6,5,"*")')).toBe('abcde*k');
    expect(evaluate('=LEFTB("abc")')).toBe('a');
  });

  it('give #VALUE! for negative counts, a start before 1 and text not found', () => {
    expect(evaluate('=LEFTB("abc",-1)')).toBe('#VALUE!');
    expect(evaluate('=MIDB("abc",0,1)')).toBe('#VALUE!');
    expect(evaluate('=FINDB("z","abc")')).toBe('#VALUE!');
    expect(evaluate('=FINDB("a","abc",5)')).toBe('#VALUE!');
  });

  it('count two bytes per double-byte character in a DBCS locale', () => {
    // 東京 are double-byte, "ab" single: 2 + 2 + 1 + 1 bytes.
    expect(lenB('東京ab', 'double')).toBe(6);
    expect(leftB('東京ab', 2, 'double')).toBe('東');
    // Three bytes would cut 京 in half: it is left out.
    expect(leftB('東京ab', 3, 'double')).toBe('東');
    expect(rightB('東京ab', 4, 'double')).toBe('京ab');
    expect(midB('東京ab', 3, 3, 'double')).toBe('京a');
    expect(findB('a', '東京ab', 1, 'double', false)).toBe(5);
    expect(replaceB('東京ab', 3, 2, 'X', 'double')).toBe('東Xab');
    // Half-width katakana is one byte in Shift-JIS.
    expect(lenB('ｶﾀｶﾅ', 'double')).toBe(4);
  });
});

describe('ASC, DBCS and JIS', () => {
  it('convert between full-width and half-width letters, spaces and katakana', () => {
    expect(evaluate('=ASC("Ｅｘｃｅｌ　２０２４")')).toBe('Excel 2024');
    expect(evaluate('=DBCS("Excel 2024")')).toBe('Ｅｘｃｅｌ　２０２４');
    expect(evaluate('=JIS("abc")')).toBe('ａｂｃ');
    // A voiced katakana is two half-width characters and back.
    expect(evaluate('=ASC("ガパ")')).toBe('ｶﾞﾊﾟ');
    expect(evaluate('=DBCS("ｶﾞﾊﾟ")')).toBe('ガパ');
    expect(evaluate('=ASC("漢字")')).toBe('漢字');
  });
});

describe('REGEXTEST, REGEXEXTRACT, REGEXREPLACE', () => {
  it('test, with case_sensitivity 1 ignoring case', () => {
    expect(evaluate('=REGEXTEST("alpaca","^a.*a$")')).toBe(true);
    expect(evaluate('=REGEXTEST("Alpaca","^a")')).toBe(false);
    expect(evaluate('=REGEXTEST("Alpaca","^a",1)')).toBe(true);
    expect(evaluate('=REGEXTEST("abc","[[:digit:]]")')).toBe(false);
  });

  it('extract the first match, every match down a column, or the groups across a row', () => {
    expect(evaluate('=REGEXEXTRACT(A2,"[A-Z][a-z]+")')).toBe('Dylan');
    expect(spilled('=REGEXEXTRACT(A2,"[A-Z][a-z]+",1)', 2, 1)).toEqual([['Dylan'], ['Williams']]);
    expect(spilled('=REGEXEXTRACT("10 apples, 12 oranges","([0-9]+) ([a-z]+)",2)', 1, 2)).toEqual([['10', 'apples']]);
    // Results are text, even digits.
    expect(evaluate('=REGEXEXTRACT("10 apples","[0-9]+")')).toBe('10');
    expect(evaluate('=REGEXEXTRACT("abc","[0-9]+")')).toBe('#N/A');
    expect(evaluate('=REGEXEXTRACT("abc","b",3)')).toBe('#VALUE!');
  });

  it('replace every match, the n-th, or the n-th from the end, with PCRE2 group references', () => {
    expect(evaluate('=REGEXREPLACE("a1b22c333","[0-9]+","#")')).toBe('a#b#c#');
    expect(evaluate('=REGEXREPLACE("a1b22c333","[0-9]+","#",2)')).toBe('a1b#c333');
    expect(evaluate('=REGEXREPLACE("a1b22c333","[0-9]+","#",-1)')).toBe('a1b22c#');
    expect(evaluate('=REGEXREPLACE("John Smith","(?<first>\\w+) (\\w+)","$2, ${first}")')).toBe('Smith, John');
    expect(evaluate('=REGEXREPLACE("cost","o","$$")')).toBe('c$st');
    expect(evaluate('=REGEXREPLACE("abc","(b)","$2")')).toBe('#VALUE!');
  });

  it('refuse PCRE2 syntax JavaScript cannot run, with #VALUE!', () => {
    expect(evaluate('=REGEXTEST("aaa","a++")')).toBe('#VALUE!');
    expect(evaluate('=REGEXTEST("aaa","(?>a)")')).toBe('#VALUE!');
    expect(evaluate('=REGEXTEST("aaa","(")')).toBe('#VALUE!');
  });

  it('translate the PCRE2 spellings JavaScript writes differently', () => {
    expect(translatePcre('(?i)\\Aab\\z')).toEqual({ source: '^ab$', flags: 'i' });
    expect(translatePcre('[[:alpha:]_]+')).toEqual({ source: '[a-zA-Z_]+', flags: '' });
    expect(translatePcre('\\Qa.b\\E')).toEqual({ source: 'a\\.b', flags: '' });
    expect(translatePcre('(?P<y>\\d+)-(?P=y)')).toEqual({ source: '(?<y>\\d+)-\\k<y>', flags: '' });
  });
});

describe('VALUETOTEXT and ARRAYTOTEXT', () => {
  it('write values concisely or strictly', () => {
    expect(evaluate('=VALUETOTEXT(1/0)')).toBe('#DIV/0!');
    expect(evaluate('=VALUETOTEXT("say "&CHAR(34)&"hi"&CHAR(34),1)')).toBe('"say ""hi"""');
    expect(evaluate('=VALUETOTEXT(A3)')).toBe('1234.5');
    expect(evaluate('=VALUETOTEXT(1,2)')).toBe('#VALUE!');
    expect(evaluate('=ARRAYTOTEXT({1,"a";3,2.5})')).toBe('1, a, 3, 2.5');
    expect(evaluate('=ARRAYTOTEXT({1,"a";3,2.5},1)')).toBe('{1,"a";3,2.5}');
  });
});

describe('NUMBERVALUE and FIXED', () => {
  it('read numbers in any notation, refusing what does not fit', () => {
    expect(evaluate('=NUMBERVALUE(" 3 000 ")')).toBe(3000);
    expect(evaluate('=NUMBERVALUE("9%%")')).toBeCloseTo(0.0009, 12);
    expect(evaluate('=NUMBERVALUE("")')).toBe(0);
    expect(evaluate('=NUMBERVALUE("1.234.567,8",",",".")')).toBeCloseTo(1234567.8, 9);
    // A group separator after the decimal separator, or two decimal separators: #VALUE!.
    expect(evaluate('=NUMBERVALUE("1.5,0")')).toBe('#VALUE!');
    expect(evaluate('=NUMBERVALUE("1.2.3")')).toBe('#VALUE!');
    expect(evaluate('=NUMBERVALUE("abc")')).toBe('#VALUE!');
  });

  it('rounds half away from zero with thousands separators', () => {
    expect(evaluate('=FIXED(1.005,2)')).toBe('1.01');
    expect(evaluate('=FIXED(-2.5,0)')).toBe('-3');
    expect(evaluate('=FIXED(1234567.891,2,TRUE())')).toBe('1234567.89');
    expect(evaluate('=FIXED(-0.001,2)')).toBe('0.00');
    expect(evaluate('=FIXED(1,128)')).toBe('#VALUE!');
  });
});

describe('TEXTSPLIT', () => {
  it('splits into columns and rows, padding short rows', () => {
    expect(spilled('=TEXTSPLIT(A1,",",";")', 2, 2)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(spilled('=TEXTSPLIT("a,b;c",",",";")', 2, 2)).toEqual([
      ['a', 'b'],
      ['c', '#N/A'],
    ]);
    expect(spilled('=TEXTSPLIT("a,b;c",",",";",FALSE(),0,"-")', 2, 2)).toEqual([
      ['a', 'b'],
      ['c', '-'],
    ]);
  });

  it('takes several delimiters, ignores empty pieces and case on request', () => {
    expect(spilled('=TEXTSPLIT("a,b.c",{",","."})', 1, 3)).toEqual([['a', 'b', 'c']]);
    expect(spilled('=TEXTSPLIT("a,,b",",",,TRUE())', 1, 2)).toEqual([['a', 'b']]);
    expect(spilled('=TEXTSPLIT("aXbxc","x",,FALSE(),1)', 1, 3)).toEqual([['a', 'b', 'c']]);
  });

  it('is #VALUE! when the text is known only at evaluation, rather than a cut result', () => {
    expect(evaluate('=TEXTSPLIT(A1&"",",")')).toBe('#VALUE!');
  });
});

describe('BAHTTEXT and PHONETIC', () => {
  it('writes Thai baht amounts', () => {
    expect(evaluate('=BAHTTEXT(0)')).toBe('ศูนย์บาทถ้วน');
    expect(evaluate('=BAHTTEXT(21)')).toBe('ยี่สิบเอ็ดบาทถ้วน');
    expect(evaluate('=BAHTTEXT(101.5)')).toBe('หนึ่งร้อยเอ็ดบาทห้าสิบสตางค์');
    expect(evaluate('=BAHTTEXT(1000000)')).toBe('หนึ่งล้านบาทถ้วน');
    expect(evaluate('=BAHTTEXT(-11)')).toBe('ลบสิบเอ็ดบาทถ้วน');
  });

  it('PHONETIC gives the cell text (no furigana stored), and needs a reference', () => {
    expect(evaluate('=PHONETIC(A2)')).toBe('Dylan Williams');
    expect(evaluate('=PHONETIC(A2:A3)')).toBe('Dylan Williams');
    expect(evaluate('=PHONETIC("x")')).toBe('#N/A');
  });
});
