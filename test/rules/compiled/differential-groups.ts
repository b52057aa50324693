/**
 * Every differential group (issue 14), from every formulas*.ts module, each with the rule and
 * random rows it runs on; the cases each compiled function and operator gets, counted from the
 * formulas themselves; and the split of the groups over the test files that run them (vitest
 * runs files in parallel, one per core).
 *
 * A case is one formula on one random row, so a function gets the rows of every formula that
 * calls it. Every group runs through `economical`, formulas.ts's cheap ones first: each
 * formula runs the rows that make every function it calls reach ROWS cases, shared among the
 * formulas calling it (at least MIN_ROWS). Groups sharing an input draw are one rule, so their
 * wrapper columns (the dearest cells, WRAPPER_CELLS) are computed once a row.
 *
 * A new formulas module is wired in here: import it and add its groups to `CHEAP` or `COSTLY`
 * (one group per input draw). Its formulas must read inputs and wrapper columns
 * only, not each other: `economical` runs them in subsets.
 */
import type { EngineScalar } from '../../../rules/compiled/api.js';
import { compiledFunctionNames } from '../../../rules/compiled/functions.js';
import { compiledLookupNames } from '../../../rules/compiled/lookups.js';
import { parseFormula, type Node } from '../../../rules/compiled/parse.js';
import { BOUNDED_GROUPS, GROUPS as CORE_GROUPS } from './formulas.js';
import { dateTextRows, GROUPS as DATE_TEXT_GROUPS } from './formulas-dates-text.js';
import { lookupCase } from './formulas-lookups.js';
import { boundedSource, selected, selectorCodes, valueSource, type RuleCase } from './harness.js';

/** The figure: every compiled function and operator in at least this many cases. */
export const REQUIRED_CASES = 100_000;

/** Rows per group: TICKMARK_DIFFERENTIAL_ROWS for a quick look (the coverage test then fails, saying so). */
export const ROWS = Number(process.env.TICKMARK_DIFFERENTIAL_ROWS ?? REQUIRED_CASES);

export interface DifferentialGroup {
  name: string;
  /** Rows it runs (ROWS when not set). */
  rows?: number;
  /** Cost of a formula cell relative to formulas.ts's (1 when not set), for `shard`'s balance. */
  cost?: number;
  /** The formulas under test: the ones counted for coverage (wrapper columns are not). */
  formulas: string[];
  /** The rule (inputs, wrappers, these formulas, sheets, replace, params) and `count` random rows. */
  build(seed: number, count: number): { rule: RuleCase; rows: EngineScalar[][] };
}

/** A group over inputs A, B, C (values) and D, E, F (selectors), with G, H, I the wrapped A, B, C. */
export function standardCase(name: string, formulas: string[], values: (seed: number) => () => EngineScalar): DifferentialGroup {
  return {
    name,
    formulas,
    build(seed, count) {
      const value = values(seed);
      const selector = selectorCodes(seed + 1);
      const rows = Array.from({ length: count }, () => [value(), value(), value(), selector(), selector(), selector()]);
      const rule: RuleCase = {
        inputs: ['A', 'B', 'C', 'D', 'E', 'F'].map((header) => ({ header })),
        formulas: [
          { header: 'G', formula: selected('A', 'D') },
          { header: 'H', formula: selected('B', 'E') },
          { header: 'I', formula: selected('C', 'F') },
          ...formulas.map((formula, i) => ({ header: `f${i}`, formula })),
        ],
      };
      return { rule, rows };
    },
  };
}

/** formulas-dates-text.ts's layout: inputs A-H (G a calendar, H a format), I, J, K the wrapped A, B, C. */
function dateTextCase(name: string, formulas: string[]): DifferentialGroup {
  return {
    name,
    formulas,
    build(seed, count) {
      const rule: RuleCase = {
        inputs: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((header) => ({ header })),
        formulas: [
          { header: 'I', formula: selected('A', 'D') },
          { header: 'J', formula: selected('B', 'E') },
          { header: 'K', formula: selected('C', 'F') },
          ...formulas.map((formula, i) => ({ header: `f${i}`, formula })),
        ],
      };
      return { rule, rows: dateTextRows(seed, count, selectorCodes(seed + 1), name === 'dates-text calendars') };
    },
  };
}

