/**
 * The tables the compiled lookups read (issue 14): an absolute range of another sheet, read
 * once per run as HyperFormula holds its cells. A lookup dataset's sheet is the run's
 * `replace` contents (rules/lookup-sheets.ts: text behind an apostrophe, numbers, booleans,
 * null, and the unprefixed header row); any other sheet is the workbook's, whose text the
 * engine keeps as text (rules/engine-workbook.ts's toEngineCell). A range holding a formula,
 * or text the engine would read as something else, is not taken: the column falls back.
 */
import { CellError, ErrorType, type RawCellContent } from 'hyperformula';
import { createEngine, dateSystem } from '../hf.js';
import { findSheet, isFormula, type CellInput } from '../workbook.js';
import type { RowsRuleInput } from './api.js';
import type { Node } from './parse.js';
import { EMPTY, type Value } from './values.js';

/** A rectangle of constant cells: `cell(r, c)` 0-based inside the range. */
export interface Table {
  sheet: string;
  /** Top-left cell of the range on its sheet, 0-based. */
  row0: number;
  col0: number;
  width: number;
  height: number;
  /** A whole-column range (`Prices!$A:$B`): its height is the data's (see sheetHeight). */
  wholeColumns: boolean;
  cell(r: number, c: number): Value;
}

const ERROR_LITERALS: Record<string, string> = {
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#N/A': ErrorType.NA,
  '#NAME?': ErrorType.NAME,
  '#NULL!': 'NULL',
  '#NUM!': ErrorType.NUM,
  '#REF!': ErrorType.REF,
  '#VALUE!': ErrorType.VALUE,
};

/** The table a lookup's range argument names, or why it is not one the compiler takes. */
export function readTable(input: RowsRuleInput, node: Node, cache: Map<string, Table | string>): Table | string {
  if (node.k !== 'range') return 'its table is not a range';
  const sheet = node.sheet;
  if (sheet === null || sheet.toLowerCase() === 'rows') return 'its table is a range of Rows';
  const whole = node.start.row === null || node.end.row === null;
  if (!whole && (!node.start.rowAbs || !node.end.rowAbs)) return `its table on ${sheet} has a relative row (filled down, it moves)`;
  const key = `${sheet.toLowerCase()}!${node.start.col}:${node.start.row}:${node.end.col}:${node.end.row}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const made = buildTable(input, sheet, node.start, node.end, whole);
  cache.set(key, made);
  return made;
}

function buildTable(
  input: RowsRuleInput,
  sheet: string,
  start: { col: number; row: number | null },
  end: { col: number; row: number | null },
  whole: boolean,
): Table | string {
  const replaced = input.replace[sheet.toLowerCase()];
  const workbookSheet = findSheet(input.workbook, sheet);
  if (!workbookSheet) return `its table is on sheet "${sheet}", which the workbook lacks`;
  const col0 = Math.min(start.col, end.col);
  const width = Math.abs(end.col - start.col) + 1;
  const rows: readonly (readonly unknown[] | undefined)[] = replaced ?? workbookSheet.cells;
  if (whole && rows.some((row) => row?.some((cell) => typeof cell === 'string' && isFormula(cell))))
    return `its table is whole columns of ${sheet}, which holds formulas (the sheet's height is theirs to change)`;
  const row0 = whole ? 0 : Math.min(start.row!, end.row!);
  const height = whole ? sheetHeight(rows) : Math.abs(end.row! - start.row!) + 1;
  const cells: Value[] = new Array<Value>(width * height);
  const unparsed: { at: number; text: string }[] = [];
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const at = r * width + c;
      if (replaced) {
        const content = replaced[row0 + r]?.[col0 + c];
        const value = replacedCell(content);
        if (value === null) return `its table on ${sheet} holds a value the compiler does not read (${typeof content})`;
        if (value === undefined) {
          const text = content as string;
          if (text.startsWith('=')) return `its table on ${sheet} holds a formula`;
          unparsed.push({ at, text });
        } else cells[at] = value;
      } else {
        const value = workbookCell(workbookSheet.cells[row0 + r]?.[col0 + c]);
        if (value === undefined) return `its table on ${sheet} holds a formula`;
        cells[at] = value;
      }
    }
  }
  const problem = parseTexts(unparsed, cells, input.workbook.date1904 === true, sheet);
  if (problem) return problem;
  return { sheet, row0, col0, width, height, wholeColumns: whole, cell: (r, c) => cells[r * width + c] };
}

/**
 * A whole column's height here: down to the sheet's last non-empty cell. HyperFormula's sheet
 * is at least that tall, and taller where any formula references a cell further down; the
 * lookups take whole columns only where the empty cells below the data cannot change the answer.
 */
function sheetHeight(rows: readonly (readonly unknown[] | undefined)[]): number {
  for (let r = rows.length - 1; r >= 0; r--) if (rows[r]?.some((cell) => cell !== null && cell !== undefined)) return r + 1;
  return 0;
}

/**
 * A `replace` cell as HyperFormula holds it; undefined for unprefixed text, which the engine
 * parses; null for anything else (a Date, an array), which rules/lookup-sheets.ts never writes.
 */
function replacedCell(content: RawCellContent | undefined): Value | undefined | null {
  if (content === null || content === undefined) return EMPTY;
  if (typeof content === 'number' || typeof content === 'boolean') return content;
  if (typeof content === 'string' && content.startsWith("'")) return content.slice(1);
  if (typeof content === 'string') return undefined;
  return null;
}

/** A workbook cell as HyperFormula holds it (text as text, an error literal as that error); undefined for a formula. */
function workbookCell(cell: CellInput | undefined): Value | undefined {
  if (cell === null || cell === undefined) return EMPTY;
  if (typeof cell !== 'string') return cell;
  if (isFormula(cell)) return undefined;
  const type = ERROR_LITERALS[cell];
  return type ? new CellError(type as ErrorType) : cell;
}

/**
 * Unprefixed text (a lookup sheet's header row) goes through the engine's own cell parser:
 * "Price" stays text, but "12", "TRUE" or "2024-01-01" would become a number, a boolean or a
 * date, which this table does not guess at. Only text the engine keeps as the same text is taken.
 */
function parseTexts(unparsed: { at: number; text: string }[], cells: Value[], date1904: boolean, sheet: string): string | null {
  if (unparsed.length === 0) return null;
  const hf = createEngine(dateSystem(date1904));
  try {
    const id = hf.getSheetId(hf.addSheet('parse'))!;
    hf.setSheetContent(
      id,
      unparsed.map((u) => [u.text]),
    );
    for (let i = 0; i < unparsed.length; i++) {
      const value = hf.getCellValue({ sheet: id, row: i, col: 0 });
      if (value !== unparsed[i].text)
        return `its table on ${sheet} holds "${unparsed[i].text}", which the engine reads as a value, not text`;
      cells[unparsed[i].at] = unparsed[i].text;
    }
    return null;
  } finally {
    hf.destroy();
  }
}
