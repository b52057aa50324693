/**
 * Evaluates the optional `Summary` sheet (contract 1.3): labels in column A, formulas in
 * column B over whole `Rows` columns, once after every row. Whole-column aggregates are
 * streamed block by block (see summary-plan.ts); any other use of Rows falls back to
 * keeping the columns the Summary names and evaluating them in one instance.
 */
import { CellValueDetailedType, type HyperFormula, type RawCellContent } from 'hyperformula';
import { loadEngineWorkbook, type EngineWorkbookOptions } from './engine-workbook.js';
import { textIsNotADate } from './row-evaluator.js';
import { dateTypedOutput, fromEngineValue, fromFormulaValue, isoToSerial } from './field-values.js';
import { dateSystem } from './hf.js';
import { SummaryCompiler, type BlockPartial } from './summary-compiled.js';
import { planSummary, type SummaryPlan } from './summary-plan.js';
import type { ResultRow } from './types.js';
import { columnIndex, findSheet, isErrorValue, isFormula, type CellValue, type SheetData, type Workbook } from './workbook.js';

export interface SummaryRun {
  add(rows: ResultRow[]): void;
  /** The Summary's values by label; releases the instance it used. */
  finish(): Record<string, CellValue>;
}

export interface SummaryOptions extends EngineWorkbookOptions {
  /** false: every aggregate through HyperFormula (TICKMARK_EVALUATOR=hyperformula), as before issue 14. */
  compiled?: boolean;
}

/** Starts the Summary for a run whose Rows sheet has `headers`. */
export function startSummary(workbook: Workbook, headers: string[], options: SummaryOptions): SummaryRun {
  const sheet = findSheet(workbook, 'Summary');
  if (!sheet) return { add: () => {}, finish: () => ({}) };
  const plan = planSummary(sheet.cells);
  return plan ? new StreamedSummary(workbook, sheet, headers, plan, options) : new CollectedSummary(workbook, sheet, headers, options);
}

class StreamedSummary implements SummaryRun {
  /** HyperFormula's instance for the partials the compiler did not take; null when it took them all. */
  private readonly hf: HyperFormula | null = null;
  private readonly rowsId: number = -1;
  private readonly partialsId: number = -1;
  private readonly compiler: SummaryCompiler | null;
  /** Each partial's compiled form, or null where HyperFormula computes it. */
  private readonly compiled: (BlockPartial | null)[];
  private readonly totals: { a: number; b: number; error: CellValue | null; seen: boolean }[];
  private filled = 0;
  private blocks = 0;

  constructor(
    private readonly workbook: Workbook,
    private readonly sheet: SheetData,
    private readonly headers: string[],
    private readonly plan: SummaryPlan,
    private readonly options: SummaryOptions,
  ) {
    const engine = { ...options.engine, ...textIsNotADate() };
    this.compiler = options.compiled === false ? null : new SummaryCompiler({ ...dateSystem(workbook.date1904), ...engine }, headers);
    this.compiled = plan.partials.map((p) => this.compiler?.compile(p.formulas) ?? null);
    const formulas = plan.partials.flatMap((p, k) => (this.compiled[k] ? [] : p.formulas.map((f) => [`=${f.replace(/^=/, '')}`])));
    if (formulas.length > 0) {
      this.hf = loadEngineWorkbook(workbook, {
        ...options,
        engine,
        replace: { ...options.replace, [sheet.name.toLowerCase()]: formulas, rows: [] },
      });
      this.rowsId = this.hf.getSheetId('Rows') ?? this.hf.getSheetId(this.hf.addSheet('Rows'))!;
      this.partialsId = this.hf.getSheetId(sheet.name)!;
    }
    this.totals = plan.partials.map((p) => ({
      a: p.combine === 'min' ? Infinity : p.combine === 'max' ? -Infinity : 0,
      b: 0,
      error: null,
      seen: false,
    }));
  }

  add(rows: ResultRow[]): void {
    const first = this.blocks === 0;
    if (this.hf) this.writeBlock(this.hf, rows, first);
    this.filled = rows.length;
    this.blocks += 1;
    let at = 0;
    this.plan.partials.forEach((partial, k) => {
      const compiled = this.compiled[k];
      let values: CellValue[];
      if (compiled) values = compiled(rows, first);
      else {
        values = partial.formulas.map((_, j) => fromEngineValue(this.hf!.getCellValue({ sheet: this.partialsId, row: at + j, col: 0 })));
        at += partial.formulas.length;
      }
      const total = this.totals[k];
      const error = values.find(isErrorValue);
      if (error) total.error ??= error;
      if (total.error) return;
      const [a, b] = values.map((v) => (typeof v === 'number' ? v : 0));
      if (partial.combine === 'sum') total.a += a;
      else if (partial.combine === 'average') {
        total.a += a;
        total.b += b;
      } else if (b > 0) {
        total.a = partial.combine === 'min' ? Math.min(total.a, a) : Math.max(total.a, a);
        total.seen = true;
      }
    });
  }

  private writeBlock(hf: HyperFormula, rows: ResultRow[], first: boolean): void {
    const width = this.headers.length;
    hf.batch(() => {
      // Headers only in the first block, so COUNTA(Rows!A:A) counts them once.
      const top: RawCellContent[] = first ? this.headers : new Array(width).fill(null);
      hf.setCellContents({ sheet: this.rowsId, row: 0, col: 0 }, [top]);
      const height = Math.max(rows.length, this.filled);
      for (const col of this.plan.columns) {
        const column: RawCellContent[][] = new Array(height);
        for (let r = 0; r < height; r++) column[r] = [r < rows.length ? toCell(rows[r].values[col]) : null];
        if (height > 0) hf.setCellContents({ sheet: this.rowsId, row: 1, col }, column);
      }
    });
  }

