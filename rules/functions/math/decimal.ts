/**
 * `DECIMAL(text, radix)`, replacing HyperFormula's, which refuses lowercase digits: Excel
 * reads "zap" in base 36 as 45745. Radix 2 to 36 (truncated); text up to 255 characters; a
 * digit that is not one of the base's is #NUM!.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin } from 'hyperformula';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export class DecimalPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    DECIMAL: {
      method: 'decimal',
      parameters: [{ argumentType: FunctionArgumentType.STRING }, { argumentType: FunctionArgumentType.NUMBER }],
    },
  };

  decimal(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('DECIMAL'), (text: string, radixArg: number) => {
      const radix = Math.trunc(radixArg);
      if (radix < 2 || radix > 36) return new CellError(ErrorType.NUM, 'DECIMAL needs a radix from 2 to 36');
      if (text.length > 255) return new CellError(ErrorType.VALUE, 'DECIMAL reads at most 255 characters');
      let value = 0;
      for (const char of text.toUpperCase()) {
        const digit = parseInt(char, 36);
        if (Number.isNaN(digit) || digit >= radix) return new CellError(ErrorType.NUM, `"${char}" is not a digit in base ${radix}`);
        value = value * radix + digit;
      }
      return value;
    });
  }
}