/** formulas-lookups.ts builds its own rule (reference sheets, a lookup dataset); its formulas are the `f` columns. */
function lookupGroup(): DifferentialGroup {
  const tested = (rule: RuleCase) => rule.formulas.filter((f) => /^f\d+$/.test(f.header)).map((f) => f.formula);
  return { name: 'lookups', formulas: tested(lookupCase(14, 1).rule), build: lookupCase };
}

/** The fewest rows any formula runs. */
export const MIN_ROWS = Math.min(ROWS, 5000);

/**
 * formulas.ts's groups that share an input draw run as one rule: the three wrapper columns are
 * then computed once per row for all of them, not once per group (they cost as much as 14
 * formula cells a row, see WRAPPER_CELLS).
 */
function mergedCase(name: string, groups: [string, string[]][], values: (seed: number) => () => EngineScalar): DifferentialGroup {
  return standardCase(name, [...new Set(groups.flatMap(([, formulas]) => formulas))], values);
}

/** formulas.ts's groups: the cheap ones, first. */
const CHEAP: DifferentialGroup[] = [
  mergedCase(
    Object.keys(CORE_GROUPS)
      .filter((name) => !BOUNDED_GROUPS.includes(name))
      .join('+'),
    Object.entries(CORE_GROUPS).filter(([name]) => !BOUNDED_GROUPS.includes(name)),
    valueSource,
  ),
  mergedCase(
    BOUNDED_GROUPS.join('+'),
    Object.entries(CORE_GROUPS).filter(([name]) => BOUNDED_GROUPS.includes(name)),
    boundedSource,
  ),
];

/**
 * Groups whose cells cost more, with a cost per cell for the balance, as measured (2026-12-02,
 * wall per formula cell beside formulas.ts's ~95 µs): calendar formulas 140-980 µs before their
 * narrower draw (BDAYS and the trading-day walks the dearest), lookups 100-350 µs, the other
 * date and text ones 55-145 µs. The date parts and the text functions share a draw, so one rule.
 * Since the calendar bodies count instead of walking (later that day) that tier is cheaper, and
 * these costs still split the groups evenly: 93 and 92 s on the two threads, quiet.
 */
const COSTLY: DifferentialGroup[] = [
  {
    ...dateTextCase('dates-text dateParts+text', [
      ...new Set(Object.entries(DATE_TEXT_GROUPS).flatMap(([name, formulas]) => (name === 'calendars' ? [] : formulas))),
    ]),
    cost: 1,
  },
  { ...dateTextCase('dates-text calendars', DATE_TEXT_GROUPS.calendars), cost: 2 },
  { ...lookupGroup(), cost: 2.5 },
];

/**
 * `group` split by the rows each formula needs: for every function or operator it calls, the
 * cases still missing (`missing`) shared evenly among the formulas of the group calling it; a
 * formula takes the most any of its functions asks, and formulas asking the same run together.
 */
export function economical(group: DifferentialGroup, missing: Map<string, number>): DifferentialGroup[] {
  const callers = new Map<string, number>();
  const called = group.formulas.map((formula) => calledIn(formula));
  for (const names of called) for (const name of names) callers.set(name, (callers.get(name) ?? 0) + 1);
  const rowsOf = mergedTiers(
    called.map((names) => Math.max(MIN_ROWS, ...[...names].map((name) => Math.ceil((missing.get(name) ?? 0) / callers.get(name)!)))),
    group.cost ?? 1,
  );
  return [...new Set(rowsOf)]
    .sort((a, b) => b - a)
    .map((rows) => {
      const formulas = group.formulas.filter((_, i) => rowsOf[i] === rows);
      return {
        name: `${group.name} (${rows} rows)`,
        rows,
        ...(group.cost ? { cost: group.cost } : {}),
        formulas,
        build: (seed: number, count: number) => subset(group, formulas, seed, count),
      };
    });
}

/**
 * What the three wrapper columns of a row cost in HyperFormula, in formula cells of
 * formulas.ts's kind: each is nine nested IFs, and HyperFormula evaluates every argument of
 * IF (measured 2026-12-02: 20,000 rows of the wrappers alone 4.3 s, with math's 14 formulas
 * beside them 7.4 s). Every subset of a group pays them again for its rows.
 */
export const WRAPPER_CELLS = 14;

/**
 * `rows` (one per formula) with each smaller tier raised to the next larger one when that costs
 * less than running its wrappers again: a formula running more rows than it needs only adds cases.
 */
