import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { createRun, getRun, markRunning } from '../../db/runs.service.js';
import { failInterruptedRuns } from '../../db/runs.service.js';
import { admin, approveLatest, Client, examples, fileForm, PASSWORD, testServer, userWithRole } from './helpers.js';

async function importExamples(client: Client) {
  const ids: Record<string, number> = {};
  for (const name of ['fo_blotter', 'broker_confirms']) {
    const { status, body } = await client.json(
      'POST',
      '/api/datasets',
      fileForm({ name }, { name: `${name}.csv`, path: examples('data', `${name}.csv`) }),
    );
    expect(status).toBe(201);
    ids[name] = body.id;
  }
  const sheet = await client.json(
    'POST',
    '/api/sheets',
    fileForm({}, { name: 'fo-vs-broker.xlsx', path: examples('sheets', 'fo-vs-broker.xlsx') }),
  );
  expect(sheet.status).toBe(201);
  await approveLatest(client, sheet.body.id);
  return { ids, sheetId: sheet.body.id as number };
}

describe('first run, sign-in and sessions', () => {
  it('sets up the first admin once, then signs in with a session cookie and CSRF token', async () => {
    const server = testServer();
    const anonymous = new Client(server);
    expect((await anonymous.json('GET', '/api/setup')).body).toEqual({ needed: true, signedIn: false });
    const weak = await anonymous.json('POST', '/api/setup', { email: 'a@example.com', name: 'A', password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.message).toMatch(/password: at least 10 characters/);
    const client = await admin(server);
    expect((await client.json('GET', '/api/auth/me')).body.user).toMatchObject({ email: 'admin@example.com', role: 'admin' });
    expect((await anonymous.json('POST', '/api/setup', { email: 'b@example.com', name: 'B', password: PASSWORD })).status).toBe(409);
    const cookie = (
      await new Client(server).request('POST', '/api/auth/login', { email: 'admin@example.com', password: PASSWORD })
    ).headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('refuses unsafe cookie requests without the CSRF header', async () => {
    const server = testServer();
    const client = await admin(server);
    client.csrf = '';
    const response = await client.json('POST', '/api/tokens', { name: 'x' });
    expect(response).toMatchObject({ status: 403, body: { error: { code: 'csrf' } } });
  });

  it('rate-limits failed sign-ins', async () => {
    const server = testServer();
    await admin(server);
    const client = new Client(server);
    for (let i = 0; i < 5; i++)
      expect((await client.json('POST', '/api/auth/login', { email: 'admin@example.com', password: 'wrong password' })).status).toBe(401);
    const blocked = await client.json('POST', '/api/auth/login', { email: 'admin@example.com', password: PASSWORD });
    expect(blocked).toMatchObject({ status: 429, body: { error: { code: 'too_many_attempts' } } });
  });

  it('accepts API tokens for scripts without CSRF, and rejects bad ones', async () => {
    const server = testServer();
    const client = await admin(server);
    const { body } = await client.json('POST', '/api/tokens', { name: 'nightly' });
    const script = new Client(server);
    script.bearer = body.token;
    expect((await script.json('GET', '/api/datasets')).status).toBe(200);
    expect((await script.json('POST', '/api/datasets', fileForm({ name: 'x' }, { name: 'x.csv', text: 'a\n1\n' }))).status).toBe(201);
    script.bearer = 'tm_nope';
    expect((await script.json('GET', '/api/datasets')).body.error.code).toBe('bad_token');
  });
});

describe('roles', () => {
  it('walks every documented route with every role and with no credentials', async () => {
    const server = testServer();
    const owner = await admin(server);
    const { sheetId, ids } = await importExamples(owner);
    const runId = (await owner.json('POST', `/api/sheets/${sheetId}/runs`, { data: ids })).body.id as number;
    // A Report run, whose report sheets the walk reads.
    const closes = (
      await owner.json(
        'POST',
        '/api/datasets',
        fileForm({ name: 'closing_prices' }, { name: 'closing_prices.csv', path: examples('data', 'closing_prices.csv') }),
      )
    ).body.id as number;
    const report = (
      await owner.json(
        'POST',
        '/api/sheets',
        fileForm({}, { name: 'positions-report.xlsx', path: examples('sheets', 'positions-report.xlsx') }),
      )
    ).body.id as number;
    await approveLatest(owner, report);
    const reportRunId = (
      await owner.json('POST', `/api/sheets/${report}/runs`, { data: { fo_blotter: ids.fo_blotter, closing_prices: closes } })
    ).body.id as number;
    await server.runs.idle();
    const items = (await owner.json('GET', '/api/queue?limit=100')).body.items as { id: number; match: string }[];
    const itemId = items[0].id;
    const leftOnly = items.find((i) => i.match === 'left only')!.id;
    const rightOnly = items.find((i) => i.match === 'right only')!.id;
    const clients = {
      none: new Client(server),
      viewer: await userWithRole(server, 'viewer'),
      approver: await userWithRole(server, 'approver'),
      author: await userWithRole(server, 'author'),
      admin: owner,
    };
    const everyone = ['viewer', 'approver', 'author', 'admin'];
    const workers = ['approver', 'author', 'admin'];
    const authors = ['author', 'admin'];
    /** A new sheet whose version 1 was written by someone who is not any walking client, submitted if asked. */
    const ghost = await userWithRole(server, 'author');
    const newSheet = async (submitted = false) => {
      const id = (
        await ghost.json(
          'POST',
          '/api/sheets',
          fileForm({}, { name: 's.json', text: JSON.stringify({ sheets: [{ name: 'Settings', cells: [['Type', 'Check']] }], names: [] }) }),
        )
      ).body.id as number;
      if (submitted) await ghost.json('POST', `/api/sheets/${id}/versions/1/submit`, {});
      return id;
    };
    const newSchedule = async () =>
      (await owner.json('POST', '/api/schedules', { sheetId, cron: '0 18 * * 1-5', inputs: { fo_blotter: 'fo_*.csv' }, enabled: false }))
        .body.id;
    /** Records of the walking author's own: ownership lets their author and the admins change them (docs/ownership.md). */
    const authorsDataset = async () =>
      (
        await clients.author.json(
          'POST',
          '/api/datasets',
          fileForm({ name: `o${Math.random()}` }, { name: 'o.csv', text: `a\n${Math.random()}\n` }),
        )
      ).body.id as number;
    const authorsSheet = async (withDraft = false) => {
      const book = { sheets: [{ name: 'Settings', cells: [['Type', 'Check']] }], names: [] };
      const id = (await clients.author.json('POST', '/api/sheets', fileForm({}, { name: 'o.json', text: JSON.stringify(book) }))).body
        .id as number;
      if (withDraft) await clients.author.json('PUT', `/api/sheets/${id}`, { baseVersion: 1, workbook: book });
      return id;
    };
    const authorsSchedule = async () =>
      (
        await clients.author.json('POST', '/api/schedules', {
          sheetId,
          cron: '0 18 * * 1-5',
          inputs: { fo_blotter: 'fo_*.csv' },
          enabled: false,
        })
      ).body.id as number;
    const queueFile = async () => {
      const bytes = new Uint8Array(await (await owner.request('GET', '/api/queue/export.xlsx')).arrayBuffer());
      const form = new FormData();
      form.append('file', new File([bytes], 'queue.xlsx'));
      return form;
    };
    /** `ok`: what an allowed role gets, when not a 2xx (the request is refused for a reason other than access). */
    const routes: {
      method: string;
      path: string | (() => Promise<string>);
      /** The documented path of a route whose path is made for each call. */
      template?: string;
      body?: () => unknown;
      allowed: string[] | 'public';
      ok?: number[];
    }[] = [
      { method: 'GET', path: '/api/setup', allowed: 'public' },
      {
        method: 'POST',
        path: '/api/setup',
        body: () => ({ email: 'x@example.com', name: 'X', password: PASSWORD }),
        allowed: 'public',
        ok: [409],
      },
      {
        method: 'POST',
        path: '/api/auth/login',
        body: () => ({ email: 'nobody@example.com', password: 'wrong password' }),
        allowed: 'public',
        ok: [401],
      },
      { method: 'GET', path: '/api/auth/me', allowed: everyone },
      { method: 'POST', path: '/api/tokens', body: () => ({ name: 'script' }), allowed: everyone },
      { method: 'GET', path: '/api/tokens', allowed: everyone },
      {
        method: 'DELETE',
        // Each call the admin's own new token: the admin revokes it; anyone else is told it does not exist.
        path: async () => `/api/tokens/${(await owner.json('POST', '/api/tokens', { name: 'to revoke' })).body.id}`,
        template: '/api/tokens/{id}',
        allowed: everyone,
        ok: [204, 404],
      },
      {
        method: 'PATCH',
        path: async () =>
          `/api/users/${(await owner.json('POST', '/api/users', { email: `r${Math.random()}@example.com`.replace('0.', ''), name: 'R', password: PASSWORD, role: 'viewer' })).body.id}`,
        template: '/api/users/{id}',
        body: () => ({ name: 'Renamed' }),
        allowed: ['admin'],
      },
      {
        method: 'POST',
        path: async () =>
          `/api/users/${(await owner.json('POST', '/api/users', { email: `p${Math.random()}@example.com`.replace('0.', ''), name: 'P', password: PASSWORD, role: 'viewer' })).body.id}/password`,
        template: '/api/users/{id}/password',
        body: () => ({ password: PASSWORD }),
        allowed: ['admin'],
      },
      // Each caller "changes" to the same password: their only session stays.
      { method: 'POST', path: '/api/auth/password', body: () => ({ currentPassword: PASSWORD, newPassword: PASSWORD }), allowed: everyone },
      { method: 'GET', path: '/api/users', allowed: ['admin'] },
      { method: 'GET', path: '/api/users/assignable', allowed: everyone },
      {
        method: 'POST',
        path: '/api/users',
        body: () => ({ email: `u${Math.random()}@example.com`.replace('0.', ''), name: 'U', password: PASSWORD, role: 'viewer' }),
        allowed: ['admin'],
      },
      { method: 'GET', path: '/api/datasets', allowed: everyone },
      {
        method: 'POST',
        path: '/api/datasets',
        body: () => fileForm({ name: `d${Math.random()}` }, { name: 'd.csv', text: `a\n${Math.random()}\n` }),
        allowed: authors,
      },
      {
        method: 'POST',
        path: '/api/datasets/inspect',
        body: () => fileForm({ name: 'fo_blotter' }, { name: 'fo.csv', path: examples('data', 'fo_blotter.csv') }),
        allowed: authors,
      },
      { method: 'GET', path: `/api/datasets/${ids.fo_blotter}`, allowed: everyone },
      { method: 'GET', path: `/api/datasets/${ids.fo_blotter}/rows?limit=5`, allowed: everyone },
      { method: 'DELETE', path: async () => `/api/datasets/${await authorsDataset()}`, template: '/api/datasets/{id}', allowed: authors },
      {
        method: 'POST',
        path: async () => `/api/datasets/${await authorsDataset()}/archive`,
        template: '/api/datasets/{id}/archive',
        allowed: authors,
      },
      {
        method: 'POST',
        path: async () => `/api/datasets/${await authorsDataset()}/unarchive`,
        template: '/api/datasets/{id}/unarchive',
        allowed: authors,
      },
      {
        method: 'POST',
        path: '/api/preview/rows',
        body: () => ({
          left: { datasetId: ids.fo_blotter, count: 200 },
          right: { datasetId: ids.broker_confirms },
          passes: [{ left: ['block_id'], right: ['block_id'] }],
        }),
        allowed: everyone,
      },
      { method: 'GET', path: '/api/sheets', allowed: everyone },
      {
        method: 'POST',
        path: '/api/sheets',
        body: () =>
          fileForm({}, { name: 's.json', text: JSON.stringify({ sheets: [{ name: 'Settings', cells: [['Type', 'Check']] }], names: [] }) }),
        allowed: authors,
      },
      { method: 'GET', path: `/api/sheets/${sheetId}`, allowed: everyone },
      {
        method: 'PUT',
        path: `/api/sheets/${sheetId}`,
        body: () => ({ baseVersion: 1, workbook: { sheets: [{ name: 'Settings', cells: [['Type', 'Check']] }], names: [] } }),
        allowed: authors,
        ok: [200, 409],
      },
      {
        method: 'PATCH',
        path: async () => `/api/sheets/${await authorsSheet()}`,
        template: '/api/sheets/{id}',
        body: () => ({ name: 'renamed' }),
        allowed: authors,
      },
      {
        method: 'POST',
        path: async () => `/api/sheets/${await authorsSheet()}/archive`,
        template: '/api/sheets/{id}/archive',
        allowed: authors,
      },
      {
        method: 'POST',
        path: async () => `/api/sheets/${await authorsSheet()}/unarchive`,
        template: '/api/sheets/{id}/unarchive',
        allowed: authors,
      },
      { method: 'DELETE', path: async () => `/api/sheets/${await authorsSheet()}`, template: '/api/sheets/{id}', allowed: authors },
      {
        method: 'DELETE',
        path: async () => `/api/sheets/${await authorsSheet(true)}/versions/2`,
        template: '/api/sheets/{id}/versions/{id}',
        allowed: authors,
      },
      { method: 'GET', path: `/api/sheets/${sheetId}/versions`, allowed: everyone },
      { method: 'GET', path: `/api/sheets/${sheetId}/versions/1`, allowed: everyone },
      { method: 'GET', path: '/api/reviews', allowed: everyone },
      // Each call a fresh draft of its own sheet: a submit needs a draft; approve and reject a submitted one.
      {
        method: 'POST',
        path: async () => `/api/sheets/${await newSheet()}/versions/1/submit`,
        template: '/api/sheets/{id}/versions/{id}/submit',
        body: () => ({ note: 'please review' }),
        // An author submits only their own versions; these are another author's.
        allowed: ['admin'],
      },
      {
        method: 'POST',
        path: async () => `/api/sheets/${await newSheet(true)}/versions/1/approve`,
        template: '/api/sheets/{id}/versions/{id}/approve',
        body: () => ({}),
        allowed: ['approver', 'admin'],
      },
      {
        method: 'POST',
        path: async () => `/api/sheets/${await newSheet(true)}/versions/1/reject`,
        template: '/api/sheets/{id}/versions/{id}/reject',
        body: () => ({ note: 'not yet' }),
        allowed: ['approver', 'admin'],
      },
      { method: 'GET', path: `/api/sheets/${sheetId}/export.xlsx`, allowed: everyone },
      // 422 once the walk's own save has left the sheet without a Data setting.
      { method: 'GET', path: `/api/sheets/${sheetId}/inputs`, allowed: everyone, ok: [200, 422] },
      { method: 'POST', path: `/api/sheets/${sheetId}/runs`, body: () => ({ data: {} }), allowed: authors },
      { method: 'GET', path: '/api/runs', allowed: everyone },
      { method: 'GET', path: `/api/runs/${runId}`, allowed: everyone },
      { method: 'POST', path: `/api/runs/${runId}/cancel`, allowed: authors, ok: [409] },
      { method: 'GET', path: `/api/runs/${runId}/events`, allowed: everyone },
      { method: 'GET', path: `/api/runs/${runId}/results?limit=5`, allowed: everyone },
      { method: 'GET', path: `/api/runs/${runId}/exceptions?limit=5`, allowed: everyone },
      { method: 'GET', path: `/api/sheets/${sheetId}/diff?from=1&to=1`, allowed: everyone },
      // Reviewers start backtests too: they are test runs, which never touch the queue.
      { method: 'POST', path: `/api/sheets/${sheetId}/backtest`, body: () => ({ version: 1, runId }), allowed: workers },
      { method: 'GET', path: `/api/runs/${runId}/compare/${runId}`, template: '/api/runs/{id}/compare/{otherId}', allowed: everyone },
      { method: 'GET', path: `/api/runs/${runId}/manifest`, allowed: everyone },
      { method: 'GET', path: `/api/runs/${runId}/origin`, allowed: everyone },
      { method: 'POST', path: `/api/runs/${runId}/reproduce`, allowed: authors },
      { method: 'GET', path: `/api/runs/${reportRunId}/sheets`, allowed: everyone },
      {
        method: 'GET',
        path: `/api/runs/${reportRunId}/sheets/Positions?format=csv`,
        template: '/api/runs/{id}/sheets/{name}',
        allowed: everyone,
      },
      { method: 'GET', path: '/api/queue', allowed: everyone },
      { method: 'GET', path: '/api/queue/export.xlsx', allowed: everyone },
      { method: 'GET', path: '/api/queue/facets', allowed: everyone },
      { method: 'GET', path: `/api/queue/${itemId}`, allowed: everyone },
      { method: 'PATCH', path: `/api/queue/${itemId}`, body: () => ({ comment: 'seen' }), allowed: workers },
      { method: 'POST', path: '/api/queue/bulk', body: () => ({ ids: [itemId], change: { label: 'checked' } }), allowed: workers },
      { method: 'POST', path: '/api/queue/import', body: queueFile, allowed: workers },
      {
        method: 'POST',
        path: '/api/queue/manual-matches',
        body: () => ({ leftId: leftOnly, rightId: rightOnly }),
        allowed: workers,
        ok: [201, 422],
      },
      { method: 'GET', path: '/api/schedules', allowed: everyone },
      { method: 'GET', path: '/api/schedules/watched-files', allowed: authors },
      {
        method: 'POST',
        path: '/api/schedules',
        body: () => ({ sheetId, cron: '0 18 * * 1-5', inputs: { fo_blotter: 'fo_*.csv' }, enabled: false }),
        allowed: authors,
      },
      {
        method: 'PATCH',
        path: async () => `/api/schedules/${await authorsSchedule()}`,
        template: '/api/schedules/{id}',
        body: () => ({ waitMinutes: 5 }),
        allowed: authors,
      },
      {
        method: 'DELETE',
        path: async () => `/api/schedules/${await authorsSchedule()}`,
        template: '/api/schedules/{id}',
        allowed: authors,
      },
      { method: 'GET', path: '/api/audit?limit=5', allowed: ['approver', 'admin'] },
      { method: 'GET', path: '/api/audit/verify', allowed: ['approver', 'admin'] },
      { method: 'GET', path: '/api/audit/export?format=jsonl', allowed: ['approver', 'admin'] },
      {
        method: 'POST',
        path: async () => `/api/schedules/${await newSchedule()}/fire`,
        template: '/api/schedules/{id}/fire',
        allowed: authors,
      },
      { method: 'GET', path: '/api/calendar?from=2026-11-01&to=2026-11-30&roots=CL', allowed: everyone },
      // The feed takes an API token in the query, never a session: 401 for every signed-in role too.
      { method: 'GET', path: '/api/calendar.ics', allowed: everyone, ok: [401] },
      {
        method: 'POST',
        path: '/api/calendar/events',
        body: () => ({ date: '2026-11-18', title: 'Offsite', category: 'other' }),
        allowed: workers,
      },
      {
        method: 'PATCH',
        path: async () =>
          `/api/calendar/events/${(await owner.json('POST', '/api/calendar/events', { date: '2026-11-18', title: 'E', category: 'other' })).body.id}`,
        template: '/api/calendar/events/{id}',
        body: () => ({ title: 'Moved' }),
        allowed: workers,
      },
      {
        method: 'DELETE',
        path: async () =>
          `/api/calendar/events/${(await owner.json('POST', '/api/calendar/events', { date: '2026-11-18', title: 'E', category: 'other' })).body.id}`,
        template: '/api/calendar/events/{id}',
        allowed: workers,
      },
      { method: 'GET', path: '/api/expirations/2026-11-20', template: '/api/expirations/{date}', allowed: everyone },
      {
        method: 'PUT',
        path: '/api/expirations/2026-11-20/settings',
        template: '/api/expirations/{date}/settings',
        body: () => ({ cutoff: '17:30' }),
        allowed: workers,
      },
      // The first allowed role ticks the step, the others find it done (409); then one unticks it and the others find nothing (404).
      {
        method: 'POST',
        path: '/api/expirations/2026-11-20/steps/cutoff',
        template: '/api/expirations/{date}/steps/{step}',
        allowed: workers,
        ok: [200, 409],
      },
      {
        method: 'DELETE',
        path: '/api/expirations/2026-11-20/steps/cutoff',
        template: '/api/expirations/{date}/steps/{step}',
        allowed: workers,
        ok: [200, 404],
      },
      // No step is done: 409 steps_missing for whoever may sign off.
      {
        method: 'POST',
        path: '/api/expirations/2026-11-20/sign-off',
        template: '/api/expirations/{date}/sign-off',
        allowed: ['approver', 'admin'],
        ok: [409],
      },
      // Last: it ends the sessions the walk uses. Signing out without a session is harmless.
      { method: 'POST', path: '/api/auth/logout', allowed: 'public' },
    ];

    const doc = (await owner.json('GET', '/api/openapi.json')).body;
    const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const walked = routes.map((r) => `${r.method} ${(r.template ?? (r.path as string)).replace(/\?.*/, '').replace(/\/\d+/g, '/{id}')}`);
    const template = (route: string) => route.replace(/\{version\}/, '{id}');
    expect(documented.map(template).filter((r) => !walked.includes(r))).toEqual([]);

    for (const route of routes) {
      for (const [role, client] of Object.entries(clients)) {
        const path = typeof route.path === 'string' ? route.path : await route.path();
        const body = await route.body?.();
        const { status } = await client.request(route.method, path, body);
        const allowed = route.allowed === 'public' || route.allowed.includes(role);
        const expected = allowed
          ? (route.ok ?? []).includes(status) || (status < 300 && !route.ok?.every((s) => s >= 400))
          : status === (role === 'none' ? 401 : 403);
        expect(expected, `${role} ${route.method} ${path} gave ${status}`).toBe(true);
      }
    }
    await server.runs.idle();
  });
});

describe('datasets', () => {
  it('imports all or nothing, names the line at fault, detects a re-import and pages rows', async () => {
    const server = testServer();
    const client = await admin(server);
    const bad = await client.json(
      'POST',
      '/api/datasets',
      fileForm({ name: 'bad', types: '{"qty":"number"}' }, { name: 'bad.csv', text: 'id,qty\nA,1\nB,x\n' }),
    );
    expect(bad).toMatchObject({
      status: 422,
      body: {
        error: {
          code: 'bad_value',
          message: 'bad.csv, line 3, column "qty": "x" is not a number (the column is set to number)',
          details: { line: 3, column: 'qty' },
        },
      },
    });
    expect((await client.json('GET', '/api/datasets')).body).toEqual([]);
    const form = () => fileForm({ name: 'blotter' }, { name: 'fo_blotter.csv', path: examples('data', 'fo_blotter.csv') });
    const first = await client.json('POST', '/api/datasets', form());
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ name: 'blotter', sourceName: 'fo_blotter.csv', rows: 2825, duplicate: false });
    const again = await client.json('POST', '/api/datasets', form());
    expect(again).toMatchObject({ status: 200, body: { id: first.body.id, duplicate: true } });
    const page = await client.json('GET', `/api/datasets/${first.body.id}/rows?offset=2820&limit=10`);
    expect(page.body).toMatchObject({ offset: 2820, total: 2825 });
    expect(page.body.rows).toHaveLength(5);
    expect((await client.json('GET', '/api/datasets/999')).body.error).toEqual({
      code: 'not_found',
      message: 'dataset 999 does not exist',
    });
    expect((await client.json('POST', '/api/datasets', fileForm({ name: 'x' }, { name: 'x.pdf', text: '%PDF' }))).status).toBe(422);
    expect(
      (await client.json('POST', '/api/datasets', fileForm({ name: 'x', types: '{' }, { name: 'x.csv', text: 'a\n1\n' }))).body.error.code,
    ).toBe('bad_types');
    expect((await client.request('DELETE', `/api/datasets/${first.body.id}`)).status).toBe(204);
  });

  it('refuses uploads over the size limit with 413', async () => {
    const server = testServer({ TICKMARK_MAX_UPLOAD_MB: '1' });
    const client = await admin(server);
    const big = `a\n${'1234567890\n'.repeat(120_000)}`;
    const response = await client.json('POST', '/api/datasets', fileForm({ name: 'big' }, { name: 'big.csv', text: big }));
    expect(response).toMatchObject({ status: 413, body: { error: { code: 'too_large' } } });
  });
});

describe('sheets', () => {
  it('saves new versions and answers a stale save with 409, losing nothing', async () => {
    const server = testServer();
    const client = await admin(server);
    const { sheetId } = await importExamples(client);
    const sheet = (await client.json('GET', `/api/sheets/${sheetId}`)).body;
    expect(sheet.version).toBe(1);
    const edited = structuredClone(sheet.workbook);
    edited.sheets[0].cells[6] = ['Param PriceTol', 0.01];
    const saved = await client.json('PUT', `/api/sheets/${sheetId}`, { baseVersion: 1, workbook: edited, note: 'looser price tolerance' });
    expect(saved).toMatchObject({ status: 200, body: { version: 2 } });
    const stale = await client.json('PUT', `/api/sheets/${sheetId}`, { baseVersion: 1, workbook: sheet.workbook });
    expect(stale).toMatchObject({ status: 409, body: { error: { code: 'stale_version', details: { currentVersion: 2 } } } });
    expect((await client.json('GET', `/api/sheets/${sheetId}`)).body.workbook).toEqual(edited);
    expect((await client.json('GET', `/api/sheets/${sheetId}/versions/1`)).body.workbook).toEqual(sheet.workbook);
    expect((await client.json('GET', `/api/sheets/${sheetId}/versions`)).body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await client.json('PUT', `/api/sheets/${sheetId}`, { baseVersion: 2, workbook: { sheets: 'no' } })).status).toBe(400);
    expect((await client.json('POST', '/api/sheets', fileForm({}, { name: 'x.txt', text: 'x' }))).status).toBe(415);
    expect((await client.json('POST', '/api/sheets', fileForm({}, { name: 'x.xlsx', text: 'x' }))).body.error.message).toMatch(
      /^x.xlsx: not an .xlsx workbook/,
    );
  });

  it('lists by cell the formulas of an upload the engine cannot evaluate, and keeps them', async () => {
    const server = testServer();
    const client = await admin(server);
    const workbook = {
      sheets: [
        {
          name: 'Settings',
          cells: [
            ['Type', 'Check'],
            ['Note', '=NOSUCHFUNCTION(1)'],
          ],
        },
      ],
      names: [],
    };
    const uploaded = await client.json('POST', '/api/sheets', fileForm({}, { name: 'odd.json', text: JSON.stringify(workbook) }));
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.issues).toEqual([{ sheet: 'Settings', cell: 'B2', message: 'Tickmark has no function NOSUCHFUNCTION' }]);
    expect((await client.json('GET', `/api/sheets/${uploaded.body.id}`)).body.workbook.sheets[0].cells[1][1]).toBe('=NOSUCHFUNCTION(1)');
  });
});

