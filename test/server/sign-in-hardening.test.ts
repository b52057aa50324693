/**
 * Sign-in that resists guessing without locking its owner out, over real HTTP (the limiter
 * keys on the socket address, which app.request() does not have): rotating X-Forwarded-For
 * changes nothing unless TICKMARK_TRUST_PROXY says a proxy writes it, the account and the
 * address back off, a browser that signed in before still signs in, unknown and known e-mails
 * cost the same, common passwords are refused, failures and lockouts are audited, security
 * headers are on every response and cookies are Secure when they should be.
 */
import { serve, type ServerType } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema.js';
import { createUser } from '../../db/users.service.js';
import { createApp } from '../../server/app.js';
import { LoginLimiter, POLICIES } from '../../server/auth/rate-limit.js';
import { tempDir } from '../helpers/files.js';
import { admin, Client, PASSWORD, testServer, type TestServer } from './helpers.js';

const ADMIN = 'admin@example.com';
const open: ServerType[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** The app listening on 127.0.0.1, so every request has a real socket address. */
async function listen(server: TestServer, app = server.app): Promise<string> {
  const listening: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  open.push(listening);
  return `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
}

interface Attempt {
  status: number;
  retryAfter: string | null;
  cookies: string[];
  body: { error?: { code: string; message: string } };
}

/** POST /api/auth/login over HTTP with optional extra headers (X-Forwarded-For, Cookie). */
async function login(url: string, email: string, password: string, headers: Record<string, string> = {}): Promise<Attempt> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    cookies: response.headers.getSetCookie(),
    body: (await response.json()) as Attempt['body'],
  };
}

/** `name=value` of the cookie `name` among Set-Cookie headers. */
const cookie = (attempt: Attempt, name: string) => attempt.cookies.find((c) => c.startsWith(`${name}=`))!.split(';')[0];
const audits = (server: TestServer, action: string) => server.db.select().from(auditLog).where(eq(auditLog.action, action)).all();

describe('the limiter keys on the socket address, not on what the client says', () => {
  it('limits 200 guesses at one account even with a new X-Forwarded-For each time', async () => {
    const server = testServer();
    await admin(server);
    const url = await listen(server);
    const statuses: number[] = [];
    let firstRefusal: Attempt | undefined;
    for (let i = 0; i < 200; i++) {
      const attempt = await login(url, ADMIN, `guess number ${i}`, { 'X-Forwarded-For': `10.${i >> 8}.${i & 255}.1` });
      statuses.push(attempt.status);
      if (attempt.status === 429) firstRefusal ??= attempt;
    }
    // Five free failures for the account, then every guess waits.
    expect(statuses.slice(0, POLICIES.account.free)).toEqual(Array(POLICIES.account.free).fill(401));
    expect(statuses.slice(POLICIES.account.free)).toEqual(Array(200 - POLICIES.account.free).fill(429));
    expect(firstRefusal!.body.error).toMatchObject({ code: 'too_many_attempts' });
    expect(firstRefusal!.body.error!.message).toMatch(/try again in 60 seconds/);
    expect(firstRefusal!.retryAfter).toBe('60');
    // Even the right password from a browser that never signed in waits while the account backs off.
    expect((await login(url, ADMIN, PASSWORD, { 'X-Forwarded-For': '10.99.99.99' })).status).toBe(429);
  });

  it('limits one address guessing at many e-mails, rotating X-Forwarded-For or not', async () => {
    const server = testServer();
    await admin(server);
    const url = await listen(server);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++)
      statuses.push((await login(url, `nobody${i}@example.com`, 'wrong password', { 'X-Forwarded-For': `172.16.0.${i}` })).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(POLICIES.address.free);
    expect(statuses.slice(POLICIES.address.free)).toEqual(Array(30 - POLICIES.address.free).fill(429));
    // The address's backoff is audited on entity `address`, keyed by the socket address.
    const [lockout] = audits(server, 'auth.locked_out').filter((a) => a.entity === 'address');
    expect(lockout.entityId).toBe('127.0.0.1');
  });

  it('with TICKMARK_TRUST_PROXY=true believes the right-most X-Forwarded-For entry, and only that one', async () => {
    const server = testServer({ TICKMARK_TRUST_PROXY: 'true' });
    await admin(server);
    const url = await listen(server);
    const statuses: number[] = [];
    // Whatever the client puts on the left, the proxy appended the address it saw on the right.
    for (let i = 0; i < 25; i++)
      statuses.push(
        (await login(url, `nobody${i}@example.com`, 'wrong password', { 'X-Forwarded-For': `10.0.0.${i}, 198.51.100.7` })).status,
      );
    expect(statuses.filter((s) => s === 401)).toHaveLength(POLICIES.address.free);
    expect(statuses.at(-1)).toBe(429);
    // Another client behind the same proxy is not held by 198.51.100.7's failures.
    expect((await login(url, 'someone@example.com', 'wrong password', { 'X-Forwarded-For': '198.51.100.8' })).status).toBe(401);
    expect((await login(url, ADMIN, PASSWORD, { 'X-Forwarded-For': '198.51.100.8' })).status).toBe(200);
    const lockout = audits(server, 'auth.locked_out').find((a) => a.entity === 'address')!;
    expect(lockout.entityId).toBe('198.51.100.7');
  });

  it('keys IPv6 clients by their /64, which one subscriber holds whole', async () => {
    const server = testServer({ TICKMARK_TRUST_PROXY: 'true' });
    await admin(server);
    const url = await listen(server);
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push(
        (await login(url, `v6-${i}@example.com`, 'wrong password', { 'X-Forwarded-For': `2001:db8:1:2::${i.toString(16)}` })).status,
      );
    expect(statuses.slice(POLICIES.address.free)).toEqual([429, 429]);
    expect(audits(server, 'auth.locked_out').find((a) => a.entity === 'address')!.entityId).toBe('2001:db8:1:2::/64');
  });
});

describe('the owner is not locked out', () => {
  it('signs in from a known device while another address has the account backing off', async () => {
    const server = testServer({ TICKMARK_TRUST_PROXY: 'true' });
    await admin(server);
    const url = await listen(server);
    const owner = { 'X-Forwarded-For': '198.51.100.20' };
    const first = await login(url, ADMIN, PASSWORD, owner);
    expect(first.status).toBe(200);
    const device = cookie(first, 'tickmark_device');
    const deviceCookie = first.cookies.find((c) => c.startsWith('tickmark_device='))!;
    expect(deviceCookie).toMatch(/HttpOnly/);
    expect(deviceCookie).toMatch(/Path=\/api\/auth/);
    expect(deviceCookie).toMatch(/Max-Age=31536000/);

    for (let i = 0; i < 10; i++) await login(url, ADMIN, `attacker guess ${i}`, { 'X-Forwarded-For': '203.0.113.66' });
    expect((await login(url, ADMIN, 'attacker guess', { 'X-Forwarded-For': '203.0.113.66' })).status).toBe(429);
    // A new browser at the owner's address waits like everyone else...
    expect((await login(url, ADMIN, PASSWORD, owner)).status).toBe(429);
    // ...the owner's own browser does not, and keeps its device id.
    const again = await login(url, ADMIN, PASSWORD, { ...owner, Cookie: device });
    expect(again.status).toBe(200);
    expect(cookie(again, 'tickmark_device')).toBe(device);
    // A wrong password from the known device counts against that device only.
    expect((await login(url, ADMIN, 'owner typo here', { ...owner, Cookie: device })).status).toBe(401);
    expect((await login(url, ADMIN, PASSWORD, { ...owner, Cookie: device })).status).toBe(200);
  });

  it('signs in from a known device at the very address that is backing off', async () => {
    const server = testServer();
    await admin(server);
    const url = await listen(server);
    const device = cookie(await login(url, ADMIN, PASSWORD), 'tickmark_device');
    for (let i = 0; i < POLICIES.address.free; i++) await login(url, `nobody${i}@example.com`, 'wrong password');
    for (let i = 0; i < POLICIES.account.free; i++) await login(url, ADMIN, `wrong password ${i}`);
    expect((await login(url, ADMIN, PASSWORD)).status).toBe(429);
    expect((await login(url, ADMIN, PASSWORD, { Cookie: device })).status).toBe(200);
  });

  it('does not let a device cookie no account knows bypass anything', async () => {
    const server = testServer();
    await admin(server);
    const url = await listen(server);
    const planted = 'tickmark_device=' + 'A'.repeat(43);
    for (let i = 0; i < POLICIES.account.free; i++) await login(url, ADMIN, `wrong password ${i}`, { Cookie: planted });
    expect((await login(url, ADMIN, PASSWORD, { Cookie: planted })).status).toBe(429);
  });

  it('backs off longer after each further failure, up to a ceiling, and forgets a quiet key', () => {
    const limiter = new LoginLimiter();
    const keys = ['account:ada@example.com'] as const;
    const t0 = Date.parse('2026-12-01T09:00:00Z');
    for (let i = 0; i < 4; i++) expect(limiter.fail(keys, t0)).toEqual([]);
    expect(limiter.fail(keys, t0)).toEqual([{ key: keys[0], failures: 5, until: '2026-12-01T09:01:00.000Z' }]);
    expect(() => limiter.check(keys, t0 + 59_000)).toThrow(/try again in 1 second/);
    limiter.check(keys, t0 + 60_000);
    expect(limiter.fail(keys, t0 + 60_000)[0].until).toBe('2026-12-01T09:03:00.000Z'); // 2 minutes
    expect(limiter.fail(keys, t0 + 180_000)[0].until).toBe('2026-12-01T09:07:00.000Z'); // 4 minutes
    let at = t0 + 420_000;
    for (let i = 0; i < 5; i++) at = Date.parse(limiter.fail(keys, at)[0].until);
    // 8, 16 then the 15-minute ceiling.
    expect(at - Date.parse('2026-12-01T09:07:00.000Z')).toBe((8 + 15 + 15 + 15 + 15) * 60_000);
    expect(limiter.fail(keys, at + 24 * 3_600_000 + 1)).toEqual([]);
  });
});

describe('equal work for known and unknown e-mails', () => {
  it('takes as long for an unknown e-mail as for a known one (both run the password hash)', async () => {
    const server = testServer({ TICKMARK_TRUST_PROXY: 'true' });
    await admin(server);
    const url = await listen(server);
    for (let i = 0; i < 10; i++)
      createUser(server.db, { email: `known${i}@example.com`, name: `K${i}`, password: PASSWORD, role: 'viewer' });
    const timed = async (email: string, i: number) => {
      const started = performance.now();
      // A fresh address and account each time: the limiter never answers before the hash.
      const { status } = await login(url, email, 'wrong password', { 'X-Forwarded-For': `192.0.2.${i}` });
      expect(status).toBe(401);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 10; i++) {
      known.push(await timed(`known${i}@example.com`, 2 * i));
      unknown.push(await timed(`unknown${i}@example.com`, 2 * i + 1));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    // scrypt dominates both; a path without the hash would be a fraction of a millisecond.
    expect(median(unknown)).toBeGreaterThanOrEqual(0.5 * median(known));
    expect(median(known)).toBeGreaterThanOrEqual(0.5 * median(unknown));
  });
});

describe('failures are audited, disabled accounts refused like wrong passwords', () => {
  it('audits every failed sign-in and each backoff as it starts, never the password', async () => {
    const server = testServer();
    await admin(server);
    const url = await listen(server);
    const adminId = server.db.select().from(users).where(eq(users.email, ADMIN)).get()!.id;
    await login(url, 'Stranger@Example.com', 'secret guess 1');
    for (let i = 0; i < POLICIES.account.free; i++) await login(url, ADMIN, `secret guess ${i}`);
    expect((await login(url, ADMIN, 'secret guess x')).status).toBe(429);

    const failed = audits(server, 'auth.login_failed');
    expect(failed).toHaveLength(1 + POLICIES.account.free);
    expect(failed[0]).toMatchObject({ entity: 'email', entityId: 'stranger@example.com', userId: null });
    expect(failed[0].after).toEqual({ email: 'stranger@example.com', reason: 'unknown e-mail', address: '127.0.0.1' });
    expect(failed.slice(1).every((a) => a.entity === 'user' && a.entityId === String(adminId))).toBe(true);
    expect(failed[1].after).toEqual({ email: ADMIN, reason: 'wrong password', address: '127.0.0.1' });
    const lockouts = audits(server, 'auth.locked_out');
    expect(lockouts).toHaveLength(1);
    expect(lockouts[0]).toMatchObject({ entity: 'user', entityId: String(adminId) });
    expect(lockouts[0].after).toMatchObject({ kind: 'account', failures: POLICIES.account.free, address: '127.0.0.1' });
    expect(JSON.stringify(server.db.select().from(auditLog).all())).not.toContain('secret guess');
  });

  it('refuses a disabled account with the same answer as a wrong password', async () => {
    const server = testServer();
    await admin(server);
    const url = await listen(server);
    createUser(server.db, { email: 'gone@example.com', name: 'Gone', password: PASSWORD, role: 'viewer' });
    server.db.update(users).set({ disabledAt: new Date().toISOString() }).where(eq(users.email, 'gone@example.com')).run();
    const disabled = await login(url, 'gone@example.com', PASSWORD);
    const wrong = await login(url, ADMIN, 'not the password');
    expect(disabled.status).toBe(401);
    expect(disabled.body).toEqual(wrong.body);
    expect(audits(server, 'auth.login_failed')[0].after).toMatchObject({ reason: 'account disabled' });
  });
});

describe('passwords', () => {
  it('refuses common passwords and the account’s own e-mail or name at setup, naming the field', async () => {
    const server = testServer();
    const anonymous = new Client(server);
    for (const password of ['password123', 'Baseball2024!', 'ada@example.com', 'Ada Lovelace 1']) {
      const refused = await anonymous.json('POST', '/api/setup', { email: 'ada@example.com', name: 'Ada Lovelace', password });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/^invalid request: password: /);
      expect(refused.body.error.details).toEqual([{ path: 'password', message: expect.any(String) }]);
    }
    expect(server.db.select().from(users).all()).toEqual([]);
    const ok = await anonymous.json('POST', '/api/setup', { email: 'ada@example.com', name: 'Ada Lovelace', password: PASSWORD });
    expect(ok.status).toBe(201);
  });

  it('refuses a common password when an admin adds a user', async () => {
    const server = testServer();
    const owner = await admin(server);
    const refused = await owner.json('POST', '/api/users', { email: 'bo@example.com', name: 'Bo', password: 'iloveyou12', role: 'viewer' });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    expect(refused.body.error.details[0]).toEqual({
      path: 'password',
      message: 'is a commonly used password (on a list of leaked passwords, give or take digits and symbols): choose another',
    });
    expect(server.db.select().from(users).where(eq(users.email, 'bo@example.com')).get()).toBeUndefined();
  });
});

describe('headers and cookies', () => {
  it('sends the security headers on pages, static files, API answers and errors', async () => {
    const server = testServer();
    const webRoot = tempDir('tickmark-web-');
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'export {};');
    const app = createApp({ db: server.db, config: server.config, runs: server.runs, scheduler: server.scheduler }, { webRoot });
    for (const path of ['/', '/sheets', '/assets/app.js', '/api/setup', '/api/no-such-route', '/api/users']) {
      const response = await app.request(path);
      expect([200, 401, 404], path).toContain(response.status);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self';");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('same-origin');
    }
    // The API reference loads its viewer from a CDN: only that page allows it.
    expect((await app.request('/api/docs')).headers.get('content-security-policy')).toContain('https://cdn.jsdelivr.net');
    expect((await app.request('/')).headers.get('content-security-policy')).not.toContain('cdn.jsdelivr.net');
  });

  it('marks cookies Secure with TICKMARK_SECURE_COOKIES=true, and under auto only over HTTPS', async () => {
    const secureOf = async (env: Record<string, string>, headers: Record<string, string> = {}) => {
      const server = testServer(env);
      await admin(server);
      const attempt = await login(await listen(server), ADMIN, PASSWORD, headers);
      expect(attempt.cookies.map((c) => c.split('=')[0]).sort()).toEqual(['tickmark_device', 'tickmark_session']);
      return attempt.cookies.map((c) => /;\s*Secure/i.test(c));
    };
    expect(await secureOf({ TICKMARK_SECURE_COOKIES: 'true' })).toEqual([true, true]);
    expect(await secureOf({})).toEqual([false, false]);
    // X-Forwarded-Proto counts only from a trusted proxy.
    expect(await secureOf({}, { 'X-Forwarded-Proto': 'https' })).toEqual([false, false]);
    expect(await secureOf({ TICKMARK_TRUST_PROXY: 'true' }, { 'X-Forwarded-Proto': 'https' })).toEqual([true, true]);
    expect(await secureOf({ TICKMARK_SECURE_COOKIES: 'false', TICKMARK_TRUST_PROXY: 'true' }, { 'X-Forwarded-Proto': 'https' })).toEqual([
      false,
      false,
    ]);
  });

  it('refuses a bad TICKMARK_TRUST_PROXY, TICKMARK_SECURE_COOKIES or a common TICKMARK_ADMIN_PASSWORD by name', () => {
    expect(() => testServer({ TICKMARK_TRUST_PROXY: 'yes' })).toThrow(/TICKMARK_TRUST_PROXY: true, false or the number of proxies/);
    expect(() => testServer({ TICKMARK_SECURE_COOKIES: 'always' })).toThrow(/TICKMARK_SECURE_COOKIES/);
    expect(() => testServer({ TICKMARK_ADMIN_EMAIL: 'ops@example.com', TICKMARK_ADMIN_PASSWORD: 'password123' })).toThrow(
      /TICKMARK_ADMIN_PASSWORD: is a commonly used password/,
    );
  });
});
