/**
 * `tickmark audit verify [--data-dir DIR]` (governance.md 6): checks the audit trail's hash
 * chain straight from DIR/tickmark.db, read-only, without the server. Exit 0 with the entry
 * count and head hash, 1 naming the first broken entry (or why the file cannot be read),
 * 2 for bad usage.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verifyAuditTrail } from '../db/audit-verify.js';

const USAGE = 'usage: tickmark audit verify [--data-dir DIR]';

/** Runs `audit …` (argv after `audit`); resolves to the exit status. */
export async function auditCommand(argv: string[]): Promise<number> {
  const dataDir = parseVerify(argv);
  if (dataDir === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const path = join(dataDir, 'tickmark.db');
  const fail = (message: string) => {
    process.stderr.write(`tickmark audit verify: ${message}\n`);
    return 1;
  };
  if (!existsSync(path)) return fail(`no database at ${path} (set --data-dir to the folder holding tickmark.db)`);
  let client: Database.Database | undefined;
  try {
    client = new Database(path, { readonly: true, fileMustExist: true });
    const verdict = await verifyAuditTrail(client);
    if (!verdict.ok) return fail(`entry ${verdict.brokenAt} does not match the chain (${verdict.entries} entries in ${path})`);
    process.stdout.write(`${path}: ${verdict.entries} entries, chain intact, head ${verdict.head}\n`);
    return 0;
  } catch (error) {
    return fail(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    client?.close();
  }
}

/** The data folder of `verify [--data-dir DIR]`, or undefined for anything else. */
function parseVerify(argv: string[]): string | undefined {
  const [sub, ...options] = argv;
  if (sub !== 'verify') return undefined;
  let dataDir = './data';
  for (let i = 0; i < options.length; i += 1) {
    const option = options[i];
    if (option.startsWith('--data-dir=')) dataDir = option.slice('--data-dir='.length);
    else if (option === '--data-dir' && options[i + 1] !== undefined) dataDir = options[(i += 1)];
    else return undefined;
  }
  return dataDir || undefined;
}
