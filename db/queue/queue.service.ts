/**
 * The one write path of the exception queue: every change (one item from the page, a bulk
 * selection, or a row of an uploaded spreadsheet) is an ItemChange, validated all together
 * first and applied in one transaction only when every change is valid.
 */
import { AppError } from '../app-error.js';
import { appendAudit } from '../audit.js';
import type { Db } from '../open.js';
import type { QueueStatus } from './queue.query.js';

export interface ItemChange {
  id: number;
  /** Where the change came from, named in errors: "row 7 of queue.xlsx", "item 12". */
  place?: string;
  status?: QueueStatus;
  /** A user id, or null to unassign. */
  assigneeId?: number | null;
  /** Give the item back to whoever had it before the current assignee. */
  handBack?: boolean;
  label?: string | null;
  comment?: string;
  /**
   * The item's `updatedAt` the change was prepared against (an export's "Last change"): when
   * the item has changed since, a change that would alter it is refused rather than undo
   * someone else's work.
   */
  basedOn?: string;
  /**
   * The item's version the change was prepared against (what the person saw): when the item
   * has changed since, the whole request is refused with 409 `stale`. Left out, the change
   * applies to whatever the item is now (scripts); sending it is how to be safe.
   */
  version?: number;
}

export interface ChangeError {
  place: string;
  field: string;
  message: string;
}

export interface ItemState {
  id: number;
  sheet_id: number;
  sheet_name: string;
  kind: string;
  key: string;
  status: QueueStatus;
  close_reason: string | null;
  assignee_id: number | null;
  previous_assignee_id: number | null;
  label: string | null;
  updated_at: string;
  version: number;
}

/** The fields a person's change can move; the rest say which item it is. */
const MUTABLE = ['status', 'close_reason', 'assignee_id', 'previous_assignee_id', 'label'] as const;
type Mutable = (typeof MUTABLE)[number];

/** A valid change that alters its item: the state before and after, and the comment it adds. */
export interface PlannedChange {
  change: ItemChange;
  item: ItemState;
  next: ItemState;
  changed: Mutable[];
  comment?: string;
}

/** Which statuses each status may be set from; `closed` from a person means force-close. */
const ALLOWED_FROM: Record<QueueStatus, QueueStatus[]> = {
  open: ['in_review', 'resolved', 'closed'],
  in_review: ['open'],
  resolved: ['open', 'in_review'],
  closed: ['open', 'in_review', 'resolved'],
};

export const MAX_LABEL = 100;
export const MAX_COMMENT = 4000;

/**
 * Validates every change, then applies them all; a 409 names every item that changed since
 * the version a change was based on, a 422 lists each fault by place, with any the caller
 * found while reading the changes (`known`).
 */
export function applyChanges(db: Db, userId: number, changes: ItemChange[], known: ChangeError[] = []): { updated: number } {
  // Checked and written in one immediate transaction: no other connection (a run's worker, a
  // second process) can move an item between the version check and the write.
  return db.$client
    .transaction(() => {
      const planned = planChanges(db, changes, known);
      for (const plan of planned) applyOne(db.$client, userId, plan);
      return { updated: planned.length };
    })
    .immediate();
}

/** Items that changed since the version a change named; the caller's error says who changed each and when. */
export interface StaleItem {
  id: number;
  place: string;
  /** The version the change was based on. */
  yourVersion: number;
  /** The item's version now. */
  version: number;
  changedBy: string;
  changedAt: string;
}

/** 409 `stale`, naming every item that moved, who moved it last and when. */
export function staleError(stale: StaleItem[]): AppError {
  const first = stale[0];
  const when = `${first.changedAt.slice(0, 16).replace('T', ' ')} UTC`;
  const message =
    stale.length === 1
      ? `exception ${first.id} was changed by ${first.changedBy} at ${when} since you opened it (version ${first.yourVersion}, now ${first.version}): reload it; nothing was applied`
      : `${stale.length} exceptions changed since you looked at them (${stale
          .slice(0, 10)
          .map((s) => s.id)
          .join(', ')}${stale.length > 10 ? ', …' : ''}): reload and try again; nothing was applied`;
  return new AppError('stale', 409, message, stale);
}

