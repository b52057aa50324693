/**
 * What a change does and what a result rests on (governance.md 3, 4, 5): the cell diff of
 * two versions, a backtest of a version on an earlier run's inputs, the comparison of two
 * runs' exceptions, a run's manifest and its reproduction.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../db/app-error.js';
import { runManifest } from '../../db/manifest.service.js';
import { startBacktest, startReproduction } from '../../db/rerun.service.js';
import { compareRuns } from '../../db/run-compare.js';
import { getSheet, getSheetVersion } from '../../db/sheets.service.js';
import { diffWorkbooks } from '../../rules/sheet-diff.js';
import { requireRole } from '../auth/middleware.js';
import { CAN, type App, type Deps } from '../context.js';
import { waitForRun } from '../runs/wait-for-run.js';
import { errors, IdParam, json } from './schemas.js';

/** A reproduction waits this long inside the request; a longer one answers 503 and keeps running. */
const REPRODUCE_WAIT_MS = 5 * 60_000;

const Version = z.coerce.number().int().positive();
const Cell = z.union([z.string(), z.number(), z.boolean()]).nullable();
const Named = z.object({ name: z.string(), before: Cell, after: Cell });
const Span = <T extends z.ZodTypeAny>(at: T) => z.object({ at, count: z.number() });
const Diff = z
  .object({
    from: z.number(),
    to: z.number(),
    changes: z.array(z.object({ sheet: z.string(), cell: z.string(), before: Cell, after: Cell })),
    sheetsAdded: z.array(z.string()),
    sheetsRemoved: z.array(z.string()),
    structure: z.array(
      z.union([
        z.object({ sheet: z.string(), rowsInserted: Span(z.number()) }),
        z.object({ sheet: z.string(), rowsDeleted: Span(z.number()) }),
        z.object({ sheet: z.string(), columnsInserted: Span(z.string()) }),
        z.object({ sheet: z.string(), columnsDeleted: Span(z.string()) }),
      ]),
    ),
    settings: z.array(Named),
    names: z.array(Named),
  })
  .openapi('SheetDiff');
const Rows = z.array(z.record(z.string(), z.unknown()));
const Comparison = z
  .object({
    added: z.number(),
    removed: z.number(),
    changed: z.number(),
    unchanged: z.number(),
    items: z.array(
      z.object({
        kind: z.string(),
        key: z.string(),
        change: z.enum(['added', 'removed', 'changed']),
        before: Rows.optional(),
        after: Rows.optional(),
      }),
    ),
  })
  .openapi('RunComparison');
const Manifest = z
  .object({
    sheet: z.object({ name: z.string(), version: z.number().optional(), sha256: z.string() }),
    datasets: z.record(z.string(), z.object({ sha256: z.string(), rows: z.number().nullable() })),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    engine: z.object({
      tickmark: z.string(),
      hyperformula: z.string(),
      evaluation: z
        .object({
          compiled: z.array(z.string()),
          fallback: z.array(z.object({ column: z.string(), reason: z.string() })),
        })
        .optional()
        .openapi({
          description:
            "How the Rows rule's formula columns are evaluated by this server's engine: compiled to JavaScript, or by HyperFormula with the reason (docs/compiled-evaluator.md). Absent for a Report.",
        }),
    }),
    results: z.object({ sha256: z.string(), rows: z.number(), exceptions: z.number() }),
  })
  .openapi('RunManifest');

