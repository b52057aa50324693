/** Rule sheets: upload (.xlsx or JSON), read, save a new version (409 on a stale base), history. */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../db/app-error.js';
import { listVersions } from '../../db/sheet-versions.service.js';
import { createSheet, getSheet, getSheetVersion, listSheets, saveSheetVersion } from '../../db/sheets.service.js';
import { checkWorkbook, parseWorkbookJson } from '../../rules/workbook-json.js';
import { unsupportedFormulas, type ImportIssue } from '../../rules/xlsx/import-issues.js';
import { readWorkbookXlsx } from '../../rules/xlsx/read-workbook.js';
import { writeWorkbookXlsx } from '../../rules/xlsx/write-workbook.js';
import type { Workbook } from '../../rules/workbook.js';
import { requireRole } from '../auth/middleware.js';
import { CAN, type App, type Deps } from '../context.js';
import { withUploadedFile } from '../uploads.js';
import { errors, IdParam, json } from './schemas.js';
import { archivedFilter, ArchivedQuery, registerSheetLifecycleRoutes } from './sheet-lifecycle.routes.js';

const WorkbookSchema = z
  .object({
    sheets: z.array(
      z
        .object({
          name: z.string().min(1),
          cells: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).or(z.null())),
          columnWidths: z.array(z.number().nullable()).optional(),
        })
        .passthrough(),
    ),
    names: z.array(z.object({ name: z.string(), expression: z.string(), scope: z.string().optional() })).default([]),
    date1904: z.boolean().optional().openapi({ description: 'serial dates count from 1904-01-01 (old Excel for Mac files)' }),
  })
  .openapi('Workbook');
const SheetInfo = z
  .object({
    id: z.number(),
    name: z.string(),
    version: z.number().openapi({ description: 'the latest version (what the editor opens)' }),
    status: z.enum(['draft', 'submitted', 'approved', 'rejected', 'superseded']).openapi({ description: "the latest version's state" }),
    approvedVersion: z.number().nullable().openapi({ description: 'the version official runs and schedules use' }),
    updatedAt: z.string(),
    createdBy: z
      .number()
      .nullable()
      .openapi({ description: 'its owner (null: the system), who with the admins may rename, archive or delete it' }),
    archivedAt: z.string().nullable().openapi({ description: 'set while archived: kept as evidence, never run, saved or scheduled' }),
  })
  .openapi('Sheet');
const Save = z
  .object({
    baseVersion: z.number().int().positive(),
    workbook: WorkbookSchema,
    note: z.string().max(500).optional(),
    name: z.string().min(1).max(200).optional(),
  })
  .openapi('SaveSheet');

