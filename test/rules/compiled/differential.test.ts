/**
 * The proof of sameness (issue 14): every compiled operator and function, over seeded random
 * rows, through HyperFormula (the run's own fallback path) and through the compiled code;
 * every value must be identical, error codes included. Each difference is printed with its
 * formula, inputs and both results.
 *
 * Rows per group: TICKMARK_DIFFERENTIAL_ROWS (default 3,000, so the suite stays quick on a
 * loaded machine; the 100,000 per function is a run with the variable set — see
 * docs/compiled-evaluator.md for the figures measured).
 */
import { describe, expect, it } from 'vitest';
import type { EngineScalar } from '../../../rules/compiled/api.js';
import { GROUPS } from './formulas.js';
import { boundedSource, describeDiffs, differences, selectorSource, valueSource, wrapped } from './harness.js';

const ROWS = Number(process.env.TICKMARK_DIFFERENTIAL_ROWS ?? 3000);

function rowsFor(group: string, seed: number): EngineScalar[][] {
  const dates = group === 'dates';
  const values = dates ? boundedSource(seed) : valueSource(seed);
  const selectors = selectorSource(seed + 1, dates);
  return Array.from({ length: ROWS }, () => [values(), values(), values(), selectors(), selectors(), selectors()]);
}

describe('compiled evaluator against HyperFormula', () => {
  for (const [group, formulas] of Object.entries(GROUPS)) {
    it(`${group}: ${formulas.length} formulas × ${ROWS} rows give identical values`, { timeout: 3_600_000 }, async () => {
      const rule = {
        inputs: ['A', 'B', 'C', 'D', 'E', 'F'].map((header) => ({ header })),
        formulas: [
          { header: 'G', formula: wrapped('A', 'D') },
          { header: 'H', formula: wrapped('B', 'E') },
          { header: 'I', formula: wrapped('C', 'F') },
          ...formulas.map((formula, i) => ({ header: `f${i}`, formula })),
        ],
      };
      const result = await differences(rule, rowsFor(group, 14));
      console.log(`${group}: HyperFormula ${result.hfMs.toFixed(0)} ms, compiled ${result.compiledMs.toFixed(0)} ms for ${ROWS} rows`);
      expect(result.fallback, 'every formula of the group compiles').toEqual([]);
      expect(result.diffs.length, describeDiffs(result.diffs)).toBe(0);
    });
  }
});
