/**
 * Soak test (issue 15): the real server in its own process on a fresh data folder with the
 * demo loaded; N virtual users, each signed in with their own session and CSRF token, for M
 * minutes mixing page reads (sheets, runs, queue pages, a run's exceptions), queue updates
 * (each user their own items, sent with the item's version), small CSV uploads, and official
 * and test runs started every ~20 s. Counts errors (5xx, network failures, unexpected 4xx;
 * a 409 on an honest version conflict is counted apart) and prints p50/p95/p99 per kind.
 * Exits non-zero when there was any error.
 *
 *   npx tsx bench/soak.ts [--minutes 5] [--users 50] [--think-ms 500]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '5' },
    users: { type: 'string', default: '50' },
    'think-ms': { type: 'string', default: '500' },
    'run-every-s': { type: 'string', default: '20' },
  },
});
const minutes = Number(values.minutes);
const userCount = Number(values.users);
const thinkMs = Number(values['think-ms']);
const runEveryMs = Number(values['run-every-s']) * 1000;
const dir = join('bench', 'out', 'soak');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const port = 3800 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${port}`;
const ADMIN = { email: 'soak-admin@example.com', password: 'soak admin password' };

type Kind = 'read' | 'queue update' | 'upload' | 'run start';
const latencies: Record<Kind, number[]> = { read: [], 'queue update': [], upload: [], 'run start': [] };
const errors: string[] = [];
let conflicts = 0;
let runsStarted = 0;
const runOutcomes: Record<string, number> = {};

/** A signed-in person: their cookie and CSRF token, like the web app holds them. */
interface Session {
  email: string;
  cookie: string;
  csrf: string;
}

/** One request, timed under `kind`; a status outside `ok` is an error (409s are passed in when expected). */
async function call(
  session: Session,
  kind: Kind | null,
  method: string,
  path: string,
  body?: unknown,
  ok: number[] = [],
): Promise<Response | null> {
  const headers: Record<string, string> = { Cookie: session.cookie };
  if (method !== 'GET') headers['X-Tickmark-CSRF'] = session.csrf;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  const started = performance.now();
  try {
    const response = await fetch(`${base}${path}`, { method, headers, body: payload });
    const elapsed = performance.now() - started;
    if (response.status >= 300 && !ok.includes(response.status)) {
      errors.push(`${session.email} ${method} ${path}: ${response.status} ${(await response.text()).slice(0, 200)}`);
      return null;
    }
    if (kind) latencies[kind].push(elapsed);
    return response;
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    errors.push(
      `${session.email} ${method} ${path}: network: ${(error as Error).message} (${cause?.code ?? cause?.message ?? 'no cause'})`,
    );
    return null;
  }
}

