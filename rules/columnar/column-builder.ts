/**
 * Builds one ColumnData from typed values arriving row by row, into typed arrays sized
 * once: the readers (CSV, stored chunks, row datasets) share it so every path encodes a
 * column the same way. Text and dates get one dictionary entry per distinct value.
 */
import { isoToSerial } from '../field-values.js';
import type { FieldType, FieldValue } from '../types.js';
import { BOOLEAN_EMPTY, CODE_EMPTY, type ColumnData } from './types.js';

export interface ColumnBuilder {
  /** Sets row `row` to `value`, which is of the column's type or null. */
  set(row: number, value: FieldValue): void;
  finish(): ColumnData;
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

class NumberBuilder implements ColumnBuilder {
  private readonly values: Float64Array;
  constructor(length: number) {
    this.values = new Float64Array(length).fill(NaN);
  }
  set(row: number, value: FieldValue): void {
    this.values[row] = value === null ? NaN : (value as number);
  }
  finish(): ColumnData {
    return { type: 'number', values: this.values };
  }
}

class BooleanBuilder implements ColumnBuilder {
  private readonly values: Uint8Array;
  constructor(length: number) {
    this.values = new Uint8Array(length).fill(BOOLEAN_EMPTY);
  }
  set(row: number, value: FieldValue): void {
    this.values[row] = value === null ? BOOLEAN_EMPTY : value ? 1 : 0;
  }
  finish(): ColumnData {
    return { type: 'boolean', values: this.values };
  }
}

/** Text and dates: codes into a dictionary; dates also keep each entry's Excel serial. */
export class DictionaryBuilder implements ColumnBuilder {
  private readonly codes: Int32Array;
  private readonly dict: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly serials: number[] = [];

  constructor(
    length: number,
    private readonly dates: boolean,
  ) {
    this.codes = new Int32Array(length).fill(CODE_EMPTY);
  }

  /** The code of `text`, adding it to the dictionary the first time. */
  codeOf(text: string): number {
    let code = this.index.get(text);
    if (code === undefined) {
      code = this.dict.length;
      this.dict.push(text);
      this.index.set(text, code);
      if (this.dates) this.serials.push(isoToSerial(text) ?? NaN);
    }
    return code;
  }

  setCode(row: number, code: number): void {
    this.codes[row] = code;
  }

  set(row: number, value: FieldValue): void {
    this.codes[row] = value === null ? CODE_EMPTY : this.codeOf(String(value));
  }

  finish(): ColumnData {
    if (this.dates) return { type: 'date', codes: this.codes, dict: this.dict, serials: Float64Array.from(this.serials) };
    return { type: 'text', codes: this.codes, dict: this.dict };
  }
}
