/**
 * A run a schedule fired says so (runs.schedule_id, its origin "schedule #N (cron, time zone)"),
 * and "run now" is audited as the person who clicked it, while the cron fires as the system.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { admin, approveLatest, fileForm, testServer, userWithRole, type TestServer } from './helpers.js';

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

interface AuditRow {
  user: string | null;
  action: string;
  entityId: string;
  after: Record<string, unknown> | null;
}

describe('schedule attribution', () => {
  it('records the schedule on its runs and audits "run now" as the person, the cron as the system', async () => {
    const server = testServer();
    servers.push(server);
    const ada = await admin(server);
    // Bob (an author) owns the schedule; Ada (the admin) clicks "run now" on it.
    const bob = await userWithRole(server, 'author');
    const bobEmail = (await bob.json('GET', '/api/auth/me')).body.user.email as string;
    const sheet = await bob.json('POST', '/api/sheets', fileForm({}, { name: 'attr.json', text: JSON.stringify(SHEET) }));
    expect(sheet.status).toBe(201);
    await approveLatest(bob, sheet.body.id, ada);
    const made = await bob.json('POST', '/api/schedules', {
      sheetId: sheet.body.id,
      cron: '30 18 * * 1-5',
      timezone: 'America/New_York',
      inputs: { FO: 'fo_*.csv', BR: 'broker_*.csv' },
      waitMinutes: 0,
    });
    expect(made.status).toBe(201);
    const scheduleId = made.body.id as number;
    mkdirSync(server.config.watchDir, { recursive: true });
    const drop = () => {
      writeFileSync(join(server.config.watchDir, 'fo_1.csv'), 'id\nE1\nE2\n');
      writeFileSync(join(server.config.watchDir, 'broker_1.csv'), 'ref\nE1\nE2\n');
    };

    drop();
    const manual = await ada.json('POST', `/api/schedules/${scheduleId}/fire`);
    expect(manual.status).toBe(200);
    const manualRun = manual.body.runId as number;
    expect(manualRun).toEqual(expect.any(Number));
    await server.runs.idle();

    // As the cron would: no person behind it.
    drop();
    const cron = await server.scheduler.fire(scheduleId);
    const cronRun = cron.runId!;
    expect(cronRun).toEqual(expect.any(Number));
    await server.runs.idle();

    const scheduleIds = server.db.$client.prepare('SELECT id, schedule_id FROM runs ORDER BY id').all();
    expect(scheduleIds).toEqual([
      { id: manualRun, schedule_id: scheduleId },
      { id: cronRun, schedule_id: scheduleId },
    ]);
    for (const runId of [manualRun, cronRun]) {
      const origin = await ada.json('GET', `/api/runs/${runId}/origin`);
      expect(origin.body.startedBy).toEqual({
        kind: 'schedule',
        name: `schedule #${scheduleId} (30 18 * * 1-5, America/New_York)`,
        scheduleId,
      });
    }

    const trail = (await ada.json('GET', '/api/audit?limit=200')).body.rows as AuditRow[];
    const firings = trail.filter((r) => r.action === 'schedule.fire' && r.entityId === String(scheduleId)).reverse();
    expect(firings.map((r) => [r.user, r.after?.runId])).toEqual([
      ['admin@example.com', manualRun],
      [null, cronRun],
    ]);
    const starts = new Map(trail.filter((r) => r.action === 'run.start').map((r) => [Number(r.entityId), r]));
    // The run Ada fired is hers; the cron's run is its owner's, as before.
    expect(starts.get(manualRun)).toMatchObject({ user: 'admin@example.com', after: { schedule: scheduleId } });
    expect(starts.get(cronRun)).toMatchObject({ user: bobEmail, after: { schedule: scheduleId } });
  });

  it('names a run a person started as theirs, with no schedule', async () => {
    const server = testServer();
    servers.push(server);
    const ada = await admin(server);
    const sheet = await ada.json('POST', '/api/sheets', fileForm({}, { name: 'attr.json', text: JSON.stringify(SHEET) }));
    await approveLatest(ada, sheet.body.id);
    const fo = await ada.json('POST', '/api/datasets', fileForm({ name: 'FO' }, { name: 'fo.csv', text: 'id\nE1\n' }));
    const br = await ada.json('POST', '/api/datasets', fileForm({ name: 'BR' }, { name: 'br.csv', text: 'ref\nE1\n' }));
    expect([fo.status, br.status]).toEqual([201, 201]);
    const run = await ada.json('POST', `/api/sheets/${sheet.body.id}/runs`, { data: { FO: fo.body.id, BR: br.body.id } });
    expect(run.status).toBe(202);
    await server.runs.idle();
    const origin = await ada.json('GET', `/api/runs/${run.body.id}/origin`);
    expect(origin.body.startedBy).toEqual({ kind: 'user', name: 'Ada', scheduleId: null });
  });
});
