/**
 * Where a run came from, in words for its page: the sheet, who started it (a person, the
 * schedule that fired it, or the system) and each dataset it read as it was imported.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from './open.js';
import { datasets, schedules, users } from './schema.js';
import { getRun, type RunRecord } from './runs.service.js';
import { getSheet } from './sheets.service.js';

export interface RunOrigin {
  sheet: { id: number; name: string };
  /**
   * `user` a person started it; `schedule` a schedule fired it (`name` is "schedule #N (cron, time zone)");
   * `system` nobody.
   */
  startedBy: { kind: 'user' | 'schedule' | 'system'; name: string; scheduleId: number | null };
  /** One per input, in input-name order; `dataset` is null once the dataset was deleted. */
  datasets: {
    input: string;
    datasetId: number;
    dataset: { name: string; sourceName: string; rows: number; importedAt: string } | null;
  }[];
}

export function runOrigin(db: Db, id: number): RunOrigin {
  const run = getRun(db, id);
  const sheet = getSheet(db, run.sheetId);
  const ids = Object.values(run.inputs).map((i) => i.datasetId);
  const found = new Map((ids.length ? db.select().from(datasets).where(inArray(datasets.id, ids)).all() : []).map((d) => [d.id, d]));
  const user = run.createdBy === null ? undefined : db.select().from(users).where(eq(users.id, run.createdBy)).get();
  return {
    sheet: { id: sheet.id, name: sheet.name },
    startedBy: describeStarter(run, user?.name, db.select().from(schedules).all()),
    datasets: Object.entries(run.inputs)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([input, { datasetId }]) => {
        const d = found.get(datasetId);
        return {
          input,
          datasetId,
          dataset: d ? { name: d.name, sourceName: d.sourceName, rows: d.rowCount, importedAt: d.createdAt } : null,
        };
      }),
  };
}

/**
 * Who started each run, in words, for a list of runs (the Runs page shows and searches it).
 * Reads every user and schedule once, not once per run.
 */
export function runStarters(db: Db, list: RunRecord[]): Map<number, RunOrigin['startedBy']> {
  const names = new Map(
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .all()
      .map((u) => [u.id, u.name]),
  );
  const all = db.select().from(schedules).all();
  return new Map(list.map((run) => [run.id, describeStarter(run, run.createdBy === null ? undefined : names.get(run.createdBy), all)]));
}

/** Who started a run: the schedule that fired it, else the person, else the system. */
function describeStarter(run: RunRecord, userName: string | undefined, all: (typeof schedules.$inferSelect)[]): RunOrigin['startedBy'] {
  // Runs fired before runs.schedule_id existed are known only as their schedule's last run.
  const scheduleId = run.scheduleId ?? all.find((s) => s.sheetId === run.sheetId && s.lastOutcome?.runId === run.id)?.id;
  if (scheduleId !== undefined) {
    const schedule = all.find((s) => s.id === scheduleId);
    const how = schedule ? `${schedule.cron}, ${schedule.timezone}` : 'since deleted';
    return { kind: 'schedule', name: `schedule #${scheduleId} (${how})`, scheduleId };
  }
  return userName === undefined ? { kind: 'system', name: 'system', scheduleId: null } : { kind: 'user', name: userName, scheduleId: null };
}
