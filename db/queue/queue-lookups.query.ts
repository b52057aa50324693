/**
 * Reads the worklist needs besides the items themselves: the comments of every item a filter
 * selects (for the export), the kinds and labels there are to filter by, and which of a set
 * of ids a filter still selects (so the page can say which selected items left the filter).
 */
import type { Db } from '../open.js';
import { filterSql, type QueueFilter } from './queue.query.js';

export interface ExportComment {
  at: string;
  /** The author's name; null for Tickmark's own notes (a run reopening or clearing). */
  userName: string | null;
  body: string;
}

/** Every comment of the items `filter` selects, by item id, oldest first. */
export function commentsByItem(db: Db, filter: QueueFilter): Map<number, ExportComment[]> {
  const { where, args } = filterSql(filter);
  const rows = db.$client
    .prepare(
      `SELECT c.item_id AS itemId, c.at, u.name AS userName, c.body FROM exception_comments c
       JOIN exception_items i ON i.id = c.item_id LEFT JOIN users u ON u.id = c.user_id
       WHERE ${where} ORDER BY c.item_id, c.id`,
    )
    .all(...args) as (ExportComment & { itemId: number })[];
  const byItem = new Map<number, ExportComment[]>();
  for (const { itemId, ...comment } of rows) {
    const list = byItem.get(itemId) ?? [];
    list.push(comment);
    byItem.set(itemId, list);
  }
  return byItem;
}

/** The kinds and labels present among the items of one sheet (or all), for the filter's choices. */
export function queueFacets(db: Db, sheetId?: number): { kinds: string[]; labels: string[] } {
  const { where, args } = filterSql({ sheetId });
  const distinct = (column: string) =>
    db.$client
      .prepare(`SELECT DISTINCT ${column} FROM exception_items i WHERE ${where} AND ${column} IS NOT NULL ORDER BY 1`)
      .pluck()
      .all(...args) as string[];
  return { kinds: distinct('i.kind'), labels: distinct('i.label') };
}

/** The ids `filter` selects, in id order. */
export function idsMatching(db: Db, filter: QueueFilter): number[] {
  const { where, args } = filterSql(filter);
  return db.$client
    .prepare(`SELECT i.id FROM exception_items i WHERE ${where} ORDER BY i.id`)
    .pluck()
    .all(...args) as number[];
}
