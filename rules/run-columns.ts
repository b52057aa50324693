/**
 * The run on columns (issue 14): the join gives typed arrays of row numbers, each input
 * column is read through one reader, compiled formula columns are computed by the compiled
 * evaluator (rules/compiled/) and only the columns it cannot take go through HyperFormula's
 * fill-down blocks (rules/row-evaluator.ts), with just those columns' formulas in the sheet.
 * Results leave block by block as `ResultRow`s, so the sinks, the Summary and the preview
 * see exactly what the HyperFormula path gives (test/cli/run-evaluators.test.ts compares
 * the bytes).
 */
import type { HyperFormula, RawCellContent } from 'hyperformula';
import type { CompiledRowsRule, EngineScalar } from './compiled/api.js';
import { compileRowsRule } from './compiled/compile.js';
import { refuseTooDeepFormulas } from './engine-workbook.js';
import { RuleError } from './errors.js';
import { fieldToCell } from './field-values.js';
import { nextTurn } from './next-turn.js';
import { BLOCK_ROWS, evaluateRows, exceptionText, type RowInputs } from './row-evaluator.js';
import type { RowsColumn, RowsLayout } from './rows-layout.js';
import { DUPLICATE_LEFT, DUPLICATE_NONE, joinDatasets, matchOf, type JoinedRows } from './run-join.js';
import { columnReader, rowsReader, type AnyDataset, type ColumnReader } from './run-sources.js';
import type { RuleSettings } from './settings.js';
import { checkSheetReferences } from './sheet-references.js';
import type { EvaluationReport, FieldType, FieldValue, MatchStatus, ParamValue, ResultRow } from './types.js';
import { cellAddress, type CellValue, type Workbook } from './workbook.js';

/** One input column of the Rows sheet, read by output row. */
interface InputColumn {
  index: number;
  type: FieldType;
  /** What the results show. */
  output(row: number): CellValue;
  /** What a formula sees. */
  engine(row: number): EngineScalar;
}

/** What the run reads for each output row. */
export interface ColumnSource {
  count: number;
  inputs: InputColumn[];
  key(row: number): string;
  match?(row: number): MatchStatus;
  /** The engine's own exception (a duplicate key), which wins over the formula's. */
  forced(row: number): string | null;
  ageFrom?(row: number): string | null;
}

/** A reconciliation's rows: the join, then readers over its row numbers. */
export function reconciliationSource(
  settings: RuleSettings,
  layout: RowsLayout,
  left: AnyDataset,
  right: AnyDataset,
  ageFrom: { side: 'left' | 'right'; column: number } | null,
): ColumnSource {
  const joined = joinDatasets(settings, left, right);
  const reader = (side: 'left' | 'right', column: number): ColumnReader => {
    const dataset = side === 'left' ? left : right;
    return joined.folded ? rowsReader(joined.folded[side], dataset.columns, column) : columnReader(dataset, column);
  };
  const rowsOf = (side: 'left' | 'right') => (side === 'left' ? joined.left : joined.right);
  const inputs: InputColumn[] = [];
  for (const column of layout.columns) {
    if (column.kind === 'field') {
      const dataset = column.side === 'left' ? left : right;
      const r = reader(
        column.side as 'left' | 'right',
        dataset.columns.findIndex((c) => c.name === column.field),
      );
      const rows = rowsOf(column.side as 'left' | 'right');
      inputs.push({ index: column.index, type: r.type, output: (o) => r.field(rows[o]), engine: (o) => r.engine(rows[o]) });
    } else if (column.kind === 'builtin') {
      const value = builtin(column.name, joined);
      inputs.push({ index: column.index, type: column.name === 'match' ? 'text' : 'number', output: value, engine: value });
    }
  }
  const age = ageFrom ? reader(ageFrom.side, ageFrom.column) : null;
  const ageRows = ageFrom ? rowsOf(ageFrom.side) : null;
  return {
    count: joined.count,
    inputs,
    key: joined.key,
    match: (o) => matchOf(joined, o),
    forced: (o) =>
      joined.duplicate[o] === DUPLICATE_NONE ? null : `duplicate ${joined.duplicate[o] === DUPLICATE_LEFT ? 'left' : 'right'} key`,
    ...(age && ageRows ? { ageFrom: (o: number) => asDate(age.field(ageRows[o])) } : {}),
  };
}

