/**
 * Reads several dataset files into columns at once, the large ones in worker threads (one
 * per file, up to the core count), so a reconciliation's two sides are read on two cores.
 * The typed arrays come back by transfer, not copied; a worker's refusal is the same
 * RuleError (code, message, place, problems) the reader throws in this thread.
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RuleError, ruleErrorFromData } from '../rules/errors.js';
import { readColumnarDatasetFile, type ColumnarImport } from './read-columnar.js';
import type { ReadDatasetOptions } from './read-dataset.js';
import type { ReadErrorData, ReadReply } from './read-worker.js';

const WORKER = fileURLToPath(new URL('./read-worker.mjs', import.meta.url));

/**
 * Below this size a file is read in this thread: a worker's start under tsx (loading the
 * readers) costs about 0.5–1 s, which a file this small does not win back (bench/csv-parsers.ts
 * measures both).
 */
export const WORKER_MIN_BYTES = 16 * 1024 * 1024;

export interface ColumnarReadSpec {
  path: string;
  options: ReadDatasetOptions;
}

export interface ParallelOptions {
  /** `auto` (default): workers for files of WORKER_MIN_BYTES or more; `always`/`never` for tests and benchmarks. */
  workers?: 'auto' | 'always' | 'never';
}

/**
 * Reads every spec into columns; resolves in the specs' order, or rejects with the first
 * file's refusal (in spec order) once all reads have settled.
 *
 * @example
 * const [fo, broker] = await readColumnarDatasets([
 *   { path: 'fo.csv', options: { name: 'fo' } },
 *   { path: 'broker.csv', options: { name: 'broker' } },
 * ]);
 */
export async function readColumnarDatasets(specs: ColumnarReadSpec[], options: ParallelOptions = {}): Promise<ColumnarImport[]> {
  const mode = options.workers ?? 'auto';
  const sizes = await Promise.all(
    specs.map((s) =>
      stat(s.path).then(
        (st) => st.size,
        () => 0,
      ),
    ),
  );
  const large = specs.map((_, i) => mode === 'always' || (mode === 'auto' && sizes[i] >= WORKER_MIN_BYTES));
  // This thread reads too: with one large file it is read here, and beside workers one large file stays here.
  let workersLeft = mode === 'always' ? specs.length : Math.max(0, Math.min(availableParallelism(), large.filter(Boolean).length) - 1);
  const reads = specs.map((spec, i) => {
    if (large[i] && workersLeft > 0 && (mode === 'always' || i !== large.indexOf(true))) {
      workersLeft -= 1;
      return readInWorker(spec);
    }
    return readColumnarDatasetFile(spec.path, spec.options);
  });
  const settled = await Promise.allSettled(reads);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return settled.map((s) => (s as PromiseFulfilledResult<ColumnarImport>).value);
}

/** One file read in a fresh worker thread. */
export function readInWorker({ path, options }: ColumnarReadSpec): Promise<ColumnarImport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { path, options } });
    let settled = false;
    worker.on('message', (reply: ReadReply) => {
      settled = true;
      if (reply.ok) resolve(reply.value);
      else reject(fromData(reply.error));
    });
    worker.on('error', (error) => {
      if (settled) return;
      settled = true;
      reject(new RuleError('bad_file', `the read stopped: ${error.message}`, { file: options.sourceName ?? path }));
    });
    worker.on('exit', (code) => {
      if (settled) return;
      settled = true;
      reject(new RuleError('bad_file', `the read stopped (exit ${code}) before it finished`, { file: options.sourceName ?? path }));
    });
  });
}

function fromData(error: ReadErrorData): Error {
  if (error.type === 'rule') return ruleErrorFromData(error);
  return new Error(error.message);
}
