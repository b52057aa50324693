/**
 * Excel 365's lookup and reference functions replaced or added for issue 16 (XLOOKUP,
 * ADDRESS, AREAS, VLOOKUP/HLOOKUP over arrays): golden values reasoned from Microsoft's
 * documentation of each function.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../rules/hf.js';
import { fromEngineValue } from '../../../rules/field-values.js';

/**
 * A1:A6 = 10, 20, 30, 40, 50, 20; B1:B6 = a…f; C1:C6 = x1…x6; A7 = "apple", B7 = g;
 * E1:G1 = k1, k2, k3 over E2:G2 = 1, 2, 3. The formula goes in J1; returns the block it fills.
 */
function spilled(formula: string, rows = 1, cols = 1) {
  const hf = createEngine();
  const id = hf.getSheetId(hf.addSheet('S'))!;
  hf.setSheetContent(id, [
    [10, 'a', 'x1', null, 'k1', 'k2', 'k3'],
    [20, 'b', 'x2', null, 1, 2, 3],
    [30, 'c', 'x3'],
    [40, 'd', 'x4'],
    [50, 'e', 'x5'],
    [20, 'f', 'x6'],
    ['apple', 'g', 'x7'],
  ]);
  hf.setCellContents({ sheet: id, row: 0, col: 9 }, [[formula]]);
  const block = hf
    .getSheetValues(id)
    .slice(0, rows)
    .map((row) => row.slice(9, 9 + cols).map((v) => fromEngineValue(v as never)));
  hf.destroy();
  return block.map((row) => row.map((v) => (v && typeof v === 'object' ? v.error : v)));
}
const evaluate = (formula: string) => spilled(formula)[0][0];

describe('XLOOKUP', () => {
  it('finds exact matches, first or last, case-insensitively', () => {
    expect(evaluate('=XLOOKUP(20,A1:A6,B1:B6)')).toBe('b');
    expect(evaluate('=XLOOKUP(20,A1:A6,B1:B6,,0,-1)')).toBe('f');
    expect(evaluate('=XLOOKUP("APPLE",A1:A7,B1:B7)')).toBe('g');
  });

  it('takes the next smaller or larger item, and is #N/A when there is none', () => {
    expect(evaluate('=XLOOKUP(25,A1:A6,B1:B6,,-1)')).toBe('b');
    expect(evaluate('=XLOOKUP(25,A1:A6,B1:B6,,1)')).toBe('c');
    // HyperFormula's own XLOOKUP gave 0 for these two.
    expect(evaluate('=XLOOKUP(55,A1:A6,B1:B6,,1)')).toBe('#N/A');
    expect(evaluate('=XLOOKUP(5,A1:A6,B1:B6,,-1)')).toBe('#N/A');
    expect(evaluate('=XLOOKUP(25,A1:A6,B1:B6,,-1,-1)')).toBe('f');
  });

  it('matches wildcards in match_mode 2, with ~ escaping', () => {
    expect(evaluate('=XLOOKUP("app*",A1:A7,B1:B7,,2)')).toBe('g');
    expect(evaluate('=XLOOKUP("?2",E1:G1,E2:G2,,2)')).toBe(2);
    expect(evaluate('=XLOOKUP("?",E1:G1,E2:G2,,2)')).toBe('#N/A');
    expect(evaluate('=XLOOKUP("k?",E1:G1,E2:G2,,2,-1)')).toBe(3);
    expect(evaluate('=XLOOKUP("app~*",A1:A7,B1:B7,,2)')).toBe('#N/A');
  });

  it('binary search modes agree with a scan on sorted data', () => {
    expect(evaluate('=XLOOKUP(30,A1:A5,B1:B5,,0,2)')).toBe('c');
    expect(evaluate('=XLOOKUP(35,A1:A5,B1:B5,,-1,2)')).toBe('c');
    expect(evaluate('=XLOOKUP(30,{50;40;30;20;10},{1;2;3;4;5},,0,-2)')).toBe(3);
  });

  it('returns if_not_found, a whole row or column, and 0 for an empty cell', () => {
    expect(evaluate('=XLOOKUP(25,A1:A6,B1:B6,"none")')).toBe('none');
    expect(spilled('=XLOOKUP(30,A1:A5,B1:C5)', 1, 2)).toEqual([['c', 'x3']]);
    expect(spilled('=XLOOKUP("k2",E1:G1,E1:G2)', 2, 1)).toEqual([['k2'], [2]]);
    expect(evaluate('=XLOOKUP(30,A1:A5,D1:D5)')).toBe(0);
    expect(evaluate('=INDEX(XLOOKUP(30,A1:A5,B1:C5),1,2)')).toBe('x3');
  });

  it('gives clear errors for bad modes and mismatched arrays', () => {
    expect(evaluate('=XLOOKUP(30,A1:A5,B1:B4)')).toBe('#VALUE!');
    expect(evaluate('=XLOOKUP(30,A1:A5,B1:B5,,3)')).toBe('#VALUE!');
    expect(evaluate('=XLOOKUP(30,A1:A5,B1:B5,,0,0)')).toBe('#VALUE!');
    expect(evaluate('=XLOOKUP(1/0,A1:A5,B1:B5)')).toBe('#DIV/0!');
  });
});

