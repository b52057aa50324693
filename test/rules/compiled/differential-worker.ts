/**
 * Runs differential groups in a worker thread (differential-suite.ts starts it), so a second
 * core works while the test's own thread runs the other groups: vitest gives this 2-core
 * machine one test worker, and a second test file would only queue behind the first.
 * Receives group names, answers each with its outcome; the comparison is harness.ts's, as on
 * the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ALL_GROUPS, ROWS } from './differential-groups.js';
import { runGroup } from './differential-run.js';

const names = (workerData as { groups: string[]; seed: number }).groups;
for (const name of names) {
  const group = ALL_GROUPS.find((g) => g.name === name);
  if (!group) throw new Error(`no differential group named ${name}`);
  parentPort!.postMessage(await runGroup(group, (workerData as { seed: number }).seed, group.rows ?? ROWS));
}
