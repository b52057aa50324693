/**
 * The functions the compiler takes (issue 14), each as HyperFormula (with Tickmark's
 * plugins) computes it. Most of HyperFormula's functions run through one routine,
 * `FunctionPlugin.runFunction`: every argument is evaluated, the count checked, then each is
 * coerced in order to the type its metadata declares (the first failure is the result) and
 * the body runs. `callWithMetadata` is that routine for scalar arguments, reading the very
 * metadata HyperFormula registered, so only the bodies are written here, copied from
 * HyperFormula's plugins (or Tickmark's where Tickmark replaces them).
 */
import { CellError, ErrorType, HyperFormula } from 'hyperformula';
import { roundDecimal } from '../functions/arithmetic.js';
import { DATE_BODIES, DATE_OWNERS, DATE_OWN_CALLS } from './functions-dates.js';
import { guardedBodies } from './functions-guard.js';
import { TEXT_BODIES, TEXT_OWNERS } from './functions-text.js';
import { EMPTY, MESSAGES, err, isNumber, raw, toBoolean, toText, type Runtime, type Value } from './values.js';

/** HyperFormula's FunctionArgumentType values. */
interface ArgumentMetadata {
  argumentType: string;
  defaultValue?: unknown;
  optionalArg?: boolean;
  emptyAsDefault?: boolean;
  passSubtype?: boolean;
  minValue?: number;
  maxValue?: number;
  lessThan?: number;
  greaterThan?: number;
}

interface FunctionMetadata {
  parameters?: ArgumentMetadata[];
  repeatLastArgs?: number;
  expandRanges?: boolean;
  returnNumberType?: string;
  vectorizationForbidden?: boolean;
}

type Body = (rt: Runtime, ...args: never[]) => unknown;

/** Bodies of runFunction-based functions, keyed by name; `args` are already coerced. */
const BODIES: Record<string, Body> = {
  IF: (_rt, condition: boolean, a: Value, b: Value) => (condition ? a : b),
  IFS: (_rt, ...args: Value[]) => {
    for (let i = 0; i < args.length; i += 2) if (args[i]) return args[i + 1];
    return err(ErrorType.NA, 'None of the conditions were met.');
  },
  IFERROR: (_rt, a: Value, b: Value) => (a instanceof CellError ? b : a),
  IFNA: (_rt, a: Value, b: Value) => (a instanceof CellError && a.type === ErrorType.NA ? b : a),
  TRUE: () => true,
  FALSE: () => false,
  ABS: (_rt, x: number) => Math.abs(x),
  SIGN: (_rt, x: number) => (x > 0 ? 1 : x < 0 ? -1 : 0),
  POWER: (_rt, x: number, y: number) => Math.pow(x, y),
  SQRT: (_rt, x: number) => Math.sqrt(x),
  MOD: (_rt, dividend: number, divisor: number) => {
    if (divisor === 0) return err(ErrorType.DIV_BY_ZERO);
    const remainder = dividend % divisor;
    if (remainder === 0 || remainder < 0 === divisor < 0) return remainder;
    return remainder + divisor;
  },
  // Tickmark's (rules/functions/arithmetic.ts): decimal rounding on 15 significant digits.
  // Zero (either sign) rounds to 0 whatever the digits (NaN and ±Infinity factors included:
  // roundDecimal's `|| 0` takes the NaN), so its toPrecision is skipped.
  ROUND: (_rt, x: number, d: number) => (x === 0 ? 0 : roundDecimal(x, d, 'round')),
  ROUNDUP: (_rt, x: number, d: number) => (x === 0 ? 0 : roundDecimal(x, d, 'up')),
  ROUNDDOWN: (_rt, x: number, d: number) => (x === 0 ? 0 : roundDecimal(x, d, 'down')),
  INT: (_rt, x: number) => Math.floor(Number(x.toPrecision(15))),
  LEN: (_rt, s: string) => s.length,
  UPPER: (_rt, s: string) => s.toUpperCase(),
  LOWER: (_rt, s: string) => s.toLowerCase(),
  TRIM: (_rt, s: string) => s.replace(/^ +/g, '').replace(/ +$/g, '').replace(/ +/g, ' '),
  EXACT: (_rt, a: string, b: string) => a === b,
  LEFT: (_rt, s: string, n: number) => (n < 0 ? err(ErrorType.VALUE, MESSAGES.NegativeLength) : s.slice(0, n)),
  RIGHT: (_rt, s: string, n: number) => (n < 0 ? err(ErrorType.VALUE, MESSAGES.NegativeLength) : n === 0 ? '' : s.slice(-n)),
  MID: (_rt, s: string, start: number, n: number) => {
    if (start < 1) return err(ErrorType.VALUE, 'Argument cannot be less than 1.');
    if (n < 0) return err(ErrorType.VALUE, MESSAGES.NegativeLength);
    return s.substring(start - 1, start + n - 1);
  },
  DATE: (rt, year: number, month: number, day: number) => {
    const dates = rt.dates;
    const d = Math.trunc(day);
    let m = Math.trunc(month);
    let y = Math.trunc(year);
    if (y < dates.getEpochYearZero()) y += dates.getEpochYearZero();
    const delta = Math.floor((m - 1) / 12);
    y += delta;
    m -= delta * 12;
    const date = { year: y, month: m, day: 1 };
    if (!dates.isValidDate(date)) return err(ErrorType.VALUE, 'Invalid date.');
    const serial = dates.getWithinBounds(dates.dateToNumber(date) + (d - 1));
    return serial === undefined ? err(ErrorType.NUM, 'Date outside of bounds.') : serial;
  },
  // The date and text functions calling the plugins' own code, guarded as the plugins are.
  ...guardedBodies(DATE_BODIES),
  ...guardedBodies(TEXT_BODIES),
};

