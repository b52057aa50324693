/**
 * Converts one column's raw CSV text into its typed array or dictionary, by parse-value.ts's
 * rules (the same as the row reader's). Text and dates are looked up by their raw text
 * first, so a value repeated a million times is parsed once; a value that does not fit
 * the column is recorded as a misfit naming its line, and the cell is left empty.
 */
import { columnBuilder, DictionaryBuilder } from '../rules/columnar/column-builder.js';
import { CODE_EMPTY, type ColumnData } from '../rules/columnar/types.js';
import type { ColumnBuilder } from '../rules/columnar/column-builder.js';
import type { ColumnPlan, MisfitCollector } from './column-plan.js';
import { parseAs, parseDate } from './parse-value.js';

export interface ColumnConverter {
  /**
   * A row past the column's length grows it (a reader that does not know the row count yet).
   * True when `text` is a value of the column's type (number, date or boolean), so a profile
   * fed the same text need not test that type again.
   */
  add(row: number, text: string, line: number): boolean;
  /** The column, `length` rows long (default: the length it was made with). */
  finish(length?: number): ColumnData;
}

/** Distinct raw date texts remembered per column; past this each is parsed again (ids, stamps). */
const MEMO_MAX = 100_000;

export function columnConverter(plan: ColumnPlan, length: number, misfits: MisfitCollector): ColumnConverter {
  const misfit = (text: string, line: number) => misfits.add({ line }, JSON.stringify(text), plan);
  if (plan.type === 'text') return new TextConverter(new DictionaryBuilder(length, false));
  if (plan.type === 'date') return new DateConverter(new DictionaryBuilder(length, true), misfit);
  return new ValueConverter(columnBuilder(plan.type, length), plan, misfit);
}

class TextConverter implements ColumnConverter {
  constructor(private readonly builder: DictionaryBuilder) {}
  add(row: number, text: string): boolean {
    if (text !== '') this.builder.setCode(row, this.builder.codeOf(text));
    return false;
  }
  finish(length?: number): ColumnData {
    return this.builder.finish(length);
  }
}

class DateConverter implements ColumnConverter {
  private memo: Map<string, number> | null = new Map();
  constructor(
    private readonly builder: DictionaryBuilder,
    private readonly misfit: (text: string, line: number) => void,
  ) {}
  add(row: number, text: string, line: number): boolean {
    if (text === '') return false;
    let code = this.memo?.get(text);
    if (code === undefined) {
      const iso = parseDate(text.trim());
      code = iso === null ? CODE_EMPTY : this.builder.codeOf(iso);
      if (this.memo && this.memo.size < MEMO_MAX) this.memo.set(text, code);
    }
    if (code === CODE_EMPTY) {
      this.misfit(text, line);
      return false;
    }
    this.builder.setCode(row, code);
    return true;
  }
  finish(length?: number): ColumnData {
    this.memo = null;
    return this.builder.finish(length);
  }
}

class ValueConverter implements ColumnConverter {
  constructor(
    private readonly builder: ColumnBuilder,
    private readonly plan: ColumnPlan,
    private readonly misfit: (text: string, line: number) => void,
  ) {}
  add(row: number, text: string, line: number): boolean {
    const value = parseAs(text, this.plan.type);
    if (value === undefined) {
      this.misfit(text, line);
      return false;
    }
    this.builder.set(row, value);
    return value !== null;
  }
  finish(length?: number): ColumnData {
    return this.builder.finish(length);
  }
}
