/**
 * What changed between two versions of a rule sheet, cell by cell (governance.md 3). Rows
 * and columns are aligned first (rules/sheet-align.ts), so a row inserted is one entry, not
 * every cell below it moving. A formula below an inserted row has its references shifted by
 * the insertion (`=A3` becomes `=A4`): the older version is put through the same insertions
 * and deletions in HyperFormula, which shifts references exactly as Excel does (across
 * sheets too), and only formulas that still differ after that count as changed.
 */
import type { HyperFormula } from 'hyperformula';
import { align, multisetSimilarity, type AlignStep } from './sheet-align.js';
import { normaliseFormula } from './formula-text.js';
import { createEngine } from './hf.js';
import { cellAddress, columnLetters, isFormula, type CellInput, type SheetData, type Workbook } from './workbook.js';

/** A cell whose content differs, as typed; `null` for an empty cell. */
export interface CellChange {
  sheet: string;
  /** The cell's address in the newer version; in the older one for a cell of a deleted row or column. */
  cell: string;
  before: CellInput;
  after: CellInput;
}

/** Whole rows or columns inserted (`at`: where they are in the newer version) or deleted (where they were). */
export type StructureChange =
  | { sheet: string; rowsInserted: { at: number; count: number } }
  | { sheet: string; rowsDeleted: { at: number; count: number } }
  | { sheet: string; columnsInserted: { at: string; count: number } }
  | { sheet: string; columnsDeleted: { at: string; count: number } };

/** A setting (Settings column A) or defined name whose value changed, was added (before null) or removed (after null). */
export interface NamedChange {
  name: string;
  before: CellInput;
  after: CellInput;
}

export interface WorkbookDiff {
  changes: CellChange[];
  sheetsAdded: string[];
  sheetsRemoved: string[];
  structure: StructureChange[];
  /** The Settings sheet by setting name (`Match 1: exec_id = exec_id -> …`). */
  settings: NamedChange[];
  /** Defined names by name. */
  names: NamedChange[];
}

/**
 * Diffs workbook `a` (older) against `b` (newer). Cells of added sheets are reported with
 * `before: null`, of removed sheets with `after: null`, and so are the cells of inserted and
 * deleted rows and columns.
 *
 * @example
 * diffWorkbooks(v1, v2).structure // [{ sheet: 'Limits', rowsInserted: { at: 3, count: 1 } }]
 */
export function diffWorkbooks(a: Workbook, b: Workbook): WorkbookDiff {
  const byName = (wb: Workbook) => new Map(wb.sheets.map((s) => [s.name.toLowerCase(), s]));
  const sheetsA = byName(a);
  const sheetsB = byName(b);
  const diff: WorkbookDiff = {
    changes: [],
    sheetsAdded: b.sheets.filter((s) => !sheetsA.has(s.name.toLowerCase())).map((s) => s.name),
    sheetsRemoved: a.sheets.filter((s) => !sheetsB.has(s.name.toLowerCase())).map((s) => s.name),
    structure: [],
    settings: namedChanges(settingsOf(sheetsA.get('settings')), settingsOf(sheetsB.get('settings'))),
    names: namedChanges(namesOf(a), namesOf(b)),
  };
  const alignments = new Map<string, SheetAlignment>();
  for (const sheet of b.sheets) {
    const older = sheetsA.get(sheet.name.toLowerCase());
    if (older) alignments.set(older.name, alignSheet(older, sheet));
  }
  const shifted = shiftedFormulas(a, alignments);
  const current = shiftedFormulas(b, new Map());
  // Should the engine refuse a move (part of an array formula), formulas are compared as typed.
  const exact = shifted.ok && current.ok;
  try {
    for (const sheet of b.sheets) {
      const older = sheetsA.get(sheet.name.toLowerCase());
      if (!older) {
        diff.changes.push(...wholeSheet(sheet, 'after'));
        continue;
      }
      const alignment = alignments.get(older.name)!;
      diff.structure.push(...structureOf(sheet.name, alignment));
      diff.changes.push(
        ...sheetChanges(
          older,
          sheet,
          alignment,
          (r, c) => (exact ? shifted.formula(older.name, r, c) : undefined),
          (r, c) => (exact ? current.formula(sheet.name, r, c) : undefined),
        ),
      );
    }
    for (const sheet of a.sheets) if (!sheetsB.has(sheet.name.toLowerCase())) diff.changes.push(...wholeSheet(sheet, 'before'));
  } finally {
    shifted.destroy();
    current.destroy();
  }
  return diff;
}

interface SheetAlignment {
  rows: AlignStep[];
  columns: AlignStep[];
}

const cellAt = (sheet: SheetData, row: number, col: number): CellInput => sheet.cells[row]?.[col] ?? null;
const isEmpty = (input: CellInput) => input === null || input === '';

