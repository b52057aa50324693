/**
 * The aggregates AGGREGATE selects by number, over numbers already collected. Each follows
 * the Excel function of the same name: #DIV/0! where that function divides by no values,
 * #NUM! for a k or a percentile out of range, #N/A for a mode when no number repeats.
 */
import { CellError, ErrorType } from 'hyperformula';

/** Function numbers that take an array and k (LARGE, SMALL, the percentiles and quartiles). */
export const KTH_FUNCTIONS = new Set([14, 15, 16, 17, 18, 19]);

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const div0 = (what: string) => new CellError(ErrorType.DIV_BY_ZERO, `${what} needs more numbers`);
const num = (what: string) => new CellError(ErrorType.NUM, what);

function variance(xs: number[], sample: boolean): number | CellError {
  const n = xs.length;
  if (n < (sample ? 2 : 1)) return div0(sample ? 'a sample variance' : 'a population variance');
  const mean = sum(xs) / n;
  return xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (sample ? n - 1 : n);
}

function sqrt(v: number | CellError): number | CellError {
  return v instanceof CellError ? v : Math.sqrt(v);
}

/** The value at 0-based fractional position `rank` of the sorted numbers. */
function interpolate(sorted: number[], rank: number): number {
  const low = Math.floor(rank);
  const fraction = rank - low;
  return fraction === 0 ? sorted[low] : sorted[low] + fraction * (sorted[low + 1] - sorted[low]);
}

function percentileInc(xs: number[], k: number): number | CellError {
  if (!xs.length || k < 0 || k > 1) return num('PERCENTILE.INC needs 0 <= k <= 1 and numbers');
  return interpolate(
    xs.slice().sort((a, b) => a - b),
    k * (xs.length - 1),
  );
}

function percentileExc(xs: number[], k: number): number | CellError {
  const rank = k * (xs.length + 1);
  if (!xs.length || rank < 1 || rank > xs.length) return num('PERCENTILE.EXC needs 1/(n+1) <= k <= n/(n+1)');
  return interpolate(
    xs.slice().sort((a, b) => a - b),
    rank - 1,
  );
}

function mode(xs: number[]): number | CellError {
  const counts = new Map<number, number>();
  let best: number | null = null;
  let bestCount = 1;
  for (const x of xs) {
    const count = (counts.get(x) ?? 0) + 1;
    counts.set(x, count);
    if (count > bestCount) [best, bestCount] = [x, count];
  }
  return best === null ? new CellError(ErrorType.NA, 'no number repeats') : best;
}

function nth(xs: number[], k: number, largest: boolean): number | CellError {
  const at = Math.ceil(k);
  if (at < 1 || at > xs.length) return num('k must be between 1 and the count of numbers');
  return xs.slice().sort((a, b) => (largest ? b - a : a - b))[at - 1];
}

/** Aggregate number `fn` of `numbers`; `nonEmpty` is COUNTA's count, `k` the kth functions' argument. */
export function aggregateOf(fn: number, numbers: number[], nonEmpty: number, k?: number): number | CellError {
  const xs = numbers;
  switch (fn) {
    case 1:
      return xs.length ? sum(xs) / xs.length : div0('AVERAGE');
    case 2:
      return xs.length;
    case 3:
      return nonEmpty;
    case 4:
      return xs.length ? Math.max(...xs) : 0;
    case 5:
      return xs.length ? Math.min(...xs) : 0;
    case 6:
      return xs.length ? xs.reduce((a, b) => a * b, 1) : 0;
    case 7:
      return sqrt(variance(xs, true));
    case 8:
      return sqrt(variance(xs, false));
    case 9:
      return sum(xs);
    case 10:
      return variance(xs, true);
    case 11:
      return variance(xs, false);
    case 12:
      return xs.length ? percentileInc(xs, 0.5) : num('MEDIAN needs numbers');
    case 13:
      return mode(xs);
    case 14:
      return nth(xs, k!, true);
    case 15:
      return nth(xs, k!, false);
    case 16:
      return percentileInc(xs, k!);
    case 17: {
      const q = Math.trunc(k!);
      return q < 0 || q > 4 ? num('quart must be 0 to 4') : percentileInc(xs, q / 4);
    }
    case 18:
      return percentileExc(xs, k!);
    case 19: {
      const q = Math.trunc(k!);
      return q < 1 || q > 3 ? num('quart must be 1 to 3') : percentileExc(xs, q / 4);
    }
    default:
      return new CellError(ErrorType.VALUE, 'function_num must be 1 to 19');
  }
}
