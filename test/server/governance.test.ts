/**
 * Version states and four eyes (governance.md 1-2) through the real HTTP stack on a real
 * SQLite file: every state change and every refusal, the sole-admin exception, official
 * runs only of the approved version, test runs that leave the queue alone.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/seed.js';
import { admin, Client, fileForm, limitCheck, testServer, userWithRole, type TestServer } from './helpers.js';

async function setUp() {
  const server = testServer();
  const boss = await admin(server);
  const author = await userWithRole(server, 'author');
  const approver = await userWithRole(server, 'approver');
  const trades = (await boss.json('POST', '/api/datasets', fileForm({ name: 'trades' }, { name: 't.csv', text: 'qty\n5\n50\n500\n' }))).body
    .id as number;
  const sheet = await author.json('POST', '/api/sheets', fileForm({}, { name: 'limits.json', text: JSON.stringify(limitCheck(100)) }));
  expect(sheet.status).toBe(201);
  return { server, boss, author, approver, trades, sheetId: sheet.body.id as number };
}

const versions = async (client: Client, sheetId: number) =>
  (await client.json('GET', `/api/sheets/${sheetId}/versions`)).body as Record<string, unknown>[];

async function run(server: TestServer, client: Client, sheetId: number, body: Record<string, unknown>) {
  const started = await client.json('POST', `/api/sheets/${sheetId}/runs`, body);
  if (started.status !== 202) return started;
  await server.runs.idle();
  return client.json('GET', `/api/runs/${started.body.id}`);
}

describe('version states and four eyes', () => {
  it('takes a version from draft to submitted to approved, and supersedes the one approved before', async () => {
    const { author, approver, sheetId } = await setUp();
    expect((await versions(author, sheetId))[0]).toMatchObject({ version: 1, status: 'draft', author: 'author' });
    const submitted = await author.json('POST', `/api/sheets/${sheetId}/versions/1/submit`, { note: 'limit 100' });
    expect(submitted).toMatchObject({ status: 200, body: { status: 'submitted', approvedVersion: null } });
    expect((await approver.json('GET', '/api/reviews')).body).toEqual([
      expect.objectContaining({ sheetId, version: 1, author: 'author', submitter: 'author', submitNote: 'limit 100' }),
    ]);
    const approved = await approver.json('POST', `/api/sheets/${sheetId}/versions/1/approve`, { note: 'fine' });
    expect(approved).toMatchObject({ status: 200, body: { status: 'approved', approvedVersion: 1 } });
    expect((await approver.json('GET', '/api/reviews')).body).toEqual([]);

    const saved = await author.json('PUT', `/api/sheets/${sheetId}`, { baseVersion: 1, workbook: limitCheck(10) });
    expect(saved.body).toMatchObject({ version: 2, status: 'draft', approvedVersion: 1 });
    await author.json('POST', `/api/sheets/${sheetId}/versions/2/submit`);
    await approver.json('POST', `/api/sheets/${sheetId}/versions/2/approve`);
    const history = await versions(author, sheetId);
    expect(history.map((v) => [v.version, v.status])).toEqual([
      [2, 'approved'],
      [1, 'superseded'],
    ]);
    expect(history[1]).toMatchObject({ submitter: 'author', reviewer: 'approver', reviewNote: 'fine', selfApproved: false });
    expect((await author.json('GET', `/api/sheets/${sheetId}`)).body).toMatchObject({ version: 2, status: 'approved', approvedVersion: 2 });
  });

  it('refuses the author and the submitter with four_eyes, a rejection without a note, and moves out of order', async () => {
    const { boss, author, approver, sheetId } = await setUp();
    // An admin submits the author's draft: now neither may approve it.
    expect((await boss.json('POST', `/api/sheets/${sheetId}/versions/1/submit`)).status).toBe(200);
    const own = await author.json('POST', `/api/sheets/${sheetId}/versions/1/approve`);
    expect(own.status).toBe(403); // an author is not an approver at all
    const bySubmitter = await boss.json('POST', `/api/sheets/${sheetId}/versions/1/approve`);
    expect(bySubmitter).toMatchObject({ status: 403, body: { error: { code: 'four_eyes' } } });
    expect(bySubmitter.body.error.message).toBe('you submitted version 1: someone else must approve it');
    const noNote = await approver.json('POST', `/api/sheets/${sheetId}/versions/1/reject`, { note: '' });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.message).toMatch(/a rejection needs a note saying why/);
    const rejected = await approver.json('POST', `/api/sheets/${sheetId}/versions/1/reject`, { note: 'limit too loose' });
    expect(rejected.body).toMatchObject({ status: 'rejected', approvedVersion: null });
    const again = await approver.json('POST', `/api/sheets/${sheetId}/versions/1/approve`);
    expect(again).toMatchObject({
      status: 409,
      body: { error: { code: 'bad_state', message: 'version 1 is rejected: only a submitted version can be approved' } },
    });
    expect((await versions(author, sheetId))[0]).toMatchObject({ status: 'rejected', reviewer: 'approver', reviewNote: 'limit too loose' });
  });

  it('lets a sole admin approve their own version, and says so in the trail; not once another approver exists', async () => {
    const server = testServer();
    const solo = await admin(server);
    const sheetId = (await solo.json('POST', '/api/sheets', fileForm({}, { name: 'l.json', text: JSON.stringify(limitCheck(100)) }))).body
      .id;
    await solo.json('POST', `/api/sheets/${sheetId}/versions/1/submit`);
    expect((await solo.json('POST', `/api/sheets/${sheetId}/versions/1/approve`)).status).toBe(200);
    const trail = (await solo.json('GET', `/api/audit?entity=sheet&entityId=${sheetId}&action=sheet.version.approve`)).body.rows;
    expect(trail[0].after).toEqual({ version: 1, status: 'approved', note: null, self_approved: true });
    expect((await versions(solo, sheetId))[0]).toMatchObject({ selfApproved: true, reviewer: 'Ada' });

    await userWithRole(server, 'approver');
    await solo.json('PUT', `/api/sheets/${sheetId}`, { baseVersion: 1, workbook: limitCheck(10) });
    await solo.json('POST', `/api/sheets/${sheetId}/versions/2/submit`);
    const refused = await solo.json('POST', `/api/sheets/${sheetId}/versions/2/approve`);
    expect(refused).toMatchObject({
      status: 403,
      body: { error: { code: 'four_eyes', message: 'you wrote version 2: someone else must approve it' } },
    });
  });
});

describe('official runs and test runs', () => {
  it('refuses an official run with no approved version (not_approved), and a schedule too', async () => {
    const { server, author, trades, sheetId } = await setUp();
    const refused = await run(server, author, sheetId, { data: { trades } });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'not_approved' } } });
    expect(refused.body.error.message).toMatch(/^limits has no approved version: an official run needs one/);
    const schedule = await author.json('POST', '/api/schedules', { sheetId, cron: '0 18 * * 1-5', inputs: { trades: 't_*.csv' } });
    expect(schedule).toMatchObject({ status: 409, body: { error: { code: 'not_approved' } } });
    // A paused schedule may wait for the approval; enabling it may not.
    const paused = await author.json('POST', '/api/schedules', {
      sheetId,
      cron: '0 18 * * 1-5',
      inputs: { trades: 't_*.csv' },
      enabled: false,
    });
    expect(paused.status).toBe(201);
    expect((await author.json('PATCH', `/api/schedules/${paused.body.id}`, { enabled: true })).status).toBe(409);
  });

  it('runs the approved version officially, feeding the queue; a test run of a draft leaves the queue alone', async () => {
    const { server, author, approver, trades, sheetId } = await setUp();
    await author.json('POST', `/api/sheets/${sheetId}/versions/1/submit`);
    await approver.json('POST', `/api/sheets/${sheetId}/versions/1/approve`);
    const official = await run(server, author, sheetId, { data: { trades } });
    // Limit 100 flags the 500 only.
    expect(official.body).toMatchObject({ status: 'succeeded', kind: 'official', test: false, version: 1, counts: { exceptions: 1 } });
    expect(official.body.queueChanges).toMatchObject({ opened: 1 });
    const queueBefore = (await author.json('GET', `/api/queue?sheetId=${sheetId}&limit=100`)).body;
    expect(queueBefore.total).toBe(1);

    // A draft with limit 10 (flags 50 and 500), run as a test: its own results, the queue untouched.
    await author.json('PUT', `/api/sheets/${sheetId}`, { baseVersion: 1, workbook: limitCheck(10) });
    const test = await run(server, author, sheetId, { data: { trades }, version: 2 });
    expect(test.body).toMatchObject({
      status: 'succeeded',
      kind: 'test',
      test: true,
      version: 2,
      counts: { exceptions: 2 },
      queueChanges: null,
    });
    expect((await author.json('GET', `/api/queue?sheetId=${sheetId}&limit=100`)).body).toEqual(queueBefore);
    const exceptions = (await author.json('GET', `/api/runs/${test.body.id}/exceptions`)).body;
    expect(exceptions.total).toBe(2);
    // Without a version, still the approved one: version 1.
    const next = await run(server, author, sheetId, { data: { trades } });
    expect(next.body).toMatchObject({ kind: 'official', version: 1, counts: { exceptions: 1 } });
    // Naming the approved version is an official run too.
    const named = await run(server, author, sheetId, { data: { trades }, version: 1 });
    expect(named.body).toMatchObject({ kind: 'official', test: false });
    const listed = (await author.json('GET', `/api/runs?sheetId=${sheetId}`)).body.map(
      (r: { kind: string; version: number }) => `${r.kind}:${r.version}`,
    );
    expect(listed).toEqual(['official:1', 'official:1', 'test:2', 'official:1']);
  });

  it('starts the demo with its sheets approved by the system, audited', async () => {
    const server = testServer();
    await seedDemo(server.db, join(process.cwd(), 'examples'));
    const client = await admin(server);
    const sheets = (await client.json('GET', '/api/sheets')).body as { id: number; status: string; approvedVersion: number }[];
    expect(sheets.length).toBe(readdirSync(join(process.cwd(), 'examples', 'sheets')).filter((f) => f.endsWith('.xlsx')).length);
    expect(sheets.every((s) => s.status === 'approved' && s.approvedVersion === 1)).toBe(true);
    const history = await versions(client, sheets[0].id);
    expect(history[0]).toMatchObject({ status: 'approved', reviewer: 'system', reviewedBy: null });
    const trail = (await client.json('GET', `/api/audit?entity=sheet&entityId=${sheets[0].id}&action=sheet.version.approve`)).body.rows;
    expect(trail[0]).toMatchObject({ user: null, after: { version: 1, status: 'approved', by: 'system' } });
  });
});
