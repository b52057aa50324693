/**
 * Formula text between Excel's file dialect and HyperFormula's. Excel writes bare
 * `TRUE`/`FALSE` literals and `_xlfn.`/`_xludf.` prefixes that HyperFormula does not
 * understand; Excel needs those prefixes back to recognise newer and custom functions.
 * String literals and quoted sheet names are left untouched.
 */
import { HyperFormula } from 'hyperformula';
import { engineToExcel365, excel365ToEngine, excel365ToFile, fileToExcel365 } from './functions/arrays/dialect.js';
import { registerTickmarkFunctions } from './functions/index.js';
import { rangeEndsFromEngine, rangeEndsToEngine } from './functions/range-ends.js';
import { ENGINE_OFFSET } from './functions/reference.js';

/**
 * The formula in the engine's dialect (see also ./functions/arrays/dialect.ts for `#`, `@` and
 * LAMBDA calls, and ./functions/range-ends.ts for `A2:CHOOSE(…)` and AREAS' unions).
 */
export function normaliseFormula(formula: string): string {
  return rangeEndsToEngine(excel365ToEngine(rewriteWords(formula, rewriteWord, escapeQuotes, lowerExponent), isEngineFunction));
}

/** HyperFormula's parser reads `1e5` but not Excel's `1E5`, `1E+5` or `2.5E-3`. */
function lowerExponent(number: string): string {
  return number.replace('E', 'e');
}

let engineFunctions = new Set<string>();

/**
 * Whether the engine has a function of this (upper-case) name; any other name called is a
 * LAMBDA's. A name not known yet re-reads the registry: plugins may be registered later.
 */
function isEngineFunction(name: string): boolean {
  if (engineFunctions.has(name) || name === ENGINE_OFFSET) return true;
  registerTickmarkFunctions();
  engineFunctions = new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
  return engineFunctions.has(name);
}

/**
 * HyperFormula's parser does not read Excel's doubled quote inside a string (`"say ""hi"""`):
 * the literal becomes a concatenation with CHAR(34). Array constants cannot hold that, so
 * strings inside braces are left as they are.
 */
function escapeQuotes(literal: string, inArray: boolean): string {
  const inner = literal.slice(1, -1);
  if (inArray || !inner.includes('""')) return literal;
  return `(${inner
    .split('""')
    .map((part) => `"${part}"`)
    .join('&CHAR(34)&')})`;
}

/** The formula without Excel's file-format prefixes (`_xlfn.`, `_xlfn._xlws.`, `_xludf.`), as Tickmark stores it. */
export function withoutPrefixes(formula: string): string {
  // The file's SINGLE and ANCHORARRAY are Excel's `@` and `#`.
  return fileToExcel365(rewriteWords(formula, (word) => word.replace(PREFIXES, '')));
}

/** Excel's file prefixes: newer functions (`_xlfn.`, `_xlws.`), custom ones (`_xludf.`), LET's names (`_xlpm.`). */
const PREFIXES = /^_xlfn\._xlws\.|^_xlfn\.|^_xludf\.|^_xlpm\./i;

/** Functions Excel stores with `_xlfn.` (added since Excel 2007), and their `_xlws.` subset. */
const XLFN = new Set(
  'SINGLE ANCHORARRAY LAMBDA MAP REDUCE SCAN BYROW BYCOL MAKEARRAY ISOMITTED TAKE DROP CHOOSECOLS CHOOSEROWS EXPAND TOCOL TOROW WRAPCOLS WRAPROWS VSTACK HSTACK GROUPBY PIVOTBY PERCENTOF TRIMRANGE CONCAT TEXTJOIN IFS SWITCH MAXIFS MINIFS XLOOKUP XMATCH TEXTBEFORE TEXTAFTER LET LAMBDA SEQUENCE RANDARRAY IFNA DAYS ISOWEEKNUM NUMBERVALUE XOR ARABIC BASE DECIMAL CEILING.MATH FLOOR.MATH STDEV.S STDEV.P VAR.S VAR.P NORM.DIST NORM.INV NORM.S.DIST NORM.S.INV PERCENTILE.INC PERCENTILE.EXC QUARTILE.INC QUARTILE.EXC RANK.EQ RANK.AVG MODE.SNGL FORECAST.LINEAR COVARIANCE.P COVARIANCE.S BITAND BITOR BITXOR BITLSHIFT BITRSHIFT COT COTH CSC CSCH SEC SECH ACOT ACOTH UNICHAR UNICODE ENCODEURL FILTERXML WEBSERVICE SHEET SHEETS FORMULATEXT ISFORMULA GAMMA GAUSS PHI SKEW.P PDURATION RRI AGGREGATE'.split(
    ' ',
  ),
);
const XLWS = new Set(['FILTER', 'SORT', 'SORTBY', 'UNIQUE']);
/** Tickmark's own functions travel as user-defined ones. */
const XLUDF = new Set([
  ...['BDAYS', 'NYSEHOLIDAY', 'ISTRADINGDAY', 'NEXTTRADINGDAY', 'MARKETCLOSE', 'OPTEXPIRY', 'NEXTOPTEXPIRY', 'FUTEXPIRY'],
  ...['OPTROOT', 'OPTEXPDATE', 'OPTTYPE', 'OPTSTRIKE'],
]);

