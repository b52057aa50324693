/**
 * Evaluates the `Rows` rule over many data rows in bounded memory. The row-2 formulas are
 * filled down once over a block of rows (HyperFormula shifts relative references as
 * Excel's fill-down does); each block of data rows is then written into the input columns
 * and the formula columns read back. A rule whose formulas look at other rows (ranges
 * over Rows, a relative reference to another row, ROW(), OFFSET, INDIRECT) is evaluated
 * in one block holding every row, so it sees them all.
 */
import { CellValueDetailedType, type ConfigParams, type HyperFormula, type RawCellContent } from 'hyperformula';
import { RuleError } from './errors.js';
import { dateTypedOutput, fromEngineValue } from './field-values.js';
import { engineConfig } from './hf.js';
import { normaliseFormula } from './formula-text.js';
import { nextTurn } from './next-turn.js';
import { checkSheetReferences } from './sheet-references.js';
import type { RowsLayout } from './rows-layout.js';
import type { ResultRow } from './types.js';
import { cellAddress, isErrorValue, type CellValue } from './workbook.js';

/** The block size: measured here as the fastest with flat memory (see BENCHMARKS.md). */
export const BLOCK_ROWS = 2000;

export interface RowInputs {
  /** What to write into each input column (by layout column index). */
  cells: Map<number, RawCellContent>;
  /** What the results show for each input column. */
  outputs: Map<number, CellValue>;
  key: string;
  ageFrom?: string | null;
  match?: ResultRow['match'];
  /** An exception the engine itself raises (duplicate keys); it wins over the formula's. */
  forcedException?: string | null;
}

export interface EvaluateOptions {
  count: number;
  inputsOf: (index: number) => RowInputs;
  onBlock: (rows: ResultRow[], done: number) => Promise<void>;
  signal?: AbortSignal;
}

/** Runs every row through `hf`'s `Rows` sheet (already holding the workbook's other sheets). */
export async function evaluateRows(hf: HyperFormula, layout: RowsLayout, options: EvaluateOptions): Promise<void> {
  const sheet = hf.getSheetId('Rows')!;
  const inputColumns = layout.columns.filter((c) => c.kind === 'field' || c.kind === 'builtin').map((c) => c.index);
  const sheetNames = hf.getSheetNames();
  for (const column of layout.columns)
    if (column.kind === 'formula') checkSheetReferences(column.formula, sheetNames, { sheet: 'Rows', cell: cellAddress(1, column.index) });
  const whole = needsWholeTable(hf, sheet, layout);
  const block = Math.max(1, whole ? options.count : Math.min(BLOCK_ROWS, options.count));
  hf.setSheetContent(sheet, [layout.headers]);
  const arrays = writeRule(hf, sheet, layout, block);
  const width = layout.headers.length;
  for (let start = 0; start < options.count; start += block) {
    if (options.signal?.aborted) throw new RuleError('cancelled', 'the run was cancelled');
    const n = Math.min(block, options.count - start);
    const inputs = Array.from({ length: n }, (_, i) => options.inputsOf(start + i));
    hf.batch(() => {
      for (const col of inputColumns) {
        const column = inputs.map((row) => [row.cells.get(col) ?? null]);
        hf.setCellContents({ sheet, row: 1, col }, column);
      }
    });
    const values = hf.getRangeValues({ start: { sheet, row: 1, col: 0 }, end: { sheet, row: n, col: width - 1 } });
    const rows: ResultRow[] = inputs.map((input, i) => {
      const out: CellValue[] = new Array(width);
      for (let col = 0; col < width; col++) {
        out[col] = input.outputs.has(col)
          ? (input.outputs.get(col) ?? null)
          : (arrays.get(col) ?? readValue(hf, sheet, i + 1, col, values[i][col]));
      }
      const exception = input.forcedException ?? exceptionText(out[layout.exceptionIndex]);
      if (input.forcedException) out[layout.exceptionIndex] = input.forcedException;
      return {
        values: out,
        exception,
        key: input.key,
        ...(input.match ? { match: input.match } : {}),
        ...(input.ageFrom !== undefined ? { ageFrom: input.ageFrom } : {}),
      };
    });
    await options.onBlock(rows, start + n);
    // Let a worker's message loop see cancellation between blocks.
    await nextTurn();
  }
}

/**
 * Fills the row-2 rule down over `block` rows. A formula whose result is an array would spill
 * over the next rows: its column is an error in every row instead (returned by column index).
 */
