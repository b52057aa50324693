/** GET /api/runs/:id/origin: the sheet, who started the run and the datasets it read, for the run page's heading. */
import { createRoute, z } from '@hono/zod-openapi';
import { runOrigin } from '../../db/run-origin.js';
import { requireRole } from '../auth/middleware.js';
import { CAN, type App, type Deps } from '../context.js';
import { errors, IdParam, json } from './schemas.js';

const RunOrigin = z
  .object({
    sheet: z.object({ id: z.number(), name: z.string() }),
    startedBy: z.object({
      kind: z.enum(['user', 'schedule', 'system']),
      name: z.string().openapi({ description: 'the person, "schedule #N (cron, time zone)", or "system"' }),
      scheduleId: z.number().nullable(),
    }),
    datasets: z.array(
      z.object({
        input: z.string(),
        datasetId: z.number(),
        dataset: z
          .object({ name: z.string(), sourceName: z.string(), rows: z.number(), importedAt: z.string() })
          .nullable()
          .openapi({ description: 'null once the dataset was deleted' }),
      }),
    ),
  })
  .openapi('RunOrigin');

export function registerRunOriginRoutes(app: App, { db }: Deps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/runs/{id}/origin',
      tags: ['runs'],
      summary: 'Where a run came from: its sheet, who started it and the datasets it read',
      middleware: [requireRole(CAN.read)],
      request: { params: IdParam },
      responses: { 200: json('the origin', RunOrigin), ...errors(401, 404) },
    }),
    (c) => c.json(runOrigin(db, c.req.valid('param').id), 200),
  );
}
