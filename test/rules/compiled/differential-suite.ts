/**
 * The differential test's body (issue 14): each group's rule over its seeded random rows
 * through HyperFormula (the run's fallback path) and compiled; every formula compiles and
 * every value is identical. Each difference is printed with its formula, inputs and both
 * results, the first ones first. `remote` groups run in a worker thread meanwhile, so both
 * cores work (vitest gives a 2-core machine a single test worker).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROWS, type DifferentialGroup } from './differential-groups.js';
import { describeOutcome, runGroup, type GroupOutcome } from './differential-run.js';

/** The seed every group draws from: a failure repeats. */
export const SEED = 14;

function check(outcome: GroupOutcome, where: string): void {
  console.log(describeOutcome(outcome, where));
  expect(outcome.fallback, 'every formula of the group compiles').toEqual([]);
  expect(outcome.differenceCount, `${outcome.differenceCount} differences; the first:\n${outcome.firstDifferences}`).toBe(0);
}

export function groupTests(local: DifferentialGroup[], remote: DifferentialGroup[]): void {
  const waiting = new Map<string, { resolve: (o: GroupOutcome) => void; reject: (e: Error) => void }>();
  const outcomes = new Map<string, Promise<GroupOutcome>>();
  for (const group of remote) outcomes.set(group.name, new Promise((resolve, reject) => waiting.set(group.name, { resolve, reject })));
  // A rejection nobody awaits yet (a later test's group) is not an unhandled one; each test awaits its own.
  for (const promise of outcomes.values()) promise.catch(() => {});
  let worker: Worker | undefined;
  beforeAll(() => {
    if (remote.length === 0) return;
    // tsx (a dev dependency) loads the TypeScript modules in the thread, as vitest does in this
    // one; registered by the thread's first lines (a worker's execArgv does not take --import).
    const tsx = pathToFileURL(
      createRequire(import.meta.url)
        .resolve('tsx/esm/api')
        .replace(/\.cjs$/, '.mjs'),
    ).href;
    const entry = new URL('./differential-worker.ts', import.meta.url).href;
    worker = new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); })`, {
      eval: true,
      workerData: { groups: remote.map((g) => g.name), seed: SEED },
    });
    const failAll = (error: Error) => {
      for (const { reject } of waiting.values()) reject(error);
      waiting.clear();
    };
    worker.on('message', (outcome: GroupOutcome) => {
      waiting.get(outcome.name)?.resolve(outcome);
      waiting.delete(outcome.name);
    });
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`the differential worker thread ended (exit code ${code}) before every group's answer`)));
  });
  afterAll(async () => {
    await worker?.terminate();
  });
  for (const group of local) {
    const count = group.rows ?? ROWS;
    it(`${group.name}: ${group.formulas.length} formulas × ${count} rows give identical values`, { timeout: 3_600_000 }, async () => {
      check(await runGroup(group, SEED, count), 'this thread');
    });
  }
  for (const group of remote) {
    const count = group.rows ?? ROWS;
    it(`${group.name}: ${group.formulas.length} formulas × ${count} rows give identical values`, { timeout: 3_600_000 }, async () => {
      check(await outcomes.get(group.name)!, 'worker thread');
    });
  }
}
