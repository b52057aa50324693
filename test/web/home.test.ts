import { describe, expect, it } from 'vitest';
import { bucketCounts, openBreaksLink, openKindLink, recentFailedRuns } from '../../web/src/lib/home.js';
import { readView } from '../../web/src/lib/queue.js';

describe('home page arithmetic', () => {
  it('counts each age bucket from the "at least N days" totals', () => {
    expect(bucketCounts([10, 6, 2, 0])).toEqual([4, 4, 2, 0]);
    expect(bucketCounts([3, 3, 3, 3])).toEqual([0, 0, 0, 3]);
    expect(() => bucketCounts([1, 0])).toThrow(/home bucketCounts: expected 4 totals/);
  });

  it("links to the queue's open breaks of a sheet from an age, as the queue reads its URL", () => {
    const link = openBreaksLink(7, 6);
    expect(link.startsWith('#/queue?')).toBe(true);
    const view = readView(link.split('?')[1]);
    expect(view.filter).toMatchObject({ sheetId: 7, status: 'open', minAge: '6' });
    expect([view.sort, view.order]).toEqual(['age', 'desc']);
    expect(readView(openBreaksLink().split('?')[1]).filter).toMatchObject({ sheetId: undefined, status: 'open', minAge: '' });
    expect(readView(openBreaksLink(7, 2, 5).split('?')[1]).filter).toMatchObject({ sheetId: 7, minAge: '2', maxAge: '5' });
    expect(readView(openBreaksLink(7, 0, 1).split('?')[1]).filter).toMatchObject({ minAge: '', maxAge: '1' });
    expect(readView(openBreaksLink(7, 31, null).split('?')[1]).filter).toMatchObject({ minAge: '31', maxAge: '' });
    expect(readView(openKindLink('input anomaly').split('?')[1]).filter).toMatchObject({ kind: 'input anomaly', status: 'open' });
  });

  it('keeps the failed runs of the last 7 days, newest first', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const runs = [
      { id: 1, status: 'failed' as const, queuedAt: '2026-11-30T09:00:00.000Z' },
      { id: 2, status: 'succeeded' as const, queuedAt: '2026-12-01T09:00:00.000Z' },
      { id: 3, status: 'failed' as const, queuedAt: '2026-11-20T09:00:00.000Z' },
      { id: 4, status: 'failed' as const, queuedAt: '2026-12-01 10:00:00' },
    ];
    expect(recentFailedRuns(runs, now).map((r) => r.id)).toEqual([4, 1]);
    expect(() => recentFailedRuns([{ status: 'failed', queuedAt: 'yesterday' }], now)).toThrow(/unreadable time "yesterday"/);
  });
});
