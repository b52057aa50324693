/**
 * Compiles the `Rows` rule's row-2 formulas once into closures over a row's inputs (issue
 * 14), with HyperFormula's semantics (rules/compiled/values.ts, functions.ts). A column the
 * compiler cannot take falls back to HyperFormula with the reason, and so does every formula
 * column joined to it by a reference either way (api.ts): the HyperFormula blocks then hold
 * all the formulas they read.
 */
import { CellError, ErrorType } from 'hyperformula';
import { dateTypedOutput, excelNumber, isoToSerial } from '../field-values.js';
import type { RowsColumn } from '../rows-layout.js';
import type { CellInput, CellValue } from '../workbook.js';
import { findSheet, isFormula } from '../workbook.js';
import type { CompiledRowsRule, EngineScalar, FallbackColumn, RowsRuleInput } from './api.js';
import { AGGREGATES, aggregate, lazyIfCondition, logicCall, ownerProblem, prepareCall } from './functions.js';
import { compileLookup } from './lookups.js';
import { parseFormula, type Node } from './parse.js';
import { EMPTY, comparer, runtime, settle, toText, toTypedNumber, type Runtime, type Value } from './values.js';

/** Why a formula is not compiled; thrown inside this module only. */
class Unsupported extends Error {}

interface Context {
  input: (index: number) => EngineScalar;
  vals: Value[];
}

type Fn = (c: Context) => Value;

const ERROR_TYPES: Record<string, string> = {
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#N/A': ErrorType.NA,
  '#NAME?': ErrorType.NAME,
  '#NULL!': 'NULL',
  '#NUM!': ErrorType.NUM,
  '#REF!': ErrorType.REF,
  '#VALUE!': ErrorType.VALUE,
};

export function compileRowsRule(input: RowsRuleInput): CompiledRowsRule {
  const rt = runtime(input.workbook.date1904 === true);
  const formulas = input.layout.columns.filter((c): c is Extract<RowsColumn, { kind: 'formula' }> => c.kind === 'formula');
  const compiledFns = new Map<number, Fn>();
  const deps = new Map<number, Set<number>>();
  const failed = new Map<number, string>();
  for (const column of formulas) {
    const used = new Set<number>();
    try {
      const parsed = parseFormula(column.formula);
      if (!parsed.ok) throw new Unsupported(`the compiler cannot read it: ${parsed.reason}`);
      // Read from the tree, not the compiling: a formula that fails early still ties its neighbours.
      rowsReferences(parsed.node, input.layout.headers.length, used);
      compiledFns.set(column.index, new Compiler(rt, input, column.index, used).node(parsed.node));
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      failed.set(column.index, error.message);
    }
    deps.set(column.index, used);
  }
  const order = dependencyOrder(formulas, deps, failed);
  spreadFallback(input.layout.headers, formulas, deps, failed);
  const fallback: FallbackColumn[] = formulas
    .filter((c) => failed.has(c.index))
    .map((c) => ({ index: c.index, header: c.header, reason: failed.get(c.index)! }));
  const compiled = order.filter((i) => !failed.has(i));
  const steps = compiled.map((index) => ({ index, fn: compiledFns.get(index)! }));
  const context: Context = { input: () => null, vals: new Array<Value>(input.layout.headers.length) };
  return {
    compiled,
    fallback,
    evaluate(read, out) {
      context.input = read;
      for (const { index, fn } of steps) {
        const value = fn(context);
        context.vals[index] = value;
        out[index] = toOutput(rt, value);
      }
    },
  };
}

/** Every column of Rows a formula refers to, by a cell or inside a range. */
function rowsReferences(node: Node, width: number, into: Set<number>): void {
  const onRows = (sheet: string | null) => sheet === null || sheet.toLowerCase() === 'rows';
  if (node.k === 'ref' && onRows(node.sheet)) into.add(node.col);
  if (node.k === 'range' && onRows(node.sheet)) {
    for (let col = Math.min(node.start.col, node.end.col); col <= Math.max(node.start.col, node.end.col) && col < width; col++)
      into.add(col);
  }
  if (node.k === 'bin') {
    rowsReferences(node.l, width, into);
    rowsReferences(node.r, width, into);
  }
  if (node.k === 'un' || node.k === 'pct' || node.k === 'paren') rowsReferences(node.e, width, into);
  if (node.k === 'call') for (const a of node.args) rowsReferences(a, width, into);
}

