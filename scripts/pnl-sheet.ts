/**
 * Writes examples/sheets/pnl.xlsx: a P&L Report (contract pnl.md) whose Settings name the
 * demo's trades, closes and FX, and whose own formula sheets read the engine's tables like an
 * analyst's workbook would: P&L by account, by symbol and by day (SUMIFS over Positions! and
 * Daily!), and a Summary that proves the books add up.
 */
import { join } from 'node:path';
import { sheet, write, type Cell } from './example-sheets.js';

// The engine's tables with Base currency set (contract section 3): a `_base` column after each amount.
export const REALIZED_HEADERS = [
  'account',
  'symbol',
  'open_date',
  'close_date',
  'quantity',
  'open_price',
  'close_price',
  'multiplier',
  'realized_pnl',
  'realized_pnl_base',
  'currency',
];
export const POSITIONS_HEADERS = [
  'account',
  'symbol',
  'quantity',
  'average_cost',
  'mark',
  'market_value',
  'market_value_base',
  'unrealized_pnl',
  'unrealized_pnl_base',
  'realized_pnl',
  'realized_pnl_base',
  'fees',
  'fees_base',
  'net_pnl',
  'net_pnl_base',
  'currency',
];
export const DAILY_HEADERS = [
  'date',
  'account',
  'symbol',
  'realized_pnl',
  'realized_pnl_base',
  'fees',
  'fees_base',
  'unrealized_pnl',
  'unrealized_pnl_base',
  'total_pnl',
  'total_pnl_base',
];

/** `Sheet!$X:$X` for the column of `field` in a table with these headers. */
function column(table: string, headers: string[], field: string): string {
  const index = headers.indexOf(field);
  if (index < 0) throw new Error(`${table} has no column ${field}`);
  const letter = String.fromCharCode(65 + index);
  return `${table}!$${letter}:$${letter}`;
}
const pos = (field: string) => column('Positions', POSITIONS_HEADERS, field);
const daily = (field: string) => column('Daily', DAILY_HEADERS, field);
const realized = (field: string) => column('Realized', REALIZED_HEADERS, field);

export interface PnlSheetInputs {
  accounts: string[];
  symbols: string[];
  days: string[];
}

/** One row per key: SUMIFS of each amount over the table (to the cent), then a Total row. */
function breakdown(key: string, keys: string[], amounts: [string, (field: string) => string, string][], keyColumn: string): Cell[][] {
  const last = keys.length + 1;
  const letters = amounts.map((_, i) => String.fromCharCode(66 + i));
  return [
    [key, ...amounts.map(([label]) => label)],
    ...keys.map((k, i): Cell[] => [k, ...amounts.map(([, table, field]) => `=ROUND(SUMIFS(${table(field)},${keyColumn},$A${i + 2}),2)`)]),
    // Quantities of different symbols do not add up to anything: no total for them.
    ['Total', ...letters.map((l, i) => (amounts[i][2] === 'quantity' ? null : `=SUM(${l}2:${l}${last})`))],
  ];
}

/** A date as a formula, so the engine types it as a date (and Excel shows it as one). */
const dateFormula = (iso: string) => `=DATE(${iso.split('-').map(Number).join(',')})`;

export function writePnlSheet(dir: string, inputs: PnlSheetInputs): void {
  const { accounts, symbols, days } = inputs;
  const pnl: [string, (field: string) => string, string][] = [
    ['realized', pos, 'realized_pnl_base'],
    ['unrealized', pos, 'unrealized_pnl_base'],
    ['fees', pos, 'fees_base'],
    ['net', pos, 'net_pnl_base'],
  ];
  const byAccount = breakdown('account', accounts, [...pnl, ['market value', pos, 'market_value_base']], pos('account'));
  const bySymbol = breakdown('symbol', symbols, [['quantity', pos, 'quantity'], ...pnl], pos('symbol'));
  const byDay: Cell[][] = [
    ['date', 'realized', 'fees', 'unrealized at close', 'total', 'cumulative'],
    ...days.map((day, i): Cell[] => {
      const r = i + 2;
      const sum = (field: string) => `=ROUND(SUMIFS(${daily(field)},${daily('date')},$A${r}),2)`;
      return [
        dateFormula(day),
        sum('realized_pnl_base'),
        sum('fees_base'),
        sum('unrealized_pnl_base'),
        sum('total_pnl_base'),
        i ? `=F${r - 1}+E${r}` : `=E${r}`,
      ];
    }),
  ];
  const lastDay = days.length + 1;
  const accountTotal = accounts.length + 2;
  const symbolTotal = symbols.length + 2;
  // Each amount beside the same figure reached another way; "add up" when they agree to the cent.
  const checks: [string, string, string][] = [
    ['Realized P&L (USD)', `SUM(${pos('realized_pnl_base')})`, `SUM(${realized('realized_pnl_base')})`],
    [
      'Unrealized P&L (USD)',
      `SUM(${pos('unrealized_pnl_base')})`,
      `SUMIFS(${daily('unrealized_pnl_base')},${daily('date')},MAX(${daily('date')}))`,
    ],
    ['Fees (USD)', `SUM(${pos('fees_base')})`, `SUM(${daily('fees_base')})`],
    ['Net P&L (USD)', `SUM(${pos('net_pnl_base')})`, `SUM(${daily('total_pnl_base')})`],
    ['Net = realized + unrealized − fees', 'B5', 'B2+B3-B4'],
    ['Realized by day = realized', 'B2', `SUM(${daily('realized_pnl_base')})`],
    ['Net by account = net by symbol', `'By account'!E${accountTotal}`, `'By symbol'!F${symbolTotal}`],
    ['Cumulative by day = net', 'B5', `'By day'!F${lastDay}`],
  ];
  const summary: Cell[][] = [
    ['item', 'amount', 'reached another way', 'difference', 'books'],
    ...checks.map(([label, left, right], i): Cell[] => {
      const r = i + 2;
      return [label, `=ROUND(${left},2)`, `=ROUND(${right},2)`, `=ROUND(B${r}-C${r},2)`, `=IF(ABS(D${r})<0.005,"add up","BREAK")`];
    }),
  ];

  write(join(dir, 'pnl.xlsx'), {
    Settings: sheet(
      [
        ['Type', 'Report'],
        ['Trades', 'pnl_trades'],
        ['Prices', 'pnl_prices'],
        ['FX', 'pnl_fx'],
        ['Base currency', 'USD'],
        ['Cost basis', 'FIFO'],
      ],
      [18, 40],
    ),
    // The engine fills these three at run time; their header rows let an author write formulas in Excel.
    Realized: sheet(
      [REALIZED_HEADERS],
      REALIZED_HEADERS.map(() => 12),
    ),
    Positions: sheet(
      [POSITIONS_HEADERS],
      POSITIONS_HEADERS.map(() => 12),
    ),
    Daily: sheet(
      [DAILY_HEADERS],
      DAILY_HEADERS.map(() => 12),
    ),
    Summary: sheet(summary, [34, 12, 18, 11, 8]),
    'By account': sheet(byAccount, [10, 11, 11, 9, 11, 13]),
    'By symbol': sheet(bySymbol, [22, 9, 11, 11, 9, 11]),
    'By day': sheet(byDay, [11, 11, 9, 17, 11, 11]),
  });
}