/** Functions with their own argument handling (HyperFormula's numeric aggregation). */
export const AGGREGATES = new Set(['SUM', 'MIN', 'MAX']);

/**
 * The plugin each function's code here mirrors. Another plugin registered under the name
 * (Tickmark replaces HyperFormula's functions one by one) makes the column fall back
 * rather than compute what the engine no longer computes.
 */
const OWNERS: Record<string, string> = {
  ...Object.fromEntries(['IF', 'IFS', 'IFERROR', 'IFNA', 'TRUE', 'FALSE'].map((n) => [n, 'BooleanPlugin'])),
  ...Object.fromEntries(
    ['AND', 'OR', 'XOR', 'NOT', 'ISBLANK', 'ISNUMBER', 'ISTEXT', 'ISERROR', 'ISNA', 'ISERR'].map((n) => [n, 'LogicPlugin']),
  ),
  ...Object.fromEntries(['ROUND', 'ROUNDUP', 'ROUNDDOWN', 'INT'].map((n) => [n, 'ArithmeticPlugin'])),
  ...Object.fromEntries(['LEN', 'UPPER', 'LOWER', 'TRIM', 'EXACT', 'LEFT', 'RIGHT', 'MID'].map((n) => [n, 'TextPlugin'])),
  ...Object.fromEntries(['SUM', 'MIN', 'MAX'].map((n) => [n, 'NumericAggregationPlugin'])),
  ABS: 'AbsPlugin',
  SIGN: 'MathPlugin',
  POWER: 'PowerPlugin',
  SQRT: 'SqrtPlugin',
  MOD: 'ModuloPlugin',
  DATE: 'DateTimePlugin',
  ...DATE_OWNERS,
  ...TEXT_OWNERS,
};

/** Every function name the compiler takes. */
export function compiledFunctionNames(): string[] {
  return Object.keys(OWNERS);
}

/** Why `name` cannot be compiled here, or null when the engine's plugin is the one mirrored. */
export function ownerProblem(name: string): string | null {
  const expected = OWNERS[name];
  if (!expected) return `uses ${name}, which the compiler does not take`;
  const plugin = HyperFormula.getFunctionPlugin(name) as { name?: string } | undefined;
  if (!plugin) return `uses ${name}, unknown to the engine`;
  if (plugin.name !== expected)
    return `uses ${name}, now implemented by ${plugin.name ?? 'another plugin'}, which the compiler does not mirror`;
  return null;
}

