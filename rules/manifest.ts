/**
 * What a run's manifest records (governance.md 5), the same for `tickmark run`'s
 * manifest.json and `GET /api/runs/:id/manifest`: the rule content's hash, each dataset's
 * file hash and rows, the parameter values used, the engine versions, and the hash of
 * results.csv exactly as the CLI writes it. The same sheet content, data and parameters
 * give the same manifest (but for the sheet's version number, which only the server has).
 */
import { createHash, type Hash } from 'node:crypto';
import { createRequire } from 'node:module';
import { HyperFormula } from 'hyperformula';
import { csvLine } from './csv-text.js';
import { resolveParams } from './run.js';
import { readSettings } from './settings.js';
import type { EvaluationReport, ParamValue } from './types.js';
import type { CellValue, Workbook } from './workbook.js';

export interface RunManifest {
  sheet: { name: string; version?: number; sha256: string };
  /** `rows` is null on the server for a dataset deleted since the run. */
  datasets: Record<string, { sha256: string; rows: number | null }>;
  params: Record<string, ParamValue>;
  /**
   * `evaluation` (issue 14, an extension of governance.md 5): which Rows formula columns the
   * compiled evaluator took and which went through HyperFormula, and why. Not for a Report.
   */
  engine: { tickmark: string; hyperformula: string; evaluation?: EvaluationReport };
  results: { sha256: string; rows: number; exceptions: number };
}

/** A stable hash of a workbook's content, the same for the same cells and names. */
export function contentHash(workbook: Workbook): string {
  return createHash('sha256')
    .update(JSON.stringify({ sheets: workbook.sheets, names: workbook.names }))
    .digest('hex');
}

/**
 * The parameter values a run used: the version's `Param` defaults overlaid with the values
 * it was given (matched case-insensitively, as the engine does), in the sheet's order.
 */
export function resolvedParams(workbook: Workbook, given: Record<string, ParamValue>): Record<string, ParamValue> {
  // The engine's own overlay, so a manifest says exactly what the run evaluated with.
  return resolveParams(readSettings(workbook), given);
}

/** This Tickmark's and its HyperFormula's versions. */
export function engineVersions(): RunManifest['engine'] {
  const pkg = createRequire(import.meta.url)('../package.json') as { version: string };
  return { tickmark: pkg.version, hyperformula: HyperFormula.version };
}

/** A manifest with datasets and params in name order, so equal inputs give equal JSON. */
export function buildManifest(manifest: RunManifest): RunManifest {
  const sorted = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  const { version, ...sheet } = manifest.sheet;
  return {
    sheet: { name: sheet.name, ...(version === undefined ? {} : { version }), sha256: sheet.sha256 },
    datasets: sorted(manifest.datasets),
    params: sorted(manifest.params),
    engine: manifest.engine,
    results: manifest.results,
  };
}

/**
 * SHA-256 of results.csv as the CLI writes it, fed line by line: the header line, then each
 * row, each through the same `csvLine` as the CLI's writer.
 */
export class ResultsHash {
  private readonly hash: Hash = createHash('sha256');

  line(values: (CellValue | undefined)[]): void {
    this.hash.update(csvLine(values));
  }

  /** Lines already formatted by `csvLine` (a block of them): the same hash as feeding them one by one. */
  text(lines: string | Uint8Array): void {
    this.hash.update(lines);
  }

  /** The hex digest; call once, after the last line. */
  digest(): string {
    return this.hash.digest('hex');
  }
}
