/**
 * The audit trail: every service write records who, what, when, before and after, as one
 * entry of a hash chain (governance.md 6, db/audit-chain.ts). Entries are only ever
 * appended; migration 0006 makes SQLite refuse updates and deletes.
 */
import { sql } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import { canonicalEntry, canonicalJson, chainHash, GENESIS, type StoredTuple } from './audit-chain.js';
import type { Db } from './open.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

/** One change to record: what the caller knows; the id, time (unless given) and hash are added. */
export interface AuditEntry {
  /** ISO time; now unless given (a run's queue changes carry the run's time). */
  at?: string;
  userId?: number | null;
  action: string;
  entity: string;
  entityId: number | string;
  before?: unknown;
  after?: unknown;
}

/** The newest entry: where the next one chains from. */
interface Head {
  id: number;
  hash: string | null;
}

/** A row to insert, every column the hash covers plus the hash (never null here). */
type SealedRow = StoredTuple & { 8: string };

/** How appending reads the head and inserts, over better-sqlite3 itself or a Drizzle transaction. */
interface Port {
  head(): Head | undefined;
  insert(row: SealedRow): void;
}

const HEAD = 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1';
const INSERT = 'INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, before, after, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
const ports = new WeakMap<Database.Database, Port>();

function clientPort(client: Database.Database): Port {
  let port = ports.get(client);
  if (!port) {
    const head = client.prepare(HEAD);
    const insert = client.prepare(INSERT);
    port = { head: () => head.get() as Head | undefined, insert: (row) => insert.run(...row) };
    ports.set(client, port);
  }
  return port;
}

function drizzlePort(tx: Tx): Port {
  return {
    head: () => tx.get<Head | undefined>(sql.raw(HEAD)),
    insert: ([id, at, userId, action, entity, entityId, before, after, hash]) =>
      tx.run(
        sql`INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, before, after, hash)
            VALUES (${id}, ${at}, ${userId}, ${action}, ${entity}, ${entityId}, ${before}, ${after}, ${hash})`,
      ),
  };
}

/**
 * Appends entries in order, each chained to the one before. The head is read from the
 * database, never remembered: the run worker writes to the same file through its own
 * connection. Call it inside the caller's transaction, after the caller's own writes
 * (SQLite's single writer then keeps two connections from chaining from the same head);
 * outside one it opens an immediate transaction of its own.
 */
function append(port: Port, entries: Iterable<AuditEntry>): number {
  const head = port.head();
  let id = head?.id ?? 0;
  // A head without a hash is already a break verify reports; chaining on from zeros keeps
  // Tickmark writing rather than failing every change over it.
  let hash = head?.hash ?? GENESIS;
  const now = new Date().toISOString();
  for (const entry of entries) {
    id += 1;
    const sealed = {
      id,
      at: entry.at ?? now,
      userId: entry.userId ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
    };
    const before = entry.before == null ? null : canonicalJson(entry.before);
    const after = entry.after == null ? null : canonicalJson(entry.after);
    hash = chainHash(hash, canonicalEntry(sealed, before ?? 'null', after ?? 'null'));
    port.insert([id, sealed.at, sealed.userId, sealed.action, sealed.entity, sealed.entityId, before, after, hash]);
  }
  return id;
}

/**
 * Appends entries to the trail through a better-sqlite3 connection, inside the caller's
 * transaction when there is one. Returns the last entry's id.
 *
 * @example appendAuditEntries(db.$client, ids.map((id) => ({ action: 'exception.open', entity: 'exception', entityId: id })))
 */
export function appendAuditEntries(client: Database.Database, entries: Iterable<AuditEntry>): number {
  const port = clientPort(client);
  return client.inTransaction ? append(port, entries) : client.transaction(() => append(port, entries)).immediate();
}

/** Appends one entry through a better-sqlite3 connection (see appendAuditEntries); returns its id. */
export function appendAudit(client: Database.Database, entry: AuditEntry): number {
  return appendAuditEntries(client, [entry]);
}

/** Adds an audit entry inside the caller's transaction (a Drizzle one, or none with the database itself). */
export function recordAudit(tx: Tx, entry: AuditEntry): void {
  if ('$client' in tx) appendAudit(tx.$client, entry);
  else append(drizzlePort(tx), [entry]);
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

/**
 * The trail, newest first, optionally for one entity (`sheet` 3), one action prefix
 * (`exception.`) and a free-text search `q`: every word in the action, entity, id, who did
 * it (e-mail or name) or the state before or after.
 */
export function listAudit(
  db: Db,
  q: { entity?: string; entityId?: string; action?: string; q?: string; offset: number; limit: number },
): { total: number; rows: AuditRow[] } {
  const where: string[] = ['1 = 1'];
  const args: unknown[] = [];
  const add = (condition: string, arg: unknown) => {
    where.push(condition);
    args.push(arg);
  };
  if (q.entity) add('a.entity = ?', q.entity);
  if (q.entityId) add('a.entity_id = ?', q.entityId);
  const escapeLike = (text: string) => text.replace(/[\\%_]/g, (m) => `\\${m}`);
  if (q.action) add("a.action LIKE ? ESCAPE '\\'", `${escapeLike(q.action)}%`);
  for (const word of (q.q ?? '').split(/\s+/).filter(Boolean)) {
    const texts = ['a.action', 'a.entity', 'a.entity_id', 'u.email', 'u.name', 'a.before', 'a.after'];
    where.push(`(${texts.map((t) => `coalesce(${t}, '') LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    args.push(...texts.map(() => `%${escapeLike(word)}%`));
  }
  const filter = where.join(' AND ');
  const total = db.$client
    .prepare(`SELECT count(*) FROM audit_log a LEFT JOIN users u ON u.id = a.user_id WHERE ${filter}`)
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
