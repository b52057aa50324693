import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_NICE } from '../../server/background-priority.js';

/** A thread's nice value as the kernel keeps it: field 19 of its stat line (after the name in parentheses). */
function niceFromStat(stat: string): number {
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}
const niceOf = (statPath: string) => niceFromStat(readFileSync(statPath, 'utf8'));

const WORKER = new URL('./fixtures/background-worker.mjs', import.meta.url);

describe.runIf(process.platform === 'linux')('background work in worker threads', () => {
  it('lowers the worker thread’s own priority and leaves the server thread’s alone', async () => {
    const before = niceOf('/proc/thread-self/stat');
    const reply = await new Promise<{ returned: number | null; stat: string }>((resolve, reject) => {
      const worker = new Worker(WORKER);
      worker.once('message', (m) => {
        resolve(m);
        void worker.terminate();
      });
      worker.once('error', reject);
    });
    const workerNice = niceFromStat(reply.stat);
    expect(workerNice).toBe(Math.max(before, BACKGROUND_NICE));
    expect(reply.returned).toBe(workerNice);
    // Linux nice values are per thread: this thread (the server's, in production) is as it was.
    expect(niceOf('/proc/thread-self/stat')).toBe(before);
  });
});
