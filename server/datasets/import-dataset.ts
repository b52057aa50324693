/**
 * The one way a file becomes a dataset on the server (upload, watched folder, demo): typed
 * by the typo rule, held to the column types its name remembers, refused whole on any
 * misfit, and an identical earlier import of the same name reused and said so.
 */
import { findBySha256, importStamp, rememberedColumns, saveDataset, type DatasetRecord } from '../../db/datasets.service.js';
import type { Db } from '../../db/open.js';
import type { ColumnPlan } from '../../ingest/column-plan.js';
import { inspectDatasetFile, readDatasetFile } from '../../ingest/read-dataset.js';
import type { RuleProblem } from '../../rules/errors.js';
import type { FieldType } from '../../rules/types.js';

export interface ImportRequest {
  name: string;
  sourceName: string;
  types?: Record<string, FieldType>;
  userId?: number | null;
}

export interface ImportOutcome {
  record: DatasetRecord;
  /** True when the same file was imported under this name before: nothing new was stored. */
  duplicate: boolean;
  sameContentAs: number[];
  plans: ColumnPlan[];
  message: string;
}

/** Imports `path` all or nothing; throws a RuleError naming every value or column at fault. */
export async function importDatasetFile(db: Db, path: string, request: ImportRequest): Promise<ImportOutcome> {
  const remembered = rememberedColumns(db, request.name);
  const read = await readDatasetFile(path, { ...request, remembered });
  const same = findBySha256(db, read.sha256);
  const existing = same.find((d) => d.name === request.name);
  if (existing)
    return {
      record: existing,
      duplicate: true,
      sameContentAs: same.map((d) => d.id),
      plans: read.plans,
      message: `${request.sourceName} is the same file as ${existing.name} #${existing.id} (${existing.sourceName}, imported ${importStamp(existing.createdAt)}): nothing new was imported`,
    };
  const record = saveDataset(db, { dataset: read.dataset, sha256: read.sha256, sourceName: request.sourceName, userId: request.userId });
  return {
    record,
    duplicate: false,
    sameContentAs: same.map((d) => d.id),
    plans: read.plans,
    message: `imported ${record.name}: ${record.rowCount.toLocaleString('en-US')} rows`,
  };
}

export interface Inspection {
  name: string;
  sourceName: string;
  rows: number;
  columns: ColumnPlan[];
  /** Every value or column that would refuse the import (the first 20 values). */
  problems: RuleProblem[];
  problemCount: number;
  /** Where the column types come from when the name has been imported before. */
  rememberedSince: string | null;
  /** An earlier import of the very same file under this name. */
  duplicateOf: number | null;
}

/** What importing `path` would do, without importing: the upload page shows it first. */
export async function inspectDatasetUpload(db: Db, path: string, request: ImportRequest): Promise<Inspection> {
  const remembered = rememberedColumns(db, request.name);
  const read = await inspectDatasetFile(path, { ...request, remembered });
  const duplicate = findBySha256(db, read.sha256).find((d) => d.name === request.name);
  return {
    name: request.name,
    sourceName: request.sourceName,
    rows: read.dataset.rows.length,
    columns: read.plans,
    problems: [...read.headerProblems, ...read.misfits.problems],
    problemCount: read.headerProblems.length + read.misfits.count,
    rememberedSince: remembered?.since ?? null,
    duplicateOf: duplicate?.id ?? null,
  };
}