function builtin(name: string, joined: JoinedRows): (row: number) => string | number | null {
  if (name === 'match') return (o) => matchOf(joined, o);
  if (name === 'pass') return (o) => (joined.pass[o] === 0 ? null : joined.pass[o]);
  if (name === 'left.count') return (o) => joined.leftCount[o];
  return (o) => joined.rightCount[o];
}

/** A check's rows: the dataset's, in order. */
export function checkSource(layout: RowsLayout, data: AnyDataset, count: number, keyColumns: number[], ageColumn: number): ColumnSource {
  const inputs: InputColumn[] = layout.columns.flatMap((c) => {
    if (c.kind !== 'field') return [];
    const r = columnReader(
      data,
      data.columns.findIndex((d) => d.name === c.field),
    );
    return [{ index: c.index, type: r.type, output: r.field, engine: r.engine }];
  });
  const keys = keyColumns.map((c) => columnReader(data, c));
  const age = ageColumn >= 0 ? columnReader(data, ageColumn) : null;
  return {
    count,
    inputs,
    key: (o) => keys.map((k) => keyPart(k.field(o))).join(' | '),
    forced: () => null,
    ...(age ? { ageFrom: (o: number) => asDate(age.field(o)) } : {}),
  };
}

function keyPart(value: FieldValue): string {
  return value === null ? '' : String(value);
}

