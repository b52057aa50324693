import type { Cell } from './grid-selection';
import type { Block, SheetModel } from './sheet-model';

/** Tab-separated text as Excel and LibreOffice put it on the clipboard (quoted cells may hold tabs, newlines, quotes). */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === '\t') endCell();
    else if (ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else cell += ch;
  }
  row.push(cell);
  rows.push(row);
  return rows;
}

export function toTsv(rows: string[][]): string {
  return rows.map((r) => r.map((c) => (/[\t\n"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join('\t')).join('\n');
}

/** What the grid last copied or cut, so a paste of that same text can do what Excel does with it. */
export interface CopiedBlock {
  text: string;
  sheet: string;
  block: Block;
  cut: boolean;
}

/** The cells of `block` as tab-separated text, their contents (formulas) as the formula bar shows them. */
export function copyBlock(model: SheetModel, sheet: string, block: Block, cut = false): CopiedBlock {
  const rows = Array.from({ length: block.height }, (_, r) =>
    Array.from({ length: block.width }, (_, c) => model.cell(sheet, block.row + r, block.col + c).raw),
  );
  return { text: toTsv(rows), sheet, block, cut };
}

/**
 * Pastes clipboard text at `at` and returns the block it filled. Text this grid copied is
 * pasted as Excel pastes it: a copy shifts relative references, a cut moves the cells (and
 * what referred to them follows); any other text is entered cell by cell as if typed.
 */
export function pasteText(model: SheetModel, sheet: string, text: string, at: Cell, copied: CopiedBlock | null): Block {
  if (copied && copied.text === text && copied.sheet === sheet) {
    const size = { height: copied.block.height, width: copied.block.width };
    if (copied.cut) model.move(sheet, copied.block, at);
    else model.pasteShifted(sheet, copied.block, at);
    return { ...at, ...size };
  }
  const rows = parseTsv(text);
  model.set(sheet, at.row, at.col, rows);
  return { ...at, height: rows.length, width: Math.max(...rows.map((r) => r.length)) };
}
