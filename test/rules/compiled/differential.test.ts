/**
 * The proof of sameness (issue 14): every compiled operator and function, over seeded random
 * rows, through HyperFormula (the run's own fallback path) and through the compiled code;
 * every value must be identical, error codes included. Each difference is printed with its
 * formula, inputs and both results.
 *
 * The groups (differential-groups.ts: formulas.ts, formulas-dates-text.ts,
 * formulas-lookups.ts) run in this file's thread and a worker thread, one per core. The
 * first test counts, from the
 * formulas, the cases each compiled function and operator gets: one below 100,000 (a newly
 * compiled function with no formula here, or TICKMARK_DIFFERENTIAL_ROWS set lower for a quick
 * look) fails it. Figures: docs/compiled-evaluator.md.
 */
import { describe, expect, it } from 'vitest';
import { ALL_GROUPS, casesPerName, compiledNames, REQUIRED_CASES, ROWS, shard } from './differential-groups.js';
import { groupTests } from './differential-suite.js';

describe('compiled evaluator against HyperFormula', () => {
  it(`every compiled function and operator is in at least ${REQUIRED_CASES} cases`, () => {
    const cases = casesPerName(ALL_GROUPS);
    const names = compiledNames();
    console.log(
      `cases per compiled function and operator (${ROWS} rows per group):\n${names.map((n) => `${n} ${cases.get(n) ?? 0}`).join(', ')}`,
    );
    const short = names.filter((name) => (cases.get(name) ?? 0) < REQUIRED_CASES).map((name) => `${name}: ${cases.get(name) ?? 0}`);
    expect(short, `functions or operators below ${REQUIRED_CASES} cases (rows per group: ${ROWS})`).toEqual([]);
  });

  it('the two threads split the groups without losing or repeating one', () => {
    const names = [...shard(0, 2), ...shard(1, 2)].map((g) => g.name).sort();
    expect(names).toEqual(ALL_GROUPS.map((g) => g.name).sort());
  });

  groupTests(shard(0, 2), shard(1, 2));
});
