/**
 * Verifies the audit trail's hash chain (governance.md 6): recomputes every entry's hash
 * in id order from the stored columns and names the first entry that does not match. Used
 * by `GET /api/audit/verify` and `tickmark audit verify`, which opens the file itself.
 */
import type Database from 'better-sqlite3';
import { canonicalEntry, canonicalText, chainHash, GENESIS, type StoredTuple } from './audit-chain.js';

/** The answer: intact with its entry count and head hash, or broken at an entry id. */
export type AuditVerdict = { ok: true; entries: number; head: string } | { ok: false; entries: number; brokenAt: number };

const PAGE = 20_000;

/**
 * Walks every entry up to the newest one at the start, a page at a time with
 * better-sqlite3's `iterate()` (no ORM, rows as arrays) and a pause between pages, so a
 * server verifying a million entries keeps answering. An entry breaks the chain when its
 * stored hash is not SHA-256(the previous stored hash + its canonical JSON): its content
 * was edited, an entry before it was removed, it was inserted out of order, it has no hash,
 * or its `before`/`after` is not JSON.
 *
 * @example const verdict = await verifyAuditTrail(db.$client); // { ok: true, entries: 42, head: '9f…' }
 */
export async function verifyAuditTrail(client: Database.Database, options: { pageSize?: number } = {}): Promise<AuditVerdict> {
  const last = (client.prepare('SELECT max(id) FROM audit_log').pluck().get() as number | null) ?? 0;
  const page = client
    .prepare(
      `SELECT id, at, user_id, action, entity, entity_id, before, after, hash FROM audit_log
       WHERE id > ? AND id <= ? ORDER BY id LIMIT ?`,
    )
    .raw();
  let previous = GENESIS;
  let afterId = 0;
  let entries = 0;
  let brokenAt: number | undefined;
  pages: while (afterId < last) {
    const counted = entries;
    for (const row of page.iterate(afterId, last, options.pageSize ?? PAGE) as IterableIterator<StoredTuple>) {
      const [id, at, userId, action, entity, entityId, before, after, hash] = row;
      if (hash === null || hash !== expectedHash(previous, { id, at, userId, action, entity, entityId }, before, after)) {
        brokenAt = id;
        break pages;
      }
      previous = hash;
      afterId = id;
      entries += 1;
    }
    if (entries === counted) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  // Counted once the page's iterator is closed: better-sqlite3 runs one statement at a time.
  if (brokenAt !== undefined) return { ok: false, entries: countUpTo(client, last), brokenAt };
  return { ok: true, entries, head: previous };
}

function expectedHash(
  previous: string,
  entry: Parameters<typeof canonicalEntry>[0],
  before: string | null,
  after: string | null,
): string | null {
  try {
    return chainHash(previous, canonicalEntry(entry, canonicalText(before), canonicalText(after)));
  } catch {
    return null; // stored text that is not JSON matches no hash
  }
}

function countUpTo(client: Database.Database, last: number): number {
  return client.prepare('SELECT count(*) FROM audit_log WHERE id <= ?').pluck().get(last) as number;
}
