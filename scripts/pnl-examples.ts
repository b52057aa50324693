/**
 * The demo P&L material (examples/data/pnl_*.csv and examples/sheets/pnl.xlsx): one week
 * (2026-11-16 to 2026-11-20) of a few accounts' trades, small enough to book by hand, with
 * every booking rule of the P&L contract in it: partial closes across lots, a flip, a short
 * opened first, an option (OCC symbol, multiplier 100), a EUR trade and a position that goes
 * flat. Written by scripts/generate-examples.ts, or alone: `npx tsx scripts/pnl-examples.ts`.
 *
 * The golden answers (FIFO, base USD, marks at Friday's close) are worked out by hand in
 * PNL_GOLDEN below; test/examples/pnl-golden.test.ts and test/e2e/pnl.test.ts hold them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writePnlSheet } from './pnl-sheet.js';

export const OPTION = 'AAPL261218C00230000';

/** account, symbol, side, quantity, price, fee, date, time, multiplier, currency */
type Trade = [string, string, string, number, number, number, string, string, number, string];

// In file order: a blotter in booking order, so two trades of a day are out of time order
// (the engine sorts by date, then time).
export const PNL_TRADES: Trade[] = [
  ['ACC-3001', 'SAP', 'BUY', 40, 210, 4, '2026-11-16', '09:05:00', 1, 'EUR'],
  ['ACC-1001', 'MSFT', 'BUY', 100, 415, 1, '2026-11-16', '10:15:00', 1, 'USD'],
  ['ACC-1001', 'AAPL', 'BUY', 100, 225, 1, '2026-11-16', '09:35:00', 1, 'USD'],
  ['ACC-2001', OPTION, 'BUY', 10, 4.5, 6.5, '2026-11-16', '11:00:00', 100, 'USD'],
  ['ACC-2001', 'TSLA', 'SS', 80, 340, 0.8, '2026-11-17', '09:45:00', 1, 'USD'],
  ['ACC-1001', 'AAPL', 'BUY', 200, 228, 2, '2026-11-17', '10:00:00', 1, 'USD'],
  ['ACC-3001', 'SAP', 'SELL', 15, 214, 1.5, '2026-11-18', '09:10:00', 1, 'EUR'],
  ['ACC-1001', 'AAPL', 'SELL', 150, 230, 1.5, '2026-11-18', '11:00:00', 1, 'USD'],
  ['ACC-2001', OPTION, 'SELL', 4, 6, 2.6, '2026-11-18', '15:00:00', 100, 'USD'],
  ['ACC-2001', 'TSLA', 'BUY', 30, 335, 0.3, '2026-11-19', '10:30:00', 1, 'USD'],
  ['ACC-3001', 'AAPL', 'BUY', 60, 227.5, 0.6, '2026-11-19', '10:00:00', 1, 'USD'],
  ['ACC-1001', 'MSFT', 'SELL', 150, 420, 1.5, '2026-11-19', '13:30:00', 1, 'USD'],
  ['ACC-3001', 'AAPL', 'SELL', 60, 229, 0.6, '2026-11-20', '10:00:00', 1, 'USD'],
  ['ACC-1001', 'AAPL', 'SELL', 100, 226, 1, '2026-11-20', '14:00:00', 1, 'USD'],
];

export const PNL_DAYS = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'];

/** Closes per symbol, Monday to Friday. */
export const PNL_CLOSES: Record<string, number[]> = {
  AAPL: [226, 227.5, 229, 228, 227],
  [OPTION]: [4.8, 5.2, 5.9, 5.6, 5.4],
  MSFT: [416, 417, 418.5, 421, 419],
  SAP: [211, 212.5, 213, 215, 216],
  TSLA: [338, 342, 339, 334, 336],
};

/** USD per EUR, Monday to Friday. */
export const PNL_EUR_USD = [1.05, 1.055, 1.06, 1.058, 1.062];

