/**
 * Excel's `TYPE` and `INFO`, which HyperFormula lacks.
 *
 * * `TYPE(value)`: 1 number (an empty cell too), 2 text, 4 logical, 16 error, 64 array (a
 *   range of more than one cell or an array constant). The error is the answer, not passed on.
 * * `INFO(type_text)`: what a rules engine can truthfully say — "numfile" the workbook's
 *   sheets, "recalc" Automatic, "system" pcdos, "release" the Excel version whose function
 *   library Tickmark follows (16.0), "origin" $A:$A$1. "directory" and "osversion" describe a
 *   desktop session Tickmark does not have: #N/A saying so, never an invented path.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { isEmpty, numberOf } from '../values.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What INFO answers for each type_text it can answer. */
const INFO_ANSWERS: Record<string, string> = { recalc: 'Automatic', system: 'pcdos', release: '16.0', origin: '$A:$A$1' };
const NO_SESSION = new Set(['directory', 'osversion', 'memavail', 'memused', 'totmem']);

export class TypeInfoPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    TYPE: { method: 'type', parameters: [{ argumentType: FunctionArgumentType.ANY }] },
    INFO: { method: 'info', parameters: [{ argumentType: FunctionArgumentType.STRING }] },
  };

  type(ast: Ast, state: State) {
    if (ast.args.length !== 1) return new CellError(ErrorType.NA, 'TYPE takes one value');
    if (ast.args[0].type === 'EMPTY') return 1;
    const value = this.evaluateAst(ast.args[0], state);
    if (value instanceof SimpleRangeValue) return value.width() * value.height() > 1 ? 64 : typeCode(value.data[0][0]);
    return typeCode(value);
  }

  info(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('INFO'), (typeText: string) => {
      const key = typeText.trim().toLowerCase();
      if (key === 'numfile') return this.dependencyGraph.sheetMapping.numberOfSheets();
      if (key in INFO_ANSWERS) return INFO_ANSWERS[key];
      if (NO_SESSION.has(key))
        return new CellError(ErrorType.NA, `INFO("${typeText}") describes a desktop Excel session, which Tickmark does not have`);
      return new CellError(ErrorType.VALUE, `INFO does not know "${typeText}"; use numfile, recalc, system, release or origin`);
    });
  }
}

function typeCode(value: unknown): number {
  if (value instanceof CellError) return 16;
  if (typeof value === 'string') return 2;
  if (typeof value === 'boolean') return 4;
  if (isEmpty(value) || numberOf(value) !== null) return 1;
  return 64;
}
