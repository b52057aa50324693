/**
 * `tickmark backup [--data-dir DIR] --out FILE [--force]`: a consistent copy of DIR/tickmark.db
 * taken while the server runs, through SQLite's online backup API on a read-only connection
 * (copying the file itself while it is written gives a torn, often corrupt copy). The copy
 * goes to FILE.partial, is checked (integrity_check), made a single self-contained file, and
 * only then renamed to FILE: a FILE that exists is always whole. Exit 0 with one line, 1 with
 * one line naming what failed, 2 for bad usage.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

const USAGE = 'usage: tickmark backup [--data-dir DIR] --out FILE [--force]';

interface Options {
  dataDir: string;
  out: string;
  force: boolean;
}

export async function backupCommand(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (!options) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const source = join(options.dataDir, 'tickmark.db');
  const out = resolve(options.out);
  const partial = `${out}.partial`;
  const fail = (message: string) => {
    process.stderr.write(`tickmark backup: ${message}\n`);
    return 1;
  };
  if (!existsSync(source)) return fail(`no database at ${source} (set --data-dir to the folder holding tickmark.db)`);
  if (existsSync(out) && !options.force) return fail(`${out} already exists (add --force to replace it)`);
  let live: Database.Database | undefined;
  try {
    rmSync(partial, { force: true });
    live = new Database(source, { readonly: true, fileMustExist: true });
    live.pragma('busy_timeout = 5000');
    // All pages in one step: the copy is one read snapshot, never restarted by the server's writes.
    await live.backup(partial, { progress: () => 1_000_000_000 });
    live.close();
    live = undefined;
    const summary = checkCopy(partial);
    const fd = openSync(partial, 'r');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(partial, out);
    process.stdout.write(`${out}: ${statSync(out).size} bytes, ${summary}\n`);
    return 0;
  } catch (error) {
    rmSync(partial, { force: true });
    return fail(`${source}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    live?.close();
  }
}

/** Checks the copy and leaves it one file (no -wal beside it); says what it holds. */
function checkCopy(path: string): string {
  const copy = new Database(path, { fileMustExist: true });
  try {
    const verdict = copy.pragma('integrity_check', { simple: true });
    if (verdict !== 'ok') throw new Error(`the copy fails integrity_check: ${String(verdict)}`);
    copy.pragma('journal_mode = DELETE');
    const tables = copy
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .pluck()
      .all() as string[];
    const rows = tables.reduce((sum, t) => sum + (copy.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number), 0);
    const head = tables.includes('audit_log')
      ? (copy.prepare('SELECT count(*) AS entries, (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS hash FROM audit_log').get() as {
          entries: number;
          hash: string | null;
        })
      : null;
    const audit = head ? `, audit ${head.entries} entries, head ${head.hash ?? 'none'}` : '';
    return `${tables.length} tables, ${rows} rows${audit}, integrity ok`;
  } finally {
    copy.close();
  }
}

function parseOptions(argv: string[]): Options | undefined {
  const options: Partial<Options> = { dataDir: './data', force: false };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s) : [argv[i], undefined];
    const value = () => inline ?? argv[(i += 1)];
    if (flag === '--data-dir') options.dataDir = value();
    else if (flag === '--out') options.out = value();
    else if (flag === '--force' && inline === undefined) options.force = true;
    else return undefined;
  }
  if (!options.dataDir || !options.out) return undefined;
  return options as Options;
}
