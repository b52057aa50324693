/**
 * The P&L page's arithmetic over a run's three engine tables (contract pnl.md section 3):
 * reading them by header name, totals, the daily series with its running total, breakdowns
 * by account and by symbol, sorting, and a position's lots. Amounts are read from the `_base`
 * column when the report has a Base currency, so everything on the page adds in one currency.
 */
import { serialToIso } from '../../../rules/field-values';

export const PNL_SHEETS = ['Realized', 'Positions', 'Daily'] as const;
export type PnlSheetName = (typeof PNL_SHEETS)[number];

export interface Position {
  account: string;
  symbol: string;
  quantity: number;
  averageCost: number | null;
  mark: number | null;
  marketValue: number;
  unrealized: number;
  realized: number;
  fees: number;
  net: number;
  currency: string;
}

/** One closed piece of a lot. */
export interface ClosedLot {
  account: string;
  symbol: string;
  openDate: string;
  closeDate: string;
  /** Positive for a closed long lot, negative for a closed short lot. */
  quantity: number;
  openPrice: number;
  closePrice: number;
  multiplier: number;
  realized: number;
  currency: string;
}

export interface DailyRow {
  date: string;
  account: string;
  symbol: string;
  realized: number;
  fees: number;
  unrealized: number | null;
  total: number;
}

export interface PnlBook {
  positions: Position[];
  closed: ClosedLot[];
  daily: DailyRow[];
  /** Whether amounts are in the report's base currency (`_base` columns). */
  inBase: boolean;
  /** The trade currencies seen, sorted. */
  currencies: string[];
}

/** Whether a run's report sheets hold the three P&L tables. */
export function hasPnlTables(sheetNames: string[]): boolean {
  const lower = new Set(sheetNames.map((n) => n.toLowerCase()));
  return PNL_SHEETS.every((name) => lower.has(name.toLowerCase()));
}

/** Reads cells of one table by header, naming the sheet, row and column of anything unreadable. */
class TableReader {
  private readonly index: Map<string, number>;
  constructor(
    private readonly sheet: string,
    private readonly values: unknown[][],
  ) {
    this.index = new Map((values[0] ?? []).map((h, i) => [String(h ?? '').trim(), i]));
  }
  has(field: string): boolean {
    return this.index.has(field);
  }
  rows(): { row: unknown[]; line: number }[] {
    return this.values
      .slice(1)
      .map((row, i) => ({ row, line: i + 2 }))
      .filter(({ row }) => row.some((v) => v !== null && v !== ''));
  }
  private cell(row: unknown[], line: number, field: string): unknown {
    const at = this.index.get(field);
    if (at === undefined) throw new Error(`${this.sheet} has no column "${field}" (row 1 holds ${[...this.index.keys()].join(', ')})`);
    const value = row[at];
    if (value !== null && typeof value === 'object' && 'error' in value)
      throw new Error(`${this.sheet}!${columnLetter(at)}${line} (${field}) is ${(value as { error: string }).error}`);
    return value;
  }
  text(row: unknown[], line: number, field: string): string {
    const value = this.cell(row, line, field);
    return value === null || value === undefined ? '' : String(value);
  }
  number(row: unknown[], line: number, field: string): number {
    const value = this.optionalNumber(row, line, field);
    if (value === null) throw new Error(`${this.sheet}!${columnLetter(this.index.get(field)!)}${line} (${field}) is empty`);
    return value;
  }
  optionalNumber(row: unknown[], line: number, field: string): number | null {
    const value = this.cell(row, line, field);
    if (value === null || value === undefined || value === '') return null;
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new Error(`${this.sheet}!${columnLetter(this.index.get(field)!)}${line} (${field}) is not a number: ${JSON.stringify(value)}`);
    return value;
  }
  /** An amount: its `_base` column when the table has one. */
  amount(row: unknown[], line: number, field: string, optional = false): number | null {
    const name = this.has(`${field}_base`) ? `${field}_base` : field;
    return optional ? this.optionalNumber(row, line, name) : this.number(row, line, name);
  }
  date(row: unknown[], line: number, field: string): string {
    const value = this.cell(row, line, field);
    if (typeof value === 'number') return serialToIso(value);
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
    throw new Error(`${this.sheet}!${columnLetter(this.index.get(field)!)}${line} (${field}) is not a date: ${JSON.stringify(value)}`);
  }
}

