/**
 * A worker thread that reads (and for an import, stores) one dataset file on its own
 * database connection, so parsing an untrusted file never holds up the server's requests.
 * Errors go back as plain data; import-thread.ts turns them into AppError/RuleError again.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../db/app-error.js';
import { openDatabase } from '../../db/open.js';
import { RuleError, ruleErrorData, type RuleErrorData } from '../../rules/errors.js';
import { runInBackground } from '../background-priority.js';
import type { ImportRequest } from './import-dataset.js';
import { importInThisThread, inspectInThisThread } from './import-work.js';

export interface ImportJob {
  kind: 'import' | 'inspect';
  path: string;
  request: ImportRequest;
}

/** An error as plain data, to cross the thread boundary. */
export type ErrorData =
  | RuleErrorData
  | { type: 'app'; code: string; status: AppError['status']; message: string; details?: unknown }
  | { type: 'other'; message: string };

export type ImportReply = { ok: true; value: unknown } | { ok: false; error: ErrorData };

const { databasePath, job } = workerData as { databasePath: string; job: ImportJob };
// Behind the server's own thread for the CPU: a large import must not slow the requests.
runInBackground();
const db = openDatabase(databasePath);
let reply: ImportReply;
try {
  const work = job.kind === 'import' ? importInThisThread : inspectInThisThread;
  reply = { ok: true, value: await work(db, job.path, job.request) };
} catch (error) {
  reply = { ok: false, error: asData(error) };
} finally {
  db.$client.close();
}
parentPort!.postMessage(reply);

function asData(error: unknown): ErrorData {
  if (error instanceof RuleError) return ruleErrorData(error);
  if (error instanceof AppError)
    return { type: 'app', code: error.code, status: error.status, message: error.message, details: error.details };
  return { type: 'other', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
