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
 * One page of a succeeded run's exceptions and the total that matches the filter.
 * `exceptions` is the run's exception count: the unfiltered listing in row order then reads
 * just its page by `seq`, which keeps deep pages as cheap as the first.
 */
export function queryExceptions(db: Db, runId: number, exceptions: number, q: ExceptionQuery): { total: number; rows: ExceptionRow[] } {
  const plain = !q.kinds?.length && !q.match && !q.search && (q.sort ?? 'row') === 'row';
  if (plain) return { total: exceptions, rows: pageBySeq(db, runId, q, exceptions) };
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
  const direction = q.order === 'desc' ? 'DESC' : 'ASC';
  const sort =
    typeof q.sort === 'number'
      ? `json_extract("values", '$[${Math.trunc(q.sort)}]') ${direction}, seq`
      : q.sort === 'kind'
        ? `kind ${direction}, seq`
        : q.sort === 'key'
          ? `key ${direction}`
          : `seq ${direction}`;
  const query = `SELECT id FROM run_exceptions WHERE ${where.join(' AND ')} ORDER BY ${sort}`;
  // A succeeded run's exceptions never change, so the order of a filtered or sorted view
  // can be kept: paging through it then costs an index lookup per page, not a scan and sort.
  const ids = cached(db, `${query}\u0000${JSON.stringify(args)}`, () =>
    Int32Array.from(
      db.$client
        .prepare(query)
        .pluck()
        .all(...args) as number[],
    ),
  );
  return { total: ids.length, rows: rowsById(db, ids.subarray(q.offset, q.offset + q.limit)) };
}

const CACHED_VIEWS = 32;
const views = new WeakMap<Db, Map<string, Int32Array>>();

/** A small least-recently-used cache of ordered id lists, one per database. */
function cached(db: Db, key: string, compute: () => Int32Array): Int32Array {
  let cache = views.get(db);
  if (!cache) views.set(db, (cache = new Map()));
  let ids = cache.get(key);
  if (ids) cache.delete(key);
  else ids = compute();
  cache.set(key, ids);
  if (cache.size > CACHED_VIEWS) cache.delete(cache.keys().next().value!);
  return ids;
}

function rowsById(db: Db, ids: Int32Array): ExceptionRow[] {
  const rows: ExceptionRow[] = [];
  for (let at = 0; at < ids.length; at += 500) {
    const part = Array.from(ids.subarray(at, at + 500));
    const found = db.$client
      .prepare(
        `SELECT id, row_index, kind, key, match, age_from, "values" FROM run_exceptions WHERE id IN (${part.map(() => '?').join(',')})`,
      )
      .all(...part) as Row[];
    const byId = new Map(found.map((r) => [r.id, r]));
    for (const id of part) rows.push(toRow(byId.get(id)!));
  }
  return rows;
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
