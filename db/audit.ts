/** The audit trail: every service write records who, what, when, before and after. */
import type { Db } from './open.js';
import { auditLog } from './schema.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface AuditEntry {
  userId?: number | null;
  action: string;
  entity: string;
  entityId: number | string;
  before?: unknown;
  after?: unknown;
}

/** Adds an audit row inside the caller's transaction. */
export function recordAudit(tx: Tx, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({
      userId: entry.userId ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .run();
}

export interface AuditRow {
  id: number;
  at: string;
  user: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** The trail, newest first, optionally for one entity (`sheet` 3) or one action prefix (`exception.`). */
export function listAudit(
  db: Db,
  q: { entity?: string; entityId?: string; action?: string; offset: number; limit: number },
): { total: number; rows: AuditRow[] } {
  const where: string[] = ['1 = 1'];
  const args: unknown[] = [];
  const add = (condition: string, arg: unknown) => {
    where.push(condition);
    args.push(arg);
  };
  if (q.entity) add('a.entity = ?', q.entity);
  if (q.entityId) add('a.entity_id = ?', q.entityId);
  if (q.action) add("a.action LIKE ? ESCAPE '\\'", `${q.action.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
  const filter = where.join(' AND ');
  const total = db.$client
    .prepare(`SELECT count(*) FROM audit_log a WHERE ${filter}`)
    .pluck()
    .get(...args) as number;
  const rows = db.$client
    .prepare(
      `SELECT a.id, a.at, u.email AS user, a.action, a.entity, a.entity_id AS entityId, a.before, a.after
       FROM audit_log a LEFT JOIN users u ON u.id = a.user_id WHERE ${filter} ORDER BY a.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...args, q.limit, q.offset) as (AuditRow & { before: string | null; after: string | null })[];
  return {
    total,
    rows: rows.map((r) => ({ ...r, before: r.before && JSON.parse(r.before), after: r.after && JSON.parse(r.after) })),
  };
}
