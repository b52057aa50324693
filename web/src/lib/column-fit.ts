/**
 * Column widths that fit what the cells show, as Excel's AutoFit does: the widest text of a
 * column, measured in the grid's font, plus the cell's padding, within sensible bounds.
 */

/** The padding of a grid cell (15 px each side in RevoGrid's compact theme) plus room for the focus border, in pixels. */
const PADDING = 34;
export const MIN_WIDTH = 64;
export const MAX_WIDTH = 420;

let context: CanvasRenderingContext2D | null = null;

/** The width of `text` in `font` (a CSS font such as `13px system-ui`), in pixels. */
export function textWidth(text: string, font: string): number {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return text.length * 7;
  context.font = font;
  return context.measureText(text).width;
}

/** The width that shows all of the widest of `texts`, within MIN_WIDTH and MAX_WIDTH. */
export function fitWidth(texts: Iterable<string>, font: string): number {
  let widest = 0;
  for (const text of texts) if (text) widest = Math.max(widest, textWidth(text, font));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(widest + PADDING)));
}

/** Excel keeps widths in characters; the grid in pixels (the editor's long-standing rule: 7 px a character, 10 of padding). */
export const pxFromChars = (chars: number) => Math.round(chars * 7 + 10);
export const charsFromPx = (px: number) => Math.max(1, Math.round((px - 10) / 7));
