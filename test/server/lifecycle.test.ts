/**
 * Rename, archive, delete and discard (docs/ownership.md) through the real HTTP stack on a
 * real SQLite file, with real runs: nothing an official result depends on can be removed,
 * and what is archived is kept for its runs but left out of lists, pickers and new runs.
 */
import { describe, expect, it } from 'vitest';
import { createRun } from '../../db/runs.service.js';
import { admin, Client, fileForm, limitCheck, testServer, userWithRole, type TestServer } from './helpers.js';

async function setUp() {
  const server = testServer();
  const boss = await admin(server);
  const author = await userWithRole(server, 'author');
  const approver = await userWithRole(server, 'approver');
  const importTrades = async (text = 'qty\n5\n50\n500\n') =>
    (await author.json('POST', '/api/datasets', fileForm({ name: 'trades' }, { name: 't.csv', text }))).body.id as number;
  const newSheet = async (name: string) =>
    (await author.json('POST', '/api/sheets', fileForm({ name }, { name: 'limits.json', text: JSON.stringify(limitCheck(100)) }))).body
      .id as number;
  const approve = async (sheetId: number, version: number) => {
    expect((await author.json('POST', `/api/sheets/${sheetId}/versions/${version}/submit`, {})).status).toBe(200);
    expect((await approver.json('POST', `/api/sheets/${sheetId}/versions/${version}/approve`, {})).status).toBe(200);
  };
  return { server, boss, author, approver, importTrades, newSheet, approve };
}

async function run(server: TestServer, client: Client, sheetId: number, body: Record<string, unknown>) {
  const started = await client.json('POST', `/api/sheets/${sheetId}/runs`, body);
  if (started.status !== 202) return started;
  await server.runs.idle();
  return client.json('GET', `/api/runs/${started.body.id}`);
}

const audit = (server: TestServer, action: string) =>
  server.db.$client.prepare('SELECT entity_id AS id, before, after FROM audit_log WHERE action = ? ORDER BY id').all(action) as {
    id: string;
    before: string | null;
    after: string | null;
  }[];

describe('datasets', () => {
  it('refuses to delete a dataset a run read, naming the runs, and deletes an unused one', async () => {
    const { server, author, importTrades, newSheet, approve } = await setUp();
    const trades = await importTrades();
    const sheetId = await newSheet('limits');
    await approve(sheetId, 1);
    const official = await run(server, author, sheetId, { data: { trades } });
    expect((await author.json('PUT', `/api/sheets/${sheetId}`, { baseVersion: 1, workbook: limitCheck(10) })).status).toBe(200);
    const test = await run(server, author, sheetId, { data: { trades }, version: 2 });
    expect([official.body.status, test.body.status]).toEqual(['succeeded', 'succeeded']);
    const refused = await author.json('DELETE', `/api/datasets/${trades}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('in_use');
    expect(refused.body.error.message).toBe(
      `dataset #${trades} (trades) was read by runs #${official.body.id} (limits, official), #${test.body.id} (limits, test), which must keep proving what they read: archive it instead`,
    );
    expect(refused.body.error.details.runs).toEqual([
      { id: official.body.id, sheetId, sheet: 'limits', kind: 'official', status: 'succeeded' },
      { id: test.body.id, sheetId, sheet: 'limits', kind: 'test', status: 'succeeded' },
    ]);
    // Still there, still read by its runs.
    expect((await author.json('GET', `/api/datasets/${trades}`)).status).toBe(200);
    expect((await author.json('GET', `/api/runs/${official.body.id}/results?limit=5`)).status).toBe(200);

    const unused = await importTrades('qty\n1\n');
    expect((await author.request('DELETE', `/api/datasets/${unused}`)).status).toBe(204);
    expect((await author.json('GET', `/api/datasets/${unused}`)).status).toBe(404);
    expect(audit(server, 'dataset.delete').map((e) => Number(e.id))).toEqual([unused]);
  });

  it('archives a dataset: left out of the list and the run dialog, still read by id and by its runs, and back on unarchive', async () => {
    const { server, author, importTrades, newSheet, approve } = await setUp();
    const older = await importTrades();
    const newer = await importTrades('qty\n5\n50\n500\n7\n');
    const sheetId = await newSheet('limits');
    await approve(sheetId, 1);
    const ran = await run(server, author, sheetId, { data: { trades: older } });
    const archived = await author.json('POST', `/api/datasets/${older}/archive`);
    expect(archived).toMatchObject({ status: 200, body: { id: older, archivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) } });
    const ids = async (query: string) => ((await author.json('GET', `/api/datasets${query}`)).body as { id: number }[]).map((d) => d.id);
    expect(await ids('')).toEqual([newer]);
    expect(await ids('?archived=true')).toEqual([older]);
    expect(await ids('?archived=all')).toEqual([newer, older]);
    expect((await author.json('GET', '/api/datasets?archived=maybe')).status).toBe(400);
    const offers = (await author.json('GET', `/api/sheets/${sheetId}/inputs`)).body as { candidates: { id: number }[] }[];
    expect(offers[0].candidates.map((c) => c.id)).toEqual([newer]);
    expect((await author.json('GET', `/api/datasets/${older}`)).body).toMatchObject({ id: older, archivedAt: archived.body.archivedAt });
    expect((await author.json('GET', `/api/datasets/${older}/rows?limit=5`)).body.total).toBe(3);
    // Its run still reproduces from it.
    const again = await author.json('POST', `/api/runs/${ran.body.id}/reproduce`);
    expect(again.status).toBeLessThan(300);
    await server.runs.idle();

    expect((await author.json('POST', `/api/datasets/${older}/unarchive`)).body.archivedAt).toBeNull();
    expect(await ids('')).toEqual([newer, older]);
    expect(audit(server, 'dataset.archive').map((e) => Number(e.id))).toEqual([older]);
    expect(audit(server, 'dataset.unarchive').map((e) => Number(e.id))).toEqual([older]);
  });
});

