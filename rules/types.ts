/**
 * The engine's public data shapes: typed datasets in, evaluated rows and a summary out.
 * Everything here is plain data so it crosses worker threads and JSON unchanged.
 */
import type { ColumnarDataset } from './columnar/types.js';
import type { CellValue, Workbook } from './workbook.js';

export type FieldType = 'number' | 'date' | 'boolean' | 'text';

/**
 * A typed field value. Dates (columns of type `date`) are ISO strings, `YYYY-MM-DD` or
 * `YYYY-MM-DDTHH:MM:SS`; the engine hands them to formulas as Excel serial numbers.
 */
export type FieldValue = number | string | boolean | null;

export interface DatasetColumn {
  name: string;
  type: FieldType;
}

export interface Dataset {
  name: string;
  columns: DatasetColumn[];
  /** Row-major values, one entry per column. */
  rows: FieldValue[][];
}

export type RuleSheetType = 'Reconciliation' | 'Check' | 'Report';
export type MatchStatus = 'matched' | 'left only' | 'right only';

export interface RunProgress {
  phase: 'loading' | 'matching' | 'evaluating' | 'summary' | 'done';
  done: number;
  total: number;
}

/** One evaluated row of the `Rows` sheet. */
export interface ResultRow {
  /** One value per `Rows` column, in header order. */
  values: CellValue[];
  /** The exception column's value when not empty, else null. */
  exception: string | null;
  /** Reconciliation only. */
  match?: MatchStatus;
  /**
   * The row's stable identity within its sheet: the first pass's key values (or the
   * `Key` setting's fields for a check), joined. The next run of the same sheet finds the
   * same key for the same break.
   */
  key: string;
  /** The `Age from` field's value (an ISO date) when the sheet names one. */
  ageFrom?: string | null;
}

/** Receives results as they are produced, so a million rows never sit in memory at once. */
export interface RunSink {
  columns(headers: string[]): void | Promise<void>;
  rows(batch: ResultRow[]): void | Promise<void>;
  /** Report runs: one evaluated free-form sheet (row 1 first). */
  reportSheet?(name: string, values: CellValue[][]): void | Promise<void>;
  /**
   * Report runs: a sheet too large to hold as one array (a P&L report's Realized and Daily
   * tables), row by row, row 1 first. A sink without it receives such a sheet through
   * `reportSheet`, whole.
   */
  reportSheetRows?(name: string, rows: Iterable<CellValue[]>): void | Promise<void>;
}

export interface RunCounts {
  rows: number;
  matched?: number;
  left_only?: number;
  right_only?: number;
  exceptions: number;
}

/** The contract's `summary.json`. */
export interface RunSummary {
  type: RuleSheetType;
  counts: RunCounts;
  by_exception: Record<string, number>;
  summary: Record<string, CellValue>;
}

export type ParamValue = number | string | boolean;

/**
 * Which `Rows` formula columns the compiled evaluator took and which fell back to
 * HyperFormula, with the reason (issue 14; manifest.json `engine.evaluation`).
 */
export interface EvaluationReport {
  compiled: string[];
  fallback: { column: string; reason: string }[];
}

/** `compiled` (the default): compiled columns, HyperFormula for the rest; `hyperformula`: every column through HyperFormula. */
export type EvaluatorChoice = 'compiled' | 'hyperformula';

export interface RunInput {
  workbook: Workbook;
  /** By dataset name as the Settings sheet (or a Report's sheet names) refer to them; row-major or by column. */
  datasets: Record<string, Dataset | ColumnarDataset>;
  evaluator?: EvaluatorChoice;
  /** Told once the rows are joined and the rule compiled, before the first block (not for a Report). */
  onEvaluation?: (report: EvaluationReport, timings: { joinMs: number }) => void;
  /** Overrides for `Param NAME` defaults, by NAME (case-insensitive). */
  params?: Record<string, ParamValue>;
  sink: RunSink;
  onProgress?: (progress: RunProgress) => void;
  signal?: AbortSignal;
}
