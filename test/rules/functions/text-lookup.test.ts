import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../rules/hf.js';
import { fromEngineValue } from '../../../rules/field-values.js';

/** Evaluates formulas over a small sheet: A1:A5 = 10, 20, 30, 40, 50; B1:B5 = a…e; C1:C3 = Apple, banana, Cherry. */
function evaluate(formula: string) {
  const hf = createEngine();
  const id = hf.getSheetId(hf.addSheet('S'))!;
  hf.setSheetContent(id, [
    [10, 'a', 'Apple'],
    [20, 'b', 'banana'],
    [30, 'c', 'Cherry'],
    [40, 'd', null],
    [50, 'e', null],
  ]);
  hf.setCellContents({ sheet: id, row: 0, col: 5 }, [[formula]]);
  const value = fromEngineValue(hf.getCellValue({ sheet: id, row: 0, col: 5 }));
  hf.destroy();
  return value && typeof value === 'object' ? value.error : value;
}

describe('CONCAT', () => {
  it('joins values and ranges row by row, with TRUE/FALSE as text', () => {
    expect(evaluate('=CONCAT("x", A1:B2, TRUE())')).toBe('x10a20bTRUE');
    expect(evaluate('=CONCAT(C1:C5)')).toBe('ApplebananaCherry');
    expect(evaluate('=CONCAT(1/0, "a")')).toBe('#DIV/0!');
  });
});

describe('TEXTBEFORE and TEXTAFTER', () => {
  it('splits at the n-th delimiter, from the end when n is negative', () => {
    expect(evaluate('=TEXTBEFORE("Little Red Riding Hood\'s red hood", "Red")')).toBe('Little ');
    expect(evaluate('=TEXTBEFORE("Little Red Riding Hood\'s red hood", "red", 2)')).toBe('#N/A');
    expect(evaluate('=TEXTBEFORE("Little Red Riding Hood\'s red hood", "red", 2, 1)')).toBe("Little Red Riding Hood's ");
    expect(evaluate('=TEXTBEFORE("Little Red Riding Hood\'s red hood", "red", -2, 1)')).toBe('Little ');
    expect(evaluate('=TEXTAFTER("Little Red Riding Hood\'s red hood", "hood")')).toBe('');
    expect(evaluate('=TEXTAFTER("Little Red Riding Hood\'s red hood", "hood", 1, 1)')).toBe("'s red hood");
    expect(evaluate('=TEXTAFTER("Little Red Riding Hood\'s red hood", "red", -1)')).toBe(' hood');
  });

  it("reads an argument left empty as omitted (instance 1, case-sensitive), as on Microsoft's pages", () => {
    // TEXTBEFORE/TEXTAFTER pages, example 1 and 2: =TEXTBEFORE(A3,"Red",,FALSE) is #N/A (no match), not #VALUE!.
    expect(evaluate('=TEXTBEFORE("little red riding hood\'s red hood", "Red",,0)')).toBe('#N/A');
    expect(evaluate('=TEXTBEFORE("Marcus Aurelius", " ",,,1)')).toBe('Marcus');
    expect(evaluate('=TEXTAFTER("Marcus Aurelius", " ",,,1)')).toBe('Aurelius');
    expect(evaluate('=TEXTAFTER("Socrates", " ",,,1)')).toBe('');
    expect(evaluate('=TEXTAFTER("Socrates", " ",,,0)')).toBe('#N/A');
    expect(evaluate('=TEXTBEFORE("a-b-c", "-",,1)')).toBe('a');
  });

  it('takes several delimiters, the end of the text, a fallback, and refuses n = 0', () => {
    expect(evaluate('=TEXTAFTER("ACC-1001/B5001", {"-","/"}, 2)')).toBe('B5001');
    expect(evaluate('=TEXTBEFORE("B5001", "-")')).toBe('#N/A');
    expect(evaluate('=TEXTBEFORE("B5001", "-", 1, 0, 1)')).toBe('B5001');
    expect(evaluate('=TEXTBEFORE("B5001", "-", 1, 0, 0, "none")')).toBe('none');
    expect(evaluate('=TEXTAFTER("B5001", "-", 0)')).toBe('#VALUE!');
    expect(evaluate('=TEXTBEFORE("abc", "")')).toBe('');
    expect(evaluate('=TEXTAFTER("abc", "")')).toBe('abc');
  });
});

describe('XMATCH', () => {
  it('finds exact, next smaller, next larger and wildcard matches, from either end', () => {
    expect(evaluate('=XMATCH(30, A1:A5)')).toBe(3);
    expect(evaluate('=XMATCH(35, A1:A5)')).toBe('#N/A');
    expect(evaluate('=XMATCH(35, A1:A5, -1)')).toBe(3);
    expect(evaluate('=XMATCH(35, A1:A5, 1)')).toBe(4);
    expect(evaluate('=XMATCH("b*", C1:C3, 2)')).toBe(2);
    expect(evaluate('=XMATCH("CHERRY", C1:C3)')).toBe(3);
    expect(evaluate('=XMATCH("?", B1:B5, 2, -1)')).toBe(5);
    expect(evaluate('=XMATCH(1, A1:B2)')).toBe('#VALUE!');
  });
});

describe('LOOKUP', () => {
  it('takes the largest value not greater than the one looked up, in vector and array forms', () => {
    expect(evaluate('=LOOKUP(35, A1:A5, B1:B5)')).toBe('c');
    expect(evaluate('=LOOKUP(50, A1:A5, B1:B5)')).toBe('e');
    expect(evaluate('=LOOKUP(5, A1:A5, B1:B5)')).toBe('#N/A');
    expect(evaluate('=LOOKUP(25, A1:B5)')).toBe('b');
    expect(evaluate('=LOOKUP("c", {"a","b","c";1,2,3})')).toBe(3);
  });
});
