/**
 * What the grid's keys and right-click menu do to the sheet, through the SheetModel (so
 * references shift and undo as in HyperFormula, and Excel): fill down and right, clear,
 * insert and delete rows and columns. Each returns whether the sheet changed.
 */
import type { Block, SheetModel } from './sheet-model';

/** Ctrl+D: the block's top row filled down over the rest of it; one row high, the row above copied down. */
export function fillDown(model: SheetModel, sheet: string, block: Block): boolean {
  if (block.height > 1) {
    model.fillDown(sheet, { ...block, height: 1 }, block.row + block.height - 1);
    return true;
  }
  if (block.row === 0) return false;
  model.fill(sheet, { ...block, row: block.row - 1 }, block);
  return true;
}

/** Ctrl+R: the block's left column filled right over the rest of it; one column wide, the column to the left copied. */
export function fillRight(model: SheetModel, sheet: string, block: Block): boolean {
  if (block.width > 1) {
    model.fill(sheet, { ...block, width: 1 }, { ...block, col: block.col + 1, width: block.width - 1 });
    return true;
  }
  if (block.col === 0) return false;
  model.fill(sheet, { ...block, col: block.col - 1 }, block);
  return true;
}

/** Delete: the block's cells emptied. */
export function clear(model: SheetModel, sheet: string, block: Block): boolean {
  model.set(
    sheet,
    block.row,
    block.col,
    Array.from({ length: block.height }, () => Array<null>(block.width).fill(null)),
  );
  return true;
}

export type StructureChange = 'insert-rows' | 'delete-rows' | 'insert-columns' | 'delete-columns';

/** What the right-click menu offers. */
export type MenuAction = 'cut' | 'copy' | 'paste' | 'clear' | StructureChange;

/** As many rows (columns) as the block spans inserted above it (left of it) or deleted. */
export function changeStructure(model: SheetModel, sheet: string, block: Block, change: StructureChange): boolean {
  if (change === 'insert-rows') model.insertRows(sheet, block.row, block.height);
  if (change === 'delete-rows') model.removeRows(sheet, block.row, block.height);
  if (change === 'insert-columns') model.insertColumns(sheet, block.col, block.width);
  if (change === 'delete-columns') model.removeColumns(sheet, block.col, block.width);
  return true;
}
