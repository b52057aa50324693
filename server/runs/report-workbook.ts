/** A Report run's report sheets as one `.xlsx` workbook: the run's spreadsheet download. */
import type { Db } from '../../db/open.js';
import { readReportSheets } from '../../db/report-sheets.service.js';
import type { RunRecord } from '../../db/runs.service.js';
import { toWorkbook } from '../downloads.js';

/** Whether a succeeded run was a `Report` (its output is report sheets, not Rows results). */
export function isReportRun(run: RunRecord): boolean {
  return run.status === 'succeeded' && (run.summary as { type?: string } | null)?.type === 'Report';
}

/** Every report sheet of the run, each its own worksheet, in workbook order. */
export function reportWorkbook(db: Db, runId: number): Uint8Array<ArrayBuffer> {
  return toWorkbook(readReportSheets(db, runId).map((sheet) => ({ name: sheet.name, rows: sheet.values })));
}
