/** Datasets: import (CSV or XLSX, all or nothing), list, read, page through rows, archive, delete. */
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../db/app-error.js';
import { deleteDataset, getDataset, listDatasets, readDatasetRows, setDatasetArchived } from '../../db/datasets.service.js';
import { importDatasetFile, inspectDatasetUpload } from '../datasets/import-dataset.js';
import { requireRole } from '../auth/middleware.js';
import { CAN, type App, type Deps } from '../context.js';
import { withUploadedFile } from '../uploads.js';
import { errors, IdParam, json, Paging } from './schemas.js';
import { archivedFilter, ArchivedQuery } from './sheet-lifecycle.routes.js';

const Column = z.object({ name: z.string(), type: z.enum(['number', 'date', 'boolean', 'text']) });
export const DatasetInfo = z
  .object({
    id: z.number(),
    name: z.string(),
    sourceName: z.string(),
    sha256: z.string(),
    rows: z.number(),
    columns: z.array(Column),
    createdAt: z.string(),
    createdBy: z
      .number()
      .nullable()
      .openapi({ description: 'who imported it (null: the system), who with the admins may archive or delete it' }),
    archivedAt: z
      .string()
      .nullable()
      .openapi({ description: 'set while archived: kept for its runs, left out of lists and the run dialog' }),
  })
  .openapi('Dataset');
const Upload = z.object({
  name: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^\s][^/\\]*$/, 'a name that does not start with a space and has no slashes'),
  file: z.any().openapi({ type: 'string', format: 'binary' }),
  types: z.string().optional().openapi({ description: 'JSON object of per-column type overrides, e.g. {"account":"text"}' }),
  encoding: z.string().optional().openapi({
    description: "a CSV's text encoding (utf-8, utf-16le, utf-16be, latin1); detected when not given, and a guess is said in `notes`",
  }),
});

const Plan = Column.extend({
  inferred: Column.shape.type,
  source: z.enum(['inferred', 'set', 'remembered']),
  note: z.string().optional(),
});
const Problem = z.object({
  file: z.string().optional(),
  line: z.number().optional(),
  sheet: z.string().optional(),
  cell: z.string().optional(),
  column: z.string().optional(),
  message: z.string(),
});
const Imported = DatasetInfo.extend({
  duplicate: z.boolean(),
  sameContentAs: z.array(z.number()),
  message: z.string(),
  plans: z.array(Plan),
  notes: z.array(z.string()),
});
const Inspection = z
  .object({
    name: z.string(),
    sourceName: z.string(),
    rows: z.number(),
    columns: z.array(Plan),
    problems: z.array(Problem),
    problemCount: z.number(),
    notes: z.array(z.string()).openapi({ description: 'about the whole file, e.g. that it was read as Windows-1252' }),
    rememberedSince: z.string().nullable(),
    duplicateOf: z.number().nullable(),
  })
  .openapi('DatasetInspection');

const info = (d: ReturnType<typeof getDataset>) => ({
  id: d.id,
  name: d.name,
  sourceName: d.sourceName,
  sha256: d.sha256,
  rows: d.rowCount,
  columns: d.columns as z.infer<typeof Column>[],
  createdAt: d.createdAt,
  createdBy: d.createdBy,
  archivedAt: d.archivedAt,
});

