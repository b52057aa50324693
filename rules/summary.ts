/**
 * Evaluates the optional `Summary` sheet (contract 1.3): labels in column A, formulas in
 * column B over whole `Rows` columns, once after every row. Only the Rows columns the
 * Summary refers to are kept while rows stream past, so memory stays bounded.
 */
import type { RawCellContent } from 'hyperformula';
import { fromEngineValue, isoToSerial, serialToIso } from './field-values.js';
import { loadEngineWorkbook, type EngineWorkbookOptions } from './engine-workbook.js';
import { CellValueDetailedType } from 'hyperformula';
import type { ResultRow } from './types.js';
import { columnIndex, findSheet, isErrorValue, isFormula, type CellValue, type Workbook } from './workbook.js';

/** Keeps the values of the Rows columns a Summary sheet reads. */
export class SummaryCollector {
  readonly columns: number[];
  private readonly values: CellValue[][];

  constructor(workbook: Workbook, width: number) {
    this.columns = referencedRowsColumns(workbook, width);
    this.values = this.columns.map(() => []);
  }

  add(rows: ResultRow[]): void {
    this.columns.forEach((col, k) => {
      const target = this.values[k];
      for (const row of rows) target.push(row.values[col]);
    });
  }

  /** The Rows sheet as the Summary sees it: headers and the kept columns. */
  rowsSheet(headers: string[]): RawCellContent[][] {
    const count = this.values[0]?.length ?? 0;
    const sheet: RawCellContent[][] = [headers];
    for (let r = 0; r < count; r++) {
      const row: RawCellContent[] = new Array(headers.length).fill(null);
      this.columns.forEach((col, k) => (row[col] = toCell(this.values[k][r])));
      sheet.push(row);
    }
    return sheet;
  }
}

/** Evaluates the Summary sheet; `{}` when the workbook has none. */
export function evaluateSummary(
  workbook: Workbook,
  collector: SummaryCollector,
  headers: string[],
  options: EngineWorkbookOptions,
): Record<string, CellValue> {
  const summary = findSheet(workbook, 'Summary');
  if (!summary) return {};
  // The row evaluation blanked Summary to keep it out of the way; here it is the point.
  const replace = { ...options.replace, rows: collector.rowsSheet(headers) };
  delete replace.summary;
  const hf = loadEngineWorkbook(workbook, { ...options, replace });
  try {
    const sheet = hf.getSheetId(summary.name)!;
    const out: Record<string, CellValue> = {};
    summary.cells.forEach((row, r) => {
      const label = row?.[0];
      if (label === null || label === undefined || String(label).trim() === '') return;
      const address = { sheet, row: r, col: 1 };
      const value = fromEngineValue(hf.getCellValue(address));
      const type = typeof value === 'number' ? hf.getCellValueDetailedType(address) : null;
      const dated = type === CellValueDetailedType.NUMBER_DATE || type === CellValueDetailedType.NUMBER_DATETIME;
      out[String(label).trim()] = isErrorValue(value) ? value.error : dated ? serialToIso(value as number) : value;
    });
    return out;
  } finally {
    hf.destroy();
  }
}

/** Which Rows columns the Summary's formulas mention; every column when it cannot tell. */
export function referencedRowsColumns(workbook: Workbook, width: number): number[] {
  const summary = findSheet(workbook, 'Summary');
  if (!summary) return [];
  const all = Array.from({ length: width }, (_, i) => i);
  const wanted = new Set<number>();
  for (const row of summary.cells) {
    for (const cell of row ?? []) {
      if (!isFormula(cell)) continue;
      const refs = cell.matchAll(/'?Rows'?!\$?([A-Za-z]{1,3})\$?\d*(?::\$?([A-Za-z]{1,3})\$?\d*)?/g);
      for (const ref of refs) {
        const from = columnIndex(ref[1]);
        const to = ref[2] ? columnIndex(ref[2]) : from;
        for (let c = Math.min(from, to); c <= Math.max(from, to) && c < width; c++) wanted.add(c);
      }
      // Named ranges or INDIRECT could reach any column: keep them all.
      if (/INDIRECT\s*\(|OFFSET\s*\(/i.test(cell) && /Rows/i.test(cell)) return all;
    }
  }
  return [...wanted].sort((a, b) => a - b);
}

function toCell(value: CellValue): RawCellContent {
  if (value === null) return null;
  if (isErrorValue(value)) return value.error;
  // Dates reach results as ISO text; Summary formulas (MAX of a date column) want serials.
  if (typeof value === 'string') return isoToSerial(value) ?? `'${value}`;
  return value;
}
