/**
 * Two pieces of Excel's reference syntax HyperFormula's parser does not read, spelt for the
 * engine as calls of Tickmark's reference functions (rules/functions/reference.ts):
 *
 * | Excel (Tickmark stores it)      | engine                             |
 * |---------------------------------|------------------------------------|
 * | `A2:CHOOSE(2,A3,A4)` (a range whose end a function gives) | `XLRANGE(A2,CHOOSE(2,A3,A4))` |
 * | `AREAS((B2:D4,E5))` (a union, AREAS' one argument)         | `AREAS(XLUNION(B2:D4,E5))`    |
 *
 * Excel allows a function that returns a reference (CHOOSE, IF, INDEX, OFFSET, INDIRECT) at
 * either end of `:`; HyperFormula only its own static OFFSET. A union is read inside AREAS
 * alone: elsewhere (`SUM((A1,B2))`) it still fails to parse and the formula is reported as
 * one Tickmark cannot read, rather than computed over one area in silence. Text in strings
 * and quoted sheet names is never touched.
 */

import { CELL, HOLE_END, matchingClose, matchingOpen, onCode, replaceCalls, SHEET, topLevelComma } from './formula-brackets.js';

/** The engine's names for a range between two references and for a union of references. */
export const ENGINE_RANGE = 'XLRANGE';
export const ENGINE_UNION = 'XLUNION';

/** A cell reference (on an optional sheet) ending where `:` starts. */
const REF_BEFORE = new RegExp(String.raw`(?<![\w.$${HOLE_END}])(?:${SHEET})?${CELL}$`);
/** A cell reference (on an optional sheet) starting after `:`, not the name of a call. */
const REF_AFTER = new RegExp(String.raw`^(?:${SHEET})?${CELL}(?![\w.(!])`);
const CALL_AFTER = /^([A-Za-z_][\w.]*)\s*\(/;

/** Excel's range ends and AREAS' union in the engine's words. */
export function rangeEndsToEngine(formula: string): string {
  return onCode(formula, (code) => areasUnions(rangeEnds(code)));
}

/** The engine's XLRANGE and XLUNION back in Excel's words. */
export function rangeEndsFromEngine(formula: string): string {
  return onCode(formula, (code) =>
    replaceCalls(
      replaceCalls(code, ENGINE_RANGE, (inner) => {
        const comma = topLevelComma(inner);
        return comma < 0 ? inner : `${inner.slice(0, comma)}:${inner.slice(comma + 1)}`;
      }),
      ENGINE_UNION,
      (inner) => `(${inner})`,
    ),
  );
}

/** Every `left:right` where either side is a function call → `XLRANGE(left,right)`. */
function rangeEnds(code: string): string {
  let from = 0;
  for (;;) {
    const colon = code.indexOf(':', from);
    if (colon < 0) return code;
    const left = leftOperand(code, colon);
    const right = rightOperand(code, colon);
    if (!left || !right || (!left.call && !right.call)) {
      from = colon + 1;
      continue;
    }
    const replaced = `${ENGINE_RANGE}(${code.slice(left.start, colon)},${code.slice(colon + 1, right.end)})`;
    code = code.slice(0, left.start) + replaced + code.slice(right.end);
    // Rescan the replacement: its operands may hold range ends of their own.
    from = left.start + ENGINE_RANGE.length + 1;
  }
}

/** The operand ending at `colon`: a cell reference or a function call. */
function leftOperand(code: string, colon: number): { start: number; call: boolean } | null {
  if (code[colon - 1] === ')') {
    const open = matchingOpen(code, colon - 1);
    const name = open < 0 ? null : /[A-Za-z_][\w.]*$/.exec(code.slice(0, open));
    return name ? { start: open - name[0].length, call: true } : null;
  }
  const ref = REF_BEFORE.exec(code.slice(0, colon));
  return ref ? { start: colon - ref[0].length, call: false } : null;
}

/** The operand starting after `colon`: a cell reference or a function call. */
function rightOperand(code: string, colon: number): { end: number; call: boolean } | null {
  const rest = code.slice(colon + 1);
  const call = CALL_AFTER.exec(rest);
  if (call) {
    const close = matchingClose(code, colon + call[0].length);
    return close < 0 ? null : { end: close + 1, call: true };
  }
  const ref = REF_AFTER.exec(rest);
  return ref ? { end: colon + 1 + ref[0].length, call: false } : null;
}

/** `AREAS((a,b,…))` → `AREAS(XLUNION(a,b,…))`. */
function areasUnions(code: string): string {
  return code.replace(/(?<![\w.])(AREAS\s*\(\s*)\(/gi, (match, head: string, offset: number) => {
    const open = offset + match.length - 1;
    const close = matchingClose(code, open);
    // Only a bracketed list with a comma is a union; `AREAS((A1:B2))` is one area in brackets.
    return close > 0 && topLevelComma(code.slice(open + 1, close)) >= 0 ? `${head}${ENGINE_UNION}(` : match;
  });
}
