/** Reading the exception queue: filter, sort, page; one item with its comments and history. */
import { notFound } from '../app-error.js';
import type { Db } from '../open.js';

export const QUEUE_STATUSES = ['open', 'in_review', 'resolved', 'closed'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export interface QueueFilter {
  ids?: number[];
  sheetId?: number;
  statuses?: QueueStatus[];
  kinds?: string[];
  /** A user id, or `none` for unassigned items. */
  assignee?: number | 'none';
  label?: string;
  /** Case-insensitive text anywhere in the key or values. */
  search?: string;
  /** Only items at least this many days old (counted from `age_from`). */
  minAge?: number;
  /** Only items at most this many days old (inclusive, whole days as `ageDays` counts them). */
  maxAge?: number;
}

export const QUEUE_SORTS = ['id', 'age', 'kind', 'status', 'assignee', 'label', 'updated'] as const;

export interface QueueQuery extends QueueFilter {
  sort?: (typeof QUEUE_SORTS)[number];
  order?: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface QueueItem {
  id: number;
  sheetId: number;
  sheetName: string;
  kind: string;
  key: string;
  status: QueueStatus;
  closeReason: string | null;
  assignee: { id: number; email: string; name: string } | null;
  previousAssigneeId: number | null;
  label: string | null;
  match: string | null;
  values: unknown[];
  /** The columns of the run that last found it, naming `values`. */
  columns: string[];
  firstSeenRunId: number | null;
  lastSeenRunId: number | null;
  firstSeenAt: string;
  ageFrom: string;
  ageDays: number;
  comments: number;
  updatedAt: string;
  /** Bumped by every change; an update naming an older one is refused (409 `stale`). */
  version: number;
}

const SELECT = `SELECT i.id, i.sheet_id, s.name AS sheet_name, i.kind, i.key, i.status, i.close_reason, i.assignee_id,
  u.email AS assignee_email, u.name AS assignee_name, i.previous_assignee_id, i.label, i.match, i."values",
  r.columns, i.first_seen_run_id, i.last_seen_run_id, i.first_seen_at, i.age_from,
  CAST(julianday('now') - julianday(i.age_from) AS INTEGER) AS age_days,
  (SELECT count(*) FROM exception_comments c WHERE c.item_id = i.id) AS comments, i.updated_at, i.version
  FROM exception_items i JOIN sheets s ON s.id = i.sheet_id
  LEFT JOIN users u ON u.id = i.assignee_id LEFT JOIN runs r ON r.id = i.last_seen_run_id`;

const ORDER: Record<(typeof QUEUE_SORTS)[number], string> = {
  id: 'i.id',
  age: 'i.age_from',
  kind: 'i.kind',
  status: 'i.status',
  assignee: 'u.email',
  label: 'i.label',
  updated: 'i.updated_at',
};

/** The SQL condition and its arguments for a filter; shared by listing and bulk actions. */
export function filterSql(f: QueueFilter): { where: string; args: unknown[] } {
  const where: string[] = ['1 = 1'];
  const args: unknown[] = [];
  const inList = (column: string, values: unknown[]) => {
    where.push(`${column} IN (${values.map(() => '?').join(',')})`);
    args.push(...values);
  };
  if (f.ids) inList('i.id', f.ids.length ? f.ids : [-1]);
  if (f.sheetId) inList('i.sheet_id', [f.sheetId]);
  if (f.statuses?.length) inList('i.status', f.statuses);
  if (f.kinds?.length) inList('i.kind', f.kinds);
  if (f.assignee === 'none') where.push('i.assignee_id IS NULL');
  else if (f.assignee) inList('i.assignee_id', [f.assignee]);
  if (f.label) inList('i.label', [f.label]);
  if (f.search) {
    const like = `%${f.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(`(i."values" LIKE ? ESCAPE '\\' OR i.key LIKE ? ESCAPE '\\')`);
    args.push(like, like);
  }
  if (f.minAge) {
    where.push(`julianday('now') - julianday(i.age_from) >= ?`);
    args.push(f.minAge);
  }
  if (f.maxAge !== undefined) {
    // ageDays is the whole days elapsed, so "at most N days" is anything under N + 1.
    where.push(`julianday('now') - julianday(i.age_from) < ?`);
    args.push(f.maxAge + 1);
  }
  return { where: where.join(' AND '), args };
}

export function queryQueue(db: Db, q: QueueQuery): { total: number; items: QueueItem[] } {
  const { where, args } = filterSql(q);
  const total = db.$client
    .prepare(`SELECT count(*) FROM exception_items i WHERE ${where}`)
    .pluck()
    .get(...args) as number;
  const direction = q.order === 'desc' ? 'DESC' : 'ASC';
  // The page's ids first, sorting only what the sort needs; then the details of those ids alone.
  const join = q.sort === 'assignee' ? 'LEFT JOIN users u ON u.id = i.assignee_id' : '';
  const ids = db.$client
    .prepare(
      `SELECT i.id FROM exception_items i ${join} WHERE ${where} ORDER BY ${ORDER[q.sort ?? 'id']} ${direction}, i.id LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(...args, q.limit, q.offset) as number[];
  if (!ids.length) return { total, items: [] };
  const rows = db.$client.prepare(`${SELECT} WHERE i.id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Row[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { total, items: ids.map((id) => toItem(byId.get(id)!)) };
}

export function getQueueItem(db: Db, id: number): QueueItem {
  const row = db.$client.prepare(`${SELECT} WHERE i.id = ?`).get(id) as Row | undefined;
  if (!row) throw notFound('exception', id);
  return toItem(row);
}

/** Who wrote a comment or made a change: `user` is the e-mail (null for Tickmark itself), `userName` what people read. */
interface Author {
  user: string | null;
  userName: string | null;
}

export interface ItemActivity {
  comments: ({ id: number; at: string; body: string } & Author)[];
  history: ({ at: string; action: string; before: unknown; after: unknown } & Author)[];
}

/** Comments (newest last) and the audit trail of one item. */
export function itemActivity(db: Db, id: number): ItemActivity {
  const comments = db.$client
    .prepare(
      `SELECT c.id, c.at, u.email AS user, u.name AS userName, c.body FROM exception_comments c LEFT JOIN users u ON u.id = c.user_id
       WHERE c.item_id = ? ORDER BY c.id`,
    )
    .all(id) as ItemActivity['comments'];
  const history = (
    db.$client
      .prepare(
        `SELECT a.at, u.email AS user, u.name AS userName, a.action, a.before, a.after FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
         WHERE a.entity = 'exception' AND a.entity_id = ? ORDER BY a.id`,
      )
      .all(String(id)) as ({ at: string; action: string; before: string | null; after: string | null } & Author)[]
  ).map((h) => ({ ...h, before: h.before && JSON.parse(h.before), after: h.after && JSON.parse(h.after) }));
  return { comments, history };
}

interface Row {
  id: number;
  sheet_id: number;
  sheet_name: string;
  kind: string;
  key: string;
  status: QueueStatus;
  close_reason: string | null;
  assignee_id: number | null;
  assignee_email: string | null;
  assignee_name: string | null;
  previous_assignee_id: number | null;
  label: string | null;
  match: string | null;
  values: string;
  columns: string | null;
  first_seen_run_id: number | null;
  last_seen_run_id: number | null;
  first_seen_at: string;
  age_from: string;
  age_days: number | null;
  comments: number;
  updated_at: string;
  version: number;
}

function toItem(r: Row): QueueItem {
  return {
    id: r.id,
    sheetId: r.sheet_id,
    sheetName: r.sheet_name,
    kind: r.kind,
    key: r.key,
    status: r.status,
    closeReason: r.close_reason,
    assignee: r.assignee_id === null ? null : { id: r.assignee_id, email: r.assignee_email!, name: r.assignee_name! },
    previousAssigneeId: r.previous_assignee_id,
    label: r.label,
    match: r.match,
    values: JSON.parse(r.values) as unknown[],
    columns: r.columns ? (JSON.parse(r.columns) as string[]) : [],
    firstSeenRunId: r.first_seen_run_id,
    lastSeenRunId: r.last_seen_run_id,
    firstSeenAt: r.first_seen_at,
    ageFrom: r.age_from,
    ageDays: Math.max(0, r.age_days ?? 0),
    comments: r.comments,
    updatedAt: r.updated_at,
    version: r.version,
  };
}
