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
    return this.part(ast, state, 'OPTROOT', OCC_PARTS.OPTROOT);
  }

  optexpdate(ast: Ast, state: State) {
    return this.part(ast, state, 'OPTEXPDATE', OCC_PARTS.OPTEXPDATE);
  }

  opttype(ast: Ast, state: State) {
    return this.part(ast, state, 'OPTTYPE', OCC_PARTS.OPTTYPE);
  }

  optstrike(ast: Ast, state: State) {
    return this.part(ast, state, 'OPTSTRIKE', OCC_PARTS.OPTSTRIKE);
  }

  private part(ast: Ast, state: State, name: string, pick: (s: OccSymbol) => string | number) {
    return this.runFunction(ast.args, state, this.metadata(name), (text: string) => occPart(text, pick));
  }
}

/** The body on the coerced symbol text (also called by the compiled evaluator, rules/compiled/functions-text.ts). */
export function occPart(text: string, pick: (s: OccSymbol) => string | number): string | number | CellError {
  const symbol = parseOccSymbol(text);
  if (symbol) return pick(symbol);
  return new CellError(ErrorType.VALUE, `"${text}" is not an OCC option symbol (root, YYMMDD, C or P, strike × 1000 in 8 digits)`);
}

/** What each function picks from a parsed symbol. */
export const OCC_PARTS: Record<string, (s: OccSymbol) => string | number> = {
  OPTROOT: (s) => s.root,
  OPTEXPDATE: (s) => s.expiry,
  OPTTYPE: (s) => s.type,
  OPTSTRIKE: (s) => s.strike,
};
