/**
 * `CEILING.MATH(number, [significance], [mode])` and `FLOOR.MATH(number, [significance], [mode])`,
 * replacing HyperFormula's, which turns `mode` the wrong way round for negative numbers:
 * in Excel a non-zero mode rounds a negative number away from zero in CEILING.MATH
 * (CEILING.MATH(-5.5,2,-1) is -6) and toward zero in FLOOR.MATH (FLOOR.MATH(-5.5,2,-1) is -4).
 * The significance's sign is ignored; a significance of 0 gives 0.
 */
import { FunctionArgumentType, FunctionPlugin } from 'hyperformula';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const PARAMETERS = [
  { argumentType: FunctionArgumentType.NUMBER },
  { argumentType: FunctionArgumentType.NUMBER, defaultValue: 1 },
  { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 },
];

/** A number to Excel's 15 significant digits, so 24.3/5 counts as the 4.86 it shows. */
const fifteen = (x: number) => Number(x.toPrecision(15));

/** Rounds x to a multiple of |significance|, up (toward +infinity) or down. */
function toMultiple(x: number, significance: number, up: boolean): number {
  const step = Math.abs(significance);
  if (step === 0 || x === 0) return 0;
  const units = fifteen(x / step);
  return fifteen((up ? Math.ceil(units) : Math.floor(units)) * step) || 0;
}

export class RoundingMathPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    'CEILING.MATH': { method: 'ceilingMath', parameters: PARAMETERS },
    'FLOOR.MATH': { method: 'floorMath', parameters: PARAMETERS },
  };

  ceilingMath(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('CEILING.MATH'), (x: number, significance: number, mode: number) =>
      toMultiple(x, significance, !(x < 0 && mode !== 0)),
    );
  }

  floorMath(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('FLOOR.MATH'), (x: number, significance: number, mode: number) =>
      toMultiple(x, significance, x < 0 && mode !== 0),
    );
  }
}