/** The formula as Excel stores it in a file: prefixes added (`TRUE()` is valid Excel and stays). */
export function excelFormula(excel: string): string {
  const formula = excel365ToFile(excel);
  const bound = letNames(formula);
  return rewriteWords(formula, (word, text, after) => {
    const upper = word.toUpperCase();
    const rest = text.slice(after).trimStart();
    // Excel stores the names LET and LAMBDA bind as _xlpm.name (a LET name bound to a LAMBDA is called so too).
    if (bound.has(upper) && !rest.startsWith('!') && !(rest.startsWith('(') && isEngineFunction(upper))) return `_xlpm.${word}`;
    if (!rest.startsWith('(')) return word;
    if (upper === ENGINE_OFFSET) return 'OFFSET';
    if (XLWS.has(upper)) return `_xlfn._xlws.${upper}`;
    if (XLFN.has(upper)) return `_xlfn.${upper}`;
    if (XLUDF.has(upper)) return `_xludf.${upper}`;
    return word;
  });
}

function rewriteWords(
  formula: string,
  rewrite: (word: string, formula: string, after: number) => string,
  literal: (text: string, inArray: boolean) => string = (text) => text,
  numberText: (text: string) => string = (text) => text,
): string {
  if (!formula.startsWith('=')) return formula;
  let braces = 0;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = endOfString(formula, i);
      out += literal(formula.slice(i, end), braces > 0);
      i = end;
      continue;
    }
    if (ch === "'") {
      // A quoted sheet name: copy verbatim up to the closing quote.
      let j = i + 1;
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) j += formula[j] === "'" ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    // A number with its exponent (`2.5E-3`), so the `E-3` is not read as a word. Digits
    // after `$` belong to a cell reference (`$A$1`) and a word keeps its own digits (`E5`).
    const number = formula[i - 1] === '$' ? null : /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(formula.slice(i));
    if (number) {
      out += numberText(number[0]);
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(formula.slice(i));
    if (word) {
      out += rewrite(word[0], formula, i + word[0].length);
      i += word[0].length;
      continue;
    }
    if (ch === '{') braces += 1;
    if (ch === '}') braces -= 1;
    out += ch;
    i += 1;
  }
  return out;
}

function endOfString(text: string, start: number): number {
  let j = start + 1;
  while (j < text.length) {
    if (text[j] === '"') {
      if (text[j + 1] === '"') j += 2;
      else return j + 1;
    } else j += 1;
  }
  return text.length;
}

function rewriteWord(word: string, formula: string, after: number): string {
  const stripped = word.replace(PREFIXES, '');
  const upper = stripped.toUpperCase();
  const next = formula.slice(after).trimStart()[0];
  const isCall = next === '(';
  const isSheetRef = next === '!';
  if (!isCall && !isSheetRef && (upper === 'TRUE' || upper === 'FALSE')) return `${upper}()`;
  // HyperFormula reserves OFFSET for the static form it resolves while parsing; Excel's
  // OFFSET (a range, offsets from cells) is the engine's XLOFFSET (rules/functions/reference.ts).
  if (isCall && upper === 'OFFSET') return ENGINE_OFFSET;
  return stripped;
}

/** Marks a TRUE/FALSE whose `()` fromEngineFormula drops (a private-use character no formula holds). */
const BARE = '\uE001';

/**
 * A formula as the engine serialises it, back in Excel's words: XLOFFSET is OFFSET, TRUE()
 * is TRUE, and a string `escapeQuotes` spelled with CHAR(34) has doubled quotes again.
 */