/** Who changed an item last and when: its newest audit entry, or its own stamp when it has none. */
function lastChangeOf(client: Db['$client'], item: { id: number; updated_at: string }): { changedBy: string; changedAt: string } {
  const last = client
    .prepare(
      `SELECT a.at, u.name FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
       WHERE a.entity = 'exception' AND a.entity_id = ? ORDER BY a.id DESC LIMIT 1`,
    )
    .get(String(item.id)) as { at: string; name: string | null } | undefined;
  return last ? { changedBy: last.name ?? 'Tickmark', changedAt: last.at } : { changedBy: 'Tickmark', changedAt: item.updated_at };
}

function staleItem(client: Db['$client'], change: ItemChange, item: ItemState): StaleItem {
  return {
    id: item.id,
    place: change.place ?? `item ${item.id}`,
    yourVersion: change.version!,
    version: item.version,
    ...lastChangeOf(client, item),
  };
}

/**
 * Validates every change and works out what each would do, without writing anything: the
 * changes that alter their item (one that alters nothing is left out), or a 422 listing
 * every fault by place.
 */
export function planChanges(db: Db, changes: ItemChange[], known: ChangeError[] = []): PlannedChange[] {
  const client = db.$client;
  const readItem = client.prepare(
    `SELECT i.id, i.sheet_id, s.name AS sheet_name, i.kind, i.key, i.status, i.close_reason, i.assignee_id, i.previous_assignee_id,
     i.label, i.updated_at, i.version FROM exception_items i JOIN sheets s ON s.id = i.sheet_id WHERE i.id = ?`,
  );
  const lastChange = client.prepare(
    `SELECT a.at, u.name FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
     WHERE a.entity = 'exception' AND a.entity_id = ? ORDER BY a.id DESC LIMIT 1`,
  );
  const workers = new Set(client.prepare("SELECT id FROM users WHERE role != 'viewer'").pluck().all() as number[]);
  const errors: ChangeError[] = [...known];
  const planned: PlannedChange[] = [];
  const stale: StaleItem[] = [];
  for (const change of changes) {
    const place = change.place ?? `item ${change.id}`;
    const fail = (field: string, message: string) => errors.push({ place, field, message });
    const item = readItem.get(change.id) as ItemState | undefined;
    if (!item) {
      fail('id', `exception ${change.id} does not exist`);
      continue;
    }
    if (change.version !== undefined && change.version !== item.version) stale.push(staleItem(client, change, item));
    const before = errors.length;
    validate(change, item, workers, fail);
    const plan = errors.length === before ? planOne(change, item) : null;
    if (plan && change.basedOn !== undefined && change.basedOn !== item.updated_at) {
      const last = lastChange.get(String(item.id)) as { at: string; name: string | null } | undefined;
      const who = last ? ` by ${last.name ?? 'Tickmark'} at ${last.at.slice(0, 16).replace('T', ' ')} UTC` : '';
      fail('Last change', `exception ${item.id} was changed${who} after this file was exported: download the queue again`);
    } else if (plan) planned.push(plan);
  }
  // Stale first: the faults of a change made against an old picture of the item mean little.
  if (stale.length) throw staleError(stale);
  errors.sort((a, b) => a.place.localeCompare(b.place, undefined, { numeric: true }));
  if (errors.length) throw new AppError('invalid_changes', 422, `${errors.length} change(s) are not valid; nothing was applied`, errors);
  return planned;
}

function validate(change: ItemChange, item: ItemState, workers: Set<number>, fail: (field: string, message: string) => void): void {
  if (change.status && change.status !== item.status && !ALLOWED_FROM[change.status].includes(item.status))
    fail('status', `cannot go from ${item.status} to ${change.status}`);
  if (change.status === 'closed' && item.status !== 'closed' && !change.comment?.trim())
    fail('comment', 'force-closing needs a comment that says why');
  if (change.assigneeId != null && !workers.has(change.assigneeId))
    fail('assignee', `user ${change.assigneeId} does not exist or is a viewer, who cannot work exceptions`);
  if (change.handBack && item.previous_assignee_id === null) fail('assignee', 'nobody had it before: there is no one to hand it back to');
  if (change.label != null && change.label.length > MAX_LABEL) fail('label', `a label has at most ${MAX_LABEL} characters`);
  if (change.comment != null && change.comment.length > MAX_COMMENT) fail('comment', `a comment has at most ${MAX_COMMENT} characters`);
}

