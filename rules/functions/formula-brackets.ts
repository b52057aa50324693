/**
 * Bracket-level scanning of formula text, for the rewrites between Excel's syntax and the
 * engine's (arrays/dialect.ts: `A2#`, `@`, LAMBDA calls; range-ends.ts: ranges whose end a
 * function gives, unions), one copy for both. They see code whose strings and quoted sheet
 * names `onCode` has set aside, so every bracket and comma here is syntax.
 */

const STRING_OR_SHEET = /"(?:[^"]|"")*"|'(?:[^']|'')*'/g;
/** Stand-ins for strings and quoted names while the code around them is rewritten (private-use characters). */
const HOLE = /\uE100(\d+)\uE101/g;
/** The character that ends a stand-in, for look-behinds that must not start inside one. */
export const HOLE_END = '\uE101';
/** A sheet prefix in code: a quoted name (held aside) or a plain one, then `!`. */
export const SHEET = String.raw`(?:\uE100\d+\uE101|[A-Za-z_][\w.]*)!`;
/** A cell reference, either part absolute or not. */
export const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;

/**
 * Rewrites the code of a formula with its strings and quoted sheet names held aside. A
 * stand-in it did not make is left as it is, so a rewrite may itself call onCode.
 */
export function onCode(formula: string, rewrite: (code: string) => string): string {
  if (!formula.startsWith('=')) return formula;
  const held: string[] = [];
  const code = formula.replace(STRING_OR_SHEET, (literal) => `\uE100${held.push(literal) - 1}\uE101`);
  return rewrite(code).replace(HOLE, (stand: string, i: string) => held[Number(i)] ?? stand);
}

/** The index of the bracket closing the one at `open`, or -1. */
export function matchingClose(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === '(') depth += 1;
    else if (code[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The index of the bracket opening the one at `close`, or -1. */
export function matchingOpen(code: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (code[i] === ')') depth += 1;
    else if (code[i] === '(' && --depth === 0) return i;
  }
  return -1;
}

/** The index of the first comma outside brackets and array braces, or -1. */
export function topLevelComma(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(' || text[i] === '{') depth += 1;
    else if (text[i] === ')' || text[i] === '}') depth -= 1;
    else if (text[i] === ',' && depth === 0) return i;
  }
  return -1;
}

/** Every call `NAME(inner)` replaced by `wrap(inner)`, inner calls first (`inner` as written, spaces kept). */
export function replaceCalls(code: string, name: string, wrap: (inner: string) => string): string {
  const head = new RegExp(String.raw`(?<![\w.])${name.replace(/\./g, '\\.')}\s*\(`, 'i');
  const match = head.exec(code);
  if (!match) return code;
  const open = match.index + match[0].length - 1;
  const close = matchingClose(code, open);
  if (close < 0) return code;
  const inner = replaceCalls(code.slice(open + 1, close), name, wrap);
  return code.slice(0, match.index) + wrap(inner) + replaceCalls(code.slice(close + 1), name, wrap);
}