/**
 * The books of the demo week, by hand. FIFO; amounts in USD, each converted at its own
 * date's rate (realized at the close date, a fee on its trade date, unrealized at the mark).
 *
 * ACC-1001 AAPL: buy 100 @ 225 (Mon), buy 200 @ 228 (Tue); sell 150 @ 230 (Wed) closes
 *   100 @ 225 (+500) and 50 @ 228 (+100); sell 100 @ 226 (Fri) closes 100 @ 228 (−200).
 *   Realized 400, fees 1+2+1.5+1 = 5.50, open 50 @ 228 marked 227: unrealized −50, net 344.50.
 * ACC-1001 MSFT: buy 100 @ 415, sell 150 @ 420 (Thu) is a flip: realizes +500 and opens
 *   short 50 @ 420; mark 419: unrealized (419−420)×(−50) = +50; fees 2.50; net 547.50.
 * ACC-2001 TSLA: short 80 @ 340 first (side SS), buy 30 @ 335 covers: −(335−340)×30 = +150;
 *   short 50 @ 340 marked 336: +200; fees 1.10; net 348.90.
 * ACC-2001 AAPL261218C00230000 (×100): buy 10 @ 4.50, sell 4 @ 6.00: 1.5×4×100 = +600; open
 *   6 @ 4.50 marked 5.40: 0.9×6×100 = +540; fees 6.50+2.60 = 9.10; net 1,130.90.
 * ACC-3001 SAP (EUR): buy 40 @ 210, sell 15 @ 214 (Wed): +60 EUR × 1.06 = 63.60 USD; open
 *   25 @ 210 marked 216: 150 EUR × 1.062 = 159.30; fees 4 × 1.05 + 1.5 × 1.06 = 5.79;
 *   net 217.11; market value 5,400 EUR × 1.062 = 5,734.80.
 * ACC-3001 AAPL: buy 60 @ 227.50 (Thu), sell 60 @ 229 (Fri): +90, flat; fees 1.20; net 88.80.
 *
 * Totals: realized 400+500+150+600+63.60+90 = 1,803.60; unrealized −50+50+200+540+159.30
 * = 899.30; fees 5.50+2.50+1.10+9.10+5.79+1.20 = 25.19; net 2,677.71.
 *
 * Daily total (the day's change in realized + unrealized − fees), per position Mon..Fri:
 *   ACC-1001 AAPL  99, 48, 598.50, −150, −251      (cumulative 99, 147, 745.50, 595.50, 344.50)
 *   ACC-1001 MSFT  99, 100, 150, 98.50, 100        (99, 199, 349, 447.50, 547.50)
 *   ACC-2001 TSLA  0, −160.80, 240, 369.70, −100   (0, −160.80, 79.20, 448.90, 348.90)
 *   ACC-2001 opt.  293.50, 400, 737.40, −180, −120 (293.50, 693.50, 1,430.90, 1,250.90, 1,130.90)
 *   ACC-3001 SAP   37.80, 63.50, 36.01, 52.75, 27.05 (37.80, 101.30, 137.31, 190.06, 217.11)
 *   ACC-3001 AAPL  Thu 29.40, Fri 59.40            (29.40, 88.80)
 * By day: 529.30, 450.70, 1,761.91, 220.35, −284.55, adding up to the net 2,677.71.
 */
export const PNL_GOLDEN = {
  realized: 1803.6,
  unrealized: 899.3,
  fees: 25.19,
  net: 2677.71,
  realizedRows: 8,
  byDay: { '2026-11-16': 529.3, '2026-11-17': 450.7, '2026-11-18': 1761.91, '2026-11-19': 220.35, '2026-11-20': -284.55 },
  byAccount: { 'ACC-1001': 892, 'ACC-2001': 1479.8, 'ACC-3001': 305.91 },
  bySymbol: { AAPL: 433.3, [OPTION]: 1130.9, MSFT: 547.5, SAP: 217.11, TSLA: 348.9 },
  /** account|symbol: [quantity, realized, unrealized, fees, net] in USD */
  positions: {
    'ACC-1001|AAPL': [50, 400, -50, 5.5, 344.5],
    'ACC-1001|MSFT': [-50, 500, 50, 2.5, 547.5],
    'ACC-2001|TSLA': [-50, 150, 200, 1.1, 348.9],
    [`ACC-2001|${OPTION}`]: [6, 600, 540, 9.1, 1130.9],
    'ACC-3001|SAP': [25, 63.6, 159.3, 5.79, 217.11],
    'ACC-3001|AAPL': [0, 90, 0, 1.2, 88.8],
  } as Record<string, [number, number, number, number, number]>,
};

function csv(headers: string[], rows: (string | number)[][]): string {
  return [headers.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

/** Writes pnl_trades.csv, pnl_prices.csv, pnl_fx.csv into `dir/data` and pnl.xlsx into `dir/sheets`. */
export function writePnlExamples(dir: string): void {
  mkdirSync(join(dir, 'data'), { recursive: true });
  const tradeHeaders = ['account', 'symbol', 'side', 'quantity', 'price', 'fee', 'date', 'time', 'multiplier', 'currency'];
  writeFileSync(join(dir, 'data', 'pnl_trades.csv'), csv(tradeHeaders, PNL_TRADES));
  const prices = PNL_DAYS.flatMap((date, d) => Object.entries(PNL_CLOSES).map(([symbol, closes]) => [symbol, date, closes[d]]));
  writeFileSync(join(dir, 'data', 'pnl_prices.csv'), csv(['symbol', 'date', 'close'], prices));
  writeFileSync(
    join(dir, 'data', 'pnl_fx.csv'),
    csv(
      ['currency', 'date', 'rate'],
      PNL_DAYS.map((date, d) => ['EUR', date, PNL_EUR_USD[d]]),
    ),
  );
  writePnlSheet(join(dir, 'sheets'), {
    accounts: [...new Set(PNL_TRADES.map((t) => t[0]))].sort(),
    symbols: [...new Set(PNL_TRADES.map((t) => t[1]))].sort(),
    days: PNL_DAYS,
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) writePnlExamples(process.argv[2] ?? 'examples');
