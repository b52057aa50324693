/**
 * Fires schedules on their cron in their time zone. A firing takes each input from the
 * watched folder by file-name pattern, imports it, starts the run and archives the files.
 * While a file is missing it looks again every `pollMs` until `waitMinutes` after the due
 * time; a file still missing then (or unreadable) becomes an exception in the sheet's queue.
 */
import { Cron } from 'croner';
import { basename } from 'node:path';
import { AppError } from '../../db/app-error.js';
import type { Db } from '../../db/open.js';
import { raiseFileException } from '../../db/queue/queue.service.js';
import { createRun } from '../../db/runs.service.js';
import { getSchedule, listSchedules, recordFiring, type ScheduleRecord } from '../../db/schedules.service.js';
import type { ImportLimits } from '../../ingest/file-limits.js';
import { importDatasetFile } from '../datasets/import-dataset.js';
import { RuleError } from '../../rules/errors.js';
import { checkRunInputs } from '../runs/run-inputs.js';
import type { RunManager } from '../runs/run-manager.js';
import { archive, newestMatch } from './watched-folder.js';

export type FiringOutcome = NonNullable<ScheduleRecord['lastOutcome']>;

export class Scheduler {
  private readonly jobs = new Map<number, Cron>();
  private readonly waits = new Map<number, NodeJS.Timeout>();

  constructor(
    private readonly db: Db,
    private readonly runs: RunManager,
    /** `importLimits` and `importMemoryMb`: the server's settings, so a watched file meets the same limits as an upload. */
    private readonly options: { watchDir: string; pollMs?: number; importLimits?: ImportLimits; importMemoryMb?: number },
  ) {}

  /** Starts the cron of every enabled schedule. */
  start(): void {
    for (const schedule of listSchedules(this.db)) this.reload(schedule.id);
  }

  /** Picks up a created, changed or deleted schedule. */
  reload(id: number): void {
    this.jobs.get(id)?.stop();
    this.jobs.delete(id);
    const schedule = this.db.$client.prepare('SELECT id FROM schedules WHERE id = ? AND enabled = 1').get(id);
    if (!schedule) {
      // Deleted or paused: a firing still waiting for its files must not fire on its own later.
      clearTimeout(this.waits.get(id));
      this.waits.delete(id);
      return;
    }
    const record = getSchedule(this.db, id);
    this.jobs.set(
      id,
      new Cron(record.cron, { timezone: record.timezone, name: `schedule-${id}`, protect: true }, () => void this.fire(id)),
    );
  }

  nextRun(id: number): string | null {
    return this.jobs.get(id)?.nextRun()?.toISOString() ?? null;
  }

  /**
   * Fires now (or as of `due`): what it did is recorded on the schedule and returned.
   * `firedBy` is the person who clicked "run now": the firing, its imports and its run are
   * theirs in the audit trail; the cron fires as the schedule's owner (imports, run) and the
   * system (the firing itself).
   */
  async fire(id: number, due = new Date(), firedBy: number | null = null): Promise<FiringOutcome> {
    clearTimeout(this.waits.get(id));
    this.waits.delete(id);
    const schedule = getSchedule(this.db, id);
    const found: Record<string, string> = {};
    const missing: string[] = [];
    for (const [name, pattern] of Object.entries(schedule.inputs)) {
      const path = newestMatch(this.options.watchDir, pattern);
      if (path) found[name] = path;
      else missing.push(name);
    }
    const at = new Date().toISOString();
    let outcome: FiringOutcome;
    if (missing.length) {
      const deadline = due.getTime() + schedule.waitMinutes * 60_000;
      if (Date.now() < deadline) {
        const wait = Math.min(this.options.pollMs ?? 60_000, deadline - Date.now());
        this.waits.set(
          id,
          setTimeout(() => void this.fire(id, due, firedBy), wait),
        );
        outcome = { waiting: missing };
      } else {
        for (const name of missing)
          raiseFileException(this.db, {
            sheetId: schedule.sheetId,
            kind: 'missing file',
            name,
            detail: `no file matching ${schedule.inputs[name]} by ${due.toISOString()}`,
            due: due.toISOString(),
          });
        outcome = { missing };
      }
    } else {
      outcome = await this.startRun(schedule, found, due, firedBy ?? schedule.createdBy);
    }
    recordFiring(this.db, id, at, outcome, firedBy);
    return outcome;
  }

  stop(): void {
    for (const job of this.jobs.values()) job.stop();
    for (const wait of this.waits.values()) clearTimeout(wait);
    this.jobs.clear();
    this.waits.clear();
  }

  private async startRun(
    schedule: ScheduleRecord,
    files: Record<string, string>,
    due: Date,
    userId: number | null,
  ): Promise<FiringOutcome> {
    const data: Record<string, number> = {};
    for (const [name, path] of Object.entries(files)) {
      try {
        const { record } = await importDatasetFile(this.db, path, {
          name,
          sourceName: basename(path),
          userId,
          limits: this.options.importLimits,
          memoryMb: this.options.importMemoryMb,
        });
        data[name] = record.id;
      } catch (error) {
        // A limit refusal (AppError 413) already names the file, as a RuleError's description does.
        const message =
          error instanceof RuleError
            ? error.describe()
            : error instanceof AppError
              ? error.message
              : `${basename(path)}: ${(error as Error).message}`;
        raiseFileException(this.db, { sheetId: schedule.sheetId, kind: 'bad file', name, detail: message, due: due.toISOString() });
        return { error: message };
      }
    }
    // Nobody is there to confirm an anomaly: it waits in the queue for a person instead.
    try {
      checkRunInputs(this.db, schedule.sheetId, data);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const name =
        (error.details as { anomalies?: { dataset: string }[]; dataset?: string }).anomalies?.[0]?.dataset ?? Object.keys(data)[0];
      const kind = error.code === 'input_anomaly' ? 'input anomaly' : 'bad file';
      raiseFileException(this.db, { sheetId: schedule.sheetId, kind, name, detail: error.message, due: due.toISOString() });
      return { error: error.message };
    }
    let run;
    try {
      run = createRun(this.db, { sheetId: schedule.sheetId, data, params: schedule.params, userId, scheduleId: schedule.id });
    } catch (error) {
      // No approved version (someone rejected it, or it was never approved): nothing runs, and the schedule says why.
      if (error instanceof AppError) return { error: error.message };
      throw error;
    }
    this.runs.enqueue(run.id);
    archive(this.options.watchDir, Object.values(files), due.toISOString().slice(0, 10));
    return { runId: run.id };
  }
}
