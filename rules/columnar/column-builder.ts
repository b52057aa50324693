/**
 * Builds one ColumnData from typed values arriving row by row, into typed arrays sized
 * once: the readers (CSV, stored chunks, row datasets) share it so every path encodes a
 * column the same way. Text and dates get one dictionary entry per distinct value (but see
 * DictionaryBuilder for mostly-distinct text).
 */
import { isoToSerial } from '../field-values.js';
import type { FieldType, FieldValue } from '../types.js';
import { BOOLEAN_EMPTY, CODE_EMPTY, type ColumnData } from './types.js';

export interface ColumnBuilder {
  /** Sets row `row` to `value`, which is of the column's type or null; a row past the end grows the column. */
  set(row: number, value: FieldValue): void;
  /** The column, `length` rows long (default: the length it was made with, or grew to). */
  finish(length?: number): ColumnData;
}

/** A builder for `length` rows of a column of `type`; every row starts empty. */
export function columnBuilder(type: FieldType, length: number): ColumnBuilder {
  switch (type) {
    case 'number':
      return new NumberBuilder(length);
    case 'boolean':
      return new BooleanBuilder(length);
    case 'text':
      return new DictionaryBuilder(length, false);
    case 'date':
      return new DictionaryBuilder(length, true);
  }
}

/**
 * A typed array at least `row + 1` long, the new part filled with `empty`: a reader that does
 * not know its row count beforehand (one pass over a CSV) doubles it as rows arrive.
 */
function grown<T extends Float64Array | Uint8Array | Int32Array>(array: T, row: number, empty: number): T {
  if (row < array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(row + 1, array.length * 2, 1024));
  next.set(array);
  next.fill(empty, array.length);
  return next;
}

/** Exactly `length` rows (trailing empty rows were never set): the array itself when it is that long. */
function trimmed<T extends Float64Array | Uint8Array | Int32Array>(array: T, length: number | undefined, empty: number): T {
  if (length === undefined || length === array.length) return array;
  const long = grown(array, length - 1, empty);
  return long.length === length ? long : (long.slice(0, length) as T);
}

class NumberBuilder implements ColumnBuilder {
  private values: Float64Array;
  constructor(length: number) {
    this.values = new Float64Array(length).fill(NaN);
  }
  set(row: number, value: FieldValue): void {
    if (row >= this.values.length) this.values = grown(this.values, row, NaN);
    this.values[row] = value === null ? NaN : (value as number);
  }
  finish(length?: number): ColumnData {
    return { type: 'number', values: trimmed(this.values, length, NaN) };
  }
}

class BooleanBuilder implements ColumnBuilder {
  private values: Uint8Array;
  constructor(length: number) {
    this.values = new Uint8Array(length).fill(BOOLEAN_EMPTY);
  }
  set(row: number, value: FieldValue): void {
    if (row >= this.values.length) this.values = grown(this.values, row, BOOLEAN_EMPTY);
    this.values[row] = value === null ? BOOLEAN_EMPTY : value ? 1 : 0;
  }
  finish(length?: number): ColumnData {
    return { type: 'boolean', values: trimmed(this.values, length, BOOLEAN_EMPTY) };
  }
}

/** Texts seen before a text column decides whether it is mostly distinct, and the share of distinct that makes it so. */
const UNIQUE_PROBE = 50_000;
const UNIQUE_SHARE = 0.5;

/**
 * Text and dates: codes into a dictionary; dates also keep each entry's Excel serial. A text
 * column whose first UNIQUE_PROBE texts are mostly distinct stops deduplicating, so the same
 * text may then have several codes: readers go through `dict[code]`, never compare codes.
 */
export class DictionaryBuilder implements ColumnBuilder {
  private codes: Int32Array;
  private readonly dict: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly serials: number[] = [];
  private calls = 0;
  private unique = false;

  constructor(
    length: number,
    private readonly dates: boolean,
  ) {
    this.codes = new Int32Array(length).fill(CODE_EMPTY);
  }

  /** The code of `text`, adding it to the dictionary the first time. */
  codeOf(text: string): number {
    if (this.unique) {
      this.dict.push(text);
      return this.dict.length - 1;
    }
    let code = this.index.get(text);
    if (code === undefined) {
      code = this.dict.length;
      this.dict.push(text);
      this.index.set(text, code);
      if (this.dates) this.serials.push(isoToSerial(text) ?? NaN);
    }
    if (++this.calls === UNIQUE_PROBE && !this.dates && this.dict.length > this.calls * UNIQUE_SHARE) {
      // Mostly distinct (ids, references): deduplicating saves no memory and a Map of a
      // million strings costs seconds. Later texts get their own entry, repeated or not.
      this.unique = true;
      this.index.clear();
    }
    return code;
  }

  setCode(row: number, code: number): void {
    if (row >= this.codes.length) this.codes = grown(this.codes, row, CODE_EMPTY);
    this.codes[row] = code;
  }

  set(row: number, value: FieldValue): void {
    this.setCode(row, value === null ? CODE_EMPTY : this.codeOf(String(value)));
  }

  finish(length?: number): ColumnData {
    const codes = trimmed(this.codes, length, CODE_EMPTY);
    if (this.dates) return { type: 'date', codes, dict: this.dict, serials: Float64Array.from(this.serials) };
    return { type: 'text', codes, dict: this.dict };
  }
}