  finish(): Record<string, CellValue> {
    if (this.blocks === 0) this.add([]);
    this.hf?.destroy();
    this.compiler?.destroy();
    const finals = this.plan.partials.map((partial, k) => {
      const t = this.totals[k];
      if (t.error) return t.error;
      if (partial.combine === 'sum') return t.a;
      if (partial.combine === 'average') return t.b === 0 ? { error: '#DIV/0!' } : t.a / t.b;
      return t.seen ? t.a : 0;
    });
    const cells: RawCellContent[][] = [];
    for (const cell of this.plan.cells) {
      const text = cell.template.replace(/\uE000(\d+)\uE000/g, (_, i) => literal(finals[Number(i)]));
      cells[cell.row] = [cell.label, text];
    }
    const hf = loadEngineWorkbook(this.workbook, {
      ...this.options,
      replace: { ...this.options.replace, [this.sheet.name.toLowerCase()]: cells, rows: [this.headers] },
    });
    try {
      return readLabels(hf, hf.getSheetId(this.sheet.name)!, this.sheet);
    } finally {
      hf.destroy();
    }
  }
}

/** A value as formula text; errors as an expression that yields the same error. */
function literal(value: CellValue): string {
  if (isErrorValue(value)) return value.error === '#DIV/0!' ? '(1/0)' : value.error === '#N/A' ? 'NA()' : value.error;
  return `(${String(value)})`;
}

/** Keeps the values of the Rows columns the Summary names; evaluates them all at once. */
class CollectedSummary implements SummaryRun {
  private readonly columns: number[];
  private readonly values: CellValue[][];

  constructor(
    private readonly workbook: Workbook,
    private readonly sheet: SheetData,
    private readonly headers: string[],
    private readonly options: EngineWorkbookOptions,
  ) {
    this.columns = referencedRowsColumns(sheet, headers.length);
    this.values = this.columns.map(() => []);
  }

  add(rows: ResultRow[]): void {
    this.columns.forEach((col, k) => {
      const target = this.values[k];
      for (const row of rows) target.push(row.values[col]);
    });
  }

  finish(): Record<string, CellValue> {
    const count = this.values[0]?.length ?? 0;
    const rowsSheet: RawCellContent[][] = [this.headers];
    for (let r = 0; r < count; r++) {
      const row: RawCellContent[] = [];
      this.columns.forEach((col, k) => (row[col] = toCell(this.values[k][r])));
      rowsSheet.push(row);
    }
    // The row evaluation blanked Summary to keep it out of the way; here it is the point.
    const replace: Record<string, RawCellContent[][]> = { ...this.options.replace, rows: rowsSheet };
    delete replace[this.sheet.name.toLowerCase()];
    const hf = loadEngineWorkbook(this.workbook, { ...this.options, replace });
    try {
      return readLabels(hf, hf.getSheetId(this.sheet.name)!, this.sheet);
    } finally {
      hf.destroy();
    }
  }
}

function readLabels(hf: HyperFormula, sheetId: number, sheet: SheetData): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  sheet.cells.forEach((row, r) => {
    const label = row?.[0];
    if (label === null || label === undefined || String(label).trim() === '') return;
    const address = { sheet: sheetId, row: r, col: 1 };
    const raw = hf.getCellValue(address);
    const value = hf.doesCellHaveFormula(address) ? fromFormulaValue(raw) : fromEngineValue(raw);
    const type = typeof value === 'number' ? hf.getCellValueDetailedType(address) : null;
    const dated = type === CellValueDetailedType.NUMBER_DATE || type === CellValueDetailedType.NUMBER_DATETIME;
    out[String(label).trim()] = isErrorValue(value) ? value.error : dated ? dateTypedOutput(value as number) : value;
  });
  return out;
}

/** Which Rows columns the Summary's formulas mention; every column when it cannot tell. */
export function referencedRowsColumns(sheet: SheetData, width: number): number[] {
  const all = Array.from({ length: width }, (_, i) => i);
  const wanted = new Set<number>();
  for (const row of sheet.cells) {
    for (const cell of row ?? []) {
      if (!isFormula(cell)) continue;
      // Named ranges or INDIRECT could reach any column: keep them all.
      if (/INDIRECT\s*\(|OFFSET\s*\(/i.test(cell) && /Rows/i.test(cell)) return all;
      for (const ref of cell.matchAll(/'?Rows'?!\$?([A-Za-z]{1,3})\$?\d*(?::\$?([A-Za-z]{1,3})\$?\d*)?/g)) {
        const from = columnIndex(ref[1]);
        const to = ref[2] ? columnIndex(ref[2]) : from;
        for (let c = Math.min(from, to); c <= Math.max(from, to) && c < width; c++) wanted.add(c);
      }
    }
  }
  return [...wanted].sort((a, b) => a - b);
}

function toCell(value: CellValue): RawCellContent {
  if (value === null || value === undefined) return null;
  if (isErrorValue(value)) return value.error;
  // Dates reach results as ISO text; Summary formulas (MAX of a date column) want serials.
  if (typeof value === 'string') return isoToSerial(value) ?? `'${value}`;
  return value;
}
