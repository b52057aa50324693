/**
 * Rows stored as JSON chunks: how many a chunk holds, how pages map onto chunks, and the
 * two shapes a dataset chunk has. Chunks written before issue 14 are one JSON array of
 * rows (`[[…],[…]]`); dataset chunks written since are column-wise (`{"columns":[[…],[…]]}`),
 * so a run's columnar load parses a few arrays per chunk instead of 5,000. The first
 * character tells them apart, and every reader takes both (no migration).
 */
import type { FieldValue } from '../rules/types.js';

/** Rows per stored chunk: measured as the best read-back speed for 1M rows (BENCHMARKS.md). */
export const CHUNK_ROWS = 5000;

/** Splits rows into chunk payloads. */
export function* toChunks<T>(rows: T[]): Generator<{ chunk: number; rows: string }> {
  for (let start = 0, chunk = 0; start < rows.length; start += CHUNK_ROWS, chunk++) {
    yield { chunk, rows: JSON.stringify(rows.slice(start, start + CHUNK_ROWS)) };
  }
}

/** A column-wise chunk payload: `columns[c][r]` is the value of row r of the chunk. */
export function columnChunk(columns: FieldValue[][]): string {
  return JSON.stringify({ columns });
}

/** The rows of a stored chunk of either shape. */
export function chunkRows(text: string): FieldValue[][] {
  if (!isColumnChunk(text)) return JSON.parse(text) as FieldValue[][];
  const { columns } = JSON.parse(text) as { columns: FieldValue[][] };
  const length = columns.length > 0 ? columns[0].length : 0;
  const rows: FieldValue[][] = new Array(length);
  for (let r = 0; r < length; r++) {
    const row: FieldValue[] = new Array(columns.length);
    for (let c = 0; c < columns.length; c++) row[c] = columns[c][r];
    rows[r] = row;
  }
  return rows;
}

/** The columns of a stored chunk of either shape (`width` columns, for an old row-wise chunk). */
export function chunkColumns(text: string, width: number): FieldValue[][] {
  if (isColumnChunk(text)) return (JSON.parse(text) as { columns: FieldValue[][] }).columns;
  const rows = JSON.parse(text) as FieldValue[][];
  return Array.from({ length: width }, (_, c) => rows.map((row) => row[c] ?? null));
}

function isColumnChunk(text: string): boolean {
  return text.charCodeAt(0) === 123; // '{'
}

/** The chunk numbers that hold rows [offset, offset + limit). */
export function chunkSpan(offset: number, limit: number): { first: number; last: number } {
  return { first: Math.floor(offset / CHUNK_ROWS), last: Math.floor((offset + Math.max(limit, 1) - 1) / CHUNK_ROWS) };
}
