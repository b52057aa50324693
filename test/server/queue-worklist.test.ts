/**
 * The queue as a worklist, at the API: one comment per action, the spreadsheet upload's dry run
 * (before → after, item by item, nothing applied) and its refusal of rows whose item moved
 * since the export, the export's Comments column and Filter sheet, bulk answers naming the
 * items they were for, and the filters a worklist needs (every sheet, age, a set of ids).
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../db/users.service.js';
import {
  admin,
  approveLatest,
  Client,
  fileForm,
  PASSWORD,
  QTY_EXCEPTION,
  qtyRecon,
  testServer,
  userWithRole,
  type TestServer,
} from './helpers.js';

const SHEET = qtyRecon;
const RECON = QTY_EXCEPTION;

type Item = { id: number; key: string; status: string; label: string | null; sheetName: string; updatedAt: string };

async function newSheet(boss: Client, approver: Client, name: string) {
  const made = await boss.json('POST', '/api/sheets', fileForm({}, { name: `${name}.json`, text: JSON.stringify(SHEET(RECON)) }));
  expect(made.status).toBe(201);
  await approveLatest(boss, made.body.id, approver);
  return made.body.id as number;
}

/** One official run over FO and BR rows written `id:qty`. */
async function runDay(server: TestServer, client: Client, sheetId: number, fo: string[], br: string[]) {
  const data: Record<string, number> = {};
  for (const [name, header, rows] of [
    ['FO', 'id,qty', fo],
    ['BR', 'ref,qty', br],
  ] as const) {
    const text = `${header}\n${rows.map((r) => r.replace(':', ',')).join('\n')}\n`;
    data[name] = (await client.json('POST', '/api/datasets', fileForm({ name }, { name: `${name}.csv`, text }))).body.id;
  }
  const started = await client.json('POST', `/api/sheets/${sheetId}/runs`, { data });
  expect(started.status).toBe(202);
  await server.runs.idle();
  expect((await client.json('GET', `/api/runs/${started.body.id}`)).body.status).toBe('succeeded');
}

async function items(client: Client, query = ''): Promise<Record<string, Item>> {
  const { body } = await client.json('GET', `/api/queue?limit=100${query}`);
  return Object.fromEntries(body.items.map((i: Item) => [`${i.sheetName}/${i.key}`, i]));
}

const comments = async (client: Client, id: number) =>
  (await client.json('GET', `/api/queue/${id}`)).body.activity.comments as { body: string; userName: string | null; user: string }[];

async function setUp() {
  const server = testServer();
  const boss = await admin(server);
  const alice = await userWithRole(server, 'approver');
  const sheetId = await newSheet(boss, alice, 'desk');
  // Day 1: A and B break on quantity, C is missing at the broker.
  await runDay(server, boss, sheetId, ['A:1', 'B:2', 'C:3'], ['A:9', 'B:9']);
  return { server, boss, alice, sheetId, byKey: await items(boss) };
}

async function exportRows(client: Client, query: string) {
  const response = await client.request('GET', `/api/queue/export.xlsx?${query}`);
  expect(response.status).toBe(200);
  const book = XLSX.read(new Uint8Array(await response.arrayBuffer()));
  return { book, rows: XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Queue, { header: 1, defval: '' }) };
}

function upload(client: Client, table: unknown[][], dryRun: boolean) {
  const out = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(out, XLSX.utils.aoa_to_sheet(table), 'Queue');
  const form = new FormData();
  form.append('file', new File([new Uint8Array(XLSX.write(out, { type: 'buffer', bookType: 'xlsx' }) as Buffer)], 'queue.xlsx'));
  return client.json('POST', `/api/queue/import${dryRun ? '?dryRun=true' : ''}`, form);
}

