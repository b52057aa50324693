/**
 * The audit trail, for compliance: who changed what, when, with the state before and after;
 * whether its hash chain is intact; and the whole chain as JSON Lines (governance.md 6).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { auditExportPages } from '../../db/audit-export.js';
import { verifyAuditTrail } from '../../db/audit-verify.js';
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

// Typed as a plain string: @hono/zod-openapi types a `application/…json` response it cannot
// parse as JSON as `never`.
const JSONL: string = 'application/x-ndjson';

const Verdict = z
  .object({
    ok: z.boolean(),
    entries: z.number().openapi({ description: 'how many entries the trail holds' }),
    head: z.string().optional().openapi({ description: "when ok: the newest entry's hash, to note down and compare later" }),
    brokenAt: z.number().optional().openapi({ description: 'when not ok: the id of the first entry that does not match the chain' }),
  })
  .openapi('AuditVerdict');

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
          q: z
            .string()
            .max(100)
            .optional()
            .openapi({ description: 'words each found in the action, entity, id, who did it or the state before or after (any case)' }),
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

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit/verify',
      tags: ['audit'],
      summary: "Recomputes the trail's hash chain and names the first entry that does not match",
      middleware: [requireRole(CAN.approve)],
      responses: {
        200: json('`{ ok: true, entries, head }` or `{ ok: false, entries, brokenAt }`', Verdict),
        ...errors(401, 403),
      },
    }),
    async (c) => c.json(await verifyAuditTrail(db.$client), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit/export',
      tags: ['audit'],
      summary: 'Every entry with its hash, oldest first, one JSON object a line (docs/audit-trail.md checks it)',
      middleware: [requireRole(CAN.approve)],
      request: { query: z.object({ format: z.enum(['jsonl']).default('jsonl') }) },
      responses: {
        200: {
          description: '`{ id, at, userId, action, entity, entityId, before, after, hash }` a line',
          content: { [JSONL]: { schema: z.string() } },
        },
        ...errors(400, 401, 403),
      },
    }),
    (c): Response => {
      const pages = auditExportPages(db.$client);
      const encoder = new TextEncoder();
      // Pulled a page at a time, so a download of a million entries never sits in memory.
      const body = new ReadableStream<Uint8Array<ArrayBuffer>>({
        pull(controller) {
          const next = pages.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        },
        cancel() {
          pages.return(undefined);
        },
      });
      return c.body(body, 200, {
        'Content-Type': `${JSONL}; charset=utf-8`,
        'Content-Disposition': 'attachment; filename="audit-trail.jsonl"',
      });
    },
  );
}
