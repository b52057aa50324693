/**
 * The rows the editor's live preview of a reconciliation runs over: the first rows of the
 * left dataset and, from the whole right dataset, the rows that can match them under the
 * sheet's passes, found through key indexes instead of sending either dataset to the page.
 *
 * - Left: the first `count` rows, plus every other left row sharing a pass-1 key with
 *   them: an aggregated block is then complete (a partial one would be a false break), and
 *   on a side that does not aggregate a duplicated key shows as the run reports it.
 * - Right: every row sharing pass 1's key with a left row; for a later pass, the rows
 *   sharing its key that no earlier pass could claim for a left row outside the preview.
 * - Unmatched right rows (no key of theirs is on the left under any pass) only where their
 *   pass-1 key lies between the preview's smallest and largest pass-1 key, up to a cap.
 */
import { AppError } from '../../db/app-error.js';
import { getDataset, type DatasetRecord } from '../../db/datasets.service.js';
import type { Db } from '../../db/open.js';
import { readRowsAt } from '../../db/preview-rows.js';
import { compareKeys } from '../../rules/key-order.js';
import { findField } from '../../rules/rows-layout.js';
import type { DatasetColumn, FieldValue } from '../../rules/types.js';
import type { KeyIndex, KeyIndexCache } from './key-index.js';

/** Unmatched right rows shown at most, and rows added to either side for shared keys. */
export const IN_RANGE_CAP = 200;
export const SAME_KEY_CAP = 5000;

export interface PreviewRowsRequest {
  left: { datasetId: number; count: number };
  right: { datasetId: number };
  /** Each pass's key fields, in pairs: `left[i]` matches `right[i]`. */
  passes: { left: string[]; right: string[] }[];
}

export interface PreviewSide {
  name: string;
  columns: DatasetColumn[];
  rows: FieldValue[][];
}

/** What the preview covers, to be said beside it. */
export interface PreviewCovers {
  left: { name: string; total: number; first: number; sameKey: number };
  right: { name: string; total: number; matching: number; inRange: number };
  /** The smallest and largest pass-1 key of the left rows, as the matcher writes keys. */
  keyRange: { from: string; to: string } | null;
  /** Set when a cap cut the rows: which one. */
  capped: string[];
}

export interface PreviewRows {
  left: PreviewSide;
  right: PreviewSide;
  covers: PreviewCovers;
}

/** Chooses the preview's rows; unknown datasets and fields are AppErrors naming the request field. */
export function samplePreviewRows(db: Db, cache: KeyIndexCache, request: PreviewRowsRequest): PreviewRows {
  const leftRecord = datasetAt(db, request.left.datasetId, 'left.datasetId');
  const rightRecord = datasetAt(db, request.right.datasetId, 'right.datasetId');
  const keyColumns = request.passes.map((pass, p) => {
    if (pass.left.length !== pass.right.length)
      throw new AppError(
        'bad_request',
        400,
        `passes.${p}: left and right need as many key fields (${pass.left.length} and ${pass.right.length})`,
        {
          field: `passes.${p}`,
        },
      );
    return { left: columnsOf(leftRecord, pass.left, `passes.${p}.left`), right: columnsOf(rightRecord, pass.right, `passes.${p}.right`) };
  });
  const leftIndexes = cache.indexesOf(
    leftRecord,
    keyColumns.map((k) => k.left),
  );
  const rightIndexes = cache.indexesOf(
    rightRecord,
    keyColumns.map((k) => k.right),
  );
  const capped: string[] = [];
  const first = Math.min(request.left.count, leftRecord.rowCount);
  const left = new Set(Array.from({ length: first }, (_, i) => i));
  addSharingKey(left, [...left], leftIndexes[0], leftIndexes[0], () => true, capped, 'left rows sharing a key');
  const right = new Set<number>();
  leftIndexes.forEach((leftIndex, p) => {
    // A later pass only takes rows no earlier pass could give to a left row outside the preview.
    const unclaimed = (row: number) => leftIndexes.slice(0, p).every((earlier, q) => !claimed(earlier, rightIndexes[q], row));
    addSharingKey(right, [...left], leftIndex, rightIndexes[p], unclaimed, capped, 'right rows sharing a key');
  });
  const matching = right.size;
  const keyRange = rangeOf([...left], leftIndexes[0]);
  const inRange = keyRange ? unmatchedInRange(keyRange, leftIndexes, rightIndexes, right, capped) : 0;
  const sorted = (rows: Set<number>) => [...rows].sort((a, b) => a - b);
  return {
    left: side(db, leftRecord, sorted(left)),
    right: side(db, rightRecord, sorted(right)),
    covers: {
      left: { name: leftRecord.name, total: leftRecord.rowCount, first, sameKey: left.size - first },
      right: { name: rightRecord.name, total: rightRecord.rowCount, matching, inRange },
      keyRange: keyRange ? { from: keyRange.from.key, to: keyRange.to.key } : null,
      capped,
    },
  };
}

