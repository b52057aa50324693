/**
 * The `Lookup` setting (an extension of contract 1.5 to Check and Reconciliation sheets):
 * each dataset it names fills the sheet of the same name before evaluation, exactly as a
 * Report's sheets are filled (row 1 the headers, one row a record), so `Rows` formulas
 * can look things up in a further dataset (`SUMIFS(underlying_closes!$C:$C, …)`).
 *
 * Formulas address a lookup sheet's columns by letter, so the headers an author leaves in
 * its row 1 are a promise: the dataset must have those fields in those columns, or the
 * lookups would read the wrong column in silence.
 */
import type { RawCellContent } from 'hyperformula';
import { RuleError } from './errors.js';
import { fieldToCell } from './field-values.js';
import type { RuleSettings } from './settings.js';
import { toRows, type AnyDataset } from './run-sources.js';
import type { Dataset } from './types.js';
import { cellAddress, findSheet, isFormula, type Workbook } from './workbook.js';

/** Sheets the engine must never overwrite with a dataset. */
const RESERVED = new Set(['settings', 'rows', 'summary']);

/** The lookup sheets' contents by lower-cased sheet name, for `loadEngineWorkbook`'s `replace`. */
export function lookupSheets(
  workbook: Workbook,
  settings: RuleSettings,
  datasets: Record<string, AnyDataset>,
): Record<string, RawCellContent[][]> {
  const replace: Record<string, RawCellContent[][]> = {};
  for (const name of settings.lookup) {
    const place = { sheet: 'Settings', cell: `B${settings.rows.lookup}`, setting: 'Lookup' };
    if (RESERVED.has(name.toLowerCase())) {
      throw new RuleError(
        'bad_setting',
        `setting "Lookup": "${name}" is a rule sheet's own sheet and cannot be filled with a dataset`,
        place,
      );
    }
    const given = datasets[name] ?? Object.entries(datasets).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
    if (!given) {
      const names = Object.keys(datasets).join(', ') || 'none';
      throw new RuleError('missing_dataset', `setting "Lookup" names dataset "${name}", which was not given (given: ${names})`, place);
    }
    if (!findSheet(workbook, name)) {
      throw new RuleError(
        'missing_sheet',
        `setting "Lookup" names "${name}", but the workbook has no sheet "${name}" for it to fill`,
        place,
      );
    }
    // Only the datasets a lookup names are turned into rows (the sides of a run stay columns).
    const dataset = toRows(given);
    checkHeaders(workbook, name, dataset);
    replace[name.toLowerCase()] = [
      dataset.columns.map((c) => c.name),
      ...dataset.rows.map((row) => row.map((v, c) => fieldToCell(v, dataset.columns[c].type))),
    ];
  }
  return replace;
}

/** The field names a lookup sheet's row 1 holds, by 0-based column (empty cells left out). */
export function lookupHeaders(workbook: Workbook, name: string): { col: number; field: string }[] {
  const row = findSheet(workbook, name)?.cells[0] ?? [];
  return row.flatMap((cell, col) => {
    if (cell === null || cell === undefined || isFormula(cell)) return [];
    const field = String(cell).trim();
    return field ? [{ col, field }] : [];
  });
}

function checkHeaders(workbook: Workbook, name: string, dataset: Dataset): void {
  const fields = dataset.columns.map((c) => c.name).join(', ');
  for (const { col, field } of lookupHeaders(workbook, name)) {
    const actual = dataset.columns[col]?.name;
    if (actual?.toLowerCase() === field.toLowerCase()) continue;
    const sheet = findSheet(workbook, name)!.name;
    const found = dataset.columns.findIndex((c) => c.name.toLowerCase() === field.toLowerCase());
    const where = found < 0 ? `has no field "${field}"` : `has "${field}" in column ${cellAddress(0, found).replace(/\d+$/, '')}`;
    throw new RuleError(
      'unknown_field',
      `lookup dataset "${dataset.name}" ${where}, which this sheet's formulas read in column ${cellAddress(0, col).replace(/\d+$/, '')} (its fields: ${fields})`,
      { sheet, cell: cellAddress(0, col), setting: 'Lookup' },
    );
  }
}
