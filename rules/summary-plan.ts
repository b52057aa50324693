/**
 * Plans a streamed Summary: a whole-column aggregate such as `COUNTIF(Rows!M:M,"x")`,
 * `SUM(Rows!K:K)` or `AVERAGE(Rows!D:D)` is computed block by block and combined, so a
 * million result rows never have to sit in one HyperFormula instance (which costs about
 * 1 KB a cell). A formula that reads Rows any other way is not streamable.
 */
import { findCalls, withoutStrings } from './formula-calls.js';
import { normaliseFormula } from './formula-text.js';
import { columnIndex, isFormula, type CellInput } from './workbook.js';

export type Combine = 'sum' | 'min' | 'max' | 'average';

/** One aggregate call, evaluated per block as `formulas` and combined. */
export interface PartialCall {
  combine: Combine;
  /** sum: [call]; min/max: [call, COUNT(args)]; average: [SUM(args), COUNT(args)]. */
  formulas: string[];
}

export interface SummaryCellPlan {
  label: string;
  /** 0-based row on the Summary sheet. */
  row: number;
  /** The formula with each partial call replaced by `\uE000{index}\uE000`. */
  template: string;
  partials: number[];
}

export interface SummaryPlan {
  cells: SummaryCellPlan[];
  partials: PartialCall[];
  /** Rows columns the partial calls read. */
  columns: number[];
}

const SUMMED = new Set(['SUM', 'COUNT', 'COUNTA', 'COUNTIF', 'COUNTIFS', 'SUMIF', 'SUMIFS', 'SUMPRODUCT']);
const ROWS_REF = /(?:'Rows'|\bRows)!(\$?[A-Za-z]{1,3})(\$?\d+)?(?::(\$?[A-Za-z]{1,3})(\$?\d+)?)?/gi;

/** The streamed plan, or null when some formula needs every row at once. */
export function planSummary(cells: CellInput[][]): SummaryPlan | null {
  const plan: SummaryPlan = { cells: [], partials: [], columns: [] };
  const columns = new Set<number>();
  for (let row = 0; row < cells.length; row++) {
    const label = cells[row]?.[0];
    const input = cells[row]?.[1] ?? null;
    if (label === null || label === undefined || String(label).trim() === '') continue;
    const formula = isFormula(input) ? normaliseFormula(input) : null;
    if (!formula) {
      plan.cells.push({ label: String(label).trim(), row, template: input === null ? '' : String(input), partials: [] });
      continue;
    }
    const cell = planCell(formula, plan, columns);
    if (!cell) return null;
    plan.cells.push({ label: String(label).trim(), row, ...cell });
  }
  plan.columns = [...columns].sort((a, b) => a - b);
  return plan;
}

function planCell(formula: string, plan: SummaryPlan, columns: Set<number>): Omit<SummaryCellPlan, 'label' | 'row'> | null {
  const blank = withoutStrings(formula);
  if (!hasRowsRef(blank)) return { template: formula, partials: [] };
  const picked: { start: number; end: number; index: number }[] = [];
  for (const call of findCalls(formula)) {
    if (picked.some((p) => call.start >= p.start && call.end <= p.end)) continue;
    const span = blank.slice(call.start, call.end);
    if (!hasRowsRef(span)) continue;
    const partial = partialFor(call.name, formula.slice(call.start, call.end), call.args, span, columns);
    if (!partial) continue;
    plan.partials.push(partial);
    picked.push({ start: call.start, end: call.end, index: plan.partials.length - 1 });
  }
  let template = '';
  let at = 0;
  for (const p of picked) {
    template += formula.slice(at, p.start) + `\uE000${p.index}\uE000`;
    at = p.end;
  }
  template += formula.slice(at);
  // Whatever still reads Rows outside a streamable aggregate needs every row at once.
  if (hasRowsRef(withoutStrings(template))) return null;
  return { template, partials: picked.map((p) => p.index) };
}

function partialFor(name: string, text: string, args: string[], blankSpan: string, columns: Set<number>): PartialCall | null {
  const refs = [...blankSpan.matchAll(ROWS_REF)];
  // Only whole columns (Rows!K:K): a bounded range like Rows!K2:K100 means specific rows.
  if (refs.some((r) => r[2] !== undefined || r[3] === undefined || r[4] !== undefined)) return null;
  const refColumns = refs.flatMap((r) => {
    const from = columnIndex(r[1].replace('$', ''));
    const to = columnIndex(r[3]!.replace('$', ''));
    return Array.from({ length: Math.abs(to - from) + 1 }, (_, k) => Math.min(from, to) + k);
  });
  const list = args.join(',');
  let partial: PartialCall | null = null;
  if (SUMMED.has(name)) partial = { combine: 'sum', formulas: [text] };
  else if ((name === 'MIN' || name === 'MAX') && allRowsRefs(args))
    partial = { combine: name === 'MIN' ? 'min' : 'max', formulas: [text, `COUNT(${list})`] };
  else if (name === 'AVERAGE' && allRowsRefs(args)) partial = { combine: 'average', formulas: [`SUM(${list})`, `COUNT(${list})`] };
  if (partial) refColumns.forEach((c) => columns.add(c));
  return partial;
}

function allRowsRefs(args: string[]): boolean {
  return args.every((a) => new RegExp(`^${ROWS_REF.source}$`, 'i').test(a));
}

function hasRowsRef(text: string): boolean {
  return new RegExp(ROWS_REF.source, 'i').test(text);
}