/** Tickmark's LogicPlugin (rules/functions/logic.ts): its own argument handling. */
const LOGICAL = new Set(['AND', 'OR', 'XOR']);
const TESTS: Record<string, (v: Value) => boolean> = {
  ISBLANK: (v) => v === EMPTY,
  ISERR: (v) => v instanceof CellError && v.type !== ErrorType.NA,
  ISERROR: (v) => v instanceof CellError,
  ISNA: (v) => v instanceof CellError && v.type === ErrorType.NA,
  ISNUMBER: (v) => isNumber(v),
  ISTEXT: (v) => typeof v === 'string',
};

/** `typedLogical`: null when the value is skipped (empty, or text read from a cell). */
function typedLogical(v: Value, fromCells: boolean): boolean | null | CellError {
  if (v instanceof CellError || typeof v === 'boolean') return v;
  if (isNumber(v)) return raw(v) !== 0;
  if (v === EMPTY) return null;
  if (typeof v === 'string') {
    if (fromCells) return null;
    const upper = v.trim().toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
    return err(ErrorType.VALUE, `"${v}" is not TRUE or FALSE`);
  }
  return null;
}

/**
 * LogicPlugin's functions, or null for another name. `isReference[i]`: argument i is a cell
 * reference; `emptyArgs[i]`: it is written empty.
 */
export function logicCall(name: string, isReference: boolean[], emptyArgs: boolean[]): ((args: Value[]) => Value) | null {
  const count = isReference.length;
  if (LOGICAL.has(name)) {
    if (count < 1) {
      const e = err(ErrorType.NA, `${name} needs at least one value`);
      return () => e;
    }
    const decide = name === 'AND' ? (t: number, c: number) => t === c : name === 'OR' ? (t: number) => t > 0 : (t: number) => t % 2 === 1;
    return (args) => {
      let trues = 0;
      let seen = 0;
      for (let i = 0; i < count; i++) {
        if (emptyArgs[i]) continue;
        const v = args[i];
        if (v instanceof CellError) return v;
        const logical = typedLogical(v, isReference[i]);
        if (logical instanceof CellError) return logical;
        if (logical === null) continue;
        seen += 1;
        if (logical) trues += 1;
      }
      if (seen === 0) return err(ErrorType.VALUE, `${name} found no logical values`);
      return decide(trues, seen);
    };
  }
  if (name === 'NOT') {
    if (count !== 1) {
      const e = err(ErrorType.NA, 'NOT takes one value');
      return () => e;
    }
    return ([v]) => {
      if (v instanceof CellError) return v;
      const logical = typedLogical(v, false);
      return logical instanceof CellError ? logical : logical === null ? true : !logical;
    };
  }
  const test = TESTS[name];
  if (test) {
    if (count !== 1) {
      const e = err(ErrorType.NA, `${name} takes one value`);
      return () => e;
    }
    return ([v]) => test(v);
  }
  return null;
}

export interface PreparedCall {
  /** Calls the function on evaluated arguments (`isEmptyArg[i]`: the argument was written empty, `f(1,)`). */
  call(args: Value[]): Value;
}

