/**
 * The audit trail's hash chain (governance.md 6), defined once for writing, sealing legacy
 * entries and verifying; docs/audit-trail.md states the same definition for auditors.
 *
 * An entry's canonical JSON is the object `{ action, after, at, before, entity, entityId,
 * id, userId }` in the JSON Canonicalization Scheme (RFC 8785): object keys sorted by UTF-16
 * code units at every level, no whitespace, strings and numbers exactly as ECMAScript's
 * `JSON.stringify` writes them. `before` and `after` are the stored JSON values (null when
 * absent). `hash = hex(SHA-256(UTF-8(previous hash + canonical JSON)))`, the previous hash
 * of the first entry being 64 zeros.
 */
import { createHash } from 'node:crypto';

/** What the chain covers of an entry, as stored: `before`/`after` are JSON text or null. */
export interface StoredEntry {
  id: number;
  at: string;
  userId: number | null;
  action: string;
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
}

/** A stored entry with its hash (null for a legacy entry not yet sealed, or a forged one). */
export type StoredRow = StoredEntry & { hash: string | null };

/** The same row as its columns in table order, as inserted and as read with `.raw()`. */
export type StoredTuple = [
  id: number,
  at: string,
  userId: number | null,
  action: string,
  entity: string,
  entityId: string,
  before: string | null,
  after: string | null,
  hash: string | null,
];

/** The hash the first entry chains from. */
export const GENESIS = '0'.repeat(64);

/**
 * `value` as RFC 8785 canonical JSON, with `JSON.stringify`'s handling of what JSON has no
 * form for (`toJSON`, `undefined` members left out, `undefined` in arrays as null).
 *
 * @example canonicalJson({ b: [1, 2.50], a: 'x' }) // '{"a":"x","b":[1,2.5]}'
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

// Strings built in place rather than arrays joined: a verify runs this twice per entry.
function write(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return write((value as { toJSON: () => unknown }).toJSON());
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i += 1) text += `${i ? ',' : ''}${write(value[i]) ?? 'null'}`;
    return `${text}]`;
  }
  const keys = Object.keys(value);
  // The default sort compares UTF-16 code units, which is what RFC 8785 asks for.
  if (keys.length > 1) keys.sort();
  let text = '{';
  for (const key of keys) {
    const member = write((value as Record<string, unknown>)[key]);
    if (member !== undefined) text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${member}`;
  }
  return `${text}}`;
}

/** Stored JSON text in canonical form; throws a SyntaxError when the text is not JSON. */
export function canonicalText(text: string | null): string {
  return text === null ? 'null' : canonicalJson(JSON.parse(text));
}

/**
 * The entry's canonical JSON, given `before` and `after` already canonical. Keys are written
 * in their sorted order by hand: this runs a million times in a verify.
 */
export function canonicalEntry(entry: Omit<StoredEntry, 'before' | 'after'>, before: string, after: string): string {
  return (
    `{"action":${JSON.stringify(entry.action)},"after":${after},"at":${JSON.stringify(entry.at)},"before":${before}` +
    `,"entity":${JSON.stringify(entry.entity)},"entityId":${JSON.stringify(entry.entityId)},"id":${JSON.stringify(entry.id)}` +
    `,"userId":${entry.userId === null ? 'null' : JSON.stringify(entry.userId)}}`
  );
}

/** SHA-256 (hex) of the previous hash followed by the canonical JSON. */
export function chainHash(previous: string, canonical: string): string {
  return createHash('sha256').update(previous).update(canonical).digest('hex');
}

/** The hash a stored entry must carry after `previous`; throws when `before`/`after` is not JSON. */
export function entryHash(previous: string, entry: StoredEntry): string {
  return chainHash(previous, canonicalEntry(entry, canonicalText(entry.before), canonicalText(entry.after)));
}
