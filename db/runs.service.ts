/**
 * Runs: queued with the exact inputs (sheet version, dataset ids and hashes, parameters),
 * then running, then finished. Result chunks, exception rows and report sheets are written
 * while the run goes; only a succeeded run's results are ever read, and a failed or
 * cancelled run's are deleted in the same transaction that records the outcome, so none is
 * half-written.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ResultRow, RunProgress, RunSummary } from '../rules/types.js';
import { AppError, notFound } from './app-error.js';
import { recordAudit } from './audit.js';
import { chunkSpan, CHUNK_ROWS } from './chunks.js';
import type { Db } from './open.js';
import { runExceptions, runReportSheets, runResultChunks, runs, sheetVersions } from './schema.js';
import { getDataset } from './datasets.service.js';
import { getSheet, requireActive } from './sheets.service.js';
import { ResultsHash } from '../rules/manifest.js';
import { continueQueue } from './queue/continue-queue.js';

export type RunRecord = typeof runs.$inferSelect;
export type RunStatus = RunRecord['status'];

export type RunKind = RunRecord['kind'];

/**
 * Records a queued run (governance.md 2). Without `version` it is an official run of the
 * sheet's approved version (409 `not_approved` when it has none); a `version` other than
 * the approved one makes it a test run. Backtests and reproductions say their kind and the
 * run whose inputs they reuse. Only official runs touch the exception queue.
 */
export function createRun(
  db: Db,
  input: {
    sheetId: number;
    data: Record<string, number>;
    params?: Record<string, string | number | boolean>;
    userId?: number | null;
    /** Input anomalies the user saw and confirmed: kept in the audit trail. */
    confirmedAnomalies?: unknown[];
    version?: number;
    kind?: Exclude<RunKind, 'official' | 'test'>;
    basedOn?: number;
    /** The schedule that fired the run, when one did. */
    scheduleId?: number;
  },
): RunRecord {
  return db.transaction((tx) => {
    const sheet = getSheet(db, input.sheetId);
    // An archived sheet's results can still be reproduced (that checks evidence), never made anew.
    if (input.kind !== 'reproduction') requireActive(sheet, 'run');
    const { number, kind } = runVersion(sheet, input);
    const version = tx
      .select({ id: sheetVersions.id })
      .from(sheetVersions)
      .where(and(eq(sheetVersions.sheetId, sheet.id), eq(sheetVersions.version, number)))
      .get();
    if (!version) throw notFound(`version ${number} of sheet`, sheet.id);
    const inputs: Record<string, { datasetId: number; sha256: string }> = {};
    for (const [name, datasetId] of Object.entries(input.data)) inputs[name] = { datasetId, sha256: getDataset(db, datasetId).sha256 };
    const run = tx
      .insert(runs)
      .values({
        sheetId: sheet.id,
        sheetVersionId: version.id,
        status: 'queued',
        kind,
        basedOn: input.basedOn ?? null,
        inputs,
        params: input.params ?? {},
        createdBy: input.userId ?? null,
        scheduleId: input.scheduleId ?? null,
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
        version: number,
        kind,
        ...(input.basedOn ? { basedOn: input.basedOn } : {}),
        ...(input.scheduleId ? { schedule: input.scheduleId } : {}),
        inputs,
        params: run.params,
        ...(input.confirmedAnomalies?.length ? { confirmedAnomalies: input.confirmedAnomalies } : {}),
      },
    });
    return run;
  });
}

/** Which version a run reads, and so what kind of run it is. */
function runVersion(
  sheet: { id: number; name: string; approvedVersion: number | null },
  input: { version?: number; kind?: RunKind },
): { number: number; kind: RunKind } {
  if (input.kind) {
    if (input.version === undefined) throw new AppError('bad_request', 400, `a ${input.kind} names the version it runs`);
    return { number: input.version, kind: input.kind };
  }
  if (input.version !== undefined) return { number: input.version, kind: input.version === sheet.approvedVersion ? 'official' : 'test' };
  if (sheet.approvedVersion === null)
    throw new AppError(
      'not_approved',
      409,
      `${sheet.name} has no approved version: an official run needs one (submit a version for review, or start a test run of a version)`,
    );
  return { number: sheet.approvedVersion, kind: 'official' };
}

/** `run-12` or `run-13-test`: the start of a run's download names, which say when it was not official. */
export function runFileStem(run: Pick<RunRecord, 'id' | 'kind'>): string {
  return run.kind === 'official' ? `run-${run.id}` : `run-${run.id}-${run.kind}`;
}

/** The sheet version number each run read, by run id. */
export function runVersionNumbers(db: Db, ids: number[]): Map<number, number> {
  if (ids.length === 0) return new Map();
  const rows = db
    .select({ id: runs.id, version: sheetVersions.version })
    .from(runs)
    .innerJoin(sheetVersions, eq(sheetVersions.id, runs.sheetVersionId))
    .where(inArray(runs.id, ids))
    .all();
  return new Map(rows.map((r) => [r.id, r.version]));
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
 * each batch in a short transaction so readers and other writers are never held up. It
 * hashes, as it goes, the bytes the CLI's results.csv would hold (governance.md 5).
 */
export class ResultWriter {
  private readonly hash = new ResultsHash();
  private pending: ResultRow[] = [];
  private written = 0;
  private exceptions = 0;
  private chunk = 0;

  constructor(
    private readonly db: Db,
    private readonly runId: number,
  ) {}

  /** The Rows headers: results.csv's first line. */
  columns(headers: string[]): void {
    this.hash.line(headers);
  }

  add(rows: ResultRow[]): void {
    for (const row of rows) this.hash.line(row.values);
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

  /** Writes the last partial chunk; returns the SHA-256 of results.csv as the CLI writes it. */
  close(): string {
    if (this.pending.length) this.db.transaction(() => this.flushChunk());
    return this.hash.digest();
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
  outcome:
    | { summary: RunSummary; resultsSha256?: string }
    | { status: 'failed' | 'cancelled'; error: { code: string; message: string; details?: unknown } },
): RunRecord {
  return db.transaction((tx) => {
    const finishedAt = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
    if ('summary' in outcome) {
      tx.update(runs)
        .set({
          status: 'succeeded',
          summary: outcome.summary as unknown as Record<string, unknown>,
          resultsSha256: outcome.resultsSha256 ?? null,
          finishedAt,
        })
        .where(eq(runs.id, id))
        .run();
      // Test runs, backtests and reproductions never touch the queue (governance.md 2).
      if (tx.select({ kind: runs.kind }).from(runs).where(eq(runs.id, id)).get()?.kind === 'official') {
        const queueChanges = continueQueue(db, id);
        tx.update(runs)
          .set({ queueChanges: { ...queueChanges } })
          .where(eq(runs.id, id))
          .run();
      }
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
