/**
 * `Report` workbooks (contract 1.5): each sheet named after a dataset is filled with it,
 * every other sheet but Settings is a free-form formula sheet evaluated over them.
 */
import { CellValueDetailedType, type HyperFormula, type RawCellContent } from 'hyperformula';
import { loadEngineWorkbook } from './engine-workbook.js';
import { RuleError } from './errors.js';
import { fieldToCell, fromEngineValue, fromFormulaValue, serialToIso } from './field-values.js';
import type { RuleSettings } from './settings.js';
import type { Dataset, ParamValue, RunSink } from './types.js';
import type { CellValue, Workbook } from './workbook.js';

export interface ReportOutcome {
  rows: number;
  sheets: string[];
}

/** Evaluates the report and hands each report sheet to the sink. */
export async function runReport(
  workbook: Workbook,
  settings: RuleSettings,
  datasets: Record<string, Dataset>,
  params: Record<string, ParamValue>,
  sink: RunSink,
): Promise<ReportOutcome> {
  const byName = new Map(Object.entries(datasets).map(([name, d]) => [name.toLowerCase(), d]));
  const replace: Record<string, RawCellContent[][]> = {};
  let rows = 0;
  const filled = new Set<string>();
  for (const sheet of workbook.sheets) {
    const dataset = byName.get(sheet.name.toLowerCase());
    if (!dataset) continue;
    filled.add(sheet.name.toLowerCase());
    rows += dataset.rows.length;
    replace[sheet.name.toLowerCase()] = [
      dataset.columns.map((c) => c.name),
      ...dataset.rows.map((row) => row.map((v, c) => fieldToCell(v, dataset.columns[c].type))),
    ];
  }
  if (filled.size === 0) {
    throw new RuleError(
      'missing_dataset',
      `no sheet of this Report is named after a dataset (datasets given: ${[...byName.keys()].join(', ') || 'none'})`,
      { sheet: 'Settings' },
    );
  }
  const hf = loadEngineWorkbook(workbook, { replace, params, paramRows: paramRows(settings) });
  try {
    const sheets: string[] = [];
    for (const sheet of workbook.sheets) {
      const lower = sheet.name.toLowerCase();
      if (lower === 'settings' || filled.has(lower)) continue;
      sheets.push(sheet.name);
      await sink.reportSheet?.(sheet.name, sheetValues(hf, hf.getSheetId(sheet.name)!));
    }
    return { rows, sheets };
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
        type === CellValueDetailedType.NUMBER_DATE || type === CellValueDetailedType.NUMBER_DATETIME ? serialToIso(value as number) : value,
      );
    }
    out.push(line);
  }
  return out;
}
