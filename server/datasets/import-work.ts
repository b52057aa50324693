/**
 * The import itself, as the import worker runs it on its own database connection: typed
 * by the typo rule, held to the column types its name remembers, refused whole on any
 * misfit, and an identical earlier import of the same name reused and said so.
 */
import { findBySha256, importStamp, rememberedColumns, saveDataset } from '../../db/datasets.service.js';
import type { Db } from '../../db/open.js';
import { inspectDatasetFile, readDatasetFile } from '../../ingest/read-dataset.js';
import { encodingNamed } from '../../ingest/text-encoding.js';
import type { ImportOutcome, ImportRequest, Inspection } from './import-dataset.js';

/** Imports `path` all or nothing; throws a RuleError naming every value or column at fault. */
export async function importInThisThread(db: Db, path: string, request: ImportRequest): Promise<ImportOutcome> {
  const remembered = rememberedColumns(db, request.name);
  const read = await readDatasetFile(path, { ...readOptions(request), remembered });
  const same = findBySha256(db, read.sha256);
  const existing = same.find((d) => d.name === request.name);
  if (existing)
    return {
      record: existing,
      duplicate: true,
      sameContentAs: same.map((d) => d.id),
      plans: read.plans,
      notes: read.notes,
      message: `${request.sourceName} is the same file as ${existing.name} #${existing.id} (${existing.sourceName}, imported ${importStamp(existing.createdAt)}): nothing new was imported`,
    };
  const record = saveDataset(db, { dataset: read.dataset, sha256: read.sha256, sourceName: request.sourceName, userId: request.userId });
  return {
    record,
    duplicate: false,
    sameContentAs: same.map((d) => d.id),
    plans: read.plans,
    notes: read.notes,
    message: `imported ${record.name}: ${record.rowCount.toLocaleString('en-US')} ${record.rowCount === 1 ? 'row' : 'rows'}`,
  };
}

/** What importing `path` would do, without importing: the upload page shows it first. */
export async function inspectInThisThread(db: Db, path: string, request: ImportRequest): Promise<Inspection> {
  const remembered = rememberedColumns(db, request.name);
  const read = await inspectDatasetFile(path, { ...readOptions(request), remembered });
  const duplicate = findBySha256(db, read.sha256).find((d) => d.name === request.name);
  return {
    name: request.name,
    sourceName: request.sourceName,
    rows: read.dataset.rows.length,
    columns: read.plans,
    problems: [...read.headerProblems, ...read.misfits.problems],
    problemCount: read.headerProblems.length + read.misfits.count,
    notes: read.notes,
    rememberedSince: remembered?.since ?? null,
    duplicateOf: duplicate?.id ?? null,
  };
}

function readOptions(request: ImportRequest) {
  return {
    name: request.name,
    sourceName: request.sourceName,
    types: request.types,
    limits: request.limits,
    encoding: request.encoding ? encodingNamed(request.encoding, request.sourceName) : undefined,
  };
}
