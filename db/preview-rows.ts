/** Reads chosen rows of a stored dataset by their row numbers, touching only the chunks that hold them. */
import type { FieldValue } from '../rules/types.js';
import { chunkRows, CHUNK_ROWS } from './chunks.js';
import type { Db } from './open.js';

/** Rows `indexes` (0-based row numbers) of dataset `id`, in the order given. */
export function readRowsAt(db: Db, id: number, indexes: readonly number[]): FieldValue[][] {
  const chunks = [...new Set(indexes.map((i) => Math.floor(i / CHUNK_ROWS)))];
  const statement = db.$client.prepare('SELECT rows FROM dataset_chunks WHERE dataset_id = ? AND chunk = ?').pluck();
  const loaded = new Map<number, FieldValue[][]>();
  for (const chunk of chunks) loaded.set(chunk, chunkRows((statement.get(id, chunk) as string | undefined) ?? '[]'));
  return indexes.map((i) => loaded.get(Math.floor(i / CHUNK_ROWS))![i % CHUNK_ROWS] ?? []);
}
