/**
 * Excel's `ENCODEURL(text)`: the text URL-encoded as UTF-8, every character but the
 * unreserved ones of RFC 3986 (A-Z a-z 0-9 - _ . ~) as %XX — so, unlike JavaScript's
 * encodeURIComponent, also ! ' ( ) *, as Excel does.
 */
import { FunctionArgumentType, FunctionPlugin } from 'hyperformula';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export class EncodeUrlPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    ENCODEURL: { method: 'encodeurl', parameters: [{ argumentType: FunctionArgumentType.STRING }] },
  };

  encodeurl(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('ENCODEURL'), (text: string) => encodeUrl(text));
  }
}

export function encodeUrl(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}
