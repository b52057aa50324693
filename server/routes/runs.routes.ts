/** Runs: start (202, in the background), status, live progress (SSE), cancel, results and exceptions. */
import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { AppError } from '../../db/app-error.js';
import { queryExceptions } from '../../db/exceptions.query.js';
import { createRun, getRun, listRuns, readResults, runFileStem, runVersionNumbers, type RunRecord } from '../../db/runs.service.js';
import { runStarters } from '../../db/run-origin.js';
import { getSheet } from '../../db/sheets.service.js';
import { checkRunInputs } from '../runs/run-inputs.js';
import { requireRole } from '../auth/middleware.js';
import { CAN, type App, type Deps } from '../context.js';
import { toCsv, toXlsx, xlsxFile } from '../downloads.js';
import { isReportRun, reportWorkbook } from '../runs/report-workbook.js';
import { errors, IdParam, json, listLimit, Paging } from './schemas.js';

const RunStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
const RunInfo = z
  .object({
    id: z.number(),
    sheetId: z.number(),
    sheetVersionId: z.number(),
    version: z.number().nullable().openapi({ description: 'the sheet version the run read' }),
    kind: z.enum(['official', 'test', 'backtest', 'reproduction']),
    test: z.boolean().openapi({ description: 'true for every run but an official one: it never touches the exception queue' }),
    basedOn: z.number().nullable().openapi({ description: 'a backtest or reproduction: the run whose inputs it reused' }),
    status: RunStatus,
    progress: z.object({ phase: z.string(), done: z.number(), total: z.number() }).nullable(),
    counts: z.record(z.string(), z.number()).nullable(),
    summary: z.unknown().nullable(),
    inputs: z.record(z.string(), z.object({ datasetId: z.number(), sha256: z.string() })),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    columns: z.array(z.string()).nullable(),
    error: z.unknown().nullable(),
    queueChanges: z
      .record(z.string(), z.number())
      .nullable()
      .openapi({ description: "What the run did to the sheet's exception queue: opened, continued, reopened, cleared, matchedByHand" }),
    queuedAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    startedBy: z.string().optional().openapi({
      description: 'in the run list only: the person, "schedule #N (cron, time zone)" or "system" (GET /api/runs/{id}/origin)',
    }),
  })
  .openapi('Run');
const StartRun = z
  .object({
    data: z.record(z.string(), z.number().int().positive()),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    version: z.number().int().positive().optional().openapi({
      description: 'Run this version: a test run unless it is the approved one. Without it: an official run of the approved version.',
    }),
    confirmAnomalies: z.boolean().optional().openapi({
      description:
        "Run even though an input has under half the rows of, or lacks a column of, the previous official run's (otherwise 409 `input_anomaly`)",
    }),
  })
  .openapi('StartRun');
const Format = z.enum(['json', 'csv', 'xlsx']).default('json');

