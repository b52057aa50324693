/** Reading a run's exceptions: filter by kind, match status or text, sort by any column, page. */
import type { Db } from './open.js';

export interface ExceptionQuery {
  kinds?: string[];
  match?: string;
  /** Case-insensitive text anywhere in the row's values or key. */
  search?: string;
  /** `row` (default), `kind`, `key`, or a column index of the results. */
  sort?: 'row' | 'kind' | 'key' | number;
  order?: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface ExceptionRow {
  id: number;
  row: number;
  kind: string;
  key: string;
  match: string | null;
  ageFrom: string | null;
  values: unknown[];
}

/**
 * One page and the total that matches the filter. `exceptions` is the run's exception
 * count: the unfiltered listing in row order then reads just its page by `seq`, which keeps
 * deep pages as cheap as the first.
 */
export function queryExceptions(db: Db, runId: number, q: ExceptionQuery, exceptions?: number): { total: number; rows: ExceptionRow[] } {
  const plain = !q.kinds?.length && !q.match && !q.search && (q.sort ?? 'row') === 'row';
  if (plain && exceptions !== undefined) return { total: exceptions, rows: pageBySeq(db, runId, q, exceptions) };
  const where: string[] = ['run_id = ?'];
  const args: unknown[] = [runId];
  if (q.kinds?.length) {
    where.push(`kind IN (${q.kinds.map(() => '?').join(',')})`);
    args.push(...q.kinds);
  }
  if (q.match) {
    where.push('match = ?');
    args.push(q.match);
  }
  if (q.search) {
    where.push("(\"values\" LIKE ? ESCAPE '\\' OR key LIKE ? ESCAPE '\\')");
    const like = `%${q.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    args.push(like, like);
  }
  const filter = where.join(' AND ');
  const total = db.$client
    .prepare(`SELECT count(*) FROM run_exceptions WHERE ${filter}`)
    .pluck()
    .get(...args) as number;
  const direction = q.order === 'desc' ? 'DESC' : 'ASC';
  const sort =
    typeof q.sort === 'number'
      ? `json_extract("values", '$[${Math.trunc(q.sort)}]') ${direction}, seq`
      : q.sort === 'kind'
        ? `kind ${direction}, seq`
        : q.sort === 'key'
          ? `key ${direction}`
          : `seq ${direction}`;
  const rows = db.$client
    .prepare(
      `SELECT id, row_index, kind, key, match, age_from, "values" FROM run_exceptions WHERE ${filter} ORDER BY ${sort} LIMIT ? OFFSET ?`,
    )
    .all(...args, q.limit, q.offset) as Row[];
  return { total, rows: rows.map(toRow) };
}

function pageBySeq(db: Db, runId: number, q: ExceptionQuery, total: number): ExceptionRow[] {
  const descending = q.order === 'desc';
  const from = descending ? total - q.offset - q.limit : q.offset;
  const to = descending ? total - q.offset : q.offset + q.limit;
  const rows = db.$client
    .prepare(
      `SELECT id, row_index, kind, key, match, age_from, "values" FROM run_exceptions
       WHERE run_id = ? AND seq >= ? AND seq < ? ORDER BY seq ${descending ? 'DESC' : 'ASC'}`,
    )
    .all(runId, Math.max(0, from), Math.max(0, to)) as Row[];
  return rows.map(toRow);
}

interface Row {
  id: number;
  row_index: number;
  kind: string;
  key: string;
  match: string | null;
  age_from: string | null;
  values: string;
}

function toRow(r: Row): ExceptionRow {
  return {
    id: r.id,
    row: r.row_index,
    kind: r.kind,
    key: r.key,
    match: r.match,
    ageFrom: r.age_from,
    values: JSON.parse(r.values),
  };
}
