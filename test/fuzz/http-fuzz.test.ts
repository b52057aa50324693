/**
 * HTTP fuzz (issue 15): one real server over a real SQLite file with the demo loaded, a
 * signed-in admin and an API token; generated query strings, path ids and JSON bodies (wrong
 * types, huge and negative numbers, arrays, unknown fields, 10 kB strings, unicode) against
 * every operation of /api/openapi.json. Never a 5xx; every 4xx is `{error:{code,message}}`.
 */
import { serve, type ServerType } from '@hono/node-server';
import fc from 'fast-check';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { RunManager } from '../../server/runs/run-manager.js';
import { Scheduler } from '../../server/schedules/scheduler.js';
import { seedDemo } from '../../server/seed.js';
import { tempDir } from '../helpers/files.js';
import { configureFuzz } from './fuzz-helpers.js';

interface Operation {
  method: string;
  path: string;
  query: string[];
  json: boolean;
  multipart: boolean;
  /** Property names of the JSON body's schema, when it has them. */
  fields: string[];
}

let url = '';
let server: ServerType;
let runs: RunManager;
let scheduler: Scheduler;
const auth = { cookie: '', csrf: '', token: '' };
let operations: Operation[] = [];

// Operations that would end the fuzz's own session or start work are held to a few calls.
const SIGN_OUT = /\/api\/auth\/logout|\/password$/;
const STARTS_WORK = /\/runs$|\/run-now$|\/rerun$|\/submit$|\/backtest/;
let workStarted = 0;
const WORK_CAP = 6;

beforeAll(async () => {
  configureFuzz();
  const config = loadConfig({ TICKMARK_DATA_DIR: tempDir('tickmark-http-fuzz-'), TICKMARK_DEMO: 'true' });
  const db = openDatabase(config.databasePath);
  await seedDemo(db, join(process.cwd(), 'examples'));
  runs = new RunManager(db, { databasePath: config.databasePath, memoryMb: 1024 });
  scheduler = new Scheduler(db, runs, {
    watchDir: config.watchDir,
    importLimits: config.importLimits,
    importMemoryMb: config.importMemoryMb,
  });
  const app = createApp({ db, config, runs, scheduler });
  server = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const setup = await fetch(`${url}/api/setup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, name: 'Fuzz', password: ADMIN.password }),
  });
  expect(setup.status).toBeLessThan(300);
  await signIn();
  operations = readOperations(await (await fetch(`${url}/api/openapi.json`)).json());
});

afterAll(async () => {
  scheduler?.stop();
  await runs?.shutdown();
  await new Promise((resolve) => server?.close(resolve));
});

const ADMIN = { email: 'fuzz@example.com', password: 'correct horse battery' };

/**
 * A fresh session and API token for the admin. A generated request may end either (revoke
 * the token, end sessions): the fuzz signs in again rather than walk on as nobody.
 */
async function signIn(): Promise<void> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (login.status !== 200) throw new Error(`the fuzz admin cannot sign in again: ${login.status} ${await login.text()}`);
  auth.cookie = login.headers.get('set-cookie')!.split(';')[0];
  auth.csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const token = await fetch(`${url}/api/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: auth.cookie, 'X-Tickmark-CSRF': auth.csrf },
    body: JSON.stringify({ name: 'fuzz' }),
  });
  if (token.status >= 300) throw new Error(`the fuzz admin cannot make a token: ${token.status} ${await token.text()}`);
  auth.token = ((await token.json()) as { token: string }).token;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an OpenAPI document, read loosely
function readOperations(doc: any): Operation[] {
  const found: Operation[] = [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  for (const [path, item] of Object.entries(doc.paths ?? {}) as [string, Record<string, any>][]) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = (op.parameters ?? []) as { in: string; name: string }[];
      const content = op.requestBody?.content ?? {};
      const schema = content['application/json']?.schema;
      const fields = Object.keys(schema?.properties ?? resolveRef(doc, schema?.$ref)?.properties ?? {});
      found.push({
        method: method.toUpperCase(),
        path,
        query: params.filter((p) => p.in === 'query').map((p) => p.name),
        json: Boolean(content['application/json']),
        multipart: Boolean(content['multipart/form-data']),
        fields,
      });
    }
  }
  return found;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function resolveRef(doc: any, ref: string | undefined): any {
  if (!ref?.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .reduce((node, key) => node?.[key], doc);
}

/** Values of every awkward kind, as JSON. */
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, -1, 1, 2, 3, 1.5, -0, 1e308, -1e308, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER),
  fc.constantFrom(
    '',
    ' ',
    'x'.repeat(10_000),
    '日本語🙂',
    '\u0000',
    '<script>',
    "'; DROP TABLE users; --",
    '2026-11-20',
    'open',
    'resolved',
  ),
  fc.constantFrom(true, false, null),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

/** A query value: numbers out of range, lists, text, nothing. */
const queryValue = fc.oneof(
  // Long, but three of them stay under Node's 16 kB header limit (above it Node answers 431 itself).
  fc.constantFrom('0', '-1', '1', '2', '99999999999999999999', '1e309', 'NaN', 'abc', '', 'true', '1,2', '%00', 'x'.repeat(4_000)),
  fc.constantFrom('asc', 'desc', 'age', 'open', 'score', '2026-11-20', '2026-13-45', '日本'),
  fc.string({ maxLength: 12 }),
);

/** Path ids: real ones (the demo has a few of everything) and bogus ones. */
const pathValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('1', '2', '3', '4', '5') },
  { weight: 2, arbitrary: fc.constantFrom('0', '-1', '99999999', '1.5', 'abc', '1e400', '9'.repeat(400), '%20', '日本', '2026-11-20') },
);

