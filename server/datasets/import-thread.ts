/**
 * Runs one import job in a fresh worker thread capped at the import memory setting, and
 * turns what comes back into the server's errors: a limit refusal or a worker that ran
 * out of memory is an AppError 413 naming the file and the setting, never a crash.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../db/app-error.js';
import type { Db } from '../../db/open.js';
import { DEFAULT_LIMITS } from '../../ingest/file-limits.js';
import { checkXlsxContainer } from '../../ingest/sniff.js';
import { unzippedSize } from '../../ingest/zip-directory.js';
import { RuleError, ruleErrorFromData } from '../../rules/errors.js';
import { importInThisThread, inspectInThisThread } from './import-work.js';
import type { ErrorData, ImportJob, ImportReply } from './import-worker.js';

const WORKER = fileURLToPath(new URL('./import-worker.mjs', import.meta.url));

/** The heap a worker gets when the request names none (TICKMARK_IMPORT_MEMORY_MB's default). */
export const DEFAULT_IMPORT_MEMORY_MB = 2048;

/**
 * Below these sizes a file is read in the server's thread: the read is bounded to tens of
 * milliseconds, and a worker's start (loading the readers, ~1 s) would cost more than it
 * saves. An .xlsx is judged by what its zip directory says it unzips to, never by its size.
 */
const SMALL_CSV_BYTES = 1024 * 1024;
const SMALL_XLSX_UNZIPPED_BYTES = 4 * 1024 * 1024;

/** Resolves to the job's result or throws its RuleError/AppError: small files here, the rest in a worker. */
export async function inWorker<T>(db: Db, job: ImportJob): Promise<T> {
  if (db.$client.memory || (await isSmall(job))) {
    const work = job.kind === 'import' ? importInThisThread : inspectInThisThread;
    try {
      return (await work(db, job.path, job.request)) as T;
    } catch (error) {
      throw error instanceof RuleError ? limitAsHttp(error) : error;
    }
  }
  return inFreshWorker<T>(db, job);
}

async function isSmall({ path, request }: ImportJob): Promise<boolean> {
  const ext = extname(request.sourceName).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return (await stat(path).catch(() => ({ size: 0 }))).size <= SMALL_CSV_BYTES;
  if (ext !== '.xlsx' && ext !== '.xlsm') return true; // refused by its name before any read
  try {
    const { entries } = checkXlsxContainer(await readFile(path), request.sourceName, request.limits ?? DEFAULT_LIMITS);
    return unzippedSize(entries) <= SMALL_XLSX_UNZIPPED_BYTES;
  } catch {
    return true; // not a workbook or over the limit: the read here refuses it at once, by the same check
  }
}

function inFreshWorker<T>(db: Db, job: ImportJob): Promise<T> {
  const memoryMb = job.request.memoryMb ?? DEFAULT_IMPORT_MEMORY_MB;
  const file = job.request.sourceName;
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: { databasePath: db.$client.name, job },
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    worker.on('message', (reply: ImportReply) => settle(() => (reply.ok ? resolve(reply.value as T) : reject(fromData(reply.error)))));
    worker.on('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new AppError(
                'too_large',
                413,
                `${file} is too large to read within the ${memoryMb.toLocaleString('en-US')} MB import memory (TICKMARK_IMPORT_MEMORY_MB)`,
                { file },
              )
            : new AppError('import_failed', 500, `reading ${file} failed unexpectedly: ${error.message}`),
        ),
      ),
    );
    worker.on('exit', (code) =>
      settle(() => reject(new AppError('import_failed', 500, `reading ${file} stopped unexpectedly (exit code ${code})`))),
    );
  });
}

function fromData(error: ErrorData): Error {
  if (error.type === 'app') return new AppError(error.code, error.status, error.message, error.details);
  if (error.type === 'other') return new Error(error.message);
  return limitAsHttp(ruleErrorFromData(error));
}

/** Over a limit is the request's size, not its content: 413, with the place kept as details. */
function limitAsHttp(rule: RuleError): Error {
  return rule.code === 'too_large' ? new AppError('too_large', 413, rule.describe(), rule.place) : rule;
}
