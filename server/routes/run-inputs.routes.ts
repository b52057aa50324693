/** The datasets a sheet's run can be given, for the run dialog and scripts. */
import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/middleware.js';
import { CAN, type App, type Deps } from '../context.js';
import { runInputOffers } from '../runs/run-inputs.js';
import { errors, IdParam, json } from './schemas.js';

const Offer = z
  .object({
    name: z.string(),
    role: z.enum(['Left', 'Right', 'Data', 'Report sheet', 'Lookup', 'Trades', 'Prices', 'FX']),
    fields: z.array(z.string()),
    columns: z
      .array(z.number())
      .optional()
      .openapi({ description: 'a Lookup: the 0-based column each field must be in (its formulas read columns by letter)' }),
    candidates: z.array(z.object({ id: z.number(), name: z.string(), sourceName: z.string(), rows: z.number(), createdAt: z.string() })),
    unfit: z.number(),
  })
  .openapi('RunInputOffer');

export function registerRunInputRoutes(app: App, { db }: Deps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/sheets/{id}/inputs',
      tags: ['runs'],
      summary: 'The datasets each input of the sheet can be given',
      description:
        "For each dataset the version reads (Left, Right, Data, Lookup, a Report's sheets): the fields it reads and the datasets that have them all, the same name's newest first. `unfit` counts the datasets left out for lacking a field.",
      middleware: [requireRole(CAN.read)],
      request: {
        params: IdParam,
        query: z.object({
          version: z.coerce.number().int().positive().optional().openapi({ description: 'default: the approved version, else the latest' }),
        }),
      },
      responses: { 200: json('the inputs', z.array(Offer)), ...errors(401, 404, 422) },
    }),
    (c) => c.json(runInputOffers(db, c.req.valid('param').id, c.req.valid('query').version), 200),
  );
}
