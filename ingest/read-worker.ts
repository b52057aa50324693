/**
 * A worker thread that reads one dataset file into columns and hands the typed arrays
 * back by transfer (no copy). Errors go back as plain data; read-parallel.ts makes the
 * same RuleError again.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ColumnData } from '../rules/columnar/types.js';
import { RuleError, ruleErrorData, type RuleErrorData } from '../rules/errors.js';
import { readColumnarDatasetFile, type ColumnarImport } from './read-columnar.js';
import type { ReadDatasetOptions } from './read-dataset.js';

/** An error as plain data, to cross the thread boundary. */
export type ReadErrorData = RuleErrorData | { type: 'other'; message: string };

export type ReadReply = { ok: true; value: ColumnarImport } | { ok: false; error: ReadErrorData };

const { path, options } = workerData as { path: string; options: ReadDatasetOptions };
try {
  const value = await readColumnarDatasetFile(path, options);
  parentPort!.postMessage({ ok: true, value } satisfies ReadReply, value.dataset.data.flatMap(buffersOf));
} catch (error) {
  parentPort!.postMessage({ ok: false, error: asData(error) } satisfies ReadReply);
}

/** The buffers a column owns, moved to the reading thread rather than copied. */
function buffersOf(column: ColumnData): ArrayBuffer[] {
  const arrays = column.type === 'date' ? [column.codes, column.serials] : column.type === 'text' ? [column.codes] : [column.values];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

function asData(error: unknown): ReadErrorData {
  if (error instanceof RuleError) return ruleErrorData(error);
  return { type: 'other', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
