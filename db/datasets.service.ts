/** Datasets: import (all or nothing), list, page through, load whole, delete. */
import { and, asc, between, desc, eq, sql } from 'drizzle-orm';
import type { Dataset, DatasetColumn, FieldType, FieldValue } from '../rules/types.js';
import { notFound } from './app-error.js';
import { recordAudit } from './audit.js';
import { chunkSpan, CHUNK_ROWS, toChunks } from './chunks.js';
import type { Db } from './open.js';
import { datasetChunks, datasets } from './schema.js';

export type DatasetRecord = typeof datasets.$inferSelect;

/** Stores a typed dataset in one transaction; resolves to its record. */
export function saveDataset(
  db: Db,
  input: { dataset: Dataset; sha256: string; sourceName: string; userId?: number | null },
): DatasetRecord {
  return db.transaction((tx) => {
    const record = tx
      .insert(datasets)
      .values({
        name: input.dataset.name,
        sourceName: input.sourceName,
        sha256: input.sha256,
        rowCount: input.dataset.rows.length,
        columns: input.dataset.columns,
        createdBy: input.userId ?? null,
      })
      .returning()
      .get();
    // Same connection, so the raw statement runs inside the transaction; it skips Drizzle's per-row overhead.
    const insert = db.$client.prepare('INSERT INTO dataset_chunks (dataset_id, chunk, rows) VALUES (?, ?, ?)');
    for (const chunk of toChunks(input.dataset.rows)) insert.run(record.id, chunk.chunk, chunk.rows);
    recordAudit(tx, {
      userId: input.userId,
      action: 'dataset.import',
      entity: 'dataset',
      entityId: record.id,
      after: { name: record.name, sha256: record.sha256, rows: record.rowCount },
    });
    return record;
  });
}

/**
 * The columns a dataset name has had since its first import (the oldest one still kept),
 * which every later import of the name must fit; undefined for a new name.
 */
export function rememberedColumns(db: Db, name: string): { columns: DatasetColumn[]; since: string } | undefined {
  const first = db
    .select()
    .from(datasets)
    .where(sql`lower(${datasets.name}) = lower(${name})`)
    .orderBy(asc(datasets.id))
    .limit(1)
    .get();
  if (!first) return undefined;
  return {
    columns: first.columns as DatasetColumn[],
    since: `its first import (#${first.id}, ${first.sourceName}, ${importStamp(first.createdAt)})`,
  };
}

/** `2026-12-01 18:50 UTC`: when an import happened, as messages about it say. */
export function importStamp(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** Earlier imports of the same bytes, newest first. */
export function findBySha256(db: Db, sha256: string): DatasetRecord[] {
  return db.select().from(datasets).where(eq(datasets.sha256, sha256)).orderBy(desc(datasets.id)).all();
}

export function listDatasets(db: Db): DatasetRecord[] {
  return db.select().from(datasets).orderBy(desc(datasets.id)).all();
}

export function getDataset(db: Db, id: number): DatasetRecord {
  const record = db.select().from(datasets).where(eq(datasets.id, id)).get();
  if (!record) throw notFound('dataset', id);
  return record;
}

/** Rows [offset, offset + limit) of a dataset. */
export function readDatasetRows(db: Db, id: number, offset: number, limit: number): FieldValue[][] {
  const record = getDataset(db, id);
  if (offset >= record.rowCount || limit <= 0) return [];
  const { first, last } = chunkSpan(offset, limit);
  const chunks = db
    .select({ chunk: datasetChunks.chunk, rows: datasetChunks.rows })
    .from(datasetChunks)
    .where(and(eq(datasetChunks.datasetId, id), between(datasetChunks.chunk, first, last)))
    .orderBy(asc(datasetChunks.chunk))
    .all();
  const rows = chunks.flatMap((c) => JSON.parse(c.rows) as FieldValue[][]);
  const start = offset - first * CHUNK_ROWS;
  return rows.slice(start, start + limit);
}

/** The whole dataset as the engine takes it. */
export function loadDataset(db: Db, id: number, name?: string): Dataset {
  const record = getDataset(db, id);
  const rows: FieldValue[][] = [];
  const statement = db.$client.prepare('SELECT rows FROM dataset_chunks WHERE dataset_id = ? ORDER BY chunk').pluck();
  for (const text of statement.iterate(id) as Iterable<string>) for (const row of JSON.parse(text) as FieldValue[][]) rows.push(row);
  return { name: name ?? record.name, columns: record.columns as { name: string; type: FieldType }[], rows };
}

export function deleteDataset(db: Db, id: number, userId?: number | null): void {
  db.transaction((tx) => {
    const record = tx.select().from(datasets).where(eq(datasets.id, id)).get();
    if (!record) throw notFound('dataset', id);
    tx.delete(datasets).where(eq(datasets.id, id)).run();
    recordAudit(tx, {
      userId,
      action: 'dataset.delete',
      entity: 'dataset',
      entityId: id,
      before: { name: record.name, sha256: record.sha256, rows: record.rowCount },
    });
  });
}
