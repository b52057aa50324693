/**
 * The queue's filters by age window (minAge..maxAge, both inclusive) and its guard against lost
 * updates: every change bumps an item's version, and a change naming an older version is
 * refused with 409 `stale` (who changed it, when, the current version) instead of silently
 * overwriting someone else's work.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import * as XLSX from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { admin, approveLatest, Client, fileForm, qtyRecon, testServer, userWithRole, type TestServer } from './helpers.js';

const SHEET = {
  sheets: [
    { name: 'Settings', cells: [['Type', 'Reconciliation']] },
    { name: 'Rows', cells: [['Exception'], ['']] },
  ],
  names: [],
};

/** A sheet to hang items on; its own runs are not needed, the items are planted by hand. */
async function newSheet(client: Client, name = 'desk'): Promise<number> {
  const made = await client.json('POST', '/api/sheets', fileForm({}, { name: `${name}.json`, text: JSON.stringify(SHEET) }));
  expect(made.status).toBe(201);
  return made.body.id as number;
}

/** An open item whose age counts from `daysAgo` days before today (age_from is a date). */
function plant(server: TestServer, sheetId: number, key: string, daysAgo: number): number {
  return server.db.$client
    .prepare(
      `INSERT INTO exception_items (sheet_id, kind, key, status, "values", first_seen_at, age_from)
       VALUES (?, 'quantity', ?, 'open', '[]', strftime('%Y-%m-%dT%H:%M:%fZ','now'), date('now', ?)) RETURNING id`,
    )
    .pluck()
    .get(sheetId, key, `-${daysAgo} days`) as number;
}

describe('queue age window', () => {
  it('minAge=3&maxAge=7 returns exactly the items 3 to 7 days old', async () => {
    const server = testServer();
    const boss = await admin(server);
    const sheetId = await newSheet(boss);
    for (let days = 0; days <= 10; days++) plant(server, sheetId, `age-${days}`, days);

    const keys = async (query: string) => {
      const { status, body } = await boss.json('GET', `/api/queue?limit=100&sort=id${query}`);
      expect(status).toBe(200);
      return (body.items as { key: string; ageDays: number }[]).map((i) => `${i.key}=${i.ageDays}`);
    };
    expect(await keys('&minAge=3&maxAge=7')).toEqual(['age-3=3', 'age-4=4', 'age-5=5', 'age-6=6', 'age-7=7']);
    expect(await keys('&maxAge=0')).toEqual(['age-0=0']);
    expect(await keys('&maxAge=1')).toEqual(['age-0=0', 'age-1=1']);
    expect(await keys('&minAge=9')).toEqual(['age-9=9', 'age-10=10']);
    expect(await keys('&minAge=5&maxAge=4')).toEqual([]);

    // The same window is what bulk "every match" and the export act on.
    const bulk = await boss.json('POST', '/api/queue/bulk', { filter: { minAge: 3, maxAge: 7 }, change: { label: 'week' } });
    expect(bulk.status).toBe(200);
    expect(bulk.body.updated).toBe(5);
    expect(await keys('&label=week')).toEqual(['age-3=3', 'age-4=4', 'age-5=5', 'age-6=6', 'age-7=7']);

    for (const bad of ['maxAge=-1', 'maxAge=100001', 'maxAge=2.5', 'maxAge=x']) {
      const { status, body } = await boss.json('GET', `/api/queue?${bad}`);
      expect(status, bad).toBe(400);
      expect(JSON.stringify(body), bad).toContain('maxAge');
    }
  });
});

const listening: ServerType[] = [];
afterAll(async () => {
  for (const s of listening) await new Promise((resolve) => s.close(resolve));
});

/** The same app listening on a real port, and a server whose `app.request` goes over HTTP to it. */
async function overHttp(server: TestServer): Promise<TestServer> {
  const http: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  listening.push(http);
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const app = { request: (path: string, init: RequestInit) => fetch(`${base}${path}`, init) };
  return { ...server, app: app as unknown as TestServer['app'] };
}

async function setUp() {
  const server = testServer();
  const boss = await admin(server);
  const sheetId = await newSheet(boss);
  const ids = ['A', 'B', 'C'].map((key) => plant(server, sheetId, key, 1));
  const http = await overHttp(server);
  const alice = new Client(http);
  const bob = new Client(http);
  for (const [client, email, name] of [
    [alice, 'alice@example.com', 'Alice'],
    [bob, 'bob@example.com', 'Bob'],
  ] as const) {
    expect((await boss.json('POST', '/api/users', { email, name, role: 'author', password: 'correct horse battery' })).status).toBe(201);
    await client.login(email, 'correct horse battery');
  }
  return { server, boss, alice, bob, ids };
}

const version = async (client: Client, id: number) => (await client.json('GET', `/api/queue/${id}`)).body.version as number;

