/**
 * The columnar join (rules/run-join.ts) against the row matcher (rules/matcher.ts), which
 * is the definition: on generated data full of the cases the matcher has rules for, both
 * must give the same rows, in the same order, with the same pass, counts, key and duplicate
 * flag, whether the datasets are held by row or by column.
 */
import { describe, expect, it } from 'vitest';
import { toColumnar } from '../../rules/columnar/convert.js';
import { matchDatasets, type MatchedRow } from '../../rules/matcher.js';
import { joinDatasets, NONE, DUPLICATE_LEFT, DUPLICATE_RIGHT, type JoinedRows } from '../../rules/run-join.js';
import { cellOf, type AnyDataset } from '../../rules/run-sources.js';
import { readSettings } from '../../rules/settings.js';
import type { Dataset, FieldValue } from '../../rules/types.js';
import { rng } from '../../scripts/random.js';
import { dataset, settings, workbook } from '../helpers/workbooks.js';

function settingsOf(values: Record<string, string>) {
  return readSettings(workbook({ Settings: settings({ Type: 'Reconciliation', Left: 'l', Right: 'r', ...values }) }));
}

/** The join as the matcher's rows, to compare whole. */
function asMatched(joined: JoinedRows, left: AnyDataset, right: AnyDataset): Omit<MatchedRow, 'order'>[] {
  const row = (d: AnyDataset, r: number): FieldValue[] | null => (r === NONE ? null : d.columns.map((_, c) => cellOf(d, c, r)));
  return Array.from({ length: joined.count }, (_, i) => ({
    left: row(left, joined.left[i]),
    right: row(right, joined.right[i]),
    match: joined.left[i] === NONE ? 'right only' : joined.right[i] === NONE ? 'left only' : 'matched',
    pass: joined.pass[i] === 0 ? null : joined.pass[i],
    leftCount: joined.leftCount[i],
    rightCount: joined.rightCount[i],
    key: joined.key(i),
    duplicate: joined.duplicate[i] === DUPLICATE_LEFT ? 'left' : joined.duplicate[i] === DUPLICATE_RIGHT ? 'right' : null,
  }));
}

function expectSameAsMatcher(values: Record<string, string>, left: Dataset, right: Dataset) {
  const s = settingsOf(values);
  const expected = matchDatasets(s, left, right).map(({ order: _order, ...rest }) => rest);
  expect(expected.length).toBeGreaterThan(0);
  expect(asMatched(joinDatasets(s, left, right), left, right)).toEqual(expected);
  const [cl, cr] = [toColumnar(left), toColumnar(right)];
  expect(asMatched(joinDatasets(s, cl, cr), cl, cr)).toEqual(expected);
  return expected;
}

/** `n` rows drawn from small pools, so keys repeat, go empty and cross types. */
function generated(seed: number, n: number) {
  const random = rng(seed);
  const pick = <T>(pool: T[]) => pool[Math.floor(random() * pool.length)];
  const ids = Array.from({ length: n }, (_, i) => i);
  // Wider pools for the later passes' keys, so they pair some rows too.
  const tags = Array.from({ length: n }, (_, i) => `T${i}`);
  const leftRows: FieldValue[][] = [];
  const rightRows: FieldValue[][] = [];
  for (let i = 0; i < n; i++) {
    const id = random() < 0.05 ? null : pick(ids);
    leftRows.push([
      id,
      pick(['A', 'B', 'C', '', null]),
      pick([1, 2, 3, null]),
      pick(['2026-11-16', '2026-11-17', null]),
      pick([true, false, null]),
      pick(tags),
      pick(ids),
    ]);
    // The right's ids are text ("7" matches 7), with a few that are not numbers at all.
    const ref = random() < 0.05 ? null : random() < 0.1 ? `X${pick(ids)}` : String(pick(ids));
    rightRows.push([
      ref,
      pick(['A', 'B', 'C', null]),
      pick(['1', '2', '3', null]),
      pick(['2026-11-16', '2026-11-17', null]),
      pick([true, false]),
      pick(tags),
      String(pick(ids)),
    ]);
  }
  const left = dataset('l', ['id:number', 'acct:text', 'qty:number', 'day:date', 'flag:boolean', 'tag:text', 'num:number'], leftRows);
  const right = dataset('r', ['ref:text', 'acct:text', 'qty:text', 'day:date', 'flag:boolean', 'tag:text', 'num:text'], rightRows);
  return { left, right };
}

