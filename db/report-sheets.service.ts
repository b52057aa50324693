/**
 * The report sheets of a `Report` run: written by the run's worker one sheet at a time as
 * the engine hands them over, read only once the run has succeeded. A failed or cancelled
 * run's sheets are deleted by `finishRun` in the transaction that records the outcome.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { CellValue } from '../rules/workbook.js';
import { AppError } from './app-error.js';
import type { Db } from './open.js';
import { getRun } from './runs.service.js';
import { runReportSheets } from './schema.js';

export interface ReportSheetInfo {
  name: string;
  rows: number;
  columns: number;
}

export interface ReportSheet extends ReportSheetInfo {
  /** Row 1 first, one entry per column up to the sheet's width. */
  values: CellValue[][];
}

/** Stores one evaluated report sheet of a running run. */
export function saveReportSheet(db: Db, runId: number, position: number, name: string, values: CellValue[][]): void {
  db.transaction((tx) => {
    tx.insert(runReportSheets)
      .values({
        runId,
        position,
        name,
        rowCount: values.length,
        columnCount: values.reduce((width, row) => Math.max(width, row.length), 0),
        values,
      })
      .run();
  });
}

/** A succeeded run's report sheets in workbook order (none for a run that is not a Report). */
export function listReportSheets(db: Db, runId: number): ReportSheetInfo[] {
  requireSucceeded(db, runId);
  return db
    .select({ name: runReportSheets.name, rows: runReportSheets.rowCount, columns: runReportSheets.columnCount })
    .from(runReportSheets)
    .where(eq(runReportSheets.runId, runId))
    .orderBy(asc(runReportSheets.position))
    .all();
}

/** Every report sheet of a succeeded run with its values, in workbook order. */
export function readReportSheets(db: Db, runId: number): ReportSheet[] {
  requireSucceeded(db, runId);
  return db
    .select()
    .from(runReportSheets)
    .where(eq(runReportSheets.runId, runId))
    .orderBy(asc(runReportSheets.position))
    .all()
    .map(toSheet);
}

/**
 * One report sheet by name; sheet names are case-insensitive, as in Excel. An unknown name
 * is a 404 that lists the sheets there are, so a typo is easy to fix.
 */
export function readReportSheet(db: Db, runId: number, name: string): ReportSheet {
  requireSucceeded(db, runId);
  const row = db
    .select()
    .from(runReportSheets)
    .where(and(eq(runReportSheets.runId, runId), sql`lower(${runReportSheets.name}) = lower(${name})`))
    .get();
  if (row) return toSheet(row);
  const available = listReportSheets(db, runId).map((s) => s.name);
  const which = available.length
    ? `its report sheets are ${available.map((s) => `"${s}"`).join(', ')}`
    : 'it has none: only a Report run has report sheets';
  throw new AppError('not_found', 404, `run ${runId} has no report sheet "${name}" (${which})`, { sheet: name, available });
}

function requireSucceeded(db: Db, runId: number): void {
  const run = getRun(db, runId);
  if (run.status !== 'succeeded')
    throw new AppError('run_not_finished', 409, `run ${runId} is ${run.status}: report sheets exist only for a succeeded run`);
}

function toSheet(row: typeof runReportSheets.$inferSelect): ReportSheet {
  return { name: row.name, rows: row.rowCount, columns: row.columnCount, values: row.values as CellValue[][] };
}
