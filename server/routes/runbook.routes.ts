/**
 * The expiration-day run-book: read a day's steps with their evidence, choose where the
 * evidence comes from, tick and untick steps, and sign the day off (four eyes).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { getRunbook, setRunbookSettings, signOffRunbook, tickStep, untickStep } from '../../db/runbook/runbook.service.js';
import { STEPS } from '../../db/runbook/runbook-steps.js';
import { requireRole } from '../auth/middleware.js';
import { CAN, type App, type Deps } from '../context.js';
import { errors, json } from './schemas.js';

const DateParam = z.object({
  date: z.string().openapi({ param: { name: 'date', in: 'path' }, example: '2026-11-20' }),
});
const StepParam = DateParam.extend({
  step: z.enum(STEPS).openapi({ param: { name: 'step', in: 'path' }, description: STEPS.join(', ') }),
});
const Note = z.object({ note: z.string().max(2000).nullable().optional() }).strict();
const Settings = z
  .object({
    sheet: z.string().max(200),
    positionsDataset: z.string().max(200),
    closesDataset: z.string().max(200),
    instructionsDataset: z.string().max(200),
    dateParam: z.string().max(100),
    cutoff: z.string().max(5).openapi({ example: '17:30', description: 'HH:MM, New York time' }),
  })
  .partial()
  .strict()
  .openapi('RunbookSettings');
const Runbook = json(
  'the run-book: `steps` (each with `done` — who, when, note, evidence — and `refusal`, why it cannot be ticked now), `evidence` (imports of the day, the cut-off, the expiration sheet and its official run for the date with its open exceptions), `signOff` and `signOffRefusal` for the caller',
);

export function registerRunbookRoutes(app: App, { db }: Deps): void {
  const userId = (c: { get(key: 'user'): { id: number } | null }) => c.get('user')!.id;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/expirations/{date}',
      tags: ['expirations'],
      summary: "An expiration day's run-book with the evidence the product can see",
      description: '422 `not_expiration` for a day that is not a monthly or quarterly option expiration.',
      middleware: [requireRole(CAN.read)],
      request: { params: DateParam },
      responses: { 200: Runbook, ...errors(401, 422) },
    }),
    (c) => c.json(getRunbook(db, c.req.valid('param').date, userId(c)) as unknown as Record<string, unknown>, 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/expirations/{date}/settings',
      tags: ['expirations'],
      summary: "Choose the day's expiration sheet, dataset names, date parameter or cut-off (empty: the default)",
      middleware: [requireRole(CAN.work)],
      request: { params: DateParam, body: { content: { 'application/json': { schema: Settings } }, required: true } },
      responses: { 200: Runbook, ...errors(400, 401, 403, 409, 422) },
    }),
    (c) =>
      c.json(
        setRunbookSettings(db, { date: c.req.valid('param').date, change: c.req.valid('json'), userId: userId(c) }) as unknown as Record<
          string,
          unknown
        >,
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/expirations/{date}/steps/{step}',
      tags: ['expirations'],
      summary: 'Tick a step as done by the caller',
      description:
        'Refused with 409 when the evidence contradicts it: `no_evidence` (no import of the dataset that New York day, no official run for the date), `cutoff_not_passed`, `run_not_succeeded`, `open_exceptions` (the message names the count); `already_done`, `signed_off`.',
      middleware: [requireRole(CAN.work)],
      request: { params: StepParam, body: { content: { 'application/json': { schema: Note } }, required: false } },
      responses: { 200: Runbook, ...errors(400, 401, 403, 409, 422) },
    }),
    (c) => {
      const { date, step } = c.req.valid('param');
      const note = c.req.valid('json')?.note;
      return c.json(tickStep(db, { date, step, userId: userId(c), note }) as unknown as Record<string, unknown>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/expirations/{date}/steps/{step}',
      tags: ['expirations'],
      summary: 'Take a tick back (before sign-off)',
      middleware: [requireRole(CAN.work)],
      request: { params: StepParam },
      responses: { 200: Runbook, ...errors(401, 403, 404, 409, 422) },
    }),
    (c) => {
      const { date, step } = c.req.valid('param');
      return c.json(untickStep(db, { date, step, userId: userId(c) }) as unknown as Record<string, unknown>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/expirations/{date}/sign-off',
      tags: ['expirations'],
      summary: 'Sign the day off: every step done by others, the evidence still bearing them out',
      description:
        '403 `four_eyes` for someone who ticked a step; 409 `steps_missing` naming the steps not done, or the code of a step the evidence no longer bears out; 409 `signed_off`.',
      middleware: [requireRole(CAN.approve)],
      request: { params: DateParam, body: { content: { 'application/json': { schema: Note } }, required: false } },
      responses: { 200: Runbook, ...errors(400, 401, 403, 409, 422) },
    }),
    (c) => {
      const note = c.req.valid('json')?.note;
      return c.json(
        signOffRunbook(db, { date: c.req.valid('param').date, userId: userId(c), note }) as unknown as Record<string, unknown>,
        200,
      );
    },
  );
}