/** The function ready to call, or a reason it cannot be compiled (unknown here, or HyperFormula's metadata is not what the body expects). */
export function prepareCall(rt: Runtime, name: string, argCount: number, emptyArgs: boolean[]): PreparedCall | string {
  const own = DATE_OWN_CALLS[name];
  if (own) return ownerProblem(name) ?? own(rt, argCount, emptyArgs);
  const body = BODIES[name];
  if (!body) return `uses ${name}, which the compiler does not take`;
  const owner = ownerProblem(name);
  if (owner) return owner;
  const metadata = metadataOf(name);
  if (!metadata) return `uses ${name}, unknown to the engine`;
  const params = expandParameters(metadata, argCount);
  // Only the arguments written are coerced: an omitted optional range (NETWORKDAYS's holidays) never is.
  if (params.slice(0, argCount).some((p) => p.argumentType === 'RANGE' || p.argumentType === 'COMPLEX'))
    return `uses ${name}, which takes a range`;
  if (!argCountValid(params, argCount)) {
    const error = err(ErrorType.NA, MESSAGES.WrongArgNumber);
    return { call: () => error };
  }
  const fn = body as (rt: Runtime, ...a: unknown[]) => unknown;
  // Spelled out for the usual counts: the same call as the spread, without building its list.
  const invoke =
    params.length === 1
      ? (r: Runtime, c: unknown[]) => fn(r, c[0])
      : params.length === 2
        ? (r: Runtime, c: unknown[]) => fn(r, c[0], c[1])
        : params.length === 3
          ? (r: Runtime, c: unknown[]) => fn(r, c[0], c[1], c[2])
          : (r: Runtime, c: unknown[]) => fn(r, ...c);
  // One buffer per call site, filled anew each call: a formula tree never re-enters its own node.
  const coerced: unknown[] = new Array<unknown>(params.length);
  return {
    call(args) {
      for (let i = 0; i < params.length; i++) {
        const meta = params[i];
        const given: unknown = args[i];
        const value =
          given === undefined
            ? meta.defaultValue
            : emptyArgs[i] && meta.emptyAsDefault && meta.defaultValue !== undefined
              ? meta.defaultValue
              : given;
        if (value === undefined) {
          coerced[i] = undefined;
          continue;
        }
        const c = coerceToType(rt, value as Value, meta);
        if (c === undefined) return err(ErrorType.VALUE, MESSAGES.WrongType);
        if (c instanceof CellError && meta.argumentType !== 'SCALAR') return c;
        coerced[i] = c;
      }
      const result = invoke(rt, coerced) as Value;
      if (metadata.returnNumberType !== undefined && isNumber(result)) {
        return rt.helper.ExtendedNumberFactory(raw(result), { type: metadata.returnNumberType });
      }
      return result;
    },
  };
}

/**
 * IF evaluated lazily: the condition as runFunction coerces a BOOLEAN argument, or null when
 * IF cannot be taken this way. Only when HyperFormula's metadata is exactly
 * (BOOLEAN, SCALAR passSubtype, SCALAR passSubtype default FALSE) and no argument is written
 * empty: the branches' coercion then never fails and returns the branch as it is, so
 * evaluating only the chosen branch (the closures are pure) gives the eager call's value.
 */
export function lazyIfCondition(name: string, argCount: number, emptyArgs: boolean[]): ((v: Value) => boolean | CellError) | null {
  if (name !== 'IF' || ownerProblem(name) || (argCount !== 2 && argCount !== 3) || emptyArgs.some(Boolean)) return null;
  const metadata = metadataOf(name);
  const [condition, then, otherwise, ...rest] = metadata?.parameters ?? [];
  const plainScalar = (p: ArgumentMetadata | undefined) =>
    p !== undefined && p.argumentType === 'SCALAR' && p.passSubtype === true && !p.emptyAsDefault && p.optionalArg !== true;
  const shaped =
    metadata !== undefined &&
    metadata.returnNumberType === undefined &&
    metadata.repeatLastArgs === undefined &&
    rest.length === 0 &&
    condition?.argumentType === 'BOOLEAN' &&
    condition.defaultValue === undefined &&
    !condition.optionalArg &&
    plainScalar(then) &&
    then.defaultValue === undefined &&
    plainScalar(otherwise) &&
    otherwise.defaultValue === false;
  if (!shaped) return null;
  return (v) => {
    const c = toBoolean(v);
    return c === undefined ? err(ErrorType.VALUE, MESSAGES.WrongType) : c;
  };
}

