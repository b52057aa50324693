/**
 * Finds the field of each role in a P&L input (trades, prices, FX rates) and reads its
 * values, so every bad value is a RuleError naming the dataset, its 1-based data row and
 * the field, as the dataset page numbers rows.
 */
import { RuleError } from '../errors.js';
import { isoToSerial } from '../field-values.js';
import { findField } from '../rows-layout.js';
import type { Dataset, FieldValue } from '../types.js';
import type { FieldMap } from './pnl-settings.js';

/** A role's column in the dataset, or -1 for an optional role with no field. */
export type RoleColumns<Role extends string> = Record<Role, number>;

/** The dataset a P&L setting names, found case-insensitively; a missing one names the setting. */
export function requirePnlDataset(datasets: Record<string, Dataset>, name: string, setting: string, row: number | undefined): Dataset {
  const found = datasets[name] ?? Object.entries(datasets).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  if (found) return found;
  const given = Object.keys(datasets).join(', ') || 'none';
  throw new RuleError('missing_dataset', `setting "${setting}" names dataset "${name}", which was not given (given: ${given})`, {
    sheet: 'Settings',
    ...(row ? { cell: `B${row}` } : {}),
    setting,
  });
}

/**
 * Each role's column: the field the map names, else the field of the role's own name. A
 * required role with no field, or a named field the dataset lacks, is an error naming both.
 */
export function roleColumns<Role extends string>(
  dataset: Dataset,
  roles: readonly Role[],
  optional: Set<string>,
  map: FieldMap<Role>,
  setting: { name: string; row?: number },
): RoleColumns<Role> {
  const out = {} as RoleColumns<Role>;
  for (const role of roles) {
    const named = map[role];
    const field = findField(dataset.columns, named ?? role);
    if (field) out[role] = dataset.columns.indexOf(field);
    else if (!named && optional.has(role)) out[role] = -1;
    else {
      const how = named
        ? `"${setting.name}" maps role "${role}" to "${named}"`
        : `role "${role}" has no field (name one in "${setting.name}")`;
      throw new RuleError(
        'unknown_field',
        `${how}, but dataset "${dataset.name}" has no field "${named ?? role}" (its fields: ${dataset.columns.map((c) => c.name).join(', ') || 'none'})`,
        {
          dataset: dataset.name,
          column: named ?? role,
          ...(setting.row ? { sheet: 'Settings', cell: `B${setting.row}`, setting: setting.name } : {}),
        },
      );
    }
  }
  return out;
}

/** Reads the values of one dataset, naming the place of every bad one. */
export class FieldReader {
  /** Serials of the date texts seen: a million trades fall on a few hundred dates. */
  private readonly serials = new Map<string, number | null>();

  constructor(readonly dataset: Dataset) {}

  /** A RuleError for data row `index` (0-based) and column `column`. */
  fault(index: number, column: number, message: string): RuleError {
    const field = this.dataset.columns[column]?.name;
    return new RuleError('bad_value', message, { dataset: this.dataset.name, row: index + 1, ...(field ? { column: field } : {}) });
  }

  raw(index: number, column: number): FieldValue {
    return column < 0 ? null : (this.dataset.rows[index][column] ?? null);
  }

  /** Non-empty text (numbers written as text: account 1001 is "1001"). */
  text(index: number, column: number, what: string): string {
    const value = this.raw(index, column);
    if (value === null || value === '') throw this.fault(index, column, `the ${what} is empty`);
    return typeof value === 'string' ? value.trim() : String(value);
  }

  number(index: number, column: number, what: string): number {
    const value = this.raw(index, column);
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw this.fault(
        index,
        column,
        `the ${what} ${value === null || value === '' ? 'is empty' : `${JSON.stringify(value)} is not a number`}`,
      );
    }
    return value;
  }

  /** An optional number: empty is `fallback`. */
  numberOr(index: number, column: number, what: string, fallback: number): number {
    const value = this.raw(index, column);
    return value === null || value === '' ? fallback : this.number(index, column, what);
  }

  /** The day (an Excel serial day number) of a date or date-time value, and its time of day in seconds. */
  date(index: number, column: number, what: string): { day: number; seconds: number } {
    const value = this.raw(index, column);
    let serial: number | null = null;
    if (typeof value === 'string') {
      const known = this.serials.get(value);
      serial = known !== undefined ? known : isoToSerial(value.trim());
      if (known === undefined && this.serials.size < 100_000) this.serials.set(value, serial);
    }
    if (serial === null) {
      throw this.fault(
        index,
        column,
        `the ${what} ${value === null || value === '' ? 'is empty' : `${JSON.stringify(value)} is not a date (YYYY-MM-DD)`}`,
      );
    }
    const day = Math.floor(serial);
    return { day, seconds: Math.round((serial - day) * 86_400) };
  }
}
