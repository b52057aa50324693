import { describe, expect, it } from 'vitest';
import { normaliseFormula } from '../../rules/formula-text.js';

describe('normaliseFormula', () => {
  it.each([
    ['=IF(A1,TRUE,FALSE)', '=IF(A1,TRUE(),FALSE())'],
    ['=_xlfn.CONCAT(A1,"TRUE")', '=CONCAT(A1,"TRUE")'],
    ['=TRUE()', '=TRUE()'],
    ["='TRUE sheet'!A1+1", "='TRUE sheet'!A1+1"],
    ['=A1="FALSE"', '=A1="FALSE"'],
    ['plain text', 'plain text'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseFormula(input)).toBe(expected);
  });
});

describe('excelFormula', () => {
  it('adds the prefixes Excel needs for newer and Tickmark functions, and nothing inside strings', async () => {
    const { excelFormula } = await import('../../rules/formula-text.js');
    expect(excelFormula('=CONCAT(A1,"CONCAT(")&XMATCH(1,B:B)')).toBe('=_xlfn.CONCAT(A1,"CONCAT(")&_xlfn.XMATCH(1,B:B)');
    expect(excelFormula('=FILTER(A1:A3,B1:B3)')).toBe('=_xlfn._xlws.FILTER(A1:A3,B1:B3)');
    expect(excelFormula('=BDAYS(A1,B1,"NYSE")')).toBe('=_xludf.BDAYS(A1,B1,"NYSE")');
    expect(excelFormula('=_xlfn.IFS(A1,1)+SUM(A:A)+IF(TRUE(),1)')).toBe('=_xlfn.IFS(A1,1)+SUM(A:A)+IF(TRUE(),1)');
    expect(excelFormula("='CONCAT'!A1")).toBe("='CONCAT'!A1");
  });
});

describe('doubled quotes in strings', () => {
  it('become CHAR(34) so HyperFormula can read them, except inside array constants', () => {
    expect(normaliseFormula('=LEN("a""b")')).toBe('=LEN(("a"&CHAR(34)&"b"))');
    expect(normaliseFormula('="""quoted"""')).toBe('=(""&CHAR(34)&"quoted"&CHAR(34)&"")');
    expect(normaliseFormula('=IF(A1="",1,"")')).toBe('=IF(A1="",1,"")');
    expect(normaliseFormula('=MATCH("x",{"a""b","c"},0)')).toBe('=MATCH("x",{"a""b","c"},0)');
  });
});