/** What a valid change would make of its item; null when it alters nothing and adds no comment. */
function planOne(change: ItemChange, item: ItemState): PlannedChange | null {
  const next = { ...item };
  if (change.status && change.status !== item.status) {
    next.status = change.status;
    next.close_reason = change.status === 'closed' ? 'force_closed' : null;
  }
  if (change.handBack) {
    next.assignee_id = item.previous_assignee_id;
    next.previous_assignee_id = item.assignee_id;
  } else if (change.assigneeId !== undefined && change.assigneeId !== item.assignee_id) {
    next.assignee_id = change.assigneeId;
    next.previous_assignee_id = item.assignee_id;
  }
  if (change.label !== undefined) next.label = change.label?.trim() || null;
  const comment = change.comment?.trim() || undefined;
  const changed = MUTABLE.filter((k) => next[k] !== item[k]);
  return changed.length || comment ? { change, item, next, changed, comment } : null;
}

/**
 * Applies one planned change: the item, at most one comment (the action's own note, never
 * repeated by the status change it rides with) and one audit row.
 */
function applyOne(client: Db['$client'], userId: number, { change, item, next, changed, comment }: PlannedChange): void {
  if (next.status !== item.status && item.close_reason === 'manual_match') undoManualMatch(client, userId, item);
  client
    .prepare(
      `UPDATE exception_items SET status = ?, close_reason = ?, assignee_id = ?, previous_assignee_id = ?, label = ?,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'), version = version + 1 WHERE id = ?`,
    )
    .run(next.status, next.close_reason, next.assignee_id, next.previous_assignee_id, next.label, item.id);
  if (comment) client.prepare('INSERT INTO exception_comments (item_id, user_id, body) VALUES (?, ?, ?)').run(item.id, userId, comment);
  const pick = (s: ItemState) => Object.fromEntries(changed.map((k) => [k, s[k]]));
  audit(client, userId, actionName(change, item, next), item.id, pick(item), { ...pick(next), ...(comment ? { comment } : {}) });
}

function actionName(change: ItemChange, item: ItemState, next: ItemState): string {
  if (next.status !== item.status) return next.status === 'closed' ? 'exception.force_close' : `exception.${next.status}`;
  if (change.handBack) return 'exception.hand_back';
  if (next.assignee_id !== item.assignee_id) return 'exception.assign';
  if (next.label !== item.label) return 'exception.label';
  return 'exception.comment';
}

/** Pairs a left-only break with a right-only one of the same sheet; both close and stay closed in later runs. */
export function manualMatch(db: Db, userId: number, input: { leftId: number; rightId: number; note?: string }): { id: number } {
  const client = db.$client;
  const read = client.prepare('SELECT id, sheet_id, key, status, close_reason, match FROM exception_items WHERE id = ?');
  const left = read.get(input.leftId) as (ItemState & { match: string | null }) | undefined;
  const right = read.get(input.rightId) as (ItemState & { match: string | null }) | undefined;
  const problems: ChangeError[] = [];
  const check = (item: typeof left, side: 'left' | 'right', id: number) => {
    if (!item) problems.push({ place: `${side}Id`, field: 'id', message: `exception ${id} does not exist` });
    else if (item.match !== `${side} only`)
      problems.push({ place: `${side}Id`, field: 'match', message: `exception ${id} is not a ${side}-only break` });
    else if (item.status === 'closed') problems.push({ place: `${side}Id`, field: 'status', message: `exception ${id} is closed` });
  };
  check(left, 'left', input.leftId);
  check(right, 'right', input.rightId);
  if (left && right && left.sheet_id !== right.sheet_id)
    problems.push({ place: 'rightId', field: 'sheet', message: 'both breaks must come from the same sheet' });
  if (problems.length) throw new AppError('invalid_match', 422, 'these two exceptions cannot be matched by hand', problems);
  return db.transaction(() => {
    const match = client
      .prepare('INSERT INTO manual_matches (sheet_id, left_key, right_key, note, created_by) VALUES (?, ?, ?, ?, ?) RETURNING id')
      .get(left!.sheet_id, left!.key, right!.key, input.note ?? null, userId) as { id: number };
    for (const [item, other] of [
      [left!, right!],
      [right!, left!],
    ]) {
      client
        .prepare(
          `UPDATE exception_items SET status = 'closed', close_reason = 'manual_match', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'),
           version = version + 1 WHERE id = ?`,
        )
        .run(item.id);
      const body = `matched by hand with exception ${other.id}${input.note ? `: ${input.note}` : ''}`;
      client.prepare('INSERT INTO exception_comments (item_id, user_id, body) VALUES (?, ?, ?)').run(item.id, userId, body);
      audit(
        client,
        userId,
        'exception.manual_match',
        item.id,
        { status: item.status },
        { status: 'closed', closeReason: 'manual_match', with: other.id },
      );
    }
    return { id: match.id };
  });
}