/** Formula columns in an order where each comes after those it reads; a cycle falls back. */
function dependencyOrder(formulas: RowsColumn[], deps: Map<number, Set<number>>, failed: Map<number, string>): number[] {
  const order: number[] = [];
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (index: number, path: number[]): void => {
    if (state.get(index) === 'done') return;
    if (state.get(index) === 'visiting') {
      for (const i of path.slice(path.indexOf(index))) if (!failed.has(i)) failed.set(i, 'its formula is part of a circular reference');
      return;
    }
    state.set(index, 'visiting');
    for (const d of deps.get(index) ?? []) if (deps.has(d)) visit(d, [...path, index]);
    state.set(index, 'done');
    order.push(index);
  };
  for (const column of formulas) visit(column.index, []);
  return order;
}

/** A fallback column takes every formula column it reads or that reads it, transitively. */
function spreadFallback(headers: string[], formulas: RowsColumn[], deps: Map<number, Set<number>>, failed: Map<number, string>): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const column of formulas) {
      if (failed.has(column.index)) continue;
      for (const d of deps.get(column.index) ?? []) {
        if (failed.has(d)) {
          failed.set(column.index, `depends on column "${headers[d]}", which falls back`);
          changed = true;
          break;
        }
      }
      if (failed.has(column.index)) continue;
      for (const other of formulas) {
        if (failed.has(other.index) && deps.get(other.index)?.has(column.index)) {
          failed.set(column.index, `column "${headers[other.index]}" depends on it and falls back`);
          changed = true;
          break;
        }
      }
    }
  }
}

/** What the results show for a formula's value, as rules/row-evaluator.ts's readValue gives it. */
export function toOutput(rt: Runtime, value: Value): CellValue {
  // An integer below 1e9 comes through both roundings unchanged (-0 as 0): see smallInteger.
  if (typeof value === 'number') return smallInteger(value) ? value || 0 : excelNumber(hfRounding(value));
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value === EMPTY) return null;
  if (value instanceof CellError) {
    const error = rt.errorText(value.type);
    return value.message ? { error, message: value.message } : { error };
  }
  const number = excelNumber(hfRounding(value.val));
  const type = value.getDetailedType();
  return type === 'NUMBER_DATE' || type === 'NUMBER_DATETIME' ? dateTypedOutput(number) : number;
}

/**
 * Whether hfRounding then excelNumber leave `value` as it is (bar -0). For an integer v with
 * |v| < 1e9, hfRounding multiplies by 10^k with k = 15 - floor(log10|v|) ≥ 6 (one more or less
 * if log10 is off near a power of ten): the product v·5^k·2^k has an odd part below
 * 1e17 / 2^6 < 2^53, so it is exact, Math.round keeps it, and dividing gives v back; and
 * toPrecision(15) of an integer of at most 15 digits is its digits. The test in
 * test/rules/compiled/output.test.ts checks it against the full path at the edges.
 */
export function smallInteger(value: number): boolean {
  return Number.isInteger(value) && value < 1e9 && value > -1e9;
}

/** HyperFormula's Exporter.cellValueRounding at Tickmark's precisionRounding (15). */
export function hfRounding(value: number): number {
  if (value === 0) return value;
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  const places = Math.pow(10, 15 - exponent);
  // As patched in rules/functions/rounding-patch.ts: below ~1e-293 the scale is Infinity.
  if (!Number.isFinite(places)) return value;
  return value < 0 ? -Math.round(-value * places) / places : Math.round(value * places) / places;
}

/** An input as a formula sees it: empty text is an empty cell, as rules/field-values.ts's fieldToCell writes it. */
function engineValue(v: EngineScalar): Value {
  return v === null || v === '' ? EMPTY : v;
}

class Compiler {
  constructor(
    private readonly rt: Runtime,
    private readonly input: RowsRuleInput,
    private readonly self: number,
    private readonly used: Set<number>,
    /** Inside a defined name's expression: no references to Rows. */
    private readonly inName = false,
  ) {}

  node(n: Node): Fn {
    const fn = this.build(n);
    if (n.k === 'ref' || n.k === 'name' || n.k === 'str' || n.k === 'bool' || n.k === 'empty' || n.k === 'err') return fn;
    return (c) => settle(fn(c));
  }