function metadataOf(name: string): FunctionMetadata | undefined {
  const plugin = HyperFormula.getFunctionPlugin(name) as unknown as { implementedFunctions: Record<string, FunctionMetadata> } | undefined;
  return plugin?.implementedFunctions[name];
}

function expandParameters(metadata: FunctionMetadata, count: number): ArgumentMetadata[] {
  const params = [...(metadata.parameters ?? [])];
  const repeat = metadata.repeatLastArgs;
  if (repeat !== undefined && Number.isInteger(repeat) && repeat > 0) {
    while (count > params.length) params.push(...params.slice(params.length - repeat));
  }
  return params;
}

function argCountValid(params: ArgumentMetadata[], count: number): boolean {
  if (count > params.length) return false;
  return params.slice(count).every((p) => p.optionalArg || p.defaultValue !== undefined);
}

/** `FunctionPlugin.coerceToType` for a scalar. */
function coerceToType(rt: Runtime, arg: Value, meta: ArgumentMetadata): unknown {
  let ret: unknown;
  switch (meta.argumentType) {
    case 'INTEGER':
    case 'NUMBER': {
      const coerced = typeof arg === 'number' ? arg : rt.helper.coerceScalarToNumberOrError(arg);
      if (!isNumber(coerced)) {
        ret = coerced;
        break;
      }
      const value = raw(coerced);
      if (meta.maxValue !== undefined && value > meta.maxValue) return err(ErrorType.NUM, MESSAGES.ValueLarge);
      if (meta.minValue !== undefined && value < meta.minValue) return err(ErrorType.NUM, MESSAGES.ValueSmall);
      if (meta.lessThan !== undefined && value >= meta.lessThan) return err(ErrorType.NUM, MESSAGES.ValueLarge);
      if (meta.greaterThan !== undefined && value <= meta.greaterThan) return err(ErrorType.NUM, MESSAGES.ValueSmall);
      if (meta.argumentType === 'INTEGER' && !Number.isInteger(value)) return err(ErrorType.NUM, MESSAGES.IntegerExpected);
      ret = coerced;
      break;
    }
    case 'STRING':
      ret = toText(arg);
      break;
    case 'BOOLEAN':
      ret = toBoolean(arg);
      break;
    case 'SCALAR':
    case 'NOERROR':
    case 'ANY':
      ret = arg;
      break;
    default:
      // RANGE and COMPLEX arguments are refused by prepareCall's callers; never guessed at.
      return err(ErrorType.VALUE, MESSAGES.WrongType);
  }
  if (meta.passSubtype || ret === undefined) return ret;
  return isNumber(ret as Value) ? raw(ret as number) : ret;
}

/**
 * SUM, MIN, MAX (NumericAggregationPlugin.reduce): a reference's text and booleans are
 * skipped, any other argument is coerced to a number (text that is not one is #VALUE!);
 * the first error wins. `isReference[i]`: argument i is written as a cell reference.
 */
export function aggregate(rt: Runtime, name: string, isReference: boolean[]): (args: Value[]) => Value {
  if (isReference.length === 0) {
    const error = err(ErrorType.NA, MESSAGES.WrongArgNumber);
    return () => error;
  }
  const helper = rt.helper;
  const eps = helper.actualEps;
  const initial = name === 'SUM' ? 0 : name === 'MIN' ? Infinity : -Infinity;
  const reduce =
    name === 'SUM'
      ? (acc: number, x: number) => {
          const sum = acc + x;
          return Math.abs(sum) < eps * Math.abs(acc) ? 0 : sum;
        }
      : name === 'MIN'
        ? Math.min
        : Math.max;
  return (args) => {
    let acc = initial;
    for (let i = 0; i < args.length; i++) {
      let v = args[i];
      if (!isReference[i]) v = typeof v === 'number' ? v : helper.coerceScalarToNumberOrError(v);
      if (v instanceof CellError) return v;
      if (!isNumber(v)) continue;
      acc = reduce(acc, raw(v));
    }
    return name !== 'SUM' && !Number.isFinite(acc) ? 0 : acc;
  };
}
