/** Rows stored as JSON chunks: how many a chunk holds and how pages map onto chunks. */

/** Rows per stored chunk: measured as the best read-back speed for 1M rows (BENCHMARKS.md). */
export const CHUNK_ROWS = 5000;

/** Splits rows into chunk payloads. */
export function* toChunks<T>(rows: T[]): Generator<{ chunk: number; rows: string }> {
  for (let start = 0, chunk = 0; start < rows.length; start += CHUNK_ROWS, chunk++) {
    yield { chunk, rows: JSON.stringify(rows.slice(start, start + CHUNK_ROWS)) };
  }
}

/** The chunk numbers that hold rows [offset, offset + limit). */
export function chunkSpan(offset: number, limit: number): { first: number; last: number } {
  return { first: Math.floor(offset / CHUNK_ROWS), last: Math.floor((offset + Math.max(limit, 1) - 1) / CHUNK_ROWS) };
}