  private build(n: Node): Fn {
    switch (n.k) {
      case 'num': {
        if (!Number.isFinite(n.v)) throw new Unsupported(`the number ${n.v} is out of range`);
        const v = n.v;
        return () => v;
      }
      case 'str': {
        const v = n.v;
        return () => v;
      }
      case 'bool': {
        const v = n.v;
        return () => v;
      }
      case 'err': {
        const error = new CellError(ERROR_TYPES[n.code] as ErrorType);
        return () => error;
      }
      case 'empty':
        return () => EMPTY;
      case 'paren':
        return this.node(n.e);
      case 'ref':
        return this.reference(n);
      case 'range':
        throw new Unsupported('uses a range outside a lookup the compiler knows');
      case 'name':
        return this.name(n.name);
      case 'un':
        return this.unary(n.op, this.node(n.e));
      case 'pct': {
        const e = this.node(n.e);
        const helper = this.rt.helper;
        return (c) => {
          const v = toTypedNumber(helper, e(c));
          return v instanceof CellError ? v : helper.unaryPercent(v);
        };
      }
      case 'bin':
        return this.binary(n.op, this.node(n.l), this.node(n.r));
      case 'call':
        return this.call(n.name, n.args);
    }
  }

  private unary(op: '-' | '+', e: Fn): Fn {
    if (op === '+') return e;
    const helper = this.rt.helper;
    return (c) => {
      const v = e(c);
      if (typeof v === 'number') return -v;
      const n = toTypedNumber(helper, v);
      return n instanceof CellError ? n : helper.unaryMinus(n);
    };
  }

  private binary(op: string, l: Fn, r: Fn): Fn {
    const helper = this.rt.helper;
    const eps = helper.actualEps;
    if (op === '&') {
      return (c) => {
        const a = toText(l(c));
        const b = toText(r(c));
        // toText keeps an error as it is, so the left error still wins first.
        if (a instanceof CellError) return a;
        if (b instanceof CellError) return b;
        return a + b;
      };
    }
    const compare = COMPARISONS[op];
    if (compare) {
      const cmp = comparer(this.rt);
      return (c) => {
        const a = l(c);
        const b = r(c);
        if (a instanceof CellError) return a;
        if (b instanceof CellError) return b;
        return compare(cmp(a, b));
      };
    }
    const fast = FAST[op];
    const slow = {
      '+': helper.addWithEpsilon,
      '-': helper.subtract,
      '*': helper.multiply,
      '/': helper.divide,
      '^': helper.pow,
    }[op]!;
    return (c) => {
      const a = l(c);
      const b = r(c);
      if (typeof a === 'number' && typeof b === 'number') return fast(a, b, eps);
      // HyperFormula's binaryRangeWrapper: an error operand wins (left first) before any coercion.
      if (a instanceof CellError) return a;
      if (b instanceof CellError) return b;
      const x = toTypedNumber(helper, a);
      const y = toTypedNumber(helper, b);
      if (x instanceof CellError) return x;
      if (y instanceof CellError) return y;
      return slow(x, y);
    };
  }

  private call(name: string, args: Node[]): Fn {
    const lookup = compileLookup(name, args, { rt: this.rt, input: this.input, node: (a: Node) => this.node(a) });
    if (typeof lookup === 'string') throw new Unsupported(lookup);
    if (lookup) return lookup;
    const owner = ownerProblem(name);
    if (owner) throw new Unsupported(owner);
    const fns = args.map((a) => this.node(a));
    const condition = lazyIfCondition(
      name,
      args.length,
      args.map((a) => a.k === 'empty'),
    );
    if (condition) {
      const [test, then] = fns;
      const otherwise = fns[2] ?? (() => false);
      return (c) => {
        const chosen = condition(test(c));
        return chosen instanceof CellError ? chosen : chosen ? then(c) : otherwise(c);
      };
    }
    const logic = logicCall(
      name,
      args.map((a) => a.k === 'ref'),
      args.map((a) => a.k === 'empty'),
    );
    if (logic) return (c) => logic(fns.map((f) => f(c)));
    if (AGGREGATES.has(name)) {
      for (const a of args) if (a.k === 'range') throw new Unsupported(`uses ${name} over a range`);
      const run = aggregate(
        this.rt,
        name,
        args.map((a) => a.k === 'ref'),
      );
      return (c) => run(fns.map((f) => f(c)));
    }
    const prepared = prepareCall(
      this.rt,
      name,
      args.length,
      args.map((a) => a.k === 'empty'),
    );
    if (typeof prepared === 'string') throw new Unsupported(prepared);
    // One argument buffer per call site: prepared.call reads it before any other call fills it again.
    const argv = new Array<Value>(fns.length);
    return (c) => {
      for (let i = 0; i < fns.length; i++) argv[i] = fns[i](c);
      return prepared.call(argv);
    };
  }

