/**
 * A rule sheet's life around its versions: rename, archive, delete, and discarding a draft
 * (docs/ownership.md). Official runs prove which version made which result (governance.md),
 * so nothing here removes an official run, an approved version or an open exception: a
 * sheet with any of those is archived instead of deleted.
 */
import { and, asc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import { AppError, notFound } from './app-error.js';
import { recordAudit } from './audit.js';
import type { Db } from './open.js';
import { requireOwner, type Actor } from './ownership.js';
import { exceptionItems, runs, schedules, sheets, sheetVersions } from './schema.js';
import { getSheet, type SheetRecord } from './sheets.service.js';

const label = (sheet: SheetRecord) => `sheet ${sheet.name}`;

/** Renames a sheet (its owner or an admin). The name is not part of any version's content, so no hash moves. */
export function renameSheet(db: Db, id: number, name: string, actor: Actor): SheetRecord {
  const wanted = name.trim();
  if (!wanted) throw new AppError('bad_request', 400, 'name: a sheet needs a name');
  return db.transaction((tx) => {
    const sheet = getSheet(db, id);
    requireOwner(db, actor, sheet, label(sheet), 'rename');
    if (sheet.name === wanted) return sheet;
    const after = tx.update(sheets).set({ name: wanted }).where(eq(sheets.id, id)).returning().get();
    recordAudit(tx, {
      userId: actor.id,
      action: 'sheet.rename',
      entity: 'sheet',
      entityId: id,
      before: { name: sheet.name },
      after: { name: wanted },
    });
    return after;
  });
}

/**
 * Archives a sheet (its owner or an admin): kept with its versions and runs, hidden from
 * lists, never run, saved or scheduled. Its enabled schedules are paused, each audited;
 * their ids come back so the scheduler can drop them. Unarchiving leaves them paused.
 */
export function setSheetArchived(db: Db, id: number, archived: boolean, actor: Actor): { sheet: SheetRecord; pausedSchedules: number[] } {
  return db.transaction((tx) => {
    const sheet = getSheet(db, id);
    requireOwner(db, actor, sheet, label(sheet), archived ? 'archive' : 'unarchive');
    if ((sheet.archivedAt !== null) === archived) return { sheet, pausedSchedules: [] };
    const paused = archived
      ? tx
          .update(schedules)
          .set({ enabled: false })
          .where(and(eq(schedules.sheetId, id), eq(schedules.enabled, true)))
          .returning({ id: schedules.id })
          .all()
          .map((s) => s.id)
      : [];
    for (const scheduleId of paused)
      recordAudit(tx, {
        userId: actor.id,
        action: 'schedule.update',
        entity: 'schedule',
        entityId: scheduleId,
        before: { enabled: true },
        after: { enabled: false, reason: `sheet ${sheet.name} archived` },
      });
    const after = tx
      .update(sheets)
      .set({ archivedAt: archived ? new Date().toISOString() : null })
      .where(eq(sheets.id, id))
      .returning()
      .get();
    recordAudit(tx, {
      userId: actor.id,
      action: archived ? 'sheet.archive' : 'sheet.unarchive',
      entity: 'sheet',
      entityId: id,
      before: { archivedAt: sheet.archivedAt },
      after: { archivedAt: after.archivedAt, ...(paused.length ? { pausedSchedules: paused } : {}) },
    });
    return { sheet: after, pausedSchedules: paused };
  });
}

/** What a sheet's deletion would remove or is refused for. */
export function sheetDependants(db: Db, id: number) {
  const officialRuns = db
    .select({ id: runs.id, status: runs.status })
    .from(runs)
    .where(and(eq(runs.sheetId, id), eq(runs.kind, 'official')))
    .orderBy(asc(runs.id))
    .all();
  const approvedVersions = db
    .select({ version: sheetVersions.version, status: sheetVersions.status })
    .from(sheetVersions)
    .where(and(eq(sheetVersions.sheetId, id), inArray(sheetVersions.status, ['approved', 'superseded'])))
    .orderBy(asc(sheetVersions.version))
    .all();
  const openQueueItems = db
    .select({ id: exceptionItems.id, kind: exceptionItems.kind, key: exceptionItems.key, status: exceptionItems.status })
    .from(exceptionItems)
    .where(and(eq(exceptionItems.sheetId, id), ne(exceptionItems.status, 'closed')))
    .orderBy(asc(exceptionItems.id))
    .all();
  const sheetSchedules = db
    .select({ id: schedules.id, cron: schedules.cron, enabled: schedules.enabled })
    .from(schedules)
    .where(eq(schedules.sheetId, id))
    .all();
  return { officialRuns, approvedVersions, openQueueItems, schedules: sheetSchedules };
}

/**
 * Deletes a sheet that never produced evidence (its owner or an admin): no official run,
 * no version ever approved, no open exception. Its drafts, test runs and schedules go with
 * it in one transaction; anything else is a 409 `in_use` naming the dependants in `details`.
 * Returns the deleted schedules' ids for the scheduler.
 */
export function deleteSheet(db: Db, id: number, actor: Actor): { deletedSchedules: number[] } {
  return db.transaction((tx) => {
    const sheet = getSheet(db, id);
    requireOwner(db, actor, sheet, label(sheet), 'delete');
    const dependants = sheetDependants(db, id);
    const reasons = [
      dependants.officialRuns.length
        ? `official run${plural(dependants.officialRuns)} ${dependants.officialRuns.map((r) => `#${r.id}`).join(', ')}`
        : '',
      dependants.approvedVersions.length
        ? `approved version${plural(dependants.approvedVersions)} ${dependants.approvedVersions.map((v) => `v${v.version}`).join(', ')}`
        : '',
      dependants.openQueueItems.length ? `${dependants.openQueueItems.length} open exception${plural(dependants.openQueueItems)}` : '',
    ].filter(Boolean);
    if (reasons.length)
      throw new AppError(
        'in_use',
        409,
        `sheet ${sheet.name} has ${reasons.join(', ')}, which must stay as evidence: archive it instead`,
        dependants,
      );
    refuseWhileRunning(tx, eq(runs.sheetId, id));
    const removedRuns = tx.delete(runs).where(eq(runs.sheetId, id)).returning({ id: runs.id }).all();
    const versions = tx.select({ version: sheetVersions.version }).from(sheetVersions).where(eq(sheetVersions.sheetId, id)).all();
    // Versions, queue items, manual matches and schedules cascade with the sheet.
    tx.delete(sheets).where(eq(sheets.id, id)).run();
    const deletedSchedules = dependants.schedules.map((s) => s.id);
    recordAudit(tx, {
      userId: actor.id,
      action: 'sheet.delete',
      entity: 'sheet',
      entityId: id,
      before: {
        name: sheet.name,
        versions: versions.map((v) => v.version),
        testRuns: removedRuns.map((r) => r.id),
        schedules: deletedSchedules,
      },
    });
    return { deletedSchedules };
  });
}

/**
 * Discards a `draft` or `rejected` version (its author or an admin) with the test runs of
 * it, which are not evidence. Submitted, approved and superseded versions are (409
 * `bad_state`); so is a sheet's only version (delete the sheet instead). Its number is
 * never given to a later save (sheets.service.ts, nextVersionNumber).
 */
export function discardVersion(db: Db, sheetId: number, version: number, actor: Actor): { currentVersion: number; removedRuns: number[] } {
  return db.transaction((tx) => {
    const sheet = getSheet(db, sheetId);
    const row = tx
      .select()
      .from(sheetVersions)
      .where(and(eq(sheetVersions.sheetId, sheetId), eq(sheetVersions.version, version)))
      .get();
    if (!row) throw notFound(`version ${version} of sheet`, sheetId);
    if (row.status !== 'draft' && row.status !== 'rejected')
      throw new AppError(
        'bad_state',
        409,
        `version ${version} is ${row.status}: only a draft or rejected version can be discarded, the others are evidence`,
        {
          status: row.status,
        },
      );
    if (actor.role !== 'admin' && row.createdBy !== actor.id)
      throw new AppError('not_owner', 403, `only the author of version ${version} or an admin can discard it`, { author: row.createdBy });
    const remaining = tx
      .select({ version: sheetVersions.version })
      .from(sheetVersions)
      .where(and(eq(sheetVersions.sheetId, sheetId), ne(sheetVersions.id, row.id)))
      .all()
      .map((v) => v.version);
    if (remaining.length === 0)
      throw new AppError('last_version', 409, `version ${version} is the only version of sheet ${sheet.name}: delete the sheet instead`);
    const official = tx
      .select({ id: runs.id })
      .from(runs)
      .where(and(eq(runs.sheetVersionId, row.id), eq(runs.kind, 'official')))
      .all();
    if (official.length)
      throw new AppError('in_use', 409, `version ${version} made official run #${official[0].id}: it is evidence and stays`, {
        runs: official,
      });
    refuseWhileRunning(tx, eq(runs.sheetVersionId, row.id));
    const removedRuns = tx
      .delete(runs)
      .where(eq(runs.sheetVersionId, row.id))
      .returning({ id: runs.id })
      .all()
      .map((r) => r.id);
    tx.delete(sheetVersions).where(eq(sheetVersions.id, row.id)).run();
    const currentVersion = Math.max(...remaining);
    if (currentVersion !== sheet.currentVersion) tx.update(sheets).set({ currentVersion }).where(eq(sheets.id, sheetId)).run();
    recordAudit(tx, {
      userId: actor.id,
      action: 'sheet.version.discard',
      entity: 'sheet',
      entityId: sheetId,
      before: { version, status: row.status, hash: row.contentHash, testRuns: removedRuns },
      after: { currentVersion },
    });
    return { currentVersion, removedRuns };
  });
}

/** A queued or running run would write results for a run that no longer exists: wait for it. */
function refuseWhileRunning(tx: Parameters<Parameters<Db['transaction']>[0]>[0], which: SQL): void {
  const busy = tx
    .select({ id: runs.id, status: runs.status })
    .from(runs)
    .where(and(which, inArray(runs.status, ['queued', 'running'])))
    .get();
  if (busy)
    throw new AppError('run_in_progress', 409, `run #${busy.id} is ${busy.status}: wait for it to finish or cancel it first`, {
      run: busy,
    });
}

const plural = (list: unknown[]) => (list.length > 1 ? 's' : '');
