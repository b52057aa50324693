/**
 * Demo material for the expiration process (issue 13): option positions, the underlyings'
 * closes and contrary instructions for the demo week's monthly expiration, with the cases
 * an expiration desk watches for planted on purpose. Closes of the week's equities are the
 * same as closing_prices.csv; the index ETFs' Friday closes are chosen by hand so that
 * options sit exactly $0.01 in, out and at the money and inside the pin band.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nyseHolidays, serialOf, weekdayOf } from '../rules/calendars/nyse.js';
import { serialToIso } from '../rules/field-values.js';
import { writeExpirationSheet } from './expiration-sheet.js';

/**
 * The monthly expiration of a month by OPTEXPIRY's rule: the third Friday, or the session
 * before it when that Friday is an NYSE holiday.
 */
export function monthlyExpiration(year: number, month: number): string {
  let day = serialOf(year, month, 1);
  while (weekdayOf(day) !== 5) day += 1;
  day += 14;
  while (nyseHolidays(year).includes(day) || [0, 6].includes(weekdayOf(day))) day -= 1;
  return serialToIso(day);
}

/** The demo week (2026-11-16 to 20) holds November 2026's monthly expiration: Friday the 20th. */
export const EXPIRATION = monthlyExpiration(2026, 11);

const WEEK = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'];
/** Hand-chosen ETF closes for the week; Friday's is what the planted cases are measured against. */
const ETF_CLOSES: Record<string, number[]> = {
  SPY: [588.4, 589.75, 587.2, 591.1, 590.01],
  QQQ: [503.15, 506.4, 504.85, 507.2, 505.0],
  IWM: [227.6, 228.45, 230.1, 229.3, 229.99],
  DIA: [438.9, 439.65, 441.2, 440.05, 440.3],
};
/** Equities whose closes (from the demo's closing prices) the options need. RIVN has none, on purpose. */
const EQUITIES = ['AAPL', 'AMZN', 'JPM', 'KO', 'MSFT', 'NVDA', 'PFE', 'TSLA', 'XOM'];

interface Position {
  account: string;
  occ_symbol: string;
  quantity: number;
  multiplier: number;
}

/** The planted case each position or instruction stands for, and the exception it must raise ('' for none). */
interface Case {
  account: string;
  occ_symbol: string;
  quantity?: number;
  instruction?: { instruction: 'EXERCISE' | 'DO NOT EXERCISE'; received_at: string };
  /** No position: the instruction alone. */
  orphan?: boolean;
  exception: string;
}

