/**
 * The compiled lookups (issue 14): VLOOKUP, HLOOKUP, MATCH, XLOOKUP, `@INDEX(…, MATCH(…))`
 * (lookup-pick.ts), COUNTIF and SUMIF (lookup-criteria.ts) whose table is an absolute range
 * of another sheet holding values (lookup-table.ts) become a probe of an index built once per
 * run (lookup-index.ts) instead of the engine's scan per row. Each mirrors the plugin the engine registers for the name today (`OWNERS`); another
 * plugin under the name, or a form not proven identical (an approximate XLOOKUP, MATCH type
 * -1, arguments the compiler cannot fix at compile time), falls back with its reason. `@x`
 * (SINGLE, which the importer writes before a call that could spill) is taken here too.
 */
import { CellError, ErrorType, HyperFormula } from 'hyperformula';
import { approximatePosition, plain } from '../functions/text-lookup.js';
import type { RowsRuleInput } from './api.js';
import { compileCriteria } from './lookup-criteria.js';
import { compileIndex } from './lookup-pick.js';
import { ExactIndex, XlookupIndex, rawValue, wildcardHelper } from './lookup-index.js';
import { readTable, type Table } from './lookup-table.js';
import type { Node } from './parse.js';
import { EMPTY, err, type Runtime, type Value } from './values.js';

/** The plugin each compiled lookup mirrors (rules/functions/lookup-approximate.ts, lookup/xlookup.ts). */
const OWNERS: Record<string, string> = {
  VLOOKUP: 'ExcelLookupPlugin',
  HLOOKUP: 'ExcelLookupPlugin',
  MATCH: 'ExcelLookupPlugin',
  XLOOKUP: 'XlookupPlugin',
};

/** Names compiled in lookup-pick.ts and lookup-criteria.ts, which check their plugins themselves. */
const ELSEWHERE = new Set(['INDEX', 'COUNTIF', 'SUMIF']);

/** Every lookup name the compiler takes (in the forms this file, lookup-pick.ts and lookup-criteria.ts name), and SINGLE (`@`). */
export function compiledLookupNames(): string[] {
  return [...Object.keys(OWNERS), ...ELSEWHERE, 'SINGLE'];
}

/** What a lookup needs from the compiler: its runtime, the run's input, and how to compile an argument. */
export interface LookupCompiler<C> {
  rt: Runtime;
  input: RowsRuleInput;
  node(n: Node): (c: C) => Value;
}

type Compiled<C> = ((c: C) => Value) | string | null;

/** Tables read once per run, shared by every column of one compileRowsRule. */
const tablesByRun = new WeakMap<RowsRuleInput, Map<string, Table | string>>();

/** The compiled call, the reason it cannot be compiled, or null for a name that is not a lookup here. */
export function compileLookup<C>(name: string, args: Node[], k: LookupCompiler<C>): Compiled<C> {
  // `@XLOOKUP(…)`: the importer marks a legacy formula's call that could spill (rules/xlsx/implicit-intersection.ts).
  if (name === 'SINGLE') return single(args, k);
  const expected = OWNERS[name];
  if (!expected && !ELSEWHERE.has(name)) return null;
  const table = tableReader(k.input);
  if (name === 'COUNTIF' || name === 'SUMIF') return compileCriteria(name, args, k, table);
  // Under array arithmetic a bare INDEX with a computed row is sized as its whole table, an
  // array formula, which the Rows sheet makes #VALUE!; only `@INDEX(…)` is one value (single below).
  if (name === 'INDEX') return 'uses INDEX without @ (the engine sizes it as its whole table, an array)';
  const plugin = HyperFormula.getFunctionPlugin(name) as { name?: string } | undefined;
  if (plugin?.name !== expected)
    return `uses ${name}, now implemented by ${plugin?.name ?? 'no plugin'}, which the compiler does not mirror`;
  if (name === 'VLOOKUP' || name === 'HLOOKUP') return tableLookup(name, args, k, table);
  if (name === 'MATCH') return match(args, k, table);
  return xlookup(args, k, table);
}

/**
 * SpillPlugin's SINGLE returns any value that is not a range as it is, and every compiled
 * closure gives one value (ranges are never compiled), so `@x` is x.
 */
