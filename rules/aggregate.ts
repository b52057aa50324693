/**
 * Folds the rows of one side that share a matching key into one row (contract 1.1,
 * `Aggregate Left` / `Aggregate Right`): blocks vs allocations, N:1 and 1:N.
 */
import { RuleError } from './errors.js';
import type { Aggregate } from './settings.js';
import type { DatasetColumn, FieldValue } from './types.js';
import { findField } from './rows-layout.js';

export interface ResolvedAggregate extends Aggregate {
  column: number;
  weightColumn?: number;
  /** The Settings cell that declared it, for error messages. */
  cell?: string;
}

/** Checks every aggregated field exists; throws naming the Settings cell. */
export function resolveAggregates(
  aggregates: Aggregate[],
  columns: DatasetColumn[],
  dataset: string,
  settingsRow: number | undefined,
): ResolvedAggregate[] {
  const place = { sheet: 'Settings', cell: settingsRow ? `B${settingsRow}` : undefined };
  const index = (name: string) => {
    const field = findField(columns, name);
    if (!field) throw new RuleError('unknown_field', `aggregate field "${name}" is not a field of "${dataset}"`, place);
    return columns.indexOf(field);
  };
  const numeric = (name: string, fn: string) => {
    const column = index(name);
    if (columns[column].type !== 'number') {
      throw new RuleError(
        'bad_value',
        `${fn} of "${columns[column].name}" in "${dataset}" needs numbers, but the field holds ${columns[column].type}`,
        place,
      );
    }
  };
  for (const agg of aggregates) {
    if (agg.fn === 'SUM' || agg.fn === 'AVG' || agg.fn === 'WAVG') numeric(agg.field, agg.fn);
    if (agg.weight) numeric(agg.weight, 'WAVG weight');
  }
  return aggregates.map((agg) => ({
    ...agg,
    column: index(agg.field),
    ...(agg.weight ? { weightColumn: index(agg.weight) } : {}),
    cell: place.cell,
  }));
}

/**
 * One row standing for `rows`. Aggregated fields get their function's value; other fields
 * keep their value when every folded row agrees, and are empty when they differ.
 */
export function foldRows(rows: FieldValue[][], width: number, aggregates: ResolvedAggregate[], dataset: string): FieldValue[] {
  if (rows.length === 1) return rows[0];
  const out: FieldValue[] = new Array(width);
  for (let c = 0; c < width; c++) {
    const first = rows[0][c];
    out[c] = rows.every((r) => r[c] === first) ? first : null;
  }
  for (const agg of aggregates) out[agg.column] = aggregateColumn(rows, agg, dataset);
  return out;
}

function aggregateColumn(rows: FieldValue[][], agg: ResolvedAggregate, dataset: string): FieldValue {
  const values = rows.map((r) => r[agg.column]).filter((v) => v !== null && v !== '');
  switch (agg.fn) {
    case 'FIRST':
      return rows[0][agg.column] ?? null;
    case 'COUNT':
      return values.length;
    case 'MIN':
    case 'MAX': {
      if (values.length === 0) return null;
      const pick =
        agg.fn === 'MIN'
          ? (a: FieldValue, b: FieldValue) => (compare(a, b) <= 0 ? a : b)
          : (a: FieldValue, b: FieldValue) => (compare(a, b) >= 0 ? a : b);
      return values.reduce(pick);
    }
    case 'SUM':
      return numbers(values, agg, dataset).reduce((a, b) => a + b, 0);
    case 'AVG': {
      const nums = numbers(values, agg, dataset);
      return nums.length ? nums.reduce((a, b) => a + b, 0) / nums.length : null;
    }
    case 'WAVG': {
      let weighted = 0;
      let weights = 0;
      for (const row of rows) {
        const v = row[agg.column];
        const w = row[agg.weightColumn!];
        if (v === null || w === null) continue;
        if (typeof v !== 'number' || typeof w !== 'number') throw notNumber(agg, typeof v !== 'number' ? v : w, dataset);
        weighted += v * w;
        weights += w;
      }
      return weights === 0 ? null : weighted / weights;
    }
  }
}

function numbers(values: FieldValue[], agg: ResolvedAggregate, dataset: string): number[] {
  return values.map((v) => {
    if (typeof v !== 'number') throw notNumber(agg, v, dataset);
    return v;
  });
}

function notNumber(agg: ResolvedAggregate, value: FieldValue, dataset: string): RuleError {
  return new RuleError('bad_value', `${agg.fn} of "${agg.field}" in "${dataset}" needs numbers, found ${JSON.stringify(value)}`, {
    sheet: 'Settings',
    cell: agg.cell,
  });
}

function compare(a: FieldValue, b: FieldValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}
