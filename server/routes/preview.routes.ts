/** The editor's live preview: the rows a reconciliation preview runs over, chosen on the server from key indexes. */
import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/middleware.js';
import { CAN, type App, type Deps } from '../context.js';
import { KeyIndexCache } from '../preview/key-index.js';
import { IN_RANGE_CAP, samplePreviewRows } from '../preview/preview-sample.js';
import { errors, json } from './schemas.js';

const Fields = z.array(z.string().min(1).max(200)).min(1).max(20);
const Request = z
  .object({
    left: z.object({ datasetId: z.number().int().positive(), count: z.number().int().min(1).max(1000).default(200) }),
    right: z.object({ datasetId: z.number().int().positive() }),
    passes: z
      .array(z.object({ left: Fields, right: Fields }))
      .min(1)
      .max(20)
      .openapi({
        description: "the sheet's `Match 1`, `Match 2`, … key fields, in order",
        example: [{ left: ['block_id'], right: ['block_id'] }],
      }),
  })
  .openapi('PreviewRowsRequest');
const Column = z.object({ name: z.string(), type: z.enum(['number', 'date', 'boolean', 'text']) });
const Side = z.object({ name: z.string(), columns: z.array(Column), rows: z.array(z.array(z.unknown())) });
const Response = z
  .object({
    left: Side,
    right: Side,
    covers: z.object({
      left: z.object({
        name: z.string(),
        total: z.number(),
        first: z.number().openapi({ description: 'the first rows taken' }),
        sameKey: z.number().openapi({ description: 'rows added that share a pass-1 key with them (complete blocks, duplicates)' }),
      }),
      right: z.object({
        name: z.string(),
        total: z.number(),
        matching: z.number().openapi({ description: 'rows that can match the left rows under the passes' }),
        inRange: z.number().openapi({ description: `unmatched rows whose pass-1 key lies in the key range (at most ${IN_RANGE_CAP})` }),
      }),
      keyRange: z.object({ from: z.string(), to: z.string() }).nullable(),
      capped: z.array(z.string()).openapi({ description: 'which caps cut rows, if any' }),
    }),
  })
  .openapi('PreviewRows');

export function registerPreviewRoutes(app: App, { db }: Deps): void {
  const indexes = new KeyIndexCache(db);
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/preview/rows',
      tags: ['sheets'],
      summary: "The rows a reconciliation's live preview runs over",
      description:
        'The first `left.count` left rows (and the other left rows sharing their pass-1 key, so blocks are complete), the right rows that can match them under the passes, and the unmatched right rows whose pass-1 key lies between the smallest and largest pass-1 key of the left rows. Found through key indexes built once per dataset and key fields. An unknown dataset is a 404 and an unknown field a 422, each naming the request field at fault in `details.field`.',
      middleware: [requireRole(CAN.read)],
      request: { body: { content: { 'application/json': { schema: Request } }, required: true } },
      responses: { 200: json('the rows and what they cover', Response), ...errors(400, 401, 403, 404, 422) },
    }),
    (c) => c.json(samplePreviewRows(db, indexes, c.req.valid('json')), 200),
  );
}
