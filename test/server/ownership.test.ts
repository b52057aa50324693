/**
 * Ownership (docs/ownership.md) through the real HTTP stack on a real SQLite file: for each
 * action on a sheet, dataset, schedule or draft, who may (its owner, every admin) and who
 * is refused (another author: 403 `not_owner` naming the owner; approvers and viewers: 403
 * `forbidden` by role). Saving a version stays collaborative: any author may.
 */
import { describe, expect, it } from 'vitest';
import { createUser, type Role } from '../../db/users.service.js';
import { admin, Client, fileForm, limitCheck, PASSWORD, testServer, type TestServer } from './helpers.js';

async function person(server: TestServer, role: Role, name: string): Promise<Client> {
  const email = `${name.toLowerCase()}@example.com`;
  createUser(server.db, { email, name, password: PASSWORD, role });
  const client = new Client(server);
  await client.login(email, PASSWORD);
  return client;
}

async function setUp() {
  const server = testServer();
  const people = {
    admin: await admin(server),
    owner: await person(server, 'author', 'Olga'),
    other: await person(server, 'author', 'Bruno'),
    approver: await person(server, 'approver', 'Petra'),
    viewer: await person(server, 'viewer', 'Vik'),
  };
  const owner = people.owner;
  /** Fresh records of Olga's, one per attempt, so a delete that works leaves the next attempt its own. */
  const make = {
    sheet: async () =>
      (await owner.json('POST', '/api/sheets', fileForm({}, { name: `s${Math.random()}.json`, text: JSON.stringify(limitCheck(100)) })))
        .body.id as number,
    dataset: async () =>
      (await owner.json('POST', '/api/datasets', fileForm({ name: 'trades' }, { name: 't.csv', text: `qty\n${Math.random()}\n` }))).body
        .id as number,
    schedule: async () =>
      (
        await owner.json('POST', '/api/schedules', {
          sheetId: await make.sheet(),
          cron: '0 18 * * 1-5',
          timezone: 'America/New_York',
          inputs: { trades: 'trades_*.csv' },
          enabled: false,
        })
      ).body.id as number,
    draft: async () => {
      const id = await make.sheet();
      const saved = await owner.json('PUT', `/api/sheets/${id}`, { baseVersion: 1, workbook: limitCheck(10) });
      expect(saved.status).toBe(200);
      return id;
    },
  };
  return { server, people, make };
}

type Maker = keyof Awaited<ReturnType<typeof setUp>>['make'];
const actions: { name: string; make: Maker; method: string; path: (id: number) => string; body?: unknown; owned: string }[] = [
  { name: 'rename a sheet', make: 'sheet', method: 'PATCH', path: (id) => `/api/sheets/${id}`, body: { name: 'renamed' }, owned: 'sheet' },
  { name: 'archive a sheet', make: 'sheet', method: 'POST', path: (id) => `/api/sheets/${id}/archive`, owned: 'sheet' },
  { name: 'unarchive a sheet', make: 'sheet', method: 'POST', path: (id) => `/api/sheets/${id}/unarchive`, owned: 'sheet' },
  { name: 'delete a sheet', make: 'sheet', method: 'DELETE', path: (id) => `/api/sheets/${id}`, owned: 'sheet' },
  { name: 'archive a dataset', make: 'dataset', method: 'POST', path: (id) => `/api/datasets/${id}/archive`, owned: 'dataset' },
  { name: 'unarchive a dataset', make: 'dataset', method: 'POST', path: (id) => `/api/datasets/${id}/unarchive`, owned: 'dataset' },
  { name: 'delete a dataset', make: 'dataset', method: 'DELETE', path: (id) => `/api/datasets/${id}`, owned: 'dataset' },
  {
    name: 'change a schedule',
    make: 'schedule',
    method: 'PATCH',
    path: (id) => `/api/schedules/${id}`,
    body: { waitMinutes: 5 },
    owned: 'schedule',
  },
  { name: 'delete a schedule', make: 'schedule', method: 'DELETE', path: (id) => `/api/schedules/${id}`, owned: 'schedule' },
  { name: 'discard a draft', make: 'draft', method: 'DELETE', path: (id) => `/api/sheets/${id}/versions/2`, owned: 'version' },
];

