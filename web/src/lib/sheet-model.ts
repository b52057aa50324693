/**
 * The editor's model: the whole workbook in one HyperFormula instance, which is the single
 * source of truth for contents (formulas), values and errors. Edits, fills and pastes go
 * through HyperFormula so relative references shift exactly as the engine (and Excel) does,
 * and its undo stack is the editor's.
 */
import { CellType, CellValueDetailedType, DetailedCellError, ErrorType, HyperFormula, type RawCellContent } from 'hyperformula';
import { serialToIso } from '../../../rules/field-values';
import { fromEngineFormula, normaliseFormula } from '../../../rules/formula-text';
import { engineText, fromEngineText, toEngineCell } from '../../../rules/engine-workbook';
import { formulaParseError } from '../../../rules/formula-check';
import { createEngine, dateSystem } from '../../../rules/hf';
import type { CellInput, Workbook } from '../../../rules/workbook';

export interface CellView {
  /** What the formula bar and the cell editor show: the formula, or the value as typed. */
  raw: string;
  /** What the cell shows. */
  text: string;
  error: { code: string; message: string } | null;
  numeric: boolean;
}

export interface Block {
  row: number;
  col: number;
  height: number;
  width: number;
}

export class SheetModel {
  readonly hf: HyperFormula;
  private widths: Map<string, (number | null)[]>;

  constructor(private workbook: Workbook) {
    this.hf = createEngine({ maxRows: 10_000, ...dateSystem(workbook.date1904) });
    this.widths = new Map(workbook.sheets.map((s) => [s.name, s.columnWidths ?? []]));
    this.hf.batch(() => {
      // Every sheet first, so a formula naming a later sheet cannot change the sheets' order.
      for (const sheet of workbook.sheets) this.hf.addSheet(sheet.name);
      for (const sheet of workbook.sheets) {
        const id = this.hf.getSheetId(sheet.name)!;
        if (sheet.cells.length)
          this.hf.setSheetContent(
            id,
            // Formulas from .xlsx files are Excel's text; the engine reads them normalised, and text as text.
            sheet.cells.map((row) => (row ?? []).map(toEngineCell)),
          );
      }
    });
    for (const name of workbook.names) {
      try {
        // A name's expression is Excel's text too (`=LAMBDA(x, x*2)`, `1E5`): the engine reads it normalised.
        this.hf.addNamedExpression(name.name, normaliseFormula(name.expression.startsWith('=') ? name.expression : `=${name.expression}`));
      } catch {
        // A name HyperFormula rejects still travels with the workbook; the run reports it.
      }
    }
    this.addParamNames();
    this.hf.clearUndoStack();
  }

  /**
   * `Param NAME` settings are names in every formula of a run; here each names its Settings
   * cell, so formulas in the editor see the value and follow an edit of it (a new Param
   * row counts from the next load).
   */
  private addParamNames(): void {
    const settings = this.hf.getSheetNames().find((n) => n.toLowerCase() === 'settings');
    if (!settings) return;
    const id = this.id(settings);
    const { height } = this.hf.getSheetDimensions(id);
    for (let row = 0; row < height; row++) {
      const label = this.hf.getCellValue({ sheet: id, row, col: 0 });
      const param = typeof label === 'string' ? /^\s*param\s+([A-Za-z_][A-Za-z0-9_.]*)\s*$/i.exec(label)?.[1] : undefined;
      if (!param || this.hf.getNamedExpression(param)) continue;
      try {
        this.hf.addNamedExpression(param, `='${settings.replace(/'/g, "''")}'!$B$${row + 1}`);
      } catch {
        // A name the engine refuses is reported by the preview's run, which defines it too.
      }
    }
  }

  /** Why `typed` cannot be entered (a formula that does not parse: the parser's message), or null. */
  refusal(typed: string | null): string | null {
    return typed ? formulaParseError(typed) : null;
  }

  get sheetNames(): string[] {
    return this.hf.getSheetNames();
  }

  id(sheet: string): number {
    return this.hf.getSheetId(sheet)!;
  }

  size(sheet: string): { rows: number; cols: number } {
    const { height, width } = this.hf.getSheetDimensions(this.id(sheet));
    return { rows: height, cols: width };
  }

  /**
   * For a cell a dynamic array spilled into (not its formula's own cell), the formula's cell,
   * as Excel's formula bar shows it greyed there; null for any other cell. Candidates are the
   * formula cells above the array cells left of it in its row; the one whose spill (its run of
   * array cells right and down) covers the cell is it: spills side by side or one under another
   * each keep their own cells.
   */
  spillAnchor(sheet: string, row: number, col: number): { row: number; col: number } | null {
    const id = this.id(sheet);
    const type = (r: number, c: number) => (r < 0 || c < 0 ? CellType.EMPTY : this.hf.getCellType({ sheet: id, row: r, col: c }));
    if (type(row, col) !== CellType.ARRAY) return null;
    const covers = (r0: number, c0: number) => {
      let right = c0;
      while (right < col && type(r0, right + 1) === CellType.ARRAY) right += 1;
      let bottom = r0;
      while (bottom < row && type(bottom + 1, c0) === CellType.ARRAY) bottom += 1;
      return right >= col && bottom >= row;
    };
    for (let c = col; c >= 0 && (type(row, c) === CellType.ARRAY || type(row, c) === CellType.ARRAYFORMULA); c--) {
      let r = row;
      while (type(r, c) === CellType.ARRAY) r -= 1;
      if (type(r, c) === CellType.ARRAYFORMULA && covers(r, c)) return { row: r, col: c };
    }
    return null;
  }

