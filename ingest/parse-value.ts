/**
 * Reads one text value the way the contract's type inference does: numbers (leading
 * minus, decimal point, optional thousands separators), dates (`YYYY-MM-DD`,
 * `MM/DD/YYYY`, with or without a time), booleans, otherwise text.
 */
import type { FieldType, FieldValue } from '../rules/types.js';

const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** The number a text means, or null. "00123" is an identifier, not a number. */
export function parseNumber(text: string): number | null {
  const plain = plainNumber(text);
  if (plain !== undefined) return plain;
  if (!NUMBER.test(text) || !/\d/.test(text)) return null;
  if (/^[-+]?0\d/.test(text)) return null;
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

/**
 * The common case without a regular expression (a million quantities are parsed per
 * import): `-?digits[.digits]` with no leading zero before a digit. Undefined: not that
 * shape, so the full rule above decides.
 */
function plainNumber(text: string): number | undefined {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0; // a leading minus
  const first = i;
  let dot = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && dot < 0) dot = i;
    else if (c < 48 || c > 57) return undefined;
  }
  if (dot === first || dot === n - 1 || n === first) return undefined;
  if (text.charCodeAt(first) === 48 && first + 1 < n && dot !== first + 1) return undefined;
  return Number(text);
}

/** The ISO date (or date-time) a text means, or null. */
export function parseDate(text: string): string | null {
  const iso = ISO.exec(text);
  const us = iso ? null : US.exec(text);
  const m = iso ?? us;
  if (!m) return null;
  const [year, month, day] = iso ? [m[1], m[2], m[3]] : [m[3], m[1], m[2]];
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  const date = `${year}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (m[4] === undefined) return date;
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const s = Number(m[6] ?? '0');
  if (h > 23 || mi > 59 || s > 59) return null;
  const time = `${String(h).padStart(2, '0')}:${m[5]}:${String(s).padStart(2, '0')}`;
  return time === '00:00:00' ? date : `${date}T${time}`;
}

/** TRUE/FALSE in any case, or null. */
export function parseBoolean(text: string): boolean | null {
  const lower = text.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : null;
}

/** The typed value of `text` as a column of `type`, or undefined when it cannot be read. */
export function parseAs(text: string, type: FieldType): FieldValue | undefined {
  if (text === '') return null;
  switch (type) {
    case 'text':
      return text;
    case 'number':
      return parseNumber(text.trim()) ?? undefined;
    case 'date':
      return parseDate(text.trim()) ?? undefined;
    case 'boolean':
      return parseBoolean(text.trim()) ?? undefined;
  }
}

export const FIELD_TYPES: readonly FieldType[] = ['number', 'date', 'boolean', 'text'];