function single<C>(args: Node[], k: LookupCompiler<C>): Compiled<C> {
  const plugin = HyperFormula.getFunctionPlugin('SINGLE') as { name?: string } | undefined;
  if (plugin?.name !== 'SpillPlugin')
    return `uses @ (SINGLE), now implemented by ${plugin?.name ?? 'no plugin'}, which the compiler does not mirror`;
  if (args.length !== 1) return 'uses @ (SINGLE) with other than one argument';
  const inner = args[0];
  if (inner.k === 'call' && inner.name === 'INDEX') return compileIndex(inner.args, k, tableReader(k.input));
  return k.node(inner);
}

/** Reads a table argument, each table once per run. */
function tableReader(input: RowsRuleInput): (n: Node | undefined) => Table | string {
  let tables = tablesByRun.get(input);
  if (!tables) tablesByRun.set(input, (tables = new Map()));
  const known = tables;
  return (n) => (n ? readTable(input, n, known) : 'its table is missing');
}

/** A literal number argument, or undefined. */
function literalNumber(n: Node | undefined): number | undefined {
  if (n?.k === 'num') return n.v;
  if (n?.k === 'paren') return literalNumber(n.e);
  return undefined;
}

/** The key as a NOERROR argument reaches the body: an error is the result, a typed number its number, empty as 0. */
function lookupKey(v: Value): Value {
  return v === EMPTY ? 0 : rawValue(v);
}

/** One row or column of a table, in order. */
function vector(table: Table, across: 'column' | 'row', index: number): Value[] {
  return across === 'column'
    ? Array.from({ length: table.height }, (_, r) => table.cell(r, index))
    : Array.from({ length: table.width }, (_, c) => table.cell(index, c));
}

/** ExcelLookupPlugin.tableLookup: its checks, then HyperFormula's doVlookup/doHlookup search. */
function tableLookup<C>(
  name: 'VLOOKUP' | 'HLOOKUP',
  args: Node[],
  k: LookupCompiler<C>,
  tableOf: (n: Node | undefined) => Table | string,
): Compiled<C> {
  if (args.length < 3 || args.length > 4) return `uses ${name} with ${args.length} arguments`;
  const table = tableOf(args[1]);
  if (typeof table === 'string') return `uses ${name}: ${table}`;
  const index = literalNumber(args[2]);
  if (index === undefined || !Number.isInteger(index))
    return `uses ${name} with an index that is not a whole number written in the formula`;
  const sorted = literalBoolean(args[3]);
  if (sorted === undefined) return `uses ${name} with a range_lookup that is not TRUE, FALSE or a number written in the formula`;
  const vertical = name === 'VLOOKUP';
  if (!vertical && table.wholeColumns) return 'uses HLOOKUP over whole columns';
  if (sorted && table.wholeColumns) return `uses ${name} with an approximate match over whole columns`;
  const key = k.node(args[0]);
  const across = vertical ? table.width : table.height;
  const fixed =
    index < 1
      ? err(ErrorType.VALUE, 'the row or column index must be 1 or more')
      : index > across
        ? err(ErrorType.REF, `the index ${index} is past the table's last ${vertical ? 'column' : 'row'}`)
        : null;
  if (fixed)
    return (c) => {
      const v = key(c);
      return v instanceof CellError ? v : fixed;
    };
  const keys = vector(table, vertical ? 'column' : 'row', 0);
  const found = sorted ? approximateSearch(keys) : exactSearch(k.rt, keys);
  if (typeof found === 'string') return `uses ${name}: ${found}`;
  const notFound = err(ErrorType.NA, 'Value not found.');
  return (c) => {
    const v = key(c);
    if (v instanceof CellError) return v;
    const at = found(lookupKey(v));
    if (at < 0) return notFound;
    const value = vertical ? table.cell(at, index - 1) : table.cell(index - 1, at);
    // LookupPlugin.zeroIfEmptyResult: a matched empty cell is 0.
    return value === EMPTY ? 0 : value;
  };
}

/** range_lookup written in the formula: omitted is TRUE, an empty argument FALSE (BOOLEAN of an empty value). */
function literalBoolean(n: Node | undefined): boolean | undefined {
  if (n === undefined) return true;
  if (n.k === 'empty') return false;
  if (n.k === 'bool') return n.v;
  const number = literalNumber(n);
  return number === undefined ? undefined : number !== 0;
}

function exactSearch(rt: Runtime, keys: Value[]): ((key: Value) => number) | string {
  const helper = wildcardHelper(rt);
  if (typeof helper === 'string') return helper;
  const index = new ExactIndex(keys, helper);
  return (key) => index.find(key);
}

/** Tickmark's approximate search (text-lookup.ts's approximatePosition, a binary search), over the same values. */
function approximateSearch(keys: Value[]): (key: Value) => number {
  const cells = keys.map((v) => plain(v as never));
  return (key) => approximatePosition(cells, plain(key as never) as never);
}

