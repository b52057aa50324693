/**
 * Indexes over one row or column of a lookup table (issue 14), built once per run, each
 * answering exactly what the engine's search answers, first occurrence first:
 *
 * * `ExactIndex`: HyperFormula's exact search (`AdvancedFind.basicFind`, which VLOOKUP,
 *   HLOOKUP and MATCH type 0 reach through Tickmark's ExcelLookupPlugin): both sides
 *   normalised by `forceNormalizeString` (lower case, accents dropped, whatever the
 *   case/accent config), then `===`, so the number 12 never equals the text "12". A text key
 *   with a wildcard (`requiresRegex`) is matched by the engine's own `eqMatcherFunction`
 *   (Tickmark's patched `buildRegex`) in a scan, remembered per key.
 * * `XlookupIndex`: Tickmark's XLOOKUP exact mode (rules/functions/text-lookup.ts's
 *   `findPosition`): same type, then `compare`, which for text is `localeCompare` of the
 *   lower-cased texts. Printable-ASCII text is equal under it exactly when the lower-cased
 *   texts are equal (no ASCII character is ignorable or a contraction in ICU's root
 *   collation; checked over every one- and two-character string), so it is a map; other
 *   text (`"a\u200bb"` equals `"ab"` in collation) goes through `compare` itself.
 */
import { CellError } from 'hyperformula';
import { compare, plain } from '../functions/text-lookup.js';
import { EMPTY, isNumber, raw, type Runtime, type Value } from './values.js';

/** HyperFormula's `forceNormalizeString` (interpreter/ArithmeticHelper), which is not exported. */
export function forceNormalizeString(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** `getRawValue`: a typed number as its number, anything else as it is. */
export function rawValue(v: Value): Value {
  return isNumber(v) ? raw(v) : v;
}

interface WildcardHelper {
  requiresRegex(pattern: string): boolean;
  eqMatcherFunction(pattern: string): (value: unknown) => boolean;
}

/** The engine's wildcard helpers, or why they are missing (a HyperFormula upgrade). */
export function wildcardHelper(rt: Runtime): WildcardHelper | string {
  const helper = rt.helper as unknown as Partial<WildcardHelper>;
  if (typeof helper.requiresRegex !== 'function' || typeof helper.eqMatcherFunction !== 'function')
    return 'HyperFormula no longer has ArithmeticHelper.requiresRegex/eqMatcherFunction';
  return helper as WildcardHelper;
}

/** A bounded memo: a lookup table is constant, so one key always finds the same position. */
class Memo {
  private readonly map = new Map<string, number>();
  get(key: string, find: () => number): number {
    const known = this.map.get(key);
    if (known !== undefined) return known;
    if (this.map.size >= 50_000) this.map.clear();
    const found = find();
    this.map.set(key, found);
    return found;
  }
}

export class ExactIndex {
  private readonly positions = new Map<unknown, number>();
  private readonly raws: Value[];
  private readonly memo = new Memo();

  constructor(
    values: Value[],
    private readonly helper: WildcardHelper,
  ) {
    this.raws = values.map(rawValue);
    for (let i = 0; i < this.raws.length; i++) {
      const v = this.raws[i];
      // An empty cell or an error never equals a key (the key is never empty: the callers make it 0).
      if (v === EMPTY || v instanceof CellError) continue;
      const key = typeof v === 'string' ? forceNormalizeString(v) : v;
      if (!this.positions.has(key)) this.positions.set(key, i);
    }
  }

  /** The 0-based first position of `key` (raw, not empty, not an error), or -1. */
  find(key: Value): number {
    if (typeof key === 'string') {
      if (this.helper.requiresRegex(key)) return this.memo.get(key, () => this.scan(key));
      return this.positions.get(forceNormalizeString(key)) ?? -1;
    }
    return this.positions.get(key) ?? -1;
  }

  /** AdvancedFind.advancedFind with the engine's matcher, first occurrence. */
  private scan(pattern: string): number {
    const matches = this.helper.eqMatcherFunction(pattern);
    for (let i = 0; i < this.raws.length; i++) if (matches(this.raws[i])) return i;
    return -1;
  }
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export class XlookupIndex {
  private readonly values: ReturnType<typeof plain>[];
  private readonly firstEmpty: number;
  private readonly others = new Map<unknown, number>();
  private readonly ascii = new Map<string, number>();
  /** Positions of text outside printable ASCII, in order. */
  private readonly unusual: number[] = [];
  private readonly memo = new Memo();

  constructor(cells: Value[]) {
    this.values = cells.map((v) => plain(v as never));
    this.firstEmpty = this.values.indexOf(null);
    for (let i = 0; i < this.values.length; i++) {
      const v = this.values[i];
      if (v === null || v instanceof CellError) continue;
      if (typeof v === 'string') {
        if (!PRINTABLE_ASCII.test(v)) this.unusual.push(i);
        else if (!this.ascii.has(v.toLowerCase())) this.ascii.set(v.toLowerCase(), i);
      } else if (!this.others.has(v)) this.others.set(v, i);
    }
  }

  /** Whether the keys hold an empty cell (what an empty lookup value finds). */
  get hasEmpty(): boolean {
    return this.firstEmpty >= 0;
  }

  /** xlookupPosition(lookup, keys, 0, 1): the 0-based first match, or -1. */
  find(lookup: Value): number {
    if (lookup === EMPTY) return this.firstEmpty;
    const key = plain(lookup as never);
    if (key === null || key instanceof CellError) return -1;
    if (typeof key !== 'string') return this.others.get(key) ?? -1;
    if (!PRINTABLE_ASCII.test(key)) return this.memo.get(key, () => this.scan(key, this.values.length));
    const hit = this.ascii.get(key.toLowerCase()) ?? -1;
    for (const at of this.unusual) {
      if (hit >= 0 && at > hit) break;
      if (compare(this.values[at] as string, key) === 0) return at;
    }
    return hit;
  }

  /** findPosition's exact scan: the first text `compare` finds equal, below `limit`. */
  private scan(key: string, limit: number): number {
    for (let i = 0; i < limit; i++) {
      const v = this.values[i];
      if (typeof v === 'string' && compare(v, key) === 0) return i;
    }
    return -1;
  }
}
