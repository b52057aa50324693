/**
 * `VDB(cost, salvage, life, start_period, end_period, [factor], [no_switch])`: depreciation
 * over any span of periods by declining balance at `factor` (2 = double), switching to
 * straight line when that is larger unless `no_switch`. Partial periods count pro rata.
 * The algorithm is the one LibreOffice uses to match Excel (ScInterpreter::ScVDB).
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
  let part = 0;
  if (!near(start, intStart)) {
    const remaining = cost - interVdb(cost, salvage, life, life, intStart, factor);
    part += (start - intStart) * interVdb(remaining, salvage, life, life - intStart, 1, factor);
  }
  if (!near(end, intEnd)) {
    const before = intEnd - 1;
    const remaining = cost - interVdb(cost, salvage, life, life, before, factor);
    part += (intEnd - end) * interVdb(remaining, salvage, life, life - before, intEnd - before, factor);
  }
  const left = cost - interVdb(cost, salvage, life, life, intStart, factor);
  return interVdb(left, salvage, life, life - intStart, intEnd - intStart, factor) - part;
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-12;

/** Declining balance for whole periods 1…period of an asset with `lifeLeft` periods to go, switching to straight line. */
function interVdb(cost: number, salvage: number, life: number, lifeLeft: number, period: number, factor: number): number {
  const intEnd = Math.ceil(period);
  let remaining = cost - salvage;
  let straight = 0;
  let switched = false;
  let total = 0;
  for (let i = 1; i <= intEnd; i++) {
    let term: number;
    if (!switched) {
      const declining = ddb(cost, salvage, life, i, factor);
      straight = remaining / (lifeLeft - (i - 1));
      if (straight > declining) {
        term = straight;
        switched = true;
      } else {
        term = declining;
        remaining -= declining;
      }
    } else term = straight;
    if (i === intEnd) term *= period + 1 - intEnd;
    total += term;
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
