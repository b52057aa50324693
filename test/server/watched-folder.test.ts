import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../server/schedules/watched-folder.js';

/** The regular expression the matcher replaced: a fine oracle on names too short to backtrack badly. */
function regexOracle(pattern: string, name: string): boolean {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'is').test(name);
}

/** The fastest of `times` matches of `name`, in milliseconds (the fastest is the least noisy). */
function timeMatch(pattern: string, name: string, times = 5): number {
  const test = compilePattern(pattern);
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    expect(test.test(name)).toBe(false);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('watched-folder file-name patterns', () => {
  it('matches whole names, case-insensitively, with * and ?', () => {
    const cases: [string, string, boolean][] = [
      ['fo_blotter_*.csv', 'fo_blotter_2024-06-03.csv', true],
      ['fo_blotter_*.csv', 'FO_Blotter_2024.CSV', true],
      ['fo_blotter_*.csv', 'fo_blotter_.csv', true],
      ['fo_blotter_*.csv', 'old_fo_blotter_1.csv', false],
      ['fo_blotter_*.csv', 'fo_blotter_1.csv.bak', false],
      ['fo_????.csv', 'fo_0603.csv', true],
      ['fo_????.csv', 'fo_603.csv', false],
      ['a.b', 'aXb', false],
      ['(x)+[y]', '(x)+[y]', true],
      ['*', '', true],
      ['', '', true],
      ['', 'a', false],
      ['**a**', 'bab', true],
      ['*a*b', 'aaab', true],
      ['*a*b', 'aaba', false],
    ];
    for (const [pattern, name, expected] of cases)
      expect([pattern, name, compilePattern(pattern).test(name)]).toEqual([pattern, name, expected]);
  });

  it('agrees with a regular expression on every short pattern and name over a small alphabet', () => {
    const alphabet = ['a', 'b', '*', '?'];
    const words = (length: number, letters: string[]): string[] =>
      length === 0 ? [''] : words(length - 1, letters).flatMap((w) => letters.map((l) => w + l));
    const patterns = [0, 1, 2, 3, 4].flatMap((n) => words(n, alphabet));
    const names = [0, 1, 2, 3, 4, 5].flatMap((n) => words(n, ['a', 'b']));
    let compared = 0;
    for (const pattern of patterns) {
      const test = compilePattern(pattern);
      for (const name of names) {
        if (test.test(name) !== regexOracle(pattern, name)) expect({ pattern, name, matched: test.test(name) }).toBeNull();
        compared++;
      }
    }
    expect(compared).toBe(341 * 63);
  });

  it('takes time in proportion to the name, not exponential in the stars', () => {
    const pattern = '*a*a*a*a*a*a*a*a*b';
    expect(timeMatch(pattern, 'a'.repeat(10_000))).toBeLessThan(50);
    // A check of complexity rather than a benchmark: 100x the name may cost up to 1000x the
    // time (linear with a lot of slack for timer noise); quadratic would be 10,000x.
    const small = Math.max(timeMatch(pattern, 'a'.repeat(1_000), 20), 0.02);
    const large = timeMatch(pattern, 'a'.repeat(100_000));
    expect(large / small).toBeLessThan(1000);
  });
});