function mergedTiers(rows: number[], cost: number): number[] {
  const out = [...rows];
  const tiers = () => [...new Set(out)].sort((a, b) => a - b);
  for (let merged = true; merged;) {
    merged = false;
    const levels = tiers();
    for (let i = 0; i + 1 < levels.length; i++) {
      const [small, big] = [levels[i], levels[i + 1]];
      const formulas = out.filter((r) => r === small).length;
      if (formulas * (big - small) * cost < WRAPPER_CELLS * small) {
        for (let j = 0; j < out.length; j++) if (out[j] === small) out[j] = big;
        merged = true;
        break;
      }
    }
  }
  return out;
}

/** The group's rule keeping, of its tested formulas, only `formulas` (wrapper columns stay, ahead of them). */
function subset(group: DifferentialGroup, formulas: string[], seed: number, count: number): { rule: RuleCase; rows: EngineScalar[][] } {
  const { rule, rows } = group.build(seed, count);
  const tested = new Set(group.formulas);
  const keep = new Set(formulas);
  return { rule: { ...rule, formulas: rule.formulas.filter((f) => !tested.has(f.formula) || keep.has(f.formula)) }, rows };
}

/**
 * Every group through `economical`, cheap ones first: a function the cheap groups have brought
 * to ROWS cases costs a dear group only MIN_ROWS rows of each formula calling it.
 */
function plan(): DifferentialGroup[] {
  const missing = new Map(compiledNames().map((name) => [name, ROWS]));
  return [...CHEAP, ...COSTLY].flatMap((group) => {
    const planned = economical(group, missing);
    for (const [name, cases] of casesPerName(planned)) missing.set(name, Math.max(0, (missing.get(name) ?? 0) - cases));
    return planned;
  });
}

/** The operators the compiler takes, named as `calledIn` names them. */
export const OPERATORS = ['+', '-', '*', '/', '^', '&', '=', '<>', '<', '>', '<=', '>=', 'unary -', 'unary +', '%'];

/** Every compiled function and operator: what must reach REQUIRED_CASES. */
export function compiledNames(): string[] {
  return [...new Set([...compiledFunctionNames(), ...compiledLookupNames(), ...OPERATORS])];
}

/** The functions and operators a formula calls (a formula the compiler's parser cannot read is an error here). */
export function calledIn(formula: string): Set<string> {
  const parsed = parseFormula(formula);
  if (!parsed.ok) throw new Error(`${formula}: the compiler's parser cannot read it (${parsed.reason})`);
  const names = new Set<string>();
  const walk = (node: Node): void => {
    if (node.k === 'call') {
      names.add(node.name.toUpperCase());
      node.args.forEach(walk);
    } else if (node.k === 'bin') {
      names.add(node.op);
      walk(node.l);
      walk(node.r);
    } else if (node.k === 'un') {
      names.add(`unary ${node.op}`);
      walk(node.e);
    } else if (node.k === 'pct') {
      names.add('%');
      walk(node.e);
    } else if (node.k === 'paren') walk(node.e);
  };
  walk(parsed.node);
  return names;
}

/** Cases per function or operator: for each group, its rows times the formulas calling it. */
export function casesPerName(groups: DifferentialGroup[], rows = ROWS): Map<string, number> {
  const cases = new Map<string, number>();
  for (const group of groups)
    for (const formula of group.formulas)
      for (const name of calledIn(formula)) cases.set(name, (cases.get(name) ?? 0) + (group.rows ?? rows));
  return cases;
}

/** Every group as the test files run them. */
export const ALL_GROUPS: DifferentialGroup[] = plan();

/**
 * The groups thread `index` of `count` runs: greedily balanced by formula cells times their
 * cost (the HyperFormula side's time follows them), so the threads finish at about the same time.
 */
export function shard(index: number, count: number): DifferentialGroup[] {
  const loads = new Array<number>(count).fill(0);
  const mine: DifferentialGroup[] = [];
  const cells = (g: DifferentialGroup) => (g.formulas.length + 3) * (g.rows ?? ROWS) * (g.cost ?? 1);
  const bySize = [...ALL_GROUPS].sort((a, b) => cells(b) - cells(a) || a.name.localeCompare(b.name));
  for (const group of bySize) {
    const lightest = loads.indexOf(Math.min(...loads));
    loads[lightest] += cells(group);
    if (lightest === index) mine.push(group);
  }
  return mine;
}
