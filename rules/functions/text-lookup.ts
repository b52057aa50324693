/**
 * Excel functions HyperFormula 3.5 lacks, as Excel documents them:
 *
 * * `CONCAT(text1, …)`: joins values and ranges (row by row), no delimiter.
 * * `TEXTBEFORE(text, delimiter, [instance_num], [match_mode], [match_end], [if_not_found])`
 *   and `TEXTAFTER(…)`: the text before/after the n-th delimiter (from the end when n < 0);
 *   `delimiter` may be a range or array of alternatives; match_mode 1 ignores case;
 *   match_end 1 treats the end of the text as a delimiter. #N/A when not found (or
 *   if_not_found), #VALUE! when n is 0 or longer than the text.
 * * `XMATCH(lookup, array, [match_mode], [search_mode])`: the 1-based position in a row or
 *   column; match_mode 0 exact, -1 exact or next smaller, 1 exact or next larger, 2 wildcard
 *   (`*`, `?`, `~`); search_mode 1 first to last, -1 last to first (2/-2, binary, search the
 *   same way).
 * * `LOOKUP(value, lookup_vector, [result_vector])`: the vector and array forms, matching the
 *   largest value not greater than `value` in an ascending vector.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { isEmpty, numberOf } from './values.js';

type ProcedureAst = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal types
type InterpreterState = any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Scalar = number | string | boolean | CellError | null | undefined | { val: number };

const ANY = { argumentType: FunctionArgumentType.ANY };
const optionalNumber = (defaultValue: number) => ({ argumentType: FunctionArgumentType.NUMBER, defaultValue });
/** text, delimiter, [instance_num], [match_mode], [match_end], [if_not_found] */
const TEXT_AROUND = [
  { argumentType: FunctionArgumentType.STRING },
  ANY,
  optionalNumber(1),
  optionalNumber(0),
  optionalNumber(0),
  { ...ANY, optionalArg: true },
];

/** CONCAT's body on its arguments (also called by the compiled evaluator, rules/compiled/functions-text.ts). */
export function concat(...args: unknown[]): string | CellError {
  let text = '';
  for (const arg of args) {
    for (const value of flatten(arg)) {
      if (value instanceof CellError) return value;
      text += asText(value);
    }
  }
  return text.length > 32767 ? new CellError(ErrorType.VALUE, 'the result is longer than 32,767 characters') : text;
}

export class TextLookupPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    CONCAT: { method: 'concat', parameters: [ANY], repeatLastArgs: 1 },
    TEXTBEFORE: { method: 'textbefore', parameters: TEXT_AROUND },
    TEXTAFTER: { method: 'textafter', parameters: TEXT_AROUND },
    XMATCH: {
      method: 'xmatch',
      parameters: [
        { argumentType: FunctionArgumentType.NOERROR },
        { argumentType: FunctionArgumentType.RANGE },
        optionalNumber(0),
        optionalNumber(1),
      ],
    },
    LOOKUP: {
      method: 'lookup',
      parameters: [
        { argumentType: FunctionArgumentType.NOERROR },
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.RANGE, optionalArg: true },
      ],
    },
  };

  concat(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata('CONCAT'), concat);
  }

  textbefore(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata('TEXTBEFORE'), (...args: unknown[]) =>
      textAround('before', ...withOmittedDefaults(args as TextArgs, ast)),
    );
  }

  textafter(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata('TEXTAFTER'), (...args: unknown[]) =>
      textAround('after', ...withOmittedDefaults(args as TextArgs, ast)),
    );
  }

  xmatch(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('XMATCH'),
      (lookup: Scalar, range: SimpleRangeValue, matchMode: number, searchMode: number) => {
        if (range.width() > 1 && range.height() > 1) return new CellError(ErrorType.VALUE, 'XMATCH looks in one row or one column');
        if (![0, -1, 1, 2].includes(matchMode) || ![1, -1, 2, -2].includes(searchMode))
          return new CellError(ErrorType.VALUE, 'match_mode or search_mode out of range');
        const values = range.valuesFromTopLeftCorner() as Scalar[];
        const at = findPosition(plain(lookup), values.map(plain), matchMode, searchMode < 0);
        return at < 0 ? new CellError(ErrorType.NA, 'no match') : at + 1;
      },
    );
  }

  lookup(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('LOOKUP'),
      (lookup: Scalar, vector: SimpleRangeValue, result?: SimpleRangeValue) => {
        // An empty lookup value is 0, as in Excel.
        const value = (plain(lookup) ?? 0) as number | string | boolean;
        if (result && result.width() > 1 && result.height() > 1)
          return new CellError(ErrorType.NA, 'the result vector must be one row or one column');
        const data = vector.data as Scalar[][];
        // A two-dimensional vector is searched as the array form searches it: along its first
        // row when it is wider than tall, else down its first column.
        const wide = vector.width() > vector.height();
        const keys = wide ? data[0] : data.map((row) => row[0]);
        let answers: Scalar[];
        if (result) answers = result.valuesFromTopLeftCorner() as Scalar[];
        else answers = wide ? data[data.length - 1] : data.map((row) => row[row.length - 1]);
        const found = approximatePosition(keys.map(plain), value);
        if (found < 0) return new CellError(ErrorType.NA, 'no value is small enough');
        if (found >= answers.length) return new CellError(ErrorType.REF, 'the result vector is shorter than the lookup vector');
        const answer = answers[found];
        return answer === null || answer === undefined ? 0 : (answer as number | string | boolean | CellError);
      },
    );
  }
}

type TextArgs = [string, unknown, number, number, number, unknown];

/** Defaults of instance_num, match_mode and match_end (positions 2–4). */
const TEXT_AROUND_DEFAULTS: Record<number, number> = { 2: 1, 3: 0, 4: 0 };

