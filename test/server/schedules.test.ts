import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { admin, approveLatest, fileForm, testServer, type TestServer } from './helpers.js';

const SHEET = {
  sheets: [
    {
      name: 'Settings',
      cells: [
        ['Type', 'Reconciliation'],
        ['Left', 'FO'],
        ['Right', 'BR'],
        ['Match 1', 'id = ref'],
      ],
    },
    {
      name: 'Rows',
      cells: [
        ['left.id', 'right.ref', 'match', 'Exception'],
        [null, null, null, '=IF(C2<>"matched",C2,"")'],
      ],
    },
  ],
  names: [],
};

const servers: TestServer[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.scheduler.stop()));

async function setUp() {
  const server = testServer();
  servers.push(server);
  const client = await admin(server);
  const sheet = await client.json('POST', '/api/sheets', fileForm({}, { name: 'sched.json', text: JSON.stringify(SHEET) }));
  await approveLatest(client, sheet.body.id);
  mkdirSync(server.config.watchDir, { recursive: true });
  const drop = (name: string, text: string) => writeFileSync(join(server.config.watchDir, name), text);
  return { server, client, sheetId: sheet.body.id as number, drop };
}

const schedule = (sheetId: number, extra: Record<string, unknown> = {}) => ({
  sheetId,
  cron: '30 18 * * 1-5',
  timezone: 'America/New_York',
  inputs: { FO: 'fo_*.csv', BR: 'broker_??.csv' },
  waitMinutes: 0,
  ...extra,
});

