/**
 * Conversions between the row-major `Dataset` and the `ColumnarDataset`, for the paths
 * that still take rows (reports, P&L, lookups) and for datasets that arrive as rows.
 * A value that does not fit its column's type is refused, naming the row and column:
 * a column never silently holds something else.
 */
import { RuleError } from '../errors.js';
import type { Dataset, FieldType, FieldValue } from '../types.js';
import { columnBuilder } from './column-builder.js';
import { fieldAt, type ColumnarDataset } from './types.js';

/** The same dataset held by column. */
export function toColumnar(dataset: Dataset): ColumnarDataset {
  const length = dataset.rows.length;
  const data = dataset.columns.map((column, c) => {
    const builder = columnBuilder(column.type, length);
    for (let r = 0; r < length; r++) {
      const value = dataset.rows[r][c] ?? null;
      if (value !== null && !fits(value, column.type))
        throw new RuleError('bad_value', `${JSON.stringify(value)} is not ${article(column.type)}`, {
          dataset: dataset.name,
          row: r + 1,
          column: column.name,
        });
      builder.set(r, value);
    }
    return builder.finish();
  });
  return { name: dataset.name, columns: dataset.columns, length, data };
}

/** The same dataset as rows (dates as ISO text, empty cells null). */
export function toRowDataset(columnar: ColumnarDataset): Dataset {
  const rows: FieldValue[][] = new Array(columnar.length);
  const width = columnar.data.length;
  for (let r = 0; r < columnar.length; r++) {
    const row: FieldValue[] = new Array(width);
    for (let c = 0; c < width; c++) row[c] = fieldAt(columnar.data[c], r);
    rows[r] = row;
  }
  return { name: columnar.name, columns: columnar.columns, rows };
}

function fits(value: FieldValue, type: FieldType): boolean {
  switch (type) {
    case 'number':
      return typeof value === 'number' && !Number.isNaN(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'text':
      return typeof value === 'string';
    case 'date':
      return typeof value === 'string';
  }
}

function article(type: FieldType): string {
  return type === 'boolean' ? 'TRUE or FALSE' : `a ${type}`;
}