export function registerGovernanceRunRoutes(app: App, { db, runs }: Deps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/sheets/{id}/diff',
      tags: ['governance'],
      summary: 'What changed from one version to another, cell by cell',
      description:
        'Each cell whose content differs, as typed (`null` for empty), at its address in `to` (in `from` for a cell of a deleted row or column). Whole rows and columns inserted or deleted are one `structure` entry each (`{ sheet, rowsInserted: { at, count } }`, rows 1-based, columns as letters), not every cell below them moving; a formula whose references only shifted with them is not a change. `settings` and `names` list the Settings sheet and the defined names by name.',
      middleware: [requireRole(CAN.read)],
      request: { params: IdParam, query: z.object({ from: Version, to: Version }) },
      responses: { 200: json('the diff', Diff), ...errors(400, 401, 404) },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const { from, to } = c.req.valid('query');
      const diff = diffWorkbooks(getSheetVersion(db, id, from).workbook, getSheetVersion(db, id, to).workbook);
      return c.json({ from, to, ...diff }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/sheets/{id}/backtest',
      tags: ['governance'],
      summary: "Start a test run of a version on an earlier run's exact inputs",
      description:
        'The same datasets and the parameter values that run was given explicitly; a parameter it left at its default takes the default of `version`. The run is `kind: "backtest"`, `basedOn: runId`, and never touches the exception queue. 422 `other_sheet` when `runId` is a run of another sheet.',
      middleware: [requireRole(CAN.work)],
      request: {
        params: IdParam,
        body: {
          content: {
            'application/json': { schema: z.object({ version: z.number().int().positive(), runId: z.number().int().positive() }) },
          },
          required: true,
        },
      },
      responses: { 202: json('queued', z.object({ id: z.number() })), ...errors(400, 401, 403, 404, 422) },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      getSheet(db, id);
      const run = startBacktest(db, { sheetId: id, ...c.req.valid('json'), userId: c.get('user')!.id });
      runs.enqueue(run.id);
      return c.json({ id: run.id }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/runs/{id}/compare/{otherId}',
      tags: ['governance'],
      summary: "Compare two runs' exceptions by identity (kind, key)",
      description:
        'Read from `:id` to `:otherId`: `added` are in `:otherId` only, `removed` in `:id` only, `changed` have other values (compared over the columns both runs have). An identity with several rows (a confirm sent twice) is compared as the set of its rows, in any order; `before`/`after` list them. Counts are of identities. Both runs must have succeeded (409) and be of one sheet (422).',
      middleware: [requireRole(CAN.read)],
      request: {
        params: IdParam.extend({
          otherId: z.coerce
            .number()
            .int()
            .positive()
            .openapi({ param: { name: 'otherId', in: 'path' } }),
        }),
      },
      responses: { 200: json('the comparison', Comparison), ...errors(401, 404, 409, 422) },
    }),
    (c) => {
      const { id, otherId } = c.req.valid('param');
      return c.json(compareRuns(db, id, otherId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/runs/{id}/manifest',
      tags: ['governance'],
      summary: "A succeeded run's manifest: rule content, data, parameters, engine and results hashes",
      description:
        "The shape of the `manifest.json` that `tickmark run` writes: the same sheet content, data and parameters give the same `results.sha256` (the SHA-256 of results.csv as the CLI writes it). `params` are the values the run used (the version's defaults overlaid with the ones it was given); `engine` is this server's.",
      middleware: [requireRole(CAN.read)],
      request: { params: IdParam },
      responses: { 200: json('the manifest', Manifest), ...errors(401, 404, 409) },
    }),
    (c) => c.json(runManifest(db, c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/runs/{id}/reproduce',
      tags: ['governance'],
      summary: 'Run the same inputs again as a test run and say whether the results are identical',
      description:
        "A `reproduction` of the same version, datasets and parameters, answered once it has finished: `identical` when its `results.sha256` equals the original's. 409 `run_not_finished` for a run that has not succeeded, 409 `reproduction_failed` when the reproduction fails, 503 `reproduction_pending` (with `details.id`) when it takes longer than five minutes; it keeps running.",
      middleware: [requireRole(CAN.author)],
      request: { params: IdParam },
      responses: {
        200: json('done', z.object({ id: z.number(), identical: z.boolean(), results: z.object({ sha256: z.string() }) })),
        ...errors(401, 403, 404, 409, 503),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const original = runManifest(db, id).results.sha256;
      const run = startReproduction(db, { runId: id, userId: c.get('user')!.id });
      runs.enqueue(run.id);
      const done = await waitForRun(db, runs, run.id, REPRODUCE_WAIT_MS);
      if (done.status === 'queued' || done.status === 'running')
        throw new AppError(
          'reproduction_pending',
          503,
          `reproduction ${run.id} of run ${id} is still ${done.status}; see GET /api/runs/${run.id}`,
          {
            id: run.id,
          },
        );
      if (done.status !== 'succeeded')
        throw new AppError('reproduction_failed', 409, `reproduction ${run.id} of run ${id} ${done.status}`, {
          id: run.id,
          error: done.error,
        });
      const sha256 = runManifest(db, run.id).results.sha256;
      return c.json({ id: run.id, identical: sha256 === original, results: { sha256 } }, 200);
    },
  );
}
