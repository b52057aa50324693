/**
 * The exception queue: list (filter, sort, page), one item with comments and history,
 * changes to one item or many (by ids or by filter), manual matches, and the bulk round
 * trip through a spreadsheet (checked and previewed before it applies).
 */
import { readFile } from 'node:fs/promises';
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../db/app-error.js';
import { commentsByItem, idsMatching, queueFacets } from '../../db/queue/queue-lookups.query.js';
import { previewChanges } from '../../db/queue/queue-preview.js';
import { getQueueItem, itemActivity, queryQueue, QUEUE_SORTS, QUEUE_STATUSES, type QueueFilter } from '../../db/queue/queue.query.js';
import { applyChanges, manualMatch, MAX_COMMENT, MAX_LABEL, type ItemChange } from '../../db/queue/queue.service.js';
import { listSheets } from '../../db/sheets.service.js';
import { listUsers } from '../../db/users.service.js';
import { requireRole } from '../auth/middleware.js';
import { CAN, type App, type Deps } from '../context.js';
import { describeFilter, queueToXlsx, xlsxToChanges } from '../queue-spreadsheet.js';
import { withUploadedFile } from '../uploads.js';
import { errors, IdParam, json, listLimit, Paging } from './schemas.js';

const Status = z.enum(QUEUE_STATUSES);
const Item = z
  .object({
    id: z.number(),
    sheetId: z.number(),
    sheetName: z.string(),
    kind: z.string(),
    key: z.string(),
    status: Status,
    closeReason: z.string().nullable(),
    assignee: z.object({ id: z.number(), email: z.string(), name: z.string() }).nullable(),
    previousAssigneeId: z.number().nullable(),
    label: z.string().nullable(),
    match: z.string().nullable(),
    values: z.array(z.unknown()),
    columns: z.array(z.string()),
    firstSeenRunId: z.number().nullable(),
    lastSeenRunId: z.number().nullable(),
    firstSeenAt: z.string(),
    ageFrom: z.string(),
    ageDays: z.number(),
    comments: z.number(),
    updatedAt: z.string(),
    version: z
      .number()
      .openapi({ description: 'bumped by every change; send it back (If-Match or `version`) so a stale update is refused' }),
  })
  .openapi('ExceptionItem');

const csv = (text: string | undefined) =>
  text
    ?.split(',')
    .map((t) => t.trim())
    .filter(Boolean);
const Filter = z.object({
  sheetId: z.coerce.number().int().positive().optional(),
  status: z
    .string()
    .regex(new RegExp(`^(${QUEUE_STATUSES.join('|')})(,(${QUEUE_STATUSES.join('|')}))*$`), 'comma-separated statuses')
    .refine(...listLimit)
    .optional(),
  kind: z
    .string()
    .refine(...listLimit)
    .optional()
    .openapi({ description: 'comma-separated kinds' }),
  assignee: z
    .string()
    .regex(/^(none|\d+)$/, 'a user id or "none"')
    .optional(),
  label: z.string().max(MAX_LABEL).optional(),
  q: z.string().max(200).optional(),
  minAge: z.coerce.number().int().min(0).max(100_000).optional().openapi({ description: 'only items at least this many days old' }),
  maxAge: z.coerce
    .number()
    .int()
    .min(0)
    .max(100_000)
    .optional()
    .openapi({ description: 'only items at most this many days old (inclusive)' }),
});
type FilterQuery = z.infer<typeof Filter>;
const toFilter = (f: FilterQuery): QueueFilter => ({
  sheetId: f.sheetId,
  statuses: csv(f.status) as QueueFilter['statuses'],
  kinds: csv(f.kind),
  assignee: f.assignee === undefined ? undefined : f.assignee === 'none' ? 'none' : Number(f.assignee),
  label: f.label,
  search: f.q,
  minAge: f.minAge,
  maxAge: f.maxAge,
});

const changeFields = {
  status: Status.optional(),
  assigneeId: z.number().int().positive().nullable().optional(),
  handBack: z.boolean().optional(),
  label: z.string().max(MAX_LABEL).nullable().optional(),
  comment: z.string().max(MAX_COMMENT).optional(),
};
const Version = z.number().int().positive();
const Change = z.object(changeFields).strict().openapi('ExceptionChange');
const OneChange = z
  .object({
    ...changeFields,
    version: Version.optional().openapi({
      description: 'the version this change was made against (or send If-Match); a stale one is refused with 409',
    }),
  })
  .strict()
  .openapi('ExceptionItemChange');
const ItemVersion = z.object({ id: z.number().int().positive(), version: Version }).strict();
const Bulk = z
  .object({
    ids: z.array(z.number().int().positive()).min(1).max(1_000_000).optional(),
    items: z
      .array(ItemVersion)
      .min(1)
      .max(1_000_000)
      .optional()
      .openapi({ description: 'the items with the versions the person saw: if any moved since, 409 and nothing applies' }),
    filter: Filter.strict().optional(),
    change: Change,
  })
  .strict()
  .refine((b) => (b.ids ? 1 : 0) + (b.items ? 1 : 0) + (b.filter ? 1 : 0) === 1, 'give one of ids, items or filter')
  .openapi('BulkChange');
