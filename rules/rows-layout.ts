/**
 * Reads the `Rows` sheet's header row and row-2 rule (contract 1.2) into column specs:
 * which columns the engine fills from the data and which hold formulas to fill down.
 */
import { RuleError } from './errors.js';
import { legacyFormula, nameShapes } from './xlsx/implicit-intersection.js';
import type { DatasetColumn, RuleSheetType } from './types.js';
import { cellAddress, findSheet, isFormula, type CellInput, type Workbook } from './workbook.js';

export const BUILTIN_COLUMNS = ['match', 'pass', 'left.count', 'right.count'] as const;
export type BuiltinColumn = (typeof BUILTIN_COLUMNS)[number];

export type RowsColumn =
  | { kind: 'field'; header: string; side: 'left' | 'right' | 'data'; field: string; index: number }
  | { kind: 'builtin'; header: string; name: BuiltinColumn; index: number }
  | { kind: 'formula'; header: string; formula: string; index: number }
  | { kind: 'constant'; header: string; value: CellInput; index: number };

export interface RowsLayout {
  headers: string[];
  columns: RowsColumn[];
  exceptionIndex: number;
}

export interface LayoutFields {
  left?: DatasetColumn[];
  right?: DatasetColumn[];
  data?: DatasetColumn[];
  leftName?: string;
  rightName?: string;
  dataName?: string;
}

/** Classifies every Rows column; throws RuleError naming the cell at fault. */
export function readRowsLayout(workbook: Workbook, type: RuleSheetType, fields: LayoutFields, exceptionColumn: string): RowsLayout {
  const sheet = findSheet(workbook, 'Rows');
  if (!sheet) throw new RuleError('missing_sheet', `a ${type} needs a "Rows" sheet`, { sheet: 'Rows' });
  const headerRow = sheet.cells[0] ?? [];
  const ruleRow = sheet.cells[1] ?? [];
  const width = lastNonEmpty(headerRow) + 1;
  if (width === 0) throw new RuleError('bad_rows_sheet', 'row 1 of "Rows" must hold the column headers', { sheet: 'Rows', cell: 'A1' });
  const headers: string[] = [];
  const columns: RowsColumn[] = [];
  const seen = new Map<string, string>();
  for (let index = 0; index < width; index++) {
    const raw = headerRow[index];
    const place = { sheet: 'Rows', cell: cellAddress(0, index) };
    if (raw === null || raw === undefined || String(raw).trim() === '') {
      throw new RuleError('bad_rows_sheet', 'a column between headers has no header', place);
    }
    const header = String(raw).trim();
    const lower = header.toLowerCase();
    if (seen.has(lower)) throw new RuleError('bad_rows_sheet', `header "${header}" is also at ${seen.get(lower)}`, place);
    seen.set(lower, place.cell);
    headers.push(header);
    columns.push(classify(header, index, ruleRow[index] ?? null, type, fields));
  }
  const exceptionIndex = headers.findIndex((h) => h.toLowerCase() === exceptionColumn.toLowerCase());
  if (exceptionIndex < 0) {
    throw new RuleError(
      'bad_rows_sheet',
      `"Rows" has no exception column "${exceptionColumn}" (set "Exception column" in Settings to use another)`,
      {
        sheet: 'Rows',
        cell: cellAddress(0, width),
      },
    );
  }
  // A row-2 formula gives one value per row: it keeps legacy Excel's meaning, `@` where a
  // range meant the row's cell (`=B2*Prices!C:C` is `=B2*@Prices!C:C`), rather than spilling;
  // one whose result is still an array is an error in every row (row-evaluator.ts).
  const legacy = { nameShape: nameShapes(workbook.names ?? []), rows: true };
  for (const column of columns) if (column.kind === 'formula') column.formula = legacyFormula(column.formula, legacy);
  return { headers, columns, exceptionIndex };
}

function classify(header: string, index: number, rule: CellInput, type: RuleSheetType, fields: LayoutFields): RowsColumn {
  const lower = header.toLowerCase();
  const place = { sheet: 'Rows', cell: cellAddress(0, index) };
  if (type === 'Reconciliation') {
    const builtin = BUILTIN_COLUMNS.find((b) => b === lower);
    if (builtin) return { kind: 'builtin', header, name: builtin, index };
    const side = lower.startsWith('left.') ? 'left' : lower.startsWith('right.') ? 'right' : null;
    if (side && !isFormula(rule)) {
      const wanted = header.slice(side.length + 1);
      const columns = fields[side] ?? [];
      const field = findField(columns, wanted);
      if (!field) {
        const dataset = side === 'left' ? fields.leftName : fields.rightName;
        throw new RuleError(
          'unknown_field',
          `"${wanted}" is not a field of ${side} dataset "${dataset}" (fields: ${names(columns)})`,
          place,
        );
      }
      return { kind: 'field', header, side, field: field.name, index };
    }
  } else {
    const field = findField(fields.data ?? [], header);
    if (field && !isFormula(rule)) return { kind: 'field', header, side: 'data', field: field.name, index };
  }
  if (isFormula(rule)) return { kind: 'formula', header, formula: rule, index };
  if (rule !== null && String(rule).trim() !== '') return { kind: 'constant', header, value: rule, index };
  const hint =
    type === 'Check'
      ? `not a field of "${fields.dataName}" (fields: ${names(fields.data ?? [])})`
      : 'not left.FIELD, right.FIELD or a built-in column';
  throw new RuleError('bad_rows_sheet', `column "${header}" is ${hint}, and row 2 has no formula for it`, {
    sheet: 'Rows',
    cell: cellAddress(1, index),
  });
}

/** Exact name first, then case-insensitive, as a user would expect of Excel headers. */
export function findField(columns: DatasetColumn[], name: string): DatasetColumn | undefined {
  return columns.find((c) => c.name === name) ?? columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
}

function names(columns: DatasetColumn[]): string {
  return columns.map((c) => c.name).join(', ') || 'none';
}

function lastNonEmpty(row: CellInput[]): number {
  for (let i = row.length - 1; i >= 0; i--) {
    const v = row[i];
    if (v !== null && v !== undefined && String(v).trim() !== '') return i;
  }
  return -1;
}
