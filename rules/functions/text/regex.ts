/**
 * REGEXTEST, REGEXEXTRACT and REGEXREPLACE as Excel 365 documents them, on JavaScript's
 * RegExp with Excel's PCRE2 syntax translated (./pcre.ts says what differs).
 *
 * * `REGEXTEST(text, pattern, [case_sensitivity])`: TRUE when the pattern matches anywhere.
 * * `REGEXEXTRACT(text, pattern, [return_mode], [case_sensitivity])`: return_mode 0 the first
 *   match, 1 every match (a column), 2 the first match's capturing groups (a row; a group
 *   that took no part is empty text). Results are always text. #N/A when nothing matches.
 * * `REGEXREPLACE(text, pattern, replacement, [occurrence], [case_sensitivity])`: occurrence
 *   0 replaces every match, n the n-th, -n the n-th from the end. In `replacement`, `$n` or
 *   `${n}` is group n, `${name}` a named group, `$0` the whole match, `$$` a dollar sign.
 *
 * case_sensitivity: 0 (default) case-sensitive, 1 case-insensitive. A pattern that does not
 * compile (or uses PCRE2 syntax JavaScript lacks) is #VALUE! with the reason.
 */
import { ArraySize, CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { spill } from '../arrays/grid.js';
import { translatePcre } from './pcre.js';
import { knownArg, knownText } from './constant.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Compiles an Excel (PCRE2) pattern; `global` for finding every match. */
export function compilePattern(pattern: string, caseMode: number, global: boolean): RegExp | CellError {
  if (caseMode !== 0 && caseMode !== 1) return new CellError(ErrorType.VALUE, 'case_sensitivity must be 0 or 1');
  const translated = translatePcre(pattern);
  if ('unsupported' in translated) return new CellError(ErrorType.VALUE, `pattern "${pattern}": ${translated.unsupported}`);
  let flags = translated.flags;
  if (caseMode === 1 && !flags.includes('i')) flags += 'i';
  if (global) flags += 'g';
  // Unicode mode first (so `.` is a whole character); PCRE2 also accepts escapes like `\-`
  // outside a class, which only non-Unicode mode allows.
  for (const unicode of ['u', '']) {
    try {
      return new RegExp(translated.source, flags + unicode);
    } catch {
      // try the next mode
    }
  }
  return new CellError(ErrorType.VALUE, `pattern "${pattern}" is not a valid regular expression`);
}

export function regexTest(text: string, pattern: string, caseMode: number): boolean | CellError {
  const re = compilePattern(pattern, caseMode, false);
  return re instanceof CellError ? re : re.test(text);
}

/** REGEXEXTRACT's result as a grid (one value for mode 0). */
export function regexExtract(text: string, pattern: string, mode: number, caseMode: number): string[][] | CellError {
  if (![0, 1, 2].includes(mode)) return new CellError(ErrorType.VALUE, 'return_mode must be 0, 1 or 2');
  const re = compilePattern(pattern, caseMode, true);
  if (re instanceof CellError) return re;
  const matches = [...text.matchAll(re)];
  if (matches.length === 0) return new CellError(ErrorType.NA, `pattern "${pattern}" does not match the text`);
  if (mode === 0) return [[matches[0][0]]];
  if (mode === 1) return matches.map((m) => [m[0]]);
  const groups = matches[0].slice(1).map((g) => g ?? '');
  if (groups.length === 0) return new CellError(ErrorType.NA, `pattern "${pattern}" has no capturing groups`);
  return [groups];
}

export function regexReplace(text: string, pattern: string, replacement: string, occurrence: number, caseMode: number): string | CellError {
  const re = compilePattern(pattern, caseMode, true);
  if (re instanceof CellError) return re;
  const matches = [...text.matchAll(re)];
  const n = Math.trunc(occurrence);
  const chosen = n === 0 ? matches : [matches[n > 0 ? n - 1 : matches.length + n]].filter((m) => m !== undefined);
  let out = '';
  let last = 0;
  for (const m of chosen) {
    const piece = substitution(replacement, m);
    if (piece instanceof CellError) return piece;
    out += text.slice(last, m.index) + piece;
    last = m.index! + m[0].length;
  }
  return out + text.slice(last);
}

/** A PCRE2 replacement string filled from one match. */
function substitution(replacement: string, m: RegExpMatchArray): string | CellError {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i];
    if (ch !== '$') {
      out += ch;
      continue;
    }
    const rest = replacement.slice(i + 1);
    const ref = /^(\d+)|^\{(\w+)\}/.exec(rest);
    if (rest.startsWith('$')) {
      out += '$';
      i += 1;
    } else if (ref) {
      const key = ref[1] ?? ref[2];
      const value = /^\d+$/.test(key) ? m[Number(key)] : m.groups?.[key];
      if (/^\d+$/.test(key) ? Number(key) >= m.length : !(key in (m.groups ?? {})))
        return new CellError(ErrorType.VALUE, `the replacement refers to group ${key}, which the pattern does not have`);
      out += value ?? '';
      i += ref[0].length;
    } else return new CellError(ErrorType.VALUE, 'a "$" in the replacement must be followed by a group number, {name} or "$"');
  }
  return out;
}

const STRING = { argumentType: FunctionArgumentType.STRING };
const optionalNumber = (defaultValue: number) => ({ argumentType: FunctionArgumentType.NUMBER, defaultValue });

export class RegexPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    REGEXTEST: { method: 'regextest', parameters: [STRING, STRING, optionalNumber(0)] },
    REGEXEXTRACT: {
      method: 'regexextract',
      parameters: [STRING, STRING, optionalNumber(0), optionalNumber(0)],
      sizeOfResultArrayMethod: 'regexextractSize',
    },
    REGEXREPLACE: { method: 'regexreplace', parameters: [STRING, STRING, STRING, optionalNumber(0), optionalNumber(0)] },
  };

  regextest(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('REGEXTEST'), regexTest);
  }

  regexextract(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('REGEXEXTRACT'), (text: string, pattern: string, mode: number, c: number) => {
      const grid = regexExtract(text, pattern, Math.trunc(mode), c);
      if (grid instanceof CellError) return grid;
      return mode === 0 ? grid[0][0] : SimpleRangeValue.onlyValues(grid);
    });
  }

  /** Mode 0 is one value per text; modes 1 and 2 need the text and pattern known before evaluation. */
  regexextractSize(ast: Ast, state: State) {
    const mode = ast.args[2] === undefined ? 0 : knownArg(this, ast.args[2], state);
    if (mode === 0 || mode === null) {
      const text = this.arraySizeForAst(ast.args[0], state);
      return spill(text.width, text.height);
    }
    const text = knownText(this, ast.args[0], state);
    const pattern = knownText(this, ast.args[1], state);
    const caseArg = ast.args[3] === undefined ? 0 : knownArg(this, ast.args[3], state);
    if (text === undefined || pattern === undefined || typeof mode !== 'number' || typeof (caseArg ?? 0) !== 'number')
      return ArraySize.error();
    const grid = regexExtract(text, pattern, Math.trunc(mode), (caseArg ?? 0) as number);
    return grid instanceof CellError ? spill(1, 1) : spill(grid[0].length, grid.length);
  }

  regexreplace(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('REGEXREPLACE'), regexReplace);
  }
}