  cell(sheet: string, row: number, col: number): CellView {
    const address = { sheet: this.id(sheet), row, col };
    const engineFormula = this.hf.getCellFormula(address);
    const formula = engineFormula === undefined ? undefined : fromEngineFormula(engineFormula);
    const serialized = this.hf.getCellSerialized(address);
    const value = this.hf.getCellValue(address);
    let raw = formula ?? (serialized === null || serialized === undefined ? '' : String(serialized));
    if (formula === undefined && typeof serialized === 'string') {
      const text = fromEngineText(serialized);
      // Text that would read back as something else shows its apostrophe, as in Excel's formula bar.
      raw = parseTyped(text) === engineText(text) ? text : `'${text}`;
    }
    if (value instanceof DetailedCellError)
      return { raw, text: value.value, error: { code: value.value, message: value.message || explain(value.value) }, numeric: false };
    // As in Excel, a formula whose result is an empty cell shows 0.
    if (value === null && formula !== undefined) return { raw, text: '0', error: null, numeric: true };
    const text =
      value === null
        ? ''
        : typeof value === 'boolean'
          ? value
            ? 'TRUE'
            : 'FALSE'
          : typeof value === 'number'
            ? this.numberText(address, value)
            : String(value);
    return { raw, text, error: null, numeric: typeof value === 'number' };
  }

  /**
   * A number as the cell shows it: a date (typed as one, or `=DATE(…)`, `=OPTEXPIRY(…)`) as
   * its ISO day, as Excel shows a date-formatted cell, not as its serial.
   */
  private numberText(address: { sheet: number; row: number; col: number }, value: number): string {
    const type = this.hf.getCellValueDetailedType(address);
    if (type === CellValueDetailedType.NUMBER_TIME) return timeOfDay(value);
    if (this.workbook.date1904 || (type !== CellValueDetailedType.NUMBER_DATE && type !== CellValueDetailedType.NUMBER_DATETIME))
      return formatNumber(value);
    return serialToIso(type === CellValueDetailedType.NUMBER_DATE ? Math.floor(value) : value).replace('T', ' ');
  }

  /** Sets cells from what the user typed (`=…` is a formula, numbers and TRUE/FALSE are typed). */
  set(sheet: string, row: number, col: number, typed: (string | null)[][]): void {
    const s = this.id(sheet);
    const contents = typed.map((r) => r.map(parseTyped));
    const blocked = contents.some((r) => r.includes(null)) ? this.blockedSpills(s) : [];
    // One undo step: the edit and the formulas entered again.
    this.hf.batch(() => {
      this.hf.setCellContents({ sheet: s, row, col }, contents);
      for (const { address, formula } of blocked) this.hf.setCellContents(address, formula);
    });
  }

  /**
   * The formulas of a sheet that show #SPILL!, to enter again after cells are cleared:
   * HyperFormula recalculates a formula only when its inputs change, so clearing the cell in
   * a spill's way would leave #SPILL! (hyperformula#1287), where Excel spills again.
   */
  private blockedSpills(sheet: number): { address: { sheet: number; row: number; col: number }; formula: string }[] {
    const found: { address: { sheet: number; row: number; col: number }; formula: string }[] = [];
    this.hf.getSheetValues(sheet).forEach((values, row) =>
      values.forEach((value, col) => {
        if (!(value instanceof DetailedCellError) || value.type !== ErrorType.SPILL) return;
        const formula = this.hf.getCellFormula({ sheet, row, col });
        if (formula) found.push({ address: { sheet, row, col }, formula });
      }),
    );
    return found;
  }

  /**
   * Fills rows below the block [row, row + height) down to `toRow`, repeating the block's rows
   * in turn and shifting relative references, as Excel's fill handle and Ctrl+D do.
   */
  fillDown(sheet: string, from: Block, toRow: number): void {
    const s = this.id(sheet);
    const target = { sheet: s, row: from.row + from.height, col: from.col };
    if (toRow < target.row) return;
    const data = this.hf.getFillRangeData(
      this.range(s, from),
      this.range(s, { ...target, height: toRow - target.row + 1, width: from.width }),
    );
    this.hf.setCellContents(target, data);
  }

  /** Fills `target` from the `source` block in any direction (the fill handle), shifting references. */
  fill(sheet: string, source: Block, target: Block): void {
    const s = this.id(sheet);
    this.hf.setCellContents(
      { sheet: s, row: target.row, col: target.col },
      this.hf.getFillRangeData(this.range(s, source), this.range(s, target)),
    );
  }