const BulkOutcome = json(
  'applied',
  z.object({
    updated: z.number(),
    ids: z.array(z.number()).openapi({ description: 'every item the change was for, changed or not' }),
    items: z.array(ItemVersion).openapi({ description: 'those items with their versions now' }),
  }),
);
const Author = { user: z.string().nullable().openapi({ description: "the author's e-mail" }), userName: z.string().nullable() };
const PreviewChange = z
  .object({
    id: z.number(),
    place: z.string(),
    sheetName: z.string(),
    kind: z.string(),
    key: z.string(),
    version: z.number(),
    fields: z.array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  })
  .openapi('QueueImportChange');
const Ids = z
  .string()
  .regex(/^\d+(,\d+)*$/, 'comma-separated ids')
  .refine(...listLimit)
  .optional()
  .openapi({ description: 'only these items (comma-separated ids): which of a selection still match' });

export function registerQueueRoutes(app: App, { db, config }: Deps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/queue',
      tags: ['queue'],
      summary: 'The exception queue: filtered, sorted and paged',
      middleware: [requireRole(CAN.read)],
      request: {
        query: Paging.merge(Filter).extend({
          sort: z.enum(QUEUE_SORTS).default('id'),
          order: z.enum(['asc', 'desc']).default('asc'),
          ids: Ids,
        }),
      },
      responses: { 200: json('items', z.object({ offset: z.number(), total: z.number(), items: z.array(Item) })), ...errors(400, 401) },
    }),
    (c) => {
      const q = c.req.valid('query');
      const ids = q.ids?.split(',').map(Number);
      const page = queryQueue(db, { ...toFilter(q), ids, sort: q.sort, order: q.order, offset: q.offset, limit: q.limit });
      return c.json({ offset: q.offset, total: page.total, items: page.items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/queue/export.xlsx',
      tags: ['queue'],
      summary:
        "The filtered queue as an .xlsx to edit (Status, Owner, Label, Comment) and upload back, with each item's comments and the filter used",
      middleware: [requireRole(CAN.read)],
      request: { query: Filter },
      responses: {
        200: {
          description: 'xlsx',
          content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } },
        },
        ...errors(400, 401),
      },
    }),
    (c) => {
      const filter = toFilter(c.req.valid('query'));
      const { items } = queryQueue(db, { ...filter, offset: 0, limit: 1_000_000 });
      const people = listUsers(db);
      const described = describeFilter(filter, {
        sheetName: filter.sheetId ? listSheets(db).find((s) => s.id === filter.sheetId)?.name : undefined,
        ownerName: typeof filter.assignee === 'number' ? people.find((p) => p.id === filter.assignee)?.name : undefined,
        total: items.length,
        at: new Date().toISOString(),
      });
      const bytes = queueToXlsx(items, { comments: commentsByItem(db, filter), people, filter: described });
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': 'attachment; filename="exception-queue.xlsx"',
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/queue/import',
      tags: ['queue'],
      summary:
        'Apply an edited queue spreadsheet: every row is checked first, nothing applies unless all are valid; `dryRun=true` only says what would change',
      middleware: [requireRole(CAN.work)],
      request: {
        query: z.object({
          dryRun: z
            .enum(['true', 'false'])
            .optional()
            .openapi({ description: 'true: check every row and return the changes item by item (before → after) without applying them' }),
        }),
        body: {
          content: {
            'multipart/form-data': {
              schema: z.object({
                file: z.any().openapi({ type: 'string', format: 'binary' }),
                versions: z.string().optional().openapi({
                  description: 'JSON {"<id>": version, …} from the dry run: the apply is refused (409) if any of those items changed since',
                }),
              }),
            },
          },
          required: true,
        },
      },
      responses: {
        200: json(
          'applied, or with dryRun what would be',
          z.union([
            z.object({ updated: z.number() }),
            z.object({ dryRun: z.literal(true), changes: z.array(PreviewChange), unchanged: z.number() }),
          ]),
        ),
        ...errors(400, 401, 403, 409, 413, 422),
      },
    }),
    async (c) => {
      const dryRun = c.req.valid('query').dryRun === 'true';
      const form = c.req.valid('form');
      const seen = previewVersions(form.versions);
      return withUploadedFile(config.dataDir, form.file, async (path, name) => {
        const { changes, errors: faults } = xlsxToChanges(new Uint8Array(await readFile(path)), name, listUsers(db));
        if (dryRun) return c.json({ dryRun: true as const, ...previewChanges(db, changes, faults) }, 200);
        const based = changes.map((change) => (seen.has(change.id) ? { ...change, version: seen.get(change.id) } : change));
        return c.json(applyChanges(db, c.get('user')!.id, based, faults), 200);
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/queue/bulk',
      tags: ['queue'],
      summary: 'Apply one change to many items, chosen by ids or by a filter; all or nothing',
      middleware: [requireRole(CAN.work)],
      request: { body: { content: { 'application/json': { schema: Bulk } }, required: true } },
      responses: { 200: BulkOutcome, ...errors(400, 401, 403, 409, 422) },
    }),
    (c) => {
      const body = c.req.valid('json');
      const chosen = body.items ?? (body.ids ?? selectIds(db, toFilter(body.filter!))).map((id) => ({ id, version: undefined }));
      const changes: ItemChange[] = chosen.map(({ id, version }) => ({ id, version, ...body.change }));
      const outcome = applyChanges(db, c.get('user')!.id, changes);
      const ids = chosen.map((i) => i.id);
      return c.json({ ...outcome, ids, items: currentVersions(db, ids) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/queue/manual-matches',
      tags: ['queue'],
      summary: 'Match a left-only break with a right-only one by hand; both close and stay closed in later runs',
      middleware: [requireRole(CAN.work)],
      request: {
        body: {
          content: {
            'application/json': {
              schema: z
                .object({
                  leftId: z.number().int().positive(),
                  rightId: z.number().int().positive(),
                  note: z.string().max(MAX_COMMENT).optional(),
                })
                .strict(),
            },
          },
          required: true,
        },
      },
      responses: { 201: json('matched', z.object({ id: z.number() })), ...errors(400, 401, 403, 422) },
    }),
    (c) => c.json(manualMatch(db, c.get('user')!.id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/queue/facets',
      tags: ['queue'],
      summary: 'The kinds and labels there are to filter by, in one sheet or all',
      middleware: [requireRole(CAN.read)],
      request: { query: z.object({ sheetId: z.coerce.number().int().positive().optional() }) },
      responses: { 200: json('choices', z.object({ kinds: z.array(z.string()), labels: z.array(z.string()) })), ...errors(400, 401) },
    }),
    (c) => c.json(queueFacets(db, c.req.valid('query').sheetId), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/queue/{id}',
      tags: ['queue'],
      summary: 'One item with its comments and history',
      middleware: [requireRole(CAN.read)],
      request: { params: IdParam },
      responses: {
        200: json(
          'the item',
          Item.extend({
            activity: z.object({
              comments: z.array(z.object({ id: z.number(), at: z.string(), ...Author, body: z.string() })),
              history: z.array(z.object({ at: z.string(), ...Author, action: z.string(), before: z.unknown(), after: z.unknown() })),
            }),
          }),
        ),
        ...errors(401, 404),
      },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const item = getQueueItem(db, id);
      return c.json({ ...item, activity: itemActivity(db, id) }, 200, { ETag: `"${item.version}"` });
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/queue/{id}',
      tags: ['queue'],
      summary:
        'Change one item: status (review, resolve, reopen, force-close), owner, hand-back, label, comment; with If-Match or `version`, 409 `stale` if it changed since',
      middleware: [requireRole(CAN.work)],
      request: {
        params: IdParam,
        headers: z.object({
          'if-match': z
            .string()
            .regex(/^(W\/)?"?\d+"?$/, 'the item\'s version, as its ETag gives it ("3")')
            .optional()
            .openapi({ description: "the item's ETag (its version) as read: a stale one is refused with 409" }),
        }),
        body: { content: { 'application/json': { schema: OneChange } }, required: true },
      },
      responses: { 200: json('the item', Item), ...errors(400, 401, 403, 404, 409, 422) },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const { version, ...change } = c.req.valid('json');
      getQueueItem(db, id);
      applyChanges(db, c.get('user')!.id, [{ id, ...change, version: expectedVersion(c.req.valid('header')['if-match'], version) }]);
      const item = getQueueItem(db, id);
      return c.json(item, 200, { ETag: `"${item.version}"` });
    },
  );
}

