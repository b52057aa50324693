/**
 * The audit hash chain's cost (governance.md 6): audit writes per second before the chain
 * (a plain insert of the row, as the code did) and after it (appendAudit: read the head,
 * canonical JSON, SHA-256, insert with the hash), in transactions of 1 and of 100 entries,
 * in the same run on the same real database schema; then the time to verify 1,000,000
 * entries, to export them as JSON Lines and to check that export with the standalone
 * Python script of docs/audit-trail.md.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditExportPages } from '../db/audit-export.js';
import { verifyAuditTrail } from '../db/audit-verify.js';
import { appendAudit, appendAuditEntries, type AuditEntry } from '../db/audit.js';
import { openDatabase, type Db } from '../db/open.js';

const dir = join('bench', 'out', 'audit');
rmSync(dir, { recursive: true, force: true });

/** A typical queue change: the item's state before and after, and a comment. */
const entry = (i: number): AuditEntry => ({
  userId: null,
  action: 'exception.resolved',
  entity: 'exception',
  entityId: i,
  before: { status: 'in_review', assignee_id: 3, label: 'booking error', close_reason: null },
  after: { status: 'resolved', assignee_id: 3, label: 'booking error', close_reason: null, comment: `rebooked ${i}` },
});

/** The write as it was before the chain: no head read, no hash. */
function plainWriter(db: Db): (e: AuditEntry) => void {
  const insert = db.$client.prepare(
    'INSERT INTO audit_log (at, user_id, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return (e) =>
    insert.run(
      new Date().toISOString(),
      e.userId ?? null,
      e.action,
      e.entity,
      String(e.entityId),
      JSON.stringify(e.before),
      JSON.stringify(e.after),
    );
}

/** Entries per second writing `total` entries in transactions of `size`, on a fresh database. */
function writesPerSecond(name: string, size: number, total: number, chained: boolean): number {
  const db = openDatabase(join(dir, `${name}.db`));
  const write = chained ? (e: AuditEntry) => appendAudit(db.$client, e) : plainWriter(db);
  const batch = db.$client.transaction((from: number) => {
    for (let i = from; i < from + size; i += 1) write(entry(i));
  });
  const start = performance.now();
  for (let from = 0; from < total; from += size) batch(from);
  const seconds = (performance.now() - start) / 1000;
  db.$client.close();
  return total / seconds;
}

const rows: string[] = [];
for (const [size, total] of [
  [1, 3_000],
  [100, 100_000],
] as const) {
  // Alternated twice, best of two, so a neighbour's burst on the shared core colours neither side alone.
  const best = { plain: 0, chained: 0 };
  for (let round = 0; round < 2; round += 1) {
    best.plain = Math.max(best.plain, writesPerSecond(`plain-${size}-${round}`, size, total, false));
    best.chained = Math.max(best.chained, writesPerSecond(`chained-${size}-${round}`, size, total, true));
  }
  rows.push(
    `transactions of ${size} entr${size === 1 ? 'y' : 'ies'} (${total.toLocaleString('en')} entries): ` +
      `before ${Math.round(best.plain).toLocaleString('en')}/s, after ${Math.round(best.chained).toLocaleString('en')}/s ` +
      `(${((1 - best.chained / best.plain) * 100).toFixed(0)}% fewer)`,
  );
  console.log(rows[rows.length - 1]);
}

// A run that opens 100,000 queue items audits each (db/queue/continue-queue.ts): one
// INSERT … SELECT before the chain, a read then 100,000 chained appends after it.
{
  const db = openDatabase(join(dir, 'queue.db'));
  db.$client.exec('CREATE TABLE opened (id INTEGER PRIMARY KEY, kind TEXT, key TEXT)');
  const add = db.$client.prepare('INSERT INTO opened VALUES (?, ?, ?)');
  db.$client.transaction(() => {
    for (let i = 1; i <= 100_000; i += 1) add.run(i, 'quantity', `E${i}`);
  })();
  const timed = (fn: () => void) => {
    const begin = performance.now();
    db.$client.transaction(fn)();
    return (performance.now() - begin) / 1000;
  };
  const setBased = timed(() =>
    db.$client
      .prepare(
        `INSERT INTO audit_log (at, user_id, action, entity, entity_id, before, after)
         SELECT ?, NULL, 'exception.open', 'exception', id, NULL, json_object('status', 'open', 'kind', kind, 'key', key, 'run', 1)
         FROM opened`,
      )
      .run(new Date().toISOString()),
  );
  db.$client.close();
  const fresh = openDatabase(join(dir, 'queue-chained.db'));
  fresh.$client.exec(`ATTACH '${join(dir, 'queue.db')}' AS q`);
  const begin = performance.now();
  fresh.$client.transaction(() => {
    const items = fresh.$client.prepare('SELECT id, kind, key FROM q.opened ORDER BY id').all() as {
      id: number;
      kind: string;
      key: string;
    }[];
    appendAuditEntries(
      fresh.$client,
      items.map((item) => ({
        action: 'exception.open',
        entity: 'exception',
        entityId: item.id,
        after: { status: 'open', kind: item.kind, key: item.key, run: 1 },
      })),
    );
  })();
  const chained = (performance.now() - begin) / 1000;
  fresh.$client.close();
  console.log(
    `audit of a run opening 100,000 queue items: before ${setBased.toFixed(2)} s (INSERT … SELECT), after ${chained.toFixed(2)} s`,
  );
}

const MILLION = 1_000_000;
const big = openDatabase(join(dir, 'million.db'));
let start = performance.now();
for (let from = 0; from < MILLION; from += 10_000) {
  big.transaction(() =>
    appendAuditEntries(
      big.$client,
      Array.from({ length: 10_000 }, (_, i) => entry(from + i)),
    ),
  );
}
const generate = (performance.now() - start) / 1000;
console.log(`1,000,000 entries written by appendAuditEntries in transactions of 10,000: ${generate.toFixed(1)} s`);

start = performance.now();
const verdict = await verifyAuditTrail(big.$client);
const verify = (performance.now() - start) / 1000;
if (!verdict.ok || verdict.entries !== MILLION) throw new Error(`verify said ${JSON.stringify(verdict)}`);
console.log(`verify 1,000,000 entries: ${verify.toFixed(2)} s (${Math.round(MILLION / verify).toLocaleString('en')} entries/s)`);

const file = join(dir, 'audit-trail.jsonl');
start = performance.now();
writeFileSync(file, [...auditExportPages(big.$client)].join(''));
const exported = (performance.now() - start) / 1000;
big.$client.close();
console.log(`export as JSON Lines: ${exported.toFixed(2)} s, ${(statSync(file).size / 1e6).toFixed(0)} MB`);

const doc = readFileSync(join('docs', 'audit-trail.md'), 'utf8');
const script = join(dir, 'check_audit.py');
writeFileSync(script, /```python\n([\s\S]*?)```/.exec(doc)![1]);
start = performance.now();
const check = spawnSync('python3', [script, file], { encoding: 'utf8' });
if (check.error) console.log('python3 not found: the standalone check was not timed');
else {
  if (check.status !== 0 || !check.stdout.includes(verdict.head))
    throw new Error(`the standalone check said ${check.stdout}${check.stderr}`);
  console.log(`standalone Python check of the export: ${((performance.now() - start) / 1000).toFixed(1)} s`);
}
