import { describe, expect, it } from 'vitest';
import { cornerInStore, fromGrid, NO_FREEZE, toGrid } from '../../web/src/lib/grid-layout.js';

const ROWS = { frozenRows: 1, pinnedCol: 3 };

describe('freeze panes on the grid', () => {
  it('puts the frozen row and the pinned column in their own stores, and every cell back where it was', () => {
    expect(toGrid({ row: 0, col: 0 }, ROWS)).toEqual({ rowType: 'rowPinStart', y: 0, colType: 'rgCol', x: 0 });
    expect(toGrid({ row: 1, col: 3 }, ROWS)).toEqual({ rowType: 'rgRow', y: 0, colType: 'colPinEnd', x: 0 });
    expect(toGrid({ row: 5, col: 4 }, ROWS)).toEqual({ rowType: 'rgRow', y: 4, colType: 'rgCol', x: 3 });
    for (let row = 0; row < 4; row++)
      for (let col = 0; col < 6; col++) {
        expect(fromGrid(toGrid({ row, col }, ROWS), ROWS)).toEqual({ row, col });
        expect(fromGrid(toGrid({ row, col }, NO_FREEZE), NO_FREEZE)).toEqual({ row, col });
      }
  });

  it("holds a selection's corner inside the active cell's store", () => {
    const active = toGrid({ row: 3, col: 1 }, ROWS);
    expect(cornerInStore(active, toGrid({ row: 0, col: 2 }, ROWS))).toMatchObject({ rowType: 'rgRow', y: 0, x: 2 });
    expect(cornerInStore(active, toGrid({ row: 5, col: 3 }, ROWS))).toMatchObject({ colType: 'rgCol', y: 4, x: 1 });
  });
});
