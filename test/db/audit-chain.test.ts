/**
 * The audit hash chain at the database: the canonical JSON, appends from two connections
 * to one file, the one-time seal of a trail from before the chain (a database migrated
 * only to 0004), and the documented standalone check agreeing with Tickmark on awkward
 * values (numbers, escapes, non-ASCII keys).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { canonicalJson, chainHash, entryHash, GENESIS, type StoredRow } from '../../db/audit-chain.js';
import { auditExportPages } from '../../db/audit-export.js';
import { verifyAuditTrail } from '../../db/audit-verify.js';
import { appendAudit, appendAuditEntries, recordAudit } from '../../db/audit.js';
import { openDatabase } from '../../db/open.js';
import { documentedCheck } from '../helpers/audit-check.js';
import { tempDir } from '../helpers/files.js';

const rows = (db: Database.Database) =>
  db
    .prepare('SELECT id, at, user_id AS userId, action, entity, entity_id AS entityId, before, after, hash FROM audit_log ORDER BY id')
    .all() as StoredRow[];

describe('canonical JSON', () => {
  it('sorts keys at every level, writes no whitespace and numbers as JavaScript does', () => {
    expect(canonicalJson({ b: [1, { z: null, a: true }], a: 'x', é: 1, B: 2 })).toBe('{"B":2,"a":"x","b":[1,{"a":true,"z":null}],"é":1}');
    expect(canonicalJson([1.0, 2.5, -0, 1e21, 1e-7, 123456789012345680000, 0.1 + 0.2])).toBe(
      '[1,2.5,0,1e+21,1e-7,123456789012345680000,0.30000000000000004]',
    );
    expect(canonicalJson({ s: 'tab\tquote"back\\slash\u0001\u2028' })).toBe('{"s":"tab\\tquote\\"back\\\\slash\\u0001\u2028"}');
    expect(canonicalJson({ gone: undefined, f: () => 1, list: [undefined], when: new Date(Date.UTC(2026, 11, 1)) })).toBe(
      '{"list":[null],"when":"2026-12-01T00:00:00.000Z"}',
    );
    // By UTF-16 code units an astral character (surrogates from D83D) sorts before U+FB33.
    expect(canonicalJson({ '\ufb33': 1, '\u{1f600}': 2 })).toBe('{"\u{1f600}":2,"\ufb33":1}');
  });

  it('is what docs/audit-trail.md shows for its example entry', () => {
    const doc = readFileSync(join(process.cwd(), 'docs', 'audit-trail.md'), 'utf8');
    const example = /first entry whose canonical JSON is\n\n```\n(.*)\n```/.exec(doc)![1];
    const entry = JSON.parse(example);
    const canonical = canonicalJson(entry);
    expect(canonical).toBe(example);
    const hash = /\nhas the hash `([0-9a-f]{64})`/.exec(doc)![1];
    expect(chainHash(GENESIS, canonical)).toBe(hash);
    expect(entryHash(GENESIS, { ...entry, before: null, after: JSON.stringify(entry.after) })).toBe(hash);
  });
});

describe('appending', () => {
  it('chains each entry to the one before, from 64 zeros, and stores what the hash covers', () => {
    const db = openDatabase(join(tempDir('tickmark-audit-'), 'tickmark.db'));
    appendAudit(db.$client, { userId: null, action: 'a.one', entity: 'thing', entityId: 7, after: { b: 2, a: 1 } });
    db.transaction((tx) =>
      recordAudit(tx, { action: 'a.two', entity: 'thing', entityId: '7', before: { a: 1 }, at: '2026-12-01T10:00:00.000Z' }),
    );
    recordAudit(db, { action: 'a.three', entity: 'thing', entityId: 7 });
    const [one, two, three] = rows(db.$client);
    expect(one).toMatchObject({ id: 1, entityId: '7', before: null, after: '{"a":1,"b":2}' });
    expect(one.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(two.at).toBe('2026-12-01T10:00:00.000Z');
    expect(one.hash).toBe(
      chainHash(
        GENESIS,
        `{"action":"a.one","after":{"a":1,"b":2},"at":"${one.at}","before":null,"entity":"thing","entityId":"7","id":1,"userId":null}`,
      ),
    );
    expect(two.hash).toBe(entryHash(one.hash!, two));
    expect(three.hash).toBe(entryHash(two.hash!, three));
    db.$client.close();
  });

  it('reads the head from the file in every transaction, so two connections chain one trail', async () => {
    const path = join(tempDir('tickmark-audit-'), 'tickmark.db');
    const server = openDatabase(path);
    const worker = openDatabase(path);
    for (let i = 0; i < 5; i += 1) {
      appendAudit(server.$client, { action: 'server.write', entity: 'e', entityId: i });
      worker.transaction(() =>
        appendAuditEntries(
          worker.$client,
          [1, 2].map((n) => ({ action: 'worker.write', entity: 'e', entityId: n })),
        ),
      );
    }
    expect(() =>
      server.transaction(() => {
        appendAudit(server.$client, { action: 'rolled.back', entity: 'e', entityId: 0 });
        throw new Error('undone');
      }),
    ).toThrow('undone');
    appendAudit(server.$client, { action: 'server.write', entity: 'e', entityId: 99 });
    expect(rows(server.$client).map((r) => r.id)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(await verifyAuditTrail(worker.$client)).toMatchObject({ ok: true, entries: 16 });
    expect(await verifyAuditTrail(server.$client, { pageSize: 3 })).toEqual(await verifyAuditTrail(server.$client));
    server.$client.close();
    worker.$client.close();
  });

  it('verifies an empty trail as intact, with the zeros as its head', async () => {
    const db = openDatabase(join(tempDir('tickmark-audit-'), 'tickmark.db'));
    expect(await verifyAuditTrail(db.$client)).toEqual({ ok: true, entries: 0, head: GENESIS });
    db.$client.close();
  });
});

/** A database as Tickmark left it before the chain: migrated to 0004, audit rows without hashes. */
function legacyDatabase(): string {
  const dir = tempDir('tickmark-legacy-');
  const old = join(dir, 'migrations');
  cpSync(join(process.cwd(), 'db', 'migrations'), old, { recursive: true });
  const journal = JSON.parse(readFileSync(join(old, 'meta', '_journal.json'), 'utf8'));
  journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < '0005');
  writeFileSync(join(old, 'meta', '_journal.json'), JSON.stringify(journal));
  const path = join(dir, 'tickmark.db');
  const client = new Database(path);
  migrate(drizzle(client), { migrationsFolder: old });
  // What the old code wrote: the SQL default time, JSON.stringify's and SQLite's key order.
  client.exec(`INSERT INTO users (email, name, password_hash, role) VALUES ('a@example.com', 'A', 'x', 'admin');
    INSERT INTO audit_log (user_id, action, entity, entity_id, before, after) VALUES
      (1, 'user.create', 'user', '1', NULL, '{"role":"admin","email":"a@example.com"}'),
      (1, 'session.start', 'user', '1', NULL, '{"expiresAt":"2026-11-30T10:00:00.000Z"}'),
      (NULL, 'exception.open', 'exception', 4, NULL, json_object('status', 'open', 'kind', 'qty', 'key', 'E1', 'run', 3)),
      (NULL, 'exception.cleared', 'exception', '4', '{"status":"open","closeReason":null}', '{"status":"closed","closeReason":"cleared"}')`);
  expect(client.prepare("SELECT count(*) FROM pragma_table_info('audit_log') WHERE name = 'hash'").pluck().get()).toBe(0);
  client.close();
  return path;
}