describe('who may change or delete whose sheets, datasets, schedules and drafts', () => {
  it.each(actions)('$name: the owner and admins may, another author is told whose it is, approvers and viewers may not', async (action) => {
    const { people, make } = await setUp();
    const outcome: Record<string, { status: number; code?: string; message?: string }> = {};
    for (const [who, client] of Object.entries(people)) {
      const id = await make[action.make]();
      const { status, body } = await client.json(action.method, action.path(id), action.body);
      outcome[who] = { status, code: body?.error?.code, message: body?.error?.message };
    }
    expect(outcome.owner.status, JSON.stringify(outcome.owner)).toBeLessThan(300);
    expect(outcome.admin.status, JSON.stringify(outcome.admin)).toBeLessThan(300);
    expect(outcome.other).toMatchObject({ status: 403, code: 'not_owner' });
    // A draft is its author's; everything else names its owner and says who else may.
    if (action.owned === 'version') expect(outcome.other.message).toBe('only the author of version 2 or an admin can discard it');
    else expect(outcome.other.message).toMatch(/ belongs to Olga: only Olga or an admin can /);
    expect(outcome.approver).toMatchObject({ status: 403, code: 'forbidden' });
    expect(outcome.viewer).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('refuses another author nothing but the action: the record is unchanged', async () => {
    const { server, people, make } = await setUp();
    const sheet = await make.sheet();
    const dataset = await make.dataset();
    expect((await people.other.json('PATCH', `/api/sheets/${sheet}`, { name: 'hijacked' })).status).toBe(403);
    expect((await people.other.json('DELETE', `/api/datasets/${dataset}`)).status).toBe(403);
    expect((await people.other.json('POST', `/api/sheets/${sheet}/archive`)).status).toBe(403);
    expect((await people.owner.json('GET', `/api/sheets/${sheet}`)).body).toMatchObject({
      name: expect.stringMatching(/^s0\.\d+$/),
      archivedAt: null,
    });
    expect((await people.owner.json('GET', `/api/datasets/${dataset}`)).status).toBe(200);
    const audited = server.db.$client
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action IN ('sheet.rename', 'sheet.archive', 'dataset.delete')")
      .get() as { n: number };
    expect(audited.n).toBe(0);
  });

  it("lets any author save a version of another's sheet, but not rename it on the way", async () => {
    const { people, make } = await setUp();
    const sheet = await make.sheet();
    const saved = await people.other.json('PUT', `/api/sheets/${sheet}`, { baseVersion: 1, workbook: limitCheck(10) });
    expect(saved).toMatchObject({ status: 200, body: { version: 2, status: 'draft', createdBy: expect.any(Number) } });
    const renaming = await people.other.json('PUT', `/api/sheets/${sheet}`, { baseVersion: 2, workbook: limitCheck(20), name: 'mine now' });
    expect(renaming).toMatchObject({ status: 403, body: { error: { code: 'not_owner' } } });
    expect((await people.other.json('GET', `/api/sheets/${sheet}`)).body.version).toBe(2);
    // The owner may rename while saving.
    const own = await people.owner.json('PUT', `/api/sheets/${sheet}`, { baseVersion: 2, workbook: limitCheck(20), name: 'limits' });
    expect(own).toMatchObject({ status: 200, body: { version: 3, name: 'limits' } });
  });

  it("lets only an admin change what nobody created (the demo's)", async () => {
    const { server, people } = await setUp();
    const demo = server.db.$client.prepare("INSERT INTO sheets (name, current_version) VALUES ('demo', 1) RETURNING id").get() as {
      id: number;
    };
    server.db.$client
      .prepare("INSERT INTO sheet_versions (sheet_id, version, content, content_hash) VALUES (?, 1, ?, 'x')")
      .run(demo.id, JSON.stringify(limitCheck(1)));
    const refused = await people.owner.json('PATCH', `/api/sheets/${demo.id}`, { name: 'mine' });
    expect(refused).toMatchObject({
      status: 403,
      body: { error: { code: 'not_owner', message: 'sheet demo belongs to the system: only an admin can rename it' } },
    });
    expect((await people.admin.json('PATCH', `/api/sheets/${demo.id}`, { name: 'demo sheet' })).body.name).toBe('demo sheet');
  });
});
