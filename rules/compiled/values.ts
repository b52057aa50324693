/**
 * The compiled evaluator's values and the operations on them, with HyperFormula's semantics
 * because HyperFormula is the oracle the compiled path must equal (issue 14). A value is
 * what HyperFormula's interpreter passes around: a number (or one of its typed numbers: a
 * date, a percentage), text, a boolean, `EmptyValue` or a `CellError`. The delicate parts
 * (text read as a number or a date, comparisons with their collation and 15-digit
 * tolerance, the date-typing of + - * /) are delegated to the `ArithmeticHelper` of an
 * instance built with Tickmark's configuration, reached the way rules/functions/coercion.ts
 * reaches it: through HyperFormula's internals, which a version bump must re-check (the
 * differential test in test/rules/compiled/ does exactly that).
 */
import { CellError, EmptyValue, ErrorType, type HyperFormula } from 'hyperformula';
import { createEngine, dateSystem } from '../hf.js';

/** One of HyperFormula's typed numbers (DateNumber, PercentNumber, …): `val` is the number. */
export interface RichNumber {
  val: number;
  getDetailedType(): string;
}

export type Value = number | string | boolean | typeof EmptyValue | CellError | RichNumber;

/** The parts of HyperFormula's ArithmeticHelper the compiled code calls. */
export interface Helper {
  actualEps: number;
  addWithEpsilon(a: unknown, b: unknown): Value;
  subtract(a: unknown, b: unknown): Value;
  multiply(a: unknown, b: unknown): Value;
  divide(a: unknown, b: unknown): Value;
  pow(a: unknown, b: unknown): Value;
  unaryMinus(a: unknown): Value;
  unaryPercent(a: unknown): Value;
  compare(a: unknown, b: unknown): number;
  floatCmp(a: unknown, b: unknown): number;
  stringCmp(a: string, b: string): number;
  coerceScalarToNumberOrError(a: unknown): Value;
  ExtendedNumberFactory(value: number, type: { type: string; format?: string }): Value;
}

export interface Runtime {
  helper: Helper;
  /** Error code as Tickmark's language shows it (`#DIV/0!`). */
  errorText(type: string): string;
  /** HyperFormula's date arithmetic (its null date and 1900 leap year honoured). */
  dates: DateTimeHelper;
}

const runtimes = new Map<boolean, Runtime>();

/** The runtime for a date system (1900 or 1904), built once per process. */
export function runtime(date1904: boolean): Runtime {
  const known = runtimes.get(date1904);
  if (known) return known;
  const hf: HyperFormula = createEngine({ ...dateSystem(date1904), evaluateNullToZero: false });
  try {
    const internal = hf as unknown as {
      _evaluator: { interpreter: { arithmeticHelper: Helper; dateTimeHelper: DateTimeHelper } };
      _config: { translationPackage: { getErrorTranslation(type: string): string } };
    };
    const helper = internal._evaluator.interpreter.arithmeticHelper;
    const dates = internal._evaluator.interpreter.dateTimeHelper;
    const translations = internal._config.translationPackage;
    for (const method of [
      'addWithEpsilon',
      'subtract',
      'multiply',
      'divide',
      'pow',
      'compare',
      'floatCmp',
      'stringCmp',
      'coerceScalarToNumberOrError',
    ] as const) {
      if (typeof helper[method] !== 'function')
        throw new Error(`HyperFormula no longer has ArithmeticHelper.${method}; update rules/compiled/values.ts`);
    }
    const made: Runtime = {
      helper,
      errorText: (type) => translations.getErrorTranslation(type),
      dates,
    };
    runtimes.set(date1904, made);
    return made;
  } finally {
    hf.destroy();
  }
}

export interface SimpleDate {
  year: number;
  month: number;
  day: number;
}

export interface DateTimeHelper {
  dateStringToDateNumber(text: string): Value | undefined;
  dateToNumber(date: SimpleDate): number;
  numberToSimpleDate(serial: number): SimpleDate;
  isValidDate(date: SimpleDate): boolean;
  getWithinBounds(serial: number): number | undefined;
  getEpochYearZero(): number;
}

export const EMPTY: typeof EmptyValue = EmptyValue;

export function isError(v: Value): v is CellError {
  return v instanceof CellError;
}

/** A number of any type (raw or typed). */
export function isNumber(v: Value): v is number | RichNumber {
  return (
    typeof v === 'number' || (typeof v === 'object' && v !== null && !(v instanceof CellError) && typeof (v as RichNumber).val === 'number')
  );
}

export function raw(v: number | RichNumber): number {
  return typeof v === 'number' ? v : v.val;
}

export function err(type: ErrorType | string, message?: string): CellError {
  return new CellError(type as ErrorType, message);
}

export const MESSAGES = {
  NaN: 'NaN or infinite value encountered.',
  WrongArgNumber: 'Wrong number of arguments.',
  WrongType: 'Wrong type of argument.',
  NumberCoercion: 'Value cannot be coerced to number.',
  ValueSmall: 'Value too small.',
  ValueLarge: 'Value too large.',
  NegativeLength: 'Length cannot be negative.',
  LengthBounds: 'Length out of bounds.',
  IntegerExpected: 'Value needs to be an integer.',
};

