/**
 * One differential group run and what it found, in a form a worker thread can post: the
 * counts, the first differences (each with formula, inputs and both results) and the figures.
 */
import type { DifferentialGroup } from './differential-groups.js';
import { describeDiffs, differences } from './harness.js';

export interface GroupOutcome {
  name: string;
  rows: number;
  columns: number;
  fallback: string[];
  differenceCount: number;
  /** The first differences, one a line. */
  firstDifferences: string;
  hfMs: number;
  compiledMs: number;
  wallMs: number;
}

export async function runGroup(group: DifferentialGroup, seed: number, count: number): Promise<GroupOutcome> {
  const { rule, rows } = group.build(seed, count);
  const started = performance.now();
  const result = await differences(rule, rows);
  return {
    name: group.name,
    rows: rows.length,
    columns: rule.formulas.length,
    fallback: result.fallback,
    differenceCount: result.diffs.length,
    firstDifferences: describeDiffs(result.diffs),
    hfMs: result.hfMs,
    compiledMs: result.compiledMs,
    wallMs: performance.now() - started,
  };
}

export function describeOutcome(o: GroupOutcome, where: string): string {
  return (
    `${o.name} (${where}): ${o.rows} rows × ${o.columns} formula columns; HyperFormula ${o.hfMs.toFixed(0)} ms, ` +
    `compiled ${o.compiledMs.toFixed(0)} ms, wall ${o.wallMs.toFixed(0)} ms`
  );
}
