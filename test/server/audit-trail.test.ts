/**
 * The tamper-evident audit trail (governance.md 6) end to end: a trail written by the real
 * app (users, imports, a sheet approved and run, queue changes by hand and by runs) verifies
 * through the API and the real CLI binary; SQLite refuses edits; and with the triggers
 * dropped by hand, an edited, a removed and an inserted entry are each named, by both. The
 * export passes the standalone check of docs/audit-trail.md, and fails it once edited.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS } from '../../db/audit-chain.js';
import { documentedCheck } from '../helpers/audit-check.js';
import { tempDir } from '../helpers/files.js';
import { admin, approveLatest, Client, fileForm, qtyRecon, testServer, userWithRole, type TestServer } from './helpers.js';

const SHEET = qtyRecon();

async function runDay(server: TestServer, client: Client, sheetId: number, fo: string, br: string): Promise<void> {
  const data: Record<string, number> = {};
  for (const [name, text] of [
    ['FO', `id,qty\n${fo}`],
    ['BR', `ref,qty\n${br}`],
  ]) {
    const imported = await client.json('POST', '/api/datasets', fileForm({ name }, { name: `${name}.csv`, text }));
    expect(imported.status).toBeLessThan(300);
    data[name] = imported.body.id;
  }
  const started = await client.json('POST', `/api/sheets/${sheetId}/runs`, { data });
  expect(started.status).toBe(202);
  await server.runs.idle();
  expect((await client.json('GET', `/api/runs/${started.body.id}`)).body.status).toBe('succeeded');
}

/** A fresh app whose trail holds every kind of write: sessions, imports, reviews, runs, queue changes. */
async function appTrail(): Promise<{ server: TestServer; boss: Client; auditor: Client; dataDir: string }> {
  const server = testServer();
  const boss = await admin(server);
  const auditor = await userWithRole(server, 'approver');
  const sheet = (await boss.json('POST', '/api/sheets', fileForm({}, { name: 'recon.json', text: JSON.stringify(SHEET) }))).body;
  await approveLatest(boss, sheet.id, auditor);
  await runDay(server, boss, sheet.id, 'E1,100\nE2,200\nE3,300\n', 'E1,100\nE2,250\n');
  const items = (await boss.json('GET', '/api/queue?limit=100')).body.items as { id: number }[];
  expect(items).toHaveLength(2);
  expect((await auditor.json('PATCH', `/api/queue/${items[0].id}`, { status: 'resolved', comment: 'rebooked' })).status).toBe(200);
  await runDay(server, boss, sheet.id, 'E1,100\nE2,200\nE3,300\n', 'E1,100\nE2,200\nE3,300\n');
  return { server, boss, auditor, dataDir: dirname(server.config.databasePath) };
}

const cli = (dataDir: string) =>
  spawnSync(process.execPath, [join(process.cwd(), 'bin/tickmark.mjs'), 'audit', 'verify', '--data-dir', dataDir], { encoding: 'utf8' });

const sql = (server: TestServer, query: string, ...args: unknown[]) => server.db.$client.prepare(query).run(...args);
const entryIds = (server: TestServer, where: string) =>
  server.db.$client.prepare(`SELECT id FROM audit_log WHERE ${where} ORDER BY id`).pluck().all() as number[];

/** Verify through the API and the CLI agree that the chain breaks at `id`. */
async function expectBrokenAt(trail: Awaited<ReturnType<typeof appTrail>>, id: number): Promise<void> {
  const verdict = await trail.auditor.json('GET', '/api/audit/verify');
  expect(verdict).toMatchObject({ status: 200, body: { ok: false, brokenAt: id } });
  const run = cli(trail.dataDir);
  expect(run.status).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(new RegExp(`^tickmark audit verify: entry ${id} does not match the chain \\(\\d+ entries in .*\\)\\n$`));
}

