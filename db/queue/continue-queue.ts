/**
 * Carries a sheet's exception queue forward by one succeeded run, inside the transaction
 * that records the run's outcome:
 *
 * - a break seen for the first time becomes an `open` item (or `closed` at once when a
 *   manual match already pairs its key);
 * - a break seen again continues its item: owner, label, comments and age are kept;
 *   an item a person `resolved`, or one that had `cleared`, is reopened, with a note, because
 *   the break is still (or again) there; force-closed and manually matched items stay closed;
 * - an item this run did not find is closed as `cleared`.
 *
 * Set-based SQL, so a run with 100k exceptions carries its queue in well under a second; the audit
 * entries of the items it opens are chained one by one (about 2 s for 100k new items, BENCHMARKS.md).
 */
import { appendAudit, appendAuditEntries } from '../audit.js';
import type { Db } from '../open.js';

export interface QueueChanges {
  opened: number;
  continued: number;
  reopened: number;
  cleared: number;
  matchedByHand: number;
}

type Client = Db['$client'];

export function continueQueue(db: Db, runId: number): QueueChanges {
  const client = db.$client;
  const run = client.prepare('SELECT sheet_id AS sheetId, queued_at AS at FROM runs WHERE id = ?').get(runId) as {
    sheetId: number;
    at: string;
  };
  const reappearing = idsWhere(
    client,
    `SELECT i.id FROM exception_items i JOIN run_exceptions e ON e.kind = i.kind AND e.key = i.key
     WHERE e.run_id = ? AND i.sheet_id = ? AND (i.status = 'resolved' OR (i.status = 'closed' AND i.close_reason = 'cleared'))`,
    runId,
    run.sheetId,
  );
  const before = (client.prepare('SELECT count(*) FROM exception_items WHERE sheet_id = ?').pluck().get(run.sheetId) as number) ?? 0;
  client
    .prepare(
      `INSERT INTO exception_items (sheet_id, kind, key, status, match, "values", first_seen_run_id, last_seen_run_id, first_seen_at, age_from, updated_at)
       SELECT ?, kind, key, 'open', match, "values", ?, ?, ?, coalesce(age_from, substr(?, 1, 10)), ?
       FROM run_exceptions WHERE run_id = ? AND true
       ON CONFLICT (sheet_id, kind, key) DO UPDATE SET
         last_seen_run_id = excluded.last_seen_run_id, "values" = excluded."values", match = excluded.match,
         version = exception_items.version + 1,
         age_from = CASE WHEN exception_items.age_from < excluded.age_from THEN exception_items.age_from ELSE excluded.age_from END`,
    )
    .run(run.sheetId, runId, runId, run.at, run.at, run.at, runId);
  // Items, not rows: a duplicate key's rows (the confirm sent twice) are one item.
  const seen = client
    .prepare('SELECT count(*) FROM (SELECT DISTINCT kind, key FROM run_exceptions WHERE run_id = ?)')
    .pluck()
    .get(runId) as number;
  const after = client.prepare('SELECT count(*) FROM exception_items WHERE sheet_id = ?').pluck().get(run.sheetId) as number;
  const opened = after - before;
  // Read first, then chained one by one: each entry's hash depends on the one before.
  const openedItems = client
    .prepare('SELECT id, kind, key FROM exception_items WHERE sheet_id = ? AND first_seen_run_id = ? ORDER BY id')
    .all(run.sheetId, runId) as { id: number; kind: string; key: string }[];
  appendAuditEntries(
    client,
    openedItems.map((item) => ({
      at: run.at,
      action: 'exception.open',
      entity: 'exception',
      entityId: item.id,
      after: { status: 'open', kind: item.kind, key: item.key, run: runId },
    })),
  );

  setStatus(client, reappearing, 'open', null, `still found by run ${runId}: reopened`, run.at);
  const matchedByHand = idsWhere(
    client,
    `SELECT i.id FROM exception_items i WHERE i.sheet_id = ? AND i.last_seen_run_id = ? AND i.status != 'closed'
     AND EXISTS (SELECT 1 FROM manual_matches m WHERE m.sheet_id = i.sheet_id AND (m.left_key = i.key OR m.right_key = i.key))`,
    run.sheetId,
    runId,
  );
  setStatus(client, matchedByHand, 'closed', 'manual_match', `kept matched by hand in run ${runId}`, run.at);
  const cleared = idsWhere(
    client,
    `SELECT id FROM exception_items WHERE sheet_id = ? AND status != 'closed' AND (last_seen_run_id IS NULL OR last_seen_run_id != ?)`,
    run.sheetId,
    runId,
  );
  setStatus(client, cleared, 'closed', 'cleared', `not found by run ${runId}: cleared`, run.at);
  return { opened, continued: seen - opened, reopened: reappearing.length, cleared: cleared.length, matchedByHand: matchedByHand.length };
}

function idsWhere(client: Client, query: string, ...args: unknown[]): number[] {
  return client
    .prepare(query)
    .pluck()
    .all(...args) as number[];
}

/** Moves items to a status, with a system comment and an audit row each (who: the system). */
function setStatus(client: Client, ids: number[], status: string, reason: string | null, note: string, at: string): void {
  if (!ids.length) return;
  const update = client.prepare(
    `UPDATE exception_items SET status = ?, close_reason = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
  );
  const read = client.prepare('SELECT status, close_reason AS closeReason FROM exception_items WHERE id = ?');
  const comment = client.prepare('INSERT INTO exception_comments (item_id, user_id, body, at) VALUES (?, NULL, ?, ?)');
  for (const id of ids) {
    const before = read.get(id);
    update.run(status, reason, at, id);
    comment.run(id, note, at);
    appendAudit(client, {
      at,
      action: `exception.${reason ?? 'reopen'}`,
      entity: 'exception',
      entityId: id,
      before,
      after: { status, closeReason: reason },
    });
  }
}