function asDate(value: FieldValue | undefined): string | null {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

export interface ColumnsRun {
  workbook: Workbook;
  layout: RowsLayout;
  source: ColumnSource;
  params: Record<string, ParamValue>;
  replace: Record<string, RawCellContent[][]>;
  /** A HyperFormula instance of the workbook for the fallback columns (made only when needed). */
  engine: () => HyperFormula;
  onBlock: (rows: ResultRow[], done: number) => Promise<void>;
  /** Told what was compiled before the first row is evaluated. */
  onCompiled?: (report: EvaluationReport) => void;
  signal?: AbortSignal;
}

/** Compiles what it can, evaluates every row block by block; returns what was compiled. */
export async function evaluateColumns(run: ColumnsRun): Promise<EvaluationReport> {
  const { layout, source } = run;
  // The refusals the HyperFormula path makes when it loads the rule, made before compiling:
  // a column the compiler takes must not evaluate what that path refuses.
  refuseTooDeepFormulas(run.workbook);
  const sheetNames = run.workbook.sheets.map((s) => s.name);
  for (const column of layout.columns)
    if (column.kind === 'formula') checkSheetReferences(column.formula, sheetNames, { sheet: 'Rows', cell: cellAddress(1, column.index) });
  const compiled = compileRowsRule({
    workbook: run.workbook,
    layout,
    inputTypes: new Map(source.inputs.map((c) => [c.index, c.type])),
    params: run.params,
    replace: run.replace,
  });
  const report: EvaluationReport = {
    compiled: compiled.compiled.map((i) => layout.headers[i]),
    fallback: compiled.fallback.map((f) => ({ column: f.header, reason: f.reason })),
  };
  run.onCompiled?.(report);
  const fill = compiledFiller(compiled, layout, source);
  const needsEngine = compiled.fallback.length > 0 || layout.columns.some((c) => c.kind === 'constant');
  if (source.count === 0) return report;
  if (!needsEngine) {
    await ownBlocks(run, fill, []);
    return report;
  }
  const hf = run.engine();
  try {
    const engineLayout = withoutCompiled(layout, new Set(compiled.compiled));
    const inputsOf = (o: number): RowInputs => rowInputs(source, o);
    if (compiled.fallback.length === 0) {
      // Only constant columns need HyperFormula: their values are the same on every row.
      let constants: CellValue[] = [];
      await evaluateRows(hf, engineLayout, { count: 1, inputsOf, onBlock: async (rows) => void (constants = rows[0].values) });
      const fixed = layout.columns.filter((c) => c.kind === 'constant').map((c) => ({ index: c.index, value: constants[c.index] }));
      await ownBlocks(run, fill, fixed);
      return report;
    }
    await evaluateRows(hf, engineLayout, {
      count: source.count,
      inputsOf,
      signal: run.signal,
      onBlock: async (rows, done) => {
        const start = done - rows.length;
        for (let i = 0; i < rows.length; i++) finishRow(rows[i], start + i, fill, layout, source);
        await run.onBlock(rows, done);
      },
    });
    return report;
  } finally {
    hf.destroy();
  }
}

/** The layout HyperFormula evaluates: compiled formula columns left empty. */
function withoutCompiled(layout: RowsLayout, compiled: Set<number>): RowsLayout {
  const columns = layout.columns.map((c): RowsColumn =>
    compiled.has(c.index) ? { kind: 'constant', header: c.header, value: null, index: c.index } : c,
  );
  return { ...layout, columns };
}

type Filler = (row: number, out: CellValue[]) => void;

/** Writes a row's compiled columns into `out`, reading inputs in engine form. */
function compiledFiller(compiled: CompiledRowsRule, layout: RowsLayout, source: ColumnSource): Filler {
  if (compiled.compiled.length === 0) return () => {};
  const engine: ((row: number) => EngineScalar)[] = new Array(layout.headers.length);
  for (const input of source.inputs) engine[input.index] = input.engine;
  let current = 0;
  const input = (index: number): EngineScalar => {
    const read = engine[index];
    // A compiled column reads inputs only (api.ts); anything else is a bug in the compiler, not in the sheet.
    if (!read) throw new Error(`the compiled rule read column ${index + 1} of Rows, which is not an input column`);
    return read(current);
  };
  return (row, out) => {
    current = row;
    compiled.evaluate(input, out);
  };
}

/** Blocks without HyperFormula: inputs, constants, compiled columns. */
async function ownBlocks(run: ColumnsRun, fill: Filler, constants: { index: number; value: CellValue }[]): Promise<void> {
  const { layout, source } = run;
  const width = layout.headers.length;
  for (let start = 0; start < source.count; start += BLOCK_ROWS) {
    if (run.signal?.aborted) throw new RuleError('cancelled', 'the run was cancelled');
    const end = Math.min(source.count, start + BLOCK_ROWS);
    const rows: ResultRow[] = new Array(end - start);
    for (let o = start; o < end; o++) {
      const values: CellValue[] = new Array(width).fill(null);
      for (const input of source.inputs) values[input.index] = input.output(o);
      for (const c of constants) values[c.index] = c.value;
      const row: ResultRow = { values, exception: null, key: source.key(o) };
      if (source.match) row.match = source.match(o);
      if (source.ageFrom) row.ageFrom = source.ageFrom(o);
      finishRow(row, o, fill, layout, source);
      rows[o - start] = row;
    }
    await run.onBlock(rows, end);
    // Let a worker's message loop see cancellation between blocks.
    await nextTurn();
  }
}

/** Compiled columns in, then the exception: the engine's own (a duplicate key) wins. */
function finishRow(row: ResultRow, o: number, fill: Filler, layout: RowsLayout, source: ColumnSource): void {
  fill(o, row.values);
  const forced = source.forced(o);
  if (forced) row.values[layout.exceptionIndex] = forced;
  row.exception = forced ?? exceptionText(row.values[layout.exceptionIndex]);
}

/** One row's inputs as the HyperFormula blocks take them. */
function rowInputs(source: ColumnSource, o: number): RowInputs {
  const cells = new Map<number, RawCellContent>();
  const outputs = new Map<number, CellValue>();
  for (const input of source.inputs) {
    const value = input.output(o);
    cells.set(input.index, fieldToCell(value as FieldValue, input.type));
    outputs.set(input.index, value);
  }
  return {
    cells,
    outputs,
    key: source.key(o),
    ...(source.match ? { match: source.match(o) } : {}),
    forcedException: source.forced(o),
    ...(source.ageFrom ? { ageFrom: source.ageFrom(o) } : {}),
  };
}
