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
