/**
 * The server's claim on its data folder: `tickmark.pid` holds the pid of the server using
 * DIR/tickmark.db, written at start and removed at a clean stop. `tickmark restore` reads it
 * to refuse replacing a database a running server has open (SQLite's own locks cannot say
 * this: an idle WAL connection holds none). A file left by a crash names a dead pid and is ignored.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'tickmark.pid';

export function claimDataDir(dataDir: string): void {
  writeFileSync(join(dataDir, LOCK_FILE), `${process.pid}\n`);
}

export function releaseDataDir(dataDir: string): void {
  const path = join(dataDir, LOCK_FILE);
  if (serverHolding(dataDir) === process.pid) rmSync(path, { force: true });
}

/** The pid of a live process that claimed `dataDir`, or null when none does. */
export function serverHolding(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dataDir, LOCK_FILE), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}
