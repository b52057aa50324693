/**
 * Account lifecycle through the real HTTP stack on a real SQLite file: tokens that expire,
 * token reads that do not write on every request (nor fail while another connection holds
 * the write lock), disabling and enabling users, an admin's password reset, one's own
 * password change, and disabled approvers not counting as "someone else who could approve".
 */
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiTokens, auditLog, sessions } from '../../db/schema.js';
import { LAST_USED_EVERY_MS } from '../../db/users.service.js';
import { admin, Client, fileForm, PASSWORD, testServer, userWithRole, type TestServer } from './helpers.js';

const DAY = 86_400_000;
const auditRows = (server: TestServer, action: string) => server.db.select().from(auditLog).where(eq(auditLog.action, action)).all();
const lastUsed = (server: TestServer, id: number) =>
  server.db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, id)).get()!.at;
const script = (server: TestServer, token: string) => Object.assign(new Client(server), { bearer: token });
const me = async (client: Client) => (await client.json('GET', '/api/auth/me')).body.user as { id: number; email: string };
const sessionCount = (server: TestServer, userId: number) =>
  server.db.select().from(sessions).where(eq(sessions.userId, userId)).all().length;

describe('API tokens that expire', () => {
  it('creates a token valid for expiresInDays, or until revoked, and refuses other lengths naming the field', async () => {
    const server = testServer();
    const owner = await admin(server);
    const before = Date.now();
    const month = await owner.json('POST', '/api/tokens', { name: 'monthly', expiresInDays: 30 });
    expect(month.status).toBe(201);
    const expires = Date.parse(month.body.expiresAt);
    expect(expires).toBeGreaterThanOrEqual(before + 30 * DAY);
    expect(expires).toBeLessThanOrEqual(Date.now() + 30 * DAY);
    expect((await owner.json('POST', '/api/tokens', { name: 'forever' })).body.expiresAt).toBeNull();
    expect((await owner.json('POST', '/api/tokens', { name: 'forever too', expiresInDays: null })).body.expiresAt).toBeNull();

    for (const days of [0, 3651, 1.5, '30']) {
      const refused = await owner.json('POST', '/api/tokens', { name: 'bad', expiresInDays: days });
      expect(refused.status, `expiresInDays ${days}`).toBe(400);
      expect(refused.body.error.message).toMatch(/expiresInDays/);
    }
    const listed = (await owner.json('GET', '/api/tokens')).body;
    expect(listed.map((t: { name: string; status: string }) => `${t.name}:${t.status}`)).toEqual([
      'forever too:active',
      'forever:active',
      'monthly:active',
    ]);
    expect(listed[2].expiresAt).toBe(month.body.expiresAt);
    const [created] = auditRows(server, 'token.create');
    expect(created.after).toEqual({ name: 'monthly', expiresAt: month.body.expiresAt });
  });

  it('refuses an expired token with 401 token_expired naming the token and when it expired', async () => {
    const server = testServer();
    const owner = await admin(server);
    const { id, token } = (await owner.json('POST', '/api/tokens', { name: 'old loader', expiresInDays: 1 })).body;
    expect((await script(server, token).json('GET', '/api/datasets')).status).toBe(200);

    const past = new Date(Date.now() - 60_000).toISOString();
    server.db.update(apiTokens).set({ expiresAt: past }).where(eq(apiTokens.id, id)).run();
    const refused = await script(server, token).json('GET', '/api/datasets');
    expect(refused).toMatchObject({
      status: 401,
      body: { error: { code: 'token_expired', details: { token: 'old loader', expiredAt: past } } },
    });
    expect(refused.body.error.message).toBe(`the API token "old loader" expired at ${past}; create a new one on the Tokens page`);
    expect((await owner.json('GET', '/api/tokens')).body[0]).toMatchObject({ name: 'old loader', status: 'expired', expiresAt: past });
  });
});

