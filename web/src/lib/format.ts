/** Display helpers for evaluated values. */
export function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'error' in (value as object)) return String((value as { error: string }).error);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
  return String(value);
}

/** "2026-12-01 21:16" from a stored ISO time (UTC, as every list shows times). */
export const shortTime = (at: string): string => at.slice(0, 16).replace('T', ' ');

/** A server message as a sentence on its own: capital first letter. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
