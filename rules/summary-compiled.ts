/**
 * The streamed Summary's whole-column aggregates computed in JavaScript over a block's result
 * values, instead of writing the block into a HyperFormula sheet (issue 14: at 1M rows that cost
 * 6 of the run's 20 s). Each compiled partial reproduces, value for value, what HyperFormula
 * computes for the same formula over the same `Rows` sheet in `StreamedSummary`:
 *
 * - the cells are what `toCell` writes (the header row in the first block only), read the way
 *   HyperFormula reads that raw content (a header "2024" is a number, "#N/A" an error);
 * - SUM, COUNT, COUNTA, MIN and MAX follow NumericAggregationPlugin's `reduce` over a range:
 *   the range's cells in order from an initial value, the first error wins, then the range's
 *   total combined with the arguments before it, with `addWithEpsilonRaw` in the same argument
 *   order (it is not symmetric);
 * - COUNTIF uses the criterion HyperFormula's own CriterionBuilder makes of the literal (so its
 *   number coercion, wildcards, collation and 15-digit comparison are HyperFormula's), and is
 *   compiled only when the criterion does not match an empty cell: how many empty cells a whole
 *   column has depends on the sheet's height, which only HyperFormula's instance knows;
 * - the partial's value as `getCellValue` then `fromEngineValue` give it (export rounding,
 *   then 15 digits).
 *
 * Anything else (other functions, criteria from cells or names, bounded ranges, several columns
 * in one range) stays with HyperFormula. test/rules/summary-compiled.test.ts compares both on
 * random blocks.
 */
import { EmptyValue, type ConfigParams, type HyperFormula, type RawCellContent } from 'hyperformula';
import { hfRounding } from './compiled/compile.js';
import { parseFormula, type Node } from './compiled/parse.js';
import { excelNumber, fromEngineValue, isoToSerial } from './field-values.js';
import { createEngine } from './hf.js';
import type { ResultRow } from './types.js';
import { isErrorValue, type CellValue } from './workbook.js';

/** A partial's formulas' values (as the streamed Summary reads them) for one block. */
export type BlockPartial = (rows: ResultRow[], first: boolean) => CellValue[];

/** A cell of the Rows sheet as HyperFormula's interpreter holds it; an error as the public API gives it. */
type EngineCell = number | string | boolean | typeof EmptyValue | { value: string; type: string };

interface HelperInternals {
  _evaluator: {
    interpreter: {
      arithmeticHelper: { addWithEpsilonRaw(a: number, b: number): number };
      criterionBuilder: {
        fromCellValue(raw: unknown, helper: unknown): { lambda: (value: unknown) => boolean } | undefined;
      };
    };
  };
}

export class SummaryCompiler {
  private readonly hf: HyperFormula;
  private readonly scratch: number;
  private readonly parsed = new Map<string, EngineCell>();
  private readonly addRaw: (a: number, b: number) => number;
  private readonly criteria: HelperInternals['_evaluator']['interpreter']['criterionBuilder'];
  private readonly arithmetic: unknown;
  private readonly headerCells: EngineCell[];

  /** `config` must be the streamed Summary's own engine configuration. */
  constructor(config: Partial<ConfigParams>, headers: string[]) {
    this.hf = createEngine(config);
    this.scratch = this.hf.getSheetId(this.hf.addSheet('Scratch'))!;
    const interpreter = (this.hf as unknown as HelperInternals)._evaluator?.interpreter;
    if (
      typeof interpreter?.arithmeticHelper?.addWithEpsilonRaw !== 'function' ||
      typeof interpreter.criterionBuilder?.fromCellValue !== 'function'
    )
      throw new Error(
        'HyperFormula no longer has ArithmeticHelper.addWithEpsilonRaw or CriterionBuilder.fromCellValue; update rules/summary-compiled.ts',
      );
    this.arithmetic = interpreter.arithmeticHelper;
    this.addRaw = interpreter.arithmeticHelper.addWithEpsilonRaw;
    this.criteria = interpreter.criterionBuilder;
    this.headerCells = headers.map((h) => this.rawCell(h));
  }

  /** The compiled partial for these formulas (see PartialCall), or null when HyperFormula must compute it. */
  compile(formulas: string[]): BlockPartial | null {
    const parts = formulas.map((f) => this.compileFormula(f));
    if (parts.some((p) => p === null)) return null;
    const compiled = parts as ((rows: ResultRow[], first: boolean) => number | EngineCell)[];
    return (rows, first) => compiled.map((part) => output(part(rows, first)));
  }

  destroy(): void {
    this.hf.destroy();
  }

  private compileFormula(formula: string): ((rows: ResultRow[], first: boolean) => number | EngineCell) | null {
    const parsed = parseFormula(`=${formula.replace(/^=/, '')}`);
    if (!parsed.ok || parsed.node.k !== 'call') return null;
    const { name, args } = parsed.node;
    if (name === 'COUNTIF') return this.countif(args);
    const reducer = REDUCERS[name];
    if (!reducer || args.length === 0) return null;
    const columns = args.map(rowsColumn);
    if (columns.some((c) => c === null)) return null;
    const add = this.addRaw;
    const combine = reducer.combine === 'add' ? add : reducer.combine;
    return (rows, first) => {
      let acc: number | EngineCell = reducer.initial;
      for (const col of columns as number[]) {
        const total = this.reduceColumn(rows, first, col, reducer, combine);
        if (isErrorCell(total)) return total;
        acc = combine(total as number, acc as number);
      }
      return reducer.final ? reducer.final(acc as number) : acc;
    };
  }