describe('queue versions', () => {
  it('bumps the version with every change and gives it as the ETag', async () => {
    const { boss, ids } = await setUp();
    const [a] = ids;
    const read = await boss.request('GET', `/api/queue/${a}`);
    expect(read.headers.get('etag')).toBe('"1"');
    expect((await read.json()).version).toBe(1);
    // A change without a version (a script) is accepted, and still moves the version on.
    const labelled = await boss.json('PATCH', `/api/queue/${a}`, { label: 'fx' });
    expect(labelled).toMatchObject({ status: 200, body: { label: 'fx', version: 2 } });
    expect((await boss.json('PATCH', `/api/queue/${a}`, { comment: 'asked the desk', version: 2 })).body.version).toBe(3);
    expect((await boss.json('PATCH', `/api/queue/${a}`, { status: 'in_review', version: 3 })).body.version).toBe(4);
    const bulk = await boss.json('POST', '/api/queue/bulk', { ids, change: { label: 'week' } });
    expect(bulk.body).toEqual({
      updated: 3,
      ids,
      items: [
        { id: ids[0], version: 5 },
        { id: ids[1], version: 2 },
        { id: ids[2], version: 2 },
      ],
    });
    const listed = (await boss.json('GET', '/api/queue?sort=id')).body.items as { id: number; version: number }[];
    expect(listed.map((i) => i.version)).toEqual([5, 2, 2]);
  });

  it('lets exactly one of two simultaneous updates of the same version through; the other gets 409 stale', async () => {
    const { boss, alice, bob, ids } = await setUp();
    const a = ids[0];
    for (let round = 0; round < 5; round++) {
      const seen = await version(boss, a);
      const [byAlice, byBob] = await Promise.all([
        alice.json('PATCH', `/api/queue/${a}`, { label: `alice ${round}`, version: seen }),
        bob.request('PATCH', `/api/queue/${a}`, { label: `bob ${round}` }, { 'If-Match': `"${seen}"` }),
      ]);
      const bobBody = await byBob.json();
      const statuses = [byAlice.status, byBob.status].sort();
      expect(statuses, `round ${round}`).toEqual([200, 409]);
      const [winner, loser] = byAlice.status === 200 ? ['Alice', bobBody] : ['Bob', byAlice.body];
      const stored = (await boss.json('GET', `/api/queue/${a}`)).body;
      expect(stored.label).toBe(`${winner.toLowerCase()} ${round}`);
      expect(stored.version).toBe(seen + 1);
      expect(loser.error.code).toBe('stale');
      expect(loser.error.message).toMatch(
        new RegExp(`^exception ${a} was changed by ${winner} at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC since you opened it`),
      );
      expect(loser.error.details).toEqual([
        { id: a, place: `item ${a}`, yourVersion: seen, version: seen + 1, changedBy: winner, changedAt: expect.any(String) },
      ]);
      // The loser's change left no trace: one audit entry for the round, by the winner.
      const labels = stored.activity.history.filter((h: { after: { label?: string } }) => h.after?.label?.endsWith(` ${round}`));
      expect(labels.map((h: { userName: string }) => h.userName)).toEqual([winner]);
    }
  });

  it('refuses a stale If-Match, a bad one, and a header and body that disagree', async () => {
    const { boss, ids } = await setUp();
    const a = ids[0];
    await boss.json('PATCH', `/api/queue/${a}`, { label: 'moved' });
    const stale = await boss.request('PATCH', `/api/queue/${a}`, { label: 'late' }, { 'If-Match': '"1"' });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.details[0]).toMatchObject({ yourVersion: 1, version: 2, changedBy: 'Ada' });
    expect((await boss.json('GET', `/api/queue/${a}`)).body.label).toBe('moved');
    const bad = await boss.request('PATCH', `/api/queue/${a}`, { label: 'x' }, { 'If-Match': 'latest' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain('if-match');
    const disagree = await boss.request('PATCH', `/api/queue/${a}`, { label: 'x', version: 2 }, { 'If-Match': '"1"' });
    expect(disagree.status).toBe(400);
    expect((await disagree.json()).error.message).toContain('If-Match says version 1 but the body says 2');
    // Weak ETag form is taken too.
    expect((await boss.request('PATCH', `/api/queue/${a}`, { label: 'ok' }, { 'If-Match': 'W/"2"' })).status).toBe(200);
  });

  it('refuses a whole bulk change when any item moved since the person saw it, listing the stale ones', async () => {
    const { boss, alice, ids } = await setUp();
    const [a, b, c] = ids;
    await alice.json('PATCH', `/api/queue/${b}`, { label: 'mine' });
    const refused = await boss.json('POST', '/api/queue/bulk', {
      items: [
        { id: a, version: 1 },
        { id: b, version: 1 },
        { id: c, version: 1 },
      ],
      change: { status: 'in_review' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('stale');
    expect(refused.body.error.details).toEqual([expect.objectContaining({ id: b, yourVersion: 1, version: 2, changedBy: 'Alice' })]);
    const after = (await boss.json('GET', '/api/queue?sort=id')).body.items as { status: string; version: number }[];
    expect(after.map((i) => [i.status, i.version])).toEqual([
      ['open', 1],
      ['open', 2],
      ['open', 1],
    ]);
    const twoStale = await boss.json('POST', '/api/queue/bulk', {
      items: [
        { id: a, version: 7 },
        { id: b, version: 1 },
      ],
      change: { label: 'x' },
    });
    expect(twoStale.body.error.message).toBe(
      `2 exceptions changed since you looked at them (${a}, ${b}): reload and try again; nothing was applied`,
    );
    const fresh = await boss.json('POST', '/api/queue/bulk', {
      items: [
        { id: a, version: 1 },
        { id: b, version: 2 },
      ],
      change: { status: 'in_review' },
    });
    expect(fresh.body).toMatchObject({
      updated: 2,
      items: [
        { id: a, version: 2 },
        { id: b, version: 3 },
      ],
    });
    expect((await boss.json('POST', '/api/queue/bulk', { ids: [a], items: [{ id: a, version: 2 }], change: { label: 'y' } })).status).toBe(
      400,
    );
  });

  it("refuses a spreadsheet apply when an item moved after the dry run, with the dry run's versions", async () => {
    const { boss, alice, ids } = await setUp();
    const exported = await boss.request('GET', '/api/queue/export.xlsx');
    const rows = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(new Uint8Array(await exported.arrayBuffer())).Sheets.Queue, {
      header: 1,
      defval: '',
    });
    const label = (rows[0] as string[]).indexOf('Label');
    const table = rows.map((r, i) => (i === 1 ? r.map((v, j) => (j === label ? 'from the sheet' : v)) : r));
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(table), 'Queue');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const send = (query: string, versions?: string) => {
      const form = new FormData();
      form.append('file', new File([bytes], 'queue.xlsx'));
      if (versions !== undefined) form.append('versions', versions);
      return boss.json('POST', `/api/queue/import${query}`, form);
    };
    const preview = await send('?dryRun=true');
    expect(preview.body.changes).toEqual([expect.objectContaining({ id: ids[0], version: 1 })]);
    const seen = JSON.stringify(Object.fromEntries(preview.body.changes.map((c: { id: number; version: number }) => [c.id, c.version])));

    expect((await send('', '[1]')).body.error.message).toContain('versions: must be JSON');
    await alice.json('PATCH', `/api/queue/${ids[0]}`, { comment: 'looking' });
    const refused = await send('', seen);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual([
      expect.objectContaining({ id: ids[0], place: 'queue.xlsx, row 2', yourVersion: 1, version: 2, changedBy: 'Alice' }),
    ]);
    expect((await boss.json('GET', `/api/queue/${ids[0]}`)).body.label).toBeNull();
  });

  it('moves the version on when a run continues an item, reopens it or clears it', async () => {
    const server = testServer();
    const boss = await admin(server);
    const approver = await userWithRole(server, 'approver');
    const recon = qtyRecon();
    const made = await boss.json('POST', '/api/sheets', fileForm({}, { name: 'recon.json', text: JSON.stringify(recon) }));
    await approveLatest(boss, made.body.id, approver);
    const runDay = async (fo: string, br: string) => {
      const data: Record<string, number> = {};
      for (const [name, text] of [
        ['FO', `id,qty\n${fo}\n`],
        ['BR', `ref,qty\n${br}\n`],
      ])
        data[name] = (await boss.json('POST', '/api/datasets', fileForm({ name }, { name: `${name}.csv`, text }))).body.id;
      expect((await boss.json('POST', `/api/sheets/${made.body.id}/runs`, { data })).status).toBe(202);
      await server.runs.idle();
      const { items } = (await boss.json('GET', '/api/queue?limit=10')).body;
      return items.find((i: { key: string }) => i.key === 'p1:A') as { id: number; status: string; version: number };
    };
    expect(await runDay('A,1', 'A,9')).toMatchObject({ status: 'open', version: 1 });
    expect(await runDay('A,1\nB,2', 'A,8\nB,2')).toMatchObject({ status: 'open', version: 2 });
    const seen = await runDay('A,1\nB,3', 'A,1\nB,2');
    expect(seen).toMatchObject({ status: 'closed', version: 3 });
    // A person's change made against the item before the run cleared it is refused.
    const late = await boss.json('PATCH', `/api/queue/${seen.id}`, { label: 'x', version: 2 });
    expect(late.status).toBe(409);
    expect(late.body.error.details[0]).toMatchObject({ yourVersion: 2, version: 3, changedBy: 'Tickmark' });
  });
});
