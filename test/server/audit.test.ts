import { describe, expect, it } from 'vitest';
import { admin, approveLatest, fileForm, testServer, userWithRole } from './helpers.js';

const check = (limit: number) => ({
  sheets: [
    {
      name: 'Settings',
      cells: [
        ['Type', 'Check'],
        ['Data', 'trades'],
        ['Exception column', 'Alert'],
      ],
    },
    {
      name: 'Rows',
      cells: [
        ['qty', 'Alert'],
        [null, `=IF(A2>${limit},"too big","")`],
      ],
    },
  ],
  names: [],
});

describe('audit trail', () => {
  it('records who changed what, when, before and after, and proves which version produced a run', async () => {
    const began = Date.now() - 1000; // the clock's stamp is to the millisecond; allow for its rounding
    const server = testServer();
    const boss = await admin(server);
    const trades = await boss.json(
      'POST',
      '/api/datasets',
      fileForm({ name: 'trades' }, { name: 'trades.csv', text: 'qty\n5\n50\n500\n' }),
    );
    const sheet = (await boss.json('POST', '/api/sheets', fileForm({}, { name: 'limits.json', text: JSON.stringify(check(100)) }))).body;
    await approveLatest(boss, sheet.id);
    const first = (await boss.json('POST', `/api/sheets/${sheet.id}/runs`, { data: { trades: trades.body.id } })).body.id;
    await server.runs.idle();
    const saved = await boss.json('PUT', `/api/sheets/${sheet.id}`, { baseVersion: 1, workbook: check(10), note: 'tighter limit' });
    expect(saved.status).toBe(200);
    await approveLatest(boss, sheet.id);
    const second = (await boss.json('POST', `/api/sheets/${sheet.id}/runs`, { data: { trades: trades.body.id } })).body.id;
    await server.runs.idle();

    const runs = await Promise.all([first, second].map(async (id) => (await boss.json('GET', `/api/runs/${id}`)).body));
    expect(runs.map((r) => r.counts.exceptions)).toEqual([1, 2]);
    const versions = (await boss.json('GET', `/api/sheets/${sheet.id}/versions`)).body as {
      id: number;
      version: number;
      contentHash: string;
    }[];
    const producedBy = runs.map((r) => versions.find((v) => v.id === r.sheetVersionId)!.version);
    expect(producedBy).toEqual([1, 2]);

    const approver = await userWithRole(server, 'approver');
    const trail = (await approver.json('GET', `/api/audit?entity=sheet&entityId=${sheet.id}`)).body;
    // Newest first: each version submitted and approved (the first superseded by the second).
    expect(trail.rows.map((r: { action: string }) => r.action)).toEqual([
      'sheet.version.approve',
      'sheet.version.supersede',
      'sheet.version.submit',
      'sheet.save',
      'sheet.version.approve',
      'sheet.version.submit',
      'sheet.create',
    ]);
    const save = trail.rows[3];
    expect(save).toMatchObject({
      user: 'admin@example.com',
      before: { version: 1 },
      after: { version: 2, hash: versions.find((v) => v.version === 2)!.contentHash },
    });
    // Stamped when it happened: after this test began, not before (no wall-time bound).
    expect(Date.parse(save.at)).toBeGreaterThanOrEqual(began);
    expect(Date.parse(save.at)).toBeLessThanOrEqual(Date.now());
    const runTrail = (await approver.json('GET', `/api/audit?entity=run&entityId=${second}`)).body.rows;
    expect(runTrail.map((r: { action: string }) => r.action)).toEqual(['run.succeeded', 'run.start']);
    expect(runTrail[1].after).toMatchObject({ sheet: sheet.id, version: 2, inputs: { trades: { datasetId: trades.body.id } } });
    const sessions = (await approver.json('GET', '/api/audit?action=session.')).body.rows;
    expect(sessions.map((r: { user: string }) => r.user)).toContain('admin@example.com');

    const viewer = await userWithRole(server, 'viewer');
    expect((await viewer.json('GET', '/api/audit')).status).toBe(403);
  });
});