describe('columnar join = rules/matcher.ts', () => {
  it('one pass on number against text keys, with duplicates and empty keys on both sides', () => {
    const { left, right } = generated(1, 3000);
    const rows = expectSameAsMatcher({ 'Match 1': 'id = ref' }, left, right);
    // The data exercised what it is meant to: pairs, duplicates each side, unmatched empty keys.
    expect(rows.some((r) => r.match === 'matched')).toBe(true);
    expect(rows.some((r) => r.duplicate === 'left')).toBe(true);
    expect(rows.some((r) => r.duplicate === 'right')).toBe(true);
    expect(rows.some((r) => r.match === 'left only' && r.left![0] === null)).toBe(true);
  });

  it('three passes, multi-field keys over text, numbers, dates and booleans', () => {
    const { left, right } = generated(2, 2000);
    const rows = expectSameAsMatcher(
      { 'Match 1': 'id = ref', 'Match 2': 'acct = acct, qty = qty, day = day, tag = tag', 'Match 3': 'flag = flag, num = num' },
      left,
      right,
    );
    expect(new Set(rows.map((r) => r.pass))).toEqual(new Set([1, 2, 3, null]));
  });

  it('hand-made: 123 matches "123", an empty key never matches, a key twice on a side is held out', () => {
    const left = dataset(
      'l',
      ['id:number', 'v:number'],
      [
        [123, 1],
        [null, 2],
        [7, 3],
        [7, 4],
        [8, 5],
      ],
    );
    const right = dataset(
      'r',
      ['ref:text', 'v:number'],
      [
        ['123', 1],
        ['', 2],
        ['7', 3],
        ['8', 4],
        ['8', 5],
      ],
    );
    const rows = expectSameAsMatcher({ 'Match 1': 'id = ref' }, left, right);
    expect(rows.map((r) => [r.match, r.key, r.duplicate])).toEqual([
      ['matched', 'p1:123', null],
      ['left only', 'left: | 2', null],
      ['left only', 'left:7', 'left'],
      ['left only', 'left:7', 'left'],
      ['left only', 'left:8', 'right'],
      ['right only', 'right: | 2', null],
      ['right only', 'right:7', 'left'],
      ['right only', 'right:8', 'right'],
      ['right only', 'right:8', 'right'],
    ]);
  });

  it('an aggregating side goes through the matcher and reads its folded rows', () => {
    const left = dataset(
      'l',
      ['block:text', 'qty:number'],
      [
        ['B1', 10],
        ['B1', 20],
        ['B2', 5],
        [null, 1],
      ],
    );
    const right = dataset(
      'r',
      ['block:text', 'qty:number'],
      [
        ['B1', 30],
        ['B3', 1],
      ],
    );
    const s = settingsOf({ 'Match 1': 'block = block', 'Aggregate Left': 'qty: SUM' });
    const joined = joinDatasets(s, toColumnar(left), toColumnar(right));
    expect(joined.folded).toBeDefined();
    const expected = matchDatasets(s, left, right);
    expect(joined.count).toBe(expected.length);
    expected.forEach((m, i) => {
      expect(joined.folded!.left[joined.left[i]] ?? null).toEqual(m.left);
      expect(joined.key(i)).toBe(m.key);
      expect(joined.leftCount[i]).toBe(m.leftCount);
    });
    expect(expected[0]).toMatchObject({ left: ['B1', 30], match: 'matched', leftCount: 2 });
  });
});