/** ExcelLookupPlugin.doMatch for types 0 and 1 over one row or column. */
function match<C>(args: Node[], k: LookupCompiler<C>, tableOf: (n: Node | undefined) => Table | string): Compiled<C> {
  if (args.length < 2 || args.length > 3) return `uses MATCH with ${args.length} arguments`;
  const table = tableOf(args[1]);
  if (typeof table === 'string') return `uses MATCH: ${table}`;
  const type = args.length === 3 ? literalNumber(args[2]) : 1;
  if (type !== 0 && type !== 1) return 'uses MATCH with a match type other than 0 or 1 written in the formula';
  if (table.width > 1 && table.height > 1) return 'uses MATCH over a table of more than one row and column';
  if (type === 1 && table.wholeColumns) return 'uses MATCH with an approximate match over whole columns';
  const key = k.node(args[0]);
  const keys = vector(table, table.width === 1 ? 'column' : 'row', 0);
  const found = type === 0 ? exactSearch(k.rt, keys) : approximateSearch(keys);
  if (typeof found === 'string') return `uses MATCH: ${found}`;
  // The messages of the two branches the plugin takes: its own (text, or type 1) and HyperFormula's.
  const noMatch = err(ErrorType.NA, 'no value matches');
  const notFound = err(ErrorType.NA, 'Value not found.');
  return (c) => {
    const v = key(c);
    if (v instanceof CellError) return v;
    const lookup = lookupKey(v);
    const at = found(lookup);
    if (at >= 0) return at + 1;
    return type === 1 || typeof lookup === 'string' ? noMatch : notFound;
  };
}

/** Tickmark's XlookupPlugin, exact match (match_mode 0) searching first to last (search_mode 1). */
function xlookup<C>(args: Node[], k: LookupCompiler<C>, tableOf: (n: Node | undefined) => Table | string): Compiled<C> {
  if (args.length < 3 || args.length > 6) return `uses XLOOKUP with ${args.length} arguments`;
  const matchMode = args.length > 4 ? literalNumber(args[4]) : 0;
  const searchMode = args.length > 5 ? literalNumber(args[5]) : 1;
  if (matchMode !== 0 || searchMode !== 1)
    return 'uses XLOOKUP with a match_mode other than 0 or a search_mode other than 1 (only exact, first-to-last is compiled)';
  const keys = tableOf(args[1]);
  if (typeof keys === 'string') return `uses XLOOKUP: ${keys}`;
  const results = tableOf(args[2]);
  if (typeof results === 'string') return `uses XLOOKUP: ${results}`;
  const vertical = keys.width === 1;
  const fits = vertical
    ? results.width === 1 && results.height === keys.height
    : keys.height === 1 && results.height === 1 && results.width === keys.width;
  if (!fits) return 'uses XLOOKUP whose arrays are not one row or column of the same length';
  const index = new XlookupIndex(vector(keys, vertical ? 'column' : 'row', 0));
  if (keys.wholeColumns || results.wholeColumns) {
    if (!keys.wholeColumns || !results.wholeColumns || keys.sheet.toLowerCase() !== results.sheet.toLowerCase())
      return 'uses XLOOKUP with whole columns of different sheets, or a whole column beside a range';
    // An empty key finds the first empty cell. Below the data, whether the engine has one
    // depends on how far down the workbook's other formulas reach into the sheet (HyperFormula
    // grows a sheet to every cell referenced), which the compiled code cannot know.
    if (!index.hasEmpty) return `uses XLOOKUP over whole columns of ${keys.sheet} with no empty cell in the lookup column`;
  }
  const key = k.node(args[0]);
  const ifNotFound = args[3] === undefined || args[3].k === 'empty' ? null : k.node(args[3]);
  const pick = (at: number) => (vertical ? results.cell(at, 0) : results.cell(0, at));
  const noMatch = err(ErrorType.NA, 'no match for the lookup value');
  return (c) => {
    const v = key(c);
    if (v instanceof CellError) return v;
    // if_not_found is an ANY argument: evaluated every time, its error the result, a typed number its number.
    const otherwise = ifNotFound ? rawValue(ifNotFound(c)) : EMPTY;
    if (otherwise instanceof CellError) return otherwise;
    const at = index.find(rawValue(v));
    if (at < 0) return otherwise === EMPTY ? noMatch : otherwise;
    const value = pick(at);
    return value === EMPTY ? 0 : value;
  };
}
