/**
 * Rule sheets and their versions. A save is a new immutable version; a save based on a
 * version that is no longer current is refused with 409 and changes nothing, so the
 * caller still holds its edits and can reload or save as a copy.
 */
import { and, desc, eq } from 'drizzle-orm';
import { contentHash } from '../rules/manifest.js';
import type { Workbook } from '../rules/workbook.js';
import { AppError, notFound } from './app-error.js';
import { recordAudit } from './audit.js';
import { approveBySystem } from './sheet-versions.service.js';
import type { Db } from './open.js';
import { sheets, sheetVersions } from './schema.js';

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
  input: { sheetId: number; baseVersion: number; workbook: Workbook; userId?: number | null; note?: string; name?: string },
): SheetVersionRecord {
  return db.transaction((tx) => {
    const sheet = tx.select().from(sheets).where(eq(sheets.id, input.sheetId)).get();
    if (!sheet) throw notFound('sheet', input.sheetId);
    if (sheet.currentVersion !== input.baseVersion) {
      throw new AppError(
        'stale_version',
        409,
        `version ${input.baseVersion} is no longer current: version ${sheet.currentVersion} was saved since`,
        {
          currentVersion: sheet.currentVersion,
        },
      );
    }
    const next = sheet.currentVersion + 1;
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
      before: { version: sheet.currentVersion },
      after: { version: next, hash: version.contentHash },
    });
    return version;
  });
}

export function listSheets(db: Db): SheetRecord[] {
  return db.select().from(sheets).orderBy(desc(sheets.updatedAt)).all();
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
