/**
 * `Report` workbooks (contract 1.5): each sheet named after a dataset is filled with it,
 * every other sheet but Settings is a free-form formula sheet evaluated over them.
 */
import { CellValueDetailedType, type HyperFormula, type RawCellContent } from 'hyperformula';
import { loadEngineWorkbook } from './engine-workbook.js';
import { RuleError } from './errors.js';
import { dateTypedOutput, fieldToCell, fromEngineValue, fromFormulaValue } from './field-values.js';
import { bookReport, emitPnlSheets, isPnlSheet, withPnlSheets } from './pnl/pnl-report.js';
import type { RuleSettings } from './settings.js';
import type { Dataset, ParamValue, RunSink } from './types.js';
import type { CellValue, Workbook } from './workbook.js';

export interface ReportOutcome {
  rows: number;
  sheets: string[];
  /** A P&L report's failed checks of its books, by check. */
  exceptions: number;
  byException: Record<string, number>;
}

/** Evaluates the report (booking its trades first, when its Settings name some) and hands each report sheet to the sink. */
export async function runReport(
  workbook: Workbook,
  settings: RuleSettings,
  datasets: Record<string, Dataset>,
  params: Record<string, ParamValue>,
  sink: RunSink,
  signal?: AbortSignal,
): Promise<ReportOutcome> {
  const byName = new Map(Object.entries(datasets).map(([name, d]) => [name.toLowerCase(), d]));
  const replace: Record<string, RawCellContent[][]> = {};
  let rows = 0;
  const filled = new Set<string>();
  const pnl = settings.pnl ? bookReport(settings.pnl, datasets) : null;
  // Booking a million trades takes seconds: a cancel that came meanwhile is honoured before the output.
  if (signal?.aborted) throw new RuleError('cancelled', 'the run was cancelled');
  for (const sheet of workbook.sheets) {
    const dataset = byName.get(sheet.name.toLowerCase());
    // A P&L report's table sheets are the booking's: a dataset of the same name does not fill them.
    if (!dataset || (pnl && isPnlSheet(sheet.name))) continue;
    filled.add(sheet.name.toLowerCase());
    rows += dataset.rows.length;
    replace[sheet.name.toLowerCase()] = [
      dataset.columns.map((c) => c.name),
      ...dataset.rows.map((row) => row.map((v, c) => fieldToCell(v, dataset.columns[c].type))),
    ];
  }
  if (filled.size === 0 && !pnl) {
    throw new RuleError(
      'missing_dataset',
      `no sheet of this Report is named after a dataset (datasets given: ${[...byName.keys()].join(', ') || 'none'})`,
      { sheet: 'Settings' },
    );
  }
  const engineWorkbook = pnl ? withPnlSheets(workbook, pnl, replace) : workbook;
  const hf = loadEngineWorkbook(engineWorkbook, { replace, params, paramRows: paramRows(settings) });
  try {
    const sheets: string[] = [];
    for (const sheet of workbook.sheets) {
      const lower = sheet.name.toLowerCase();
      if (lower === 'settings' || filled.has(lower) || (pnl && isPnlSheet(sheet.name))) continue;
      sheets.push(sheet.name);
      await sink.reportSheet?.(sheet.name, sheetValues(hf, hf.getSheetId(sheet.name)!));
    }
    if (!pnl) return { rows, sheets, exceptions: 0, byException: {} };
    sheets.push(...(await emitPnlSheets(pnl, sink)));
    const byException: Record<string, number> = {};
    for (const failed of pnl.failed) byException[failed.check] = (byException[failed.check] ?? 0) + 1;
    return { rows: rows + pnl.books.booked, sheets, exceptions: pnl.failed.length, byException };
  } finally {
    hf.destroy();
  }
}

/** Settings rows of `Param NAME` settings by lower-cased NAME. */
export function paramRows(settings: RuleSettings): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, row] of Object.entries(settings.rows)) if (key.startsWith('param ')) out[key.slice(6).trim()] = row;
  return out;
}

function sheetValues(hf: HyperFormula, sheet: number): CellValue[][] {
  const { height, width } = hf.getSheetDimensions(sheet);
  const out: CellValue[][] = [];
  for (let row = 0; row < height; row++) {
    const line: CellValue[] = [];
    for (let col = 0; col < width; col++) {
      const address = { sheet, row, col };
      const raw = hf.getCellValue(address);
      const value = hf.doesCellHaveFormula(address) ? fromFormulaValue(raw) : fromEngineValue(raw);
      const type = typeof value === 'number' ? hf.getCellValueDetailedType(address) : null;
      line.push(
        type === CellValueDetailedType.NUMBER_DATE || type === CellValueDetailedType.NUMBER_DATETIME
          ? dateTypedOutput(value as number)
          : value,
      );
    }
    out.push(line);
  }
  return out;
}
