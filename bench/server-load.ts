/**
 * Load benchmark (issue: server): the real server in its own process on a fresh SQLite file;
 * a run with 100k exceptions; then 50 concurrent connections for 30 s on its exceptions
 * listing (random pages) while a 100k x 100k reconciliation runs at the same time.
 * Prints requests per second and p50/p99 latency, then a shorter mixed phase (sorted,
 * filtered, searched pages and the queue), then (issue 14) the listing again while one
 * 1M x 1M reconciliation runs in the run worker, which must fit its heap cap
 * (TICKMARK_RUN_MEMORY_MB, 1,536 MB by default).
 *
 *   npx tsx bench/server-load.ts [--seconds 30] [--connections 50] [--big-rows 1000000 | --big-rows 0]
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateRecon } from './generate-recon.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    connections: { type: 'string', default: '50' },
    'big-rows': { type: 'string', default: '1000000' },
  },
});
const bigRows = Number(values['big-rows']);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const dir = join('bench', 'out', 'server-load');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const port = 3900 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${port}`;

// 100k front-office rows against a broker file where every quantity is off by one: 100k breaks.
const N = 100_000;
const left = ['id,account,qty'];
const right = ['ref,account,qty'];
for (let i = 0; i < N; i++) {
  left.push(`T${i},ACC${i % 7},${100 + (i % 900)}`);
  right.push(`T${i},ACC${i % 7},${101 + (i % 900)}`);
}
writeFileSync(join(dir, 'left.csv'), left.join('\n'));
writeFileSync(join(dir, 'right.csv'), right.join('\n'));
const breaks = {
  sheets: [
    {
      name: 'Settings',
      cells: [
        ['Type', 'Reconciliation'],
        ['Left', 'L'],
        ['Right', 'R'],
        ['Match 1', 'id = ref'],
      ],
    },
    {
      name: 'Rows',
      cells: [
        ['left.id', 'left.account', 'left.qty', 'right.qty', 'match', 'Exception'],
        [null, null, null, null, null, '=IF(E2<>"matched",E2,IF(C2<>D2,"quantity",""))'],
      ],
    },
  ],
  names: [],
};
writeFileSync(join(dir, 'breaks.json'), JSON.stringify(breaks));
const recon = await generateRecon(join(dir, 'recon'), N);

const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  env: {
    ...process.env,
    TICKMARK_DATA_DIR: join(dir, 'data'),
    PORT: String(port),
    TICKMARK_HOST: '127.0.0.1',
    TICKMARK_DEMO: 'false',
    TICKMARK_ADMIN_EMAIL: 'bench@example.com',
    TICKMARK_ADMIN_PASSWORD: 'bench password 1',
    // The 1M-row phase's files: 8M cells and ~50 MB each.
    TICKMARK_MAX_CELLS: '50000000',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve) => server.stdout!.on('data', (d: Buffer) => d.toString().includes('running on') && resolve()));

try {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.com', password: 'bench password 1' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const tokenResponse = await call('POST', '/api/tokens', { name: 'bench' }, { Cookie: cookie, 'X-Tickmark-CSRF': csrfToken });
  const auth = { Authorization: `Bearer ${tokenResponse.token as string}` };

  // Runs are test runs of version 1: an official run needs an approved version (governance.md 2).
  const upload = async (path: string, fields: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new File([readFileSync(path)], path.split('/').pop()!));
    const response = await fetch(`${base}${fields.name ? '/api/datasets' : '/api/sheets'}`, { method: 'POST', headers: auth, body: form });
    if (response.status >= 300) throw new Error(`${path}: ${await response.text()}`);
    return ((await response.json()) as { id: number }).id;
  };
  const runToEnd = async (id: number) => {
    for (;;) {
      const run = await call('GET', `/api/runs/${id}`, undefined, auth);
      if (run.status !== 'queued' && run.status !== 'running') return run;
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  const L = await upload(join(dir, 'left.csv'), { name: 'L' });
  const R = await upload(join(dir, 'right.csv'), { name: 'R' });
  const breaksSheet = await upload(join(dir, 'breaks.json'));
  const t = performance.now();
  const breaksRun = await runToEnd((await call('POST', `/api/sheets/${breaksSheet}/runs`, { data: { L, R }, version: 1 }, auth)).id);
  console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(
    `run with ${breaksRun.counts.exceptions.toLocaleString('en-US')} exceptions: ${breaksRun.status} in ${((performance.now() - t) / 1000).toFixed(1)} s (queue: ${JSON.stringify(breaksRun.queueChanges)})`,
  );

  const fo = await upload(recon.fo, { name: 'fo' });
  const broker = await upload(recon.broker, { name: 'broker' });
  const reconSheet = await upload(recon.sheet);
  // Reconciliations back to back for as long as the listing is under load.
  let loading = true;
  const reconSeconds: number[] = [];
  const background = (async () => {
    while (loading) {
      const started = performance.now();
      const run = await runToEnd((await call('POST', `/api/sheets/${reconSheet}/runs`, { data: { fo, broker }, version: 1 }, auth)).id);
      if (run.status !== 'succeeded') throw new Error(`background reconciliation ${run.status}`);
      reconSeconds.push((performance.now() - started) / 1000);
    }
  })();

  const page = () => `/api/runs/${breaksRun.id}/exceptions?limit=100&offset=${100 * Math.floor(Math.random() * (N / 100))}`;
  const listing = await load('exceptions listing, random pages of 100', seconds, [{ setupRequest: (r) => ({ ...r, path: page() }) }]);
  loading = false;
  await background;
  console.log(
    `reconciliations 100k x 100k run back to back meanwhile: ${reconSeconds.length}, ${reconSeconds.map((x) => x.toFixed(1)).join(' s, ')} s each (the last finished after the load)`,
  );
  // Sorted, searched and filtered views of the same run, and the queue, each at random pages;
  // the first request of each view is timed on its own (cold: the view's order is computed).
  const offset = () => 100 * Math.floor(Math.random() * 200);
  const views = [
    `/api/runs/${breaksRun.id}/exceptions?limit=100&sort=2&order=desc`,
    `/api/runs/${breaksRun.id}/exceptions?limit=100&q=ACC3`,
    `/api/runs/${breaksRun.id}/exceptions?limit=100&kind=quantity`,
    `/api/queue?limit=100&sort=age`,
  ];
  for (const view of views) {
    const started = performance.now();
    await call('GET', view, undefined, auth);
    console.log(`cold ${view.replace(/^\/api\/runs\/\d+/, '/api/runs/N')}: ${(performance.now() - started).toFixed(0)} ms`);
  }
  const other = await load('mixed: sorted, searched, filtered views and the queue, random pages', Math.max(5, Math.round(seconds / 3)), [
    { setupRequest: (r) => ({ ...r, path: `${views[Math.floor(Math.random() * views.length)]}&offset=${offset()}` }) },
  ]);
  const big = bigRows > 0 ? await duringBigRun() : null;
  writeFileSync(join(dir, 'result.json'), JSON.stringify({ listing, other, reconSeconds, big }, null, 2));

  /** The listing under load while one bigRows x bigRows reconciliation is in progress in the run worker. */
  async function duringBigRun() {
    const files = await generateRecon(join(dir, 'recon-big'), bigRows);
    const started = performance.now();
    const bigFo = await upload(files.fo, { name: 'fo' });
    const bigBroker = await upload(files.broker, { name: 'broker' });
    console.log(
      `imported ${bigRows.toLocaleString('en-US')} x ~${bigRows.toLocaleString('en-US')} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const runStarted = performance.now();
    const id = (await call('POST', `/api/sheets/${reconSheet}/runs`, { data: { fo: bigFo, broker: bigBroker }, version: 1 }, auth))
      .id as number;
    // Wait for the worker to start evaluating, so the load meets the run, not the queue.
    while ((await call('GET', `/api/runs/${id}`, undefined, auth)).status === 'queued') await new Promise((r) => setTimeout(r, 100));
    const during = await load(`exceptions listing during a ${bigRows.toLocaleString('en-US')}-row run`, seconds, [
      { setupRequest: (r) => ({ ...r, path: page() }) },
    ]);
    const after = await call('GET', `/api/runs/${id}`, undefined, auth);
    const stillRunning = after.status === 'running';
    const run = await runToEnd(id);
    const runSeconds = (performance.now() - runStarted) / 1000;
    console.log(
      `the ${bigRows.toLocaleString('en-US')}-row run: ${run.status} in ${runSeconds.toFixed(1)} s, ${run.counts?.exceptions ?? '?'} exceptions; ` +
        `${stillRunning ? 'still running when the load ended' : 'finished before the load ended (the figure covers part of the run)'}`,
    );
    if (run.status !== 'succeeded') throw new Error(`the ${bigRows}-row run ${run.status}: ${JSON.stringify(run.error)}`);
    return { ...during, runSeconds, stillRunning };
  }

  async function load(what: string, duration: number, requests: autocannon.Request[]) {
    const result = await autocannon({ url: base, connections, duration, headers: auth, requests });
    const line = {
      what,
      connections,
      seconds: duration,
      requests: result.requests.total,
      rps: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
    };
    console.log(
      `${what}: ${line.rps} req/s, p50 ${line.p50} ms, p99 ${line.p99} ms (${line.requests} requests, ${connections} connections, ${duration} s, ${line.non2xx} non-2xx, ${line.errors} errors)`,
    );
    return line;
  }
} finally {
  server.kill('SIGTERM');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bench reads a few known fields
async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<any> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...headers, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}
