/**
 * Excel's text functions where HyperFormula's differ:
 *
 * * `CONCATENATE`: a range argument is read by implicit intersection (Excel before dynamic
 *   arrays), not joined whole; a range that does not cross the formula is #VALUE!.
 * * `SUBSTITUTE`: the instance number is truncated; replacing "" changes nothing.
 * * `REPLACE`: start and length are truncated.
 * * `VALUE`: reads currency and thousands separators ("$1,000"); an empty cell is 0.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin } from 'hyperformula';
import { isEmpty, numberOf, type RawArg } from './values.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const STRING = { argumentType: FunctionArgumentType.STRING };
const NUMBER = { argumentType: FunctionArgumentType.NUMBER };

export class TextExcelPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    CONCATENATE: { method: 'concatenate', parameters: [STRING], repeatLastArgs: 1 },
    SUBSTITUTE: {
      method: 'substitute',
      parameters: [STRING, STRING, STRING, { argumentType: FunctionArgumentType.NUMBER, optionalArg: true }],
    },
    REPLACE: { method: 'replace', parameters: [STRING, NUMBER, NUMBER, STRING] },
    VALUE: { method: 'value', parameters: [{ argumentType: FunctionArgumentType.SCALAR }] },
  };

  concatenate(ast: Ast, state: State) {
    // STRING arguments are read by HyperFormula's own implicit intersection.
    return this.runFunction(ast.args, state, this.metadata('CONCATENATE'), concatenate);
  }

  substitute(ast: Ast, state: State) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('SUBSTITUTE'),
      (text: string, old: string, replacement: string, instance?: number) => {
        if (old === '') return text;
        if (instance === undefined) return text.split(old).join(replacement);
        const nth = Math.trunc(instance);
        if (nth < 1) return new CellError(ErrorType.VALUE, 'the instance must be 1 or more');
        let at = -1;
        for (let i = 0; i < nth; i++) {
          at = text.indexOf(old, at + 1);
          if (at < 0) return text;
        }
        return text.slice(0, at) + replacement + text.slice(at + old.length);
      },
    );
  }

  replace(ast: Ast, state: State) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('REPLACE'),
      (text: string, start: number, count: number, replacement: string) => {
        const [from, length] = [Math.trunc(start), Math.trunc(count)];
        if (from < 1 || length < 0) return new CellError(ErrorType.VALUE, 'REPLACE needs a start of 1 or more and a length of 0 or more');
        return text.slice(0, from - 1) + replacement + text.slice(from - 1 + length);
      },
    );
  }

  value(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('VALUE'), (v: RawArg) =>
      excelValue(v, (text) => this.arithmeticHelper.coerceScalarToNumberOrError(text)),
    );
  }
}

/** CONCATENATE's body on its coerced text arguments (also called by rules/compiled/functions-text.ts). */
export function concatenate(...parts: string[]): string {
  return parts.join('');
}

/**
 * VALUE's body (also called by rules/compiled/functions-text.ts); `coerce` is HyperFormula's
 * ArithmeticHelper.coerceScalarToNumberOrError, which reads numbers, percentages, dates and times.
 */
export function excelValue<T>(v: RawArg, coerce: (text: string) => T): T | number | CellError {
  if (v instanceof CellError) return v;
  if (isEmpty(v)) return 0;
  const n = numberOf(v);
  if (n !== null) return n;
  if (typeof v !== 'string') return new CellError(ErrorType.VALUE, 'VALUE takes text');
  // Thousands separators and a currency sign, as Excel (US) reads them.
  const plain = /^\s*[-+]?\s*\$?\s*\d{1,3}(,\d{3})+(\.\d*)?\s*$/.test(v) || /^\s*[-+]?\s*\$/.test(v) ? v.replace(/[$,]/g, '') : v;
  const coerced = coerce(plain);
  return coerced instanceof CellError ? new CellError(ErrorType.VALUE, `"${v}" is not a number`) : coerced;
}
