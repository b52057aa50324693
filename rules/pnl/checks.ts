/**
 * The books prove their own sums (issue 12, item 4). Per (account, symbol), from the tables
 * as produced, each by another path than the one that made the figure it checks:
 *
 * - the Realized rows' realized_pnl add up to Positions' realized_pnl (the running total);
 * - the signed quantities traded add up to Positions' quantity (what the open lots hold);
 * - Daily's realized_pnl and fees add up to Positions' realized_pnl and fees;
 * - Daily's total_pnl adds up to Positions' net_pnl.
 *
 * A failed check is a `Checks` row naming the pair, and an exception of the run: never a
 * number that is silently wrong.
 */
import type { CellValue } from '../workbook.js';
import type { PnlBooks } from './book.js';
import { num } from './tables.js';

export const CHECKS_SHEET = 'Checks';
export const CHECK_HEADERS = ['account', 'symbol', 'check', 'expected', 'actual', 'difference'];

export interface FailedCheck {
  account: string;
  symbol: string;
  check: string;
  expected: number;
  actual: number;
}

/** Every failed invariant, by account then symbol (none when the books agree). */
export function checkBooks(books: PnlBooks): FailedCheck[] {
  const n = books.pairs.length;
  const realizedRows = sumBy(n, books.realized.pair, books.realized.pnl);
  const dailyRealized = sumBy(n, books.daily.pair, books.daily.realized);
  const dailyFees = sumBy(n, books.daily.pair, books.daily.fees);
  const dailyTotal = sumBy(n, books.daily.pair, books.daily.total);
  const failed: FailedCheck[] = [];
  for (const row of books.positions) {
    const { account, symbol } = books.pairs[row.pair];
    const expect = (check: string, expected: number, actual: Sums | number) => {
      const [sum, scale] = typeof actual === 'number' ? [actual, 0] : [actual.sum[row.pair], actual.abs[row.pair]];
      if (!agree(expected, sum, scale)) failed.push({ account, symbol, check, expected, actual: sum });
    };
    expect('Realized realized_pnl = Positions realized_pnl', row.realized, realizedRows);
    expect('quantity traded = Positions quantity', row.quantity, books.tradedQuantity[row.pair]);
    expect('Daily realized_pnl = Positions realized_pnl', row.realized, dailyRealized);
    expect('Daily fees = Positions fees', row.fees, dailyFees);
    expect('Daily total_pnl = Positions net_pnl', row.net, dailyTotal);
  }
  return failed;
}

/** The `Checks` sheet: its header, then one row per failed check. */
export function checksSheet(failed: FailedCheck[]): CellValue[][] {
  return [CHECK_HEADERS, ...failed.map((f) => [f.account, f.symbol, f.check, num(f.expected), num(f.actual), num(f.actual - f.expected)])];
}

/** Per pair: the sum, and the sum of magnitudes (how much rounding the sum can carry). */
interface Sums {
  sum: Float64Array;
  abs: Float64Array;
}

function sumBy(n: number, pair: number[], values: number[]): Sums {
  const sum = new Float64Array(n);
  const abs = new Float64Array(n);
  for (let i = 0; i < pair.length; i++) {
    sum[pair[i]] += values[i];
    abs[pair[i]] += Math.abs(values[i]);
  }
  return { sum, abs };
}

/**
 * Equal but for rounding: a sum of many pieces differs from a running total in the last
 * digits, by at most a few units of 1e-16 of the pieces' magnitudes; a real fault (a lot
 * relieved twice, a flip split wrong) is many orders larger.
 */
function agree(a: number, b: number, scale: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b), scale);
}
