/**
 * The calendar: the rule calendar's events and the firm's own over a date range, the
 * firm's events created, changed and deleted, and the same calendar as an iCalendar feed
 * for Outlook or Google, which cannot send headers: it takes an API token as `?token=`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../db/app-error.js';
import {
  createCalendarEvent,
  deleteCalendarEvent,
  EVENT_CATEGORIES,
  updateCalendarEvent,
  type CalendarEventRecord,
} from '../../db/calendar-events.service.js';
import { tokenUser } from '../../db/users.service.js';
import { requireRole } from '../auth/middleware.js';
import { calendarEntries, FUTURES_ROOTS, MAX_YEARS, parseRange } from '../calendar/calendar-entries.js';
import { icsFeed } from '../calendar/ics-feed.js';
import { CAN, type App, type AppEnv, type Deps } from '../context.js';
import { errors, IdParam, json } from './schemas.js';

const Day = z.string().openapi({ example: '2026-11-20', description: 'YYYY-MM-DD' });
const Roots = z
  .string()
  .optional()
  .openapi({ example: 'CL,ES', description: `futures roots whose last trading days to include: ${FUTURES_ROOTS.join(', ')}` });
const Fields = z.object({
  date: Day,
  title: z.string().max(200),
  category: z.enum(EVENT_CATEGORIES),
  note: z.string().max(4000).nullable().optional(),
});
const FirmEvent = Fields.extend({
  id: z.number(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).openapi('CalendarEvent');
const Entry = z
  .object({
    date: z.string(),
    source: z.enum(['rule', 'firm']),
    event: z
      .string()
      .openapi({ description: 'holiday, early close, monthly expiration, quarterly expiration, futures last trading day, firm event' }),
    detail: z.string(),
    firm: z
      .object({ id: z.number(), title: z.string(), category: z.string(), note: z.string().nullable(), updatedAt: z.string() })
      .optional(),
  })
  .openapi('CalendarEntry');

const view = (e: CalendarEventRecord) => ({
  id: e.id,
  date: e.date,
  title: e.title,
  category: e.category,
  note: e.note,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});

/** The feed's caller: an API token as `?token=` (or a bearer header); a session cookie is not enough, nor nothing. */
function feedToken({ db }: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = c.req.query('token');
    if (token) {
      const user = tokenUser(db, token.trim());
      if (!user) throw new AppError('bad_token', 401, 'the API token is not valid');
      c.set('user', user);
      c.set('via', 'token');
    } else if (c.get('via') !== 'token') {
      throw new AppError('unauthenticated', 401, 'the calendar feed needs an API token: add ?token=… (the Calendar page creates one)');
    }
    await next();
  };
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function registerCalendarRoutes(app: App, deps: Deps): void {
  const { db } = deps;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/calendar',
      tags: ['calendar'],
      summary: "The rule calendar's events and the firm's over a range of at most five years",
      description: `Holidays (detail: the name), early closes (the time), monthly and quarterly option expirations, the futures last trading days of \`roots\`, and firm events, in date order. 422 \`bad_range\` naming \`from\`, \`to\` or \`roots\` for a day that does not exist, \`to\` before \`from\`, more than ${MAX_YEARS} years, or an unknown root.`,
      middleware: [requireRole(CAN.read)],
      request: { query: z.object({ from: Day, to: Day, roots: Roots }) },
      responses: {
        200: json('the entries', z.object({ from: z.string(), to: z.string(), roots: z.array(z.string()), entries: z.array(Entry) })),
        ...errors(400, 401, 422),
      },
    }),
    (c) => {
      const range = parseRange(c.req.valid('query'));
      return c.json({ ...range, entries: calendarEntries(db, range) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/calendar.ics',
      tags: ['calendar'],
      summary: 'The calendar as an iCalendar feed to subscribe to (API token as ?token=)',
      description:
        'All-day events for holidays, early closes, option expirations, the futures last trading days of `roots`, and firm events. Without `from`/`to`: a year back to two years ahead. Outlook and Google cannot send headers, so this route alone takes the API token in the query; 401 without one.',
      security: [{ bearer: [] }],
      middleware: [feedToken(deps), requireRole(CAN.read)],
      request: { query: z.object({ token: z.string().optional(), from: Day.optional(), to: Day.optional(), roots: Roots }) },
      responses: { 200: { description: 'iCalendar', content: { 'text/calendar': { schema: z.string() } } }, ...errors(400, 401, 422) },
    }),
    (c) => {
      const q = c.req.valid('query');
      const now = Date.now();
      const range = parseRange({
        from: q.from ?? isoDay(now - 366 * DAY_MS),
        to: q.to ?? isoDay(now + 2 * 365 * DAY_MS),
        roots: q.roots,
      });
      return c.body(icsFeed(calendarEntries(db, range)), 200, {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': 'inline; filename="tickmark.ics"',
        // The URL carries a credential: keep it out of shared caches.
        'Cache-Control': 'private, no-store',
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/calendar/events',
      tags: ['calendar'],
      summary: 'Add a firm event (a corporate action, a regulator deadline) on a day',
      description: `422 \`invalid_event\` naming each field at fault (\`details\`: \`[{ field, message }]\`). Categories: ${EVENT_CATEGORIES.join(', ')}.`,
      middleware: [requireRole(CAN.work)],
      request: { body: { content: { 'application/json': { schema: Fields.strict() } }, required: true } },
      responses: { 201: json('created', FirmEvent), ...errors(400, 401, 403, 422) },
    }),
    (c) => c.json(view(createCalendarEvent(db, c.req.valid('json'), c.get('user')!.id)), 201),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/calendar/events/{id}',
      tags: ['calendar'],
      summary: 'Change a firm event (the fields given)',
      middleware: [requireRole(CAN.work)],
      request: { params: IdParam, body: { content: { 'application/json': { schema: Fields.partial().strict() } }, required: true } },
      responses: { 200: json('changed', FirmEvent), ...errors(400, 401, 403, 404, 422) },
    }),
    (c) => c.json(view(updateCalendarEvent(db, c.req.valid('param').id, c.req.valid('json'), c.get('user')!.id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/calendar/events/{id}',
      tags: ['calendar'],
      summary: 'Delete a firm event',
      middleware: [requireRole(CAN.work)],
      request: { params: IdParam },
      responses: { 204: { description: 'deleted' }, ...errors(401, 403, 404) },
    }),
    (c) => {
      deleteCalendarEvent(db, c.req.valid('param').id, c.get('user')!.id);
      return c.body(null, 204);
    },
  );
}
