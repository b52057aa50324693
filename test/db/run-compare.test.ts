import { describe, expect, it } from 'vitest';
import { compareExceptionRows, type ExceptionRow } from '../../db/run-compare.js';

const row = (kind: string, key: string, values: Record<string, unknown>): ExceptionRow => ({ kind, key, values });

describe('compareExceptionRows', () => {
  it('reads from the first run to the second: added, removed, changed, unchanged by (kind, key)', () => {
    const before = [row('price', 'p1:B1', { px: 0.05 }), row('quantity', 'p1:B2', { qty: -100 }), row('commission', 'p1:B3', { c: 12.5 })];
    const after = [row('quantity', 'p1:B2', { qty: 100 }), row('commission', 'p1:B3', { c: 12.5 }), row('settle date', 'p1:B4', { d: 1 })];
    expect(compareExceptionRows(before, after)).toEqual({
      added: 1,
      removed: 1,
      changed: 1,
      unchanged: 1,
      items: [
        { kind: 'price', key: 'p1:B1', change: 'removed', before: [{ px: 0.05 }] },
        { kind: 'quantity', key: 'p1:B2', change: 'changed', before: [{ qty: -100 }], after: [{ qty: 100 }] },
        { kind: 'settle date', key: 'p1:B4', change: 'added', after: [{ d: 1 }] },
      ],
    });
  });

  it('treats one kind with another key, and one key with another kind, as other identities', () => {
    const result = compareExceptionRows([row('price', 'p1:B1', {})], [row('quantity', 'p1:B1', {})]);
    expect([result.added, result.removed, result.changed]).toEqual([1, 1, 0]);
  });

  it('compares an identity with several rows (a confirm sent twice) as the multiset of its rows', () => {
    const twice = [row('duplicate right key', 'right:B5642', { id: 'C1' }), row('duplicate right key', 'right:B5642', { id: 'C2' })];
    // The same two rows in the other order: unchanged.
    expect(compareExceptionRows(twice, [twice[1], twice[0]])).toMatchObject({ unchanged: 1, changed: 0, items: [] });
    // One of the two gone: the identity is still there, with other rows.
    expect(compareExceptionRows(twice, [twice[0]])).toMatchObject({
      changed: 1,
      items: [{ change: 'changed', before: [{ id: 'C1' }, { id: 'C2' }], after: [{ id: 'C1' }] }],
    });
    // The same row twice is not the two rows.
    expect(compareExceptionRows(twice, [twice[0], twice[0]]).changed).toBe(1);
  });

  it('compares values over the columns both runs have', () => {
    const before = [row('price', 'p1:B1', { px: 0.05 })];
    expect(compareExceptionRows(before, [row('price', 'p1:B1', { px: 0.05, note: 'new column' })]).unchanged).toBe(1);
  });
});
