/**
 * A version diff (GET /api/sheets/:id/diff) laid out as grids, one per sheet: the rows and
 * columns holding a changed cell, each changed cell with its content before and after, rows
 * and columns inserted or deleted named as such (their cells in rows of their own).
 */
import type { CellContent, DiffEntry, SheetDiff, Span } from './api';

export interface DiffCell {
  before: CellContent;
  after: CellContent;
}
export interface DiffRow {
  row: number;
  /** A row inserted in the newer version, or deleted from the older one (numbered as it was there). */
  state: 'inserted' | 'deleted' | null;
  cells: (DiffCell | null)[];
}
export interface DiffGrid {
  sheet: string;
  state: 'added' | 'removed' | 'changed';
  /** Column letters in sheet order, with the columns inserted or deleted marked. */
  columns: { name: string; state: 'inserted' | 'deleted' | null }[];
  rows: DiffRow[];
  /** `1 row inserted: row 5`, … */
  structure: string[];
}

const ADDRESS = /^\$?([A-Z]+)\$?(\d+)$/i;

/** `AB` → 27 (0-based column index). */
export function columnIndex(letters: string): number {
  return (
    letters
      .toUpperCase()
      .split('')
      .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1
  );
}

/** 27 → `AB`. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A span's first index, 0-based, whether the diff gives a row number (1-based) or column letters. */
const startOf = (span: Span): number => (typeof span.at === 'number' ? span.at - 1 : columnIndex(span.at));

function spanText(span: Span, what: 'row' | 'column', done: 'inserted' | 'deleted'): string {
  const first = startOf(span);
  const label = (i: number) => (what === 'row' ? String(i + 1) : columnName(i));
  const where = span.count === 1 ? `${what} ${label(first)}` : `${what}s ${label(first)}–${label(first + span.count - 1)}`;
  return `${span.count} ${span.count === 1 ? what : `${what}s`} ${done}: ${where}${done === 'deleted' ? ' (as numbered before)' : ''}`;
}

/** The structural part of a diff entry in words, or null for a cell change. */
export function structureText(entry: DiffEntry): string | null {
  if ('rowsInserted' in entry) return spanText(entry.rowsInserted, 'row', 'inserted');
  if ('rowsDeleted' in entry) return spanText(entry.rowsDeleted, 'row', 'deleted');
  if ('columnsInserted' in entry) return spanText(entry.columnsInserted, 'column', 'inserted');
  if ('columnsDeleted' in entry) return spanText(entry.columnsDeleted, 'column', 'deleted');
  return null;
}

interface Spans {
  rowsInserted: Span[];
  rowsDeleted: Span[];
  columnsInserted: Span[];
  columnsDeleted: Span[];
}
const within = (spans: Span[], index: number) => spans.some((s) => index >= startOf(s) && index < startOf(s) + s.count);