describe('a trail from before the chain', () => {
  it('is sealed once, in id order, at the first open, and the chain goes on from it', async () => {
    const path = legacyDatabase();
    const db = openDatabase(path);
    const sealed = rows(db.$client);
    expect(sealed.map((r) => r.action)).toEqual(['user.create', 'session.start', 'exception.open', 'exception.cleared']);
    let previous = GENESIS;
    for (const row of sealed) {
      expect(row.hash).toBe(entryHash(previous, row));
      previous = row.hash!;
    }
    expect(sealed[0].after).toBe('{"role":"admin","email":"a@example.com"}'); // the stored text is never rewritten
    expect(await verifyAuditTrail(db.$client)).toEqual({ ok: true, entries: 4, head: previous });
    appendAudit(db.$client, { userId: 1, action: 'session.end', entity: 'user', entityId: 1 });
    const head = (await verifyAuditTrail(db.$client)) as { ok: true; head: string };
    expect(head).toMatchObject({ ok: true, entries: 5 });
    db.$client.close();

    const again = openDatabase(path);
    expect(rows(again.$client).map((r) => r.hash)).toEqual([...sealed.map((r) => r.hash), head.head]);
    // An entry without a hash in a chained trail is never sealed: it is a break.
    again.$client.exec("INSERT INTO audit_log (action, entity, entity_id) VALUES ('slipped.in', 'user', '1')");
    again.$client.close();
    const third = openDatabase(path);
    expect(await verifyAuditTrail(third.$client)).toEqual({ ok: false, entries: 6, brokenAt: 6 });
    third.$client.close();
  });
});

describe('the standalone check of docs/audit-trail.md', () => {
  it('agrees with Tickmark on numbers, escapes and keys, and names the first entry that breaks', async () => {
    const db = openDatabase(join(tempDir('tickmark-audit-'), 'tickmark.db'));
    const awkward = [
      { n: [1, 1.5, -2.25, 1e21, 1e20, 1e-7, 1e-6, 0.1 + 0.2, 2 ** 60, -0, 5e-324, 1.7976931348623157e308, 123456.789] },
      { s: 'tab\t"q" \\ \u0001 \u007f \u2028 é ü 中 😀', '\ufb33': 'k', '\u{1f600}': 'astral', Z: 1, a: { c: [], b: {} } },
      { big: 1.2345678901234567e19, neg: -1e-7, small: 0.000001234 },
    ];
    db.$client.exec("INSERT INTO users (email, name, password_hash, role) VALUES ('a@example.com', 'A', 'x', 'admin')");
    for (const [i, after] of awkward.entries())
      appendAudit(db.$client, { userId: 1, action: 'odd.value', entity: 'e', entityId: i, after, before: 'text' });
    const verdict = (await verifyAuditTrail(db.$client)) as { ok: true; entries: number; head: string };
    expect(verdict.ok).toBe(true);
    const dir = tempDir('tickmark-export-');
    const file = join(dir, 'audit.jsonl');
    writeFileSync(file, [...auditExportPages(db.$client)].join(''));
    const script = documentedCheck();
    const check = spawnSync('python3', [script, file], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.stdout).toBe(`3 entries, chain intact, head ${verdict.head}\n`);

    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    lines[1] = lines[1].replace('"Z":1', '"Z":1.5');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const caught = spawnSync('python3', [script, file], { encoding: 'utf8' });
    expect(caught.status).toBe(1);
    expect(caught.stdout).toBe('entry 2 (line 2) does not match the chain\n');
    db.$client.close();
  });
});
