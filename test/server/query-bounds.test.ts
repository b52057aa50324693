/**
 * No value of a query or path parameter is a server fault: every GET route the API documents
 * (read from its own OpenAPI document, so a new route is walked without being listed here)
 * is called with hostile values for each of its parameters and with unknown ones, and must
 * answer below 500. Bulk filters have a size limit, named when exceeded.
 */
import { describe, expect, it } from 'vitest';
import { admin, approveLatest, Client, examples, fileForm, testServer } from './helpers.js';

const HOSTILE = [
  '99999999999999999999999',
  '9007199254740993',
  '-1',
  '-99999999999999999999999',
  '0',
  'NaN',
  'Infinity',
  '1e400',
  '1.5',
  '0x10',
  '',
  ' ',
  'x'.repeat(10_000),
  '%00',
  "'; DROP TABLE runs; --",
  '☃',
  Array.from({ length: 40_000 }, (_, i) => `k${i}`).join(','),
  Array.from({ length: 40_000 }, (_, i) => i + 1).join(','),
];

interface Parameter {
  name: string;
  in: 'path' | 'query';
}

async function walkable(client: Client): Promise<{ path: string; parameters: Parameter[] }[]> {
  const doc = (await client.json('GET', '/api/openapi.json')).body as {
    paths: Record<string, { get?: { parameters?: Parameter[] } }>;
  };
  return Object.entries(doc.paths)
    .filter(([, ops]) => ops.get)
    .map(([path, ops]) => ({ path, parameters: ops.get!.parameters ?? [] }));
}

/** A status, with the body of a streamed answer (run events) let go. */
async function status(client: Client, path: string): Promise<{ status: number; body: string }> {
  const response = await client.request('GET', path);
  const type = response.headers.get('content-type') ?? '';
  if (type.startsWith('text/event-stream')) {
    await response.body?.cancel();
    return { status: response.status, body: '' };
  }
  return { status: response.status, body: type.includes('json') ? await response.text() : '' };
}