describe('token reads', () => {
  it(`write lastUsedAt at most once per ${LAST_USED_EVERY_MS / 60_000} minutes`, async () => {
    const server = testServer();
    const owner = await admin(server);
    const { id, token } = (await owner.json('POST', '/api/tokens', { name: 'poller' })).body;
    const caller = script(server, token);
    expect((await caller.json('GET', '/api/datasets')).status).toBe(200);
    const first = lastUsed(server, id);
    expect(first).toMatch(/^\d{4}-\d\d-\d\dT/);
    await new Promise((resolve) => setTimeout(resolve, 5));
    for (let i = 0; i < 3; i++) expect((await caller.json('GET', '/api/datasets')).status).toBe(200);
    expect(lastUsed(server, id)).toBe(first);

    const stale = new Date(Date.now() - LAST_USED_EVERY_MS - 1000).toISOString();
    server.db.update(apiTokens).set({ lastUsedAt: stale }).where(eq(apiTokens.id, id)).run();
    expect((await caller.json('GET', '/api/datasets')).status).toBe(200);
    expect(Date.parse(lastUsed(server, id)!)).toBeGreaterThan(Date.parse(first!));
  });

  it('answer 200 at once while another connection holds the write lock, and note the use afterwards', async () => {
    const server = testServer();
    const owner = await admin(server);
    const { id, token } = (await owner.json('POST', '/api/tokens', { name: 'during a run' })).body;
    const other = new Database(server.config.databasePath);
    try {
      other.prepare('BEGIN IMMEDIATE').run();
      other.prepare("INSERT INTO calendar_events (date, title, category) VALUES ('2026-12-24', 'held', 'other')").run();
      const started = Date.now();
      const read = await script(server, token).json('GET', '/api/datasets');
      expect(read.status).toBe(200);
      // The connection waits up to 5 s for a lock (busy_timeout): the token read did not wait.
      expect(Date.now() - started).toBeLessThan(2000);
      expect(lastUsed(server, id)).toBeNull();
      other.prepare('ROLLBACK').run();
    } finally {
      other.close();
    }
    expect((await script(server, token).json('GET', '/api/datasets')).status).toBe(200);
    expect(lastUsed(server, id)).toMatch(/^\d{4}-/);
  });
});

describe('disabling users', () => {
  it('ends their sessions at once, stops their tokens and sign-in, and enabling lets them back', async () => {
    const server = testServer();
    const owner = await admin(server);
    const author = await userWithRole(server, 'author');
    const { id: authorId, email } = await me(author);
    const laptop = new Client(server);
    await laptop.login(email, PASSWORD);
    const { token } = (await author.json('POST', '/api/tokens', { name: 'loader' })).body;
    expect(sessionCount(server, authorId)).toBe(2);

    const disabled = await owner.json('PATCH', `/api/users/${authorId}`, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabledAt).toMatch(/^\d{4}-/);
    expect(sessionCount(server, authorId)).toBe(0);
    expect(await author.json('GET', '/api/auth/me')).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    expect((await laptop.json('GET', '/api/datasets')).status).toBe(401);
    const byToken = await script(server, token).json('GET', '/api/datasets');
    expect(byToken).toMatchObject({ status: 401, body: { error: { code: 'account_disabled' } } });
    expect(byToken.body.error.message).toMatch(new RegExp(`the account ${email} was disabled at .*"loader" no longer works`));
    const signIn = await new Client(server).json('POST', '/api/auth/login', { email, password: PASSWORD });
    expect(signIn.status).toBe(401);
    expect(sessionCount(server, authorId)).toBe(0);

    const listed = (await owner.json('GET', '/api/users')).body.find((u: { id: number }) => u.id === authorId);
    expect(listed.disabledAt).toBe(disabled.body.disabledAt);
    expect((await owner.json('GET', '/api/tokens?all=true')).body[0]).toMatchObject({ name: 'loader', status: 'owner_disabled' });
    const [entry] = auditRows(server, 'user.disable');
    expect(entry).toMatchObject({ entityId: String(authorId) });
    expect(entry.before).toEqual({ role: 'author', name: 'author', disabledAt: null });
    expect(entry.after).toEqual({ role: 'author', name: 'author', disabledAt: disabled.body.disabledAt, sessionsEnded: 2 });

    // Disabling again keeps the first time; enabling lets the same password and token in again.
    expect((await owner.json('PATCH', `/api/users/${authorId}`, { disabled: true })).body.disabledAt).toBe(disabled.body.disabledAt);
    expect((await owner.json('PATCH', `/api/users/${authorId}`, { disabled: false })).body.disabledAt).toBeNull();
    await new Client(server).login(email, PASSWORD);
    expect((await script(server, token).json('GET', '/api/datasets')).status).toBe(200);
    expect(auditRows(server, 'user.enable')).toHaveLength(1);
  });

  it('refuses to disable oneself, and counts only active admins for the last-admin rule', async () => {
    const server = testServer();
    const owner = await admin(server);
    const { id: ownerId } = await me(owner);
    const self = await owner.json('PATCH', `/api/users/${ownerId}`, { disabled: true });
    expect(self).toMatchObject({ status: 409, body: { error: { code: 'self_disable' } } });
    expect(sessionCount(server, ownerId)).toBe(1);

    const second = await userWithRole(server, 'admin');
    const { id: secondId } = await me(second);
    expect((await owner.json('PATCH', `/api/users/${secondId}`, { disabled: true })).status).toBe(200);
    const demote = await owner.json('PATCH', `/api/users/${ownerId}`, { role: 'viewer' });
    expect(demote).toMatchObject({ status: 409, body: { error: { code: 'last_admin' } } });
    expect(demote.body.error.message).toMatch(/admin@example.com is the only admin/);
    expect((await owner.json('PATCH', `/api/users/${secondId}`, { disabled: false })).status).toBe(200);
    expect((await owner.json('PATCH', `/api/users/${ownerId}`, { role: 'viewer' })).body.role).toBe('viewer');
  });

  it('does not count a disabled approver as someone else who could approve (governance.md 1)', async () => {
    const server = testServer();
    const owner = await admin(server);
    const approver = await userWithRole(server, 'approver');
    const workbook = { sheets: [{ name: 'Settings', cells: [['Type', 'Check']] }], names: [] };
    const sheetId = (await owner.json('POST', '/api/sheets', fileForm({}, { name: 's.json', text: JSON.stringify(workbook) }))).body.id;
    await owner.json('POST', `/api/sheets/${sheetId}/versions/1/submit`, {});
    const refused = await owner.json('POST', `/api/sheets/${sheetId}/versions/1/approve`, {});
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'four_eyes' } } });

    await owner.json('PATCH', `/api/users/${(await me(approver)).id}`, { disabled: true });
    const approved = await owner.json('POST', `/api/sheets/${sheetId}/versions/1/approve`, {});
    expect(approved.status).toBe(200);
    const [entry] = auditRows(server, 'sheet.version.approve');
    expect(entry.after).toMatchObject({ version: 1, status: 'approved', self_approved: true });
  });
});

