/**
 * Freeze panes on RevoGrid: frozen top rows live in its `rowPinStart` store and a pinned
 * column in `colPinEnd`, each numbered from 0 in its own store. These map a sheet's cell to
 * where the grid keeps it and back, so the rest of the editor speaks only of sheet cells.
 */
import type { Cell } from './grid-selection';

export interface GridLayout {
  /** Rows kept in view at the top (the field names of `Rows`). */
  frozenRows: number;
  /** A column kept in view at the right edge (the exception column of `Rows`), or null. */
  pinnedCol: number | null;
}

export type RowType = 'rowPinStart' | 'rgRow';
export type ColType = 'rgCol' | 'colPinEnd';

export interface GridCell {
  rowType: RowType;
  y: number;
  colType: ColType;
  x: number;
}

export const NO_FREEZE: GridLayout = { frozenRows: 0, pinnedCol: null };

/** Where the grid keeps a sheet cell. */
export function toGrid(cell: Cell, layout: GridLayout): GridCell {
  const frozen = cell.row < layout.frozenRows;
  const pinned = layout.pinnedCol === cell.col;
  const shifted = layout.pinnedCol !== null && cell.col > layout.pinnedCol;
  return {
    rowType: frozen ? 'rowPinStart' : 'rgRow',
    y: frozen ? cell.row : cell.row - layout.frozenRows,
    colType: pinned ? 'colPinEnd' : 'rgCol',
    x: pinned ? 0 : shifted ? cell.col - 1 : cell.col,
  };
}

/** The sheet cell the grid reports at (rowType, y, colType, x). */
export function fromGrid(at: GridCell, layout: GridLayout): Cell {
  const row = at.rowType === 'rowPinStart' ? at.y : at.y + layout.frozenRows;
  if (at.colType === 'colPinEnd' && layout.pinnedCol !== null) return { row, col: layout.pinnedCol };
  const col = layout.pinnedCol !== null && at.x >= layout.pinnedCol ? at.x + 1 : at.x;
  return { row, col };
}

/**
 * The corner the grid can show with `active`: RevoGrid draws a selection inside one store,
 * so a corner across a frozen row or the pinned column is held at that store's edge.
 */
export function cornerInStore(active: GridCell, corner: GridCell): GridCell {
  const y = corner.rowType === active.rowType ? corner.y : active.rowType === 'rgRow' ? 0 : active.y;
  const x = corner.colType === active.colType ? corner.x : active.x;
  return { ...active, x, y };
}