/** Reopening one side of a manual match undoes the match and reopens the other side too. */
function undoManualMatch(client: Db['$client'], userId: number, item: ItemState): void {
  const match = client
    .prepare('SELECT id, left_key, right_key FROM manual_matches WHERE sheet_id = ? AND (left_key = ? OR right_key = ?)')
    .get(item.sheet_id, item.key, item.key) as { id: number; left_key: string; right_key: string } | undefined;
  if (!match) return;
  client.prepare('DELETE FROM manual_matches WHERE id = ?').run(match.id);
  const otherKey = match.left_key === item.key ? match.right_key : match.left_key;
  const other = client
    .prepare(`SELECT id FROM exception_items WHERE sheet_id = ? AND key = ? AND status = 'closed' AND close_reason = 'manual_match'`)
    .get(item.sheet_id, otherKey) as { id: number } | undefined;
  if (!other) return;
  client
    .prepare(
      `UPDATE exception_items SET status = 'open', close_reason = NULL, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'),
       version = version + 1 WHERE id = ?`,
    )
    .run(other.id);
  client
    .prepare('INSERT INTO exception_comments (item_id, user_id, body) VALUES (?, ?, ?)')
    .run(other.id, userId, `reopened: the manual match with exception ${item.id} was undone`);
  audit(client, userId, 'exception.unmatch', other.id, { status: 'closed', closeReason: 'manual_match' }, { status: 'open' });
}

/**
 * A scheduled input that did not arrive by its deadline (`missing file`) or could not be
 * read (`bad file`) or is a fraction of the last official run's (`input anomaly`): an open item of its own in the sheet's queue, cleared by the next
 * succeeded run like any other.
 */
export function raiseFileException(
  db: Db,
  input: { sheetId: number; kind: 'missing file' | 'bad file' | 'input anomaly'; name: string; detail: string; due: string },
): number {
  const client = db.$client;
  return db.transaction(() => {
    const row = client
      .prepare(
        `INSERT INTO exception_items (sheet_id, kind, key, status, "values", first_seen_at, age_from)
         VALUES (?, ?, ?, 'open', ?, ?, substr(?, 1, 10))
         ON CONFLICT (sheet_id, kind, key) DO UPDATE SET status = 'open', close_reason = NULL, "values" = excluded."values",
           version = exception_items.version + 1
         RETURNING id`,
      )
      .get(
        input.sheetId,
        input.kind,
        `file:${input.name}:${input.due}`,
        JSON.stringify([input.name, input.detail]),
        input.due,
        input.due,
      ) as { id: number };
    audit(client, null, `exception.${input.kind.replace(' ', '_')}`, row.id, null, {
      name: input.name,
      detail: input.detail,
      due: input.due,
    });
    return row.id;
  });
}

function audit(client: Db['$client'], userId: number | null, action: string, id: number, before: unknown, after: unknown): void {
  appendAudit(client, { userId, action, entity: 'exception', entityId: id, before, after });
}
