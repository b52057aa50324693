/**
 * Excel 365's engineering functions HyperFormula 3.5 lacks: `CONVERT`, `ERF.PRECISE`,
 * `ERFC.PRECISE` and `GESTEP(number, [step])` (1 when number ≥ step, else 0; step
 * defaults to 0). Numbers are coerced as Excel's numeric arguments are (numeric text
 * reads, other text is #VALUE!), and each function spreads over array arguments.
 */
import { FunctionArgumentType, FunctionPlugin } from 'hyperformula';
import { convertUnits } from './convert.js';
import { erf, erfc } from './error-function.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const NUMBER = { argumentType: FunctionArgumentType.NUMBER };
const STRING = { argumentType: FunctionArgumentType.STRING };

export class EngineeringPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    CONVERT: { method: 'convert', parameters: [NUMBER, STRING, STRING] },
    'ERF.PRECISE': { method: 'erfPrecise', parameters: [NUMBER] },
    'ERFC.PRECISE': { method: 'erfcPrecise', parameters: [NUMBER] },
    GESTEP: { method: 'gestep', parameters: [NUMBER, { ...NUMBER, defaultValue: 0 }] },
  };

  convert(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('CONVERT'), convertUnits);
  }

  erfPrecise(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('ERF.PRECISE'), erf);
  }

  erfcPrecise(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('ERFC.PRECISE'), erfc);
  }

  gestep(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('GESTEP'), (n: number, step: number) => (n >= step ? 1 : 0));
  }
}
