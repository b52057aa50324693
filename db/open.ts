/**
 * Opens (creating when needed) the SQLite database file, in WAL mode with foreign keys on,
 * applies the committed migrations and seals an audit trail from before the hash chain.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { sealLegacyAuditTrail } from './audit-seal.js';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The database at `path` (`:memory:` for a throwaway one), migrated to the latest schema. */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const client = new Database(path);
  client.pragma('journal_mode = WAL');
  client.pragma('foreign_keys = ON');
  client.pragma('busy_timeout = 5000');
  const db = drizzle(client, { schema });
  takeWriteLockFirst(db);
  migrate(db, { migrationsFolder: MIGRATIONS });
  // Once, for a database whose entries were written before 0005 gave them a hash.
  sealLegacyAuditTrail(client);
  return db as Db;
}

/**
 * Every transaction takes SQLite's write lock when it begins (BEGIN IMMEDIATE) unless it
 * asks otherwise. Most services read and then write in one transaction; begun deferred, the
 * write fails at once with SQLITE_BUSY_SNAPSHOT when a worker's connection (a run, an
 * import) committed in between, and busy_timeout cannot help. Begun immediate, it waits its
 * turn instead (the soak test's 500 on POST /api/sheets/:id/runs).
 */
function takeWriteLockFirst(db: BetterSQLite3Database<typeof schema>): void {
  const begin = db.transaction.bind(db);
  db.transaction = ((run, config) => begin(run, { behavior: 'immediate', ...config })) as typeof db.transaction;
}
