/**
 * `tickmark restore FILE [--data-dir DIR]`: puts a backup back as DIR/tickmark.db. FILE must be
 * a whole Tickmark database (integrity_check ok, the migrations table there, no migration this
 * build does not know); the server must be stopped (its `tickmark.pid` in DIR names a live
 * process: refused). The database it replaces is kept, with its -wal, as
 * tickmark.db.before-restore-<time>. Exit 0 with one line, 1 with one line naming what is
 * wrong, 2 for bad usage.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { LOCK_FILE, serverHolding } from '../db/server-lock.js';

const USAGE = 'usage: tickmark restore FILE [--data-dir DIR]';
const JOURNAL = join(dirname(fileURLToPath(import.meta.url)), '..', 'db', 'migrations', 'meta', '_journal.json');

export async function restoreCommand(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (!options) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const file = resolve(options.file);
  const fail = (message: string) => {
    process.stderr.write(`tickmark restore: ${message}\n`);
    return 1;
  };
  if (!existsSync(file)) return fail(`${file} does not exist`);
  const pid = serverHolding(options.dataDir);
  if (pid !== null)
    return fail(`a Tickmark server (pid ${pid}, ${join(options.dataDir, LOCK_FILE)}) is using ${options.dataDir}: stop it first`);
  let problem: string | null;
  try {
    problem = checkBackup(file);
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  if (problem) return fail(`${file} is not a Tickmark database this version can restore: ${problem}`);

  mkdirSync(options.dataDir, { recursive: true });
  const target = join(options.dataDir, 'tickmark.db');
  const kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  const partial = `${target}.restoring`;
  try {
    copyFileSync(file, partial);
    if (existsSync(target)) {
      renameSync(target, kept);
      // The journal files belong to the replaced database: they move with it, never onto the restored one.
      for (const suffix of ['-wal', '-shm']) if (existsSync(target + suffix)) renameSync(target + suffix, kept + suffix);
    }
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    return fail(`${target}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const was = existsSync(kept) ? `; the database it replaced is kept as ${kept}` : '';
  process.stdout.write(`restored ${file} to ${target} (${statSync(target).size} bytes)${was}\n`);
  return 0;
}

/** Why `path` cannot be restored, or null when it can. */
function checkBackup(path: string): string | null {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const verdict = db.pragma('integrity_check', { simple: true });
    if (verdict !== 'ok') return `integrity_check says ${String(verdict)}`;
    const hasMigrations = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`).get();
    if (!hasMigrations) return 'it has no __drizzle_migrations table';
    const latest = db.prepare('SELECT max(created_at) FROM __drizzle_migrations').pluck().get() as number | null;
    const known = (JSON.parse(readFileSync(JOURNAL, 'utf8')) as { entries: { when: number; tag: string }[] }).entries;
    const newest = known[known.length - 1];
    if (latest !== null && latest > newest.when)
      return `it was migrated by a newer Tickmark (a migration from ${new Date(latest).toISOString()}, this build knows up to ${newest.tag})`;
    return null;
  } finally {
    db.close();
  }
}

function parseOptions(argv: string[]): { file: string; dataDir: string } | undefined {
  let file: string | undefined;
  let dataDir = './data';
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length);
    else if (arg === '--data-dir' && argv[i + 1] !== undefined) dataDir = argv[(i += 1)];
    else if (!arg.startsWith('--') && file === undefined) file = arg;
    else return undefined;
  }
  return file && dataDir ? { file, dataDir } : undefined;
}
