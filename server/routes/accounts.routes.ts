/** Account pages' routes: the caller's API tokens (list, revoke) and changing a user's role or name. */
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../db/app-error.js';
import { listApiTokens, revokeApiToken, updateUser } from '../../db/accounts.service.js';
import { requireRole } from '../auth/middleware.js';
import { CAN, type App, type Deps } from '../context.js';
import { errors, IdParam, json, User } from './schemas.js';

const TokenSummary = z
  .object({
    id: z.number(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    userId: z.number(),
    ownerName: z.string(),
  })
  .openapi('TokenSummary');
const UserChange = z
  .object({ role: User.shape.role.optional(), name: z.string().trim().min(1).max(200).optional() })
  .refine((c) => c.role !== undefined || c.name !== undefined, 'give a role or a name to change')
  .openapi('UserChange');

export function registerAccountRoutes(app: App, { db }: Deps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tokens',
      tags: ['auth'],
      summary: "The caller's API tokens (never the secret); admins may pass all=true for everyone's",
      middleware: [requireRole(CAN.read)],
      request: { query: z.object({ all: z.enum(['true', 'false']).optional() }) },
      responses: { 200: json('tokens, newest first', z.array(TokenSummary)), ...errors(401, 403) },
    }),
    (c) => {
      const user = c.get('user')!;
      const all = c.req.valid('query').all === 'true';
      if (all && user.role !== 'admin') throw new AppError('forbidden', 403, "only admins may list everyone's API tokens (all=true)");
      return c.json(listApiTokens(db, user.id, all), 200);
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
      summary: "Change a user's role or name (refused with 409 for the last admin's role)",
      middleware: [requireRole(CAN.admin)],
      request: { params: IdParam, body: { content: { 'application/json': { schema: UserChange } }, required: true } },
      responses: { 200: json('the changed user', User), ...errors(400, 401, 403, 404, 409) },
    }),
    (c) => c.json(updateUser(db, c.get('user')!.id, c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
