/**
 * Where a run came from, in words for its page: the sheet, who started it (a person, the
 * schedule that fired it, or the system) and each dataset it read as it was imported.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from './open.js';
import { datasets, schedules, users } from './schema.js';
import { getRun } from './runs.service.js';
import { getSheet } from './sheets.service.js';

export interface RunOrigin {
  sheet: { id: number; name: string };
  /** `user` a person started it; `schedule` a schedule fired it (its owner is `name`); `system` nobody. */
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
  // A scheduled run is recorded as its schedule's owner's; the schedule remembers the run it last fired.
  const schedule = db
    .select()
    .from(schedules)
    .where(eq(schedules.sheetId, run.sheetId))
    .all()
    .find((s) => s.lastOutcome?.runId === run.id);
  return {
    sheet: { id: sheet.id, name: sheet.name },
    startedBy: schedule
      ? { kind: 'schedule', name: `schedule #${schedule.id}${user ? ` (${user.name})` : ''}`, scheduleId: schedule.id }
      : user
        ? { kind: 'user', name: user.name, scheduleId: null }
        : { kind: 'system', name: 'system', scheduleId: null },
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
