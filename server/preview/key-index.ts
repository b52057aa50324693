/**
 * In-memory indexes of stored datasets by key fields, for the editor's live preview: which
 * rows carry a key (the matcher's own key text, so the preview pairs rows exactly as a run
 * does) and the distinct keys in their natural order (for the preview's key range).
 * Datasets never change once imported, so an index is built once per dataset and key
 * fields and kept; the least recently used go when there are more than `limit`.
 */
import { loadDataset, type DatasetRecord } from '../../db/datasets.service.js';
import type { Db } from '../../db/open.js';
import { compareKeys } from '../../rules/key-order.js';
import { keyOf } from '../../rules/matcher.js';
import type { FieldValue } from '../../rules/types.js';

export interface KeyIndex {
  /** Key text to the rows holding it, in dataset order. */
  rows: Map<string, number[]>;
  /** Each row's key text; null when a key field is empty (such a row never matches). */
  keyOfRow: (string | null)[];
  /** The distinct keys in natural order, each with its typed values. */
  ordered: { key: string; values: FieldValue[] }[];
}

export class KeyIndexCache {
  private readonly indexes = new Map<string, KeyIndex>();

  constructor(
    private readonly db: Db,
    private readonly limit = 12,
  ) {}

  /** One index per key-column list of `record`; the dataset is read at most once for the missing ones. */
  indexesOf(record: DatasetRecord, keySets: number[][]): KeyIndex[] {
    const id = (columns: number[]) => `${record.id}:${record.sha256}:${columns.join(',')}`;
    const missing = keySets.filter((columns) => !this.indexes.has(id(columns)));
    if (missing.length > 0) {
      const rows = loadDataset(this.db, record.id).rows;
      for (const columns of missing) this.indexes.set(id(columns), buildIndex(rows, columns));
    }
    const found = keySets.map((columns) => {
      const index = this.indexes.get(id(columns))!;
      // Map order is insertion order: re-inserting marks it as the most recently used.
      this.indexes.delete(id(columns));
      this.indexes.set(id(columns), index);
      return index;
    });
    while (this.indexes.size > this.limit) this.indexes.delete(this.indexes.keys().next().value!);
    return found;
  }
}

/** The index of `rows` by the fields at `columns`. */
export function buildIndex(rows: FieldValue[][], columns: number[]): KeyIndex {
  const byKey = new Map<string, number[]>();
  const keyOfRow: (string | null)[] = new Array(rows.length);
  const ordered: KeyIndex['ordered'] = [];
  rows.forEach((row, i) => {
    const key = keyOf(row, columns);
    keyOfRow[i] = key;
    if (key === null) return;
    const group = byKey.get(key);
    if (group) group.push(i);
    else {
      byKey.set(key, [i]);
      ordered.push({ key, values: columns.map((c) => row[c]) });
    }
  });
  ordered.sort((a, b) => compareKeys(a.values, b.values));
  return { rows: byKey, keyOfRow, ordered };
}
