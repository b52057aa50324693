/**
 * `LET(name1, value1, [name2, value2, …], calculation)`. HyperFormula parses each name as a
 * reference to a defined name; LET binds it instead: every use of the name in the later
 * values and in the calculation is replaced by its value before evaluation. A value that is
 * a number, text or an error is computed once; any other (a range, a reference) is put in
 * place as written, which gives the same result. An inner LET that binds the same name
 * shadows the outer one, as in Excel.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin } from 'hyperformula';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const ANY = { argumentType: FunctionArgumentType.ANY };
/** The internal function that hands a LET-bound value to the calculation. */
export const BOUND = 'LET.BOUND';

export class LetPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    [BOUND]: { method: 'bound', parameters: [] },
    LET: {
      method: 'let',
      parameters: [ANY, ANY, ANY],
      repeatLastArgs: 2,
      // LET evaluates its own arguments, but is not marked doesNotNeedArgumentsToBeComputed:
      // HyperFormula would then drop the cells they read from the dependency graph, and a
      // LET over formula cells would be evaluated before them.
      sizeOfResultArrayMethod: 'letSize',
    },
  };

  let(ast: Ast, state: State) {
    const calculation = this.bind(ast, (value: Ast) =>
      // A LAMBDA is bound as written: `LET(f, LAMBDA(x, x+1), f(2))` calls it.
      isLambda(value) ? value : valueAst(this.evaluateAst(value, state)),
    );
    if (calculation instanceof CellError) return calculation;
    try {
      return this.evaluateAst(calculation, state);
    } catch (error) {
      return new CellError(ErrorType.VALUE, `LET could not evaluate its calculation: ${(error as Error).message}`);
    }
  }

  /** The value a LET name is bound to (internal: only LET builds calls to it). */
  bound(ast: Ast) {
    return ast.bound ?? new CellError(ErrorType.NA, 'nothing is bound here');
  }

  letSize(ast: Ast, state: State) {
    const calculation = this.bind(ast, (value: Ast) => value);
    return calculation instanceof CellError ? this.arraySizeForAst(ast.args[0], state) : this.arraySizeForAst(calculation, state);
  }

  /** The calculation with every bound name replaced; `settle` turns a value's expression into what stands in for it. */
  private bind(ast: Ast, settle: (value: Ast) => Ast): Ast | CellError {
    const args = ast.args;
    if (args.length < 3 || args.length % 2 === 0)
      return new CellError(ErrorType.NA, 'LET takes pairs of a name and a value, then a calculation');
    const bindings = new Map<string, Ast>();
    for (let i = 0; i + 1 < args.length; i += 2) {
      if (args[i].type !== 'NAMED_EXPRESSION') return new CellError(ErrorType.VALUE, `LET's argument ${i + 1} must be a name`);
      bindings.set(args[i].expressionName.toUpperCase(), settle(substitute(args[i + 1], bindings)));
    }
    return substitute(args[args.length - 1], bindings);
  }
}

/** An AST node that stands for a computed value: a literal, or a node that returns the range or array. */
export function valueAst(computed: unknown): Ast {
  if (typeof computed === 'number') return { type: 'NUMBER', value: computed };
  if (typeof computed === 'string') return { type: 'STRING', value: computed };
  if (computed instanceof CellError) return { type: 'ERROR', error: computed };
  if (typeof computed === 'boolean') return { type: 'FUNCTION_CALL', procedureName: computed ? 'TRUE' : 'FALSE', args: [] };
  // A range or anything else is held by a node that returns it (no graph lookups on re-evaluation).
  return { type: 'FUNCTION_CALL', procedureName: BOUND, args: [], bound: computed };
}

/** Whether an AST is a `LAMBDA(…)` written out. */
export function isLambda(node: Ast): boolean {
  return node?.type === 'FUNCTION_CALL' && node.procedureName === 'LAMBDA';
}

/** A copy of an AST with bound names replaced (AST nodes are plain objects; references are shared). */
export function substitute(node: Ast, bindings: Map<string, Ast>): Ast {
  if (Array.isArray(node)) return node.map((n) => substitute(n, bindings));
  if (node === null || typeof node !== 'object' || Object.getPrototypeOf(node) !== Object.prototype) return node;
  if (node.type === 'NAMED_EXPRESSION') return bindings.get(String(node.expressionName).toUpperCase()) ?? node;
  if (node.type === 'FUNCTION_CALL' && node.procedureName === 'LET') return substituteInnerLet(node, bindings);
  if (isLambda(node)) return substituteInnerLambda(node, bindings);
  const copy: Ast = {};
  for (const [key, value] of Object.entries(node)) copy[key] = substitute(value, bindings);
  return copy;
}

/** An inner LET: outer names apply until the inner one binds the same name. */
function substituteInnerLet(node: Ast, bindings: Map<string, Ast>): Ast {
  const visible = new Map(bindings);
  const args = node.args.map((arg: Ast, i: number) => {
    const isName = i % 2 === 0 && i < node.args.length - 1;
    if (isName) {
      if (arg.type === 'NAMED_EXPRESSION') visible.delete(String(arg.expressionName).toUpperCase());
      return arg;
    }
    return substitute(arg, visible);
  });
  return { ...node, args };
}

/** An inner LAMBDA: its parameters hide outer names of the same spelling inside its calculation. */
function substituteInnerLambda(node: Ast, bindings: Map<string, Ast>): Ast {
  const visible = new Map(bindings);
  const params = node.args.slice(0, -1);
  for (const param of params) if (param.type === 'NAMED_EXPRESSION') visible.delete(String(param.expressionName).toUpperCase());
  return { ...node, args: [...params, substitute(node.args[node.args.length - 1], visible)] };
}
