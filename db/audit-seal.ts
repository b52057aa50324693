/**
 * Seals a trail written before the hash chain existed (governance.md 6): at open, a trail
 * with entries but no hash at all has every entry chained once, in id order. A trail with
 * any hash is never sealed again, so an entry without one is a break that verify reports.
 */
import type Database from 'better-sqlite3';
import { entryHash, GENESIS, type StoredEntry } from './audit-chain.js';

const PAGE = 10_000;

/**
 * Chains the legacy entries, in one immediate transaction (the run worker may open the
 * file at the same moment: the second opener finds hashes and does nothing). Migration 0006
 * allows exactly this update: setting the hash of an entry that has none. Stops at an entry
 * whose `before`/`after` is not JSON, leaving it and those after it for verify to report.
 * Returns how many entries were sealed.
 */
export function sealLegacyAuditTrail(client: Database.Database): number {
  const nothingToSeal = client.prepare(
    'SELECT NOT EXISTS (SELECT 1 FROM audit_log) OR EXISTS (SELECT 1 FROM audit_log WHERE hash IS NOT NULL)',
  );
  // Asked first without the write lock: every start after the first finds the chain at once.
  if (nothingToSeal.pluck().get()) return 0;
  return client
    .transaction(() => {
      if (nothingToSeal.pluck().get()) return 0;
      const page = client.prepare(
        `SELECT id, at, user_id AS userId, action, entity, entity_id AS entityId, before, after FROM audit_log
         WHERE id > ? ORDER BY id LIMIT ?`,
      );
      const seal = client.prepare('UPDATE audit_log SET hash = ? WHERE id = ?');
      let previous = GENESIS;
      let count = 0;
      for (let afterId = 0; ;) {
        const rows = page.all(afterId, PAGE) as StoredEntry[];
        if (!rows.length) return count;
        for (const row of rows) {
          try {
            previous = entryHash(previous, row);
          } catch {
            return count;
          }
          seal.run(previous, row.id);
          count += 1;
          afterId = row.id;
        }
      }
    })
    .immediate();
}
