/**
 * Excel's pre-2010 statistical names whose arguments differ from the functions that replaced
 * them. HyperFormula registers them as plain aliases of the new ones, so each call took the
 * wrong arguments: HYPGEOMDIST, LOGNORMDIST, NEGBINOMDIST and NORMSDIST have no `cumulative`
 * argument (#N/A for too few), and BETADIST puts its bounds A and B where BETA.DIST expects
 * `cumulative`. Each is evaluated as the new function with the arguments the old one implies
 * (Excel's Compatibility pages: the density for HYPGEOMDIST and NEGBINOMDIST, the cumulative
 * distribution for LOGNORMDIST, NORMSDIST and BETADIST).
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin } from 'hyperformula';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const ANY = { argumentType: FunctionArgumentType.ANY };
const args = (count: number, optional = 0) =>
  Array.from({ length: count }, (_, i) => (i < count - optional ? ANY : { ...ANY, optionalArg: true }));

/** A literal argument as HyperFormula's parser builds it. */
const literal = (value: boolean) => ({ type: 'NUMBER', value: value ? 1 : 0 });

interface Legacy {
  /** The function that replaced it. */
  modern: string;
  /** Its arguments: how many it takes, how many of them are optional. */
  count: number;
  optional?: number;
  /** The new function's arguments from the old one's. */
  arguments: (old: Ast[]) => Ast[];
}

const LEGACY: Record<string, Legacy> = {
  HYPGEOMDIST: { modern: 'HYPGEOM.DIST', count: 4, arguments: (a) => [...a, literal(false)] },
  LOGNORMDIST: { modern: 'LOGNORM.DIST', count: 3, arguments: (a) => [...a, literal(true)] },
  NEGBINOMDIST: { modern: 'NEGBINOM.DIST', count: 3, arguments: (a) => [...a, literal(false)] },
  NORMSDIST: { modern: 'NORM.S.DIST', count: 1, arguments: (a) => [...a, literal(true)] },
  // BETADIST(x, alpha, beta, [A], [B]) is BETA.DIST(x, alpha, beta, TRUE, [A], [B]).
  BETADIST: { modern: 'BETA.DIST', count: 5, optional: 2, arguments: (a) => [...a.slice(0, 3), literal(true), ...a.slice(3)] },
};

export class LegacyStatisticsPlugin extends FunctionPlugin {
  static override implementedFunctions = Object.fromEntries(
    Object.entries(LEGACY).map(([name, legacy]) => [name, { method: 'legacy', parameters: args(legacy.count, legacy.optional) }]),
  );

  legacy(ast: Ast, state: State) {
    const legacy = LEGACY[String(ast.procedureName).toUpperCase()];
    if (!legacy) return new CellError(ErrorType.NAME, `${ast.procedureName} is not a legacy statistical function`);
    const given = ast.args.length;
    if (given < legacy.count - (legacy.optional ?? 0) || given > legacy.count)
      return new CellError(ErrorType.NA, `${ast.procedureName} takes ${legacy.count} arguments`);
    return this.evaluateAst({ ...ast, procedureName: legacy.modern, args: legacy.arguments(ast.args) }, state);
  }
}
