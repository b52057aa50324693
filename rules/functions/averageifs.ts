/**
 * `AVERAGEIFS(average_range, criteria_range1, criteria1, …)`, which HyperFormula 3.5 lacks.
 * Built on HyperFormula's own SUMIFS/COUNTIFS machinery (its plugin class, found through the
 * public registry) so criteria (`">70"`, `"<>x"`, wildcards, blanks) mean exactly what they
 * mean in SUMIFS; only numbers in average_range are averaged; #DIV/0! when none match.
 */
import { CellError, ErrorType, FunctionArgumentType, HyperFormula, type FunctionPluginDefinition } from 'hyperformula';

type ProcedureAst = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal types
type InterpreterState = any; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Tally {
  sum: number;
  count: number;
}

/** Builds the plugin class once SUMIFS's plugin is registered (it is, by default). */
export function averageIfsPlugin(): FunctionPluginDefinition {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registered class is typed as the FunctionPlugin base
  const ConditionalAggregation = HyperFormula.getFunctionPlugin('SUMIFS') as any;
  const plugin = class AverageIfsPlugin extends ConditionalAggregation {
    static implementedFunctions = {
      AVERAGEIFS: {
        method: 'averageifs',
        parameters: [
          { argumentType: FunctionArgumentType.RANGE },
          { argumentType: FunctionArgumentType.RANGE },
          { argumentType: FunctionArgumentType.NOERROR },
        ],
        repeatLastArgs: 2,
      },
    };

    averageifs(ast: ProcedureAst, state: InterpreterState) {
      return this.runFunction(ast.args, state, this.metadata('AVERAGEIFS'), (values: unknown, ...criteria: unknown[]) => {
        const tally = this.computeConditionalAggregationFunction(
          values,
          criteria,
          'AVERAGEIFS',
          { sum: 0, count: 0 },
          (a: Tally, b: Tally) => ({ sum: a.sum + b.sum, count: a.count + b.count }),
          (value: unknown) => {
            const n =
              typeof value === 'number'
                ? value
                : typeof value === 'object' && value && 'val' in value
                  ? Number((value as { val: number }).val)
                  : null;
            return n === null ? { sum: 0, count: 0 } : { sum: n, count: 1 };
          },
        ) as Tally | CellError;
        if (tally instanceof CellError) return tally;
        return tally.count ? tally.sum / tally.count : new CellError(ErrorType.DIV_BY_ZERO, 'no cell meets the criteria');
      });
    }
  };
  return plugin as unknown as FunctionPluginDefinition;
}