describe('sheets', () => {
  it('renames a sheet without moving any content or results hash', async () => {
    const { server, author, importTrades, newSheet, approve } = await setUp();
    const trades = await importTrades();
    const sheetId = await newSheet('limits');
    await approve(sheetId, 1);
    const before = await run(server, author, sheetId, { data: { trades } });
    const hashBefore = (await author.json('GET', `/api/sheets/${sheetId}`)).body.contentHash as string;
    const renamed = await author.json('PATCH', `/api/sheets/${sheetId}`, { name: '  trade limits ' });
    expect(renamed).toMatchObject({ status: 200, body: { id: sheetId, name: 'trade limits' } });
    expect((await author.json('PATCH', `/api/sheets/${sheetId}`, { name: '   ' })).status).toBe(400);
    const sheet = (await author.json('GET', `/api/sheets/${sheetId}`)).body;
    expect(sheet).toMatchObject({ name: 'trade limits', version: 1, contentHash: hashBefore });
    const after = await run(server, author, sheetId, { data: { trades } });
    expect(after.body.status).toBe('succeeded');
    const manifest = async (id: number) => (await author.json('GET', `/api/runs/${id}/manifest`)).body;
    const [was, is] = [await manifest(before.body.id), await manifest(after.body.id)];
    expect(is.results.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(is.results.sha256).toBe(was.results.sha256);
    expect(is.sheet.sha256).toBe(was.sheet.sha256);
    expect(audit(server, 'sheet.rename').map((e) => [JSON.parse(e.before!), JSON.parse(e.after!)])).toEqual([
      [{ name: 'limits' }, { name: 'trade limits' }],
    ]);
  });

  it('archives a sheet: hidden from the list, never run, saved or scheduled, its schedules paused; unarchive brings it back', async () => {
    const { server, author, importTrades, newSheet, approve } = await setUp();
    const trades = await importTrades();
    const sheetId = await newSheet('limits');
    const other = await newSheet('other');
    await approve(sheetId, 1);
    const schedule = (
      await author.json('POST', '/api/schedules', { sheetId, cron: '0 18 * * 1-5', inputs: { trades: 'trades_*.csv' }, params: {} })
    ).body;
    expect(schedule.enabled).toBe(true);
    const archived = await author.json('POST', `/api/sheets/${sheetId}/archive`);
    expect(archived).toMatchObject({ status: 200, body: { id: sheetId, pausedSchedules: [schedule.id] } });
    const names = async (query: string) =>
      ((await author.json('GET', `/api/sheets${query}`)).body as { name: string }[]).map((s) => s.name);
    expect(await names('')).toEqual(['other']);
    expect(await names('?archived=true')).toEqual(['limits']);
    expect((await names('?archived=all')).sort()).toEqual(['limits', 'other']);
    expect((await author.json('GET', `/api/sheets/${sheetId}`)).body.archivedAt).toBe(archived.body.archivedAt);

    const day = archived.body.archivedAt.slice(0, 10);
    const refusal = (doing: string) => ({
      status: 409,
      body: {
        error: {
          code: 'archived',
          message: `sheet limits is archived (${day}): unarchive it before it can be ${doing}`,
          details: { sheet: { id: sheetId, name: 'limits' } },
        },
      },
    });
    expect(await author.json('POST', `/api/sheets/${sheetId}/runs`, { data: { trades } })).toMatchObject(refusal('run'));
    expect(await author.json('POST', `/api/sheets/${sheetId}/runs`, { data: { trades }, version: 1 })).toMatchObject(refusal('run'));
    expect(await author.json('PUT', `/api/sheets/${sheetId}`, { baseVersion: 1, workbook: limitCheck(10) })).toMatchObject(
      refusal('saved'),
    );
    expect(
      await author.json('POST', '/api/schedules', { sheetId, cron: '0 18 * * 1-5', inputs: { trades: 'x*.csv' }, enabled: false }),
    ).toMatchObject(refusal('scheduled'));
    const paused = (await author.json('GET', '/api/schedules')).body.find((s: { id: number }) => s.id === schedule.id);
    expect(paused).toMatchObject({ enabled: false, cron: '0 18 * * 1-5' });
    expect(await author.json('PATCH', `/api/schedules/${schedule.id}`, { enabled: true })).toMatchObject(refusal('scheduled'));
    expect(audit(server, 'schedule.update').map((e) => JSON.parse(e.after!))).toEqual([
      { enabled: false, reason: 'sheet limits archived' },
    ]);

    expect((await author.json('POST', `/api/sheets/${sheetId}/unarchive`)).body).toMatchObject({ archivedAt: null, pausedSchedules: [] });
    expect((await run(server, author, sheetId, { data: { trades } })).body.status).toBe('succeeded');
    expect(await names('')).toContain('limits');
    // The schedule stays paused until someone enables it again.
    expect((await author.json('PATCH', `/api/schedules/${schedule.id}`, { enabled: true })).body.enabled).toBe(true);
    expect(other).toBeGreaterThan(0);
  });

  it('changes only what a schedule change names', async () => {
    const { author, newSheet } = await setUp();
    const sheetId = await newSheet('limits');
    const created = (
      await author.json('POST', '/api/schedules', {
        sheetId,
        cron: '0 18 * * 1-5',
        timezone: 'America/New_York',
        inputs: { trades: 't*.csv' },
        params: { Limit: 5 },
        enabled: false,
      })
    ).body;
    const changed = await author.json('PATCH', `/api/schedules/${created.id}`, { waitMinutes: 5 });
    expect(changed).toMatchObject({
      status: 200,
      body: { waitMinutes: 5, enabled: false, timezone: 'America/New_York', params: { Limit: 5 } },
    });
  });

  it('refuses to delete a sheet with evidence, naming it, and deletes one without, with its drafts, test runs and schedules', async () => {
    const { server, author, importTrades, newSheet, approve } = await setUp();
    const trades = await importTrades();
    const kept = await newSheet('limits');
    await approve(kept, 1);
    const official = await run(server, author, kept, { data: { trades } });
    const refused = await author.json('DELETE', `/api/sheets/${kept}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'in_use',
      message: `sheet limits has official run #${official.body.id}, approved version v1, 1 open exception, which must stay as evidence: archive it instead`,
    });
    expect(refused.body.error.details).toMatchObject({
      officialRuns: [{ id: official.body.id, status: 'succeeded' }],
      approvedVersions: [{ version: 1, status: 'approved' }],
      openQueueItems: [{ kind: 'over limit', status: 'open' }],
      schedules: [],
    });
    expect((await author.json('GET', `/api/sheets/${kept}`)).status).toBe(200);

    const scratch = await newSheet('scratch');
    expect((await author.json('PUT', `/api/sheets/${scratch}`, { baseVersion: 1, workbook: limitCheck(10) })).status).toBe(200);
    const test = await run(server, author, scratch, { data: { trades }, version: 2 });
    expect(test.body).toMatchObject({ status: 'succeeded', test: true });
    const schedule = (
      await author.json('POST', '/api/schedules', { sheetId: scratch, cron: '0 18 * * *', inputs: { trades: 't*.csv' }, enabled: false })
    ).body.id as number;
    expect((await author.request('DELETE', `/api/sheets/${scratch}`)).status).toBe(204);
    expect((await author.json('GET', `/api/sheets/${scratch}`)).status).toBe(404);
    expect((await author.json('GET', `/api/runs/${test.body.id}`)).status).toBe(404);
    expect((await author.json('GET', '/api/schedules')).body.map((s: { id: number }) => s.id)).not.toContain(schedule);
    expect(audit(server, 'sheet.delete').map((e) => JSON.parse(e.before!))).toEqual([
      { name: 'scratch', versions: [1, 2], testRuns: [test.body.id], schedules: [schedule] },
    ]);
  });
});

