/**
 * `tickmark backup` and `tickmark restore` against the real server in its own process: twenty
 * backups taken while imports and official runs keep writing, each a whole database
 * (integrity_check ok, every table there); a restore round trip that brings back the
 * datasets with an audit chain that verifies; and every refusal in one line. The server also
 * clears leftover upload scratch files at start.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/files.js';
import { Client, type TestServer } from '../server/helpers.js';

const root = process.cwd();
const run = promisify(execFile);
const tickmark = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin/tickmark.mjs'), ...args], { encoding: 'utf8' });
const tickmarkAsync = (args: string[]) => run(process.execPath, [join(root, 'bin/tickmark.mjs'), ...args], { encoding: 'utf8' });

const EMAIL = 'ops@example.com';
const PASSWORD = 'correct horse battery';
const TABLES = ['__drizzle_migrations', 'audit_log', 'datasets', 'exception_items', 'runs', 'sheets', 'users'];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

let server: ChildProcess | undefined;
afterAll(() => {
  server?.kill('SIGTERM');
});

/** `npm start`'s server (tsx server/main.ts) over DIR, with the demo loaded and an admin from the environment. */
async function startServer(dataDir: string): Promise<{ client: Client; base: string }> {
  const port = await freePort();
  server = spawn(join(root, 'node_modules/.bin/tsx'), ['server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      TICKMARK_DATA_DIR: dataDir,
      TICKMARK_PORT: String(port),
      TICKMARK_HOST: '127.0.0.1',
      TICKMARK_DEMO: 'true',
      TICKMARK_ADMIN_EMAIL: EMAIL,
      TICKMARK_ADMIN_PASSWORD: PASSWORD,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  await expect.poll(() => output, { timeout: 300_000 }).toContain('Tickmark is running');
  const app = { request: (path: string, init: RequestInit) => fetch(`${base}${path}`, init) };
  const client = new Client({ app } as unknown as TestServer);
  await client.login(EMAIL, PASSWORD);
  return { client, base };
}

async function stopServer(): Promise<void> {
  const child = server!;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  server = undefined;
}

/** Imports, and official runs one after another, side by side until `until` resolves; counts each. */
async function keepWriting(client: Client, until: Promise<unknown>) {
  const done = { imports: 0, runs: 0, stopped: false };
  void until.finally(() => (done.stopped = true));
  const sheets = (await client.json('GET', '/api/sheets')).body as { id: number; name: string }[];
  const datasets = (await client.json('GET', '/api/datasets?limit=100')).body;
  const list = (Array.isArray(datasets) ? datasets : datasets.items) as { id: number; name: string }[];
  const sheetId = sheets.find((s) => s.name === 'fo-vs-broker')!.id;
  const data = Object.fromEntries(['fo_blotter', 'broker_confirms'].map((n) => [n, list.find((d) => d.name === n)!.id]));
  const imports = async () => {
    for (let i = 0; !done.stopped; i++) {
      const rows = Array.from({ length: 3000 }, (_, r) => `${i}-${r},${(r * 7919 + i) % 1000}`).join('\n');
      const form = new FormData();
      form.append('name', 'load');
      form.append('file', new File([`id,qty\n${rows}\n`], `load-${i}.csv`));
      const imported = await client.json('POST', '/api/datasets', form);
      expect(imported.status, JSON.stringify(imported.body)).toBe(201);
      done.imports++;
    }
  };
  const runs = async () => {
    while (!done.stopped) {
      const started = await client.json('POST', `/api/sheets/${sheetId}/runs`, { data });
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      await expect
        .poll(async () => (await client.json('GET', `/api/runs/${started.body.id}`)).body.status, { timeout: 300_000, interval: 100 })
        .toMatch(/succeeded|failed/);
      done.runs++;
    }
  };
  return { done, finished: Promise.all([imports(), runs()]) };
}

function inspect(path: string) {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      tables: db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[],
      datasets: db.prepare('SELECT count(*) FROM datasets').pluck().get() as number,
      audit: db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

describe('tickmark backup and restore', () => {
  const dataDir = tempDir('tickmark-backup-data-');
  const out = tempDir('tickmark-backups-');
  const backups: string[] = [];

  it('clears leftover upload scratch at start, then takes 20 whole backups while imports and runs write', async () => {
    mkdirSync(join(dataDir, 'uploads'), { recursive: true });
    writeFileSync(join(dataDir, 'uploads', 'a1b2c3d4e5f6a7b8.csv'), 'left by a crash\n');
    const { client } = await startServer(dataDir);
    expect(readdirSync(join(dataDir, 'uploads'))).toEqual([]);
    expect(existsSync(join(dataDir, 'tickmark.pid'))).toBe(true);

    let finish!: () => void;
    const { done, finished } = await keepWriting(client, new Promise<void>((resolve) => (finish = resolve)));
    await expect.poll(() => done.imports + done.runs, { timeout: 120_000, interval: 50 }).toBeGreaterThan(1);
    const during = { imports: done.imports, runs: done.runs };
    try {
      // Four at a time: backups overlapping each other as well as the writes.
      for (let batch = 0; batch < 5; batch++) {
        const files = [1, 2, 3, 4].map((k) => join(out, `tickmark-${batch * 4 + k}.db`));
        const outputs = await Promise.all(files.map((file) => tickmarkAsync(['backup', '--data-dir', dataDir, '--out', file])));
        for (const [k, { stdout }] of outputs.entries()) {
          const file = files[k];
          expect(stdout).toMatch(
            new RegExp(`^${file}: \\d+ bytes, \\d+ tables, \\d+ rows, audit \\d+ entries, head [0-9a-f]{64}, integrity ok\\n$`),
          );
          backups.push(file);
        }
      }
    } finally {
      finish();
      await finished;
    }
    // The writes really overlapped the backups.
    expect(done.imports - during.imports).toBeGreaterThan(1);
    expect(done.runs - during.runs).toBeGreaterThan(0);
    expect(readdirSync(out).filter((n) => !n.endsWith('.db'))).toEqual([]);
    const seen = backups.map(inspect);
    for (const [i, b] of seen.entries()) {
      expect(b.integrity, backups[i]).toBe('ok');
      expect(b.tables, backups[i]).toEqual(expect.arrayContaining(TABLES));
    }
    // Later copies hold what the server wrote meanwhile.
    expect(seen[19].datasets).toBeGreaterThan(seen[0].datasets);
  });

  it('refuses an existing file without --force, bad usage, and a restore while the server runs', async () => {
    const again = tickmark(['backup', '--data-dir', dataDir, '--out', backups[0]]);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(`tickmark backup: ${backups[0]} already exists (add --force to replace it)\n`);
    expect(tickmark(['backup', '--data-dir', dataDir, '--out', backups[0], '--force']).status).toBe(0);
    expect(inspect(backups[0]).integrity).toBe('ok');
    for (const args of [['backup'], ['backup', '--data-dir', dataDir], ['backup', '--out'], ['restore'], ['restore', 'a', 'b']]) {
      const bad = tickmark(args);
      expect(bad.status, args.join(' ')).toBe(2);
      expect(bad.stderr).toMatch(/^usage: tickmark (backup|restore) /);
    }
    const missing = tickmark(['backup', '--data-dir', out, '--out', join(out, 'x.db')]);
    expect(missing.stderr).toBe(
      `tickmark backup: no database at ${join(out, 'tickmark.db')} (set --data-dir to the folder holding tickmark.db)\n`,
    );

    const running = tickmark(['restore', backups[19], '--data-dir', dataDir]);
    expect(running.status).toBe(1);
    expect(running.stderr).toMatch(/^tickmark restore: a Tickmark server \(pid \d+, .*tickmark\.pid\) is using .*: stop it first\n$/);
  });

  it('refuses a file that is not a Tickmark database, or one from a newer Tickmark', () => {
    const garbage = join(out, 'garbage.db');
    writeFileSync(garbage, 'not a database at all, just text that is long enough to look like a header'.repeat(20));
    expect(tickmark(['restore', garbage, '--data-dir', dataDir]).stderr).toMatch(/^tickmark restore: (a Tickmark server|.*garbage\.db)/);
    const foreign = join(out, 'foreign.db');
    const f = new Database(foreign);
    f.exec('CREATE TABLE notes (body TEXT)');
    f.close();
    const empty = tempDir('tickmark-restore-target-');
    expect(tickmark(['restore', garbage, '--data-dir', empty]).stderr).toBe(
      `tickmark restore: ${garbage} is not a Tickmark database this version can restore: file is not a database\n`,
    );
    expect(tickmark(['restore', foreign, '--data-dir', empty]).stderr).toBe(
      `tickmark restore: ${foreign} is not a Tickmark database this version can restore: it has no __drizzle_migrations table\n`,
    );
    const newer = join(out, 'newer.db');
    copyFileSync(backups[19], newer);
    const n = new Database(newer);
    n.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', Date.UTC(2099, 0, 1));
    n.close();
    const refused = tickmark(['restore', newer, '--data-dir', empty]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /it was migrated by a newer Tickmark \(a migration from 2099-01-01T00:00:00\.000Z, this build knows up to 0008_/,
    );
    expect(readdirSync(empty)).toEqual([]);
  });

  it('restores a backup over the stopped server, keeping the replaced database, with an audit chain that verifies', async () => {
    await stopServer();
    expect(existsSync(join(dataDir, 'tickmark.pid'))).toBe(false);
    const chosen = backups[9];
    const expected = inspect(chosen);
    const replaced = inspect(join(dataDir, 'tickmark.db'));
    expect(replaced.datasets).toBeGreaterThan(expected.datasets);

    const restored = tickmark(['restore', chosen, '--data-dir', dataDir]);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    const kept = readdirSync(dataDir).filter((n) => /^tickmark\.db\.before-restore-[\dT-]+Z$/.test(n));
    expect(kept).toHaveLength(1);
    expect(restored.stdout).toMatch(
      new RegExp(
        `^restored ${chosen} to ${join(dataDir, 'tickmark.db')} \\(\\d+ bytes\\); the database it replaced is kept as ${join(dataDir, kept[0])}\\n$`,
      ),
    );
    expect(inspect(join(dataDir, kept[0])).datasets).toBe(replaced.datasets);

    const now = inspect(join(dataDir, 'tickmark.db'));
    expect(now).toEqual(expected);
    const verify = tickmark(['audit', 'verify', '--data-dir', dataDir]);
    expect(verify.stderr).toBe('');
    expect(verify.stdout).toMatch(new RegExp(`: ${expected.audit} entries, chain intact, head [0-9a-f]{64}\\n$`));

    // The server starts on the restored database and lists its datasets.
    const { client } = await startServer(dataDir);
    const listed = (await client.json('GET', '/api/datasets?limit=1000')).body;
    const names = (Array.isArray(listed) ? listed : listed.items) as { name: string }[];
    expect(names.length).toBeGreaterThan(0);
    await stopServer();
  });
});
