/**
 * Excel 365's conversions between values and text:
 *
 * * `VALUETOTEXT(value, [format])`: format 0 (concise) the value as text, as `&` would join
 *   it; 1 (strict) text in double quotes (inner quotes doubled), as a formula would spell it.
 *   Errors become their text (`#N/A`), booleans TRUE/FALSE, an empty cell "".
 * * `ARRAYTOTEXT(array, [format])`: concise, every value joined with ", " row by row; strict,
 *   an array constant `{1,"a";TRUE,#N/A}` with the strict form of each value.
 * * `NUMBERVALUE(text, [decimal_separator], [group_separator])`: a number from text in any
 *   locale's notation (defaults "." and ","): spaces anywhere are ignored, a group separator
 *   is allowed only before the decimal separator, trailing `%` signs divide by 100 each;
 *   "" is 0; anything else is #VALUE!.
 * * `FIXED(number, [decimals], [no_commas])`: rounded half away from zero to `decimals`
 *   (default 2, negative rounds left of the point, at most 127) with thousands separators
 *   unless no_commas is TRUE.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { isEmpty, numberOf, type RawArg } from '../values.js';
import { errorText } from './error-text.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A number as Excel writes it into text: at most 15 significant digits, no trailing zeros. */
export function numberText(n: number): string {
  const text = String(Number(n.toPrecision(15)));
  // JavaScript writes 1e21 as "1e+21"; Excel as "1E+21".
  return text.replace('e', 'E');
}

/** One value as text: concise (as `&` joins it) or strict (text quoted). */
export function valueText(value: RawArg, strict: boolean): string {
  if (value instanceof CellError) return errorText(value);
  if (isEmpty(value)) return '';
  const n = numberOf(value);
  if (n !== null) return numberText(n);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = String(value);
  return strict ? `"${text.replace(/"/g, '""')}"` : text;
}

export function arrayText(values: RawArg[][], strict: boolean): string {
  if (!strict)
    return values
      .flat()
      .map((v) => valueText(v, false))
      .join(', ');
  return `{${values.map((row) => row.map((v) => valueText(v, true)).join(',')).join(';')}}`;
}

export function numberValue(text: string, decimalArg?: string, groupArg?: string): number | CellError {
  const decimal = decimalArg === undefined ? '.' : decimalArg[0];
  const group = groupArg === undefined ? ',' : groupArg[0];
  if (decimal === undefined || group === undefined) return new CellError(ErrorType.VALUE, 'a separator argument is empty');
  if (decimal === group) return new CellError(ErrorType.VALUE, 'the decimal and group separators must differ');
  const bad = () => new CellError(ErrorType.VALUE, `"${text}" is not a number with decimal separator "${decimal}"`);
  let body = text.replace(/\s/g, '');
  if (body === '') return 0;
  let percents = 0;
  while (body.endsWith('%')) {
    percents += 1;
    body = body.slice(0, -1);
  }
  const parts = body.split(decimal);
  if (parts.length > 2) return bad();
  if (parts.length === 2 && parts[1].includes(group)) return bad();
  const plain = parts[0].split(group).join('') + (parts.length === 2 ? `.${parts[1]}` : '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(plain)) return bad();
  return Number(plain) / 100 ** percents;
}

/** Rounds half away from zero at `decimals`, through decimal text so 1.005 rounds to 1.01 as in Excel. */
export function roundHalfAway(n: number, decimals: number): number {
  const shifted = Number(`${Math.abs(Number(n.toPrecision(15)))}e${decimals}`);
  return Math.sign(n) * Number(`${Math.round(shifted)}e${-decimals}`);
}

export function fixed(n: number, decimalsArg: number, noCommas: boolean): string | CellError {
  const decimals = Math.trunc(decimalsArg);
  if (decimals > 127) return new CellError(ErrorType.VALUE, 'FIXED allows at most 127 decimals');
  const rounded = roundHalfAway(n, decimals);
  const shown = Math.min(Math.max(decimals, 0), 100);
  const text = rounded.toLocaleString('en-US', { minimumFractionDigits: shown, maximumFractionDigits: shown, useGrouping: !noCommas });
  // Rounded to nothing, a negative number shows no sign in Excel either way; toLocaleString writes "-0".
  return text.replace(/^-(?=[0.,]+$)/, '');
}

const SCALAR = { argumentType: FunctionArgumentType.SCALAR };
const STRING = { argumentType: FunctionArgumentType.STRING };
const formatArg = { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 };

/** The format argument of VALUETOTEXT / ARRAYTOTEXT: 0 concise, 1 strict. */
function strictness(format: number): boolean | CellError {
  const f = Math.trunc(format);
  return f === 0 || f === 1 ? f === 1 : new CellError(ErrorType.VALUE, 'format must be 0 (concise) or 1 (strict)');
}

export class ValueTextPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    VALUETOTEXT: { method: 'valuetotext', parameters: [SCALAR, formatArg] },
    ARRAYTOTEXT: {
      method: 'arraytotext',
      parameters: [{ argumentType: FunctionArgumentType.RANGE }, formatArg],
      vectorizationForbidden: true,
    },
    NUMBERVALUE: {
      method: 'numbervalue',
      parameters: [STRING, { ...STRING, optionalArg: true }, { ...STRING, optionalArg: true }],
    },
    FIXED: {
      method: 'fixed',
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 2 },
        { argumentType: FunctionArgumentType.BOOLEAN, defaultValue: false },
      ],
    },
  };

  valuetotext(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('VALUETOTEXT'), (value: RawArg, format: number) => {
      const strict = strictness(format);
      return strict instanceof CellError ? strict : valueText(value, strict);
    });
  }

  arraytotext(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('ARRAYTOTEXT'), (array: SimpleRangeValue, format: number) => {
      const strict = strictness(format);
      return strict instanceof CellError ? strict : arrayText(array.data as RawArg[][], strict);
    });
  }

  numbervalue(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('NUMBERVALUE'), numberValue);
  }

  fixed(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('FIXED'), fixed);
  }
}
