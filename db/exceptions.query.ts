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

/** One page and the total that matches the filter. */
export function queryExceptions(db: Db, runId: number, q: ExceptionQuery): { total: number; rows: ExceptionRow[] } {
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
      ? `json_extract("values", '$[${Math.trunc(q.sort)}]') ${direction}, row_index`
      : q.sort === 'kind'
        ? `kind ${direction}, row_index`
        : q.sort === 'key'
          ? `key ${direction}`
          : `row_index ${direction}`;
  const rows = db.$client
    .prepare(
      `SELECT id, row_index, kind, key, match, age_from, "values" FROM run_exceptions WHERE ${filter} ORDER BY ${sort} LIMIT ? OFFSET ?`,
    )
    .all(...args, q.limit, q.offset) as {
    id: number;
    row_index: number;
    kind: string;
    key: string;
    match: string | null;
    age_from: string | null;
    values: string;
  }[];
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      row: r.row_index,
      kind: r.kind,
      key: r.key,
      match: r.match,
      ageFrom: r.age_from,
      values: JSON.parse(r.values),
    })),
  };
}
