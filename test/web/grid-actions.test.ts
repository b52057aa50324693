/** The grid's edits through a real SheetModel (HyperFormula): references shift and undo as in Excel. */
import { afterEach, describe, expect, it } from 'vitest';
import { copyBlock, pasteText } from '../../web/src/lib/clipboard.js';
import { changeStructure, clear, fillDown, fillRight } from '../../web/src/lib/grid-actions.js';
import { SheetModel } from '../../web/src/lib/sheet-model.js';

let model: SheetModel;
afterEach(() => model?.destroy());

const sheet = () =>
  new SheetModel({
    names: [],
    sheets: [
      {
        name: 'S',
        cells: [
          ['a', 1, '=B1*2'],
          ['b', 2, null],
          ['c', 3, null],
        ],
      },
    ],
  });
const raw = (address: string) => {
  const col = address.charCodeAt(0) - 65;
  return model.cell('S', Number(address.slice(1)) - 1, col).raw;
};

describe("the grid's edits", () => {
  it('Ctrl+D fills the top row down over a block, or copies the cell above', () => {
    model = sheet();
    fillDown(model, 'S', { row: 0, col: 2, height: 3, width: 1 });
    expect([raw('C2'), raw('C3')]).toEqual(['=B2*2', '=B3*2']);
    model.undo();
    expect(raw('C3')).toBe('');
    fillDown(model, 'S', { row: 1, col: 2, height: 1, width: 1 });
    expect(raw('C2')).toBe('=B2*2');
    expect(fillDown(model, 'S', { row: 0, col: 0, height: 1, width: 1 })).toBe(false);
  });

  it('Ctrl+R fills the left column right, or copies the cell to the left', () => {
    model = sheet();
    fillRight(model, 'S', { row: 0, col: 3, height: 1, width: 1 });
    expect(raw('D1')).toBe('=C1*2');
    fillRight(model, 'S', { row: 1, col: 1, height: 1, width: 3 });
    expect([raw('C2'), raw('D2')]).toEqual(['2', '2']);
  });

  it('Delete empties the block; insert and delete rows and columns shift the formulas', () => {
    model = sheet();
    clear(model, 'S', { row: 1, col: 0, height: 2, width: 2 });
    expect([raw('A2'), raw('B3'), raw('A1')]).toEqual(['', '', 'a']);
    model.undo();
    changeStructure(model, 'S', { row: 0, col: 0, height: 2, width: 1 }, 'insert-rows');
    expect(raw('C3')).toBe('=B3*2');
    changeStructure(model, 'S', { row: 0, col: 0, height: 2, width: 1 }, 'delete-rows');
    changeStructure(model, 'S', { row: 0, col: 1, height: 1, width: 1 }, 'insert-columns');
    expect(raw('D1')).toBe('=C1*2');
    changeStructure(model, 'S', { row: 0, col: 1, height: 1, width: 1 }, 'delete-columns');
    expect(raw('C1')).toBe('=B1*2');
    // Deleting the column a formula reads leaves #REF!, as in Excel.
    changeStructure(model, 'S', { row: 0, col: 1, height: 1, width: 1 }, 'delete-columns');
    expect(raw('B1')).toBe('=#REF!*2');
  });

  it("pastes the grid's own copy with references shifted, moves a cut, and enters other text as typed", () => {
    model = sheet();
    const copy = copyBlock(model, 'S', { row: 0, col: 1, height: 1, width: 2 });
    expect(copy.text).toBe('1\t=B1*2');
    expect(pasteText(model, 'S', copy.text, { row: 2, col: 1 }, copy)).toEqual({ row: 2, col: 1, height: 1, width: 2 });
    expect(raw('C3')).toBe('=B3*2');
    const cut = copyBlock(model, 'S', { row: 0, col: 1, height: 1, width: 1 }, true);
    pasteText(model, 'S', cut.text, { row: 0, col: 4 }, cut);
    expect([raw('B1'), raw('E1'), raw('C1')]).toEqual(['', '1', '=E1*2']);
    // A block two rows high pasted three rows down: its first row lands first (a fill would start mid-pattern).
    const two = copyBlock(model, 'S', { row: 0, col: 2, height: 2, width: 1 });
    pasteText(model, 'S', two.text, { row: 7, col: 2 }, two);
    expect([raw('C8'), raw('C9')]).toEqual(['=E8*2', '']);
    expect(pasteText(model, 'S', 'x\t7\r\n=1+1\t', { row: 5, col: 0 }, cut)).toEqual({ row: 5, col: 0, height: 2, width: 2 });
    expect([raw('A6'), raw('B6'), raw('A7')]).toEqual(['x', '7', '=1+1']);
  });
});
