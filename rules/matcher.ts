/**
 * Multi-pass exact-key matching of two datasets (contract 1.1, `Match N`). Pass 1 runs on
 * all rows, each later pass on the rows still unmatched. A key shared by several rows of
 * a side that does not aggregate is ambiguous: those rows are never paired by row order,
 * they stay unmatched and are reported as duplicates.
 */
import { foldRows, resolveAggregates, type ResolvedAggregate } from './aggregate.js';
import { RuleError } from './errors.js';
import { findField } from './rows-layout.js';
import type { MatchPass, RuleSettings } from './settings.js';
import type { Dataset, FieldValue, MatchStatus } from './types.js';

export interface MatchedRow {
  left: FieldValue[] | null;
  right: FieldValue[] | null;
  match: MatchStatus;
  pass: number | null;
  leftCount: number;
  rightCount: number;
  /** Stable identity of the row across runs. */
  key: string;
  /** Set when the row could not be paired because its key is duplicated. */
  duplicate: 'left' | 'right' | null;
  /** For ordering the output like the left dataset. */
  order: number;
}

interface Side {
  dataset: Dataset;
  aggregates: ResolvedAggregate[];
  remaining: Set<number>;
  /** Rows held out of a pass because their key was ambiguous, with the side at fault. */
  ambiguous: Map<number, 'left' | 'right'>;
}

type KeyIndex = { left: number[]; right: number[] };

/** Runs every pass and returns matched, left-only and right-only rows in a stable order. */
export function matchDatasets(settings: RuleSettings, left: Dataset, right: Dataset): MatchedRow[] {
  const leftSide = side(left, resolveAggregates(settings.aggregateLeft, left.columns, left.name, settings.rows['aggregate left']));
  const rightSide = side(right, resolveAggregates(settings.aggregateRight, right.columns, right.name, settings.rows['aggregate right']));
  const keys = settings.passes.map((pass) => resolveKeys(pass, left, right));
  const out: MatchedRow[] = [];
  settings.passes.forEach((pass, i) => runPass(pass.pass, keys[i], leftSide, rightSide, out));
  out.push(...leftovers(leftSide, keys[0].left, 'left'), ...leftovers(rightSide, keys[0].right, 'right'));
  return out.sort((a, b) => a.order - b.order);
}

function side(dataset: Dataset, aggregates: ResolvedAggregate[]): Side {
  return { dataset, aggregates, remaining: new Set(dataset.rows.keys()), ambiguous: new Map() };
}

function resolveKeys(pass: MatchPass, left: Dataset, right: Dataset): KeyIndex {
  const index = (dataset: Dataset, name: string, sideName: string) => {
    const field = findField(dataset.columns, name);
    if (!field) {
      throw new RuleError(
        'unknown_field',
        `${sideName} key "${name}" is not a field of "${dataset.name}" (fields: ${dataset.columns.map((c) => c.name).join(', ')})`,
        {
          sheet: 'Settings',
          cell: `B${pass.row}`,
          setting: `Match ${pass.pass}`,
        },
      );
    }
    return dataset.columns.indexOf(field);
  };
  return { left: pass.keys.map((k) => index(left, k.left, 'left')), right: pass.keys.map((k) => index(right, k.right, 'right')) };
}

function runPass(pass: number, keys: KeyIndex, left: Side, right: Side, out: MatchedRow[]): void {
  const leftGroups = groupByKey(left, keys.left);
  const rightGroups = groupByKey(right, keys.right);
  for (const [key, leftRows] of leftGroups) {
    const rightRows = rightGroups.get(key);
    if (!rightRows) continue;
    const leftAmbiguous = left.aggregates.length === 0 && leftRows.length > 1;
    const rightAmbiguous = right.aggregates.length === 0 && rightRows.length > 1;
    if (leftAmbiguous || rightAmbiguous) {
      const fault = leftAmbiguous ? 'left' : 'right';
      for (const i of leftRows) left.ambiguous.set(i, fault);
      for (const i of rightRows) right.ambiguous.set(i, fault);
      continue;
    }
    for (const i of leftRows) {
      left.remaining.delete(i);
      left.ambiguous.delete(i);
    }
    for (const i of rightRows) {
      right.remaining.delete(i);
      right.ambiguous.delete(i);
    }
    out.push({
      left: fold(left, leftRows),
      right: fold(right, rightRows),
      match: 'matched',
      pass,
      leftCount: leftRows.length,
      rightCount: rightRows.length,
      key: `p${pass}:${key}`,
      duplicate: null,
      order: leftRows[0],
    });
  }
}

/** Unmatched rows; an aggregating side still folds them by the first pass's key. */
function leftovers(s: Side, keyColumns: number[], name: 'left' | 'right'): MatchedRow[] {
  const groups: number[][] = [];
  if (s.aggregates.length > 0) {
    for (const [, rows] of groupByKey(s, keyColumns)) groups.push(rows);
    for (const i of s.remaining) if (keyOf(s.dataset.rows[i], keyColumns) === null) groups.push([i]);
  } else {
    const counts = new Map<string, number>();
    for (const row of s.dataset.rows) {
      const key = keyOf(row, keyColumns);
      if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const i of s.remaining) {
      const key = keyOf(s.dataset.rows[i], keyColumns);
      if (key !== null && (counts.get(key) ?? 0) > 1 && !s.ambiguous.has(i)) s.ambiguous.set(i, name);
      groups.push([i]);
    }
  }
  const base = name === 'left' ? 0 : Number.MAX_SAFE_INTEGER / 2;
  return groups.map((rows) => {
    const row = fold(s, rows);
    const key = keyOf(s.dataset.rows[rows[0]], keyColumns) ?? row.map((v) => (v === null ? '' : String(v))).join(' | ');
    return {
      left: name === 'left' ? row : null,
      right: name === 'right' ? row : null,
      match: name === 'left' ? 'left only' : 'right only',
      pass: null,
      leftCount: name === 'left' ? rows.length : 0,
      rightCount: name === 'right' ? rows.length : 0,
      key: `${name}:${key}`,
      duplicate: s.ambiguous.get(rows[0]) ?? null,
      order: base + rows[0],
    } satisfies MatchedRow;
  });
}

function fold(s: Side, rows: number[]): FieldValue[] {
  return foldRows(
    rows.map((i) => s.dataset.rows[i]),
    s.dataset.columns.length,
    s.aggregates,
    s.dataset.name,
  );
}

function groupByKey(s: Side, keyColumns: number[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const i of s.remaining) {
    const key = keyOf(s.dataset.rows[i], keyColumns);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  }
  return groups;
}

/**
 * The row's key text, or null when a key field is empty (an empty key never matches).
 * Numbers and their text form compare equal, so 123 matches "123".
 */
export function keyOf(row: FieldValue[], columns: number[]): string | null {
  let key = '';
  for (let k = 0; k < columns.length; k++) {
    const v = row[columns[k]];
    if (v === null || v === '') return null;
    key += (k ? ' | ' : '') + (typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v));
  }
  return key;
}
