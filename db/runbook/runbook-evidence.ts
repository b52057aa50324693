/**
 * What the product can see of an expiration day's work: the imports of the configured
 * dataset names that New York day, the instructions cut-off against the clock, and the
 * expiration sheet's official run for that date with its exceptions still open in the queue.
 */
import { resolvedParams } from '../../rules/manifest.js';
import type { Workbook } from '../../rules/workbook.js';
import type { Db } from '../open.js';
import { newYorkDay, newYorkStamp } from './new-york-time.js';
import type { RunbookSettings } from './runbook-settings.js';

export interface DatasetEvidence {
  id: number;
  name: string;
  sourceName: string;
  rows: number;
  importedAt: string;
}

export interface RunEvidence {
  id: number;
  status: string;
  queuedAt: string;
  finishedAt: string | null;
  /** How the run was matched to the day: its date parameter, or the day it ran when the sheet has none. */
  matchedBy: 'param' | 'run day';
  exceptions: number;
  /** The run's breaks still open or in review in the queue. */
  openExceptions: number;
}

export interface Evidence {
  sheet: { id: number; name: string } | null;
  positions: DatasetEvidence[];
  closes: DatasetEvidence[];
  instructions: DatasetEvidence[];
  cutoff: { at: string; passed: boolean };
  run: RunEvidence | null;
}

/** Everything the steps are checked against, read now. */
export function readEvidence(db: Db, date: string, settings: RunbookSettings, now: Date): Evidence {
  const sheet = findSheet(db, settings.sheet);
  return {
    sheet,
    positions: importsOn(db, settings.positionsDataset, date),
    closes: importsOn(db, settings.closesDataset, date),
    instructions: importsOn(db, settings.instructionsDataset, date),
    cutoff: { at: `${date} ${settings.cutoff}`, passed: newYorkStamp(now) >= `${date} ${settings.cutoff}` },
    run: sheet ? runFor(db, sheet.id, date, settings.dateParam) : null,
  };
}

/** The sheet of that name: the exact spelling first, else the only case-insensitive match. */
function findSheet(db: Db, name: string): { id: number; name: string } | null {
  const rows = db.$client.prepare('SELECT id, name FROM sheets WHERE lower(name) = lower(?) ORDER BY id').all(name) as {
    id: number;
    name: string;
  }[];
  return rows.find((r) => r.name === name) ?? rows[0] ?? null;
}

const DAY_MS = 86_400_000;

function importsOn(db: Db, name: string, date: string): DatasetEvidence[] {
  // A UTC window a day wider on each side holds every instant of the New York day.
  const from = new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS).toISOString();
  const to = new Date(Date.parse(`${date}T00:00:00Z`) + 2 * DAY_MS).toISOString();
  const rows = db.$client
    .prepare(
      `SELECT id, name, source_name AS sourceName, row_count AS rows, created_at AS importedAt FROM datasets
       WHERE lower(name) = lower(?) AND created_at >= ? AND created_at < ? ORDER BY id DESC`,
    )
    .all(name, from, to) as DatasetEvidence[];
  return rows.filter((r) => newYorkDay(r.importedAt) === date);
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date parameter's value as `YYYY-MM-DD`: an ISO date text or an Excel serial. */
function asIsoDate(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value))
    return new Date(EXCEL_EPOCH + Math.floor(value) * DAY_MS).toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value.trim())) return value.trim().slice(0, 10);
  return null;
}

/** The values a run evaluated with (its version's defaults overlaid); the given ones alone should the Settings not read. */
function paramsOf(workbook: Workbook, given: Record<string, string | number | boolean>): Record<string, unknown> {
  try {
    return resolvedParams(workbook, given);
  } catch {
    return given;
  }
}

/** Official runs looked through, newest first: an expiration day's run is among a sheet's recent ones. */
const RECENT_RUNS = 200;

/**
 * The official run of the sheet for `date`: the newest succeeded one whose date parameter
 * (as given, or the version's default) is that date, else the newest such run whatever its
 * status, so a failed run shows rather than nothing.
 */
function runFor(db: Db, sheetId: number, date: string, dateParam: string): RunEvidence | null {
  const runs = db.$client
    .prepare(
      `SELECT r.id, r.status, r.queued_at AS queuedAt, r.finished_at AS finishedAt, r.params, r.sheet_version_id AS versionId
       FROM runs r WHERE r.sheet_id = ? AND r.kind = 'official' ORDER BY r.id DESC LIMIT ?`,
    )
    .all(sheetId, RECENT_RUNS) as {
    id: number;
    status: string;
    queuedAt: string;
    finishedAt: string | null;
    params: string;
    versionId: number;
  }[];
  const workbooks = new Map<number, Workbook>();
  const workbook = (versionId: number) => {
    if (!workbooks.has(versionId)) {
      const content = db.$client.prepare('SELECT content FROM sheet_versions WHERE id = ?').pluck().get(versionId) as string;
      workbooks.set(versionId, JSON.parse(content) as Workbook);
    }
    return workbooks.get(versionId)!;
  };
  const matching: ((typeof runs)[number] & { matchedBy: RunEvidence['matchedBy'] })[] = [];
  for (const run of runs) {
    const given = JSON.parse(run.params) as Record<string, string | number | boolean>;
    const params = paramsOf(workbook(run.versionId), given);
    const key = Object.keys(params).find((k) => k.toLowerCase() === dateParam.toLowerCase());
    if (key !== undefined ? asIsoDate(params[key]) === date : newYorkDay(run.queuedAt) === date)
      matching.push({ ...run, matchedBy: key !== undefined ? 'param' : 'run day' });
  }
  const chosen = matching.find((r) => r.status === 'succeeded') ?? matching[0];
  if (!chosen) return null;
  const count = (sql: string, ...args: unknown[]) =>
    db.$client
      .prepare(sql)
      .pluck()
      .get(...args) as number;
  return {
    id: chosen.id,
    status: chosen.status,
    queuedAt: chosen.queuedAt,
    finishedAt: chosen.finishedAt,
    matchedBy: chosen.matchedBy,
    exceptions: count('SELECT count(*) FROM run_exceptions WHERE run_id = ?', chosen.id),
    openExceptions: count(
      `SELECT count(*) FROM exception_items i WHERE i.sheet_id = ? AND i.status IN ('open', 'in_review')
       AND EXISTS (SELECT 1 FROM run_exceptions e WHERE e.run_id = ? AND e.kind = i.kind AND e.key = i.key)`,
      sheetId,
      chosen.id,
    ),
  };
}
