/**
 * Excel 365's formula syntax HyperFormula's parser does not read, in three spellings:
 *
 * | Excel (Tickmark stores it) | engine                      | .xlsx file                 |
 * |----------------------------|-----------------------------|----------------------------|
 * | `A2#` (spill reference)    | `ANCHORARRAY(A2)`           | `_xlfn.ANCHORARRAY(A2)`    |
 * | `@A1:A9`, `@F(x)`          | `SINGLE(A1:A9)`, `SINGLE(F(x))` | `_xlfn.SINGLE(A1:A9)`  |
 * | `LAMBDA(x,x+1)(2)`         | `LAMBDA.CALL(LAMBDA(x,x+1),2)` | as Excel                |
 * | `MYADD(1,2)` (a name)      | `LAMBDA.CALL(MYADD,1,2)`    | as Excel                   |
 *
 * The file keeps Excel's own words for `#` and `@` (ANCHORARRAY and SINGLE are what Excel
 * writes); the engine's names are functions of the arrays plugins. Text in strings and
 * quoted sheet names is never touched.
 */

import { CELL, HOLE_END, matchingClose, onCode, replaceCalls, SHEET, topLevelComma } from '../formula-brackets.js';

/** A spill reference: a cell (on an optional sheet) followed by `#`. */
const SPILL_REF = new RegExp(String.raw`(?<![\w.$])((?:${SHEET})?${CELL})#`, 'g');
const WORD = /[A-Za-z_][\w.]*/y;
/** A character after which a letter continues a word, a reference or a held-aside sheet name. */
const WORD_BEFORE = new RegExp(String.raw`[\w.$${HOLE_END}]`);
/**
 * A formula that is one range and nothing more (`=A1:A3`) spills the range in Excel 365; the
 * engine refuses a bare range as a cell's result: it is `=SPILL.RANGE(A1:A3)` there (spill.ts).
 */
const BARE_RANGE = new RegExp(String.raw`^=\s*((?:${SHEET})?${CELL}:${CELL})\s*$`);
const ENGINE_BARE_RANGE = new RegExp(String.raw`^=SPILL\.RANGE\(((?:${SHEET})?${CELL}:${CELL})\)$`);

/** Excel's syntax to the engine's: spill references, `@`, LAMBDA calls. `isFunction` tells a function from a name. */
export function excel365ToEngine(formula: string, isFunction: (name: string) => boolean): string {
  return onCode(formula, (code) =>
    namedCalls(
      lambdaCalls(singles(code.replace(BARE_RANGE, '=SPILL.RANGE($1)').replace(SPILL_REF, 'ANCHORARRAY($1)'), 'SINGLE')),
      isFunction,
    ),
  );
}

/** The engine's spelling back to Excel's. */
export function engineToExcel365(formula: string): string {
  return onCode(formula, (code) =>
    unwrapCalls(
      unwrap(
        unwrap(code.replace(ENGINE_BARE_RANGE, '=$1'), 'ANCHORARRAY', (ref) => `${ref}#`),
        'SINGLE',
        at,
      ),
    ),
  );
}

/** Excel's `#` and `@` as the file stores them (`_xlfn.` is added by the caller's prefix pass). */
export function excel365ToFile(formula: string): string {
  return onCode(formula, (code) => singles(code.replace(SPILL_REF, 'ANCHORARRAY($1)'), 'SINGLE'));
}

/** The file's ANCHORARRAY and SINGLE (prefixes already removed) as Excel shows them. */
export function fileToExcel365(formula: string): string {
  return onCode(formula, (code) =>
    unwrap(
      unwrap(code, 'ANCHORARRAY', (ref) => `${ref}#`),
      'SINGLE',
      at,
    ),
  );
}