export function registerDatasetRoutes(app: App, { db, config }: Deps): void {
  // The file is read in a worker held to the configured limits (server/datasets/import-thread.ts).
  const importSettings = (form: { name: string; encoding?: string }) => ({
    name: form.name,
    encoding: form.encoding || undefined,
    limits: config.importLimits,
    memoryMb: config.importMemoryMb,
  });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/datasets',
      tags: ['datasets'],
      summary: 'List datasets',
      description: 'Archived datasets are left out unless `archived` is `true` (only them) or `all`.',
      middleware: [requireRole(CAN.read)],
      request: { query: ArchivedQuery },
      responses: { 200: json('datasets', z.array(DatasetInfo)), ...errors(401) },
    }),
    (c) => c.json(listDatasets(db, archivedFilter(c.req.valid('query').archived)).map(info), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/datasets',
      tags: ['datasets'],
      summary: 'Import a CSV or XLSX file as a dataset',
      description:
        'All or nothing: any value that does not fit its column (docs/datasets.md: the typo rule, and the types the name remembers from its first import) is a 422 naming the file, line (or cell) and column of each, in `details.problems`. The same file imported again under the same name returns the existing dataset with `duplicate: true` and a message saying so.',
      middleware: [requireRole(CAN.author)],
      request: { body: { content: { 'multipart/form-data': { schema: Upload } }, required: true } },
      responses: {
        201: json('imported', Imported),
        200: json('already imported: nothing new was stored', Imported),
        ...errors(400, 401, 403, 413, 422),
      },
    }),
    async (c) => {
      const form = c.req.valid('form');
      const types = parseTypes(form.types);
      const user = c.get('user')!;
      return withUploadedFile(config.dataDir, form.file, async (path, sourceName) => {
        const outcome = await importDatasetFile(db, path, { ...importSettings(form), sourceName, types, userId: user.id });
        const body = {
          ...info(outcome.record),
          duplicate: outcome.duplicate,
          sameContentAs: outcome.sameContentAs,
          message: outcome.message,
          plans: outcome.plans,
          notes: outcome.notes,
        };
        return outcome.duplicate ? c.json(body, 200) : c.json(body, 201);
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/datasets/inspect',
      tags: ['datasets'],
      summary: 'What importing a file would do, without importing it',
      description:
        "Every column's type (inferred by the typo rule, set by `types`, or remembered from the name's first import) and every value or column that would refuse the import. The upload page shows it before importing.",
      middleware: [requireRole(CAN.author)],
      request: { body: { content: { 'multipart/form-data': { schema: Upload } }, required: true } },
      responses: { 200: json('the inspection', Inspection), ...errors(400, 401, 403, 413, 422) },
    }),
    async (c) => {
      const form = c.req.valid('form');
      const types = parseTypes(form.types);
      return withUploadedFile(config.dataDir, form.file, async (path, sourceName) =>
        c.json(await inspectDatasetUpload(db, path, { ...importSettings(form), sourceName, types }), 200),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/datasets/{id}',
      tags: ['datasets'],
      summary: 'A dataset',
      middleware: [requireRole(CAN.read)],
      request: { params: IdParam },
      responses: { 200: json('the dataset', DatasetInfo), ...errors(401, 404) },
    }),
    (c) => c.json(info(getDataset(db, c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/datasets/{id}/rows',
      tags: ['datasets'],
      summary: 'A page of rows (preview)',
      middleware: [requireRole(CAN.read)],
      request: { params: IdParam, query: Paging },
      responses: {
        200: json(
          'rows',
          z.object({ offset: z.number(), total: z.number(), columns: z.array(Column), rows: z.array(z.array(z.unknown())) }),
        ),
        ...errors(401, 404),
      },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const { offset, limit } = c.req.valid('query');
      const record = getDataset(db, id);
      return c.json(
        {
          offset,
          total: record.rowCount,
          columns: record.columns as z.infer<typeof Column>[],
          rows: readDatasetRows(db, id, offset, limit),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/datasets/{id}',
      tags: ['datasets'],
      summary: 'Delete a dataset no run read',
      description:
        "Its importer's or an admin's (403 `not_owner` naming the owner). A dataset any run read (official or test) is kept as that run's evidence: 409 `in_use` naming them in `details.runs` ({ id, sheetId, sheet, kind, status }); archive it instead.",
      middleware: [requireRole(CAN.author)],
      request: { params: IdParam },
      responses: { 204: { description: 'deleted' }, ...errors(401, 403, 404, 409) },
    }),
    (c) => {
      deleteDataset(db, c.req.valid('param').id, c.get('user')!);
      return c.body(null, 204);
    },
  );

  for (const archived of [true, false]) {
    app.openapi(
      createRoute({
        method: 'post',
        path: archived ? '/api/datasets/{id}/archive' : '/api/datasets/{id}/unarchive',
        tags: ['datasets'],
        summary: archived
          ? 'Archive a dataset: kept for its runs and readable by id, left out of lists and the run dialog'
          : 'Bring an archived dataset back',
        description: "Its importer's or an admin's (403 `not_owner` naming the owner).",
        middleware: [requireRole(CAN.author)],
        request: { params: IdParam },
        responses: { 200: json('done', DatasetInfo), ...errors(401, 403, 404) },
      }),
      (c) => c.json(info(setDatasetArchived(db, c.req.valid('param').id, archived, c.get('user')!)), 200),
    );
  }
}

function parseTypes(text: string | undefined): Record<string, 'number' | 'date' | 'boolean' | 'text'> | undefined {
  if (!text) return undefined;
  try {
    return z.record(z.string(), z.enum(['number', 'date', 'boolean', 'text'])).parse(JSON.parse(text));
  } catch {
    throw new AppError('bad_types', 400, 'types must be a JSON object of column name to number, date, boolean or text');
  }
}
