/** A real app over a real SQLite file in a temp folder, and a signed-in client for it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../db/open.js';
import { createUser, type Role } from '../../db/users.service.js';
import { createApp } from '../../server/app.js';
import { loadConfig, type Config } from '../../server/config.js';
import { RunManager } from '../../server/runs/run-manager.js';
import { Scheduler } from '../../server/schedules/scheduler.js';
import { tempDir } from '../helpers/files.js';

export interface TestServer {
  app: ReturnType<typeof createApp>;
  db: Db;
  config: Config;
  runs: RunManager;
  scheduler: Scheduler;
}

export function testServer(env: Record<string, string> = {}): TestServer {
  const config = loadConfig({ TICKMARK_DATA_DIR: tempDir('tickmark-server-'), TICKMARK_DEMO: 'false', ...env });
  const db = openDatabase(config.databasePath);
  const runs = new RunManager(db, { databasePath: config.databasePath, memoryMb: 1024 });
  const scheduler = new Scheduler(db, runs, {
    watchDir: config.watchDir,
    pollMs: 50,
    importLimits: config.importLimits,
    importMemoryMb: config.importMemoryMb,
  });
  return { app: createApp({ db, config, runs, scheduler }), db, config, runs, scheduler };
}

/** A client that keeps its session cookie and sends the CSRF header, like the web app. */
export class Client {
  cookie = '';
  csrf = '';
  bearer = '';

  constructor(private readonly server: TestServer) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const init: RequestInit & { headers: Record<string, string> } = { method, headers: { ...headers } };
    if (this.cookie) init.headers.Cookie = this.cookie;
    if (this.csrf && method !== 'GET') init.headers['X-Tickmark-CSRF'] = this.csrf;
    if (this.bearer) init.headers.Authorization = `Bearer ${this.bearer}`;
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers['Content-Type'] = 'application/json';
    }
    const response = await this.server.app.request(path, init);
    const setCookie = response.headers.get('set-cookie');
    if (setCookie?.startsWith('tickmark_session=')) this.cookie = setCookie.split(';')[0];
    return response;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
  async json<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await this.request(method, path, body);
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  async login(email: string, password: string): Promise<void> {
    const { status, body } = await this.json('POST', '/api/auth/login', { email, password });
    if (status !== 200) throw new Error(`login failed: ${JSON.stringify(body)}`);
    this.csrf = body.csrfToken;
  }
}

export const PASSWORD = 'correct horse battery';

/** The first admin, signed in. */
export async function admin(server: TestServer): Promise<Client> {
  const client = new Client(server);
  const { body } = await client.json('POST', '/api/setup', { email: 'admin@example.com', name: 'Ada', password: PASSWORD });
  client.csrf = body.csrfToken;
  return client;
}

/** A signed-in user of `role`. */
export async function userWithRole(server: TestServer, role: Role): Promise<Client> {
  const email = `${role}-${Math.random().toString(36).slice(2)}@example.com`;
  createUser(server.db, { email, name: role, password: PASSWORD, role });
  const client = new Client(server);
  await client.login(email, PASSWORD);
  return client;
}

/** A multipart form with a file from disk or from text. */
export function fileForm(fields: Record<string, string>, file: { name: string; path?: string; text?: string }): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const bytes = file.path ? readFileSync(file.path) : Buffer.from(file.text ?? '');
  form.append('file', new File([new Uint8Array(bytes)], file.name));
  return form;
}

export const examples = (...parts: string[]) => join(process.cwd(), 'examples', ...parts);

/**
 * Submits and approves a sheet's latest version through the API, so official runs read it.
 * Signed in as the only admin, `client` may approve its own version (governance.md 1);
 * otherwise pass someone else as `approver`.
 */
export async function approveLatest(client: Client, sheetId: number, approver: Client = client): Promise<number> {
  const sheet = (await client.json('GET', `/api/sheets/${sheetId}`)).body;
  const version = sheet.version as number;
  const submitted = await client.json('POST', `/api/sheets/${sheetId}/versions/${version}/submit`, {});
  if (submitted.status !== 200) throw new Error(`submit failed: ${JSON.stringify(submitted.body)}`);
  const approved = await approver.json('POST', `/api/sheets/${sheetId}/versions/${version}/approve`, {});
  if (approved.status !== 200) throw new Error(`approve failed: ${JSON.stringify(approved.body)}`);
  return version;
}

/**
 * A check over a `trades` dataset of one `qty` column that flags each quantity over `limit`
 * as "over limit": limit 100 flags 500 of 5, 50, 500; limit 10 flags 50 and 500.
 */
export const limitCheck = (limit: number) => ({
  sheets: [
    {
      name: 'Settings',
      cells: [
        ['Type', 'Check'],
        ['Data', 'trades'],
      ],
    },
    {
      name: 'Rows',
      cells: [
        ['qty', 'Exception'],
        [null, `=IF(A2>${limit},"over limit","")`],
      ],
    },
  ],
  names: [],
});

/** The quantity reconciliation's exception formula: "left only"/"right only", "quantity" when they differ. */
export const QTY_EXCEPTION = '=IF(C2<>"matched",C2,IF(D2<>E2,"quantity",""))';

/**
 * A reconciliation of `FO` (`id,qty`) against `BR` (`ref,qty`) on id = ref, whose exception
 * column is `exceptionFormula` (default QTY_EXCEPTION).
 */
export const qtyRecon = (exceptionFormula = QTY_EXCEPTION) => ({
  sheets: [
    {
      name: 'Settings',
      cells: [
        ['Type', 'Reconciliation'],
        ['Left', 'FO'],
        ['Right', 'BR'],
        ['Match 1', 'id = ref'],
        ['Exception column', 'Exception'],
      ],
    },
    {
      name: 'Rows',
      cells: [
        ['left.id', 'right.ref', 'match', 'left.qty', 'right.qty', 'Exception'],
        [null, null, null, null, null, exceptionFormula],
      ],
    },
  ],
  names: [],
});
