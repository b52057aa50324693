import { mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cron } from 'croner';
import { afterEach, describe, expect, it } from 'vitest';
import { listWatchedFiles } from '../../server/schedules/watched-files.js';
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
    { name: 'Rows', cells: [['left.id', 'right.ref', 'match', 'Exception']] },
  ],
  names: [],
};

const servers: TestServer[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.scheduler.stop()));

async function setUp() {
  const server = testServer();
  servers.push(server);
  const client = await admin(server);
  const sheet = await client.json('POST', '/api/sheets', fileForm({}, { name: 'page.json', text: JSON.stringify(SHEET) }));
  await approveLatest(client, sheet.body.id);
  mkdirSync(server.config.watchDir, { recursive: true });
  return { server, client, sheetId: sheet.body.id as number };
}

describe('schedules page API', () => {
  it('lists the next three fire times in the schedule time zone, and none while paused', async () => {
    const { client, sheetId } = await setUp();
    const body = { sheetId, cron: '30 18 * * 1-5', timezone: 'Europe/London', inputs: { FO: 'fo_*.csv', BR: 'br_*.csv' } };
    const created = await client.json('POST', '/api/schedules', body);
    expect(created.status).toBe(201);
    const expected = new Cron('30 18 * * 1-5', { timezone: 'Europe/London', paused: true }).nextRuns(3).map((d) => d.toISOString());
    expect(created.body.nextRuns).toEqual(expected);
    const list = await client.json('GET', '/api/schedules');
    expect(list.body[0].nextRuns).toEqual(expected);
    expect(list.body[0].nextRun).toBe(expected[0]);
    const paused = await client.json('PATCH', `/api/schedules/${created.body.id}`, { enabled: false });
    expect(paused.body.nextRuns).toEqual([]);
  });

  it('lists watched files with the schedule inputs each matches, newest first', async () => {
    const { server, client, sheetId } = await setUp();
    const made = await client.json('POST', '/api/schedules', { sheetId, cron: '0 7 * * *', inputs: { FO: 'fo_*.csv', BR: 'br_??.csv' } });
    const dir = server.config.watchDir;
    writeFileSync(join(dir, 'fo_2026-12-01.csv'), 'id\n1\n');
    writeFileSync(join(dir, 'br_01.csv'), 'ref\n1\n2\n');
    writeFileSync(join(dir, 'notes.txt'), 'x');
    utimesSync(join(dir, 'notes.txt'), new Date('2026-01-01'), new Date('2026-01-01'));
    mkdirSync(join(dir, 'processed', '2026-11-30'), { recursive: true });
    writeFileSync(join(dir, 'processed', '2026-11-30', 'fo_old.csv'), 'id\n');
    const { status, body } = await client.json('GET', '/api/schedules/watched-files');
    expect(status).toBe(200);
    expect(body.truncated).toBe(false);
    expect(body.files.map((f: { name: string }) => f.name).sort()).toEqual(['br_01.csv', 'fo_2026-12-01.csv', 'notes.txt']);
    expect(body.files.at(-1).name).toBe('notes.txt');
    const fo = body.files.find((f: { name: string }) => f.name === 'fo_2026-12-01.csv');
    expect(fo.size).toBe(5);
    expect(fo.matches).toEqual([{ scheduleId: made.body.id, sheetId, input: 'FO', pattern: 'fo_*.csv' }]);
    expect(body.files.find((f: { name: string }) => f.name === 'notes.txt').matches).toEqual([]);
  });

  it('never follows a link out of the folder, bounds the list, and treats a missing folder as empty', async () => {
    const { server } = await setUp();
    const dir = server.config.watchDir;
    const outside = join(dir, '..', 'outside.csv');
    writeFileSync(outside, 'secret');
    symlinkSync(outside, join(dir, 'fo_link.csv'));
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, `f${i}.csv`), '');
    const listed = listWatchedFiles(dir, [], 3);
    expect(listed.files).toHaveLength(3);
    expect(listed.truncated).toBe(true);
    expect(listWatchedFiles(dir, []).files.map((f) => f.name)).not.toContain('fo_link.csv');
    expect(listWatchedFiles(join(dir, 'nope'), [])).toEqual({ folder: join(dir, 'nope'), files: [], truncated: false });
  });

  it('stops a firing that waits for its files once the schedule is paused or deleted', async () => {
    const { client, sheetId } = await setUp();
    const made = await client.json('POST', '/api/schedules', { sheetId, cron: '0 7 * * *', inputs: { FO: 'fo_*.csv' }, waitMinutes: 10 });
    expect((await client.json('POST', `/api/schedules/${made.body.id}/fire`)).body).toEqual({ waiting: ['FO'] });
    const firedAt = (await client.json('GET', '/api/schedules')).body[0].lastFiredAt;
    await client.json('PATCH', `/api/schedules/${made.body.id}`, { enabled: false });
    await new Promise((resolve) => setTimeout(resolve, 250));
    // The test server polls every 50 ms: a wait left running would have fired (and recorded) again by now.
    expect((await client.json('GET', '/api/schedules')).body[0].lastFiredAt).toBe(firedAt);
  });
});