  /** Pastes a block copied from this grid at `origin` to `target`, shifting relative references as Excel does. */
  pasteShifted(sheet: string, origin: Block, target: { row: number; col: number }): void {
    const s = this.id(sheet);
    // HyperFormula's own copy and paste: a fill would tile the block from its source's position, not the target's.
    this.hf.copy(this.range(s, origin));
    this.hf.paste({ sheet: s, ...target });
  }

  /** Moves a block (Excel's cut and paste): formulas that referred to it follow it, and the cells it left are empty. */
  move(sheet: string, from: Block, to: { row: number; col: number }): void {
    const s = this.id(sheet);
    this.hf.moveCells(this.range(s, from), { sheet: s, ...to });
  }

  private range(sheet: number, b: Block) {
    return { start: { sheet, row: b.row, col: b.col }, end: { sheet, row: b.row + b.height - 1, col: b.col + b.width - 1 } };
  }

  insertRows(sheet: string, at: number, count = 1): void {
    this.hf.addRows(this.id(sheet), [at, count]);
  }
  removeRows(sheet: string, at: number, count = 1): void {
    this.hf.removeRows(this.id(sheet), [at, count]);
  }
  insertColumns(sheet: string, at: number, count = 1): void {
    this.hf.addColumns(this.id(sheet), [at, count]);
  }
  removeColumns(sheet: string, at: number, count = 1): void {
    this.hf.removeColumns(this.id(sheet), [at, count]);
  }

  undo(): boolean {
    if (!this.hf.isThereSomethingToUndo()) return false;
    this.hf.undo();
    return true;
  }
  redo(): boolean {
    if (!this.hf.isThereSomethingToRedo()) return false;
    this.hf.redo();
    return true;
  }

  columnWidths(sheet: string): (number | null)[] {
    return this.widths.get(sheet) ?? [];
  }
  setColumnWidth(sheet: string, col: number, width: number): void {
    const widths = [...this.columnWidths(sheet)];
    widths[col] = width;
    this.widths.set(sheet, widths);
  }

  /** The workbook as saved: contents (formulas as text), widths and formats kept. */
  toWorkbook(): Workbook {
    return {
      ...this.workbook,
      sheets: this.sheetNames.map((name) => {
        const before = this.workbook.sheets.find((s) => s.name === name);
        const sheet = this.id(name);
        // Cells an array formula fills hold its results, not content of their own.
        const cells = this.hf
          .getSheetSerialized(sheet)
          .map((row, r) =>
            row.map((value, c) => (this.hf.getCellType({ sheet, row: r, col: c }) === CellType.ARRAY ? null : toCellInput(value))),
          );
        return { ...before, name, cells, columnWidths: this.columnWidths(name) };
      }),
    };
  }

  destroy(): void {
    this.hf.destroy();
  }
}

function parseTyped(text: string | null): RawCellContent {
  if (text === null || text === '') return null;
  // Excel's way of writing formulas (bare TRUE, doubled quotes) is read as the engine reads it.
  if (text.startsWith('=')) return normaliseFormula(text);
  // As in Excel, a leading apostrophe keeps digits as text (account numbers, 00123).
  if (text.startsWith("'")) return engineText(text.slice(1));
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim())) return Number(text);
  if (/^(true|false)$/i.test(text.trim())) return text.trim().toUpperCase() === 'TRUE';
  return engineText(text);
}

function toCellInput(value: RawCellContent): CellInput {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && !value.startsWith('=')) return fromEngineText(value);
  if (typeof value === 'string') return fromEngineFormula(value);
  return value as CellInput;
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Math.round(n * 1e9) / 1e9);
}

const EXPLANATIONS: Record<string, string> = {
  '#DIV/0!': 'division by zero',
  '#N/A': 'a lookup found nothing',
  '#NAME?': 'an unknown function or name',
  '#REF!': 'a reference to a cell that does not exist',
  '#VALUE!': 'a value of the wrong type',
  '#NUM!': 'a number out of range',
  '#CYCLE!': 'the formula refers to itself',
  '#ERROR!': 'the formula cannot be read',
  '#SPILL!': 'an array result has no room',
  '#CALC!': 'the calculation has no value (an empty array, or a LAMBDA not called)',
};

export function explain(code: string): string {
  return EXPLANATIONS[code] ?? 'an error';
}

/** A fraction of a day as Excel's h:mm (h:mm:ss when it has seconds): 0.5416… is 13:00. */
function timeOfDay(fraction: number): string {
  const seconds = Math.round((fraction - Math.floor(fraction)) * 86_400);
  const [h, m, sec] = [Math.floor(seconds / 3600) % 24, Math.floor(seconds / 60) % 60, seconds % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return sec ? `${pad(h)}:${pad(m)}:${pad(sec)}` : `${pad(h)}:${pad(m)}`;
}