/** The public view of a run. */
export function runInfo(run: RunRecord, version: number | null = null): z.infer<typeof RunInfo> {
  const summary = run.summary as { counts?: Record<string, number> } | null;
  return {
    id: run.id,
    sheetId: run.sheetId,
    sheetVersionId: run.sheetVersionId,
    version,
    kind: run.kind,
    test: run.kind !== 'official',
    basedOn: run.basedOn ?? null,
    status: run.status,
    progress: run.progress ?? null,
    counts: summary?.counts ?? null,
    summary: run.summary ?? null,
    inputs: run.inputs,
    params: run.params,
    columns: run.columns ?? null,
    error: run.error ?? null,
    queueChanges: run.queueChanges ?? null,
    queuedAt: run.queuedAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}

export function registerRunRoutes(app: App, { db, runs }: Deps): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/sheets/{id}/runs',
      tags: ['runs'],
      summary: 'Start an official run of the approved version, or a test run of any version',
      middleware: [requireRole(CAN.author)],
      request: { params: IdParam, body: { content: { 'application/json': { schema: StartRun } }, required: true } },
      description:
        "Without `version`: an official run of the approved version (409 `not_approved` when there is none), which feeds the exception queue. With a `version` other than the approved one: a test run (`test: true`), whose results are kept but which never touches the queue. Refused with 422 `missing_field` when a dataset lacks a field the sheet reads, and an official run with 409 `input_anomaly` (naming the dataset and both row counts in `details.anomalies`) when an input has under half the rows of, or lacks a column of, the same name's input to the previous official run, unless `confirmAnomalies` is true.",
      responses: {
        202: json(
          'queued',
          z.object({
            id: z.number(),
            status: RunStatus,
            kind: z.enum(['official', 'test', 'backtest', 'reproduction']),
            test: z.boolean(),
          }),
        ),
        ...errors(400, 401, 403, 404, 409, 422),
      },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      getSheet(db, id);
      const anomalies = checkRunInputs(db, id, body.data, body.confirmAnomalies, body.version);
      const run = createRun(db, {
        version: body.version,
        sheetId: id,
        data: body.data,
        params: body.params,
        userId: c.get('user')!.id,
        confirmedAnomalies: anomalies,
      });
      runs.enqueue(run.id);
      return c.json({ id: run.id, status: run.status, kind: run.kind, test: run.kind !== 'official' }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/runs',
      tags: ['runs'],
      summary: 'Run history, newest first',
      middleware: [requireRole(CAN.read)],
      request: { query: z.object({ sheetId: z.coerce.number().int().positive().optional() }) },
      responses: { 200: json('runs', z.array(RunInfo)), ...errors(401) },
    }),
    (c) => {
      const list = listRuns(db, c.req.valid('query').sheetId);
      const versions = runVersionNumbers(
        db,
        list.map((r) => r.id),
      );
      const starters = runStarters(db, list);
      return c.json(
        list.map((r) => ({ ...runInfo(r, versions.get(r.id) ?? null), startedBy: starters.get(r.id)?.name })),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/runs/{id}',
      tags: ['runs'],
      summary: 'A run: status, progress, counts',
      middleware: [requireRole(CAN.read)],
      request: { params: IdParam },
      responses: { 200: json('the run', RunInfo), ...errors(401, 404) },
    }),
    (c) => {
      const run = getRun(db, c.req.valid('param').id);
      return c.json(runInfo(run, runVersionNumbers(db, [run.id]).get(run.id) ?? null), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/runs/{id}/cancel',
      tags: ['runs'],
      summary: 'Cancel a queued or running run',
      middleware: [requireRole(CAN.author)],
      request: { params: IdParam },
      responses: { 202: json('cancelling', z.object({ id: z.number(), status: RunStatus })), ...errors(401, 403, 404, 409) },
    }),
    (c) => {
      const run = runs.cancel(c.req.valid('param').id, c.get('user')!.id);
      return c.json({ id: run.id, status: run.status }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/runs/{id}/events',
      tags: ['runs'],
      summary: 'Live progress as Server-Sent Events (`progress`, then `status` events until the run ends)',
      middleware: [requireRole(CAN.read)],
      request: { params: IdParam },
      responses: {
        200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: z.string() } } },
        ...errors(401, 404),
      },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const first = getRun(db, id);
      const version = runVersionNumbers(db, [id]).get(id) ?? null;
      return streamSSE(c, async (stream) => {
        const finished = (r: RunRecord) => r.status !== 'queued' && r.status !== 'running';
        await stream.writeSSE({ event: 'status', data: JSON.stringify(runInfo(first, version)) });
        if (finished(first)) return;
        await new Promise<void>((resolve) => {
          // Writes are chained so the last status reaches the client before the stream closes.
          let writes = Promise.resolve();
          const send = (event: string, data: unknown) =>
            (writes = writes.then(() => stream.writeSSE({ event, data: JSON.stringify(data) })));
          const stop = runs.subscribe(id, (event) => {
            if (event.type === 'progress') send('progress', event.progress);
            else send('status', runInfo(event.run, version));
            if (event.type === 'status' && finished(event.run)) {
              stop();
              void writes.then(resolve);
            }
          });
          stream.onAbort(() => {
            stop();
            resolve();
          });
          // The run may have ended between the first read and the subscription.
          const now = getRun(db, id);
          if (finished(now)) {
            stop();
            void send('status', runInfo(now, version)).then(resolve);
          }
        });
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/runs/{id}/results',
      tags: ['runs'],
      summary: "Evaluated Rows of a succeeded run: a page as JSON, or everything as CSV/XLSX (a Report's XLSX: every report sheet)",
      middleware: [requireRole(CAN.read)],
      request: { params: IdParam, query: Paging.extend({ format: Format }) },
      responses: {
        200: json(
          'results',
          z.object({ offset: z.number(), total: z.number(), columns: z.array(z.string()), rows: z.array(z.array(z.unknown())) }),
        ),
        ...errors(401, 404, 409),
      },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const { offset, limit, format } = c.req.valid('query');
      const run = getRun(db, id);
      const columns = run.columns ?? [];
      // A Report counts the dataset rows it read, but has no Rows results.
      const total = isReportRun(run) ? 0 : ((run.summary as { counts?: { rows: number } } | null)?.counts?.rows ?? 0);
      if (format === 'json') return c.json({ offset, total, columns, rows: readResults(db, id, offset, limit) }, 200);
      // A Report's output is its report sheets: its workbook holds each as a worksheet.
      if (format === 'xlsx' && isReportRun(run)) return xlsxFile(c, `${runFileStem(run)}-report`, reportWorkbook(db, id));
      const rows = readResults(db, id, 0, Math.max(total, 1));
      return download(c, format, `${runFileStem(run)}-results`, columns, rows);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/runs/{id}/exceptions',
      tags: ['runs'],
      summary: 'Exceptions of a run: paged, filtered and sorted JSON, or CSV/XLSX',
      middleware: [requireRole(CAN.read)],
      request: {
        params: IdParam,
        query: Paging.extend({
          format: Format,
          kind: z
            .string()
            .refine(...listLimit)
            .optional()
            .openapi({ description: 'comma-separated exception values' }),
          match: z.enum(['matched', 'left only', 'right only']).optional(),
          q: z.string().max(200).optional(),
          sort: z
            .string()
            .regex(/^(row|kind|key|\d+)$/)
            .default('row'),
          order: z.enum(['asc', 'desc']).default('asc'),
        }),
      },
      responses: {
        200: json(
          'exceptions',
          z.object({
            offset: z.number(),
            total: z.number(),
            columns: z.array(z.string()),
            rows: z.array(
              z.object({
                id: z.number(),
                row: z.number(),
                kind: z.string(),
                key: z.string(),
                match: z.string().nullable(),
                ageFrom: z.string().nullable(),
                values: z.array(z.unknown()),
              }),
            ),
          }),
        ),
        ...errors(400, 401, 404, 409),
      },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const run = getRun(db, id);
      if (run.status !== 'succeeded')
        throw new AppError('run_not_finished', 409, `run ${id} is ${run.status}: exceptions exist only for a succeeded run`);
      const columns = run.columns ?? [];
      const sort = exceptionSort(q.sort, columns);
      const filter = {
        kinds: q.kind
          ?.split(',')
          .map((k) => k.trim())
          .filter(Boolean),
        match: q.match,
        search: q.q,
        sort,
        order: q.order,
      };
      const exceptions = (run.summary as { counts?: { exceptions?: number } } | null)?.counts?.exceptions ?? 0;
      if (q.format === 'json') {
        const page = queryExceptions(db, id, exceptions, { ...filter, offset: q.offset, limit: q.limit });
        return c.json({ offset: q.offset, total: page.total, columns, rows: page.rows }, 200);
      }
      const all = queryExceptions(db, id, exceptions, { ...filter, offset: 0, limit: exceptions });
      return download(
        c,
        q.format,
        `${runFileStem(run)}-exceptions`,
        columns,
        all.rows.map((r) => r.values),
      );
    },
  );
}

/** `row`, `kind`, `key` or a column's 0-based index, which must be one of the run's columns. */
function exceptionSort(sort: string, columns: string[]): 'row' | 'kind' | 'key' | number {
  if (!/^\d+$/.test(sort)) return sort as 'row' | 'kind' | 'key';
  const index = Number(sort);
  if (index >= columns.length)
    throw new AppError(
      'bad_request',
      400,
      `invalid request: sort: column ${sort} is not a column of this run (its columns are 0 to ${columns.length - 1})`,
      [{ path: 'sort', message: `not a column of this run` }],
    );
  return index;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function download(c: any, format: 'csv' | 'xlsx', name: string, columns: string[], rows: unknown[][]) {
  if (format === 'csv') {
    return c.body(toCsv(columns, rows), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}.csv"`,
    });
  }
  return c.body(toXlsx('Exceptions', columns, rows), 200, {
    'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'Content-Disposition': `attachment; filename="${name}.xlsx"`,
  });
}