describe('sheet export', () => {
  it('exports any version as .xlsx that reads back to the same workbook', async () => {
    const server = testServer();
    const client = await admin(server);
    const { sheetId } = await importExamples(client);
    const current = (await client.json('GET', `/api/sheets/${sheetId}`)).body;
    const response = await client.request('GET', `/api/sheets/${sheetId}/export.xlsx?version=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="fo-vs-broker v1.xlsx"');
    const { readWorkbookXlsx } = await import('../../rules/xlsx/read-workbook.js');
    const back = readWorkbookXlsx(new Uint8Array(await response.arrayBuffer())).workbook;
    expect(back.sheets.map((s) => s.cells)).toEqual(current.workbook.sheets.map((s: { cells: unknown[][] }) => s.cells));
    expect((await client.request('GET', `/api/sheets/${sheetId}/export.xlsx?version=9`)).status).toBe(404);
  });
});

describe('runs', () => {
  it('runs in the background, reports counts, and serves exceptions paged, filtered, sorted and downloaded', async () => {
    const server = testServer();
    const client = await admin(server);
    const { ids, sheetId } = await importExamples(client);
    const started = await client.json('POST', `/api/sheets/${sheetId}/runs`, { data: ids });
    expect(started).toMatchObject({ status: 202, body: { status: 'queued' } });
    await server.runs.idle();
    const run = (await client.json('GET', `/api/runs/${started.body.id}`)).body;
    expect(run).toMatchObject({ status: 'succeeded', counts: { rows: 757, matched: 752, left_only: 2, right_only: 3, exceptions: 9 } });
    expect(run.inputs.fo_blotter.sha256).toMatch(/^[0-9a-f]{64}$/);
    const page = (await client.json('GET', `/api/runs/${run.id}/exceptions?limit=4`)).body;
    expect(page.total).toBe(9);
    expect(page.rows).toHaveLength(4);
    const rowsOf = async (query: string) =>
      (await client.json('GET', `/api/runs/${run.id}/exceptions?${query}`)).body.rows.map((r: { row: number }) => r.row);
    const inRowOrder = await rowsOf('limit=100');
    expect(inRowOrder).toEqual([...inRowOrder].sort((a, b) => a - b));
    expect(await rowsOf('offset=5&limit=3')).toEqual(inRowOrder.slice(5, 8));
    expect(await rowsOf('offset=2&limit=3&order=desc')).toEqual([...inRowOrder].reverse().slice(2, 5));
    expect(await rowsOf('offset=8&limit=5&order=desc')).toEqual([inRowOrder[0]]);
    const quantity = (await client.json('GET', `/api/runs/${run.id}/exceptions?kind=quantity,price`)).body;
    expect(quantity.rows.map((r: { kind: string; key: string }) => `${r.kind}:${r.key}`).sort()).toEqual([
      'price:p1:B5220',
      'quantity:p1:B5016',
    ]);
    const sorted = (await client.json('GET', `/api/runs/${run.id}/exceptions?sort=kind&order=desc`)).body.rows.map(
      (r: { kind: string }) => r.kind,
    );
    expect(sorted).toEqual([...sorted].sort().reverse());
    const search = (await client.json('GET', `/api/runs/${run.id}/exceptions?q=B9999`)).body;
    expect(search.rows.map((r: { kind: string }) => r.kind)).toEqual(['missing in FO']);
    const csv = await client.request('GET', `/api/runs/${run.id}/exceptions?format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toMatch(/^left.block_id,right.confirm_id,match/);
    expect(lines).toHaveLength(10);
    const xlsx = await client.request('GET', `/api/runs/${run.id}/exceptions?format=xlsx&kind=quantity`);
    const book = XLSX.read(new Uint8Array(await xlsx.arrayBuffer()));
    expect(XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]])).toHaveLength(1);
    const results = (await client.json('GET', `/api/runs/${run.id}/results?offset=750&limit=100`)).body;
    expect(results).toMatchObject({ total: 757, offset: 750 });
    expect(results.rows).toHaveLength(7);
  });

  it('fails a run with the place at fault and cancels a queued one', async () => {
    const server = testServer();
    const client = await admin(server);
    const { ids, sheetId } = await importExamples(client);
    const missing = await client.json('POST', `/api/sheets/${sheetId}/runs`, { data: { fo_blotter: ids.fo_blotter } });
    const queued = await client.json('POST', `/api/sheets/${sheetId}/runs`, { data: ids });
    const cancelled = await client.json('POST', `/api/runs/${queued.body.id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    await server.runs.idle();
    const failed = (await client.json('GET', `/api/runs/${missing.body.id}`)).body;
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'missing_dataset', details: { sheet: 'Settings', cell: 'B3' } } });
    expect((await client.json('POST', `/api/runs/${queued.body.id}/cancel`)).status).toBe(409);
    expect((await client.json('GET', `/api/runs/${failed.id}/exceptions`)).status).toBe(409);
    expect((await client.json('POST', `/api/sheets/${sheetId}/runs`, { data: { x: 999 } })).status).toBe(404);
  });

  it('streams progress as Server-Sent Events until the run ends', async () => {
    const server = testServer();
    const client = await admin(server);
    const { ids, sheetId } = await importExamples(client);
    const { body } = await client.json('POST', `/api/sheets/${sheetId}/runs`, { data: ids });
    const response = await client.request('GET', `/api/runs/${body.id}/events`);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const text = await response.text();
    expect(text).toMatch(/^event: status/m);
    expect(text).toMatch(/"status":"succeeded"/);
    expect(
      text
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('event: '))
        .at(-1),
    ).toBe('event: status');
  });

  it('marks runs a stopped server left behind as failed, with nothing half-written', async () => {
    const server = testServer();
    const client = await admin(server);
    const { ids, sheetId } = await importExamples(client);
    const run = createRun(server.db, { sheetId, data: ids });
    markRunning(server.db, run.id);
    expect(failInterruptedRuns(server.db)).toEqual([run.id]);
    expect(getRun(server.db, run.id)).toMatchObject({ status: 'failed', error: { code: 'interrupted' } });
  });
});

describe('API description', () => {
  it('serves an OpenAPI 3.1 document, a reference page and one error shape for unknown routes', async () => {
    const server = testServer();
    const doc = await (await server.app.request('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/datasets',
        '/api/sheets',
        '/api/sheets/{id}/runs',
        '/api/runs/{id}',
        '/api/runs/{id}/exceptions',
      ]),
    );
    expect((await server.app.request('/api/docs')).status).toBe(200);
    expect(await (await server.app.request('/api/nope')).json()).toEqual({
      error: { code: 'not_found', message: 'no route GET /api/nope' },
    });
  });
});
