import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { admin, approveLatest, Client, fileForm, qtyRecon, testServer, userWithRole, type TestServer } from './helpers.js';

const SHEET = qtyRecon();

/** One day's files: FO and broker rows as `id:qty`. */
async function runDay(server: TestServer, client: Client, sheetId: number, fo: string[], br: string[]) {
  const data: Record<string, number> = {};
  for (const [name, header, rows] of [
    ['FO', 'id,qty', fo],
    ['BR', 'ref,qty', br],
  ] as const) {
    const text = `${header}\n${rows.map((r) => r.replace(':', ',')).join('\n')}\n`;
    const { status, body } = await client.json('POST', '/api/datasets', fileForm({ name }, { name: `${name}.csv`, text }));
    expect(status).toBeLessThan(300);
    data[name] = body.id;
  }
  const started = await client.json('POST', `/api/sheets/${sheetId}/runs`, { data });
  expect(started.status).toBe(202);
  await server.runs.idle();
  const run = (await client.json('GET', `/api/runs/${started.body.id}`)).body;
  expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
  return run;
}

async function queue(client: Client, query = '') {
  const { body } = await client.json('GET', `/api/queue?limit=100${query}`);
  return Object.fromEntries(body.items.map((i: { key: string }) => [i.key, i])) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function setUp() {
  const server = testServer();
  const boss = await admin(server);
  const alice = await userWithRole(server, 'approver');
  const bob = await userWithRole(server, 'author');
  const users = (await boss.json('GET', '/api/users')).body as { id: number; email: string; role: string }[];
  const id = (role: string) => users.find((u) => u.role === role)!.id;
  const sheet = await boss.json('POST', '/api/sheets', fileForm({}, { name: 'queue.json', text: JSON.stringify(SHEET) }));
  expect(sheet.status).toBe(201);
  await approveLatest(boss, sheet.body.id, alice);
  return { server, boss, alice, bob, aliceId: id('approver'), bobId: id('author'), sheetId: sheet.body.id as number, users };
}

describe('the exception queue', () => {
  it('carries items across three runs: continued, reopened, cleared, force-closed and manual matches kept', async () => {
    const { server, boss, alice, bob, aliceId, bobId, sheetId } = await setUp();

    const run1 = await runDay(server, boss, sheetId, ['E1:100', 'E3:300', 'E4:40'], ['E1:100', 'E3:290', 'X9:40']);
    expect(run1.queueChanges).toEqual({ opened: 3, continued: 0, reopened: 0, cleared: 0, matchedByHand: 0 });
    let items = await queue(boss);
    expect(Object.keys(items).sort()).toEqual(['left:E4', 'p1:E3', 'right:X9']);
    const e3 = items['p1:E3'];
    expect(e3).toMatchObject({ kind: 'quantity', status: 'open', assignee: null, firstSeenRunId: run1.id, ageDays: 0 });
    expect(e3.columns).toEqual(['left.id', 'right.ref', 'match', 'left.qty', 'right.qty', 'Exception']);

    // Work E3: assign to Alice, then to Bob, hand back to Alice, label, comment, resolve.
    expect((await boss.json('PATCH', `/api/queue/${e3.id}`, { assigneeId: aliceId })).body.assignee.id).toBe(aliceId);
    expect((await alice.json('PATCH', `/api/queue/${e3.id}`, { assigneeId: bobId, comment: 'Bob books these' })).status).toBe(200);
    const handedBack = await bob.json('PATCH', `/api/queue/${e3.id}`, { handBack: true, label: 'booking error' });
    expect(handedBack.body).toMatchObject({ assignee: { id: aliceId }, previousAssigneeId: bobId, label: 'booking error' });
    expect((await alice.json('PATCH', `/api/queue/${e3.id}`, { status: 'resolved', comment: 'rebooked 290' })).body.status).toBe(
      'resolved',
    );

    // A force-close needs a reason; a left-only must be matched with a right-only.
    const noReason = await alice.json('PATCH', `/api/queue/${items['left:E4'].id}`, { status: 'closed' });
    expect(noReason).toMatchObject({ status: 422, body: { error: { details: [{ field: 'comment' }] } } });
    const wrongSides = await alice.json('POST', '/api/queue/manual-matches', { leftId: items['right:X9'].id, rightId: e3.id });
    expect(wrongSides.status).toBe(422);
    expect(wrongSides.body.error.details.map((d: { message: string }) => d.message)).toEqual([
      `exception ${items['right:X9'].id} is not a left-only break`,
      `exception ${e3.id} is not a right-only break`,
    ]);
    const matched = await alice.json('POST', '/api/queue/manual-matches', {
      leftId: items['left:E4'].id,
      rightId: items['right:X9'].id,
      note: 'broker booked E4 as X9',
    });
    expect(matched.status).toBe(201);

    // Day 2: E3 still breaks (resolved, so it reopens), E4/X9 stay matched by hand, E5 is new.
    const run2 = await runDay(server, boss, sheetId, ['E1:100', 'E3:300', 'E4:40', 'E5:5'], ['E1:100', 'E3:290', 'X9:40']);
    expect(run2.queueChanges).toEqual({ opened: 1, continued: 3, reopened: 1, cleared: 0, matchedByHand: 0 });
    items = await queue(boss);
    expect(items['p1:E3']).toMatchObject({ status: 'open', assignee: { id: aliceId }, label: 'booking error', firstSeenRunId: run1.id });
    expect(items['left:E4']).toMatchObject({ status: 'closed', closeReason: 'manual_match', lastSeenRunId: run2.id });
    expect(items['right:X9']).toMatchObject({ status: 'closed', closeReason: 'manual_match' });
    const forced = await alice.json('PATCH', `/api/queue/${items['left:E5'].id}`, { status: 'closed', comment: 'test trade, cancelled' });
    expect(forced.body).toMatchObject({ status: 'closed', closeReason: 'force_closed' });

    // Day 3: E3 agrees now and clears; E5 is still there but stays force-closed.
    const run3 = await runDay(server, boss, sheetId, ['E1:100', 'E3:290', 'E4:40', 'E5:5'], ['E1:100', 'E3:290', 'X9:40']);
    expect(run3.queueChanges).toEqual({ opened: 0, continued: 3, reopened: 0, cleared: 1, matchedByHand: 0 });
    items = await queue(boss);
    expect(items['p1:E3']).toMatchObject({ status: 'closed', closeReason: 'cleared', lastSeenRunId: run2.id });
    expect(items['left:E5']).toMatchObject({ status: 'closed', closeReason: 'force_closed', lastSeenRunId: run3.id });
    expect(items['left:E4']).toMatchObject({ status: 'closed', closeReason: 'manual_match', lastSeenRunId: run3.id });

    // The item's story: who did what, in order, with the system's own notes.
    const detail = (await boss.json('GET', `/api/queue/${e3.id}`)).body;
    expect(detail.activity.history.map((h: { action: string }) => h.action)).toEqual([
      'exception.open',
      'exception.assign',
      'exception.assign',
      'exception.hand_back',
      'exception.resolved',
      'exception.reopen',
      'exception.cleared',
    ]);
    expect(detail.activity.history[4]).toMatchObject({
      before: { status: 'open' },
      after: { status: 'resolved', comment: 'rebooked 290' },
    });
    expect(detail.activity.comments.map((c: { body: string }) => c.body)).toEqual([
      'Bob books these',
      'rebooked 290',
      `still found by run ${run2.id}: reopened`,
      `not found by run ${run3.id}: cleared`,
    ]);

    // Reopening one side of a manual match undoes it: both sides are open again.
    await alice.json('PATCH', `/api/queue/${items['left:E4'].id}`, { status: 'open', comment: 'wrong pairing' });
    items = await queue(boss);
    expect([items['left:E4'].status, items['right:X9'].status]).toEqual(['open', 'open']);
  });

  it('applies bulk changes by ids or filter, all or nothing', async () => {
    const { server, boss, aliceId, sheetId } = await setUp();
    await runDay(server, boss, sheetId, ['A:1', 'B:2', 'C:3', 'D:4'], ['A:9', 'B:9']);
    const items = await queue(boss);
    const byFilter = await boss.json('POST', '/api/queue/bulk', {
      filter: { kind: 'left only', sheetId: String(sheetId) },
      change: { assigneeId: aliceId, label: 'late booking' },
    });
    expect(byFilter).toMatchObject({ status: 200, body: { updated: 2 } });
    expect((await queue(boss, `&assignee=${aliceId}`))['left:C'].label).toBe('late booking');
    await boss.json('PATCH', `/api/queue/${items['p1:A'].id}`, { status: 'resolved' });
    // in_review from resolved is not allowed: the whole selection is refused.
    const refused = await boss.json('POST', '/api/queue/bulk', {
      ids: [items['p1:A'].id, items['p1:B'].id],
      change: { status: 'in_review' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toEqual([
      { place: `item ${items['p1:A'].id}`, field: 'status', message: 'cannot go from resolved to in_review' },
    ]);
    expect((await queue(boss))['p1:B'].status).toBe('open');
    const nothing = await boss.json('POST', '/api/queue/bulk', { filter: { label: 'no such label' }, change: { status: 'resolved' } });
    expect(nothing).toMatchObject({ status: 422, body: { error: { code: 'nothing_selected' } } });
    const both = await boss.json('POST', '/api/queue/bulk', { ids: [1], filter: {}, change: {} });
    expect(both.status).toBe(400);
  });

  it('resolves in bulk through a spreadsheet: every bad row listed, nothing applied until all are valid', async () => {
    const { server, boss, alice, users, sheetId } = await setUp();
    const ownerEmail = users.find((u) => u.role === 'admin')!.email;
    await runDay(server, boss, sheetId, ['A:1', 'B:2', 'C:3'], ['A:9', 'B:9', 'C:9']);
    const download = await alice.request('GET', `/api/queue/export.xlsx?sheetId=${sheetId}`);
    expect(download.headers.get('content-type')).toMatch(/spreadsheetml/);
    const book = XLSX.read(new Uint8Array(await download.arrayBuffer()));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Queue, { header: 1 });
    expect(rows[0]).toEqual(expect.arrayContaining(['Id', 'Status', 'Owner', 'Label', 'Comment', 'left.qty', 'right.qty']));
    expect(rows).toHaveLength(4);
    const edit = (cells: Record<number, [string, string, string, string]>) => {
      const copy = rows.map((r) => [...r]);
      for (const [row, [status, owner, label, comment]] of Object.entries(cells))
        copy[Number(row)].splice(1, 4, status, owner, label, comment);
      const out = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(out, XLSX.utils.aoa_to_sheet(copy), 'Queue');
      return XLSX.write(out, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    };
    const upload = (bytes: Buffer) => {
      const form = new FormData();
      form.append('file', new File([new Uint8Array(bytes)], 'queue.xlsx'));
      return alice.json('POST', '/api/queue/import', form);
    };
    const bad = await upload(
      edit({
        1: ['Resolved', ownerEmail, 'fat finger', 'fixed'],
        2: ['done', '', '', ''],
        3: ['In review', 'nobody@example.com', '', ''],
      }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual([
      { place: 'queue.xlsx, row 3', field: 'Status', message: '"done" is not a status (open, in review, resolved, closed)' },
      { place: 'queue.xlsx, row 4', field: 'Owner', message: 'no user has the e-mail "nobody@example.com"' },
    ]);
    expect(Object.values(await queue(boss)).map((i) => i.status)).toEqual(['open', 'open', 'open']);

    const good = await upload(
      edit({
        1: ['Resolved', ownerEmail, 'fat finger', 'fixed'],
        2: ['closed', '', 'duplicate', 'booked twice by the desk'],
        3: ['In review', '', '', ''],
      }),
    );
    expect(good).toMatchObject({ status: 200, body: { updated: 3 } });
    const after = Object.values(await queue(boss)).sort((a, b) => a.id - b.id);
    expect(after.map((i) => [i.status, i.label, i.assignee?.email ?? null])).toEqual([
      ['resolved', 'fat finger', ownerEmail],
      ['closed', 'duplicate', null],
      ['in_review', null, null],
    ]);
    const garbage = new FormData();
    garbage.append('file', new File([new Uint8Array(Buffer.from('not a workbook'))], 'queue.xlsx'));
    expect((await alice.json('POST', '/api/queue/import', garbage)).body.error).toMatchObject({ code: 'bad_file' });
  });

  it("ages from the sheet's chosen date field when it has one", async () => {
    const { server, boss, alice } = await setUp();
    const aged = structuredClone(SHEET);
    aged.sheets[0].cells.push(['Age from', 'left.trade_date']);
    const sheetId = (await boss.json('POST', '/api/sheets', fileForm({}, { name: 'aged.json', text: JSON.stringify(aged) }))).body.id;
    await approveLatest(boss, sheetId, alice);
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const data: Record<string, number> = {};
    for (const [name, text] of [
      ['FO', `id,qty,trade_date\nE1,1,${daysAgo(12)}\nE2,2,${daysAgo(3)}\n`],
      ['BR', 'ref,qty\nE1,9\n'],
    ])
      data[name] = (await boss.json('POST', '/api/datasets', fileForm({ name }, { name: `${name}.csv`, text }))).body.id;
    await boss.json('POST', `/api/sheets/${sheetId}/runs`, { data });
    await server.runs.idle();
    const items = await queue(boss, `&sheetId=${sheetId}&sort=age`);
    expect(Object.values(items).map((i) => [i.key, i.ageFrom, i.ageDays])).toEqual([
      ['p1:E1', daysAgo(12), 12],
      ['left:E2', daysAgo(3), 3],
    ]);
  });

  it('lets viewers read the queue but not change it; nobody signed out sees it', async () => {
    const { server, boss, sheetId } = await setUp();
    await runDay(server, boss, sheetId, ['A:1'], ['A:2']);
    const item = Object.values(await queue(boss))[0];
    const viewer = await userWithRole(server, 'viewer');
    expect((await viewer.json('GET', `/api/queue/${item.id}`)).status).toBe(200);
    expect((await viewer.json('PATCH', `/api/queue/${item.id}`, { status: 'resolved' })).status).toBe(403);
    expect((await viewer.json('POST', '/api/queue/bulk', { ids: [item.id], change: { label: 'x' } })).status).toBe(403);
    expect((await new Client(server).json('GET', '/api/queue')).status).toBe(401);
    expect((await boss.json('PATCH', `/api/queue/999999`, { status: 'resolved' })).status).toBe(404);
    expect((await boss.json('PATCH', `/api/queue/${item.id}`, { status: 'bogus' })).status).toBe(400);
    expect((await boss.json('PATCH', `/api/queue/${item.id}`, { assigneeId: 424242 })).body.error.details[0].field).toBe('assignee');
  });
});
