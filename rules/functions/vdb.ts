/**
 * `VDB(cost, salvage, life, start_period, end_period, [factor], [no_switch])`: depreciation
 * over any span of periods by declining balance at `factor` (2 = double), switching to
 * straight line when that is larger unless `no_switch`. Partial periods count pro rata.
 * Without the switch the algorithm is LibreOffice's (ScInterpreter::ScVDB); with it, the
 * schedule Excel's cached values show for fractional periods (see switchingDepreciation),
 * which agrees with Excel on all 128 VDB formulas of the corpus where LibreOffice's did not.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin } from 'hyperformula';

type ProcedureAst = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal types
type InterpreterState = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const NUMBER = { argumentType: FunctionArgumentType.NUMBER };

export class VdbPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    VDB: {
      method: 'vdb',
      parameters: [
        NUMBER,
        NUMBER,
        NUMBER,
        NUMBER,
        NUMBER,
        { ...NUMBER, defaultValue: 2 },
        { argumentType: FunctionArgumentType.BOOLEAN, defaultValue: false },
      ],
    },
  };

  vdb(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata('VDB'), vdb);
  }
}

export function vdb(
  cost: number,
  salvage: number,
  life: number,
  start: number,
  end: number,
  factor: number,
  noSwitch: boolean,
): number | CellError {
  if (start < 0 || end < start || end > life || cost < 0 || salvage > cost || factor <= 0 || life <= 0)
    return new CellError(ErrorType.NUM, 'VDB needs 0 <= start <= end <= life, salvage <= cost and a positive factor');
  const intStart = Math.floor(start);
  const intEnd = Math.ceil(end);
  if (noSwitch) {
    let total = 0;
    for (let i = intStart + 1; i <= intEnd; i++) {
      let term = ddb(cost, salvage, life, i, factor);
      if (i === intStart + 1) term *= Math.min(end, intStart + 1) - start;
      else if (i === intEnd) term *= end + 1 - intEnd;
      total += term;
    }
    return total;
  }
  return switchingDepreciation(cost, salvage, life, start, end, factor);
}

/**
 * Declining balance switching to straight line, as Excel computes it over fractional periods:
 * the schedule runs from 0 in steps of one period, the first step as long as the fractional
 * part of `start` (so a period boundary falls on `start`). Each step depreciates the larger of
 * the declining-balance amount and the straight line over the life left, prorated for a short
 * step; the result is what the steps from `start` to `end` depreciate.
 */
function switchingDepreciation(cost: number, salvage: number, life: number, start: number, end: number, factor: number): number {
  const rate = Math.min(factor / life, 1);
  let value = cost;
  let t = 0;
  let total = 0;
  const first = start - Math.floor(start);
  while (t < end - 1e-12) {
    const length = Math.min(t === 0 && first > 1e-12 ? first : 1, end - t);
    const declining = Math.min(value * rate, Math.max(value - salvage, 0));
    const straight = life - t > 1e-12 ? (value - salvage) / (life - t) : value - salvage;
    const amount = Math.max(declining, straight, 0) * length;
    if (t >= start - 1e-12) total += amount;
    value -= amount;
    t += length;
  }
  return total;
}

/** Declining-balance depreciation in one period. */
function ddb(cost: number, salvage: number, life: number, period: number, factor: number): number {
  let rate = factor / life;
  let oldValue: number;
  if (rate >= 1) {
    rate = 1;
    oldValue = period === 1 ? cost : 0;
  } else oldValue = cost * (1 - rate) ** (period - 1);
  const newValue = cost * (1 - rate) ** period;
  const depreciation = newValue < salvage ? oldValue - salvage : oldValue - newValue;
  return depreciation < 0 ? 0 : depreciation;
}