export function fromEngineFormula(formula: string): string {
  const words = rewriteWords(formula, (word, text, after) => {
    const upper = word.toUpperCase();
    const rest = text.slice(after);
    if (upper === ENGINE_OFFSET && rest.trimStart().startsWith('(')) return 'OFFSET';
    // TRUE() and FALSE() are the engine's spelling of Excel's bare TRUE and FALSE.
    if ((upper === 'TRUE' || upper === 'FALSE') && /^\s*\(\s*\)/.test(rest)) return `${upper}${BARE}`;
    return word;
  }).replace(new RegExp(`${BARE}\\s*\\(\\s*\\)`, 'g'), '');
  return engineToExcel365(rangeEndsFromEngine(words)).replace(
    /\("[^"]*"(?:&CHAR\(34\)&"[^"]*")+\)/g,
    (group) =>
      `"${group
        .slice(1, -1)
        .split('&CHAR(34)&')
        .map((part) => part.slice(1, -1))
        .join('""')}"`,
  );
}

/**
 * An array formula is written `=ARRAYFORMULA(…)` in Tickmark (HyperFormula's and Google
 * Sheets' form); Excel stores the same formula bare, with the range it fills.
 */
export function asArrayFormula(formula: string): string {
  return `=ARRAYFORMULA(${formula.replace(/^=/, '')})`;
}

/**
 * A legacy array formula (Excel's Ctrl+Shift+Enter `{=…}`, also every one-cell array formula):
 * evaluated with array arithmetic and fixed to its range, as Excel keeps it; written
 * `=ARRAY_CONSTRAIN(ARRAYFORMULA(…),rows,columns)`.
 */
export function asFixedArrayFormula(formula: string, rows: number, columns: number): string {
  return `=ARRAY_CONSTRAIN(${asArrayFormula(formula).slice(1)},${rows},${columns})`;
}

/** The formula inside a fixed array formula (with its `=`) and its size, or null. */
export function fixedArrayParts(formula: string): { body: string; rows: number; columns: number } | null {
  const match = /^=\s*ARRAY_CONSTRAIN\s*\((.*),\s*(\d+)\s*,\s*(\d+)\s*\)\s*$/is.exec(formula);
  const body = match ? arrayFormulaBody(`=${match[1].trim()}`) : null;
  return match && body !== null ? { body, rows: Number(match[2]), columns: Number(match[3]) } : null;
}

/** The formula inside `=ARRAYFORMULA(…)` (with its `=`), or null when the formula is not an array formula. */
export function arrayFormulaBody(formula: string): string | null {
  const head = /^=\s*ARRAYFORMULA\s*\(/i.exec(formula);
  if (!head || !formula.trimEnd().endsWith(')')) return null;
  let depth = 1;
  for (let i = head[0].length; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') i = endOfString(formula, i) - 1;
    else if (ch === '(') depth += 1;
    else if (ch === ')' && --depth === 0) return formula.slice(i + 1).trim() === '' ? `=${formula.slice(head[0].length, i)}` : null;
  }
  return null;
}

/**
 * The names LET and LAMBDA calls in a formula bind (upper-cased): LET's arguments before the
 * last at even positions, LAMBDA's every argument before the last.
 */
function letNames(formula: string): Set<string> {
  const names = new Set<string>();
  rewriteWords(formula, (word, text, after) => {
    const open = text.indexOf('(', after);
    const binder = word.toUpperCase();
    if ((binder !== 'LET' && binder !== 'LAMBDA') || open < 0 || text.slice(after, open).trim() !== '') return word;
    const args: string[] = [];
    let depth = 0;
    let start = open + 1;
    for (let i = open + 1; i < text.length; i++) {
      const ch = text[i];
      if (ch === '"') i = endOfString(text, i) - 1;
      else if (ch === '(' || ch === '{') depth += 1;
      else if ((ch === ')' || ch === '}') && depth > 0) depth -= 1;
      else if ((ch === ',' || ch === ')') && depth === 0) {
        args.push(text.slice(start, i).trim());
        start = i + 1;
        if (ch === ')') break;
      }
    }
    args
      .slice(0, -1)
      .forEach((arg, i) => (binder === 'LAMBDA' || i % 2 === 0) && /^[A-Za-z_][A-Za-z0-9_.]*$/.test(arg) && names.add(arg.toUpperCase()));
    return word;
  });
  return names;
}
