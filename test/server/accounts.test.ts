import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.js';
import { admin, Client, PASSWORD, testServer, userWithRole, type TestServer } from './helpers.js';

const auditRows = (server: TestServer, action: string) => server.db.select().from(auditLog).where(eq(auditLog.action, action)).all();

describe('API tokens', () => {
  it("lists the caller's own tokens without the secret; admins see everyone's with all=true", async () => {
    const server = testServer();
    const owner = await admin(server);
    const author = await userWithRole(server, 'author');
    const mine = (await owner.json('POST', '/api/tokens', { name: 'nightly' })).body;
    await author.json('POST', '/api/tokens', { name: 'loader' });

    const own = await owner.json('GET', '/api/tokens');
    expect(own.status).toBe(200);
    expect(own.body).toHaveLength(1);
    expect(own.body[0]).toMatchObject({ id: mine.id, name: 'nightly', lastUsedAt: null, ownerName: 'Ada' });
    expect(JSON.stringify(own.body)).not.toContain(mine.token);
    expect(Object.keys(own.body[0]).sort()).toEqual([
      'createdAt',
      'expiresAt',
      'id',
      'lastUsedAt',
      'name',
      'ownerName',
      'status',
      'userId',
    ]);
    expect(own.body[0]).toMatchObject({ expiresAt: null, status: 'active' });

    expect((await author.json('GET', '/api/tokens')).body.map((t: { name: string }) => t.name)).toEqual(['loader']);
    const everyone = await owner.json('GET', '/api/tokens?all=true');
    expect(everyone.body.map((t: { name: string; ownerName: string }) => `${t.name}/${t.ownerName}`)).toEqual([
      'loader/author',
      'nightly/Ada',
    ]);
    const refused = await author.json('GET', '/api/tokens?all=true');
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(refused.body.error.message).toMatch(/only admins/);
    const authorId = (await author.json('GET', '/api/auth/me')).body.user.id as number;
    expect((await owner.json('GET', `/api/tokens?owner=${authorId}`)).body.map((t: { name: string }) => t.name)).toEqual(['loader']);
    expect((await author.json('GET', `/api/tokens?owner=${authorId}`)).status).toBe(200);
    expect((await author.json('GET', `/api/tokens?owner=${authorId + 1000}`)).status).toBe(403);
  });

  it('records when a token was last used', async () => {
    const server = testServer();
    const owner = await admin(server);
    const { token } = (await owner.json('POST', '/api/tokens', { name: 'script' })).body;
    const script = new Client(server);
    script.bearer = token;
    expect((await script.json('GET', '/api/datasets')).status).toBe(200);
    expect((await owner.json('GET', '/api/tokens')).body[0].lastUsedAt).toMatch(/^\d{4}-/);
  });

  it('revokes a token at once (401 afterwards), audited without the secret', async () => {
    const server = testServer();
    const owner = await admin(server);
    const { id, token } = (await owner.json('POST', '/api/tokens', { name: 'nightly' })).body;
    const script = new Client(server);
    script.bearer = token;
    expect((await script.json('GET', '/api/datasets')).status).toBe(200);

    expect((await owner.request('DELETE', `/api/tokens/${id}`)).status).toBe(204);
    const after = await script.json('GET', '/api/datasets');
    expect(after).toMatchObject({ status: 401, body: { error: { code: 'bad_token' } } });
    expect((await owner.json('GET', '/api/tokens')).body).toEqual([]);

    const [row] = auditRows(server, 'token.revoke');
    expect(row).toMatchObject({ entity: 'api_token', entityId: String(id) });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(row)).toContain('nightly');
    expect((await owner.json('DELETE', `/api/tokens/${id}`)).status).toBe(404);
  });

  it("hides someone else's token from a non-admin (404) but lets an admin revoke it", async () => {
    const server = testServer();
    const owner = await admin(server);
    const author = await userWithRole(server, 'author');
    const viewer = await userWithRole(server, 'viewer');
    const { id, token } = (await author.json('POST', '/api/tokens', { name: 'loader' })).body;

    const stranger = await viewer.json('DELETE', `/api/tokens/${id}`);
    expect(stranger).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(stranger.body.error.message).toBe(`API token ${id} does not exist`);
    const script = new Client(server);
    script.bearer = token;
    expect((await script.json('GET', '/api/datasets')).status).toBe(200);

    expect((await owner.request('DELETE', `/api/tokens/${id}`)).status).toBe(204);
    expect((await script.json('GET', '/api/datasets')).status).toBe(401);
    expect(auditRows(server, 'token.revoke')).toHaveLength(1);
  });
});

describe('changing users', () => {
  it('changes a role and a name, audited with before and after', async () => {
    const server = testServer();
    const owner = await admin(server);
    const created = await owner.json('POST', '/api/users', { email: 'bo@example.com', name: 'Bo', password: PASSWORD, role: 'viewer' });
    const changed = await owner.json('PATCH', `/api/users/${created.body.id}`, { role: 'approver', name: 'Bo Li' });
    expect(changed).toMatchObject({ status: 200, body: { id: created.body.id, role: 'approver', name: 'Bo Li', email: 'bo@example.com' } });
    expect(changed.body).not.toHaveProperty('passwordHash');

    const bo = new Client(server);
    await bo.login('bo@example.com', PASSWORD);
    expect((await bo.json('GET', '/api/auth/me')).body.user.role).toBe('approver');

    const [row] = auditRows(server, 'user.update');
    expect(row.before).toEqual({ role: 'viewer', name: 'Bo' });
    expect(row.after).toEqual({ role: 'approver', name: 'Bo Li' });
  });

  it('refuses to demote the last admin with 409 naming why, and allows it once there is another', async () => {
    const server = testServer();
    const owner = await admin(server);
    const me = (await owner.json('GET', '/api/auth/me')).body.user.id as number;
    const refused = await owner.json('PATCH', `/api/users/${me}`, { role: 'viewer' });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'last_admin' } } });
    expect(refused.body.error.message).toMatch(/admin@example.com is the only admin/);
    expect((await owner.json('GET', '/api/auth/me')).body.user.role).toBe('admin');
    expect(auditRows(server, 'user.update')).toHaveLength(0);

    const other = await owner.json('POST', '/api/users', { email: 'cy@example.com', name: 'Cy', password: PASSWORD, role: 'admin' });
    expect((await owner.json('PATCH', `/api/users/${me}`, { name: 'Ada L' })).status).toBe(200);
    expect((await owner.json('PATCH', `/api/users/${me}`, { role: 'author' })).body.role).toBe('author');
    const cy = new Client(server);
    await cy.login('cy@example.com', PASSWORD);
    expect((await cy.json('PATCH', `/api/users/${other.body.id}`, { role: 'viewer' })).status).toBe(409);
  });

  it('is for admins only, names a missing user and wants something to change', async () => {
    const server = testServer();
    const owner = await admin(server);
    const author = await userWithRole(server, 'author');
    const me = (await author.json('GET', '/api/auth/me')).body.user.id as number;
    expect((await author.json('PATCH', `/api/users/${me}`, { role: 'admin' })).status).toBe(403);
    expect((await owner.json('PATCH', '/api/users/999', { role: 'viewer' })).body.error.message).toBe('user 999 does not exist');
    const empty = await owner.json('PATCH', `/api/users/${me}`, {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/give a role, a name or disabled/);
  });
});
