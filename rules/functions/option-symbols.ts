/**
 * The parts of an OCC option symbol (`rules/calendars/occ-symbol.ts`):
 * `OPTROOT(symbol)` the root, `OPTEXPDATE(symbol)` the expiration date, `OPTTYPE(symbol)`
 * "C" or "P", `OPTSTRIKE(symbol)` the strike. Text that is not an OCC symbol is `#VALUE!`
 * naming it. `OPTEXPDATE("AAPL  260918C00150000")` is 2026-09-18, shown as a date.
 */
import { CellError, CellValueDetailedType, ErrorType, FunctionArgumentType, FunctionPlugin } from 'hyperformula';
import { parseOccSymbol, type OccSymbol } from '../calendars/occ-symbol.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const SYMBOL = [{ argumentType: FunctionArgumentType.STRING }];

export class OptionSymbolsPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    OPTROOT: { method: 'optroot', parameters: SYMBOL },
    OPTEXPDATE: { method: 'optexpdate', parameters: SYMBOL, returnNumberType: CellValueDetailedType.NUMBER_DATE },
    OPTTYPE: { method: 'opttype', parameters: SYMBOL },
    OPTSTRIKE: { method: 'optstrike', parameters: SYMBOL },
  };

  optroot(ast: Ast, state: State) {
    return this.part(ast, state, 'OPTROOT', (s) => s.root);
  }

  optexpdate(ast: Ast, state: State) {
    return this.part(ast, state, 'OPTEXPDATE', (s) => s.expiry);
  }

  opttype(ast: Ast, state: State) {
    return this.part(ast, state, 'OPTTYPE', (s) => s.type);
  }

  optstrike(ast: Ast, state: State) {
    return this.part(ast, state, 'OPTSTRIKE', (s) => s.strike);
  }

  private part(ast: Ast, state: State, name: string, pick: (s: OccSymbol) => string | number) {
    return this.runFunction(ast.args, state, this.metadata(name), (text: string) => {
      const symbol = parseOccSymbol(text);
      if (symbol) return pick(symbol);
      return new CellError(ErrorType.VALUE, `"${text}" is not an OCC option symbol (root, YYMMDD, C or P, strike × 1000 in 8 digits)`);
    });
  }
}
