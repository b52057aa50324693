/** The exception queue's client-side helpers: types, filter to query string, which fields differ. */
export interface QueueItem {
  id: number;
  sheetId: number;
  sheetName: string;
  kind: string;
  key: string;
  status: 'open' | 'in_review' | 'resolved' | 'closed';
  closeReason: string | null;
  assignee: { id: number; email: string; name: string } | null;
  label: string | null;
  match: string | null;
  values: unknown[];
  columns: string[];
  ageDays: number;
  comments: number;
}

export interface QueueFilter {
  sheetId?: number;
  status: string;
  assignee: string;
  kind: string;
  q: string;
}

export function filterQuery(f: QueueFilter): string {
  const params = new URLSearchParams();
  if (f.sheetId) params.set('sheetId', String(f.sheetId));
  if (f.status) params.set('status', f.status);
  if (f.assignee) params.set('assignee', f.assignee);
  if (f.kind) params.set('kind', f.kind);
  if (f.q) params.set('q', f.q);
  return params.toString();
}

/** The filter as the bulk endpoint takes it. */
export function filterBody(f: QueueFilter): Record<string, string> {
  return Object.fromEntries([...new URLSearchParams(filterQuery(f)).entries()]);
}

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
