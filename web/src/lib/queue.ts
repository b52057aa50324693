/**
 * The exception queue's client-side helpers: types, the worklist's view (filter, sort, page)
 * to and from the page's URL, the filter as the API takes it, history entries in words, and
 * which fields of a break differ.
 */
import { shortTime } from './format';

export interface QueueItem {
  id: number;
  sheetId: number;
  sheetName: string;
  kind: string;
  key: string;
  status: 'open' | 'in_review' | 'resolved' | 'closed';
  closeReason: string | null;
  assignee: Person | null;
  label: string | null;
  match: string | null;
  values: unknown[];
  columns: string[];
  ageDays: number;
  comments: number;
  updatedAt: string;
  /** Sent back with a change: the server refuses it (409 `stale`) if the item moved since. */
  version: number;
}

/** One item a 409 `stale` names: it moved from the version a change was based on. */
export interface StaleItem {
  id: number;
  place: string;
  yourVersion: number;
  version: number;
  changedBy: string;
  changedAt: string;
}

/** "changed by Bob at 2026-12-02 00:40 since you opened it" for each stale item (the first few). */
export function staleText(stale: StaleItem[], since = 'since you opened it'): string {
  const one = (s: StaleItem) => `${s.id} was changed by ${s.changedBy} at ${shortTime(s.changedAt)}`;
  const shown = stale.slice(0, 3).map(one).join('; ');
  return `Exception ${shown}${stale.length > 3 ? ` and ${stale.length - 3} more` : ''} ${since}`;
}

export interface Person {
  id: number;
  email: string;
  name: string;
}

/** A comment or history entry's author: `user` is the e-mail (for hover), `userName` what is shown. */
export interface Authored {
  at: string;
  user: string | null;
  userName: string | null;
}

/** One change an uploaded spreadsheet would make (POST /api/queue/import?dryRun=true). */
export interface ImportChange {
  id: number;
  version: number;
  place: string;
  sheetName: string;
  kind: string;
  key: string;
  fields: { field: string; before: string | null; after: string | null }[];
}

export interface QueueFilter {
  sheetId?: number;
  /** Comma-separated statuses; empty for any. */
  status: string;
  kind: string;
  /** A user id, `none`, or empty for anyone. */
  assignee: string;
  label: string;
  /** Minimum age in days, as text; empty for any. */
  minAge: string;
  /** Maximum age in days (inclusive), as text; empty or absent for any. */
  maxAge?: string;
  q: string;
}

/** Everything the worklist's URL keeps, so a link or a reload opens the same list. */
export interface QueueView {
  filter: QueueFilter;
  sort: string;
  order: 'asc' | 'desc';
  page: number;
  size: number;
}

export const NOT_CLOSED = 'open,in_review,resolved';
export const PAGE_SIZES = [10, 25, 50, 100, 200];
const DEFAULT_VIEW: QueueView = {
  filter: { status: NOT_CLOSED, kind: '', assignee: '', label: '', minAge: '', q: '' },
  sort: 'age',
  order: 'asc',
  page: 0,
  size: 50,
};

/** The view a URL's query string describes; anything missing or unreadable is the default. */
export function readView(query: string): QueueView {
  const p = new URLSearchParams(query);
  const d = DEFAULT_VIEW;
  const number = (name: string) => (/^\d+$/.test(p.get(name) ?? '') ? Number(p.get(name)) : undefined);
  const status = p.get('status');
  return {
    filter: {
      sheetId: number('sheetId') || undefined,
      status: status === null ? d.filter.status : status === 'any' ? '' : status,
      kind: p.get('kind') ?? '',
      assignee: p.get('assignee') ?? '',
      label: p.get('label') ?? '',
      minAge: number('minAge') ? String(number('minAge')) : '',
      maxAge: number('maxAge') === undefined ? '' : String(number('maxAge')),
      q: p.get('q') ?? '',
    },
    sort: p.get('sort') ?? d.sort,
    order: p.get('order') === 'desc' ? 'desc' : 'asc',
    page: number('page') ?? 0,
    size: PAGE_SIZES.includes(number('size') ?? 0) ? number('size')! : d.size,
  };
}

/** The query string of a view, leaving defaults out so links stay short. */
export function viewQuery(v: QueueView): string {
  const p = new URLSearchParams(filterQuery(v.filter));
  if (!v.filter.status) p.set('status', 'any');
  else if (v.filter.status === NOT_CLOSED) p.delete('status');
  if (v.sort !== DEFAULT_VIEW.sort) p.set('sort', v.sort);
  if (v.order !== DEFAULT_VIEW.order) p.set('order', v.order);
  if (v.page) p.set('page', String(v.page));
  if (v.size !== DEFAULT_VIEW.size) p.set('size', String(v.size));
  return p.toString();
}

/** The filter as the list and export take it. */
export function filterQuery(f: QueueFilter): string {
  const params = new URLSearchParams();
  if (f.sheetId) params.set('sheetId', String(f.sheetId));
  if (f.status) params.set('status', f.status);
  if (f.kind) params.set('kind', f.kind);
  if (f.assignee) params.set('assignee', f.assignee);
  if (f.label) params.set('label', f.label);
  if (f.minAge) params.set('minAge', f.minAge);
  if (f.maxAge) params.set('maxAge', f.maxAge);
  if (f.q) params.set('q', f.q);
  return params.toString();
}

/** The filter as the bulk endpoint takes it. */
export function filterBody(f: QueueFilter): Record<string, string> {
  return Object.fromEntries([...new URLSearchParams(filterQuery(f)).entries()]);
}

const FIELD_WORDS: Record<string, string> = {
  status: 'status',
  close_reason: 'reason',
  assignee_id: 'owner',
  label: 'label',
};

/**
 * A history entry's changes in words, owners by name.
 * @example describeChange({ status: 'open' }, { status: 'resolved' }, names) // ['status: open → resolved']
 */
export function describeChange(before: unknown, after: unknown, names: Map<number, string>): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const word = (field: string, v: unknown) =>
    v === null || v === undefined
      ? field === 'assignee_id'
        ? 'nobody'
        : 'none'
      : field === 'assignee_id'
        ? (names.get(Number(v)) ?? `user ${v}`)
        : String(v).replace('_', ' ');
  return Object.keys(FIELD_WORDS)
    .filter((k) => k in a && a[k] !== b[k])
    .map((k) => `${FIELD_WORDS[k]}: ${word(k, b[k])} → ${word(k, a[k])}`);
}

export { shortTime };

/**
 * Indexes of value columns that disagree with their other side: `left.quantity` against
 * `right.quantity` (or against the one right column sharing its name's last part).
 */
export function differingColumns(columns: string[], values: unknown[]): Set<number> {
  const differing = new Set<number>();
  const field = (c: string) => c.replace(/^(left|right)\./, '').toLowerCase();
  columns.forEach((c, i) => {
    if (!c.startsWith('left.')) return;
    const j = columns.findIndex((d) => d.startsWith('right.') && field(d) === field(c));
    if (j < 0 || values[i] === null || values[j] === null) return;
    if (JSON.stringify(values[i]) !== JSON.stringify(values[j])) differing.add(i).add(j);
  });
  return differing;
}
