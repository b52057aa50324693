/**
 * Excel 365's financial functions HyperFormula 3.5 lacks: the securities functions (bonds
 * with periodic, odd or no coupons, accrued interest) and the French depreciation ones;
 * and XNPV, replacing HyperFormula's, which rejects date-typed dates (cash-flows.ts).
 * Arguments are coerced as Excel's numeric arguments are and each function spreads over
 * array arguments; the formulas live in the files beside this one.
 */
import {
  CellError,
  FunctionArgumentType,
  FunctionPlugin,
  SimpleRangeValue,
  type FunctionArgument,
  type ImplementedFunctions,
} from 'hyperformula';
import { accrint } from './accrued.js';
import { xnpv } from './cash-flows.js';
import { amordegrc, amorlinc } from './amortization.js';
import { bondYield, couponFigure, duration, price } from './coupons.js';
import { accrintm, disc, intrate, pricedisc, pricemat, received, yielddisc, yieldmat } from './discounted.js';
import { oddfprice, oddfyield, oddlprice, oddlyield } from './odd-coupons.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Implementation = (date1904: boolean, ...args: never[]) => number | CellError;

const N = { argumentType: FunctionArgumentType.NUMBER };
const BASIS = { ...N, defaultValue: 0 };
const PAR = { ...N, defaultValue: 1000 };
const CALC_METHOD = { argumentType: FunctionArgumentType.BOOLEAN, defaultValue: true };

const RANGE = { argumentType: FunctionArgumentType.RANGE };
const COUPON: FunctionArgument[] = [N, N, N, BASIS];

/** Each function: its parameters and its implementation, which takes the workbook's date system first. */
const FUNCTIONS: Record<string, [FunctionArgument[], Implementation]> = {
  ACCRINT: [[N, N, N, N, PAR, N, BASIS, CALC_METHOD], accrint],
  ACCRINTM: [[N, N, N, PAR, BASIS], accrintm],
  AMORDEGRC: [[N, N, N, N, N, N, BASIS], amordegrc],
  AMORLINC: [[N, N, N, N, N, N, BASIS], amorlinc],
  COUPDAYBS: [COUPON, (d: boolean, ...a: number[]) => couponFigure('COUPDAYBS', d, a[0], a[1], a[2], a[3])],
  COUPDAYS: [COUPON, (d: boolean, ...a: number[]) => couponFigure('COUPDAYS', d, a[0], a[1], a[2], a[3])],
  COUPDAYSNC: [COUPON, (d: boolean, ...a: number[]) => couponFigure('COUPDAYSNC', d, a[0], a[1], a[2], a[3])],
  COUPNCD: [COUPON, (d: boolean, ...a: number[]) => couponFigure('COUPNCD', d, a[0], a[1], a[2], a[3])],
  COUPNUM: [COUPON, (d: boolean, ...a: number[]) => couponFigure('COUPNUM', d, a[0], a[1], a[2], a[3])],
  COUPPCD: [COUPON, (d: boolean, ...a: number[]) => couponFigure('COUPPCD', d, a[0], a[1], a[2], a[3])],
  DISC: [[N, N, N, N, BASIS], disc],
  DURATION: [[N, N, N, N, N, BASIS], (d: boolean, ...a: number[]) => duration(false, d, a[0], a[1], a[2], a[3], a[4], a[5])],
  INTRATE: [[N, N, N, N, BASIS], intrate],
  MDURATION: [[N, N, N, N, N, BASIS], (d: boolean, ...a: number[]) => duration(true, d, a[0], a[1], a[2], a[3], a[4], a[5])],
  ODDFPRICE: [[N, N, N, N, N, N, N, N, BASIS], oddfprice],
  ODDFYIELD: [[N, N, N, N, N, N, N, N, BASIS], oddfyield],
  ODDLPRICE: [[N, N, N, N, N, N, N, BASIS], oddlprice],
  ODDLYIELD: [[N, N, N, N, N, N, N, BASIS], oddlyield],
  PRICE: [[N, N, N, N, N, N, BASIS], price],
  PRICEDISC: [[N, N, N, N, BASIS], pricedisc],
  PRICEMAT: [[N, N, N, N, N, BASIS], pricemat],
  RECEIVED: [[N, N, N, N, BASIS], received],
  YIELD: [[N, N, N, N, N, N, BASIS], bondYield],
  YIELDDISC: [[N, N, N, N, BASIS], yielddisc],
  YIELDMAT: [[N, N, N, N, N, BASIS], yieldmat],
  XNPV: [[N, RANGE, RANGE], (_: boolean, rate: number, values: SimpleRangeValue, dates: SimpleRangeValue) => xnpv(rate, values, dates)],
};

export class SecuritiesPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    Object.entries(FUNCTIONS).map(([name, [parameters]]) => [name, { method: 'evaluate', parameters }]),
  );

  evaluate(ast: Ast, state: State) {
    const name = ast.procedureName as string;
    const implementation = FUNCTIONS[name][1] as (...args: unknown[]) => number | CellError;
    const date1904 = this.config.nullDate.year === 1904;
    return this.runFunction(ast.args, state, this.metadata(name), (...args: unknown[]) => implementation(date1904, ...args));
  }
}