/** Every sheet the diff touches, as a grid of its changed cells. */
export function diffGrids(diff: SheetDiff): DiffGrid[] {
  const bySheet = new Map<string, { cells: { row: number; col: number; cell: DiffCell }[]; structure: string[]; spans: Spans }>();
  const of = (sheet: string) => {
    let entry = bySheet.get(sheet);
    if (!entry)
      bySheet.set(
        sheet,
        (entry = { cells: [], structure: [], spans: { rowsInserted: [], rowsDeleted: [], columnsInserted: [], columnsDeleted: [] } }),
      );
    return entry;
  };
  for (const sheet of [...diff.sheetsAdded, ...diff.sheetsRemoved]) of(sheet);
  const entries = [...(diff.structure ?? []), ...diff.changes];
  for (const entry of entries) {
    const text = structureText(entry);
    if (text) {
      const sheet = of(entry.sheet);
      sheet.structure.push(text);
      if ('rowsInserted' in entry) sheet.spans.rowsInserted.push(entry.rowsInserted);
      if ('rowsDeleted' in entry) sheet.spans.rowsDeleted.push(entry.rowsDeleted);
      if ('columnsInserted' in entry) sheet.spans.columnsInserted.push(entry.columnsInserted);
      if ('columnsDeleted' in entry) sheet.spans.columnsDeleted.push(entry.columnsDeleted);
    }
  }
  for (const entry of entries) {
    if (!('cell' in entry)) continue;
    const match = ADDRESS.exec(entry.cell);
    if (!match) continue;
    of(entry.sheet).cells.push({ row: Number(match[2]), col: columnIndex(match[1]), cell: { before: entry.before, after: entry.after } });
  }
  return [...bySheet].map(([sheet, { cells, structure, spans }]) => {
    // A deleted row's cells are numbered as in the older version: a row of their own, apart from the newer row of that number.
    const rowState = (row: number, cell: DiffCell): DiffRow['state'] =>
      cell.after === null && within(spans.rowsDeleted, row - 1)
        ? 'deleted'
        : cell.before === null && within(spans.rowsInserted, row - 1)
          ? 'inserted'
          : null;
    const cols = [...new Set(cells.map((c) => c.col))].sort((a, b) => a - b);
    const rows = new Map<string, DiffRow>();
    for (const { row, col, cell } of cells) {
      const state = rowState(row, cell);
      const key = `${row}:${state ?? ''}`;
      let line = rows.get(key);
      if (!line) rows.set(key, (line = { row, state, cells: cols.map(() => null) }));
      line.cells[cols.indexOf(col)] = cell;
    }
    const order = { deleted: 0, null: 1, inserted: 2 } as const;
    return {
      sheet,
      state: diff.sheetsAdded.includes(sheet) ? 'added' : diff.sheetsRemoved.includes(sheet) ? 'removed' : 'changed',
      columns: cols.map((col) => ({
        name: columnName(col),
        state: within(spans.columnsInserted, col) ? 'inserted' : within(spans.columnsDeleted, col) ? 'deleted' : null,
      })),
      rows: [...rows.values()].sort((a, b) => a.row - b.row || order[a.state ?? 'null'] - order[b.state ?? 'null']),
      structure,
    };
  });
}

/** A cell's content as typed; an empty cell says so. */
export function contentText(content: unknown): string {
  if (content === null || content === undefined || content === '') return '(empty)';
  if (typeof content === 'boolean') return content ? 'TRUE' : 'FALSE';
  if (typeof content === 'object') return JSON.stringify(content);
  return String(content);
}

/** A piece of a cell's text, marked when it is not in the other version. */
export interface Segment {
  text: string;
  changed: boolean;
}

// Formula tokens: strings, names and references, numbers, two-character operators, anything else one character at a time.
const TOKEN = /"(?:[^"]|"")*"|[A-Za-z_$][A-Za-z0-9_.$!]*|\d+(?:\.\d+)?|<>|<=|>=|\s+|[\s\S]/g;
/** Above this many tokens a side, the texts are marked as wholly changed rather than aligned. */
const MAX_TOKENS = 2000;

function merge(tokens: string[], keep: boolean[]): Segment[] {
  const out: Segment[] = [];
  tokens.forEach((text, i) => {
    const last = out[out.length - 1];
    if (last && last.changed === !keep[i]) last.text += text;
    else out.push({ text, changed: !keep[i] });
  });
  return out;
}

/**
 * Where two cell texts differ, token by token (the longest common run of formula tokens
 * kept, the rest marked), so the edit inside a long formula stands out.
 *
 * @example tokenDiff('=A1+B1', '=A1-B1').after // [{ text: '=A1', changed: false }, { text: '-', changed: true }, { text: 'B1', changed: false }]
 */
export function tokenDiff(before: string, after: string): { before: Segment[]; after: Segment[] } {
  const a = before.match(TOKEN) ?? [];
  const b = after.match(TOKEN) ?? [];
  if (a.length > MAX_TOKENS || b.length > MAX_TOKENS)
    return { before: [{ text: before, changed: true }], after: [{ text: after, changed: true }] };
  const width = b.length + 1;
  const table = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i * width + j] =
        a[i] === b[j] ? table[(i + 1) * width + j + 1] + 1 : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
  const keepA = a.map(() => false);
  const keepB = b.map(() => false);
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      keepA[i++] = true;
      keepB[j++] = true;
    } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) i++;
    else j++;
  }
  return { before: merge(a, keepA), after: merge(b, keepB) };
}

/** A changed cell's two sides, the edit marked; a cell that was or became empty is shown whole. */
export function cellDiff(cell: DiffCell): { before: Segment[]; after: Segment[] } {
  const [before, after] = [contentText(cell.before), contentText(cell.after)];
  if (cell.before === null || cell.after === null)
    return { before: [{ text: before, changed: false }], after: [{ text: after, changed: false }] };
  return tokenDiff(before, after);
}
