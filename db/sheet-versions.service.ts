/**
 * Version states and four eyes (governance.md 1): a save is a `draft`; its author (or an
 * admin) submits it; an approver or admin who neither wrote nor submitted it approves or
 * rejects it. Approving makes it the sheet's approved version, the one official runs and
 * schedules use; the version approved before is `superseded`. Content never changes.
 */
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { AppError, notFound } from './app-error.js';
import { recordAudit } from './audit.js';
import type { Db } from './open.js';
import { runs, sheets, sheetVersions, users } from './schema.js';
import type { Role } from './users.service.js';

export type VersionStatus = (typeof sheetVersions.$inferSelect)['status'];
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Reviewer {
  id: number;
  role: Role;
}

const now = () => new Date().toISOString();

function versionRow(tx: Tx | Db, sheetId: number, version: number) {
  const row = tx
    .select()
    .from(sheetVersions)
    .where(and(eq(sheetVersions.sheetId, sheetId), eq(sheetVersions.version, version)))
    .get();
  if (!row) throw notFound(`version ${version} of sheet`, sheetId);
  return row;
}

function expectStatus(row: { version: number; status: VersionStatus }, wanted: VersionStatus, doing: string): void {
  if (row.status !== wanted)
    throw new AppError('bad_state', 409, `version ${row.version} is ${row.status}: only a ${wanted} version can be ${doing}`, {
      status: row.status,
    });
}

/** draft -> submitted, by its author or an admin. */
export function submitVersion(db: Db, input: { sheetId: number; version: number; user: Reviewer; note?: string }): void {
  db.transaction((tx) => {
    const row = versionRow(tx, input.sheetId, input.version);
    expectStatus(row, 'draft', 'submitted');
    if (input.user.role !== 'admin' && row.createdBy !== input.user.id)
      throw new AppError('forbidden', 403, `only the author of version ${row.version} or an admin can submit it`);
    tx.update(sheetVersions)
      .set({ status: 'submitted', submittedBy: input.user.id, submittedAt: now(), submitNote: input.note ?? null })
      .where(eq(sheetVersions.id, row.id))
      .run();
    recordAudit(tx, {
      userId: input.user.id,
      action: 'sheet.version.submit',
      entity: 'sheet',
      entityId: input.sheetId,
      before: { version: row.version, status: 'draft' },
      after: { version: row.version, status: 'submitted', note: input.note ?? null },
    });
  });
}

/**
 * submitted -> approved by someone other than its author and submitter (403 `four_eyes`),
 * unless no other active approver or admin exists: then an admin may approve their own,
 * and the audit entry says `self_approved: true`.
 */
export function approveVersion(db: Db, input: { sheetId: number; version: number; user: Reviewer; note?: string }): void {
  db.transaction((tx) => {
    const row = versionRow(tx, input.sheetId, input.version);
    expectStatus(row, 'submitted', 'approved');
    const own = row.createdBy === input.user.id || row.submittedBy === input.user.id;
    const selfApproved = own && input.user.role === 'admin' && otherReviewers(tx, input.user.id) === 0;
    if (own && !selfApproved)
      throw new AppError(
        'four_eyes',
        403,
        `you ${row.createdBy === input.user.id ? 'wrote' : 'submitted'} version ${row.version}: someone else must approve it`,
      );
    supersedeApproved(tx, input.sheetId, input.user.id);
    tx.update(sheetVersions)
      .set({ status: 'approved', reviewedBy: input.user.id, reviewedAt: now(), reviewNote: input.note ?? null, selfApproved })
      .where(eq(sheetVersions.id, row.id))
      .run();
    tx.update(sheets).set({ approvedVersion: row.version }).where(eq(sheets.id, input.sheetId)).run();
    recordAudit(tx, {
      userId: input.user.id,
      action: 'sheet.version.approve',
      entity: 'sheet',
      entityId: input.sheetId,
      before: { version: row.version, status: 'submitted' },
      after: { version: row.version, status: 'approved', note: input.note ?? null, ...(selfApproved ? { self_approved: true } : {}) },
    });
  });
}

/** submitted -> rejected, with a note saying why; four eyes as for approval. */
export function rejectVersion(db: Db, input: { sheetId: number; version: number; user: Reviewer; note: string }): void {
  if (!input.note.trim()) throw new AppError('note_required', 400, 'a rejection needs a note saying why');
  db.transaction((tx) => {
    const row = versionRow(tx, input.sheetId, input.version);
    expectStatus(row, 'submitted', 'rejected');
    if (row.createdBy === input.user.id || row.submittedBy === input.user.id)
      throw new AppError('four_eyes', 403, `you wrote or submitted version ${row.version}: someone else must review it`);
    tx.update(sheetVersions)
      .set({ status: 'rejected', reviewedBy: input.user.id, reviewedAt: now(), reviewNote: input.note })
      .where(eq(sheetVersions.id, row.id))
      .run();
    recordAudit(tx, {
      userId: input.user.id,
      action: 'sheet.version.reject',
      entity: 'sheet',
      entityId: input.sheetId,
      before: { version: row.version, status: 'submitted' },
      after: { version: row.version, status: 'rejected', note: input.note },
    });
  });
}

