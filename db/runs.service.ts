/**
 * Runs: queued with the exact inputs (sheet version, dataset ids and hashes, parameters),
 * then running, then finished. Result chunks, exception rows and report sheets are written
 * while the run goes; only a succeeded run's results are ever read, and a failed or
 * cancelled run's are deleted in the same transaction that records the outcome, so none is
 * half-written.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { ResultRow, RunProgress, RunSummary } from '../rules/types.js';
import { AppError, notFound } from './app-error.js';
import { recordAudit } from './audit.js';
import { chunkSpan, CHUNK_ROWS } from './chunks.js';
import type { Db } from './open.js';
import { runExceptions, runReportSheets, runResultChunks, runs, sheetVersions } from './schema.js';
import { getDataset } from './datasets.service.js';
import { getSheet } from './sheets.service.js';
import { continueQueue } from './queue/continue-queue.js';

export type RunRecord = typeof runs.$inferSelect;
export type RunStatus = RunRecord['status'];

/** Records a queued run of the sheet's current version over the named datasets. */
export function createRun(
  db: Db,
  input: {
    sheetId: number;
    data: Record<string, number>;
    params?: Record<string, string | number | boolean>;
    userId?: number | null;
    /** Input anomalies the user saw and confirmed: kept in the audit trail. */
    confirmedAnomalies?: unknown[];
  },
): RunRecord {
  return db.transaction((tx) => {
    const sheet = getSheet(db, input.sheetId);
    const version = tx
      .select({ id: sheetVersions.id })
      .from(sheetVersions)
      .where(and(eq(sheetVersions.sheetId, sheet.id), eq(sheetVersions.version, sheet.currentVersion)))
      .get()!;
    const inputs: Record<string, { datasetId: number; sha256: string }> = {};
    for (const [name, datasetId] of Object.entries(input.data)) inputs[name] = { datasetId, sha256: getDataset(db, datasetId).sha256 };
    const run = tx
      .insert(runs)
      .values({
        sheetId: sheet.id,
        sheetVersionId: version.id,
        status: 'queued',
        inputs,
        params: input.params ?? {},
        createdBy: input.userId ?? null,
      })
      .returning()
      .get();
    recordAudit(tx, {
      userId: input.userId,
      action: 'run.start',
      entity: 'run',
      entityId: run.id,
      after: {
        sheet: sheet.id,
        version: sheet.currentVersion,
        inputs,
        params: run.params,
        ...(input.confirmedAnomalies?.length ? { confirmedAnomalies: input.confirmedAnomalies } : {}),
      },
    });
    return run;
  });
}

export function getRun(db: Db, id: number): RunRecord {
  const run = db.select().from(runs).where(eq(runs.id, id)).get();
  if (!run) throw notFound('run', id);
  return run;
}

export function listRuns(db: Db, sheetId?: number): RunRecord[] {
  const query = db.select().from(runs);
  return (sheetId ? query.where(eq(runs.sheetId, sheetId)) : query).orderBy(desc(runs.id)).all();
}

