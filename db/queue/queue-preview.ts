/**
 * A dry run of queue changes: what each would do to its item, field by field, before → after,
 * in words a person reads (statuses as written, owners by name), with nothing written. The
 * same validation as applying, so a preview that passes applies unless an item moves meanwhile.
 */
import type { Db } from '../open.js';
import { planChanges, type ChangeError, type ItemChange, type ItemState } from './queue.service.js';

export interface PreviewField {
  field: 'Status' | 'Owner' | 'Label' | 'Comment';
  before: string | null;
  after: string | null;
}

export interface PreviewChange {
  id: number;
  place: string;
  sheetName: string;
  kind: string;
  key: string;
  /** The item's version the preview saw: sent back with the apply, which refuses (409) if it moved since. */
  version: number;
  fields: PreviewField[];
}

/** The changes that alter their item, item by item; `unchanged` counts the ones that would do nothing. */
export function previewChanges(db: Db, changes: ItemChange[], known: ChangeError[] = []): { changes: PreviewChange[]; unchanged: number } {
  const planned = planChanges(db, changes, known);
  const names = new Map(db.$client.prepare('SELECT id, name FROM users').raw().all() as [number, string][]);
  const owner = (s: ItemState) => (s.assignee_id === null ? null : (names.get(s.assignee_id) ?? `user ${s.assignee_id}`));
  const status = (s: ItemState) => s.status.replace('_', ' ');
  return {
    changes: planned.map(({ change, item, next, comment }) => {
      const fields: PreviewField[] = [];
      const add = (field: PreviewField['field'], before: string | null, after: string | null) => {
        if (before !== after) fields.push({ field, before, after });
      };
      add('Status', status(item), status(next));
      add('Owner', owner(item), owner(next));
      add('Label', item.label, next.label);
      if (comment) fields.push({ field: 'Comment', before: null, after: comment });
      return {
        id: item.id,
        place: change.place ?? `item ${item.id}`,
        sheetName: item.sheet_name,
        kind: item.kind,
        key: item.key,
        version: item.version,
        fields,
      };
    }),
    unchanged: changes.length - planned.length,
  };
}