/** The demo's sheets start approved by the system (no user), audited as such. */
export function approveBySystem(tx: Tx, sheetId: number, version: number, note: string): void {
  const row = versionRow(tx, sheetId, version);
  const at = now();
  supersedeApproved(tx, sheetId, null);
  tx.update(sheetVersions)
    .set({ status: 'approved', submittedAt: at, submitNote: note, reviewedAt: at, reviewNote: note })
    .where(eq(sheetVersions.id, row.id))
    .run();
  tx.update(sheets).set({ approvedVersion: version }).where(eq(sheets.id, sheetId)).run();
  recordAudit(tx, {
    userId: null,
    action: 'sheet.version.approve',
    entity: 'sheet',
    entityId: sheetId,
    before: { version, status: 'draft' },
    after: { version, status: 'approved', by: 'system', note },
  });
}

function supersedeApproved(tx: Tx, sheetId: number, userId: number | null): void {
  const previous = tx
    .select({ id: sheetVersions.id, version: sheetVersions.version })
    .from(sheetVersions)
    .where(and(eq(sheetVersions.sheetId, sheetId), eq(sheetVersions.status, 'approved')))
    .all();
  for (const p of previous) {
    tx.update(sheetVersions).set({ status: 'superseded' }).where(eq(sheetVersions.id, p.id)).run();
    recordAudit(tx, {
      userId,
      action: 'sheet.version.supersede',
      entity: 'sheet',
      entityId: sheetId,
      before: { version: p.version, status: 'approved' },
      after: { version: p.version, status: 'superseded' },
    });
  }
}

/** Active (not disabled) approvers and admins other than `userId`: who else could approve. */
function otherReviewers(tx: Tx, userId: number): number {
  return (
    tx
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .where(sql`${users.role} IN ('admin', 'approver') AND ${users.id} != ${userId} AND ${users.disabledAt} IS NULL`)
      .get()?.n ?? 0
  );
}

/** Every version, newest first, without content: its state, who wrote, submitted and reviewed it, and the runs it produced. */
export function listVersions(db: Db, sheetId: number) {
  const author = alias(users, 'author');
  const submitter = alias(users, 'submitter');
  const reviewer = alias(users, 'reviewer');
  const rows = db
    .select({
      id: sheetVersions.id,
      version: sheetVersions.version,
      status: sheetVersions.status,
      contentHash: sheetVersions.contentHash,
      note: sheetVersions.note,
      createdBy: sheetVersions.createdBy,
      author: author.name,
      createdAt: sheetVersions.createdAt,
      submittedBy: sheetVersions.submittedBy,
      submitter: submitter.name,
      submittedAt: sheetVersions.submittedAt,
      submitNote: sheetVersions.submitNote,
      reviewedBy: sheetVersions.reviewedBy,
      reviewer: reviewer.name,
      reviewedAt: sheetVersions.reviewedAt,
      reviewNote: sheetVersions.reviewNote,
      selfApproved: sheetVersions.selfApproved,
    })
    .from(sheetVersions)
    .leftJoin(author, eq(author.id, sheetVersions.createdBy))
    .leftJoin(submitter, eq(submitter.id, sheetVersions.submittedBy))
    .leftJoin(reviewer, eq(reviewer.id, sheetVersions.reviewedBy))
    .where(eq(sheetVersions.sheetId, sheetId))
    .orderBy(sql`${sheetVersions.version} DESC`)
    .all();
  const produced = db
    .select({ versionId: runs.sheetVersionId, id: runs.id, kind: runs.kind, status: runs.status })
    .from(runs)
    .where(eq(runs.sheetId, sheetId))
    .all();
  return rows.map((r) => ({
    ...r,
    // A review with no reviewer is the system's (the demo's sheets).
    reviewer: r.reviewedAt && !r.reviewedBy ? 'system' : r.reviewer,
    runs: produced.filter((p) => p.versionId === r.id).map(({ id, kind, status }) => ({ id, kind, status })),
  }));
}

/** The versions waiting for review across every sheet, oldest submission first. */
export function versionsAwaitingReview(db: Db) {
  const author = alias(users, 'author');
  const submitter = alias(users, 'submitter');
  return db
    .select({
      sheetId: sheets.id,
      sheet: sheets.name,
      version: sheetVersions.version,
      author: author.name,
      createdBy: sheetVersions.createdBy,
      submitter: submitter.name,
      submittedBy: sheetVersions.submittedBy,
      submittedAt: sheetVersions.submittedAt,
      submitNote: sheetVersions.submitNote,
      approvedVersion: sheets.approvedVersion,
    })
    .from(sheetVersions)
    .innerJoin(sheets, eq(sheets.id, sheetVersions.sheetId))
    .leftJoin(author, eq(author.id, sheetVersions.createdBy))
    .leftJoin(submitter, eq(submitter.id, sheetVersions.submittedBy))
    .where(eq(sheetVersions.status, 'submitted'))
    .orderBy(sheetVersions.submittedAt)
    .all();
}
