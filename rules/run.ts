/**
 * Applies a rule sheet to datasets (contract section 1): reads Settings, matches or walks
 * the rows, evaluates the Rows rule block by block, streams results to the sink and
 * returns the `summary.json` content. The rows are joined on key ids and the rule's
 * compiled columns computed without HyperFormula (rules/run-columns.ts); `evaluator:
 * 'hyperformula'` runs the path before issue 14 whole (row objects, every column through
 * HyperFormula), which gives the same bytes and is kept to prove it.
 */
import type { RawCellContent } from 'hyperformula';
import { loadEngineWorkbook } from './engine-workbook.js';
import { RuleError } from './errors.js';
import { fieldToCell, fieldToOutput } from './field-values.js';
import { matchDatasets, type MatchedRow } from './matcher.js';
import { lookupSheets } from './lookup-sheets.js';
import { paramRows, runReport } from './report.js';
import { evaluateRows, textIsNotADate, type RowInputs } from './row-evaluator.js';
import { findField, readRowsLayout, type RowsLayout } from './rows-layout.js';
import { readSettings, type RuleSettings } from './settings.js';
import { checkSource, evaluateColumns, reconciliationSource, type ColumnSource } from './run-columns.js';
import { allRows, rowCount, type AnyDataset } from './run-sources.js';
import { startSummary, type SummaryRun } from './summary.js';
import type { Dataset, FieldValue, ParamValue, ResultRow, RunCounts, RunInput, RunSummary } from './types.js';
import type { CellValue, Workbook } from './workbook.js';

/** Runs a rule sheet end to end. Bad input throws RuleError naming the place at fault. */
export async function runRuleSheet(input: RunInput): Promise<RunSummary> {
  const { workbook, sink } = input;
  const progress = input.onProgress ?? (() => {});
  const settings = readSettings(workbook);
  const params = resolveParams(settings, input.params ?? {});
  progress({ phase: 'loading', done: 0, total: 1 });
  if (settings.type === 'Report') {
    const report = await runReport(workbook, settings, allRows(input.datasets), params, sink, input.signal);
    progress({ phase: 'done', done: report.rows, total: report.rows });
    return { type: 'Report', counts: { rows: report.rows, exceptions: report.exceptions }, by_exception: report.byException, summary: {} };
  }
  // Key order as the contract's summary.json lists them.
  const counts: RunCounts =
    settings.type === 'Reconciliation' ? { rows: 0, matched: 0, left_only: 0, right_only: 0, exceptions: 0 } : { rows: 0, exceptions: 0 };
  const byException: Record<string, number> = {};
  const lookups = lookupSheets(workbook, settings, input.datasets);
  const engineOptions = { params, paramRows: paramRows(settings), replace: { ...lookups, summary: [] as RawCellContent[][] } };
  // The column index speeds lookups but costs more than it saves when every block rewrites
  // thousands of input cells: measured 8 s of 25 s on 100k rows (BENCHMARKS.md).
  // In Rows a formula that refers to an empty field stays empty (a blank output, no
  // exception), where Excel and every other Tickmark engine show 0.
  const engine = () =>
    loadEngineWorkbook(workbook, {
      ...engineOptions,
      engine: { useColumnIndex: false, evaluateNullToZero: false, ...textIsNotADate() },
    });
  let total = 0;
  let summarySheet: SummaryRun | null = null;
  const onBlock = async (rows: ResultRow[], done: number) => {
    for (const row of rows) {
      counts.rows += 1;
      if (row.match === 'matched') counts.matched! += 1;
      else if (row.match === 'left only') counts.left_only! += 1;
      else if (row.match === 'right only') counts.right_only! += 1;
      if (row.exception !== null) {
        counts.exceptions += 1;
        byException[row.exception] = (byException[row.exception] ?? 0) + 1;
      }
    }
    summarySheet!.add(rows);
    await sink.rows(rows);
    progress({ phase: 'evaluating', done, total });
  };
  if (input.evaluator === 'hyperformula') {
    const datasets = allRows(input.datasets);
    const plan =
      settings.type === 'Reconciliation' ? planReconciliation(settings, datasets, workbook) : planCheck(settings, datasets, workbook);
    total = plan.count;
    summarySheet = startSummary(workbook, plan.layout.headers, { ...engineOptions, compiled: false });
    await sink.columns(plan.layout.headers);
    input.onEvaluation?.(
      { compiled: [], fallback: formulaColumns(plan.layout).map((column) => ({ column, reason: 'evaluator: hyperformula' })) },
      { joinMs: 0 },
    );
    const hf = engine();
    try {
      await evaluateRows(hf, plan.layout, { count: plan.count, inputsOf: plan.inputsOf, signal: input.signal, onBlock });
    } finally {
      hf.destroy();
    }
  } else {
    progress({ phase: 'matching', done: 0, total: 1 });
    const started = performance.now();
    const { layout, source } = settings.type === 'Reconciliation' ? columnsReconciliation(settings, input) : columnsCheck(settings, input);
    const joinMs = performance.now() - started;
    total = source.count;
    summarySheet = startSummary(workbook, layout.headers, engineOptions);
    await sink.columns(layout.headers);
    await evaluateColumns({
      workbook,
      layout,
      source,
      params,
      replace: engineOptions.replace,
      engine,
      onBlock,
      signal: input.signal,
      onCompiled: (report) => input.onEvaluation?.(report, { joinMs }),
    });
  }
  progress({ phase: 'summary', done: total, total });
  const summary = summarySheet.finish();
  progress({ phase: 'done', done: total, total });
  return { type: settings.type, counts, by_exception: byException, summary };
}

