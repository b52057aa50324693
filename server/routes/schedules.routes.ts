/** Schedules: create, list, change, delete, fire now. Cron syntax and time zone are checked on the way in. */
import { createRoute, z } from '@hono/zod-openapi';
import { Cron } from 'croner';
import {
  createSchedule,
  deleteSchedule,
  getSchedule,
  listSchedules,
  updateSchedule,
  type ScheduleRecord,
} from '../../db/schedules.service.js';
import { requireRole } from '../auth/middleware.js';
import { listWatchedFiles } from '../schedules/watched-files.js';
import { CAN, type App, type Deps } from '../context.js';
import { errors, IdParam, json } from './schemas.js';

const validCron = (expr: string) => {
  try {
    new Cron(expr, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
};
const validZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const Fields = z.object({
  cron: z
    .string()
    .min(1)
    .refine(validCron, 'not a cron expression (e.g. "30 18 * * 1-5" for 18:30 on weekdays)')
    .openapi({ example: '30 18 * * 1-5' }),
  timezone: z.string().refine(validZone, 'not a time zone (e.g. "America/New_York")').default('UTC'),
  inputs: z
    .record(z.string().min(1), z.string().min(1).max(200))
    .refine((r) => Object.keys(r).length > 0, 'name at least one input')
    .openapi({ description: 'dataset name → file-name pattern in the watched folder', example: { FO: 'fo_blotter_*.csv' } }),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  waitMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  enabled: z.boolean().default(true),
});
const Create = Fields.extend({ sheetId: z.number().int().positive() }).strict().openapi('NewSchedule');
// Not `Fields.partial()`: that keeps the defaults, so a change naming only `waitMinutes` reset
// the time zone, the parameters and `enabled` (re-enabling a paused schedule) to them.
const Change = z
  .object({
    cron: Fields.shape.cron.optional(),
    timezone: Fields.shape.timezone.unwrap().optional(),
    inputs: Fields.shape.inputs.optional(),
    params: Fields.shape.params.unwrap().optional(),
    waitMinutes: Fields.shape.waitMinutes.unwrap().optional(),
    enabled: Fields.shape.enabled.unwrap().optional(),
  })
  .strict()
  .openapi('ScheduleChange');
const Schedule = Fields.extend({
  id: z.number(),
  sheetId: z.number(),
  nextRun: z.string().nullable(),
  nextRuns: z.array(z.string()).openapi({ description: 'the next 3 fire times (ISO, UTC); empty when paused' }),
  lastFiredAt: z.string().nullable(),
  lastOutcome: z
    .object({
      runId: z.number().optional(),
      waiting: z.array(z.string()).optional(),
      missing: z.array(z.string()).optional(),
      error: z.string().optional(),
    })
    .nullable(),
  createdAt: z.string(),
}).openapi('Schedule');
const WatchedFiles = z
  .object({
    folder: z.string(),
    files: z.array(
      z.object({
        name: z.string(),
        size: z.number(),
        modifiedAt: z.string(),
        matches: z.array(z.object({ scheduleId: z.number(), sheetId: z.number(), input: z.string(), pattern: z.string() })),
      }),
    ),
    truncated: z.boolean(),
  })
  .openapi('WatchedFiles');

/** The next `count` fire times of a cron in its time zone. */
export function nextRuns(cron: string, timezone: string, count = 3): string[] {
  const job = new Cron(cron, { timezone, paused: true });
  const runs = job.nextRuns(count).map((d) => d.toISOString());
  job.stop();
  return runs;
}

export function registerScheduleRoutes(app: App, { db, scheduler, config }: Deps): void {
  const watchDir = config.watchDir;
  const view = (s: ScheduleRecord) => ({
    id: s.id,
    sheetId: s.sheetId,
    cron: s.cron,
    timezone: s.timezone,
    inputs: s.inputs,
    params: s.params,
    waitMinutes: s.waitMinutes,
    enabled: s.enabled,
    nextRun: scheduler.nextRun(s.id),
    nextRuns: s.enabled ? nextRuns(s.cron, s.timezone) : [],
    lastFiredAt: s.lastFiredAt,
    lastOutcome: s.lastOutcome ?? null,
    createdAt: s.createdAt,
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/schedules',
      tags: ['schedules'],
      summary: 'List schedules',
      middleware: [requireRole(CAN.read)],
      responses: { 200: json('schedules', z.array(Schedule)), ...errors(401) },
    }),
    (c) => c.json(listSchedules(db).map(view), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/schedules/watched-files',
      tags: ['schedules'],
      summary: 'Files waiting in the watched folder (at most 500, newest first) and the schedule inputs each matches',
      middleware: [requireRole(CAN.author)],
      responses: { 200: json('watched files', WatchedFiles), ...errors(401, 403) },
    }),
    (c) => c.json(listWatchedFiles(watchDir, listSchedules(db)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/schedules',
      tags: ['schedules'],
      summary: 'Schedule a sheet: cron in a time zone, inputs by file-name pattern from the watched folder',
      middleware: [requireRole(CAN.author)],
      request: { body: { content: { 'application/json': { schema: Create } }, required: true } },
      responses: { 201: json('created', Schedule), ...errors(400, 401, 403, 404, 409) },
    }),
    (c) => {
      const record = createSchedule(db, { ...c.req.valid('json'), userId: c.get('user')!.id });
      scheduler.reload(record.id);
      return c.json(view(record), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/schedules/{id}',
      tags: ['schedules'],
      summary: 'Change a schedule (e.g. pause it with enabled: false)',
      description:
        "Its creator's or an admin's: another author gets 403 `not_owner` naming the owner (docs/ownership.md). A schedule of an archived sheet cannot be enabled (409 `archived`).",
      middleware: [requireRole(CAN.author)],
      request: { params: IdParam, body: { content: { 'application/json': { schema: Change } }, required: true } },
      responses: { 200: json('changed', Schedule), ...errors(400, 401, 403, 404, 409) },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const record = updateSchedule(db, id, c.req.valid('json'), c.get('user')!);
      scheduler.reload(id);
      return c.json(view(record), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/schedules/{id}',
      tags: ['schedules'],
      summary: 'Delete a schedule',
      description: "Its creator's or an admin's: another author gets 403 `not_owner` naming the owner (docs/ownership.md).",
      middleware: [requireRole(CAN.author)],
      request: { params: IdParam },
      responses: { 204: { description: 'deleted' }, ...errors(401, 403, 404) },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      deleteSchedule(db, id, c.get('user')!);
      scheduler.reload(id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/schedules/{id}/fire',
      tags: ['schedules'],
      summary: 'Fire a schedule now, as its cron would (audited, with its imports and run, as the person who fired it)',
      middleware: [requireRole(CAN.author)],
      request: { params: IdParam },
      responses: { 200: json('what the firing did', Schedule.shape.lastOutcome.unwrap()), ...errors(401, 403, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      getSchedule(db, id);
      return c.json(await scheduler.fire(id, new Date(), c.get('user')!.id), 200);
    },
  );
}
