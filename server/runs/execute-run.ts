/**
 * Executes one recorded run against its own database connection: the sheet version and
 * datasets it names, the engine, results (and a Report's sheets) written as they come, the
 * outcome recorded in one transaction (a failed or cancelled run's partial results are
 * dropped there).
 */
import { loadColumnarDataset } from '../../db/datasets.service.js';
import { saveReportSheet } from '../../db/report-sheets.service.js';
import type { Db } from '../../db/open.js';
import { finishRun, getRun, markRunning, recordProgress, ResultWriter, setRunColumns, type RunRecord } from '../../db/runs.service.js';
import { sheetVersions } from '../../db/schema.js';
import { RuleError } from '../../rules/errors.js';
import { runRuleSheet } from '../../rules/run.js';
import type { ColumnarDataset } from '../../rules/columnar/types.js';
import type { RunProgress } from '../../rules/types.js';
import type { Workbook } from '../../rules/workbook.js';
import { eq } from 'drizzle-orm';

export async function executeRun(db: Db, runId: number, signal: AbortSignal, onProgress: (p: RunProgress) => void): Promise<RunRecord> {
  const run = getRun(db, runId);
  if (run.status !== 'queued') return run;
  markRunning(db, runId);
  try {
    const version = db.select().from(sheetVersions).where(eq(sheetVersions.id, run.sheetVersionId)).get()!;
    const workbook = JSON.parse(version.content) as Workbook;
    // By column (issue 14): a 1M-row side is a few typed arrays, not a million row arrays.
    const datasets: Record<string, ColumnarDataset> = {};
    for (const [name, input] of Object.entries(run.inputs)) datasets[name] = loadColumnarDataset(db, input.datasetId, name);
    const writer = new ResultWriter(db, runId);
    let lastSaved = 0;
    let reportSheets = 0;
    const summary = await runRuleSheet({
      workbook,
      datasets,
      params: run.params,
      signal,
      sink: {
        columns: (headers) => {
          writer.columns(headers);
          setRunColumns(db, runId, headers);
        },
        rows: (rows) => writer.add(rows),
        reportSheet: (name, values) => saveReportSheet(db, runId, reportSheets++, name, values),
      },
      onProgress: (progress) => {
        onProgress(progress);
        const now = Date.now();
        if (now - lastSaved > 250 || progress.phase === 'done') {
          lastSaved = now;
          recordProgress(db, runId, progress);
        }
      },
    });
    const resultsSha256 = writer.close();
    return finishRun(db, runId, { summary, resultsSha256 });
  } catch (error) {
    if (error instanceof RuleError && error.code === 'cancelled')
      return finishRun(db, runId, { status: 'cancelled', error: { code: 'cancelled', message: 'the run was cancelled' } });
    if (error instanceof RuleError)
      return finishRun(db, runId, { status: 'failed', error: { code: error.code, message: error.describe(), details: error.place } });
    return finishRun(db, runId, { status: 'failed', error: { code: 'internal', message: (error as Error).message } });
  }
}
