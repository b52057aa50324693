/**
 * `ADDRESS(row, column, [abs_num], [a1], [sheet_text])` as Excel documents it. It replaces
 * HyperFormula's, which writes a sheet name that needs quotes bare (`EXCEL SHEET!R2C3` where
 * Excel writes `'EXCEL SHEET'!R2C3`). abs_num: 1 absolute, 2 absolute row, 3 absolute column,
 * 4 relative; a1 FALSE gives R1C1 style, relative parts in brackets (`R2C[3]`).
 * A workbook qualifier `[Book1]` before the sheet name does not call for quotes in A1 style
 * (Excel writes `[Book1]Sheet1!$C2`, as the shared corpus's poi workbook caches) but does in
 * R1C1 style (`'[Book1]Sheet1'!R2C3`, Microsoft's documented example).
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin } from 'hyperformula';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** Column letters of a 1-based column number (28 → AB). */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A sheet name as a formula writes it: quoted (inner quotes doubled) unless it is a plain name. */
export function sheetPrefix(name: string, a1 = true): string {
  const sheet = a1 ? name.replace(/^\[[^\]]*\]/, '') : name;
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) && !/^[Rr]\d*[Cc]\d*$/.test(sheet);
  return `${plain ? name : `'${name.replace(/'/g, "''")}'`}!`;
}

export function address(row: number, column: number, absNum: number, a1: boolean, sheet?: string): string | CellError {
  const r = Math.trunc(row);
  const c = Math.trunc(column);
  const mode = Math.trunc(absNum);
  if (r < 1 || r > MAX_ROW) return new CellError(ErrorType.VALUE, `row ${row} is outside 1 to ${MAX_ROW}`);
  if (c < 1 || c > MAX_COLUMN) return new CellError(ErrorType.VALUE, `column ${column} is outside 1 to ${MAX_COLUMN}`);
  if (mode < 1 || mode > 4) return new CellError(ErrorType.VALUE, 'abs_num must be 1, 2, 3 or 4');
  const absoluteRow = mode === 1 || mode === 2;
  const absoluteColumn = mode === 1 || mode === 3;
  const cell = a1
    ? `${absoluteColumn ? '$' : ''}${columnLetters(c)}${absoluteRow ? '$' : ''}${r}`
    : `R${absoluteRow ? r : `[${r}]`}C${absoluteColumn ? c : `[${c}]`}`;
  return sheet === undefined ? cell : sheet === '' ? `!${cell}` : sheetPrefix(sheet, a1) + cell;
}

export class AddressPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    ADDRESS: {
      method: 'address',
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 1 },
        { argumentType: FunctionArgumentType.BOOLEAN, defaultValue: true },
        { argumentType: FunctionArgumentType.STRING, optionalArg: true },
      ],
    },
  };

  address(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('ADDRESS'), address);
  }
}