function formulaColumns(layout: RowsLayout): string[] {
  return layout.columns.filter((c) => c.kind === 'formula').map((c) => c.header);
}

function columnsReconciliation(settings: RuleSettings, input: RunInput): { layout: RowsLayout; source: ColumnSource } {
  const left = requireDataset(input.datasets, settings.left!, 'Left', settings);
  const right = requireDataset(input.datasets, settings.right!, 'Right', settings);
  const layout = readRowsLayout(
    input.workbook,
    'Reconciliation',
    { left: left.columns, right: right.columns, leftName: left.name, rightName: right.name },
    settings.exceptionColumn,
  );
  const ageFrom = settings.ageFrom ? resolveAgeField(settings, left, right) : null;
  return { layout, source: reconciliationSource(settings, layout, left, right, ageFrom) };
}

function columnsCheck(settings: RuleSettings, input: RunInput): { layout: RowsLayout; source: ColumnSource } {
  const data = requireDataset(input.datasets, settings.data!, 'Data', settings);
  const layout = readRowsLayout(input.workbook, 'Check', { data: data.columns, dataName: data.name }, settings.exceptionColumn);
  const keyColumns = checkKeyColumns(settings, data);
  const ageColumn = settings.ageFrom ? fieldIndex(data, settings.ageFrom, settings.rows['age from']) : -1;
  return { layout, source: checkSource(layout, data, rowCount(data), keyColumns, ageColumn) };
}

function checkKeyColumns(settings: RuleSettings, data: AnyDataset): number[] {
  return (settings.key.length ? settings.key : data.columns.map((c) => c.name)).map((name) => {
    const field = findField(data.columns, name);
    if (!field)
      throw new RuleError('unknown_field', `key field "${name}" is not a field of "${data.name}"`, {
        sheet: 'Settings',
        cell: `B${settings.rows.key}`,
      });
    return data.columns.indexOf(field);
  });
}

interface Plan {
  layout: RowsLayout;
  count: number;
  inputsOf: (index: number) => RowInputs;
}

/** The HyperFormula path's plan (the evaluator before issue 14, kept whole to compare against). */
function planReconciliation(settings: RuleSettings, datasets: Record<string, Dataset>, workbook: Workbook): Plan {
  const left = requireDataset(datasets, settings.left!, 'Left', settings);
  const right = requireDataset(datasets, settings.right!, 'Right', settings);
  const layout = readRowsLayout(
    workbook,
    'Reconciliation',
    { left: left.columns, right: right.columns, leftName: left.name, rightName: right.name },
    settings.exceptionColumn,
  );
  const matched: MatchedRow[] = matchDatasets(settings, left, right);
  const ageFrom = settings.ageFrom ? resolveAgeField(settings, left, right) : null;
  return {
    layout,
    count: matched.length,
    inputsOf: (index) => {
      const row = matched[index];
      const cells = new Map<number, RawCellContent>();
      const outputs = new Map<number, CellValue>();
      for (const column of layout.columns) {
        if (column.kind === 'field') {
          const dataset = column.side === 'left' ? left : right;
          const values = column.side === 'left' ? row.left : row.right;
          const c = dataset.columns.findIndex((col) => col.name === column.field);
          const value = values ? values[c] : null;
          cells.set(column.index, fieldToCell(value, dataset.columns[c].type));
          outputs.set(column.index, fieldToOutput(value));
        } else if (column.kind === 'builtin') {
          const value = builtinValue(column.name, row);
          cells.set(column.index, typeof value === 'string' ? `'${value}` : (value as number | null));
          outputs.set(column.index, value);
        }
      }
      const duplicate = row.duplicate ? `duplicate ${row.duplicate} key` : null;
      const age = ageFrom ? (ageFrom.side === 'left' ? row.left : row.right)?.[ageFrom.column] : undefined;
      return { cells, outputs, key: row.key, match: row.match, forcedException: duplicate, ...(ageFrom ? { ageFrom: asDate(age) } : {}) };
    },
  };
}