  private reduceColumn(
    rows: ResultRow[],
    first: boolean,
    col: number,
    reducer: Reducer,
    combine: (a: number, b: number) => number,
  ): number | EngineCell {
    let acc: number | EngineCell = reducer.initial;
    const step = (cell: EngineCell): void => {
      if (isErrorCell(acc)) return;
      const value = reducer.coerce(cell);
      if (value === undefined) return;
      acc = isErrorCell(value) ? value : combine(acc as number, value as number);
    };
    if (first) step(this.headerCells[col] ?? EmptyValue);
    for (let r = 0; r < rows.length; r++) step(this.cell(rows[r].values[col]));
    return acc;
  }

  private countif(args: Node[]): ((rows: ResultRow[], first: boolean) => number) | null {
    if (args.length !== 2) return null;
    const col = rowsColumn(args[0]);
    const raw = literal(args[1]);
    if (col === null || raw === undefined) return null;
    const criterion = this.criteria.fromCellValue(raw, this.arithmetic);
    // An unreadable criterion is #VALUE! in HyperFormula; an empty-matching one depends on the sheet's height.
    if (!criterion || criterion.lambda(EmptyValue)) return null;
    // HyperFormula hands the lambda CellError objects where these are DetailedCellErrors: no lambda
    // looks into an error, only at its type (never a number, text, boolean or EmptyValue).
    const matches = criterion.lambda;
    return (rows, first) => {
      let count = first && matches(this.headerCells[col] ?? EmptyValue) ? 1 : 0;
      for (let r = 0; r < rows.length; r++) if (matches(this.cell(rows[r].values[col]))) count += 1;
      return count;
    };
  }

  /** A result value as the Rows sheet holds it once `toCell` wrote it. */
  private cell(value: CellValue): EngineCell {
    if (value === null || value === undefined) return EmptyValue;
    if (typeof value === 'number' || typeof value === 'boolean') return value;
    if (isErrorValue(value)) return this.rawCell(value.error);
    return isoToSerial(value) ?? value;
  }

  /** What HyperFormula makes of raw content (a header, an error code), read once per distinct text. */
  private rawCell(raw: RawCellContent & string): EngineCell {
    const known = this.parsed.get(raw);
    if (known !== undefined) return known;
    const address = { sheet: this.scratch, row: 0, col: 0 };
    this.hf.setCellContents(address, [[raw]]);
    const value = this.hf.getCellValue(address);
    const cell: EngineCell = value === null ? EmptyValue : (value as EngineCell);
    this.parsed.set(raw, cell);
    return cell;
  }
}

interface Reducer {
  initial: number;
  coerce(cell: EngineCell): number | EngineCell | undefined;
  combine: 'add' | ((a: number, b: number) => number);
  final?: (value: number) => number;
}

const zeroForInfinite = (v: number): number => (Number.isFinite(v) ? v : 0);
const strictlyNumbers = (cell: EngineCell): number | EngineCell | undefined =>
  typeof cell === 'number' || isErrorCell(cell) ? cell : undefined;

/** NumericAggregationPlugin's reducers, as its `doSum`, `doCount`, `doCounta`, `doMin` and `doMax` call `reduce`. */
const REDUCERS: Record<string, Reducer> = {
  SUM: { initial: 0, coerce: strictlyNumbers, combine: 'add' },
  COUNT: { initial: 0, coerce: (c) => (typeof c === 'number' ? 1 : 0), combine: (a, b) => a + b },
  COUNTA: { initial: 0, coerce: (c) => (c === EmptyValue ? 0 : 1), combine: (a, b) => a + b },
  MIN: { initial: Infinity, coerce: strictlyNumbers, combine: (a, b) => Math.min(a, b), final: zeroForInfinite },
  MAX: { initial: -Infinity, coerce: strictlyNumbers, combine: (a, b) => Math.max(a, b), final: zeroForInfinite },
};

function isErrorCell(cell: unknown): cell is { value: string; type: string } {
  // EmptyValue is a symbol: the only objects a cell holds are errors.
  return typeof cell === 'object' && cell !== null;
}

/** The Rows column a whole-column reference (`Rows!K:K`) names, or null. */
function rowsColumn(node: Node): number | null {
  if (node.k !== 'range' || node.sheet?.toLowerCase() !== 'rows') return null;
  if (node.start.row !== null || node.end.row !== null || node.start.col !== node.end.col) return null;
  return node.start.col;
}

/** A criterion written as a literal (COUNTIF's second argument is NOERROR: the value itself). */
function literal(node: Node): string | number | boolean | undefined {
  if (node.k === 'str' || node.k === 'num' || node.k === 'bool') return node.v;
  if (node.k === 'un' && node.e.k === 'num') return node.op === '-' ? -node.e.v : node.e.v;
  return undefined;
}

/** The partial's value as the streamed Summary reads it: getCellValue (export rounding), then fromEngineValue. */
function output(value: number | EngineCell): CellValue {
  // HyperFormula's interpreter turns a result that overflowed (a SUM past 1.8e308) into #NUM!.
  if (typeof value === 'number') return Number.isFinite(value) ? excelNumber(hfRounding(value)) : { error: '#NUM!' };
  return fromEngineValue(value === EmptyValue ? null : value);
}
