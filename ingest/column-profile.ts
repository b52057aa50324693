/**
 * Type inference that refuses typos (docs/datasets.md). A column whose non-empty values are
 * all numbers (dates, booleans) but for a few — at most 1% of them and at most 20 — is a
 * number (date, boolean) column, and those few are errors to be named, not a reason to
 * turn the whole column into text: one `1O0` among 2,825 quantities is a typo.
 */
import type { FieldType } from '../rules/types.js';
import { parseBoolean, parseDate, parseNumber } from './parse-value.js';

/** Share and count of misfits a typed column tolerates before it is text. */
export const MISFIT_SHARE = 0.01;
export const MISFIT_MAX = 20;

/** Where a value sits: a CSV line, or an XLSX cell. */
export interface ValuePlace {
  line?: number;
  cell?: string;
}

export interface Misfit extends ValuePlace {
  value: string;
}

/** What the profile concludes about a column. */
export interface ColumnVerdict {
  type: FieldType;
  /** Values that do not fit `type` (at most MISFIT_MAX): each one refuses the import. */
  misfits: Misfit[];
  /** A text column most of whose values are of another type: said, not silently kept. */
  mostly?: { type: FieldType; fitting: number; of: number; misfits: Misfit[]; more: number };
}

export type Typed = Exclude<FieldType, 'text'>;
const TYPED: Typed[] = ['number', 'date', 'boolean'];
const FITS: Record<Typed, (text: string) => boolean> = {
  number: (t) => parseNumber(t) !== null,
  date: (t) => parseDate(t) !== null,
  boolean: (t) => parseBoolean(t) !== null,
};

/** Distinct texts whose date test a profile remembers; past this (time stamps) each is tested again. */
const DATE_MEMO_MAX = 10_000;

/** Counts, per candidate type, the values of one column that do not fit it. */
export class ColumnProfile {
  private present = 0;
  private readonly misfits: Record<Typed, { count: number; fitting: number; first: Misfit[] }> = {
    number: { count: 0, fitting: 0, first: [] },
    date: { count: 0, fitting: 0, first: [] },
    boolean: { count: 0, fitting: 0, first: [] },
  };

  /** `native`: the types a spreadsheet's own cells showed; only those can be the column's. */
  constructor(private readonly native?: ReadonlySet<Typed>) {}

  /**
   * Counts `text` at `place`. `known`: a type the caller has just read `text` as (the early
   * conversion's parse), so it fits without being tested again; the other types are tested.
   */
  add(text: string, place: ValuePlace, known?: Typed): void {
    if (text === '') return;
    this.present += 1;
    let trimmed: string | undefined;
    for (const type of TYPED) {
      const m = this.misfits[type];
      // Once misfits outnumber fits the type is out, even as "mostly": stop testing it
      // (the tests are the costly part, and a text column is out at its first value).
      if (m.count > m.fitting) continue;
      if (type === known) {
        m.fitting += 1;
        continue;
      }
      trimmed ??= text.trim();
      if (type === 'date' ? this.isDate(trimmed) : FITS[type](trimmed)) {
        m.fitting += 1;
        continue;
      }
      m.count += 1;
      if (m.first.length < MISFIT_MAX) m.first.push({ ...place, value: text });
    }
  }

  /** Distinct texts' date tests: a date column repeats a few dates a million times, and the test is the costly one. */
  private readonly dateMemo = new Map<string, boolean>();

  private isDate(text: string): boolean {
    let fits = this.dateMemo.get(text);
    if (fits === undefined) {
      fits = FITS.date(text);
      if (this.dateMemo.size < DATE_MEMO_MAX) this.dateMemo.set(text, fits);
    }
    return fits;
  }

  /** The column's type by the rule above; text for an empty column. */
  verdict(): ColumnVerdict {
    if (this.present === 0) return { type: 'text', misfits: [] };
    const eligible = TYPED.filter((type) => !this.native || this.native.has(type));
    for (const type of eligible) if (this.misfits[type].count === 0) return { type, misfits: [] };
    for (const type of eligible) {
      const { count, fitting, first } = this.misfits[type];
      const testedAll = count + fitting === this.present;
      if (testedAll && count <= MISFIT_MAX && count <= this.present * MISFIT_SHARE) return { type, misfits: first };
    }
    // Mostly one type but too many misfits to call them typos: text, and say so.
    const best = eligible
      .map((type) => ({ type, ...this.misfits[type] }))
      .filter((m) => m.count + m.fitting === this.present)
      .sort((a, b) => a.count - b.count)[0];
    if (best && best.count < best.fitting) {
      const m = best;
      return {
        type: 'text',
        misfits: [],
        mostly: { type: best.type, fitting: this.present - m.count, of: this.present, misfits: m.first, more: m.count - m.first.length },
      };
    }
    return { type: 'text', misfits: [] };
  }
}