function planCheck(settings: RuleSettings, datasets: Record<string, Dataset>, workbook: Workbook): Plan {
  const data = requireDataset(datasets, settings.data!, 'Data', settings);
  const layout = readRowsLayout(workbook, 'Check', { data: data.columns, dataName: data.name }, settings.exceptionColumn);
  const keyColumns = checkKeyColumns(settings, data);
  const ageColumn = settings.ageFrom ? fieldIndex(data, settings.ageFrom, settings.rows['age from']) : -1;
  const fieldColumns = layout.columns.flatMap((c) =>
    c.kind === 'field' ? [{ index: c.index, source: data.columns.findIndex((d) => d.name === c.field) }] : [],
  );
  return {
    layout,
    count: data.rows.length,
    inputsOf: (index) => {
      const values = data.rows[index];
      const cells = new Map<number, RawCellContent>();
      const outputs = new Map<number, CellValue>();
      for (const { index: col, source } of fieldColumns) {
        cells.set(col, fieldToCell(values[source], data.columns[source].type));
        outputs.set(col, fieldToOutput(values[source]));
      }
      const key = keyColumns.map((c) => (values[c] === null ? '' : String(values[c]))).join(' | ');
      return { cells, outputs, key, ...(ageColumn >= 0 ? { ageFrom: asDate(values[ageColumn]) } : {}) };
    },
  };
}

function builtinValue(name: string, row: MatchedRow): CellValue {
  if (name === 'match') return row.match;
  if (name === 'pass') return row.pass;
  if (name === 'left.count') return row.leftCount;
  return row.rightCount;
}

function requireDataset<D extends AnyDataset>(datasets: Record<string, D>, name: string, setting: string, settings: RuleSettings): D {
  const found = datasets[name] ?? Object.entries(datasets).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  if (!found) {
    const given = Object.keys(datasets).join(', ') || 'none';
    throw new RuleError('missing_dataset', `setting "${setting}" names dataset "${name}", which was not given (given: ${given})`, {
      sheet: 'Settings',
      cell: `B${settings.rows[setting.toLowerCase()]}`,
      setting,
    });
  }
  return found;
}

function resolveAgeField(settings: RuleSettings, left: AnyDataset, right: AnyDataset): { side: 'left' | 'right'; column: number } {
  const name = settings.ageFrom!;
  const row = settings.rows['age from'];
  const lower = name.toLowerCase();
  if (lower.startsWith('right.')) return { side: 'right', column: fieldIndex(right, name.slice(6), row) };
  const bare = lower.startsWith('left.') ? name.slice(5) : name;
  return { side: 'left', column: fieldIndex(left, bare, row) };
}

function fieldIndex(dataset: AnyDataset, name: string, row: number | undefined): number {
  const field = findField(dataset.columns, name);
  if (!field)
    throw new RuleError('unknown_field', `"${name}" is not a field of "${dataset.name}"`, {
      sheet: 'Settings',
      cell: row ? `B${row}` : undefined,
      setting: 'Age from',
    });
  return dataset.columns.indexOf(field);
}

function asDate(value: FieldValue | undefined): string | null {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

/** Sheet defaults overlaid with the run's values; an unknown parameter is an error. */
export function resolveParams(settings: RuleSettings, overrides: Record<string, ParamValue>): Record<string, ParamValue> {
  const params = { ...settings.params };
  for (const [name, value] of Object.entries(overrides)) {
    const known = Object.keys(params).find((p) => p.toLowerCase() === name.toLowerCase());
    if (!known) {
      const declared = Object.keys(params).join(', ') || 'none';
      throw new RuleError('bad_parameter', `unknown parameter "${name}" (the sheet declares: ${declared})`, { setting: `Param ${name}` });
    }
    params[known] = value;
  }
  return params;
}