/** A cell reference (`A3`, `$B$2`, not a function name such as `LOG10(`): alignment ignores where it points. */
const REFERENCE = /\$?\b[A-Za-z]{1,3}\$?\d+(?![\w(])/g;

/** A cell's content for alignment: formulas with their references blanked, so a shifted formula still matches. */
function signature(input: CellInput): string {
  if (isEmpty(input)) return '';
  if (isFormula(input)) return `f:${input.replace(REFERENCE, '¤')}`;
  return `${typeof input}:${String(input)}`;
}

/** Rows first, on whole-row signatures; then columns, compared over the rows that were paired. */
function alignSheet(a: SheetData, b: SheetData): SheetAlignment {
  const rowCells = (sheet: SheetData) => sheet.cells.map((row) => (row ?? []).map(signature));
  const cellsA = rowCells(a);
  const cellsB = rowCells(b);
  const key = (cells: string[]) => JSON.stringify(trimEnd(cells));
  const rows = align(cellsA.map(key), cellsB.map(key), (i, j) => multisetSimilarity(cellsA[i], cellsB[j]));
  const paired = rows.filter((s) => s.a !== -1 && s.b !== -1);
  const width = (sheet: SheetData) => Math.max(0, ...sheet.cells.map((row) => row?.length ?? 0));
  const columnCells = (cells: string[][], side: 'a' | 'b', count: number) =>
    Array.from({ length: count }, (_, c) => paired.map((p) => cells[p[side]]?.[c] ?? ''));
  const colsA = columnCells(cellsA, 'a', width(a));
  const colsB = columnCells(cellsB, 'b', width(b));
  const columns = align(colsA.map(key), colsB.map(key), (i, j) => multisetSimilarity(colsA[i], colsB[j]));
  return { rows, columns: pairTrailing(columns, width(a), width(b)) };
}

/**
 * Columns only one side has past the other's last one were not inserted or deleted: a cell
 * filled past the old width (a note in D1) is an edit of empty cells, so those steps pair
 * with the other side's empty columns there.
 */
function pairTrailing(steps: AlignStep[], widthA: number, widthB: number): AlignStep[] {
  let start = steps.length;
  while (start > 0 && (steps[start - 1].a === -1 || steps[start - 1].b === -1)) start--;
  const tail = steps.slice(start);
  if (tail.length === 0 || !(tail.every((s) => s.a === -1) || tail.every((s) => s.b === -1))) return steps;
  const paired = tail.map((step) => (step.a === -1 ? { a: step.b, b: step.b } : { a: step.a, b: step.a }));
  // Only where the other side really has nothing: columns past its width.
  const fits = paired.every((p, k) => (tail[k].a === -1 ? p.a >= widthA : p.b >= widthB));
  return fits ? [...steps.slice(0, start), ...paired] : steps;
}

function trimEnd(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  return cells.slice(0, end);
}

/** Runs of inserted and deleted rows and columns, 1-based rows and column letters. */
function structureOf(sheet: string, { rows, columns }: SheetAlignment): StructureChange[] {
  const out: StructureChange[] = [];
  for (const run of runs(rows, 'b')) out.push({ sheet, rowsInserted: { at: run.at + 1, count: run.count } });
  for (const run of runs(rows, 'a')) out.push({ sheet, rowsDeleted: { at: run.at + 1, count: run.count } });
  for (const run of runs(columns, 'b')) out.push({ sheet, columnsInserted: { at: columnLetters(run.at), count: run.count } });
  for (const run of runs(columns, 'a')) out.push({ sheet, columnsDeleted: { at: columnLetters(run.at), count: run.count } });
  return out;
}

/** Consecutive indexes present only on `side`, as (first index, count). */
function runs(steps: AlignStep[], side: 'a' | 'b'): { at: number; count: number }[] {
  const other = side === 'a' ? 'b' : 'a';
  const only = steps
    .filter((s) => s[other] === -1)
    .map((s) => s[side])
    .sort((x, y) => x - y);
  const out: { at: number; count: number }[] = [];
  for (const index of only) {
    const last = out[out.length - 1];
    if (last && last.at + last.count === index) last.count++;
    else out.push({ at: index, count: 1 });
  }
  return out;
}

function sheetChanges(
  a: SheetData,
  b: SheetData,
  { rows, columns }: SheetAlignment,
  formulaA: (row: number, col: number) => string | undefined,
  formulaB: (row: number, col: number) => string | undefined,
): CellChange[] {
  const changes: CellChange[] = [];
  const rowOfB = new Map(rows.filter((s) => s.b !== -1).map((s) => [s.b, s.a]));
  const colOfB = new Map(columns.filter((s) => s.b !== -1).map((s) => [s.b, s.a]));
  const deletedRows = new Set(rows.filter((s) => s.b === -1).map((s) => s.a));
  const deletedCols = new Set(columns.filter((s) => s.b === -1).map((s) => s.a));
  const height = Math.max(b.cells.length, ...[...rowOfB.keys()].map((r) => r + 1));
  const width = Math.max(0, ...b.cells.map((row) => row?.length ?? 0), ...[...colOfB.keys()].map((c) => c + 1));
  for (let r = 0; r < height; r++)
    for (let c = 0; c < width; c++) {
      const after = cellAt(b, r, c);
      const ar = rowOfB.get(r) ?? -1;
      const ac = colOfB.get(c) ?? -1;
      const before = ar === -1 || ac === -1 ? null : cellAt(a, ar, ac);
      if (isEmpty(before) && isEmpty(after)) continue;
      const same =
        isFormula(before) && isFormula(after)
          ? (formulaA(r, c) ?? before) === (formulaB(r, c) ?? after)
          : !isFormula(before) && !isFormula(after) && before === after;
      if (!same) changes.push({ sheet: b.name, cell: cellAddress(r, c), before: emptyAsNull(before), after: emptyAsNull(after) });
    }
  // What deleted rows and columns held, at their address in the older version.
  a.cells.forEach((row, r) =>
    (row ?? []).forEach((before, c) => {
      if ((deletedRows.has(r) || deletedCols.has(c)) && !isEmpty(before))
        changes.push({ sheet: b.name, cell: cellAddress(r, c), before, after: null });
    }),
  );
  return changes;
}

const emptyAsNull = (input: CellInput): CellInput => (isEmpty(input) ? null : input);

function wholeSheet(sheet: SheetData, side: 'before' | 'after'): CellChange[] {
  const out: CellChange[] = [];
  sheet.cells.forEach((row, r) =>
    (row ?? []).forEach((input, c) => {
      if (isEmpty(input)) return;
      out.push({
        sheet: sheet.name,
        cell: cellAddress(r, c),
        before: side === 'before' ? input : null,
        after: side === 'after' ? input : null,
      });
    }),
  );
  return out;
}

/**
 * The workbook's formulas in HyperFormula, after the alignment's deletions and insertions,
 * read back in the engine's own spelling: formulas that differ only by reference shifts (or
 * spacing) read back the same.
 */
function shiftedFormulas(workbook: Workbook, alignments: Map<string, SheetAlignment>) {
  const hf: HyperFormula = createEngine();
  hf.suspendEvaluation();
  for (const sheet of workbook.sheets) hf.addSheet(sheet.name);
  for (const sheet of workbook.sheets) {
    const content = sheet.cells.map((row) => (row ?? []).map((input) => (isFormula(input) ? normaliseFormula(input) : null)));
    if (content.length) hf.setSheetContent(hf.getSheetId(sheet.name)!, content);
  }
  let ok = true;
  try {
    for (const [name, { rows, columns }] of alignments) {
      const id = hf.getSheetId(name)!;
      reshape(
        rows,
        (at) => hf.removeRows(id, [at, 1]),
        (at) => hf.addRows(id, [at, 1]),
      );
      reshape(
        columns,
        (at) => hf.removeColumns(id, [at, 1]),
        (at) => hf.addColumns(id, [at, 1]),
      );
    }
  } catch {
    ok = false;
  }
  return {
    ok,
    formula: (sheet: string, row: number, col: number) => hf.getCellFormula({ sheet: hf.getSheetId(sheet)!, row, col }),
    destroy: () => hf.destroy(),
  };
}

/** Deletions bottom-up, then insertions top-down at their place in the newer version. */
function reshape(steps: AlignStep[], remove: (at: number) => void, insert: (at: number) => void): void {
  steps
    .filter((s) => s.b === -1)
    .map((s) => s.a)
    .sort((x, y) => y - x)
    .forEach(remove);
  steps
    .filter((s) => s.a === -1)
    .map((s) => s.b)
    .sort((x, y) => x - y)
    .forEach(insert);
}

function settingsOf(sheet: SheetData | undefined): Map<string, { name: string; value: CellInput }> {
  const out = new Map<string, { name: string; value: CellInput }>();
  for (const row of sheet?.cells ?? []) {
    const name = row?.[0];
    if (name === null || name === undefined || String(name).trim() === '') continue;
    const label = String(name).trim();
    out.set(label.toLowerCase().replace(/\s+/g, ' '), { name: label, value: emptyAsNull(row[1] ?? null) });
  }
  return out;
}

function namesOf(workbook: Workbook): Map<string, { name: string; value: CellInput }> {
  return new Map(
    workbook.names.map((n) => {
      const name = n.scope ? `${n.scope}!${n.name}` : n.name;
      return [name.toLowerCase(), { name, value: n.expression }];
    }),
  );
}

/** Entries that differ by name: changed, added (before null) or removed (after null), newer order first. */
function namedChanges(
  a: Map<string, { name: string; value: CellInput }>,
  b: Map<string, { name: string; value: CellInput }>,
): NamedChange[] {
  const out: NamedChange[] = [];
  for (const [key, entry] of b) {
    const before = a.get(key)?.value ?? null;
    if (before !== entry.value) out.push({ name: entry.name, before, after: entry.value });
  }
  for (const [key, entry] of a) if (!b.has(key)) out.push({ name: entry.name, before: entry.value, after: null });
  return out;
}