/** The version a change names: If-Match's or the body's; both must agree when both are sent. */
function expectedVersion(ifMatch: string | undefined, version: number | undefined): number | undefined {
  const fromHeader = ifMatch === undefined ? undefined : Number(ifMatch.replace(/\D/g, ''));
  if (fromHeader !== undefined && version !== undefined && fromHeader !== version)
    throw new AppError('bad_request', 400, `If-Match says version ${fromHeader} but the body says ${version}: send one`);
  return fromHeader ?? version;
}

/** The dry run's versions sent back with the apply: `{"<id>": version}`. */
function previewVersions(text: string | undefined): Map<number, number> {
  if (text === undefined || text === '') return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const entries = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.entries(parsed) : null;
  const valid = entries?.every(([id, v]) => /^[1-9]\d*$/.test(id) && Number.isInteger(v) && (v as number) > 0);
  if (!entries || !valid)
    throw new AppError('bad_request', 400, 'versions: must be JSON like {"12": 3} (item id → version from the dry run)');
  return new Map(entries.map(([id, v]) => [Number(id), v as number]));
}

function currentVersions(db: Deps['db'], ids: number[]): { id: number; version: number }[] {
  const read = db.$client.prepare('SELECT version FROM exception_items WHERE id = ?').pluck();
  return ids.map((id) => ({ id, version: read.get(id) as number }));
}

function selectIds(db: Deps['db'], filter: QueueFilter): number[] {
  const ids = idsMatching(db, filter);
  if (!ids.length) throw new AppError('nothing_selected', 422, 'the filter selects no exceptions');
  return ids;
}