function columnLetter(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** The book from the three sheets' values (row 1 the headers), by sheet name. */
export function readBook(sheets: Record<PnlSheetName, unknown[][]>): PnlBook {
  const positions = new TableReader('Positions', sheets.Positions);
  const realized = new TableReader('Realized', sheets.Realized);
  const daily = new TableReader('Daily', sheets.Daily);
  const book: PnlBook = {
    inBase: positions.has('net_pnl_base'),
    positions: positions.rows().map(({ row, line }) => ({
      account: positions.text(row, line, 'account'),
      symbol: positions.text(row, line, 'symbol'),
      quantity: positions.number(row, line, 'quantity'),
      averageCost: positions.optionalNumber(row, line, 'average_cost'),
      mark: positions.optionalNumber(row, line, 'mark'),
      marketValue: positions.amount(row, line, 'market_value')!,
      unrealized: positions.amount(row, line, 'unrealized_pnl')!,
      realized: positions.amount(row, line, 'realized_pnl')!,
      fees: positions.amount(row, line, 'fees')!,
      net: positions.amount(row, line, 'net_pnl')!,
      currency: positions.has('currency') ? positions.text(row, line, 'currency') : '',
    })),
    closed: realized.rows().map(({ row, line }) => ({
      account: realized.text(row, line, 'account'),
      symbol: realized.text(row, line, 'symbol'),
      openDate: realized.date(row, line, 'open_date'),
      closeDate: realized.date(row, line, 'close_date'),
      quantity: realized.number(row, line, 'quantity'),
      openPrice: realized.number(row, line, 'open_price'),
      closePrice: realized.number(row, line, 'close_price'),
      multiplier: realized.optionalNumber(row, line, 'multiplier') ?? 1,
      realized: realized.amount(row, line, 'realized_pnl')!,
      currency: realized.has('currency') ? realized.text(row, line, 'currency') : '',
    })),
    daily: daily.rows().map(({ row, line }) => ({
      date: daily.date(row, line, 'date'),
      account: daily.text(row, line, 'account'),
      symbol: daily.text(row, line, 'symbol'),
      realized: daily.amount(row, line, 'realized_pnl')!,
      fees: daily.amount(row, line, 'fees')!,
      unrealized: daily.amount(row, line, 'unrealized_pnl', true),
      total: daily.amount(row, line, 'total_pnl')!,
    })),
    currencies: [],
  };
  book.currencies = [...new Set(book.positions.map((p) => p.currency).filter(Boolean))].sort();
  return book;
}

/** Sums money without binary-fraction dust (0.1 + 0.2 is 0.3 here): to the hundredth of a cent. */
export function money(n: number): number {
  return Math.round(n * 1e4) / 1e4;
}
const sum = <T>(rows: T[], value: (row: T) => number) => money(rows.reduce((a, r) => a + value(r), 0));

export interface Totals {
  realized: number;
  unrealized: number;
  fees: number;
  net: number;
  marketValue: number;
}

/** The book's totals, from Positions (one row per account and symbol). */
export function totals(positions: Totals[]): Totals {
  return {
    realized: sum(positions, (p) => p.realized),
    unrealized: sum(positions, (p) => p.unrealized),
    fees: sum(positions, (p) => p.fees),
    net: sum(positions, (p) => p.net),
    marketValue: sum(positions, (p) => p.marketValue),
  };
}

export interface DayPnl {
  date: string;
  realized: number;
  fees: number;
  total: number;
  cumulative: number;
}

/** P&L per day over every account and symbol, in date order, with the running total. */
export function dailySeries(daily: DailyRow[]): DayPnl[] {
  const byDate = new Map<string, DailyRow[]>();
  for (const row of daily) byDate.set(row.date, [...(byDate.get(row.date) ?? []), row]);
  let cumulative = 0;
  return [...byDate.keys()].sort().map((date) => {
    const rows = byDate.get(date)!;
    const total = sum(rows, (r) => r.total);
    cumulative = money(cumulative + total);
    return { date, realized: sum(rows, (r) => r.realized), fees: sum(rows, (r) => r.fees), total, cumulative };
  });
}

export interface Breakdown extends Omit<Totals, 'marketValue'> {
  key: string;
  positions: number;
  marketValue: number;
}

/** Positions added up per account or per symbol, in key order. */
export function breakdown(positions: Position[], by: 'account' | 'symbol'): Breakdown[] {
  const groups = new Map<string, Position[]>();
  for (const p of positions) groups.set(p[by], [...(groups.get(p[by]) ?? []), p]);
  return [...groups.keys()].sort().map((key) => ({ key, positions: groups.get(key)!.length, ...totals(groups.get(key)!) }));
}

export type SortDirection = 'ascending' | 'descending';

/** A column of a sortable table of `R` rows: which field, its header, how it is shown. */
export interface TableColumn<R> {
  key: keyof R & string;
  label: string;
  /** `pnl` is money coloured as a gain or a loss; `money` (fees, market value) is not coloured. */
  kind: 'text' | 'number' | 'money' | 'pnl';
}

/** A sorted copy: numbers by value, text by locale order; ties keep their order. */
export function sortBy<T>(rows: T[], key: keyof T, direction: SortDirection): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => {
      const x = a.row[key];
      const y = b.row[key];
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''));
      return order * sign || a.i - b.i;
    })
    .map(({ row }) => row);
}

