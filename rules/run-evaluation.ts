/**
 * Which `Rows` formula columns a run compiles and which fall back (manifest.json's
 * `engine.evaluation`), worked out from the sheet, the datasets' columns and the lookup
 * datasets, the same way runRuleSheet decides it: the server's manifest of a run (which
 * records no more than its inputs) and the CLI's manifest.json say the same.
 */
import type { RawCellContent } from 'hyperformula';
import { compileRowsRule } from './compiled/compile.js';
import { lookupSheets } from './lookup-sheets.js';
import { readRowsLayout, type RowsLayout } from './rows-layout.js';
import { resolveParams } from './run.js';
import { readSettings } from './settings.js';
import type { Dataset, DatasetColumn, EvaluationReport, FieldType, ParamValue } from './types.js';
import type { Workbook } from './workbook.js';

/**
 * The report for a run of `workbook` with datasets of these columns (`lookups` the datasets
 * the `Lookup` setting names, whole); undefined for a Report, which has no Rows rule.
 */
export function evaluationOf(
  workbook: Workbook,
  columns: Record<string, DatasetColumn[]>,
  lookups: Record<string, Dataset>,
  given: Record<string, ParamValue>,
): EvaluationReport | undefined {
  const settings = readSettings(workbook);
  if (settings.type === 'Report') return undefined;
  const params = resolveParams(settings, given);
  const named = (name: string | undefined) =>
    columns[name ?? ''] ?? Object.entries(columns).find(([k]) => k.toLowerCase() === (name ?? '').toLowerCase())?.[1] ?? [];
  const layout =
    settings.type === 'Reconciliation'
      ? readRowsLayout(workbook, 'Reconciliation', { left: named(settings.left), right: named(settings.right) }, settings.exceptionColumn)
      : readRowsLayout(workbook, 'Check', { data: named(settings.data) }, settings.exceptionColumn);
  const sides = { left: named(settings.left), right: named(settings.right), data: named(settings.data) };
  const replace = { ...lookupSheets(workbook, settings, lookups), summary: [] as RawCellContent[][] };
  const compiled = compileRowsRule({ workbook, layout, inputTypes: inputTypes(layout, sides), params, replace });
  return {
    compiled: compiled.compiled.map((i) => layout.headers[i]),
    fallback: compiled.fallback.map((f) => ({ column: f.header, reason: f.reason })),
  };
}

/** Each input column's type: the field's, or a built-in's (match is text, the rest numbers). */
export function inputTypes(layout: RowsLayout, sides: Record<'left' | 'right' | 'data', DatasetColumn[]>): Map<number, FieldType> {
  const types = new Map<number, FieldType>();
  for (const column of layout.columns) {
    if (column.kind === 'field') types.set(column.index, sides[column.side].find((c) => c.name === column.field)!.type);
    else if (column.kind === 'builtin') types.set(column.index, column.name === 'match' ? 'text' : 'number');
  }
  return types;
}
