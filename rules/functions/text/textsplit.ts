/**
 * `TEXTSPLIT(text, col_delimiter, [row_delimiter], [ignore_empty], [match_mode], [pad_with])`
 * as Excel 365 documents it: the text cut into rows at any row delimiter and each row into
 * columns at any column delimiter (each may be an array of alternatives; the longest one
 * matching at a place wins). ignore_empty TRUE drops empty pieces; match_mode 1 ignores case;
 * short rows are padded with pad_with (default #N/A). Every piece is text.
 *
 * The result spills, and HyperFormula fixes a spill's size while it parses the formula, so the
 * text and delimiters must be known then (literals or cells holding values, ./constant.ts);
 * otherwise the formula is #VALUE! rather than a guessed size that could cut the result.
 */
import { ArraySize, CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { spill } from '../arrays/grid.js';
import { isEmpty, type RawArg } from '../values.js';
import { knownArg, knownText } from './constant.js';
import { valueText } from './value-text.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Delimiters from an argument: one text, or every value of an array; empty ones are dropped. */
function delimitersOf(arg: RawArg): string[] | CellError {
  const values = arg instanceof SimpleRangeValue ? arg.valuesFromTopLeftCorner() : [arg];
  const out: string[] = [];
  for (const v of values) {
    if (v instanceof CellError) return v;
    if (isEmpty(v)) continue;
    const text = valueText(v, false);
    if (text !== '') out.push(text);
  }
  return out;
}

/** Cuts `text` at every delimiter, left to right, the longest delimiter first where several match. */
function cut(text: string, delimiters: string[], ignoreCase: boolean): string[] {
  if (delimiters.length === 0) return [text];
  const fold = (s: string) => (ignoreCase ? s.toLowerCase() : s);
  const hay = fold(text);
  const needles = delimiters.map(fold).sort((a, b) => b.length - a.length);
  const pieces: string[] = [];
  let start = 0;
  for (let i = 0; i < hay.length;) {
    const hit = needles.find((d) => hay.startsWith(d, i));
    if (hit) {
      pieces.push(text.slice(start, i));
      i += hit.length;
      start = i;
    } else i += 1;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** TEXTSPLIT's grid, padding short rows with `pad`. */
export function textSplit(
  text: string,
  colArg: RawArg,
  rowArg: RawArg,
  ignoreEmpty: boolean,
  matchMode: number,
  pad: RawArg,
): RawArg[][] | CellError {
  const cols = delimitersOf(colArg);
  const rows = isEmpty(rowArg) ? [] : delimitersOf(rowArg);
  if (cols instanceof CellError) return cols;
  if (rows instanceof CellError) return rows;
  if (cols.length === 0 && rows.length === 0) return new CellError(ErrorType.VALUE, 'TEXTSPLIT needs a column or a row delimiter');
  if (matchMode !== 0 && matchMode !== 1) return new CellError(ErrorType.VALUE, 'match_mode must be 0 or 1');
  const keep = (pieces: string[]) => (ignoreEmpty ? pieces.filter((p) => p !== '') : pieces);
  let lines = keep(cut(text, rows, matchMode === 1)).map((line) => keep(cut(line, cols, matchMode === 1)));
  lines = lines.filter((line) => line.length > 0);
  if (lines.length === 0) return new CellError(ErrorType.VALUE, 'TEXTSPLIT has nothing left to return');
  const width = Math.max(...lines.map((line) => line.length));
  const filler = isEmpty(pad) ? new CellError(ErrorType.NA, 'TEXTSPLIT padding: this row has fewer pieces') : pad;
  return lines.map((line) => Array.from({ length: width }, (_, c) => (c < line.length ? line[c] : filler)));
}

const ANY = { argumentType: FunctionArgumentType.ANY };
const OPTIONAL = { ...ANY, optionalArg: true };

export class TextSplitPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    TEXTSPLIT: {
      method: 'textsplit',
      parameters: [
        { argumentType: FunctionArgumentType.STRING },
        ANY,
        OPTIONAL,
        { argumentType: FunctionArgumentType.BOOLEAN, defaultValue: false },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 },
        OPTIONAL,
      ],
      sizeOfResultArrayMethod: 'textsplitSize',
      vectorizationForbidden: true,
    },
  };

  textsplit(ast: Ast, state: State) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('TEXTSPLIT'),
      (text: string, cols: RawArg, rows: RawArg, ignoreEmpty: boolean, matchMode: number, pad: RawArg) => {
        const grid = textSplit(text, cols, rows, ignoreEmpty, Math.trunc(matchMode), pad);
        if (grid instanceof CellError) return grid;
        return grid.length === 1 && grid[0].length === 1 ? (grid[0][0] as string) : SimpleRangeValue.onlyValues(grid as never);
      },
    );
  }

  textsplitSize(ast: Ast, state: State) {
    const text = knownText(this, ast.args[0], state);
    const cols = this.knownDelimiters(ast.args[1], state);
    const rows = ast.args[2] === undefined ? null : this.knownDelimiters(ast.args[2], state);
    const ignore = ast.args[3] === undefined ? false : knownArg(this, ast.args[3], state);
    const mode = ast.args[4] === undefined ? 0 : knownArg(this, ast.args[4], state);
    if (text === undefined || cols === undefined || rows === undefined || ignore === undefined || mode === undefined)
      return ArraySize.error();
    const grid = textSplit(text, cols, rows, Boolean(ignore), Math.trunc(Number(mode ?? 0)), null);
    return grid instanceof CellError ? spill(1, 1) : spill(grid[0].length, grid.length);
  }

  /** A delimiter argument known before evaluation: a constant, or an array constant such as {",",";"}. */
  private knownDelimiters(arg: Ast, state: State): RawArg | undefined {
    if (arg === undefined || arg.type === 'EMPTY') return null;
    if (arg.type === 'ARRAY') {
      const values: RawArg[][] = [];
      for (const row of arg.args as Ast[][]) {
        const line: RawArg[] = [];
        for (const cell of row) {
          const value = knownArg(this, cell, state);
          if (value === undefined) return undefined;
          line.push(value);
        }
        values.push(line);
      }
      return SimpleRangeValue.onlyValues(values as never);
    }
    return knownArg(this, arg, state);
  }
}