/**
 * Excel reads an argument left empty, as in the page's `TEXTBEFORE(A3,"Red",,FALSE)`, as omitted;
 * HyperFormula passes it as 0, which would make instance_num 0 (#VALUE!). Put the defaults back.
 */
function withOmittedDefaults(args: TextArgs, ast: ProcedureAst): TextArgs {
  return args.map((arg, i) => (ast.args[i]?.type === 'EMPTY' && i in TEXT_AROUND_DEFAULTS ? TEXT_AROUND_DEFAULTS[i] : arg)) as TextArgs;
}

function textAround(
  side: 'before' | 'after',
  text: string,
  delimiterArg: unknown,
  instance: number,
  matchMode: number,
  matchEnd: number,
  ifNotFound: unknown,
): string | number | boolean | CellError {
  const delimiters: string[] = [];
  for (const d of flatten(delimiterArg)) {
    if (d instanceof CellError) return d;
    delimiters.push(asText(d));
  }
  const n = Math.trunc(instance);
  if (n === 0 || Math.abs(n) > text.length + 1) return new CellError(ErrorType.VALUE, 'instance_num is 0 or longer than the text');
  const fold = matchMode === 1 ? (s: string) => s.toLowerCase() : (s: string) => s;
  const haystack = fold(text);
  const needles = delimiters.map(fold);
  // Every place a delimiter starts, scanning left to right without overlaps.
  const hits: { at: number; length: number }[] = [];
  if (needles.some((d) => d === '')) {
    // An empty delimiter matches at once: before it nothing, after it everything (from the end, the reverse).
    const at = n > 0 ? 0 : text.length;
    return side === 'before' ? text.slice(0, at) : text.slice(at);
  }
  for (let i = 0; i < haystack.length;) {
    const match = needles.filter((d) => haystack.startsWith(d, i)).sort((a, b) => b.length - a.length)[0];
    if (match) {
      hits.push({ at: i, length: match.length });
      i += match.length;
    } else i += 1;
  }
  if (matchEnd === 1) {
    if (n > 0) hits.push({ at: text.length, length: 0 });
    else hits.unshift({ at: 0, length: 0 });
  }
  const hit = n > 0 ? hits[n - 1] : hits[hits.length + n];
  if (!hit)
    return ifNotFound !== undefined && ifNotFound !== null
      ? (plain(ifNotFound as Scalar) ?? '')
      : new CellError(ErrorType.NA, 'the delimiter is not in the text');
  return side === 'before' ? text.slice(0, hit.at) : text.slice(hit.at + hit.length);
}

function flatten(arg: unknown): Scalar[] {
  return arg instanceof SimpleRangeValue ? (arg.valuesFromTopLeftCorner() as Scalar[]) : [arg as Scalar];
}

/** A value as a plain number, text, boolean or error; an empty cell is null. */
export function plain(value: Scalar): number | string | boolean | CellError | null {
  if (isEmpty(value)) return null;
  return numberOf(value) ?? (value as string | boolean | CellError);
}

function asText(value: Scalar): string {
  const v = plain(value);
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export const comparable = (a: unknown, b: unknown) => typeof a === typeof b && a !== null && b !== null;

/** Excel's order within one type: numbers, text (case-insensitive), FALSE < TRUE. */
export function compare(a: number | string | boolean, b: number | string | boolean): number {
  if (typeof a === 'string') return a.toLowerCase().localeCompare((b as string).toLowerCase());
  return Number(a) - Number(b);
}

function wildcard(pattern: string): RegExp {
  let body = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '~' && i + 1 < pattern.length) body += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (ch === '*') body += '.*';
    else if (ch === '?') body += '.';
    else body += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${body}$`, 'is');
}

export function findPosition(
  lookup: ReturnType<typeof plain>,
  values: ReturnType<typeof plain>[],
  matchMode: number,
  fromEnd: boolean,
): number {
  const order = values.map((_, i) => i);
  if (fromEnd) order.reverse();
  if (lookup instanceof CellError || lookup === null) return -1;
  if (matchMode === 2 && typeof lookup === 'string') {
    const pattern = wildcard(lookup);
    return order.find((i) => typeof values[i] === 'string' && pattern.test(values[i] as string)) ?? -1;
  }
  const exact = order.find((i) => comparable(values[i], lookup) && compare(values[i] as never, lookup) === 0);
  if (exact !== undefined || matchMode === 0 || matchMode === 2) return exact ?? -1;
  let best = -1;
  for (const i of order) {
    const v = values[i];
    if (!comparable(v, lookup)) continue;
    const side = compare(v as never, lookup);
    if (matchMode === -1 ? side < 0 : side > 0) {
      if (best < 0 || (matchMode === -1 ? compare(v as never, values[best] as never) > 0 : compare(v as never, values[best] as never) < 0))
        best = i;
    }
  }
  return best;
}

/**
 * Excel's approximate match (LOOKUP, and MATCH, VLOOKUP and HLOOKUP with match type 1/TRUE):
 * a binary search for the last key not greater than the value, which stops at an exact match
 * and steps past keys of another type. On unsorted keys it gives what Excel gives, not what a
 * scan would.
 */
export function approximatePosition(keys: ReturnType<typeof plain>[], value: number | string | boolean): number {
  let lo = 0;
  let hi = keys.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    let probe = mid;
    while (probe >= lo && !comparable(keys[probe], value)) probe -= 1;
    if (probe < lo) {
      lo = mid + 1;
      continue;
    }
    const side = compare(keys[probe] as never, value);
    if (side === 0) return probe;
    if (side < 0) {
      found = probe;
      lo = mid + 1;
    } else hi = probe - 1;
  }
  return found;
}
