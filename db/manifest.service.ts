/**
 * A run's manifest (governance.md 5), from what the run recorded when it was queued (the
 * sheet version, each dataset's id and hash, the parameters it was given) and when it
 * succeeded (the results hash and counts). The same shape as the CLI's manifest.json.
 */
import { eq, inArray } from 'drizzle-orm';
import { buildManifest, engineVersions, resolvedParams, ResultsHash, type RunManifest } from '../rules/manifest.js';
import { evaluationOf } from '../rules/run-evaluation.js';
import { readSettings } from '../rules/settings.js';
import type { DatasetColumn, EvaluationReport, RunSummary } from '../rules/types.js';
import type { CellValue, Workbook } from '../rules/workbook.js';
import { AppError } from './app-error.js';
import { getDataset, loadDataset } from './datasets.service.js';
import type { Db } from './open.js';
import { getRun, type RunRecord } from './runs.service.js';
import { datasets, sheets, sheetVersions } from './schema.js';

/**
 * The manifest of a succeeded run (409 otherwise). `engine` is this server's: runs do not
 * record the engine that made them. A dataset deleted since has `rows: null`.
 */
export function runManifest(db: Db, id: number): RunManifest {
  const run = getRun(db, id);
  if (run.status !== 'succeeded')
    throw new AppError('run_not_finished', 409, `run ${id} is ${run.status}: a manifest exists only for a succeeded run`);
  const version = db.select().from(sheetVersions).where(eq(sheetVersions.id, run.sheetVersionId)).get()!;
  const sheet = db.select({ name: sheets.name }).from(sheets).where(eq(sheets.id, run.sheetId)).get()!;
  const ids = Object.values(run.inputs).map((i) => i.datasetId);
  const rowCounts = new Map(
    (ids.length ? db.select({ id: datasets.id, rows: datasets.rowCount }).from(datasets).where(inArray(datasets.id, ids)).all() : []).map(
      (d) => [d.id, d.rows],
    ),
  );
  const counts = (run.summary as unknown as RunSummary).counts;
  return buildManifest({
    sheet: { name: sheet.name, version: version.version, sha256: version.contentHash },
    datasets: Object.fromEntries(
      Object.entries(run.inputs).map(([name, input]) => [name, { sha256: input.sha256, rows: rowCounts.get(input.datasetId) ?? null }]),
    ),
    params: resolvedParams(JSON.parse(version.content) as Workbook, run.params),
    engine: { ...engineVersions(), ...runEvaluation(db, run, JSON.parse(version.content) as Workbook) },
    results: { sha256: run.resultsSha256 ?? storedResultsHash(db, run), rows: counts.rows, exceptions: counts.exceptions },
  });
}

/**
 * Which Rows columns the run compiled (issue 14), worked out as the engine does from the
 * version, its datasets' columns and its lookup datasets; left out when a dataset it read
 * has been deleted since (nothing to work it out from).
 */
function runEvaluation(db: Db, run: RunRecord, workbook: Workbook): { evaluation?: EvaluationReport } {
  const records = Object.entries(run.inputs).map(([name, input]) => [name, input.datasetId] as const);
  const present = db
    .select({ id: datasets.id })
    .from(datasets)
    .where(
      inArray(
        datasets.id,
        records.map(([, id]) => id),
      ),
    )
    .all();
  if (present.length < new Set(records.map(([, id]) => id)).size) return {};
  const lookup = new Set(readSettings(workbook).lookup.map((n) => n.toLowerCase()));
  const columns = Object.fromEntries(records.map(([name, id]) => [name, getDataset(db, id).columns as DatasetColumn[]]));
  const lookups = Object.fromEntries(
    records.filter(([name]) => lookup.has(name.toLowerCase())).map(([name, id]) => [name, loadDataset(db, id, name)]),
  );
  const evaluation = evaluationOf(workbook, columns, lookups, run.params);
  return evaluation ? { evaluation } : {};
}

/**
 * A run that succeeded before results were hashed as written: the hash of its stored
 * results, through the same CSV lines (stored values are JSON, which keeps every value the
 * CSV shows).
 */
function storedResultsHash(db: Db, run: RunRecord): string {
  const hash = new ResultsHash();
  if (run.columns) hash.line(run.columns);
  // One chunk at a time: a run's results can be far larger than memory should hold at once.
  const chunks = db.$client.prepare('SELECT rows FROM run_result_chunks WHERE run_id = ? ORDER BY chunk').iterate(run.id) as Iterable<{
    rows: string;
  }>;
  for (const chunk of chunks) for (const row of JSON.parse(chunk.rows) as CellValue[][]) hash.line(row);
  return hash.digest();
}