/** `@x` as the operator applies to x: a reference, a name or a function call as it is; anything else in brackets. */
function at(operand: string): string {
  const simple = new RegExp(String.raw`^(?:${SHEET})?(?:[A-Za-z_][\w.]*|${CELL})(?::${CELL})?$`);
  const call = /^[A-Za-z_][\w.]*\(/.exec(operand);
  return simple.test(operand) || (call && matchingClose(operand, call[0].length - 1) === operand.length - 1)
    ? `@${operand}`
    : `@(${operand})`;
}

/** `@operand` → `NAME(operand)`: the operand is a bracketed group, or a reference or name, with a call's brackets. */
function singles(code: string, name: string): string {
  let out = '';
  let i = 0;
  while (i < code.length) {
    if (code[i] !== '@' || insideBrackets(code, i)) {
      out += code[i++];
      continue;
    }
    const end = operandEnd(code, i + 1);
    out += `${name}(${singles(code.slice(i + 1, end), name)})`;
    i = end;
  }
  return out;
}

/** Where the operand starting at `start` ends. */
function operandEnd(code: string, start: number): number {
  if (code[start] === '(') return matchingClose(code, start) + 1;
  const ref = new RegExp(String.raw`(?:${SHEET})?(?:${CELL}(?::${CELL})?|[A-Za-z_][\w.]*)`, 'y');
  ref.lastIndex = start;
  const match = ref.exec(code);
  if (!match) return start;
  const end = start + match[0].length;
  return code[end] === '(' ? matchingClose(code, end) + 1 : end;
}

/** Inside a structured reference's `[...]` (Table[@Col]): `@` there is not the operator. */
function insideBrackets(code: string, i: number): boolean {
  return code.lastIndexOf('[', i) > code.lastIndexOf(']', i);
}

/** `LAMBDA(…)(args)` → `LAMBDA.CALL(LAMBDA(…),args)`, innermost first. */
function lambdaCalls(code: string): string {
  for (const match of code.matchAll(/(?<![\w.])LAMBDA\s*\(/gi)) {
    const close = matchingClose(code, match.index + match[0].length - 1);
    const next = code.slice(close + 1).search(/\S/);
    if (close < 0 || next < 0 || code[close + 1 + next] !== '(') continue;
    const argsOpen = close + 1 + next;
    const argsClose = matchingClose(code, argsOpen);
    if (argsClose < 0) continue;
    const args = code.slice(argsOpen + 1, argsClose);
    const lambda = lambdaCalls(code.slice(match.index, close + 1));
    const call = `LAMBDA.CALL(${lambda}${args.trim() ? `,${args}` : ''})`;
    return lambdaCalls(code.slice(0, match.index) + call + code.slice(argsClose + 1));
  }
  return code;
}

/** `NAME(args)` where NAME is no function → `LAMBDA.CALL(NAME,args)` (a LAMBDA bound to the name). */
function namedCalls(code: string, isFunction: (name: string) => boolean): string {
  let out = '';
  let i = 0;
  while (i < code.length) {
    WORD.lastIndex = i;
    const word = /[A-Za-z_]/.test(code[i]) && !WORD_BEFORE.test(code[i - 1] ?? '') ? WORD.exec(code) : null;
    if (!word) {
      out += code[i++];
      continue;
    }
    const after = i + word[0].length;
    const open = code.slice(after).search(/\S/) + after;
    if (code[open] === '(' && !isFunction(word[0].toUpperCase()) && code[i - 1] !== '!') {
      const empty = /^\(\s*\)/.test(code.slice(open));
      out += `LAMBDA.CALL(${word[0]}${empty ? '' : ','}`;
      i = empty ? code.indexOf(')', open) : open + 1;
      continue;
    }
    out += word[0];
    i = after;
  }
  return out;
}

/** `LAMBDA.CALL(f,args)` → `f(args)`. */
function unwrapCalls(code: string): string {
  return unwrap(code, 'LAMBDA.CALL', (inner) => {
    const comma = topLevelComma(inner);
    const target = comma < 0 ? inner : inner.slice(0, comma);
    return `${target}(${comma < 0 ? '' : inner.slice(comma + 1)})`;
  });
}

/** `NAME(inner)` → `wrap(inner)` everywhere (inner calls first), the inner text trimmed. */
function unwrap(code: string, name: string, wrap: (inner: string) => string): string {
  return replaceCalls(code, name, (inner) => wrap(inner.trim()));
}