async function signIn(email: string, password: string): Promise<Session> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0];
  return { email, cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bench reads a few known fields
async function json(session: Session, method: string, path: string, body?: unknown): Promise<any> {
  const response = await call(session, null, method, path, body);
  if (!response) throw new Error(`setup ${method} ${path} failed: ${errors.at(-1)}`);
  return response.json();
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;

const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  env: {
    ...process.env,
    TICKMARK_DATA_DIR: join(dir, 'data'),
    PORT: String(port),
    TICKMARK_HOST: '127.0.0.1',
    TICKMARK_DEMO: 'true',
    TICKMARK_ADMIN_EMAIL: ADMIN.email,
    TICKMARK_ADMIN_PASSWORD: ADMIN.password,
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
// However this script ends, the server it started ends with it.
process.on('exit', () => server.kill('SIGTERM'));
await new Promise<void>((resolve) => server.stdout!.on('data', (d: Buffer) => d.toString().includes('running on') && resolve()));

try {
  const admin = await signIn(ADMIN.email, ADMIN.password);
  const sheets = (await json(admin, 'GET', '/api/sheets')) as { id: number; name: string }[];
  const recon = sheets.find((s) => s.name === 'fo-vs-broker');
  if (!recon) throw new Error('the demo sheet fo-vs-broker is missing');
  // The run's inputs as the run dialog offers them: the newest fitting dataset of each.
  const offers = (await json(admin, 'GET', `/api/sheets/${recon.id}/inputs`)) as { name: string; candidates: { id: number }[] }[];
  const data = Object.fromEntries(offers.map((o) => [o.name, o.candidates[0].id]));
  const runToEnd = async (id: number) => {
    for (;;) {
      const run = await json(admin, 'GET', `/api/runs/${id}`);
      if (run.status !== 'queued' && run.status !== 'running') return run;
      await sleep(250);
    }
  };
  const first = await runToEnd((await json(admin, 'POST', `/api/sheets/${recon.id}/runs`, { data })).id);
  if (first.status !== 'succeeded') throw new Error(`the first official run ${first.status}`);
  const items = ((await json(admin, 'GET', '/api/queue?limit=500')).items ?? []) as { id: number }[];
  if (items.length === 0) throw new Error('the first official run left no queue items');
  const detail = await json(admin, 'GET', `/api/sheets/${recon.id}`);

  const people: Session[] = [];
  for (let i = 0; i < userCount; i++) {
    const email = `soak-${i}@example.com`;
    await json(admin, 'POST', '/api/users', { email, name: `Soak ${i}`, password: 'soak user password', role: 'author' });
    people.push(await signIn(email, 'soak user password'));
  }
  console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(
    `load: ${userCount} users, ${minutes} min, think time 0-${thinkMs * 2} ms, a run every ${runEveryMs / 1000} s; ${items.length} queue items (${items.length >= userCount ? `about ${Math.round(items.length / userCount)} per user` : `each shared by about ${Math.round(userCount / items.length)} users`})`,
  );

  const deadline = Date.now() + minutes * 60_000;
  const runIds = [first.id as number];
  // Exceptions exist only for a succeeded run (409 run_not_finished otherwise): pages read them there.
  const finishedRuns = [first.id as number];

  const read = (me: Session) => {
    const path = pick([
      '/api/sheets',
      '/api/runs',
      `/api/runs/${pick(runIds)}`,
      `/api/runs/${pick(finishedRuns)}/exceptions?limit=50&offset=${50 * Math.floor(Math.random() * 2)}`,
      `/api/queue?limit=50&offset=${50 * Math.floor(Math.random() * Math.ceil(items.length / 50))}`,
      `/api/queue?limit=50&sort=age&status=open`,
      '/api/queue/facets',
      `/api/sheets/${recon.id}`,
      '/api/datasets',
    ]);
    return call(me, 'read', 'GET', path);
  };

  // Each user works their own items; with fewer items than users, some are shared, and a
  // change made on a version someone else has just moved on is an honest 409.
  const update = async (me: Session, index: number) => {
    const mine = items.filter((_, k) => k % userCount === index % items.length || k === index % items.length);
    const item = pick(mine);
    const current = await call(me, 'read', 'GET', `/api/queue/${item.id}`);
    if (!current) return;
    const { version } = (await current.json()) as { version?: number };
    const change = Math.random() < 0.5 ? { label: `soak ${index} ${Date.now() % 1000}` } : { comment: `checked by soak user ${index}` };
    const response = await call(
      me,
      'queue update',
      'PATCH',
      `/api/queue/${item.id}`,
      { ...change, ...(version ? { version } : {}) },
      [409],
    );
    if (response?.status === 409) {
      const body = (await response.json()) as { error: { code: string } };
      if (body.error.code === 'stale') conflicts += 1;
      else errors.push(`${me.email} PATCH /api/queue/${item.id}: 409 ${body.error.code}`);
    }
  };

  const upload = (me: Session, index: number) => {
    const rows = Array.from({ length: 20 }, (_, r) => `S${index}-${r},${(Date.now() + r) % 997},${(r * 1.25).toFixed(2)}`);
    const form = new FormData();
    form.append('name', `soak_${index}`);
    form.append('file', new File([`id,qty,price\n${rows.join('\n')}\n`], `soak-${index}.csv`));
    return call(me, 'upload', 'POST', '/api/datasets', form);
  };

  const user = async (me: Session, index: number) => {
    await sleep(Math.random() * thinkMs * 2);
    while (Date.now() < deadline) {
      const roll = Math.random();
      if (roll < 0.7) await read(me);
      else if (roll < 0.9) await update(me, index);
      else await upload(me, index);
      await sleep(Math.random() * thinkMs * 2);
    }
  };

  // Every ~20 s someone starts a run: official runs of the approved version and test runs of
  // it, as people do; one at a time runs, the rest queue.
  const starter = async () => {
    let n = 0;
    while (Date.now() < deadline - runEveryMs / 2) {
      await sleep(runEveryMs * (0.75 + Math.random() / 2));
      const me = pick(people);
      const official = n++ % 2 === 0;
      const body = official ? { data, confirmAnomalies: true } : { data, version: detail.version };
      const response = await call(me, 'run start', 'POST', `/api/sheets/${recon.id}/runs`, body);
      if (response) {
        runsStarted += 1;
        const id = ((await response.json()) as { id: number }).id;
        runIds.push(id);
        // A failed poll is already counted as an error by call(); the run is waited for again at the end.
        runToEnd(id).then(
          (run) => run.status === 'succeeded' && finishedRuns.push(id),
          () => {},
        );
      }
    }
  };

  const started = performance.now();
  await Promise.all([...people.map((p, i) => user(p, i)), starter()]);
  const seconds = (performance.now() - started) / 1000;
  for (const id of runIds.slice(1)) {
    const run = await runToEnd(id);
    runOutcomes[run.status] = (runOutcomes[run.status] ?? 0) + 1;
    if (run.status !== 'succeeded') errors.push(`run ${id} ${run.status}: ${run.error ?? ''}`);
  }

  const table = (Object.keys(latencies) as Kind[]).map((kind) => {
    const sorted = [...latencies[kind]].sort((a, b) => a - b);
    return {
      kind,
      requests: sorted.length,
      p50: Math.round(percentile(sorted, 50)),
      p95: Math.round(percentile(sorted, 95)),
      p99: Math.round(percentile(sorted, 99)),
      max: Math.round(sorted.at(-1) ?? 0),
    };
  });
  const total = table.reduce((a, r) => a + r.requests, 0);
  console.log(`${total} requests in ${seconds.toFixed(0)} s (${(total / seconds).toFixed(1)} req/s)`);
  for (const r of table)
    console.log(`${r.kind}: ${r.requests} requests, p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, max ${r.max} ms`);
  console.log(`runs started meanwhile: ${runsStarted} (${JSON.stringify(runOutcomes)}); honest 409 stale conflicts: ${conflicts}`);
  console.log(`errors: ${errors.length}`);
  for (const e of errors.slice(0, 20)) console.log(`  ${e}`);
  writeFileSync(
    join(dir, 'result.json'),
    JSON.stringify({ minutes, users: userCount, thinkMs, seconds, table, runsStarted, runOutcomes, conflicts, errors }, null, 2),
  );
  process.exitCode = errors.length ? 1 : 0;
} finally {
  server.kill('SIGTERM');
}
