/**
 * The audit trail as JSON Lines for auditors (governance.md 6): one entry a line, in id
 * order, with every field the hash covers and the hash, so the chain can be checked
 * without Tickmark (docs/audit-trail.md has a standalone script).
 */
import type Database from 'better-sqlite3';
import type { StoredRow } from './audit-chain.js';

const PAGE = 5_000;

type Row = StoredRow;

/**
 * The trail up to its newest entry at the call, a page of lines at a time: each page is
 * read synchronously, so a slow download never holds the connection between pages.
 *
 * @example for (const lines of auditExportPages(db.$client)) response.write(lines);
 */
export function* auditExportPages(client: Database.Database): Generator<string> {
  const last = (client.prepare('SELECT max(id) FROM audit_log').pluck().get() as number | null) ?? 0;
  const page = client.prepare(
    `SELECT id, at, user_id AS userId, action, entity, entity_id AS entityId, before, after, hash FROM audit_log
     WHERE id > ? AND id <= ? ORDER BY id LIMIT ?`,
  );
  for (let afterId = 0; afterId < last;) {
    const rows = page.all(afterId, last, PAGE) as Row[];
    if (!rows.length) return;
    afterId = rows[rows.length - 1].id;
    yield rows.map((r) => `${JSON.stringify({ ...r, before: parsed(r.before), after: parsed(r.after) })}\n`).join('');
  }
}

/** Stored JSON as its value; text that is not JSON (never written by Tickmark) as that text. */
function parsed(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
