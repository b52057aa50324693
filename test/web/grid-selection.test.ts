import { describe, expect, it } from 'vitest';
import { blockOf, edge, fromRange, jump, lastUsed, single, step, type SheetShape } from '../../web/src/lib/grid-selection.js';

/** A 10 x 10 sheet drawn as text: `#` is a filled cell. */
function sheet(...lines: string[]): SheetShape {
  return { rows: 10, cols: 10, filled: (r, c) => lines[r]?.[c] === '#' };
}

//               0123456789
const S = sheet(
  '####..#...', //  row 0: a block A1:D1, a gap, G1
  '#.........', //                row 1
  '#.........', //                row 2
  '..........', //                row 3
  '#.........',
); //               row 4

describe("the grid's selection", () => {
  it('Ctrl+arrow goes to the end of a filled block, across a gap to the next filled cell, or to the edge', () => {
    expect(edge({ row: 0, col: 0 }, 0, 1, S)).toEqual({ row: 0, col: 3 });
    expect(edge({ row: 0, col: 3 }, 0, 1, S)).toEqual({ row: 0, col: 6 });
    expect(edge({ row: 0, col: 6 }, 0, 1, S)).toEqual({ row: 0, col: 9 });
    expect(edge({ row: 0, col: 0 }, 1, 0, S)).toEqual({ row: 2, col: 0 });
    expect(edge({ row: 2, col: 0 }, 1, 0, S)).toEqual({ row: 4, col: 0 });
    expect(edge({ row: 4, col: 0 }, 1, 0, S)).toEqual({ row: 9, col: 0 });
    expect(edge({ row: 4, col: 0 }, -1, 0, S)).toEqual({ row: 2, col: 0 });
    // From an empty cell, the first filled one; at the edge, nowhere.
    expect(edge({ row: 3, col: 5 }, -1, 0, S)).toEqual({ row: 0, col: 5 });
    expect(edge({ row: 0, col: 0 }, -1, 0, S)).toEqual({ row: 0, col: 0 });
  });

  it('Shift extends from the far corner and keeps the active cell; plain moves collapse the block', () => {
    const start = single({ row: 1, col: 1 });
    const wide = step(step(start, 1, 0, true, S), 0, 1, true, S);
    expect(wide).toEqual({ active: { row: 1, col: 1 }, corner: { row: 2, col: 2 } });
    expect(blockOf(wide)).toEqual({ row: 1, col: 1, height: 2, width: 2 });
    expect(step(wide, 0, -1, false, S)).toEqual(single({ row: 1, col: 0 }));
    // Up and left of the active cell: the block still reads top-left first.
    expect(blockOf(step(step(start, -1, 0, true, S), 0, -1, true, S))).toEqual({ row: 0, col: 0, height: 2, width: 2 });
    expect(jump(single({ row: 0, col: 0 }), 0, 1, true, S)).toEqual({ active: { row: 0, col: 0 }, corner: { row: 0, col: 3 } });
  });

  it('stops at the sheet edges and finds the last used cell', () => {
    expect(step(single({ row: 0, col: 0 }), -1, -1, false, S)).toEqual(single({ row: 0, col: 0 }));
    expect(step(single({ row: 9, col: 9 }), 1, 1, false, S)).toEqual(single({ row: 9, col: 9 }));
    expect(lastUsed(S, { rows: 5, cols: 7 })).toEqual({ row: 4, col: 6 });
  });

  it('reads a dragged range back with the active cell at its corner', () => {
    expect(fromRange({ row: 3, col: 3 }, { row: 1, col: 1, height: 3, width: 3 })).toEqual({
      active: { row: 3, col: 3 },
      corner: { row: 1, col: 1 },
    });
  });
});