const request = fc.record({
  op: fc.nat(),
  pathValues: fc.array(pathValue, { minLength: 4, maxLength: 4 }),
  query: fc.array(fc.tuple(fc.oneof(fc.nat(), fc.constantFrom('unknown', 'limit', 'offset')), queryValue), { maxLength: 3 }),
  body: fc.oneof(
    {
      weight: 4,
      arbitrary: fc.array(fc.tuple(fc.oneof(fc.nat(), fc.constantFrom('unknown', '__proto__', 'constructor')), jsonValue), {
        maxLength: 5,
      }),
    },
    { weight: 1, arbitrary: jsonValue.map((v) => ({ whole: v })) },
    { weight: 1, arbitrary: fc.constantFrom({ raw: '{' }, { raw: 'not json' }, { raw: '' }, { raw: '[]' }) },
  ),
  bearer: fc.boolean(),
});
type FuzzRequest = typeof request extends fc.Arbitrary<infer T> ? T : never;

/** The URL, init and operation a generated request stands for, or null when it is held back. */
function build(r: FuzzRequest): { op: Operation; target: string; init: RequestInit } | null {
  const op = operations[r.op % operations.length];
  if (SIGN_OUT.test(op.path) && op.method !== 'GET') return null;
  let k = 0;
  const startsWork = op.method === 'POST' && STARTS_WORK.test(op.path);
  const path = op.path.replace(/\{[^}]+\}/g, () => {
    const value = r.pathValues[k++ % r.pathValues.length];
    // Work is started for real only a few times; otherwise the ids are bogus.
    return startsWork && workStarted >= WORK_CAP ? '99999999' : encodeURIComponent(value);
  });
  if (startsWork && workStarted < WORK_CAP) workStarted += 1;
  const search = new URLSearchParams();
  for (const [name, value] of r.query)
    search.append(typeof name === 'number' ? (op.query[name % (op.query.length || 1)] ?? 'q') : name, value);
  const headers: Record<string, string> = r.bearer
    ? { Authorization: `Bearer ${auth.token}` }
    : { Cookie: auth.cookie, 'X-Tickmark-CSRF': auth.csrf };
  const init: RequestInit = { method: op.method, headers };
  if (op.method !== 'GET' && op.method !== 'DELETE') {
    if (op.multipart) {
      const form = new FormData();
      form.append('name', 'fuzz_upload');
      form.append('file', new File(['id,qty\nA,1\nB,x\n'], 'fuzz.csv'));
      init.body = form;
    } else {
      headers['Content-Type'] = 'application/json';
      const b = r.body;
      if (Array.isArray(b)) {
        const fields = op.fields.length ? op.fields : ['name'];
        init.body = JSON.stringify(
          Object.fromEntries(b.map(([key, value]) => [typeof key === 'number' ? fields[key % fields.length] : key, value])),
        );
      } else init.body = 'raw' in b ? b.raw : JSON.stringify(b.whole);
    }
  }
  const qs = search.toString();
  return { op, target: `${url}${path}${qs ? `?${qs}` : ''}`, init };
}

/** What is wrong with a response, or null. */
async function responseProblem(response: Response): Promise<string | null> {
  if (response.status >= 500) return `${response.status}: ${(await response.text()).slice(0, 400)}`;
  // Node's HTTP parser answers a request line and headers over 16 kB itself, before the app
  // sees it: the one 4xx that cannot carry the app's error body.
  if (response.status === 431) return null;
  if (response.status < 400) {
    await response.arrayBuffer();
    return null;
  }
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code !== 'string' || typeof body.error?.message !== 'string' || !body.error.message)
      return `${response.status} without {error:{code,message}}: ${text.slice(0, 300)}`;
    return null;
  } catch {
    return `${response.status} not JSON: ${text.slice(0, 300)}`;
  }
}

describe('HTTP fuzz', () => {
  it('walks the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(60);
    expect(operations.filter((o) => o.json).length).toBeGreaterThan(20);
  });

  it('answers 3,000 generated requests (10 at a time) without a 5xx, every 4xx with {error:{code,message}}', async () => {
    const statuses = new Map<number, number>();
    let reauthentications = 0;
    const checkSession = async (bearer: boolean) => {
      const headers: Record<string, string> = bearer ? { Authorization: `Bearer ${auth.token}` } : { Cookie: auth.cookie };
      return (await fetch(`${url}/api/sheets`, { headers })).status === 200;
    };
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: 10, maxLength: 10 }), async (batch) => {
        const built = batch.map(build).filter((b) => b !== null);
        const problems = await Promise.all(
          built.map(async ({ op, target, init }) => {
            const response = await fetch(target, init);
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            reached.add(`${op.method} ${op.path}`);
            const problem = await responseProblem(response);
            return (
              problem && `${init.method} ${target.slice(url.length, url.length + 300)} body ${String(init.body).slice(0, 300)} → ${problem}`
            );
          }),
        );
        const found = problems.filter(Boolean);
        if (found.length) throw new Error(found.join('\n'));
        if (batch.length && (await Promise.all([checkSession(false), checkSession(true)])).includes(false)) {
          reauthentications += 1;
          await signIn();
        }
      }),
      { numRuns: 310 },
    );
    console.log(
      'HTTP fuzz statuses:',
      Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])),
      `${reached.size} operations reached, signed in again ${reauthentications} times`,
    );
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(2900);
    // Most operations were reached, and not only refused: some requests got through.
    expect(reached.size).toBeGreaterThan(operations.length * 0.9);
    expect([...statuses].filter(([s]) => s < 300).reduce((a, [, n]) => a + n, 0)).toBeGreaterThan(200);
  });
});
