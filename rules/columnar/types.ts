/**
 * Datasets held column by column (issue 14): numbers in `Float64Array`s, text and dates
 * dictionary-encoded, explicit empty states. A million rows of a broker file cost a few
 * typed arrays and one string per distinct value, not a million small arrays.
 * Plain data (typed arrays and string arrays) so it crosses worker threads.
 */
import type { DatasetColumn, FieldValue } from '../types.js';

export type ColumnData =
  /** NaN is an empty cell (a parsed number is never NaN). */
  | { type: 'number'; values: Float64Array }
  /** 0 FALSE, 1 TRUE, 2 empty. */
  | { type: 'boolean'; values: Uint8Array }
  /** -1 is an empty cell; `dict[code]` the text (a mostly-distinct column may hold a text under several codes). */
  | { type: 'text'; codes: Int32Array; dict: string[] }
  /** -1 is empty; `dict[code]` the ISO date (or date-time) as datasets show it, `serials[code]` its Excel serial. */
  | { type: 'date'; codes: Int32Array; dict: string[]; serials: Float64Array };

export interface ColumnarDataset {
  name: string;
  columns: DatasetColumn[];
  /** Row count. */
  length: number;
  /** One entry per column, in `columns` order. */
  data: ColumnData[];
}

export const BOOLEAN_EMPTY = 2;
export const CODE_EMPTY = -1;

/** Whether a run input is held by column. */
export function isColumnar(dataset: object): dataset is ColumnarDataset {
  return 'data' in dataset && 'length' in dataset;
}

/** The typed value of one cell, as the row-major `Dataset` holds it (dates as ISO text). */
export function fieldAt(column: ColumnData, row: number): FieldValue {
  switch (column.type) {
    case 'number': {
      const v = column.values[row];
      return Number.isNaN(v) ? null : v;
    }
    case 'boolean': {
      const v = column.values[row];
      return v === BOOLEAN_EMPTY ? null : v === 1;
    }
    default: {
      const code = column.codes[row];
      return code === CODE_EMPTY ? null : column.dict[code];
    }
  }
}