export function markRunning(db: Db, id: number): void {
  db.update(runs)
    .set({ status: 'running', startedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
    .where(eq(runs.id, id))
    .run();
}

/** The Rows headers, known once the engine has read the sheet. */
export function setRunColumns(db: Db, id: number, columns: string[]): void {
  db.update(runs).set({ columns }).where(eq(runs.id, id)).run();
}

export function recordProgress(db: Db, id: number, progress: RunProgress): void {
  db.update(runs)
    .set({ progress })
    .where(and(eq(runs.id, id), eq(runs.status, 'running')))
    .run();
}

/**
 * Writes a running run's results in CHUNK_ROWS chunks and its exceptions as they come,
 * each batch in a short transaction so readers and other writers are never held up.
 */
export class ResultWriter {
  private pending: ResultRow[] = [];
  private written = 0;
  private exceptions = 0;
  private chunk = 0;

  constructor(
    private readonly db: Db,
    private readonly runId: number,
  ) {}

  add(rows: ResultRow[]): void {
    this.db.transaction(() => {
      const insertException = this.db.$client.prepare(
        'INSERT INTO run_exceptions (run_id, row_index, seq, kind, key, match, age_from, "values") VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      rows.forEach((row, i) => {
        if (row.exception !== null)
          insertException.run(
            this.runId,
            this.written + this.pending.length + i,
            this.exceptions++,
            row.exception,
            row.key,
            row.match ?? null,
            row.ageFrom ?? null,
            JSON.stringify(row.values),
          );
      });
      for (const row of rows) {
        this.pending.push(row);
        if (this.pending.length === CHUNK_ROWS) this.flushChunk();
      }
    });
  }

  /** Writes the last partial chunk. */
  close(): void {
    if (this.pending.length) this.db.transaction(() => this.flushChunk());
  }

  private flushChunk(): void {
    this.db.$client
      .prepare('INSERT INTO run_result_chunks (run_id, chunk, rows) VALUES (?, ?, ?)')
      .run(this.runId, this.chunk++, JSON.stringify(this.pending.map((r) => r.values)));
    this.written += this.pending.length;
    this.pending = [];
  }
}

/** Marks the run succeeded with its summary, or failed/cancelled and drops what it wrote. */
export function finishRun(
  db: Db,
  id: number,
  outcome: { summary: RunSummary } | { status: 'failed' | 'cancelled'; error: { code: string; message: string; details?: unknown } },
): RunRecord {
  return db.transaction((tx) => {
    const finishedAt = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
    if ('summary' in outcome) {
      tx.update(runs)
        .set({ status: 'succeeded', summary: outcome.summary as unknown as Record<string, unknown>, finishedAt })
        .where(eq(runs.id, id))
        .run();
      const queueChanges = continueQueue(db, id);
      tx.update(runs)
        .set({ queueChanges: { ...queueChanges } })
        .where(eq(runs.id, id))
        .run();
    } else {
      tx.delete(runResultChunks).where(eq(runResultChunks.runId, id)).run();
      tx.delete(runExceptions).where(eq(runExceptions.runId, id)).run();
      tx.delete(runReportSheets).where(eq(runReportSheets.runId, id)).run();
      tx.update(runs).set({ status: outcome.status, error: outcome.error, finishedAt }).where(eq(runs.id, id)).run();
    }
    const run = tx.select().from(runs).where(eq(runs.id, id)).get()!;
    recordAudit(tx, {
      action: `run.${run.status}`,
      entity: 'run',
      entityId: id,
      after: {
        status: run.status,
        counts: (run.summary as RunSummary | null)?.counts ?? null,
        queue: run.queueChanges,
        error: run.error,
      },
    });
    return run;
  });
}

/** At start: runs a previous process left queued or running did not finish; say so. */
export function failInterruptedRuns(db: Db): number[] {
  const stale = db
    .select({ id: runs.id })
    .from(runs)
    .where(sql`${runs.status} in ('queued','running')`)
    .all();
  for (const { id } of stale)
    finishRun(db, id, {
      status: 'failed',
      error: { code: 'interrupted', message: 'the server stopped while this run was in progress; start it again' },
    });
  return stale.map((r) => r.id);
}

/** Rows [offset, offset + limit) of a succeeded run's results. */
export function readResults(db: Db, id: number, offset: number, limit: number): unknown[][] {
  const run = getRun(db, id);
  if (run.status !== 'succeeded')
    throw new AppError('run_not_finished', 409, `run ${id} is ${run.status}: results exist only for a succeeded run`);
  const { first, last } = chunkSpan(offset, limit);
  const chunks = db
    .select({ rows: runResultChunks.rows })
    .from(runResultChunks)
    .where(and(eq(runResultChunks.runId, id), sql`${runResultChunks.chunk} between ${first} and ${last}`))
    .orderBy(asc(runResultChunks.chunk))
    .all();
  const rows = chunks.flatMap((c) => JSON.parse(c.rows) as unknown[][]);
  const start = offset - first * CHUNK_ROWS;
  return rows.slice(start, start + limit);
}
