/**
 * Excel's number-base conversions (BIN2DEC, DEC2HEX, HEX2OCT, … all twelve), replacing
 * HyperFormula's where they differ from Excel: an empty input is 0, lowercase digits are
 * read, `places` is checked (1 to 10) before the number, and negative numbers are written
 * as Excel's 10-digit two's complement.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { isEmpty, numberOf, type RawArg } from './values.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const BASES = { BIN: 2, OCT: 8, DEC: 10, HEX: 16 } as const;
type Base = keyof typeof BASES;
/** Ten digits in base b hold the two's complement of numbers in [-b^10/2, b^10/2). */
const SPAN = (b: number) => b ** 10;

const ANY = { argumentType: FunctionArgumentType.ANY };
const OPTIONAL = { argumentType: FunctionArgumentType.ANY, optionalArg: true };

function conversions() {
  const functions: Record<string, { method: string; parameters: { argumentType: FunctionArgumentType; optionalArg?: boolean }[] }> = {};
  for (const from of Object.keys(BASES) as Base[])
    for (const to of Object.keys(BASES) as Base[])
      if (from !== to) functions[`${from}2${to}`] = { method: 'convert', parameters: to === 'DEC' ? [ANY] : [ANY, OPTIONAL] };
  return functions;
}

export class BasesPlugin extends FunctionPlugin {
  static override implementedFunctions = conversions();

  convert(ast: Ast, state: State) {
    const [from, to] = (ast.procedureName as string).split('2') as [Base, Base];
    const max = to === 'DEC' ? 1 : 2;
    if (ast.args.length < 1 || ast.args.length > max)
      return new CellError(ErrorType.NA, `${ast.procedureName} takes ${max === 1 ? 'one argument' : 'a number and optional places'}`);
    const [input, placesArg] = [0, 1].map((i) => {
      const arg = ast.args[i];
      if (arg === undefined || arg.type === 'EMPTY') return null;
      const value = this.evaluateAst(arg, state);
      return value instanceof SimpleRangeValue ? new CellError(ErrorType.VALUE, `${ast.procedureName} takes single values`) : value;
    });
    if (input instanceof CellError) return input;
    if (placesArg instanceof CellError) return placesArg;
    const places = placesOf(placesArg);
    if (places instanceof CellError) return places;
    const value = from === 'DEC' ? decimalOf(input) : parseDigits(input, BASES[from]);
    if (value instanceof CellError) return value;
    return to === 'DEC' ? value : writeDigits(value, BASES[to], places);
  }
}

function placesOf(v: RawArg): number | null | CellError {
  if (isEmpty(v)) return null;
  const n = numberOf(v) ?? (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
  if (n === null) return new CellError(ErrorType.VALUE, 'places must be a number');
  const places = Math.trunc(n);
  if (places < 1 || places > 10) return new CellError(ErrorType.NUM, 'places must be between 1 and 10');
  return places;
}

function decimalOf(v: RawArg): number | CellError {
  if (isEmpty(v)) return 0;
  const n = numberOf(v) ?? (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
  if (n === null) return new CellError(ErrorType.VALUE, 'the number must be a number');
  return Math.trunc(n);
}

/** Digits in `base` (up to ten, the tenth a sign bit) as a number. */
export function parseDigits(v: RawArg, base: number): number | CellError {
  if (isEmpty(v)) return 0;
  if (typeof v === 'boolean') return new CellError(ErrorType.VALUE, 'the number must be digits, not TRUE or FALSE');
  const n = numberOf(v);
  const text = (n !== null ? String(n) : String(v)).trim().toUpperCase();
  if (text === '') return 0;
  const digits = '0123456789ABCDEF'.slice(0, base);
  if (text.length > 10 || [...text].some((c) => !digits.includes(c)))
    return new CellError(ErrorType.NUM, `"${text}" is not a number in base ${base}`);
  const value = parseInt(text, base);
  return text.length === 10 && value >= SPAN(base) / 2 ? value - SPAN(base) : value;
}

/** A number written in `base`, negatives as ten-digit two's complement, padded to `places`. */
export function writeDigits(value: number, base: number, places: number | null): string | CellError {
  const half = SPAN(base) / 2;
  if (value < -half || value >= half) return new CellError(ErrorType.NUM, `${value} is out of range for base ${base}`);
  if (value < 0) return (SPAN(base) + value).toString(base).toUpperCase();
  const text = value.toString(base).toUpperCase();
  if (places === null) return text;
  if (text.length > places) return new CellError(ErrorType.NUM, `${text} needs more than ${places} places`);
  return text.padStart(places, '0');
}