/** A trade that closed open quantity: the closed pieces of one close date and price. */
export interface ClosingTrade {
  date: string;
  price: number;
  /** Signed as the lots it closed: positive when it sold long lots. */
  quantity: number;
  realized: number;
  lots: number;
}

export interface PositionLots {
  position: Position;
  closed: ClosedLot[];
  closingTrades: ClosingTrade[];
  /** Daily rows of this position, in date order. */
  daily: DailyRow[];
}

/** What makes up one position: its closed lots, the trades that closed them, its days. */
export function lotsOf(book: PnlBook, account: string, symbol: string): PositionLots | null {
  const position = book.positions.find((p) => p.account === account && p.symbol === symbol);
  if (!position) return null;
  const closed = book.closed
    .filter((l) => l.account === account && l.symbol === symbol)
    .sort((a, b) => a.closeDate.localeCompare(b.closeDate) || a.openDate.localeCompare(b.openDate));
  const trades = new Map<string, ClosingTrade>();
  for (const lot of closed) {
    const id = `${lot.closeDate}|${lot.closePrice}`;
    const trade = trades.get(id) ?? { date: lot.closeDate, price: lot.closePrice, quantity: 0, realized: 0, lots: 0 };
    trade.quantity = money(trade.quantity + lot.quantity);
    trade.realized = money(trade.realized + lot.realized);
    trade.lots += 1;
    trades.set(id, trade);
  }
  const daily = book.daily.filter((d) => d.account === account && d.symbol === symbol).sort((a, b) => a.date.localeCompare(b.date));
  return { position, closed, closingTrades: [...trades.values()], daily };
}

type Sheet = (string | number | null)[][];

/** The daily series as the chart's .xlsx holds it, row 1 the headers. */
export function dailyTable(series: DayPnl[]): Sheet {
  return [
    ['date', 'realized', 'fees', 'day P&L', 'cumulative P&L'],
    ...series.map((d) => [d.date, d.realized, d.fees, d.total, d.cumulative]),
  ];
}

/** A breakdown as its chart's .xlsx holds it, row 1 the headers. */
export function breakdownTable(rows: Breakdown[], by: 'account' | 'symbol'): Sheet {
  return [
    [by, 'positions', 'realized', 'unrealized', 'fees', 'net P&L', 'market value'],
    ...rows.map((r) => [r.key, r.positions, r.realized, r.unrealized, r.fees, r.net, r.marketValue]),
  ];
}

/** A check of the books that failed (the engine's `Checks` sheet): never shown as a quiet number. */
export interface FailedCheck {
  account: string;
  symbol: string;
  check: string;
  expected: number;
  actual: number;
}

/** The failed checks listed in a `Checks` sheet's values (row 1 the headers); none when the books agree. */
export function readChecks(values: unknown[][]): FailedCheck[] {
  const checks = new TableReader('Checks', values);
  return checks.rows().map(({ row, line }) => ({
    account: checks.text(row, line, 'account'),
    symbol: checks.text(row, line, 'symbol'),
    check: checks.text(row, line, 'check'),
    expected: checks.number(row, line, 'expected'),
    actual: checks.number(row, line, 'actual'),
  }));
}

/**
 * The `n` rows of largest magnitude (a chart of thousands of bars says nothing), kept in
 * their order; all of them when there are `n` or fewer.
 */
export function largest<T>(rows: T[], n: number, value: (row: T) => number): T[] {
  if (rows.length <= n) return rows;
  const keep = new Set(
    rows
      .map((row, i) => ({ i, size: Math.abs(value(row)) }))
      .sort((a, b) => b.size - a.size || a.i - b.i)
      .slice(0, n)
      .map(({ i }) => i),
  );
  return rows.filter((_, i) => keep.has(i));
}
