import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { patchWildcards } from '../../../rules/functions/wildcards/patch.js';
import { evaluateAll } from '../../helpers/engine.js';

// Microsoft's COUNTIF page: "?????es" counts the cells of exactly seven characters ending in "es",
// so Oranges and Peaches but not Apples (six). `?` is exactly one character, `*` any run (also none),
// `~?` / `~*` / `~~` the literal character.
const fruit = [
  ['Apples', 32, 'a?c'],
  ['Oranges', 54, 'ac'],
  ['Peaches', 75, 'abc'],
  ['Apples', 86, 'a*c'],
];

describe('the ? wildcard is exactly one character (HyperFormula made it zero or one)', () => {
  it('criteria functions: COUNTIF(S), SUMIF(S), AVERAGEIF(S), MAXIFS, MINIFS', () => {
    expect(
      evaluateAll(fruit, [
        '=COUNTIF(A1:A4,"?????es")',
        '=COUNTIF(A1:A4,"??????")',
        '=COUNTIF(A1:A4,"<>?????es")',
        '=COUNTIFS(A1:A4,"?????es",B1:B4,">60")',
        '=SUMIF(A1:A4,"?????es",B1:B4)',
        '=SUMIFS(B1:B4,A1:A4,"??????")',
        '=AVERAGEIF(A1:A4,"??????",B1:B4)',
        '=AVERAGEIFS(B1:B4,A1:A4,"?????es")',
        '=MAXIFS(B1:B4,A1:A4,"??????")',
        '=MINIFS(B1:B4,A1:A4,"?????es")',
        '=COUNTIF(A1:A4,"*es")',
        '=COUNTIF(A1:A4,"*")',
      ]),
    ).toEqual([2, 2, 2, 1, 129, 118, 59, 64.5, 86, 54, 4, 4]);
  });

  it('~? and ~* still stand for the characters themselves; a lone trailing ~ is literal', () => {
    expect(
      evaluateAll(fruit, [
        '=COUNTIF(C1:C4,"a?c")',
        '=COUNTIF(C1:C4,"a~?c")',
        '=COUNTIF(C1:C4,"a~*c")',
        '=COUNTIF(C1:C4,"a*c")',
        '=COUNTIF(C1:C4,"a?")',
      ]),
    ).toEqual([3, 1, 1, 4, 1]);
  });

  it('lookups: MATCH, VLOOKUP, HLOOKUP, XLOOKUP and XMATCH in wildcard mode', () => {
    const row = [['ac', 'abc', 'abcd']];
    expect(
      evaluateAll(fruit, [
        '=MATCH("a?c",C1:C4,0)',
        '=MATCH("a?c",{"ac","abc"},0)',
        '=VLOOKUP("?????es",A1:B4,2,FALSE)',
        '=XLOOKUP("a?c",{"ac","abc"},{1,2},,2)',
        '=XMATCH("a??",{"ac","abc"},2)',
        '=MATCH("?",{"ab","cd"},0)',
      ]),
    ).toEqual([1, 2, 54, 2, 2, '#N/A']);
    expect(evaluateAll(row, ['=HLOOKUP("a?c",A1:C1,1,FALSE)', '=HLOOKUP("a??",A1:C1,1,FALSE)'])).toEqual(['abc', 'abc']);
  });

  it('SEARCH finds ? as one character and fails where it would need zero', () => {
    expect(evaluateAll(fruit, ['=SEARCH("p?e","Apples")', '=SEARCH("a?c","xacx")', '=SEARCH("a~?c","xa?c")', '=SEARCH("?","")'])).toEqual([
      3,
      '#VALUE!',
      2,
      '#VALUE!',
    ]);
  });

  it('database functions take the same criteria', () => {
    const db = [
      ['Tree', 'Profit'],
      ['Apple', 105],
      ['Pear', 96],
      ['Cherry', 105],
      ['Apple', 75],
      ['Pear', 76.8],
      ['Tree', null],
      ['????', null],
    ];
    // Criteria A7:A8 ("????"): four-letter trees only, so the two pears.
    expect(evaluateAll(db, ['=DCOUNT(A1:B6,"Profit",A7:A8)', '=DSUM(A1:B6,"Profit",A7:A8)'])).toEqual([2, 172.8]);
  });

  it('patchWildcards is idempotent', () => {
    patchWildcards();
    patchWildcards();
    expect(HyperFormula.version).toMatch(/^3\.5\./);
    expect(evaluateAll(fruit, ['=COUNTIF(A1:A4,"?????es")'])).toEqual([2]);
  });
});
