/** A worker thread that executes one run, so the server's event loop keeps answering. */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/open.js';
import { runInBackground } from '../background-priority.js';
import { executeRun } from './execute-run.js';

// Behind the server's own thread for the CPU, so requests stay quick during a long run.
runInBackground();

const { databasePath, runId } = workerData as { databasePath: string; runId: number };
const controller = new AbortController();
parentPort!.on('message', (message: { type: string }) => {
  if (message.type === 'cancel') controller.abort();
});

const db = openDatabase(databasePath);
const run = await executeRun(db, runId, controller.signal, (progress) => parentPort!.postMessage({ type: 'progress', progress }));
db.$client.close();
parentPort!.postMessage({ type: 'finished', status: run.status });
// The cancel listener would keep this thread alive: let it end.
parentPort!.close();
