/**
 * Reading a run's datasets cell by cell without caring how they are held: row-major
 * (`Dataset`) or by column (`ColumnarDataset`, issue 14). The compiled run reads each input
 * column through a reader made once per column, so a million rows cost no per-row objects.
 */
import { fieldAt, isColumnar, type ColumnarDataset } from './columnar/types.js';
import type { EngineScalar } from './compiled/api.js';
import { isoToSerial } from './field-values.js';
import type { Dataset, DatasetColumn, FieldType, FieldValue } from './types.js';

export type AnyDataset = Dataset | ColumnarDataset;

/** Row count of either shape. */
export function rowCount(dataset: AnyDataset): number {
  return isColumnar(dataset) ? dataset.length : dataset.rows.length;
}

/** The typed value of one cell (dates as ISO text), as the row-major `Dataset` holds it. */
export function cellOf(dataset: AnyDataset, column: number, row: number): FieldValue {
  return isColumnar(dataset) ? fieldAt(dataset.data[column], row) : (dataset.rows[row][column] ?? null);
}

/** The row-major form, for the parts of the engine that read rows (lookups, reports, aggregation). */
export function toRows(dataset: AnyDataset): Dataset {
  if (!isColumnar(dataset)) return dataset;
  const width = dataset.columns.length;
  const rows: FieldValue[][] = new Array(dataset.length);
  for (let r = 0; r < dataset.length; r++) {
    const row: FieldValue[] = new Array(width);
    for (let c = 0; c < width; c++) row[c] = fieldAt(dataset.data[c], r);
    rows[r] = row;
  }
  return { name: dataset.name, columns: dataset.columns, rows };
}

/** Every dataset in row-major form. */
export function allRows(datasets: Record<string, AnyDataset>): Record<string, Dataset> {
  return Object.fromEntries(Object.entries(datasets).map(([name, d]) => [name, toRows(d)]));
}

/**
 * One input column's values by row: `field` as results show them, `engine` as a formula
 * sees them (what rules/field-values.ts fieldToCell writes into HyperFormula, without the
 * apostrophe that keeps text as text: empty text is an empty cell, a date its serial).
 */
export interface ColumnReader {
  type: FieldType;
  field(row: number): FieldValue;
  engine(row: number): EngineScalar;
}

/** A reader over column `column` of `dataset`; `row` < 0 reads as an empty cell. */
export function columnReader(dataset: AnyDataset, column: number): ColumnReader {
  const type = dataset.columns[column].type;
  if (isColumnar(dataset)) {
    const data = dataset.data[column];
    if (data.type === 'number') {
      const values = data.values;
      const read = (row: number) => {
        if (row < 0) return null;
        const v = values[row];
        return Number.isNaN(v) ? null : v;
      };
      return { type, field: read, engine: read };
    }
    if (data.type === 'date') {
      const { codes, dict, serials } = data;
      return {
        type,
        field: (row) => (row < 0 || codes[row] < 0 ? null : dict[codes[row]]),
        engine: (row) => {
          if (row < 0) return null;
          const code = codes[row];
          if (code < 0 || dict[code] === '') return null;
          const serial = serials[code];
          return Number.isNaN(serial) ? dict[code] : serial;
        },
      };
    }
  }
  const field = (row: number): FieldValue => (row < 0 ? null : cellOf(dataset, column, row));
  return { type, field, engine: (row) => engineForm(field(row), type) };
}

/** A typed value as a formula sees it (rules/field-values.ts fieldToCell without the apostrophe). */
export function engineForm(value: FieldValue, type: FieldType): EngineScalar {
  if (value === null || value === undefined || value === '') return null;
  if (type === 'date' && typeof value === 'string') return isoToSerial(value) ?? value;
  return value;
}

/** Column readers over folded rows (an aggregating side): `rows[i]` null reads as empty. */
export function rowsReader(rows: (FieldValue[] | null)[], columns: DatasetColumn[], column: number): ColumnReader {
  const type = columns[column].type;
  const field = (row: number): FieldValue => (row < 0 ? null : (rows[row]?.[column] ?? null));
  return { type, field, engine: (row) => engineForm(field(row), type) };
}