export function registerSheetRoutes(app: App, deps: Deps): void {
  const { db, config } = deps;
  const info = (id: number) => {
    const s = getSheet(db, id);
    const { status } = getSheetVersion(db, id, s.currentVersion);
    return {
      id: s.id,
      name: s.name,
      version: s.currentVersion,
      status,
      approvedVersion: s.approvedVersion,
      updatedAt: s.updatedAt,
      createdBy: s.createdBy,
      archivedAt: s.archivedAt,
    };
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/sheets',
      tags: ['sheets'],
      summary: 'List rule sheets',
      description: 'Archived sheets are left out unless `archived` is `true` (only them) or `all`.',
      middleware: [requireRole(CAN.read)],
      request: { query: ArchivedQuery },
      responses: { 200: json('sheets', z.array(SheetInfo)), ...errors(401) },
    }),
    (c) =>
      c.json(
        listSheets(db, archivedFilter(c.req.valid('query').archived)).map((s) => info(s.id)),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/sheets',
      tags: ['sheets'],
      summary: 'Create a rule sheet from an .xlsx or JSON file',
      description:
        'Formulas the engine cannot evaluate as Excel would (an unknown function, an unreadable formula) are listed by cell in `issues`, and defined names it cannot hold by `name`; they are kept as written.',
      middleware: [requireRole(CAN.author)],
      request: {
        body: {
          content: {
            'multipart/form-data': {
              schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }), name: z.string().max(200).optional() }),
            },
          },
          required: true,
        },
      },
      responses: {
        201: json(
          'created',
          SheetInfo.extend({
            issues: z.array(z.object({ sheet: z.string(), cell: z.string(), name: z.string().optional(), message: z.string() })),
          }),
        ),
        ...errors(400, 401, 403, 413, 422),
      },
    }),
    async (c) => {
      const form = c.req.valid('form');
      const { workbook, issues, fileName } = await withUploadedFile(config.dataDir, form.file, async (path, name) => ({
        ...(await readRuleSheet(path, name)),
        fileName: name,
      }));
      const name = form.name?.trim() || basename(fileName, extname(fileName));
      const { sheet } = createSheet(db, { name, workbook, userId: c.get('user')!.id, note: `uploaded ${fileName}` });
      return c.json({ ...info(sheet.id), issues }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/sheets/{id}',
      tags: ['sheets'],
      summary: 'A rule sheet with its current workbook',
      middleware: [requireRole(CAN.read)],
      request: { params: IdParam },
      responses: { 200: json('the sheet', SheetInfo.extend({ workbook: WorkbookSchema, contentHash: z.string() })), ...errors(401, 404) },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const version = getSheetVersion(db, id);
      return c.json({ ...info(id), workbook: version.workbook as z.infer<typeof WorkbookSchema>, contentHash: version.contentHash }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/sheets/{id}',
      tags: ['sheets'],
      summary: 'Save a new version',
      description:
        "Optimistic concurrency: `baseVersion` must be the current version, else 409 with `details.currentVersion` and nothing is saved. Any author may save; a `name` that renames the sheet is its owner's or an admin's (403 `not_owner`). An archived sheet is not saved (409 `archived`).",
      middleware: [requireRole(CAN.author)],
      request: { params: IdParam, body: { content: { 'application/json': { schema: Save } }, required: true } },
      responses: { 200: json('saved', SheetInfo.extend({ contentHash: z.string() })), ...errors(400, 401, 403, 404, 409) },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const workbook = checkWorkbook(body.workbook) satisfies Workbook;
      const version = saveSheetVersion(db, {
        sheetId: id,
        baseVersion: body.baseVersion,
        workbook,
        note: body.note,
        name: body.name,
        userId: c.get('user')!.id,
        actor: c.get('user')!,
      });
      return c.json({ ...info(id), contentHash: version.contentHash }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/sheets/{id}/versions',
      tags: ['sheets'],
      summary: 'Version history, newest first: state, author, submitter, approver, notes, times, runs',
      middleware: [requireRole(CAN.read)],
      request: { params: IdParam },
      responses: { 200: json('versions', z.array(z.record(z.string(), z.unknown()))), ...errors(401, 404) },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      getSheet(db, id);
      return c.json(listVersions(db, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/sheets/{id}/versions/{version}',
      tags: ['sheets'],
      summary: 'One version with its workbook',
      middleware: [requireRole(CAN.read)],
      request: {
        params: IdParam.extend({
          version: z.coerce
            .number()
            .int()
            .positive()
            .openapi({ param: { name: 'version', in: 'path' } }),
        }),
      },
      responses: {
        200: json(
          'the version',
          z.object({ version: z.number(), contentHash: z.string(), createdAt: z.string(), workbook: WorkbookSchema }),
        ),
        ...errors(401, 404),
      },
    }),
    (c) => {
      const { id, version } = c.req.valid('param');
      const record = getSheetVersion(db, id, version);
      return c.json(
        {
          version: record.version,
          contentHash: record.contentHash,
          createdAt: record.createdAt,
          workbook: record.workbook as z.infer<typeof WorkbookSchema>,
        },
        200,
      );
    },
  );
  registerSheetLifecycleRoutes(app, deps);
}

export function registerSheetExport(app: App, { db }: Deps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/sheets/{id}/export.xlsx',
      tags: ['sheets'],
      summary: 'The sheet (its current version, or ?version=N) as an Excel workbook that recalculates on open',
      middleware: [requireRole(CAN.read)],
      request: { params: IdParam, query: z.object({ version: z.coerce.number().int().positive().optional() }) },
      responses: {
        200: {
          description: 'xlsx',
          content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } },
        },
        ...errors(401, 404),
      },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const record = getSheetVersion(db, id, c.req.valid('query').version);
      const name = getSheet(db, id).name.replace(/[^\w .-]+/g, '_');
      return c.body(writeWorkbookXlsx(record.workbook) as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="${name} v${record.version}.xlsx"`,
      });
    },
  );
}

async function readRuleSheet(path: string, fileName: string): Promise<{ workbook: Workbook; issues: ImportIssue[] }> {
  const ext = extname(fileName).toLowerCase();
  const bytes = await readFile(path);
  if (ext === '.xlsx' || ext === '.xlsm') {
    const { workbook } = readWorkbookXlsx(new Uint8Array(bytes), fileName);
    return { workbook, issues: unsupportedFormulas(workbook) };
  }
  if (ext === '.json') {
    const workbook = parseWorkbookJson(bytes.toString('utf8'), fileName);
    return { workbook, issues: unsupportedFormulas(workbook) };
  }
  throw new AppError('unsupported_file', 415, `${fileName}: a rule sheet is an .xlsx or .json file`);
}
