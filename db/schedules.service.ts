/** Schedules: a sheet run on a timetable over files from the watched folder. */
import { desc, eq } from 'drizzle-orm';
import { AppError, notFound } from './app-error.js';
import { recordAudit } from './audit.js';
import type { Db } from './open.js';
import { requireOwner, type Actor } from './ownership.js';
import { schedules } from './schema.js';
import { getSheet, requireActive } from './sheets.service.js';

export type ScheduleRecord = typeof schedules.$inferSelect;
export type ScheduleInput = Pick<ScheduleRecord, 'cron' | 'timezone' | 'inputs' | 'params' | 'waitMinutes' | 'enabled'>;

export function createSchedule(db: Db, input: ScheduleInput & { sheetId: number; userId: number }): ScheduleRecord {
  if (input.enabled !== false) requireApproved(db, input.sheetId);
  else getSheet(db, input.sheetId);
  requireActive(getSheet(db, input.sheetId), 'scheduled');
  return db.transaction((tx) => {
    const { userId, ...values } = input;
    const record = tx
      .insert(schedules)
      .values({ ...values, createdBy: userId })
      .returning()
      .get();
    recordAudit(tx, { userId, action: 'schedule.create', entity: 'schedule', entityId: record.id, after: values });
    return record;
  });
}

/** A schedule starts official runs: it needs an approved version (governance.md 2). */
function requireApproved(db: Db, sheetId: number): void {
  const sheet = getSheet(db, sheetId);
  if (sheet.approvedVersion === null)
    throw new AppError('not_approved', 409, `${sheet.name} has no approved version: a schedule starts official runs, which need one`);
}

export function getSchedule(db: Db, id: number): ScheduleRecord {
  const record = db.select().from(schedules).where(eq(schedules.id, id)).get();
  if (!record) throw notFound('schedule', id);
  return record;
}

export function listSchedules(db: Db): ScheduleRecord[] {
  return db.select().from(schedules).orderBy(desc(schedules.id)).all();
}

/** Changes a schedule: its creator's or an admin's (docs/ownership.md). */
export function updateSchedule(db: Db, id: number, change: Partial<ScheduleInput>, actor: Actor): ScheduleRecord {
  const userId = actor.id;
  return db.transaction((tx) => {
    const before = getSchedule(db, id);
    requireOwner(db, actor, before, `schedule #${id}`, 'change');
    if (change.enabled ?? before.enabled) {
      requireApproved(db, before.sheetId);
      requireActive(getSheet(db, before.sheetId), 'scheduled');
    }
    const after = tx.update(schedules).set(change).where(eq(schedules.id, id)).returning().get();
    const pick = (r: ScheduleRecord) => Object.fromEntries(Object.keys(change).map((k) => [k, r[k as keyof ScheduleRecord]]));
    recordAudit(tx, { userId, action: 'schedule.update', entity: 'schedule', entityId: id, before: pick(before), after: pick(after) });
    return after;
  });
}

export function deleteSchedule(db: Db, id: number, actor: Actor): void {
  const userId = actor.id;
  db.transaction((tx) => {
    const before = getSchedule(db, id);
    requireOwner(db, actor, before, `schedule #${id}`, 'delete');
    tx.delete(schedules).where(eq(schedules.id, id)).run();
    recordAudit(tx, { userId, action: 'schedule.delete', entity: 'schedule', entityId: id, before });
  });
}

/** What the last firing did: the run it started, the files it still waits for or missed, or its error. */
export function recordFiring(
  db: Db,
  id: number,
  at: string,
  outcome: NonNullable<ScheduleRecord['lastOutcome']>,
  /** Who clicked "run now"; absent when the cron fired it. */
  userId?: number | null,
): void {
  db.transaction((tx) => {
    tx.update(schedules).set({ lastFiredAt: at, lastOutcome: outcome }).where(eq(schedules.id, id)).run();
    recordAudit(tx, { userId, action: 'schedule.fire', entity: 'schedule', entityId: id, after: { at, ...outcome } });
  });
}