function datasetAt(db: Db, id: number, field: string): DatasetRecord {
  try {
    return getDataset(db, id);
  } catch (error) {
    if (error instanceof AppError && error.status === 404)
      throw new AppError('not_found', 404, `${field}: dataset ${id} does not exist`, { field });
    throw error;
  }
}

function columnsOf(record: DatasetRecord, names: string[], field: string): number[] {
  const columns = record.columns as DatasetColumn[];
  return names.map((name, i) => {
    const found = findField(columns, name);
    if (!found)
      throw new AppError(
        'unknown_field',
        422,
        `${field}.${i}: "${name}" is not a field of "${record.name}" (fields: ${columns.map((c) => c.name).join(', ')})`,
        { field: `${field}.${i}` },
      );
    return columns.indexOf(found);
  });
}

/** Adds to `into` the rows of `to` whose key (under `to`) is the key of one of `from` (under `by`). */
function addSharingKey(
  into: Set<number>,
  from: number[],
  by: KeyIndex,
  to: KeyIndex,
  accept: (row: number) => boolean,
  capped: string[],
  what: string,
): void {
  const start = into.size;
  for (const row of from) {
    const key = by.keyOfRow[row];
    for (const other of key === null ? [] : (to.rows.get(key) ?? [])) {
      if (into.has(other) || !accept(other)) continue;
      if (into.size - start >= SAME_KEY_CAP) {
        if (!capped.includes(what)) capped.push(what);
        return;
      }
      into.add(other);
    }
  }
}

/** Whether right row `row` has, under a pass, a key some left row holds. */
function claimed(left: KeyIndex, right: KeyIndex, row: number): boolean {
  const key = right.keyOfRow[row];
  return key !== null && left.rows.has(key);
}

type RangeEnd = { key: string; values: FieldValue[] };

/** The smallest and largest pass-1 key `rows` hold, in the keys' natural order. */
function rangeOf(rows: number[], index: KeyIndex): { from: RangeEnd; to: RangeEnd } | null {
  const keys = new Set(rows.map((r) => index.keyOfRow[r]).filter((k): k is string => k !== null));
  const held = index.ordered.filter((k) => keys.has(k.key));
  return held.length ? { from: held[0], to: held[held.length - 1] } : null;
}

/** Adds the right rows no pass can match whose pass-1 key lies in the range; how many. */
function unmatchedInRange(
  range: { from: RangeEnd; to: RangeEnd },
  left: KeyIndex[],
  right: KeyIndex[],
  into: Set<number>,
  capped: string[],
): number {
  const ordered = right[0].ordered;
  let at = lowerBound(ordered, range.from.values);
  let added = 0;
  for (; at < ordered.length && compareKeys(ordered[at].values, range.to.values) <= 0; at++) {
    for (const row of right[0].rows.get(ordered[at].key)!) {
      if (into.has(row) || left.some((l, p) => claimed(l, right[p], row))) continue;
      if (added >= IN_RANGE_CAP) {
        capped.push(`unmatched right rows in the key range (${IN_RANGE_CAP} shown)`);
        return added;
      }
      into.add(row);
      added++;
    }
  }
  return added;
}

function lowerBound(ordered: { values: FieldValue[] }[], values: FieldValue[]): number {
  let lo = 0;
  let hi = ordered.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareKeys(ordered[mid].values, values) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function side(db: Db, record: DatasetRecord, rows: number[]): PreviewSide {
  return { name: record.name, columns: record.columns as DatasetColumn[], rows: readRowsAt(db, record.id, rows) };
}
