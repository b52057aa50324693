/**
 * The run dialog's parameters: each `Param NAME` setting of the version to run, with its
 * default shown as the author typed it (a date as a date), and the values a person types
 * read back as the engine's parameter values. Only values that differ from the default are
 * sent, so a run's record shows what was overridden.
 */
import { serialToIso } from '../../../rules/field-values';
import { readSettings } from '../../../rules/settings';
import type { ParamValue } from '../../../rules/types';
import { findSheet, type Workbook } from '../../../rules/workbook';

export interface ParamField {
  name: string;
  kind: 'number' | 'date' | 'boolean' | 'text';
  /** The default as the dialog shows it: `2026-11-20`, `0.5`, `TRUE`, text. */
  initial: string;
}

/** The version's parameters in Settings order; none when its Settings cannot be read (the run then says why). */
export function declaredParams(workbook: Workbook): ParamField[] {
  let settings;
  try {
    settings = readSettings(workbook);
  } catch {
    return [];
  }
  const formats = findSheet(workbook, 'Settings')?.formats ?? {};
  return Object.entries(settings.params).map(([name, value]) => {
    const row = settings.rows[`param ${name.toLowerCase()}`];
    const format = row ? (formats[`${row - 1},1`] ?? '') : '';
    if (typeof value === 'number' && isDateFormat(format)) return { name, kind: 'date', initial: serialToIso(value) };
    if (typeof value === 'number') return { name, kind: 'number', initial: String(value) };
    if (typeof value === 'boolean') return { name, kind: 'boolean', initial: value ? 'TRUE' : 'FALSE' };
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { name, kind: 'date', initial: value };
    return { name, kind: 'text', initial: value };
  });
}

/** A number format that shows a date (`yyyy-mm-dd`, `d-mmm-yy`), not a time or a plain number. */
function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]/g, '');
  return /[dy]/i.test(bare);
}

/**
 * The overrides to send: each value that differs from its default, as the engine reads it.
 * Throws an Error naming the parameter when a value cannot be read as its kind.
 */
export function paramOverrides(fields: ParamField[], typed: Record<string, string>): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const field of fields) {
    const text = (typed[field.name] ?? field.initial).trim();
    if (text === field.initial) continue;
    out[field.name] = readParam(field, text);
  }
  return out;
}

function readParam(field: ParamField, text: string): ParamValue {
  if (field.kind === 'number') {
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) throw new Error(`parameter ${field.name}: "${text}" is not a number`);
    return value;
  }
  if (field.kind === 'date') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new Error(`parameter ${field.name}: "${text}" is not a date (YYYY-MM-DD)`);
    return text;
  }
  if (field.kind === 'boolean') return text.toUpperCase() === 'TRUE';
  return text;
}