describe('schedules', () => {
  it('checks cron, time zone and sheet, and says when it runs next', async () => {
    const { client, sheetId } = await setUp();
    const bad = await client.json('POST', '/api/schedules', schedule(sheetId, { cron: '61 * * *', timezone: 'Mars/Olympus' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/cron: not a cron expression/);
    expect(bad.body.error.message).toMatch(/timezone: not a time zone/);
    expect((await client.json('POST', '/api/schedules', schedule(9999))).status).toBe(404);
    const created = await client.json('POST', '/api/schedules', schedule(sheetId));
    expect(created.status).toBe(201);
    const next = new Date(created.body.nextRun);
    const local = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hour12: false });
    expect(local.format(next)).toBe('18:30');
    expect([1, 2, 3, 4, 5]).toContain(new Date(next.toLocaleString('en-US', { timeZone: 'America/New_York' })).getDay());
    const paused = await client.json('PATCH', `/api/schedules/${created.body.id}`, { enabled: false });
    expect(paused.body).toMatchObject({ enabled: false, nextRun: null });
  });

  it('takes the files from the watched folder, runs, archives them; a missing file is an exception until a run clears it', async () => {
    const { server, client, sheetId, drop } = await setUp();
    const { id } = (await client.json('POST', '/api/schedules', schedule(sheetId))).body;
    drop('fo_2026-11-20.csv', 'id\nE1\nE2\n');
    const missing = await client.json('POST', `/api/schedules/${id}/fire`);
    expect(missing.body).toEqual({ missing: ['BR'] });
    const queue = async () =>
      (await client.json('GET', `/api/queue?sheetId=${sheetId}`)).body.items as { kind: string; status: string; closeReason: string }[];
    expect(await queue()).toMatchObject([{ kind: 'missing file', status: 'open' }]);

    drop('broker_20.csv', 'ref\nE1\n');
    const fired = await client.json('POST', `/api/schedules/${id}/fire`);
    expect(fired.body.runId).toEqual(expect.any(Number));
    await server.runs.idle();
    const run = (await client.json('GET', `/api/runs/${fired.body.runId}`)).body;
    expect(run).toMatchObject({ status: 'succeeded', counts: { matched: 1, left_only: 1 } });
    expect(readdirSync(server.config.watchDir).filter((f) => f.endsWith('.csv'))).toEqual([]);
    const day = new Date().toISOString().slice(0, 10);
    expect(readdirSync(join(server.config.watchDir, 'processed', day)).sort()).toEqual(['broker_20.csv', 'fo_2026-11-20.csv']);
    const items = await queue();
    expect(items.find((i) => i.kind === 'missing file')).toMatchObject({ status: 'closed', closeReason: 'cleared' });
    expect(items.find((i) => i.kind === 'left only')).toMatchObject({ status: 'open' });
    const listed = (await client.json('GET', '/api/schedules')).body[0];
    expect(listed.lastOutcome).toEqual({ runId: fired.body.runId });
  });

  it('waits for a late file until its deadline, and reports an unreadable one', async () => {
    const { server, client, sheetId, drop } = await setUp();
    const { id } = (await client.json('POST', '/api/schedules', schedule(sheetId, { waitMinutes: 5 }))).body;
    drop('fo_1.csv', 'id\nE1\n');
    expect((await client.json('POST', `/api/schedules/${id}/fire`)).body).toEqual({ waiting: ['BR'] });
    drop('broker_01.csv', 'ref\nE1\n');
    await expect
      .poll(async () => (await client.json('GET', '/api/schedules')).body[0].lastOutcome, { timeout: 120_000 })
      .toHaveProperty('runId');
    await server.runs.idle();

    drop('fo_2.csv', 'id\nE1\n');
    drop('broker_02.csv', 'ref,qty\nE1,1\n"E2,2\n');
    const bad = await client.json('POST', `/api/schedules/${id}/fire`);
    expect(bad.body.error).toMatch(/^broker_02\.csv, line 3: a quoted value is never closed/);
    const items = (await client.json('GET', `/api/queue?sheetId=${sheetId}&kind=bad%20file`)).body.items;
    expect(items).toHaveLength(1);
    expect(existsSync(join(server.config.watchDir, 'broker_02.csv'))).toBe(true);
  });

  it('fires on its cron', async () => {
    const { client, sheetId, drop } = await setUp();
    drop('fo_1.csv', 'id\nE1\n');
    drop('broker_01.csv', 'ref\nE1\n');
    const { id } = (await client.json('POST', '/api/schedules', schedule(sheetId, { cron: '* * * * * *' }))).body;
    await expect
      .poll(async () => (await client.json('GET', '/api/schedules')).body.find((s: { id: number }) => s.id === id).lastOutcome, {
        timeout: 120_000,
      })
      .toHaveProperty('runId');
    await client.json('DELETE', `/api/schedules/${id}`);
  });
});

describe('schedules on anomalous inputs', () => {
  it("does not run on a file of under half the last official run's rows: an input anomaly waits in the queue", async () => {
    const { server, client, sheetId, drop } = await setUp();
    const { id } = (await client.json('POST', '/api/schedules', schedule(sheetId))).body;
    const ids = Array.from({ length: 40 }, (_, i) => `E${i + 1}`);
    drop('fo_2026-11-20.csv', `id\n${ids.join('\n')}\n`);
    drop('broker_20.csv', `ref\n${ids.join('\n')}\n`);
    expect((await client.json('POST', `/api/schedules/${id}/fire`)).body.runId).toEqual(expect.any(Number));
    await server.runs.idle();
    // The next day's blotter holds 19 of the 40 rows.
    drop('fo_2026-11-21.csv', `id\n${ids.slice(0, 19).join('\n')}\n`);
    drop('broker_21.csv', `ref\n${ids.join('\n')}\n`);
    const fired = await client.json('POST', `/api/schedules/${id}/fire`);
    expect(fired.body.error).toMatch(/^FO #\d+ has 19 rows where the previous official run \(#\d+\) read 40/);
    expect((await client.json('GET', `/api/runs?sheetId=${sheetId}`)).body).toHaveLength(1);
    const items = (await client.json('GET', `/api/queue?sheetId=${sheetId}`)).body.items as { kind: string; status: string }[];
    expect(items).toMatchObject([{ kind: 'input anomaly', status: 'open' }]);
  });
});
