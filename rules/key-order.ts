/**
 * The natural order of match keys, for the live preview's key range: numbers by value,
 * text by its characters with runs of digits read as numbers (`B999` before `B1000`),
 * field by field for keys of several fields. Dates are ISO text, so they sort as dates.
 */
import type { FieldValue } from './types.js';

const text = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

/** Negative when key `a` comes before `b`, 0 when they are in the same place. */
export function compareKeys(a: readonly FieldValue[], b: readonly FieldValue[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const order = compareValues(a[i] ?? null, b[i] ?? null);
    if (order !== 0) return order;
  }
  return 0;
}

function compareValues(a: FieldValue, b: FieldValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return text.compare(String(a), String(b));
}
