/**
 * Rule sheets and their versions. A save is a new immutable version; a save based on a
 * version that is no longer current is refused with 409 and changes nothing, so the
 * caller still holds its edits and can reload or save as a copy.
 */
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { contentHash } from '../rules/manifest.js';
import type { Workbook } from '../rules/workbook.js';
import { AppError, notFound } from './app-error.js';
import { recordAudit } from './audit.js';
import { approveBySystem } from './sheet-versions.service.js';
import type { Db } from './open.js';
import { requireOwner, type Actor } from './ownership.js';
import { auditLog, sheets, sheetVersions } from './schema.js';

export type SheetRecord = typeof sheets.$inferSelect;
export type SheetVersionRecord = typeof sheetVersions.$inferSelect;

// One hash for the server and the CLI's manifest.json (governance.md 5).
export { contentHash } from '../rules/manifest.js';

/** Creates a sheet with version 1. */
export function createSheet(
  db: Db,
  input: {
    name: string;
    workbook: Workbook;
    userId?: number | null;
    note?: string;
    /** Approve version 1 as the system (the demo's sheets, so the tour runs officially), audited. */
    approvedBySystem?: string;
  },
): { sheet: SheetRecord; version: SheetVersionRecord } {
  return db.transaction((tx) => {
    const sheet = tx
      .insert(sheets)
      .values({ name: input.name, currentVersion: 1, createdBy: input.userId ?? null })
      .returning()
      .get();
    const version = tx
      .insert(sheetVersions)
      .values({
        sheetId: sheet.id,
        version: 1,
        content: JSON.stringify(input.workbook),
        contentHash: contentHash(input.workbook),
        note: input.note ?? 'created',
        createdBy: input.userId ?? null,
      })
      .returning()
      .get();
    recordAudit(tx, {
      userId: input.userId,
      action: 'sheet.create',
      entity: 'sheet',
      entityId: sheet.id,
      after: { name: sheet.name, version: 1, hash: version.contentHash },
    });
    if (input.approvedBySystem) approveBySystem(tx, sheet.id, 1, input.approvedBySystem);
    return { sheet, version };
  });
}

/** Saves a new version on top of `baseVersion`; 409 when someone saved in between. */
export function saveSheetVersion(
  db: Db,
  input: {
    sheetId: number;
    baseVersion: number;
    workbook: Workbook;
    userId?: number | null;
    note?: string;
    name?: string;
    /** Who saves: any author may save a version; renaming on the way is the owner's (docs/ownership.md). */
    actor?: Actor;
  },
): SheetVersionRecord {
  return db.transaction((tx) => {
    const sheet = tx.select().from(sheets).where(eq(sheets.id, input.sheetId)).get();
    if (!sheet) throw notFound('sheet', input.sheetId);
    requireActive(sheet, 'saved');
    const renamed = input.name !== undefined && input.name !== sheet.name;
    if (renamed && input.actor) requireOwner(db, input.actor, sheet, `sheet ${sheet.name}`, 'rename');
    if (sheet.currentVersion !== input.baseVersion) {
      const discarded = input.baseVersion <= highestDiscarded(db, sheet.id) && !versionExists(db, sheet.id, input.baseVersion);
      throw new AppError(
        'stale_version',
        409,
        discarded
          ? `version ${input.baseVersion} was discarded: version ${sheet.currentVersion} is the newest`
          : `version ${input.baseVersion} is no longer current: version ${sheet.currentVersion} was saved since`,
        {
          currentVersion: sheet.currentVersion,
        },
      );
    }
    const next = nextVersionNumber(db, sheet);
    const version = tx
      .insert(sheetVersions)
      .values({
        sheetId: sheet.id,
        version: next,
        content: JSON.stringify(input.workbook),
        contentHash: contentHash(input.workbook),
        note: input.note ?? null,
        createdBy: input.userId ?? null,
      })
      .returning()
      .get();
    tx.update(sheets)
      .set({ currentVersion: next, name: input.name ?? sheet.name, updatedAt: version.createdAt })
      .where(eq(sheets.id, sheet.id))
      .run();
    recordAudit(tx, {
      userId: input.userId,
      action: 'sheet.save',
      entity: 'sheet',
      entityId: sheet.id,
      before: { version: sheet.currentVersion, ...(renamed ? { name: sheet.name } : {}) },
      after: { version: next, hash: version.contentHash, ...(renamed ? { name: input.name } : {}) },
    });
    return version;
  });
}

/** Sheets, most recently saved first; archived ones only when asked for. */
export function listSheets(db: Db, archived: 'hide' | 'only' | 'all' = 'all'): SheetRecord[] {
  const where = archived === 'all' ? undefined : archived === 'hide' ? isNull(sheets.archivedAt) : isNotNull(sheets.archivedAt);
  return db.select().from(sheets).where(where).orderBy(desc(sheets.updatedAt)).all();
}

/** An archived sheet is evidence, not work: it is never saved, run or scheduled (409 `archived`). */
export function requireActive(sheet: Pick<SheetRecord, 'id' | 'name' | 'archivedAt'>, doing: string): void {
  if (sheet.archivedAt)
    throw new AppError(
      'archived',
      409,
      `sheet ${sheet.name} is archived (${sheet.archivedAt.slice(0, 10)}): unarchive it before it can be ${doing}`,
      {
        sheet: { id: sheet.id, name: sheet.name },
      },
    );
}

/**
 * The next save's number: one past both the newest version and any discarded one, so a
 * discarded v5 never comes back as a different v5 (the audit trail remembers the discard).
 */
function nextVersionNumber(db: Db, sheet: SheetRecord): number {
  return Math.max(sheet.currentVersion, highestDiscarded(db, sheet.id)) + 1;
}

/** The highest version number of the sheet that was discarded, 0 for none. */
export function highestDiscarded(db: Db, sheetId: number): number {
  const row = db
    .select({ n: sql<number | null>`max(json_extract(${auditLog.before}, '$.version'))` })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'sheet'), eq(auditLog.entityId, String(sheetId)), eq(auditLog.action, 'sheet.version.discard')))
    .get();
  return row?.n ?? 0;
}

function versionExists(db: Db, sheetId: number, version: number): boolean {
  return !!db
    .select({ id: sheetVersions.id })
    .from(sheetVersions)
    .where(and(eq(sheetVersions.sheetId, sheetId), eq(sheetVersions.version, version)))
    .get();
}

export function getSheet(db: Db, id: number): SheetRecord {
  const sheet = db.select().from(sheets).where(eq(sheets.id, id)).get();
  if (!sheet) throw notFound('sheet', id);
  return sheet;
}

/** A version of a sheet (the current one by default) with its workbook. */
export function getSheetVersion(db: Db, sheetId: number, version?: number): SheetVersionRecord & { workbook: Workbook } {
  const wanted = version ?? getSheet(db, sheetId).currentVersion;
  const record = db
    .select()
    .from(sheetVersions)
    .where(and(eq(sheetVersions.sheetId, sheetId), eq(sheetVersions.version, wanted)))
    .get();
  if (!record) throw notFound(`version ${wanted} of sheet`, sheetId);
  return { ...record, workbook: JSON.parse(record.content) as Workbook };
}
