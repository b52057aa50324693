/**
 * Account routes: API tokens (create with an expiry, list, revoke), an admin's changes to a
 * user (role, name, disabled, a new password) and a user's change of their own password.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../db/app-error.js';
import { listApiTokens, revokeApiToken, updateUser } from '../../db/accounts.service.js';
import { changeOwnPassword, resetPassword } from '../../db/passwords.service.js';
import { createApiToken } from '../../db/users.service.js';
import { requireRole } from '../auth/middleware.js';
import { CAN, type App, type Deps } from '../context.js';
import { errors, IdParam, json, User } from './schemas.js';

const TokenSummary = z
  .object({
    id: z.number(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable().openapi({ description: 'written at most every 5 minutes' }),
    expiresAt: z.string().nullable().openapi({ description: 'null: valid until revoked' }),
    status: z.enum(['active', 'expired', 'owner_disabled']),
    userId: z.number(),
    ownerName: z.string(),
  })
  .openapi('TokenSummary');
const NewToken = z
  .object({
    name: z.string().trim().min(1).max(100),
    expiresInDays: z.number().int().min(1).max(3650).nullable().optional().openapi({ description: '1 to 3650; null or absent: no expiry' }),
  })
  .openapi('NewToken');
const CreatedToken = z
  .object({ id: z.number(), name: z.string(), token: z.string(), expiresAt: z.string().nullable() })
  .openapi('CreatedToken');
const TokenScope = z.object({
  all: z.enum(['true', 'false']).optional().openapi({ description: "admins: everyone's tokens" }),
  owner: z.coerce.number().int().positive().optional().openapi({ description: "admins: one user's tokens" }),
});
const UserChange = z
  .object({
    role: User.shape.role.optional(),
    name: z.string().trim().min(1).max(200).optional(),
    disabled: z.boolean().optional().openapi({ description: 'true: cannot sign in, sessions end, tokens stop; false: enabled again' }),
  })
  .refine((c) => c.role !== undefined || c.name !== undefined || c.disabled !== undefined, 'give a role, a name or disabled to change')
  .openapi('UserChange');
const NewPassword = z.object({ password: z.string().min(1) }).openapi('PasswordReset');
const OwnPassword = z.object({ currentPassword: z.string().min(1), newPassword: z.string().min(1) }).openapi('PasswordChange');
const SessionsEnded = z.object({ sessionsEnded: z.number() }).openapi('SessionsEnded');
const body = <T extends z.ZodTypeAny>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

export function registerAccountRoutes(app: App, { db }: Deps): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tokens',
      tags: ['auth'],
      summary: 'Create an API token for scripts (the secret is shown once), optionally expiring after expiresInDays',
      middleware: [requireRole(CAN.read)],
      request: { body: body(NewToken) },
      responses: { 201: json('the token', CreatedToken), ...errors(400, 401, 403) },
    }),
    (c) => {
      const { name, expiresInDays } = c.req.valid('json');
      return c.json(createApiToken(db, c.get('user')!.id, name, expiresInDays ?? null), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tokens',
      tags: ['auth'],
      summary: "The caller's API tokens (never the secret); admins may pass all=true for everyone's or owner=<user id>",
      middleware: [requireRole(CAN.read)],
      request: { query: TokenScope },
      responses: { 200: json('tokens, newest first', z.array(TokenSummary)), ...errors(400, 401, 403) },
    }),
    (c) => {
      const user = c.get('user')!;
      const { all, owner } = c.req.valid('query');
      const others = all === 'true' || (owner !== undefined && owner !== user.id);
      if (others && user.role !== 'admin')
        throw new AppError('forbidden', 403, "only admins may list other users' API tokens (all=true or owner)");
      return c.json(listApiTokens(db, user.id, { all: all === 'true', ownerId: owner }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/tokens/{id}',
      tags: ['auth'],
      summary: 'Revoke an API token (its owner or an admin); it stops working at once',
      middleware: [requireRole(CAN.read)],
      request: { params: IdParam },
      responses: { 204: { description: 'revoked' }, ...errors(401, 404) },
    }),
    (c) => {
      revokeApiToken(db, c.get('user')!, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/users/{id}',
      tags: ['users'],
      summary: "Change a user's role or name, or disable (ending their sessions) or enable them; 409 for oneself or the last active admin",
      middleware: [requireRole(CAN.admin)],
      request: { params: IdParam, body: body(UserChange) },
      responses: { 200: json('the changed user', User), ...errors(400, 401, 403, 404, 409) },
    }),
    (c) => c.json(updateUser(db, c.get('user')!.id, c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/users/{id}/password',
      tags: ['users'],
      summary: "Set a new password for a user; every session of theirs ends (an admin's own current one stays)",
      middleware: [requireRole(CAN.admin)],
      request: { params: IdParam, body: body(NewPassword) },
      responses: { 200: json('how many sessions ended', SessionsEnded), ...errors(400, 401, 403, 404) },
    }),
    (c) => c.json(resetPassword(db, c.get('user')!, c.req.valid('param').id, c.req.valid('json').password, c.get('sessionToken')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/password',
      tags: ['auth'],
      summary: 'Change your own password (403 when currentPassword is wrong); your other sessions end, this one stays',
      middleware: [requireRole(CAN.read)],
      request: { body: body(OwnPassword) },
      responses: { 200: json('how many other sessions ended', SessionsEnded), ...errors(400, 401, 403) },
    }),
    (c) => c.json(changeOwnPassword(db, c.get('user')!, c.req.valid('json'), c.get('sessionToken')), 200),
  );
}