describe('the audit trail of a real app', () => {
  it('verifies through the API and the CLI, with the same count and head, and refuses edits', async () => {
    const trail = await appTrail();
    const { server, auditor, dataDir } = trail;
    const count = server.db.$client.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    const head = server.db.$client.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string;
    const actions = server.db.$client.prepare('SELECT DISTINCT action FROM audit_log').pluck().all();
    // Every write path: Drizzle services, the queue's own SQL, and the run worker's connection.
    expect(actions).toEqual(
      expect.arrayContaining(['session.start', 'dataset.import', 'sheet.create', 'run.start', 'run.succeeded', 'exception.open']),
    );
    expect(actions).toEqual(expect.arrayContaining(['exception.resolved', 'exception.cleared']));
    expect(head).toMatch(/^[0-9a-f]{64}$/);

    const verdict = await auditor.json('GET', '/api/audit/verify');
    expect(verdict).toEqual({ status: 200, body: { ok: true, entries: count, head } });
    const run = cli(dataDir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${join(dataDir, 'tickmark.db')}: ${count} entries, chain intact, head ${head}\n`);

    const viewer = await userWithRole(server, 'viewer');
    expect((await viewer.json('GET', '/api/audit/verify')).status).toBe(403);
    expect((await viewer.request('GET', '/api/audit/export?format=jsonl')).status).toBe(403);

    expect(() => sql(server, "UPDATE audit_log SET action = 'nothing' WHERE id = 3")).toThrow(
      /the audit trail is append-only: entries cannot be changed/,
    );
    expect(() => sql(server, 'UPDATE audit_log SET hash = ? WHERE id = 3', GENESIS)).toThrow(/entries cannot be changed/);
    expect(() => sql(server, 'DELETE FROM audit_log WHERE id = 3')).toThrow(/the audit trail is append-only: entries cannot be deleted/);
    expect(() => sql(server, 'DELETE FROM audit_log')).toThrow(/entries cannot be deleted/);
    expect((await auditor.json('GET', '/api/audit/verify')).body.ok).toBe(true);
  });

  it('names an edited entry', async () => {
    const trail = await appTrail();
    trail.server.db.$client.exec('DROP TRIGGER audit_log_no_update');
    const [opened] = entryIds(trail.server, "action = 'exception.open'");
    sql(trail.server, `UPDATE audit_log SET after = json_set(after, '$.status', 'closed') WHERE id = ?`, opened);
    await expectBrokenAt(trail, opened);
  });

  it('names the entry after a removed one', async () => {
    const trail = await appTrail();
    trail.server.db.$client.exec('DROP TRIGGER audit_log_no_delete');
    const [resolved] = entryIds(trail.server, "action = 'exception.resolved'");
    sql(trail.server, 'DELETE FROM audit_log WHERE id = ?', resolved);
    await expectBrokenAt(trail, resolved + 1);
  });

  it('names an entry inserted out of order, and one without a hash', async () => {
    const trail = await appTrail();
    const { server, boss } = trail;
    // Slipped in with a hash of its own (as if it were the first entry), then the app writes on.
    const forged = {
      id: 1000,
      at: '2026-01-01T00:00:00.000Z',
      userId: 1,
      action: 'sheet.approve',
      entity: 'sheet',
      entityId: '1',
      before: null,
      after: '{"version":1}',
    };
    sql(
      server,
      'INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, before, after, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ...Object.values(forged),
      entryHash(GENESIS, forged),
    );
    expect((await boss.json('POST', '/api/tokens', { name: 'after the forgery' })).status).toBeLessThan(300);
    expect(entryIds(server, 'id > 1000')).toHaveLength(1);
    await expectBrokenAt(trail, 1000);

    const fresh = await appTrail();
    sql(fresh.server, "INSERT INTO audit_log (user_id, action, entity, entity_id) VALUES (1, 'user.create', 'user', '9')");
    const [unsealed] = entryIds(fresh.server, 'hash IS NULL');
    await expectBrokenAt(fresh, unsealed);
  });

  it('exports every entry with its hash, which the documented standalone check verifies', async () => {
    const { server, auditor } = await appTrail();
    const response = await auditor.request('GET', '/api/audit/export?format=jsonl');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const text = await response.text();
    const lines = text.trimEnd().split('\n');
    const verdict = (await auditor.json('GET', '/api/audit/verify')).body;
    expect(lines).toHaveLength(verdict.entries);
    expect(JSON.parse(lines[lines.length - 1]).hash).toBe(verdict.head);
    expect(Object.keys(JSON.parse(lines[0]))).toEqual(['id', 'at', 'userId', 'action', 'entity', 'entityId', 'before', 'after', 'hash']);
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(entryIds(server, '1 = 1'));

    const script = documentedCheck();
    const dir = tempDir('tickmark-export-');
    const intact = join(dir, 'audit-trail.jsonl');
    writeFileSync(intact, text);
    const check = spawnSync('python3', [script, intact], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.stdout).toBe(`${verdict.entries} entries, chain intact, head ${verdict.head}\n`);
    expect(check.status).toBe(0);

    const at = lines.findIndex((l) => JSON.parse(l).action === 'exception.resolved');
    const edited = lines.map((l, i) => (i === at ? l.replace('"status":"resolved"', '"status":"open"') : l));
    expect(edited[at]).not.toBe(lines[at]);
    const tampered = join(dir, 'edited.jsonl');
    writeFileSync(tampered, `${edited.join('\n')}\n`);
    const caught = spawnSync('python3', [script, tampered], { encoding: 'utf8' });
    expect(caught.status).toBe(1);
    expect(caught.stdout).toBe(`entry ${JSON.parse(lines[at]).id} (line ${at + 1}) does not match the chain\n`);
  });
});
