/**
 * The grid's selection as Excel keeps it: the active cell (where typing goes, which the name
 * box and formula bar show) and the far corner of the selected block. Shift+keys move the
 * corner; plain keys move the active cell and collapse the block. Pure, so the edges of
 * Ctrl+arrow are tested without a browser.
 */
import type { Block } from './sheet-model';

export interface Cell {
  row: number;
  col: number;
}

export interface Selection {
  active: Cell;
  corner: Cell;
}

/** What the selection rules need to know of the sheet. */
export interface SheetShape {
  /** Rows and columns the grid shows (moves stop at the last). */
  rows: number;
  cols: number;
  /** Whether a cell holds something (Ctrl+arrow stops at the edges of filled blocks). */
  filled(row: number, col: number): boolean;
}

export const single = (cell: Cell): Selection => ({ active: cell, corner: cell });

const clamp = (cell: Cell, shape: SheetShape): Cell => ({
  row: Math.min(Math.max(cell.row, 0), Math.max(shape.rows - 1, 0)),
  col: Math.min(Math.max(cell.col, 0), Math.max(shape.cols - 1, 0)),
});

/** The selected block, top-left first. */
export function blockOf(selection: Selection): Block {
  const { active: a, corner: c } = selection;
  const row = Math.min(a.row, c.row);
  const col = Math.min(a.col, c.col);
  return { row, col, height: Math.abs(a.row - c.row) + 1, width: Math.abs(a.col - c.col) + 1 };
}

/** Whether the cell is inside the selected block. */
export function contains(selection: Selection, cell: Cell): boolean {
  const b = blockOf(selection);
  return cell.row >= b.row && cell.row < b.row + b.height && cell.col >= b.col && cell.col < b.col + b.width;
}

/** Arrow (or Enter, Tab): one step from the active cell, or, extending, from the far corner. */
export function step(selection: Selection, dr: number, dc: number, extend: boolean, shape: SheetShape): Selection {
  if (extend) return { active: selection.active, corner: clamp({ row: selection.corner.row + dr, col: selection.corner.col + dc }, shape) };
  return single(clamp({ row: selection.active.row + dr, col: selection.active.col + dc }, shape));
}

/**
 * Excel's Ctrl+arrow from `from`: along a filled block to its last filled cell; from an
 * edge or an empty cell, to the next filled cell; with nothing filled ahead, to the
 * sheet's edge.
 */
export function edge(from: Cell, dr: number, dc: number, shape: SheetShape): Cell {
  const inside = (r: number, c: number) => r >= 0 && c >= 0 && r < shape.rows && c < shape.cols;
  const filled = (r: number, c: number) => inside(r, c) && shape.filled(r, c);
  let { row, col } = from;
  if (!inside(row + dr, col + dc)) return from;
  if (filled(row, col) && filled(row + dr, col + dc)) {
    while (filled(row + dr, col + dc)) {
      row += dr;
      col += dc;
    }
    return { row, col };
  }
  row += dr;
  col += dc;
  while (inside(row + dr, col + dc) && !filled(row, col)) {
    row += dr;
    col += dc;
  }
  return { row, col };
}

/** Ctrl+arrow: the active cell jumps; Ctrl+Shift+arrow: the far corner does. */
export function jump(selection: Selection, dr: number, dc: number, extend: boolean, shape: SheetShape): Selection {
  if (extend) return { active: selection.active, corner: edge(selection.corner, dr, dc, shape) };
  return single(edge(selection.active, dr, dc, shape));
}

/** Moves to `target`, or extends the selection to it. */
export function goTo(selection: Selection, target: Cell, extend: boolean, shape: SheetShape): Selection {
  const cell = clamp(target, shape);
  return extend ? { active: selection.active, corner: cell } : single(cell);
}

/** The last cell with data (Ctrl+End): the last used row and the last used column. */
export function lastUsed(shape: SheetShape, used: { rows: number; cols: number }): Cell {
  return clamp({ row: used.rows - 1, col: used.cols - 1 }, shape);
}

/** The selection a mouse drag made, given the active cell the grid reports and the block it covers. */
export function fromRange(active: Cell, block: Block): Selection {
  const bottom = block.row + block.height - 1;
  const right = block.col + block.width - 1;
  return {
    active,
    corner: { row: active.row === block.row ? bottom : block.row, col: active.col === block.col ? right : block.col },
  };
}