// OCC symbols both padded (root to 6 characters) and not, as brokers' files mix them.
const CASES: Case[] = [
  { account: 'ACC-1001', occ_symbol: 'SPY   261120C00590000', quantity: 10, exception: 'pin risk' }, // ITM by $0.01: exercised
  { account: 'ACC-1002', occ_symbol: 'SPY261120P00590000', quantity: 5, exception: 'pin risk' }, // OTM by $0.01: expires
  { account: 'ACC-2001', occ_symbol: 'QQQ   261120C00505000', quantity: 3, exception: 'pin risk' }, // at the money: expires
  { account: 'ACC-3001', occ_symbol: 'IWM261120C00230000', quantity: -4, exception: 'pin risk' }, // short, OTM by $0.01
  { account: 'ACC-3001', occ_symbol: 'DIA   261120P00440000', quantity: -6, exception: 'pin risk' }, // short, $0.30 from the strike
  { account: 'ACC-3002', occ_symbol: 'DIA261120C00440800', quantity: 2, exception: 'pin risk' }, // $0.50 out: the band's edge
  { account: 'ACC-1001', occ_symbol: 'DIA   261120C00439750', quantity: 1, exception: '' }, // $0.55 in: outside the band
  { account: 'ACC-2001', occ_symbol: 'AAPL  261120P00240000', quantity: -5, exception: '' }, // short ITM put: assignment
  { account: 'ACC-3002', occ_symbol: 'MSFT  261120C00400000', quantity: -2, exception: '' }, // short ITM call: assignment
  {
    account: 'ACC-1002',
    occ_symbol: 'NVDA261120C00120000',
    quantity: 8,
    instruction: { instruction: 'DO NOT EXERCISE', received_at: '2026-11-20 14:05:00' },
    exception: 'contrary: do not exercise ITM',
  },
  {
    account: 'ACC-3001',
    occ_symbol: 'TSLA  261120C00400000',
    quantity: 2,
    instruction: { instruction: 'EXERCISE', received_at: '2026-11-20 15:12:00' },
    exception: 'contrary: exercise OTM',
  },
  {
    account: 'ACC-1001',
    occ_symbol: 'JPM   261120C00230000',
    quantity: 4,
    instruction: { instruction: 'EXERCISE', received_at: '2026-11-20 11:30:00' },
    exception: '', // exercising an ITM option agrees with its moneyness
  },
  { account: 'ACC-2001', occ_symbol: 'RIVN  261120C00015000', quantity: 10, exception: 'no underlying close' },
  {
    account: 'ACC-1002',
    occ_symbol: 'XOM   261120P00110000',
    quantity: -3,
    instruction: { instruction: 'EXERCISE', received_at: '2026-11-20 13:15:00' },
    exception: 'instruction on short position',
  },
  { account: 'ACC-3001', occ_symbol: 'PFE   261120P00030000', quantity: 10, exception: '' }, // long ITM put: exercised
  { account: 'ACC-2001', occ_symbol: 'KO    261120C00070000', quantity: 5, exception: '' }, // long OTM call: expires
  { account: 'ACC-1001', occ_symbol: 'AAPL  261218C00230000', quantity: 5, exception: '' }, // December: not expiring
  { account: 'ACC-2001', occ_symbol: 'SPY261127C00590000', quantity: 3, exception: '' }, // a weekly of the 27th: not expiring
  {
    account: 'ACC-3002',
    occ_symbol: 'AMZN  261120C00190000',
    orphan: true,
    instruction: { instruction: 'EXERCISE', received_at: '2026-11-20 16:40:00' },
    exception: 'instruction without position',
  },
];

function csv(rows: Record<string, string | number>[]): string {
  const headers = Object.keys(rows[0]);
  return [headers.join(','), ...rows.map((r) => headers.map((h) => r[h]).join(','))].join('\n') + '\n';
}

/**
 * Writes option_positions.csv, underlying_closes.csv, contrary_instructions.csv and the
 * expiration rule sheet; returns the planted exceptions by queue key (`account | occ_symbol`).
 * @param closes the demo's closes by `date|symbol`
 */
export function writeExpirationExamples(out: string, closes: Map<string, number>): Record<string, string> {
  const positions: Position[] = CASES.filter((c) => !c.orphan).map((c) => ({
    account: c.account,
    occ_symbol: c.occ_symbol,
    quantity: c.quantity!,
    multiplier: 100,
  }));
  const instructions = CASES.flatMap((c) => (c.instruction ? [{ account: c.account, occ_symbol: c.occ_symbol, ...c.instruction }] : []));
  const underlying: { symbol: string; date: string; close: number }[] = [];
  for (const symbol of [...EQUITIES, ...Object.keys(ETF_CLOSES)].sort()) {
    WEEK.forEach((date, i) => underlying.push({ symbol, date, close: ETF_CLOSES[symbol]?.[i] ?? closes.get(`${date}|${symbol}`)! }));
  }
  writeFileSync(join(out, 'data', 'option_positions.csv'), csv(positions as unknown as Record<string, string | number>[]));
  writeFileSync(join(out, 'data', 'underlying_closes.csv'), csv(underlying));
  writeFileSync(join(out, 'data', 'contrary_instructions.csv'), csv(instructions));
  writeExpirationSheet(join(out, 'sheets'), EXPIRATION);
  return Object.fromEntries(CASES.filter((c) => c.exception).map((c) => [`${c.account} | ${c.occ_symbol}`, c.exception]));
}
