/**
 * COUNTIF and SUMIF (one criterion) over an absolute range of another sheet holding values
 * (issue 14), with the engine's own criteria: the criterion is turned into its test by the
 * `CriterionBuilder` of a HyperFormula instance built with Tickmark's configuration (the
 * same parsing of `">=5"`, numeric and date text, wildcards, TRUE), and the table, constant
 * for the run, is counted or summed once per distinct criterion, in the engine's order, with
 * its `nonstrictadd`. Like HyperFormula, which caches a criteria result per range by the
 * criterion's text, a criterion's answer is computed once.
 *
 * Not taken (the column falls back): COUNTIFS and SUMIFS (HyperFormula's cache joins the
 * criteria with commas, so `("a,b","c")` and `("a","b,c")` share an answer, which depends on
 * which row came first), whole columns (a `""` criterion counts the empty cells below the
 * data, as far down as the engine's sheet reaches), and a sum_range of another shape.
 */
import { CellError, ErrorType, HyperFormula } from 'hyperformula';
import { createEngine, dateSystem } from '../hf.js';
import type { LookupCompiler } from './lookups.js';
import { rawValue } from './lookup-index.js';
import type { Table } from './lookup-table.js';
import type { Node } from './parse.js';
import { EMPTY, err, isNumber, raw, type Value } from './values.js';

interface CriterionPackage {
  lambda: (value: unknown) => boolean;
}

interface CriteriaEngine {
  builder: { fromCellValue(raw: unknown, helper: unknown): CriterionPackage | undefined };
  helper: { nonstrictadd(left: unknown, right: unknown): Value };
}

const engines = new Map<boolean, CriteriaEngine | string>();

/** The criteria code of an instance built as the run's engine is (reached through its internals, as values.ts does). */
function criteriaEngine(date1904: boolean): CriteriaEngine | string {
  const known = engines.get(date1904);
  if (known) return known;
  const hf = createEngine({ ...dateSystem(date1904), evaluateNullToZero: false });
  try {
    const internal = hf as unknown as { _evaluator?: { interpreter?: { criterionBuilder?: unknown; arithmeticHelper?: unknown } } };
    const interpreter = internal._evaluator?.interpreter;
    const builder = interpreter?.criterionBuilder as CriteriaEngine['builder'] | undefined;
    const helper = interpreter?.arithmeticHelper as CriteriaEngine['helper'] | undefined;
    const made: CriteriaEngine | string =
      typeof builder?.fromCellValue === 'function' && typeof helper?.nonstrictadd === 'function'
        ? { builder, helper }
        : 'HyperFormula no longer has Interpreter.criterionBuilder or ArithmeticHelper.nonstrictadd';
    engines.set(date1904, made);
    return made;
  } finally {
    hf.destroy();
  }
}

/** The cells of a table row by row, as `valuesFromTopLeftCorner` gives them, raw. */
function cellsOf(table: Table): Value[] {
  const cells: Value[] = [];
  for (let r = 0; r < table.height; r++) for (let c = 0; c < table.width; c++) cells.push(rawValue(table.cell(r, c)));
  return cells;
}

/** `mapToRawScalarValue` of ConditionalAggregationPlugin: an error as it is, a number raw, anything else skipped. */
function summand(v: Value): unknown {
  if (v instanceof CellError) return v;
  return isNumber(v) ? raw(v) : undefined;
}

/** The compiled COUNTIF or SUMIF, or why not. */
export function compileCriteria<C>(
  name: 'COUNTIF' | 'SUMIF',
  args: Node[],
  k: LookupCompiler<C>,
  tableOf: (n: Node | undefined) => Table | string,
): ((c: C) => Value) | string {
  const plugin = HyperFormula.getFunctionPlugin(name) as { name?: string } | undefined;
  if (plugin?.name !== 'ConditionalAggregationPlugin')
    return `uses ${name}, now implemented by ${plugin?.name ?? 'no plugin'}, which the compiler does not mirror`;
  const counts = name === 'COUNTIF';
  if (args.length < 2 || args.length > (counts ? 2 : 3)) return `uses ${name} with ${args.length} arguments`;
  const range = tableOf(args[0]);
  if (typeof range === 'string') return `uses ${name}: ${range}`;
  const sums = args.length === 3 ? tableOf(args[2]) : range;
  if (typeof sums === 'string') return `uses ${name}: ${sums}`;
  if (range.wholeColumns || sums.wholeColumns)
    return `uses ${name} over whole columns (a "" criterion counts the empty cells below the data, as far as the engine's sheet reaches)`;
  if (sums.width !== range.width || sums.height !== range.height) return `uses ${name} with a sum_range of another shape than its range`;
  const engine = criteriaEngine(k.input.workbook.date1904 === true);
  if (typeof engine === 'string') return `uses ${name}: ${engine}`;
  const conditions = cellsOf(range);
  const values = counts ? [] : cellsOf(sums).map(summand);
  const criterion = k.node(args[1]);
  const bad = err(ErrorType.VALUE, 'Incorrect criterion.');
  const answers = new Map<string, Value>();
  const compute = (rawCriterion: unknown): Value => {
    const criterionPackage = engine.builder.fromCellValue(rawCriterion, engine.helper);
    if (criterionPackage === undefined) return bad;
    const test = criterionPackage.lambda;
    if (counts) {
      let count = 0;
      for (const cell of conditions) if (test(cell)) count += 1;
      return count;
    }
    let acc: unknown = 0;
    for (let i = 0; i < conditions.length; i++) if (test(conditions[i])) acc = engine.helper.nonstrictadd(acc, values[i]);
    return acc as Value;
  };
  return (c) => {
    const v = criterion(c);
    if (v instanceof CellError) return v;
    // A NOERROR argument: a typed number reaches the function as its number; empty is not a criterion.
    const given = v === EMPTY ? v : rawValue(v);
    const key = `${typeof given}:${String(given)}`;
    const known = answers.get(key);
    if (known !== undefined) return known;
    if (answers.size >= 50_000) answers.clear();
    const answer = compute(given);
    answers.set(key, answer);
    return answer;
  };
}
