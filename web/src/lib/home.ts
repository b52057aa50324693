/**
 * The home page's arithmetic: open breaks counted into age buckets from the queue's
 * "at least N days old" totals, each bucket's link to the queue, and the recent runs that
 * failed.
 */
import type { RunInfo } from './api';
import { viewQuery } from './queue';

/** Age buckets in whole days (the queue's `ageDays`); `max` null for the last, open-ended one. */
export const AGE_BUCKETS = [
  { label: '0-1 days', min: 0, max: 1 },
  { label: '2-5 days', min: 2, max: 5 },
  { label: '6-30 days', min: 6, max: 30 },
  { label: '>30 days', min: 31, max: null },
] as const;

/** The minimum ages to ask the queue's total for: one per bucket. */
export const BUCKET_MIN_AGES: number[] = AGE_BUCKETS.map((b) => b.min);

/**
 * Each bucket's count from the totals of breaks at least `BUCKET_MIN_AGES[i]` days old
 * (a bucket holds the breaks old enough for it and not for the next).
 * @example bucketCounts([10, 6, 2, 0]) // [4, 4, 2, 0]
 */
export function bucketCounts(atLeast: number[]): number[] {
  if (atLeast.length !== AGE_BUCKETS.length)
    throw new Error(`home bucketCounts: expected ${AGE_BUCKETS.length} totals (one per age bucket), got ${atLeast.length}`);
  return atLeast.map((total, i) => total - (atLeast[i + 1] ?? 0));
}

/**
 * The queue of a sheet's (or every sheet's) open breaks from `minAge` to `maxAge` days old
 * (both inclusive; null for no upper bound), youngest first: exactly one age bucket's breaks.
 */
export function openBreaksLink(sheetId?: number, minAge = 0, maxAge: number | null = null): string {
  const query = viewQuery({
    filter: {
      sheetId,
      status: 'open',
      kind: '',
      assignee: '',
      label: '',
      minAge: minAge ? String(minAge) : '',
      maxAge: maxAge === null ? '' : String(maxAge),
      q: '',
    },
    sort: 'age',
    // The queue's age order is by when a break began: descending puts the youngest first.
    order: 'desc',
    page: 0,
    size: 50,
  });
  return `#/queue?${query}`;
}

/** The queue of open items of one kind (e.g. `input anomaly`: a scheduled run that stopped on its inputs). */
export function openKindLink(kind: string): string {
  return `#/queue?${viewQuery({
    filter: { status: 'open', kind, assignee: '', label: '', minAge: '', q: '' },
    sort: 'age',
    order: 'asc',
    page: 0,
    size: 50,
  })}`;
}

export const RECENT_DAYS = 7;

/** Runs that failed within the last `days` days (by when they were queued), newest first. */
export function recentFailedRuns<R extends Pick<RunInfo, 'status' | 'queuedAt'>>(runs: R[], now: Date, days = RECENT_DAYS): R[] {
  const since = now.getTime() - days * 86_400_000;
  return runs
    .filter((r) => r.status === 'failed' && storedTime(r.queuedAt) >= since)
    .sort((a, b) => storedTime(b.queuedAt) - storedTime(a.queuedAt));
}

/** A stored time (`2026-12-01 21:16:00` in UTC, or ISO) as milliseconds. */
function storedTime(at: string): number {
  const iso = at.includes('T') ? at : `${at.replace(' ', 'T')}Z`;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`home: unreadable time "${at}"`);
  return ms;
}
