/**
 * Compares the exceptions of two runs of a sheet by identity (kind, key), as the exception
 * queue identifies breaks (governance.md 4). One identity may hold several rows (the broker
 * sent a confirm twice: two `duplicate right key` rows with one key), so each side of an
 * identity is the multiset of its rows: it is unchanged when both runs have the same rows,
 * in any order, and changed when the number of rows or any row's values differ.
 */
import { asc, eq } from 'drizzle-orm';
import { AppError } from './app-error.js';
import type { Db } from './open.js';
import { getRun } from './runs.service.js';
import { runExceptions } from './schema.js';

/** One exception row: its identity and its values by column name. */
export interface ExceptionRow {
  kind: string;
  key: string;
  values: Record<string, unknown>;
}

/** An identity that differs; `before`/`after`: its rows in the first/second run (absent when it has none). */
export interface CompareItem {
  kind: string;
  key: string;
  change: 'added' | 'removed' | 'changed';
  before?: Record<string, unknown>[];
  after?: Record<string, unknown>[];
}

export interface RunComparison {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  items: CompareItem[];
}

/**
 * Compares run `id`'s exceptions with run `otherId`'s: `added` are in `otherId` only,
 * `removed` in `id` only. Both must have succeeded (409) and be runs of one sheet (422).
 */
export function compareRuns(db: Db, id: number, otherId: number): RunComparison {
  const first = getRun(db, id);
  const second = getRun(db, otherId);
  for (const run of [first, second])
    if (run.status !== 'succeeded')
      throw new AppError('run_not_finished', 409, `run ${run.id} is ${run.status}: only succeeded runs have exceptions to compare`);
  if (first.sheetId !== second.sheetId)
    throw new AppError(
      'different_sheets',
      422,
      `run ${id} is of sheet ${first.sheetId} and run ${otherId} of sheet ${second.sheetId}: exceptions are compared within one sheet`,
    );
  return compareExceptionRows(exceptionRows(db, id, first.columns ?? []), exceptionRows(db, otherId, second.columns ?? []));
}

function exceptionRows(db: Db, runId: number, columns: string[]): ExceptionRow[] {
  return db
    .select({ kind: runExceptions.kind, key: runExceptions.key, values: runExceptions.values })
    .from(runExceptions)
    .where(eq(runExceptions.runId, runId))
    .orderBy(asc(runExceptions.rowIndex))
    .all()
    .map((r) => ({ kind: r.kind, key: r.key, values: Object.fromEntries(columns.map((c, i) => [c, r.values[i] ?? null])) }));
}

/**
 * The pure comparison. Values are compared over the columns both sides have, so a column
 * the newer version adds does not make every break "changed".
 *
 * @example
 * compareExceptionRows([{ kind: 'price', key: 'p1:B5220', values: {} }], []) // removed: 1
 */
export function compareExceptionRows(a: ExceptionRow[], b: ExceptionRow[]): RunComparison {
  const groupsA = byIdentity(a);
  const groupsB = byIdentity(b);
  const columnsB = new Set(b.flatMap((r) => Object.keys(r.values)));
  const shared = [...new Set(a.flatMap((r) => Object.keys(r.values)))].filter((c) => columnsB.has(c));
  const result: RunComparison = { added: 0, removed: 0, changed: 0, unchanged: 0, items: [] };
  for (const [identity, before] of groupsA) {
    const after = groupsB.get(identity);
    const { kind, key } = before[0];
    if (!after) {
      result.removed++;
      result.items.push({ kind, key, change: 'removed', before: before.map((r) => r.values) });
    } else if (sameRows(before, after, shared)) result.unchanged++;
    else {
      result.changed++;
      result.items.push({ kind, key, change: 'changed', before: before.map((r) => r.values), after: after.map((r) => r.values) });
    }
  }
  for (const [identity, after] of groupsB) {
    if (groupsA.has(identity)) continue;
    result.added++;
    result.items.push({ kind: after[0].kind, key: after[0].key, change: 'added', after: after.map((r) => r.values) });
  }
  return result;
}

function byIdentity(rows: ExceptionRow[]): Map<string, ExceptionRow[]> {
  const groups = new Map<string, ExceptionRow[]>();
  for (const row of rows) {
    const identity = JSON.stringify([row.kind, row.key]);
    const group = groups.get(identity);
    if (group) group.push(row);
    else groups.set(identity, [row]);
  }
  return groups;
}

/** The same multiset of rows, compared over `columns`. */
function sameRows(a: ExceptionRow[], b: ExceptionRow[], columns: string[]): boolean {
  if (a.length !== b.length) return false;
  const text = (rows: ExceptionRow[]) => rows.map((r) => JSON.stringify(columns.map((c) => r.values[c] ?? null))).sort();
  const x = text(a);
  const y = text(b);
  return x.every((row, i) => row === y[i]);
}
