/**
 * Excel's byte functions: LEFTB, RIGHTB, MIDB, LENB, FINDB, SEARCHB, REPLACEB. Excel counts
 * bytes in the code page of its default editing language: in a single-byte locale (English,
 * the one Tickmark's engine uses) every character is one byte and each *B function equals
 * its character twin; in a double-byte (DBCS: Japanese, Chinese, Korean) locale a character
 * outside ASCII and half-width katakana counts two. Both countings are implemented here
 * (`ByteLocale`); the plugin uses ENGINE_BYTE_LOCALE. Text is counted in UTF-16 units, as
 * Excel's LEN counts, so a character beyond the Basic Multilingual Plane is two units.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin } from 'hyperformula';
import { searchPattern } from './wildcards.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `single`: one byte per character; `double`: a DBCS code page. */
export type ByteLocale = 'single' | 'double';

/** The byte counting the engine uses: Tickmark evaluates in an English (single-byte) locale. */
export const ENGINE_BYTE_LOCALE: ByteLocale = 'single';

/** Bytes one UTF-16 unit takes: in a DBCS code page, ASCII and half-width katakana are one byte. */
export function unitBytes(unit: number, locale: ByteLocale): number {
  if (locale === 'single') return 1;
  return unit <= 0x7f || (unit >= 0xff61 && unit <= 0xff9f) ? 1 : 2;
}

/** LENB: the text's length in bytes. */
export function lenB(text: string, locale: ByteLocale): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) bytes += unitBytes(text.charCodeAt(i), locale);
  return bytes;
}

/**
 * The index of the first unit that starts at or after byte offset `offset` (0-based); a
 * double-byte character the offset falls inside is skipped, as a half character cannot be kept.
 */
function unitAt(text: string, offset: number, locale: ByteLocale): number {
  let bytes = 0;
  let i = 0;
  while (i < text.length && bytes < offset) bytes += unitBytes(text.charCodeAt(i++), locale);
  return i;
}

/** How many units from `from` fit in `count` bytes (a character that would be cut in half is left out). */
function unitsWithin(text: string, from: number, count: number, locale: ByteLocale): number {
  let bytes = 0;
  let i = from;
  while (i < text.length && bytes + unitBytes(text.charCodeAt(i), locale) <= count) bytes += unitBytes(text.charCodeAt(i++), locale);
  return i - from;
}

/** The byte offset at which unit `index` starts. */
function byteOffset(text: string, index: number, locale: ByteLocale): number {
  return lenB(text.slice(0, index), locale);
}

const negative = (what: string) => new CellError(ErrorType.VALUE, `${what} must not be negative`);

export function leftB(text: string, count: number, locale: ByteLocale): string | CellError {
  if (count < 0) return negative('num_bytes');
  return text.slice(0, unitsWithin(text, 0, Math.trunc(count), locale));
}

export function rightB(text: string, count: number, locale: ByteLocale): string | CellError {
  if (count < 0) return negative('num_bytes');
  let bytes = 0;
  let i = text.length;
  while (i > 0 && bytes + unitBytes(text.charCodeAt(i - 1), locale) <= Math.trunc(count)) bytes += unitBytes(text.charCodeAt(--i), locale);
  return text.slice(i);
}

export function midB(text: string, start: number, count: number, locale: ByteLocale): string | CellError {
  if (Math.trunc(start) < 1) return new CellError(ErrorType.VALUE, 'start_num must be 1 or more');
  if (count < 0) return negative('num_bytes');
  const from = unitAt(text, Math.trunc(start) - 1, locale);
  return text.slice(from, from + unitsWithin(text, from, Math.trunc(count), locale));
}

export function replaceB(text: string, start: number, count: number, replacement: string, locale: ByteLocale): string | CellError {
  if (Math.trunc(start) < 1) return new CellError(ErrorType.VALUE, 'start_num must be 1 or more');
  if (count < 0) return negative('num_bytes');
  const from = unitAt(text, Math.trunc(start) - 1, locale);
  return text.slice(0, from) + replacement + text.slice(from + unitsWithin(text, from, Math.trunc(count), locale));
}

/** FINDB (case-sensitive, literal) and SEARCHB (case-insensitive, wildcards): a 1-based byte position. */
export function findB(needle: string, text: string, start: number, locale: ByteLocale, search: boolean): number | CellError {
  const startByte = Math.trunc(start);
  if (startByte < 1 || startByte > lenB(text, locale) + 1)
    return new CellError(ErrorType.VALUE, 'start_num must be between 1 and the length of the text in bytes');
  const from = unitAt(text, startByte - 1, locale);
  let at: number;
  if (search) {
    const pattern = searchPattern(needle);
    pattern.lastIndex = from;
    at = pattern.exec(text)?.index ?? -1;
  } else at = text.indexOf(needle, from);
  if (at < 0) return new CellError(ErrorType.VALUE, `"${needle}" is not in the text`);
  return byteOffset(text, at, locale) + 1;
}

const STRING = { argumentType: FunctionArgumentType.STRING };
const NUMBER = { argumentType: FunctionArgumentType.NUMBER };
const optionalNumber = (defaultValue: number) => ({ argumentType: FunctionArgumentType.NUMBER, defaultValue });

export class ByteTextPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    LEFTB: { method: 'leftb', parameters: [STRING, optionalNumber(1)] },
    RIGHTB: { method: 'rightb', parameters: [STRING, optionalNumber(1)] },
    MIDB: { method: 'midb', parameters: [STRING, NUMBER, NUMBER] },
    LENB: { method: 'lenb', parameters: [STRING] },
    FINDB: { method: 'findb', parameters: [STRING, STRING, optionalNumber(1)] },
    SEARCHB: { method: 'searchb', parameters: [STRING, STRING, optionalNumber(1)] },
    REPLACEB: { method: 'replaceb', parameters: [STRING, NUMBER, NUMBER, STRING] },
  };

  leftb(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('LEFTB'), (t: string, n: number) => leftB(t, n, ENGINE_BYTE_LOCALE));
  }

  rightb(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('RIGHTB'), (t: string, n: number) => rightB(t, n, ENGINE_BYTE_LOCALE));
  }

  midb(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('MIDB'), (t: string, s: number, n: number) => midB(t, s, n, ENGINE_BYTE_LOCALE));
  }

  lenb(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('LENB'), (t: string) => lenB(t, ENGINE_BYTE_LOCALE));
  }

  findb(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('FINDB'), (f: string, t: string, s: number) =>
      findB(f, t, s, ENGINE_BYTE_LOCALE, false),
    );
  }

  searchb(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('SEARCHB'), (f: string, t: string, s: number) =>
      findB(f, t, s, ENGINE_BYTE_LOCALE, true),
    );
  }

  replaceb(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('REPLACEB'), (t: string, s: number, n: number, r: string) =>
      replaceB(t, s, n, r, ENGINE_BYTE_LOCALE),
    );
  }
}
