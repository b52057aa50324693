/** The audit trail, for compliance: who changed what, when, with the state before and after. */
import { createRoute, z } from '@hono/zod-openapi';
import { listAudit } from '../../db/audit.js';
import { requireRole } from '../auth/middleware.js';
import { CAN, type App, type Deps } from '../context.js';
import { errors, json, Paging } from './schemas.js';

const Entry = z
  .object({
    id: z.number(),
    at: z.string(),
    user: z.string().nullable().openapi({ description: 'e-mail of who did it; null for the system (runs, schedules)' }),
    action: z.string(),
    entity: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('AuditEntry');

export function registerAuditRoutes(app: App, { db }: Deps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit',
      tags: ['audit'],
      summary: 'The audit trail, newest first',
      middleware: [requireRole(CAN.approve)],
      request: {
        query: Paging.extend({
          entity: z.string().max(50).optional().openapi({ example: 'sheet' }),
          entityId: z.string().max(50).optional(),
          action: z.string().max(50).optional().openapi({ description: 'an action or its prefix, e.g. "exception."' }),
        }),
      },
      responses: {
        200: json('entries', z.object({ offset: z.number(), total: z.number(), rows: z.array(Entry) })),
        ...errors(400, 401, 403),
      },
    }),
    (c) => {
      const q = c.req.valid('query');
      return c.json({ offset: q.offset, ...listAudit(db, q) }, 200);
    },
  );
}
