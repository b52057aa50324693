/**
 * The one way a file becomes a dataset on the server (upload, watched folder, demo): read
 * in a worker thread with a memory cap and the import limits, so a hostile or huge file
 * is refused (413/422) while the server keeps answering. import-work.ts does the reading.
 */
import type { DatasetRecord } from '../../db/datasets.service.js';
import type { Db } from '../../db/open.js';
import type { ColumnPlan } from '../../ingest/column-plan.js';
import type { ImportLimits } from '../../ingest/file-limits.js';
import type { RuleProblem } from '../../rules/errors.js';
import type { FieldType } from '../../rules/types.js';
import { inWorker } from './import-thread.js';

export interface ImportRequest {
  name: string;
  sourceName: string;
  types?: Record<string, FieldType>;
  userId?: number | null;
  /** A CSV's declared encoding (`latin1`, `utf-16le`, …); detected when not given. */
  encoding?: string;
  /** file-limits.ts DEFAULT_LIMITS when not given; the server passes its settings. */
  limits?: ImportLimits;
  /** The worker's heap cap (TICKMARK_IMPORT_MEMORY_MB). */
  memoryMb?: number;
}

export interface ImportOutcome {
  record: DatasetRecord;
  /** True when the same file was imported under this name before: nothing new was stored. */
  duplicate: boolean;
  sameContentAs: number[];
  plans: ColumnPlan[];
  /** Said about the whole file: a guessed text encoding, replacement characters found. */
  notes: string[];
  message: string;
}

export interface Inspection {
  name: string;
  sourceName: string;
  rows: number;
  columns: ColumnPlan[];
  /** Every value or column that would refuse the import (the first 20 values). */
  problems: RuleProblem[];
  problemCount: number;
  notes: string[];
  /** Where the column types come from when the name has been imported before. */
  rememberedSince: string | null;
  /** An earlier import of the very same file under this name. */
  duplicateOf: number | null;
}

/** Imports `path` all or nothing; throws a RuleError naming every value or column at fault, or an AppError 413. */
export async function importDatasetFile(db: Db, path: string, request: ImportRequest): Promise<ImportOutcome> {
  return inWorker<ImportOutcome>(db, { kind: 'import', path, request });
}

/** What importing `path` would do, without importing: the upload page shows it first. */
export async function inspectDatasetUpload(db: Db, path: string, request: ImportRequest): Promise<Inspection> {
  return inWorker<Inspection>(db, { kind: 'inspect', path, request });
}