describe('the queue as a worklist (API)', () => {
  it('posts exactly one comment per action, whichever way the action comes', async () => {
    const { boss, alice, byKey } = await setUp();
    const a = byKey['desk/p1:A'];
    const b = byKey['desk/p1:B'];
    const resolved = await alice.json('PATCH', `/api/queue/${a.id}`, { status: 'resolved', comment: 'rebooked at 9' });
    expect(resolved.body.status).toBe('resolved');
    const afterResolve = await comments(boss, a.id);
    expect(afterResolve.map((c) => c.body)).toEqual(['rebooked at 9']);
    // The author by name, e-mail kept for hover.
    expect(afterResolve[0]).toMatchObject({ userName: 'approver', user: expect.stringMatching(/^approver-.*@example\.com$/) });
    const detail = (await boss.json('GET', `/api/queue/${a.id}`)).body;
    const resolveEntries = detail.activity.history.filter((h: { action: string }) => h.action === 'exception.resolved');
    expect(resolveEntries).toHaveLength(1);
    expect(resolveEntries[0]).toMatchObject({ userName: 'approver', after: { status: 'resolved', comment: 'rebooked at 9' } });

    // Bulk: one comment on each item, not one per field the change touches.
    const bulk = await alice.json('POST', '/api/queue/bulk', {
      ids: [b.id, byKey['desk/left:C'].id],
      change: { status: 'resolved', label: 'desk error', comment: 'booked late' },
    });
    expect(bulk).toMatchObject({ status: 200, body: { updated: 2, ids: [b.id, byKey['desk/left:C'].id] } });
    expect((await comments(boss, b.id)).map((c) => c.body)).toEqual(['booked late']);
    expect((await comments(boss, byKey['desk/left:C'].id)).map((c) => c.body)).toEqual(['booked late']);
    // A comment with nothing else is one comment too.
    await alice.json('PATCH', `/api/queue/${a.id}`, { comment: 'confirmed with the broker' });
    expect((await comments(boss, a.id)).map((c) => c.body)).toEqual(['rebooked at 9', 'confirmed with the broker']);
  });

  it('previews an uploaded spreadsheet item by item, applies it only when asked, and refuses it twice', async () => {
    const { server, boss, alice, byKey } = await setUp();
    createUser(server.db, { email: 'bob@example.com', name: 'Bob', password: PASSWORD, role: 'author' });
    const { rows } = await exportRows(alice, 'status=open');
    const header = rows[0] as string[];
    const col = (name: string) => header.indexOf(name);
    expect(header.slice(0, 6)).toEqual(['Id', 'Status', 'Owner', 'Label', 'Comment', 'Comments']);
    const rowOf = (key: string) => rows.findIndex((r) => r[col('Key')] === key);
    const table = rows.map((r) => [...r]);
    table[rowOf('p1:A')].splice(1, 4, 'Resolved', 'Bob', 'fat finger', 'fixed by the desk');
    table[rowOf('p1:B')].splice(3, 1, 'late confirm');

    const preview = await upload(alice, table, true);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      dryRun: true,
      unchanged: 1,
      changes: [
        {
          id: byKey['desk/p1:A'].id,
          place: `queue.xlsx, row ${rowOf('p1:A') + 1}`,
          sheetName: 'desk',
          kind: 'quantity',
          key: 'p1:A',
          version: 1,
          fields: [
            { field: 'Status', before: 'open', after: 'resolved' },
            { field: 'Owner', before: null, after: 'Bob' },
            { field: 'Label', before: null, after: 'fat finger' },
            { field: 'Comment', before: null, after: 'fixed by the desk' },
          ],
        },
        {
          id: byKey['desk/p1:B'].id,
          place: `queue.xlsx, row ${rowOf('p1:B') + 1}`,
          sheetName: 'desk',
          kind: 'quantity',
          key: 'p1:B',
          version: 1,
          fields: [{ field: 'Label', before: null, after: 'late confirm' }],
        },
      ],
    });
    // The dry run wrote nothing.
    const untouched = await items(boss);
    expect([untouched['desk/p1:A'].status, untouched['desk/p1:A'].label, untouched['desk/p1:B'].label]).toEqual(['open', null, null]);
    expect(await comments(boss, byKey['desk/p1:A'].id)).toEqual([]);

    const applied = await upload(alice, table, false);
    expect(applied).toMatchObject({ status: 200, body: { updated: 2 } });
    expect((await comments(boss, byKey['desk/p1:A'].id)).map((c) => c.body)).toEqual(['fixed by the desk']);

    // The same file again: A changed since its export and the row would post its comment a
    // second time, so it is refused; B's row now matches B and has nothing left to do.
    const again = await upload(alice, table, true);
    expect(again.status).toBe(422);
    expect(again.body.error.details).toEqual([
      {
        place: `queue.xlsx, row ${rowOf('p1:A') + 1}`,
        field: 'Last change',
        message: expect.stringMatching(
          new RegExp(
            `^exception ${byKey['desk/p1:A'].id} was changed by approver at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC after this file was exported: download the queue again$`,
          ),
        ),
      },
    ]);
    expect((await upload(alice, table, false)).status).toBe(422);
    expect((await comments(boss, byKey['desk/p1:A'].id)).map((c) => c.body)).toEqual(['fixed by the desk']);
  });

  it('refuses a whole upload when one edited row is stale, while unedited stale rows pass', async () => {
    const { server, boss, alice, byKey } = await setUp();
    createUser(server.db, { email: 'al1@example.com', name: 'Al', password: PASSWORD, role: 'author' });
    createUser(server.db, { email: 'al2@example.com', name: 'Al', password: PASSWORD, role: 'author' });
    const { rows } = await exportRows(alice, '');
    const header = rows[0] as string[];
    const rowOf = (key: string) => rows.findIndex((r) => r[header.indexOf('Key')] === key);
    // Someone else works A and C after the export.
    await boss.json('PATCH', `/api/queue/${byKey['desk/p1:A'].id}`, { label: 'broker error' });
    await boss.json('PATCH', `/api/queue/${byKey['desk/left:C'].id}`, { label: 'late' });
    const table = rows.map((r) => [...r]);
    table[rowOf('p1:A')][1] = 'resolved'; // edited, and A moved since: refused
    table[rowOf('left:C')][3] = 'late'; // edited to what C already is: nothing to do, passes
    table[rowOf('p1:B')][2] = 'Al'; // two users are called Al
    const refused = await upload(alice, table, true);
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toEqual([
      {
        place: `queue.xlsx, row ${rowOf('p1:A') + 1}`,
        field: 'Last change',
        message: expect.stringMatching(new RegExp(`^exception ${byKey['desk/p1:A'].id} was changed by Ada at `)),
      },
      { place: `queue.xlsx, row ${rowOf('p1:B') + 1}`, field: 'Owner', message: '2 users are called "Al": write the e-mail instead' },
    ]);
    // Row A written as A is now (open, labelled by Ada): nothing to do, so its age does not matter.
    table[rowOf('p1:A')].splice(1, 3, 'open', '', 'broker error');
    table[rowOf('p1:B')][2] = 'al2@example.com';
    const preview = await upload(alice, table, true);
    expect(preview.body.changes.map((c: { key: string; fields: unknown[] }) => [c.key, c.fields])).toEqual([
      ['p1:B', [{ field: 'Owner', before: null, after: 'Al' }]],
    ]);
    // A file without the Last change column cannot be checked, so it is refused by name.
    const noStamp = table.map((r) => r.filter((_, i) => i !== header.indexOf('Last change')));
    expect((await upload(alice, noStamp, true)).body.error.message).toBe('queue.xlsx, sheet Queue, row 1: missing column(s) Last change');
  });

  it('exports every comment (name, time: text, newest last) and the filter it was made with', async () => {
    const { server, boss, alice, sheetId, byKey } = await setUp();
    const a = byKey['desk/p1:A'];
    await alice.json('PATCH', `/api/queue/${a.id}`, { comment: 'asked the broker' });
    await boss.json('PATCH', `/api/queue/${a.id}`, { assigneeId: 1, comment: 'mine now' });
    // Day 2 clears A, so Tickmark adds its own note.
    await runDay(server, boss, sheetId, ['A:9', 'B:2', 'C:3'], ['A:9', 'B:9']);
    const expected = (await comments(boss, a.id)).map(
      (c) => `${c.userName ?? 'Tickmark'}, ${(c as unknown as { at: string }).at.slice(0, 16).replace('T', ' ')}: ${c.body}`,
    );
    expect(expected).toHaveLength(3);
    expect(expected[2]).toMatch(/^Tickmark, .*: not found by run \d+: cleared$/);
    const { book, rows } = await exportRows(alice, `sheetId=${sheetId}&status=closed&assignee=1`);
    const header = rows[0] as string[];
    expect(rows).toHaveLength(2);
    expect(rows[1][header.indexOf('Id')]).toBe(a.id);
    expect(rows[1][header.indexOf('Owner')]).toBe('Ada');
    expect(String(rows[1][header.indexOf('Comments')]).split('\n')).toEqual([
      expect.stringMatching(/^approver, \d{4}-\d\d-\d\d \d\d:\d\d: asked the broker$/),
      expect.stringMatching(/^Ada, .*: mine now$/),
      expected[2],
    ]);
    expect(String(rows[1][header.indexOf('Comments')]).split('\n')).toEqual(expected);
    const filter = XLSX.utils.sheet_to_json<string[]>(book.Sheets.Filter, { header: 1 });
    expect(filter.slice(1).map(([k, v]) => [k, k === 'Exported' ? 'now' : v])).toEqual([
      ['Exported', 'now'],
      ['Exceptions', '1'],
      ['Sheet', 'desk'],
      ['Status', 'closed'],
      ['Kind', 'any'],
      ['Owner', 'Ada'],
      ['Label', 'any'],
      ['Age', 'any'],
      ['Search', 'none'],
    ]);
  });

  it('lists every sheet at once, filters by age, and says which of a selection still match', async () => {
    const { server, boss, alice, byKey } = await setUp();
    const other = await newSheet(boss, alice, 'other desk');
    await runDay(server, boss, other, ['Z:1'], ['Z:2']);
    const all = await items(boss);
    expect(Object.keys(all).sort()).toEqual(['desk/left:C', 'desk/p1:A', 'desk/p1:B', 'other desk/p1:Z']);
    const facets = (await boss.json('GET', '/api/queue/facets')).body;
    expect(facets).toEqual({ kinds: ['left only', 'quantity'], labels: [] });
    expect((await boss.json('GET', `/api/queue/facets?sheetId=${other}`)).body.kinds).toEqual(['quantity']);

    // Age: make A ten days old; a filter of at least 7 days finds it alone.
    server.db.$client.prepare(`UPDATE exception_items SET age_from = date('now', '-10 days') WHERE id = ?`).run(byKey['desk/p1:A'].id);
    expect(Object.keys(await items(boss, '&minAge=7'))).toEqual(['desk/p1:A']);
    const byAge = await alice.json('POST', '/api/queue/bulk', { filter: { minAge: 7 }, change: { label: 'old' } });
    expect(byAge.body).toEqual({ updated: 1, ids: [byKey['desk/p1:A'].id], items: [{ id: byKey['desk/p1:A'].id, version: 2 }] });

    // Resolve A and B from an open-only list: which of the two still match "open"? Neither.
    const picked = [byKey['desk/p1:A'].id, byKey['desk/p1:B'].id];
    await alice.json('POST', '/api/queue/bulk', { ids: picked, change: { status: 'resolved' } });
    expect((await boss.json('GET', `/api/queue?status=open&ids=${picked.join(',')}`)).body.total).toBe(0);
    expect((await boss.json('GET', `/api/queue?status=resolved&ids=${picked.join(',')}`)).body.total).toBe(2);
    expect((await boss.json('GET', '/api/queue?ids=1,x')).status).toBe(400);
  });
});