describe('passwords', () => {
  it("lets an admin set a user's password, ending that user's sessions, audited without it", async () => {
    const server = testServer();
    const owner = await admin(server);
    const author = await userWithRole(server, 'author');
    const { id: authorId, email } = await me(author);
    const fresh = 'a brand new secret';

    const short = await owner.json('POST', `/api/users/${authorId}/password`, { password: 'short' });
    expect(short).toMatchObject({ status: 400, body: { error: { details: [{ path: 'password' }] } } });
    const common = await owner.json('POST', `/api/users/${authorId}/password`, { password: 'iloveyou12' });
    expect(common).toMatchObject({ status: 400, body: { error: { details: [{ path: 'password' }] } } });
    expect(common.body.error.message).toMatch(/^invalid request: password: is a commonly used password/);
    expect((await owner.json('POST', '/api/users/999/password', { password: fresh })).status).toBe(404);

    expect(await owner.json('POST', `/api/users/${authorId}/password`, { password: fresh })).toEqual({
      status: 200,
      body: { sessionsEnded: 1 },
    });
    expect((await author.json('GET', '/api/auth/me')).status).toBe(401);
    expect((await new Client(server).json('POST', '/api/auth/login', { email, password: PASSWORD })).status).toBe(401);
    await new Client(server).login(email, fresh);
    const [entry] = auditRows(server, 'user.password_reset');
    expect(entry).toMatchObject({ entityId: String(authorId), after: { sessionsEnded: 1 } });
    expect(JSON.stringify(entry)).not.toContain(fresh);

    // An admin resetting their own keeps the session they are using.
    expect((await owner.json('POST', `/api/users/${(await me(owner)).id}/password`, { password: fresh })).body).toEqual({
      sessionsEnded: 0,
    });
    expect((await owner.json('GET', '/api/auth/me')).status).toBe(200);
  });

  it('lets a user change their own password: other sessions end, this one stays; a wrong current one is 403', async () => {
    const server = testServer();
    await admin(server);
    const viewer = await userWithRole(server, 'viewer');
    const { id, email } = await me(viewer);
    const phone = new Client(server);
    await phone.login(email, PASSWORD);
    const fresh = 'my own new passphrase';

    const wrong = await viewer.json('POST', '/api/auth/password', { currentPassword: 'not the password', newPassword: fresh });
    expect(wrong).toMatchObject({ status: 403, body: { error: { code: 'wrong_password', details: [{ path: 'currentPassword' }] } } });
    expect(wrong.body.error.message).toMatch(/^currentPassword is not your current password/);
    const short = await viewer.json('POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short).toMatchObject({
      status: 400,
      body: { error: { details: [{ path: 'newPassword', message: 'at least 10 characters' }] } },
    });
    const ownEmail = await viewer.json('POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: email });
    expect(ownEmail).toMatchObject({ status: 400, body: { error: { details: [{ path: 'newPassword' }] } } });
    expect(ownEmail.body.error.message).toMatch(/must not be the e-mail address or name of the account/);
    expect(sessionCount(server, id)).toBe(2);

    expect(await viewer.json('POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: fresh })).toEqual({
      status: 200,
      body: { sessionsEnded: 1 },
    });
    expect((await viewer.json('GET', '/api/auth/me')).status).toBe(200);
    expect((await phone.json('GET', '/api/auth/me')).status).toBe(401);
    expect((await new Client(server).json('POST', '/api/auth/login', { email, password: PASSWORD })).status).toBe(401);
    await new Client(server).login(email, fresh);
    const [entry] = auditRows(server, 'user.password_change');
    expect(entry).toMatchObject({ userId: id, entityId: String(id), after: { sessionsEnded: 1 } });
    expect(JSON.stringify(entry)).not.toContain(fresh);
    expect(JSON.stringify(entry)).not.toContain(PASSWORD);
  });
});
