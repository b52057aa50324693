/** Datasets: import (all or nothing), list, page through, load whole, archive, delete. */
import { and, asc, between, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { columnBuilder } from '../rules/columnar/column-builder.js';
import { fieldAt, type ColumnarDataset } from '../rules/columnar/types.js';
import type { Dataset, DatasetColumn, FieldType, FieldValue } from '../rules/types.js';
import { AppError, notFound } from './app-error.js';
import { recordAudit } from './audit.js';
import { chunkColumns, chunkRows, chunkSpan, CHUNK_ROWS, columnChunk } from './chunks.js';
import type { Db } from './open.js';
import { requireOwner, type Actor } from './ownership.js';
import { datasetChunks, datasets, runs, sheets } from './schema.js';

export type DatasetRecord = typeof datasets.$inferSelect;

/** Stores a typed dataset (rows or columns) in one transaction; resolves to its record. */
export function saveDataset(
  db: Db,
  input: { dataset: Dataset | ColumnarDataset; sha256: string; sourceName: string; userId?: number | null },
): DatasetRecord {
  const length = 'rows' in input.dataset ? input.dataset.rows.length : input.dataset.length;
  return db.transaction((tx) => {
    const record = tx
      .insert(datasets)
      .values({
        name: input.dataset.name,
        sourceName: input.sourceName,
        sha256: input.sha256,
        rowCount: length,
        columns: input.dataset.columns,
        createdBy: input.userId ?? null,
      })
      .returning()
      .get();
    // Same connection, so the raw statement runs inside the transaction; it skips Drizzle's per-row overhead.
    const insert = db.$client.prepare('INSERT INTO dataset_chunks (dataset_id, chunk, rows) VALUES (?, ?, ?)');
    for (let start = 0, chunk = 0; start < length; start += CHUNK_ROWS, chunk++)
      insert.run(record.id, chunk, columnChunk(chunkOf(input.dataset, start, Math.min(length, start + CHUNK_ROWS))));
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

/** Which datasets a list shows: archived ones are kept for their runs but left out unless asked for. */
export type ArchivedFilter = 'hide' | 'only' | 'all';

export function listDatasets(db: Db, archived: ArchivedFilter = 'all'): DatasetRecord[] {
  const where = archived === 'all' ? undefined : archived === 'hide' ? isNull(datasets.archivedAt) : isNotNull(datasets.archivedAt);
  return db.select().from(datasets).where(where).orderBy(desc(datasets.id)).all();
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
  const rows = chunks.flatMap((c) => chunkRows(c.rows));
  const start = offset - first * CHUNK_ROWS;
  return rows.slice(start, start + limit);
}

/** The whole dataset as the engine takes it. */
export function loadDataset(db: Db, id: number, name?: string): Dataset {
  const record = getDataset(db, id);
  const rows: FieldValue[][] = [];
  const statement = db.$client.prepare('SELECT rows FROM dataset_chunks WHERE dataset_id = ? ORDER BY chunk').pluck();
  for (const text of statement.iterate(id) as Iterable<string>) for (const row of chunkRows(text)) rows.push(row);
  return { name: name ?? record.name, columns: record.columns as { name: string; type: FieldType }[], rows };
}

/**
 * The whole dataset held by column, built chunk by chunk straight into typed arrays and
 * dictionaries (no row arrays for column-wise chunks; an old row-wise chunk's 5,000 rows
 * at a time). A chunk that disagrees with the record's row count is an error, not a guess.
 */
export function loadColumnarDataset(db: Db, id: number, name?: string): ColumnarDataset {
  const record = getDataset(db, id);
  const columns = record.columns as DatasetColumn[];
  const builders = columns.map((c) => columnBuilder(c.type, record.rowCount));
  const statement = db.$client.prepare('SELECT chunk, rows FROM dataset_chunks WHERE dataset_id = ? ORDER BY chunk');
  let offset = 0;
  for (const { chunk, rows } of statement.iterate(id) as Iterable<{ chunk: number; rows: string }>) {
    const values = chunkColumns(rows, columns.length);
    const size = values.length > 0 ? values[0].length : 0;
    if (chunk * CHUNK_ROWS !== offset || offset + size > record.rowCount)
      throw new AppError('corrupt', 500, `dataset #${id} (${record.name}): stored chunk ${chunk} does not continue its rows at ${offset}`);
    for (let c = 0; c < builders.length; c++) {
      const column = values[c];
      const builder = builders[c];
      for (let r = 0; r < size; r++) builder.set(offset + r, column[r] ?? null);
    }
    offset += size;
  }
  if (offset !== record.rowCount)
    throw new AppError('corrupt', 500, `dataset #${id} (${record.name}): ${offset} rows stored, the record says ${record.rowCount}`);
  return { name: name ?? record.name, columns, length: record.rowCount, data: builders.map((b) => b.finish()) };
}

/** Rows [start, end) of a dataset of either shape, column by column, for one stored chunk. */
function chunkOf(dataset: Dataset | ColumnarDataset, start: number, end: number): FieldValue[][] {
  if ('rows' in dataset) {
    const rows = dataset.rows.slice(start, end);
    return dataset.columns.map((_, c) => rows.map((row) => row[c] ?? null));
  }
  return dataset.data.map((column) => {
    const values: FieldValue[] = new Array(end - start);
    for (let r = start; r < end; r++) values[r - start] = fieldAt(column, r);
    return values;
  });
}

/** A run that read a dataset: what keeps the dataset from being deleted. */
export interface DatasetReader {
  id: number;
  sheetId: number;
  sheet: string;
  kind: string;
  status: string;
}

/** Every run whose inputs name the dataset, oldest first. */
export function datasetReaders(db: Db, id: number): DatasetReader[] {
  return db
    .select({ id: runs.id, sheetId: runs.sheetId, sheet: sheets.name, kind: runs.kind, status: runs.status })
    .from(runs)
    .innerJoin(sheets, eq(sheets.id, runs.sheetId))
    .where(sql`EXISTS (SELECT 1 FROM json_each(${runs.inputs}) WHERE json_extract(json_each.value, '$.datasetId') = ${id})`)
    .orderBy(asc(runs.id))
    .all();
}

/**
 * Deletes a dataset no run read (its owner or an admin; no `actor`: the system). A run's
 * record must keep proving which data it read (governance.md), so a dataset any run read
 * is refused with 409 `in_use` naming the runs in `details.runs`: archive it instead.
 */
export function deleteDataset(db: Db, id: number, actor?: Actor): void {
  db.transaction((tx) => {
    const record = tx.select().from(datasets).where(eq(datasets.id, id)).get();
    if (!record) throw notFound('dataset', id);
    if (actor) requireOwner(db, actor, record, `dataset #${id} (${record.name})`, 'delete');
    const readers = datasetReaders(db, id);
    if (readers.length > 0) {
      const named = readers.slice(0, 5).map((r) => `#${r.id} (${r.sheet}, ${r.kind})`);
      const more = readers.length > 5 ? ` and ${readers.length - 5} more` : '';
      throw new AppError(
        'in_use',
        409,
        `dataset #${id} (${record.name}) was read by run${readers.length > 1 ? 's' : ''} ${named.join(', ')}${more}, which must keep proving what ${readers.length > 1 ? 'they' : 'it'} read: archive it instead`,
        { runs: readers },
      );
    }
    tx.delete(datasets).where(eq(datasets.id, id)).run();
    recordAudit(tx, {
      userId: actor?.id,
      action: 'dataset.delete',
      entity: 'dataset',
      entityId: id,
      before: { name: record.name, sha256: record.sha256, rows: record.rowCount },
    });
  });
}

/** Archives or brings back a dataset (its owner or an admin): hidden from lists and the run dialog, still read by id and by its runs. */
export function setDatasetArchived(db: Db, id: number, archived: boolean, actor: Actor): DatasetRecord {
  return db.transaction((tx) => {
    const record = tx.select().from(datasets).where(eq(datasets.id, id)).get();
    if (!record) throw notFound('dataset', id);
    requireOwner(db, actor, record, `dataset #${id} (${record.name})`, archived ? 'archive' : 'unarchive');
    if ((record.archivedAt !== null) === archived) return record;
    const after = tx
      .update(datasets)
      .set({ archivedAt: archived ? new Date().toISOString() : null })
      .where(eq(datasets.id, id))
      .returning()
      .get();
    recordAudit(tx, {
      userId: actor.id,
      action: archived ? 'dataset.archive' : 'dataset.unarchive',
      entity: 'dataset',
      entityId: id,
      before: { archivedAt: record.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return after;
  });
}