describe('query and path parameters', () => {
  it('never make a GET route fail with a server error', { timeout: 300_000 }, async () => {
    const server = testServer();
    const client = await admin(server);
    const ids: Record<string, number> = {};
    for (const name of ['fo_blotter', 'broker_confirms', 'closing_prices']) {
      const form = fileForm({ name }, { name: `${name}.csv`, path: examples('data', `${name}.csv`) });
      ids[name] = (await client.json('POST', '/api/datasets', form)).body.id;
    }
    const recon = (
      await client.json('POST', '/api/sheets', fileForm({}, { name: 'r.xlsx', path: examples('sheets', 'fo-vs-broker.xlsx') }))
    ).body.id as number;
    await approveLatest(client, recon);
    const run = (
      await client.json('POST', `/api/sheets/${recon}/runs`, { data: { fo_blotter: ids.fo_blotter, broker_confirms: ids.broker_confirms } })
    ).body.id as number;
    await server.runs.idle();
    expect((await client.json('GET', `/api/runs/${run}`)).body.status).toBe('succeeded');
    // Good values for each path parameter: real things, so the hostile query values reach the handlers.
    const good: Record<string, string> = { id: String(run), otherId: String(run), version: '1', name: 'Positions', date: '2026-11-20' };
    const routes = await walkable(client);
    expect(routes.length).toBeGreaterThan(20);

    const faults: string[] = [];
    let calls = 0;
    const call = async (path: string) => {
      calls++;
      const answer = await status(client, path);
      if (answer.status >= 500) faults.push(`${answer.status} GET ${path.slice(0, 160)}: ${answer.body.slice(0, 200)}`);
    };
    for (const route of routes) {
      const fill = (overrides: Record<string, string> = {}) =>
        route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(overrides[name] ?? good[name] ?? '1'));
      await call(`${fill()}?unknown=1&${'z'.repeat(200)}=${'y'.repeat(200)}`);
      for (const parameter of route.parameters) {
        for (const value of HOSTILE) {
          if (parameter.in === 'path') {
            // An empty path segment is another route; a 40,000-item list in a path is no id.
            if (value.trim() === '' || value.length > 10_000) continue;
            await call(fill({ [parameter.name]: value }));
          } else {
            await call(`${fill()}?${parameter.name}=${encodeURIComponent(value)}`);
          }
        }
        if (parameter.in === 'query') {
          // The same parameter twice (an array to a parser that allows it).
          await call(`${fill()}?${parameter.name}=1&${parameter.name}=2`);
        }
      }
    }
    expect(faults).toEqual([]);
    expect(calls).toBeGreaterThan(300);
  });

  it('bound a run exceptions sort column by the columns the run has', async () => {
    const server = testServer();
    const client = await admin(server);
    const form = fileForm({ name: 'd' }, { name: 'd.csv', text: 'a\n1\n2\n' });
    const dataset = (await client.json('POST', '/api/datasets', form)).body.id;
    const workbook = {
      sheets: [
        {
          name: 'Settings',
          cells: [
            ['Type', 'Check'],
            ['Data', 'd'],
          ],
        },
        {
          name: 'Rows',
          cells: [
            ['a', 'Exception'],
            [null, '=IF(A2>1,"big","")'],
          ],
        },
      ],
      names: [],
    };
    const sheet = (await client.json('POST', '/api/sheets', fileForm({}, { name: 's.json', text: JSON.stringify(workbook) }))).body.id;
    await approveLatest(client, sheet);
    const run = (await client.json('POST', `/api/sheets/${sheet}/runs`, { data: { d: dataset } })).body.id;
    await server.runs.idle();
    expect(
      (await client.json('GET', `/api/runs/${run}/exceptions?sort=1&order=desc`)).body.rows.map((r: { values: unknown[] }) => r.values),
    ).toEqual([[2, 'big']]);
    for (const sort of ['2', '99999999999999999999999']) {
      const refused = await client.json('GET', `/api/runs/${run}/exceptions?sort=${sort}`);
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/^invalid request: sort: column \d+ is not a column of this run/);
    }
  });

  it('limit the kinds of a bulk filter, naming the limit', async () => {
    const server = testServer();
    const client = await admin(server);
    const kinds = Array.from({ length: 40_000 }, (_, i) => `k${i}`).join(',');
    const bulk = await client.json('POST', '/api/queue/bulk', { filter: { kind: kinds }, change: { label: 'x' } });
    expect(bulk.status).toBe(400);
    expect(bulk.body.error.message).toMatch(/kind.*at most 1,000/);
    const listed = await client.json('GET', `/api/queue?kind=${kinds}`);
    expect(listed.status).toBe(400);
    expect(listed.body.error.message).toMatch(/kind.*at most 1,000/);
    const ids = await client.json('GET', `/api/queue?ids=${Array.from({ length: 1001 }, (_, i) => i + 1).join(',')}`);
    expect(ids.status).toBe(400);
    expect(ids.body.error.message).toMatch(/ids.*at most 1,000/);
    // A long list of ids in a bulk body is a selection ("all 40,000 matching"): refused by item, never a fault.
    const many = Array.from({ length: 40_000 }, (_, i) => i + 1);
    const byIds = await client.json('POST', '/api/queue/bulk', { ids: many, change: { label: 'x' } });
    expect(byIds.status).toBeLessThan(500);
    const byItems = await client.json('POST', '/api/queue/bulk', { items: many.map((id) => ({ id, version: 1 })), change: { label: 'x' } });
    expect(byItems.status).toBeLessThan(500);
    // Within the limit, an ordinary answer.
    const within = Array.from({ length: 1000 }, (_, i) => `k${i}`).join(',');
    expect((await client.json('GET', `/api/queue?kind=${within}`)).status).toBe(200);
  });
});
