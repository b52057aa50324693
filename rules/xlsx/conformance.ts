/**
 * Excel conformance: compare the values `tickmark recalc` wrote for every formula with the
 * values Excel cached for it (numbers to 1e-9 relative, text and errors exactly). A formula
 * recalc could not evaluate keeps Excel's value in the output; it counts as a difference,
 * so the figure is what Tickmark computes, not what it copied.
 */
import { columnIndex, isErrorValue, type CellValue, type Workbook } from '../workbook.js';

export interface Difference {
  cell: string;
  formula: string;
  excel: CellValue;
  tickmark: CellValue;
  /** Set when recalc kept Excel's value: why it could not evaluate the formula. */
  kept?: string;
}

export interface Conformance {
  formulas: number;
  agreeing: number;
  differences: Difference[];
}

/**
 * Compares the recalculated cached values (`recalculated`, read back from recalc's output)
 * with Excel's (`excel`, read from its input), over every formula Excel cached a value for;
 * `kept` maps each formula recalc kept (`Sheet!A1`) to its reason.
 */
export function compareWithExcel(
  input: { workbook: Workbook; cached: Map<string, CellValue> },
  recalculated: Map<string, CellValue>,
  kept: Map<string, string>,
): Conformance {
  const differences: Difference[] = [];
  let formulas = 0;
  for (const [key, excel] of input.cached) {
    if (excel === null || excel === undefined) continue;
    formulas += 1;
    const tickmark = recalculated.get(key) ?? null;
    const reason = kept.get(key);
    if (reason !== undefined || !agrees(excel, tickmark))
      differences.push({
        cell: key,
        formula: formulaAt(input.workbook, key),
        excel,
        tickmark,
        ...(reason !== undefined ? { kept: reason } : {}),
      });
  }
  return { formulas, agreeing: formulas - differences.length, differences };
}

/** Numbers to 1e-9 relative; text, booleans and error codes exactly; an empty result matches empty text. */
export function agrees(excel: CellValue, tickmark: CellValue): boolean {
  if (isErrorValue(excel)) return isErrorValue(tickmark) && tickmark.error === excel.error;
  if (typeof excel === 'number') {
    if (typeof tickmark !== 'number') return false;
    const scale = Math.max(Math.abs(excel), Math.abs(tickmark));
    return scale === 0 || Math.abs(excel - tickmark) <= 1e-9 * scale;
  }
  if (typeof excel === 'string' && excel === '') return tickmark === '' || tickmark === null;
  return excel === tickmark;
}

/** The formula of `Sheet!A1` as the workbook holds it. */
function formulaAt(workbook: Workbook, key: string): string {
  const at = key.lastIndexOf('!');
  const sheet = workbook.sheets.find((s) => s.name === key.slice(0, at));
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(key.slice(at + 1)) ?? [];
  if (!sheet || !letters) return '';
  const input = sheet.cells[Number(digits) - 1]?.[columnIndex(letters)];
  return typeof input === 'string' ? input : '';
}