/** What HyperFormula does to every evaluated sub-expression: NaN or ±Infinity is #NUM!, -0 is 0. */
export function settle(v: Value): Value {
  if (typeof v === 'number') {
    if (v !== v || v === Infinity || v === -Infinity) return err(ErrorType.NUM, MESSAGES.NaN);
    return v === 0 ? 0 : v;
  }
  if (isNumber(v)) {
    const n = v.val;
    if (n !== n || n === Infinity || n === -Infinity) return err(ErrorType.NUM, MESSAGES.NaN);
    if (n === 0 && Object.is(n, -0)) v.val = 0;
  }
  return v;
}

/** `coerceScalarToString`: numbers by JavaScript's toString, booleans TRUE/FALSE, empty "". */
export function toText(v: Value): string | CellError {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return v.toString();
  if (v instanceof CellError) return v;
  if (v === EMPTY) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v.val.toString();
}

/** `coerceScalarToBoolean`: undefined when the text is not TRUE, FALSE or empty. */
export function toBoolean(v: Value): boolean | CellError | undefined {
  if (typeof v === 'boolean' || v instanceof CellError) return v;
  if (v === EMPTY) return false;
  if (typeof v === 'string') {
    const upper = v.toUpperCase();
    return upper === 'TRUE' ? true : upper === 'FALSE' || upper === '' ? false : undefined;
  }
  return raw(v as number | RichNumber) !== 0;
}

/**
 * A value as a number or its error, as a NUMBER argument sees it: raw (the type dropped).
 * Empty text is #VALUE! (rules/functions/coercion.ts's correction is in the helper already).
 */
export function toNumber(helper: Helper, v: Value): number | CellError {
  if (typeof v === 'number') return v;
  const coerced = helper.coerceScalarToNumberOrError(v);
  if (coerced instanceof CellError) return coerced;
  return raw(coerced as number | RichNumber);
}

/** As `toNumber` but keeping a typed number's type (HyperFormula's operators do). */
export function toTypedNumber(helper: Helper, v: Value): number | RichNumber | CellError {
  if (typeof v === 'number') return v;
  return helper.coerceScalarToNumberOrError(v) as number | RichNumber | CellError;
}

/** CellValueTypeOrd: the order of values of different types. */
function typeOrder(v: Value): number {
  if (v === EMPTY) return 0;
  if (typeof v === 'string') return 2;
  if (typeof v === 'boolean') return 3;
  if (v instanceof CellError) return 4;
  return 1;
}

/**
 * ArithmeticHelper.compare, with its one costly step memoised: every comparison involving
 * text first tries to read the text as a date (about 80 µs a call, measured), so
 * `H2<>"matched"` cost more than everything else in a row. Text without a digit is never a
 * date in Tickmark's formats (YYYY-MM-DD, MM/DD/YYYY, MM/DD/YY, hh:mm[:ss]); other text's
 * reading is cached in a bounded map.
 */
export function comparer(rt: Runtime): (a: Value, b: Value) => number {
  const helper = rt.helper;
  const dates = rt.dates;
  const cache = new Map<string, Value | undefined>();
  const asDate = (text: string): Value | undefined => {
    if (!/\d/.test(text)) return undefined;
    if (cache.has(text)) return cache.get(text);
    if (cache.size >= 10_000) cache.clear();
    const parsed = dates.dateStringToDateNumber(text);
    cache.set(text, parsed);
    return parsed;
  };
  return (left, right) => {
    if (typeof left === 'number' && typeof right === 'number') return helper.floatCmp(left, right);
    // The same text twice: read as a date it is one finite serial (floatCmp 0), else the
    // collator compares a string with itself (0). No date parse, no collation.
    if (typeof left === 'string' && left === right) return 0;
    if (typeof left === 'string' || typeof right === 'string') {
      const l = typeof left === 'string' ? asDate(left) : left;
      const r = typeof right === 'string' ? asDate(right) : right;
      if (l !== undefined && r !== undefined && isNumber(l) && isNumber(r)) return helper.floatCmp(l, r);
    }
    if (left === EMPTY) left = emptyAs(right);
    else if (right === EMPTY) right = emptyAs(left);
    if (typeof left === 'string' && typeof right === 'string') return helper.stringCmp(left, right);
    if (typeof left === 'boolean' && typeof right === 'boolean') return Number(left) - Number(right);
    if (isNumber(left) && isNumber(right)) return helper.floatCmp(left, right);
    if (left === EMPTY && right === EMPTY) return 0;
    return Math.sign(typeOrder(left) - typeOrder(right));
  };
}

/** coerceEmptyToValue: an empty cell compared with a value is that type's empty. */
function emptyAs(other: Value): Value {
  if (typeof other === 'string') return '';
  if (typeof other === 'boolean') return false;
  if (isNumber(other)) return 0;
  return EMPTY;
}