function writeRule(hf: HyperFormula, sheet: number, layout: RowsLayout, block: number): Map<number, CellValue> {
  const arrays = new Map<number, CellValue>();
  for (const column of layout.columns) {
    if (column.kind !== 'formula' && column.kind !== 'constant') continue;
    let content = column.kind === 'formula' ? normaliseFormula(column.formula) : column.value;
    const place = { sheet: 'Rows', cell: cellAddress(1, column.index) };
    try {
      hf.setCellContents({ sheet, row: 1, col: column.index }, [[content]]);
      if (column.kind === 'formula' && hf.isCellPartOfArray({ sheet, row: 1, col: column.index })) {
        const message = `the formula of column "${column.header}" (${place.cell}) gives several values; a Rows formula gives one per row (take one with @ or INDEX)`;
        arrays.set(column.index, { error: '#VALUE!', message });
        // Formulas that read the column see an error too, not the array's first value.
        content = '=#VALUE!';
        hf.setCellContents({ sheet, row: 1, col: column.index }, [[content]]);
      }
    } catch (error) {
      throw new RuleError('bad_formula', `the formula cannot be read: ${(error as Error).message}`, place);
    }
    // A formula the engine cannot parse is not thrown: like any formula error it is data,
    // #ERROR! in that column of every row, and the other columns are evaluated as usual.
    if (block > 1) {
      const source = { start: { sheet, row: 1, col: column.index }, end: { sheet, row: 1, col: column.index } };
      const target = { start: { sheet, row: 1, col: column.index }, end: { sheet, row: block, col: column.index } };
      hf.setCellContents({ sheet, row: 1, col: column.index }, hf.getFillRangeData(source, target));
    }
  }
  return arrays;
}

/**
 * Whether the rule reads other rows of `Rows`: then blocks would cut those references,
 * so every row is evaluated together.
 */
export function needsWholeTable(hf: HyperFormula, sheet: number, layout: RowsLayout): boolean {
  for (const column of layout.columns) {
    if (column.kind !== 'formula') continue;
    if (/\b(ROW|ROWS|OFFSET|INDIRECT)\s*\(/i.test(column.formula)) return true;
    const text = normaliseFormula(column.formula);
    if (hasRelativeRowIntoOtherSheet(text)) return true;
    hf.setCellContents({ sheet, row: 1, col: column.index }, [[text]]);
    const precedents = hf.getCellPrecedents({ sheet, row: 1, col: column.index });
    for (const p of precedents) {
      if ('start' in p) {
        if (p.start.sheet === sheet) return true;
      } else if (p.sheet === sheet && p.row !== 1) return true;
    }
  }
  return false;
}

/**
 * `Prices!B2` filled down becomes `Prices!B3`, `Prices!B4`…: inside a block it would
 * restart at each block's first row, so such a rule is evaluated in one block.
 */
function hasRelativeRowIntoOtherSheet(formula: string): boolean {
  const withoutStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
  for (const ref of withoutStrings.matchAll(/!\$?[A-Za-z]{1,3}(\$?)\d+(?::\$?[A-Za-z]{1,3}(\$?)\d+)?/g)) {
    if (ref[1] === '' || ref[2] === '') return true;
  }
  return false;
}

function readValue(hf: HyperFormula, sheet: number, row: number, col: number, raw: unknown): CellValue {
  const value = fromEngineValue(raw);
  if (typeof value !== 'number') return value;
  const type = hf.getCellValueDetailedType({ sheet, row, col });
  if (type === CellValueDetailedType.NUMBER_DATE || type === CellValueDetailedType.NUMBER_DATETIME) return dateTypedOutput(value);
  return value;
}

/** Empty text, a blank cell and FALSE mean "no exception"; anything else is one. */
export function exceptionText(value: CellValue): string | null {
  if (value === null || value === '' || value === false) return null;
  if (isErrorValue(value)) return value.error;
  return typeof value === 'boolean' ? 'TRUE' : String(value);
}

/**
 * HyperFormula tries every string written into a cell as a date before it sees the
 * apostrophe that makes it text; a block holds thousands of text inputs and results
 * (`'quantity`), which no date parser reads as a date, so they skip the attempt (measured:
 * about a third of a 100k run's CPU time in the Summary's and the fallback blocks' writes).
 * Text a formula turns into a date ("2026-11-16"+1) has no apostrophe and is parsed as ever.
 */
export function textIsNotADate(): Partial<ConfigParams> {
  const parse = engineConfig().parseDateTime;
  if (!parse) return {};
  return { parseDateTime: (text, dateFormat, timeFormat) => (text.startsWith("'") ? undefined : parse(text, dateFormat, timeFormat)) };
}
