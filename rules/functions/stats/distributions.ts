/**
 * Excel distribution functions whose HyperFormula versions differ from Excel's documented
 * results, computed from ./special.ts instead:
 *
 * * `BETA.DIST(x, alpha, beta, cumulative, [A], [B])`: HyperFormula's density ignores the
 *   width of [A, B] (BETA.DIST(2,8,10,FALSE,1,3) is 1.4837646, not twice that).
 * * `CHISQ.INV(p, df)`, `CHISQ.INV.RT(p, df)`, `T.INV(p, df)`, `T.INV.2T(p, df)` and
 *   `CONFIDENCE.T(alpha, sd, n)`: HyperFormula's inverses stop some digits short of the ones
 *   Microsoft documents (CHISQ.INV(0.93,1) is 3.283020287; CONFIDENCE.T(0.05,1,50) 0.284196855).
 *
 * Argument checks follow Excel's pages: #NUM! outside each function's domain.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin } from 'hyperformula';
import { incompleteBeta, invert, lnBeta, lowerGamma, tTwoTails, upperGamma } from './special.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const NUMBER = { argumentType: FunctionArgumentType.NUMBER };
const num = (why: string) => new CellError(ErrorType.NUM, why);

/** The t value whose two tails hold probability p. */
function tTwoTailInverse(p: number, df: number): number {
  return invert((t) => -tTwoTails(t, df), -p, 0, 1);
}

export class DistributionsPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    'BETA.DIST': {
      method: 'betaDist',
      parameters: [
        NUMBER,
        NUMBER,
        NUMBER,
        { argumentType: FunctionArgumentType.BOOLEAN },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 1 },
      ],
    },
    'CHISQ.INV': { method: 'chisqInv', parameters: [NUMBER, NUMBER] },
    'CHISQ.INV.RT': { method: 'chisqInvRt', parameters: [NUMBER, NUMBER] },
    'T.INV': { method: 'tInv', parameters: [NUMBER, NUMBER] },
    'T.INV.2T': { method: 'tInv2T', parameters: [NUMBER, NUMBER] },
    'CONFIDENCE.T': { method: 'confidenceT', parameters: [NUMBER, NUMBER, NUMBER] },
  };

  betaDist(ast: Ast, state: State) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('BETA.DIST'),
      (x: number, alpha: number, beta: number, cumulative: boolean, a: number, b: number) => {
        if (alpha <= 0 || beta <= 0) return num('BETA.DIST needs alpha and beta above 0');
        if (x < a || x > b || a === b) return num('BETA.DIST needs A <= x <= B and A < B');
        const z = (x - a) / (b - a);
        if (cumulative) return incompleteBeta(z, alpha, beta);
        const density = Math.exp((alpha - 1) * Math.log(z) + (beta - 1) * Math.log(1 - z) - lnBeta(alpha, beta));
        return density / (b - a);
      },
    );
  }

  chisqInv(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('CHISQ.INV'), (p: number, dfArg: number) => {
      const df = Math.trunc(dfArg);
      if (p < 0 || p > 1 || df < 1 || df > 1e10) return num('CHISQ.INV needs 0 <= p <= 1 and 1 <= df <= 10^10');
      if (p === 0) return 0;
      if (p === 1) return num('CHISQ.INV of 1 is infinite');
      return invert((x) => lowerGamma(df / 2, x / 2), p, 0, df + 10);
    });
  }

  chisqInvRt(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('CHISQ.INV.RT'), (p: number, dfArg: number) => {
      const df = Math.trunc(dfArg);
      if (p <= 0 || p > 1 || df < 1 || df > 1e10) return num('CHISQ.INV.RT needs 0 < p <= 1 and 1 <= df <= 10^10');
      if (p === 1) return 0;
      return invert((x) => -upperGamma(df / 2, x / 2), -p, 0, df + 10);
    });
  }

  tInv(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('T.INV'), (p: number, dfArg: number) => {
      const df = Math.trunc(dfArg);
      if (p <= 0 || p >= 1 || df < 1) return num('T.INV needs 0 < p < 1 and df >= 1');
      if (p === 0.5) return 0;
      const t = tTwoTailInverse(2 * Math.min(p, 1 - p), df);
      return p < 0.5 ? -t : t;
    });
  }

  tInv2T(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('T.INV.2T'), (p: number, dfArg: number) => {
      const df = Math.trunc(dfArg);
      if (p <= 0 || p > 1 || df < 1) return num('T.INV.2T needs 0 < p <= 1 and df >= 1');
      return p === 1 ? 0 : tTwoTailInverse(p, df);
    });
  }

  confidenceT(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('CONFIDENCE.T'), (alpha: number, sd: number, sizeArg: number) => {
      const n = Math.trunc(sizeArg);
      if (alpha <= 0 || alpha >= 1 || sd <= 0) return num('CONFIDENCE.T needs 0 < alpha < 1 and standard_dev > 0');
      if (n < 1) return num('CONFIDENCE.T needs a size of at least 1');
      if (n === 1) return new CellError(ErrorType.DIV_BY_ZERO, 'CONFIDENCE.T needs a size of at least 2');
      return (tTwoTailInverse(alpha, n - 1) * sd) / Math.sqrt(n);
    });
  }
}
