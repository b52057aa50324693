/** Waits, within a request, for a queued run to finish (a reproduction answers once done). */
import type { Db } from '../../db/open.js';
import { getRun, type RunRecord } from '../../db/runs.service.js';
import type { RunManager } from './run-manager.js';

const finished = (run: RunRecord) => run.status !== 'queued' && run.status !== 'running';

/** Resolves with the finished run, or with the run as it stands when `timeoutMs` runs out. */
export function waitForRun(db: Db, runs: RunManager, id: number, timeoutMs: number): Promise<RunRecord> {
  return new Promise((resolve) => {
    const done = (run: RunRecord) => {
      clearTimeout(timer);
      stop();
      resolve(run);
    };
    const timer = setTimeout(() => done(getRun(db, id)), timeoutMs);
    const stop = runs.subscribe(id, (event) => {
      if (event.type === 'status' && finished(event.run)) done(event.run);
    });
    // It may have finished before the subscription.
    const now = getRun(db, id);
    if (finished(now)) done(now);
  });
}
