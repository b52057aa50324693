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