describe('VLOOKUP and HLOOKUP over array constants', () => {
  it('search an array as they search a range', () => {
    expect(evaluate('=HLOOKUP(3,{1,2,3;"a","b","c";"d","e","f"},2,TRUE())')).toBe('c');
    expect(evaluate('=VLOOKUP(2.5,{1,"a";2,"b";3,"c"},2)')).toBe('b');
    expect(evaluate('=VLOOKUP("B",{"a",1;"b",2},2,FALSE())')).toBe(2);
    expect(evaluate('=VLOOKUP(9,{1,"a";2,"b"},2,FALSE())')).toBe('#N/A');
    expect(evaluate('=VLOOKUP(1,{1,"a"},3,FALSE())')).toBe('#REF!');
    expect(evaluate('=VLOOKUP(1,A1:B6,0)')).toBe('#VALUE!');
  });
});

describe('ADDRESS', () => {
  it('writes A1 and R1C1 addresses, quoting sheet names that need it', () => {
    expect(evaluate('=ADDRESS(1,28)')).toBe('$AB$1');
    expect(evaluate('=ADDRESS(3,2,3)')).toBe('$B3');
    expect(evaluate('=ADDRESS(3,2,4,FALSE())')).toBe('R[3]C[2]');
    expect(evaluate('=ADDRESS(1,1,1,TRUE(),"Data")')).toBe('Data!$A$1');
    expect(evaluate('=ADDRESS(1,1,1,TRUE(),"Q1 2024")')).toBe("'Q1 2024'!$A$1");
    expect(evaluate('=ADDRESS(1,1,1,TRUE(),"Bob\'s")')).toBe("'Bob''s'!$A$1");
    expect(evaluate('=ADDRESS(1,1,1,TRUE(),"A1")')).toBe("'A1'!$A$1");
    // A workbook qualifier: bare in A1 style (as Excel caches it), quoted in R1C1 (as documented).
    expect(evaluate('=ADDRESS(2,3,3,TRUE(),"[Book1]Sheet1")')).toBe('[Book1]Sheet1!$C2');
    expect(evaluate('=ADDRESS(2,3,1,FALSE(),"[Book1]Sheet1")')).toBe("'[Book1]Sheet1'!R2C3");
    expect(evaluate('=ADDRESS(0,1)')).toBe('#VALUE!');
    expect(evaluate('=ADDRESS(1,16385)')).toBe('#VALUE!');
    expect(evaluate('=ADDRESS(1,1,5)')).toBe('#VALUE!');
  });
});

describe('AREAS', () => {
  it('counts one area for a reference and refuses a value', () => {
    expect(evaluate('=AREAS(B2:D4)')).toBe(1);
    expect(evaluate('=AREAS(A1)')).toBe(1);
    expect(evaluate('=AREAS(OFFSET(A1,1,1,2,2))')).toBe(1);
    expect(evaluate('=AREAS(5)')).toBe('#VALUE!');
  });
});
