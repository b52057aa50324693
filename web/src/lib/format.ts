/** Display helpers for evaluated values. */
export function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'error' in (value as object)) return String((value as { error: string }).error);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
  return String(value);
}

/** A server message as a sentence on its own: capital first letter. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
