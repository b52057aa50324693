/** The formula-text scanning both Excel-syntax rewrites share (rules/functions/formula-brackets.ts). */
import { describe, expect, it } from 'vitest';
import { matchingClose, matchingOpen, onCode, replaceCalls, topLevelComma } from '../../rules/functions/formula-brackets.js';

describe('onCode', () => {
  it('hands the rewrite code without strings or quoted sheet names, and puts them back', () => {
    const seen: string[] = [];
    const out = onCode(`=A1&"(x,"&'My (sheet)'!B2`, (code) => {
      seen.push(code);
      return code.replace('A1', 'C3');
    });
    expect(seen[0]).not.toMatch(/[("']/);
    expect(out).toBe(`=C3&"(x,"&'My (sheet)'!B2`);
  });

  it('leaves text that is not a formula alone, and nests', () => {
    expect(onCode('A1 "x"', () => 'changed')).toBe('A1 "x"');
    const nested = onCode('="a"&"b"&A1', (outer) => onCode(outer, (inner) => inner.replace('A1', 'B1')));
    expect(nested).toBe('="a"&"b"&B1');
  });
});

describe('bracket scanning', () => {
  it('finds matching brackets and the first top-level comma', () => {
    const code = 'IF(AND(A1,B1),{1,2},C1)';
    expect(matchingClose(code, 2)).toBe(code.length - 1);
    expect(matchingOpen(code, 12)).toBe(6);
    expect(topLevelComma(code.slice(3, -1))).toBe(10); // after AND(A1,B1)
    expect(replaceCalls('=f(g(1),2)+G(3)', 'G', (inner) => `[${inner}]`)).toBe('=f([1],2)+[3]');
  });
});
