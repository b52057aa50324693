/**
 * Excel's `EUROCONVERT(number, source, target, [full_precision], [triangulation_precision])`
 * (the Euro Currency Tools add-in), as Microsoft's page documents it: the EU's fixed rates of the
 * euro member currencies (units per euro), conversion between two member currencies through the
 * euro (triangulation), and the currency-specific rounding: unless full_precision is TRUE the
 * result is rounded to the target currency's calculation precision (its display precision is only
 * a number format). triangulation_precision (≥ 3) rounds the intermediate euro amount to that many
 * significant digits; it matters only between two member currencies.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin } from 'hyperformula';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Currency {
  /** Units of the currency per euro, fixed by the EU. */
  perEuro: number;
  /** Decimal places the converted amount is rounded to. */
  calculationPrecision: number;
}

/** Microsoft's EUROCONVERT page: ISO code, rate and calculation precision. */
export const EURO_CURRENCIES: Readonly<Record<string, Currency>> = {
  BEF: { perEuro: 40.3399, calculationPrecision: 0 },
  LUF: { perEuro: 40.3399, calculationPrecision: 0 },
  DEM: { perEuro: 1.95583, calculationPrecision: 2 },
  ESP: { perEuro: 166.386, calculationPrecision: 0 },
  FRF: { perEuro: 6.55957, calculationPrecision: 2 },
  IEP: { perEuro: 0.787564, calculationPrecision: 2 },
  ITL: { perEuro: 1936.27, calculationPrecision: 0 },
  NLG: { perEuro: 2.20371, calculationPrecision: 2 },
  ATS: { perEuro: 13.7603, calculationPrecision: 2 },
  PTE: { perEuro: 200.482, calculationPrecision: 0 },
  FIM: { perEuro: 5.94573, calculationPrecision: 2 },
  GRD: { perEuro: 340.75, calculationPrecision: 0 },
  SIT: { perEuro: 239.64, calculationPrecision: 2 },
  EUR: { perEuro: 1, calculationPrecision: 2 },
};

/** Rounds half away from zero, as Excel's ROUND does, through a decimal string to avoid 1.005-style drift. */
function roundTo(value: number, places: number): number {
  const shifted = Number(`${Math.abs(value)}e${places}`);
  return Math.sign(value) * Number(`${Math.round(shifted)}e-${places}`);
}

function significant(value: number, digits: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(digits));
}

export function euroConvert(
  amount: number,
  source: string,
  target: string,
  fullPrecision: boolean,
  triangulation: number | undefined,
): number | CellError {
  const from = EURO_CURRENCIES[source.trim().toUpperCase()];
  const to = EURO_CURRENCIES[target.trim().toUpperCase()];
  if (!from) return new CellError(ErrorType.VALUE, `EUROCONVERT: "${source}" is not a euro member currency code`);
  if (!to) return new CellError(ErrorType.VALUE, `EUROCONVERT: "${target}" is not a euro member currency code`);
  if (triangulation !== undefined && !(triangulation >= 3))
    return new CellError(ErrorType.VALUE, 'EUROCONVERT: triangulation_precision must be 3 or more');
  if (from === to) return amount;
  let euros = amount / from.perEuro;
  // Between two member currencies the euro amount in the middle may be rounded first.
  if (triangulation !== undefined && from.perEuro !== 1 && to.perEuro !== 1) euros = significant(euros, Math.trunc(triangulation));
  const converted = euros * to.perEuro;
  return fullPrecision ? converted : roundTo(converted, to.calculationPrecision);
}

export class EuroConvertPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    EUROCONVERT: {
      method: 'euroconvert',
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.STRING },
        { argumentType: FunctionArgumentType.STRING },
        { argumentType: FunctionArgumentType.BOOLEAN, defaultValue: false },
        { argumentType: FunctionArgumentType.NUMBER, optionalArg: true },
      ],
    },
  };

  euroconvert(ast: Ast, state: State) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('EUROCONVERT'),
      (amount: number, source: string, target: string, full: boolean, triangulation: number | undefined) =>
        euroConvert(amount, source, target, full, triangulation),
    );
  }
}