  private reference(n: Extract<Node, { k: 'ref' }>): Fn {
    if (n.sheet === null || n.sheet.toLowerCase() === 'rows') {
      if (this.inName) throw new Unsupported('a defined name refers to the Rows sheet');
      if (n.rowAbs || n.row !== 1) throw new Unsupported('refers to another row of Rows (or to row 2 with $)');
      const layout = this.input.layout;
      const column = layout.columns[n.col];
      if (!column) return () => EMPTY;
      if (n.col === this.self) throw new Unsupported('its formula refers to itself');
      if (column.kind === 'formula') {
        this.used.add(n.col);
        const index = n.col;
        return (c) => c.vals[index];
      }
      if (column.kind === 'constant') throw new Unsupported(`refers to constant column "${column.header}"`);
      const index = n.col;
      return (c) => engineValue(c.input(index));
    }
    if (!n.rowAbs) throw new Unsupported(`refers to ${n.sheet} by a relative row`);
    const value = this.sheetCell(n.sheet, n.row, n.col);
    return () => value;
  }

  /** A cell of another sheet, as HyperFormula holds it; a formula there is not taken. */
  private sheetCell(name: string, row: number, col: number): Value {
    const replaced = this.input.replace[name.toLowerCase()];
    if (replaced) {
      const cell = replaced[row]?.[col];
      if (cell === null || cell === undefined) return EMPTY;
      if (typeof cell === 'number' || typeof cell === 'boolean') return cell;
      if (typeof cell === 'string' && cell.startsWith("'")) return cell.slice(1);
      throw new Unsupported(`refers to ${name}, whose cell holds what the engine would parse`);
    }
    const sheet = findSheet(this.input.workbook, name);
    if (!sheet) throw new Unsupported(`refers to sheet "${name}", which the workbook lacks`);
    return workbookCell(sheet.cells[row]?.[col], name);
  }

  private name(name: string): Fn {
    const lower = name.toLowerCase();
    const local = this.input.workbook.names.find((d) => d.name.toLowerCase() === lower && d.scope?.toLowerCase() === 'rows');
    const global = this.input.workbook.names.find((d) => d.name.toLowerCase() === lower && !d.scope);
    const defined = local ?? global;
    if (defined && !local) {
      if (Object.keys(this.input.params).some((p) => p.toLowerCase() === lower))
        throw new Unsupported(`the name ${name} is both a Param and a defined name`);
    }
    if (defined) {
      const expression = defined.expression.startsWith('=') ? defined.expression : `=${defined.expression}`;
      const parsed = parseFormula(expression);
      if (!parsed.ok) throw new Unsupported(`the name ${name} is not one the compiler reads: ${parsed.reason}`);
      const fn = new Compiler(this.rt, this.input, this.self, this.used, true).node(parsed.node);
      // A name is a cell of its own: its value is computed once, as a constant.
      const value = fn({ input: () => null, vals: [] });
      return () => value;
    }
    const param = Object.entries(this.input.params).find(([p]) => p.toLowerCase() === lower);
    if (!param) throw new Unsupported(`uses the name ${name}, which is neither a Param nor a defined name`);
    const value = paramValue(param[1]);
    return () => value;
  }
}

function paramValue(value: string | number | boolean): Value {
  if (typeof value !== 'string') return value;
  const serial = isoToSerial(value);
  return serial ?? value;
}

/** A workbook cell read by reference: text stays text, an error literal is that error (rules/engine-workbook.ts's toEngineCell). */
function workbookCell(cell: CellInput | undefined, sheet: string): Value {
  if (cell === null || cell === undefined) return EMPTY;
  if (typeof cell !== 'string') return cell;
  if (isFormula(cell)) throw new Unsupported(`refers to a formula cell of ${sheet}`);
  const type = ERROR_TYPES[cell];
  return type ? new CellError(type as ErrorType) : cell;
}

const COMPARISONS: Record<string, (c: number) => boolean> = {
  '=': (c) => c === 0,
  '<>': (c) => c !== 0,
  '<': (c) => c < 0,
  '>': (c) => c > 0,
  '<=': (c) => c <= 0,
  '>=': (c) => c >= 0,
};

/** The operators on two plain numbers, as ArithmeticHelper computes them (with its epsilon). */
const FAST: Record<string, (a: number, b: number, eps: number) => Value> = {
  '+': (a, b, eps) => {
    const r = a + b;
    return Math.abs(r) < eps * Math.abs(a) ? 0 : r;
  },
  '-': (a, b, eps) => {
    const r = a - b;
    return Math.abs(r) < eps * Math.abs(a) ? 0 : r;
  },
  '*': (a, b) => a * b,
  '/': (a, b) => (b === 0 ? new CellError(ErrorType.DIV_BY_ZERO) : a / b),
  '^': (a, b) => Math.pow(a, b),
};