describe('discarding a draft', () => {
  it('discards a draft with its test runs, never reuses its number, and keeps evidence', async () => {
    const { server, author, importTrades, newSheet, approve } = await setUp();
    const trades = await importTrades();
    const sheetId = await newSheet('limits');
    await approve(sheetId, 1);
    expect((await author.json('PUT', `/api/sheets/${sheetId}`, { baseVersion: 1, workbook: limitCheck(10) })).body.version).toBe(2);
    const test = await run(server, author, sheetId, { data: { trades }, version: 2 });
    expect(test.body.test).toBe(true);
    const discarded = await author.json('DELETE', `/api/sheets/${sheetId}/versions/2`);
    expect(discarded).toEqual({ status: 200, body: { currentVersion: 1, removedRuns: [test.body.id] } });
    expect((await author.json('GET', `/api/runs/${test.body.id}`)).status).toBe(404);
    expect((await author.json('GET', `/api/sheets/${sheetId}`)).body).toMatchObject({ version: 1, status: 'approved' });
    expect(((await author.json('GET', `/api/sheets/${sheetId}/versions`)).body as { version: number }[]).map((v) => v.version)).toEqual([
      1,
    ]);
    // An editor still holding version 2 is told it was discarded.
    const stale = await author.json('PUT', `/api/sheets/${sheetId}`, { baseVersion: 2, workbook: limitCheck(20) });
    expect(stale.body.error).toMatchObject({ code: 'stale_version', message: 'version 2 was discarded: version 1 is the newest' });
    // The next save is v3, never a second v2.
    const next = await author.json('PUT', `/api/sheets/${sheetId}`, { baseVersion: 1, workbook: limitCheck(20) });
    expect(next.body.version).toBe(3);
    expect((await author.json('GET', `/api/sheets/${sheetId}/versions/2`)).status).toBe(404);

    expect((await author.json('DELETE', `/api/sheets/${sheetId}/versions/1`)).body.error).toMatchObject({
      code: 'bad_state',
      message: 'version 1 is approved: only a draft or rejected version can be discarded, the others are evidence',
    });
    expect((await author.json('POST', `/api/sheets/${sheetId}/versions/3/submit`, {})).status).toBe(200);
    expect((await author.json('DELETE', `/api/sheets/${sheetId}/versions/3`)).body.error.code).toBe('bad_state');
    const entries = audit(server, 'sheet.version.discard').map((e) => JSON.parse(e.before!));
    expect(entries).toEqual([{ version: 2, status: 'draft', hash: expect.stringMatching(/^[0-9a-f]{64}$/), testRuns: [test.body.id] }]);
  });

  it('waits for a queued run of the draft before discarding it or deleting its sheet', async () => {
    const { server, author, importTrades, newSheet } = await setUp();
    const trades = await importTrades();
    const sheetId = await newSheet('limits');
    await author.json('PUT', `/api/sheets/${sheetId}`, { baseVersion: 1, workbook: limitCheck(10) });
    // Recorded but not handed to the run manager: it stays queued.
    const queued = createRun(server.db, { sheetId, data: { trades }, version: 2 });
    const busy = { code: 'run_in_progress', message: `run #${queued.id} is queued: wait for it to finish or cancel it first` };
    expect((await author.json('DELETE', `/api/sheets/${sheetId}/versions/2`)).body.error).toMatchObject(busy);
    expect((await author.json('DELETE', `/api/sheets/${sheetId}`)).body.error).toMatchObject(busy);
    expect((await author.json('GET', `/api/sheets/${sheetId}`)).body.version).toBe(2);
  });

  it("discards a rejected version, but not a sheet's only version", async () => {
    const { author, approver, newSheet } = await setUp();
    const sheetId = await newSheet('limits');
    expect((await author.json('DELETE', `/api/sheets/${sheetId}/versions/1`)).body.error).toEqual({
      code: 'last_version',
      message: 'version 1 is the only version of sheet limits: delete the sheet instead',
    });
    await author.json('PUT', `/api/sheets/${sheetId}`, { baseVersion: 1, workbook: limitCheck(10) });
    await author.json('POST', `/api/sheets/${sheetId}/versions/2/submit`, {});
    expect((await approver.json('POST', `/api/sheets/${sheetId}/versions/2/reject`, { note: 'too tight' })).status).toBe(200);
    expect((await author.json('DELETE', `/api/sheets/${sheetId}/versions/2`)).status).toBe(200);
    expect((await author.json('DELETE', `/api/sheets/${sheetId}/versions/9`)).status).toBe(404);
  });
});
