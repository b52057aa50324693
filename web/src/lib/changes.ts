/**
 * Before and after in words: an audit entry's change and a compared exception's, as
 * `field: old → new` for what differs.
 */
import { show } from './format';

const MAX = 60;

function short(value: unknown): string {
  const text = value !== null && typeof value === 'object' && !('error' in value) ? JSON.stringify(value) : show(value);
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text === '' ? '""' : text;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The fields that differ between two values, `name: before → after`, one each; a field only
 * on one side is shown as set or gone.
 *
 * @example changeLines({ status: 'draft' }, { status: 'submitted', note: 'x' }) // ['status: draft → submitted', 'note: x']
 */
export function changeLines(before: unknown, after: unknown): string[] {
  if (isRecord(before) && isRecord(after)) {
    const lines: string[] = [];
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const [b, a] = [before[key], after[key]];
      if (JSON.stringify(b) === JSON.stringify(a)) continue;
      if (!(key in before) || b === null || b === undefined) {
        if (a !== null && a !== undefined) lines.push(`${key}: ${short(a)}`);
      } else if (!(key in after) || a === undefined) lines.push(`${key}: ${short(b)} → (gone)`);
      else lines.push(`${key}: ${short(b)} → ${short(a)}`);
    }
    return lines;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    // One row each side (an exception's identity usually has one): its fields that differ.
    if (before.length === 1 && after.length === 1) return changeLines(before[0], after[0]);
    const lines: string[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++)
      if (JSON.stringify(before[i]) !== JSON.stringify(after[i]))
        lines.push(...changeLines(before[i] ?? null, after[i] ?? null).map((line) => `row ${i + 1}: ${line}`));
    return lines;
  }
  if (before === null || before === undefined) return isRecord(after) ? changeLines({}, after) : after === undefined ? [] : [short(after)];
  if (after === null || after === undefined)
    return isRecord(before) ? Object.entries(before).map(([k, v]) => `${k}: ${short(v)}`) : [short(before)];
  return [`${short(before)} → ${short(after)}`];
}

/**
 * What both sides share, as context for the change: `version: 2` when a version's state moved.
 *
 * @example unchangedText({ version: 2, status: 'draft' }, { version: 2, status: 'submitted' }) // 'version: 2'
 */
export function unchangedText(before: unknown, after: unknown): string {
  if (!isRecord(before) || !isRecord(after)) return '';
  return Object.keys(before)
    .filter((key) => key in after && JSON.stringify(before[key]) === JSON.stringify(after[key]) && typeof before[key] !== 'object')
    .map((key) => `${key}: ${short(before[key])}`)
    .join(', ');
}

/**
 * An exception's identity key as a person reads it: a match key without the pass that made
 * it (`p1:B5331` is block B5331), a compound key's parts joined by ` · `.
 *
 * @example keyText('p1:B5331') // 'B5331'
 */
export function keyText(key: unknown): string {
  if (Array.isArray(key)) return key.map(show).join(' · ');
  if (isRecord(key)) return Object.values(key).map(show).join(' · ');
  return show(key).replace(/^p\d+:/, '');
}
