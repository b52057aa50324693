/**
 * The P&L page's arithmetic (web/src/lib/pnl.ts) over small tables laid out as the engine
 * writes them (contract pnl.md section 3), with answers worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  breakdown,
  dailySeries,
  hasPnlTables,
  largest,
  lotsOf,
  money,
  readBook,
  readChecks,
  sortBy,
  totals,
  type PnlBook,
} from '../../web/src/lib/pnl.js';

const POSITIONS = [
  'account,symbol,quantity,average_cost,mark,market_value,market_value_base,unrealized_pnl,unrealized_pnl_base,realized_pnl,realized_pnl_base,fees,fees_base,net_pnl,net_pnl_base,currency'.split(
    ',',
  ),
  ['A1', 'XYZ', 50, 10, 12, 600, 600, 100, 100, 30, 30, 2, 2, 128, 128, 'USD'],
  ['A1', 'SAP', -10, 100, 95, -950, -1000, 50, 55, 0, 0, 1, 1.1, 49, 53.9, 'EUR'],
  ['A2', 'XYZ', 0, null, null, 0, 0, 0, 0, -20, -20, 1, 1, -21, -21, 'USD'],
];
const REALIZED = [
  'account,symbol,open_date,close_date,quantity,open_price,close_price,multiplier,realized_pnl,realized_pnl_base,currency'.split(','),
  // Two lots closed by one sale on the 18th, one by another sale on the 19th.
  ['A1', 'XYZ', '2026-11-16', '2026-11-18', 10, 9, 10, 1, 10, 10, 'USD'],
  ['A1', 'XYZ', '2026-11-17', '2026-11-18', 10, 9.5, 10, 1, 5, 5, 'USD'],
  ['A1', 'XYZ', '2026-11-17', '2026-11-19', 10, 9.5, 11, 1, 15, 15, 'USD'],
  ['A2', 'XYZ', '2026-11-16', '2026-11-17', 20, 11, 10, 1, -20, -20, 'USD'],
];
const DAILY = [
  'date,account,symbol,realized_pnl,realized_pnl_base,fees,fees_base,unrealized_pnl,unrealized_pnl_base,total_pnl,total_pnl_base'.split(
    ',',
  ),
  // 2026-11-17 as an Excel serial (46343): read as the same date as its ISO form.
  [46343, 'A1', 'XYZ', 0, 0, 1, 1, 40, 40, 39, 39],
  ['2026-11-17', 'A2', 'XYZ', -20, -20, 1, 1, null, null, -21, -21],
  ['2026-11-18', 'A1', 'XYZ', 30, 30, 1, 1, 100, 100, 89, 89],
  ['2026-11-18', 'A1', 'SAP', 0, 0, 1, 1.1, 50, 55, 49, 53.9],
  [null, null, null, null, null, null, null, null, null, null, null],
];
const sheets = (): Record<'Positions' | 'Realized' | 'Daily', unknown[][]> => ({ Positions: POSITIONS, Realized: REALIZED, Daily: DAILY });

describe('reading the P&L tables', () => {
  it('recognises a run that has the three tables, in any case', () => {
    expect(hasPnlTables(['Summary', 'realized', 'POSITIONS', 'Daily'])).toBe(true);
    expect(hasPnlTables(['Realized', 'Positions'])).toBe(false);
  });

  it('reads amounts from the _base columns, dates from text or serials, and skips empty rows', () => {
    const book = readBook(sheets());
    expect(book.inBase).toBe(true);
    expect(book.currencies).toEqual(['EUR', 'USD']);
    expect(book.positions[1]).toMatchObject({ symbol: 'SAP', quantity: -10, marketValue: -1000, unrealized: 55, fees: 1.1, net: 53.9 });
    expect(book.positions[2]).toMatchObject({ averageCost: null, mark: null });
    expect(book.daily.map((d) => d.date)).toEqual(['2026-11-17', '2026-11-17', '2026-11-18', '2026-11-18']);
    expect(book.daily[1].unrealized).toBeNull();
  });

  it('reads the trade-currency columns when there is no Base currency', () => {
    const strip = (rows: unknown[][]) => {
      const keep = rows[0].map((h, i) => (String(h).endsWith('_base') ? -1 : i)).filter((i) => i >= 0);
      return rows.map((r) => keep.map((i) => r[i]));
    };
    const book = readBook({ Positions: strip(POSITIONS), Realized: strip(REALIZED), Daily: strip(DAILY) });
    expect(book.inBase).toBe(false);
    expect(book.positions[1]).toMatchObject({ marketValue: -950, unrealized: 50, net: 49 });
  });

  it('names the sheet, cell and column of a value it cannot read', () => {
    const bad = sheets();
    bad.Positions = POSITIONS.map((r, i) => (i === 2 ? r.map((v, c) => (c === 14 ? { error: '#VALUE!' } : v)) : r));
    expect(() => readBook(bad)).toThrow('Positions!O3 (net_pnl_base) is #VALUE!');
    bad.Positions = POSITIONS.map((r, i) => (i === 1 ? r.map((v, c) => (c === 2 ? 'fifty' : v)) : r));
    expect(() => readBook(bad)).toThrow('Positions!C2 (quantity) is not a number: "fifty"');
    bad.Positions = POSITIONS.map((r) => r.slice(0, 3));
    expect(() => readBook(bad)).toThrow(/Positions has no column "average_cost" \(row 1 holds account, symbol, quantity\)/);
  });
});

describe('figures of the P&L page', () => {
  const book: PnlBook = readBook(sheets());

  it('adds the positions up: realized 30 + 0 − 20, unrealized 100 + 55, fees 2 + 1.1 + 1', () => {
    expect(totals(book.positions)).toEqual({ realized: 10, unrealized: 155, fees: 4.1, net: 160.9, marketValue: -400 });
  });

  it('sums each day and runs a cumulative total: 39 − 21 = 18, then 89 + 53.9 = 142.9', () => {
    expect(dailySeries(book.daily)).toEqual([
      { date: '2026-11-17', realized: -20, fees: 2, total: 18, cumulative: 18 },
      { date: '2026-11-18', realized: 30, fees: 2.1, total: 142.9, cumulative: 160.9 },
    ]);
  });

  it('breaks the book down by account and by symbol', () => {
    expect(breakdown(book.positions, 'account')).toEqual([
      { key: 'A1', positions: 2, realized: 30, unrealized: 155, fees: 3.1, net: 181.9, marketValue: -400 },
      { key: 'A2', positions: 1, realized: -20, unrealized: 0, fees: 1, net: -21, marketValue: 0 },
    ]);
    expect(breakdown(book.positions, 'symbol').map((b) => [b.key, b.net])).toEqual([
      ['SAP', 53.9],
      ['XYZ', 107],
    ]);
  });

  it('sorts numbers by value and text in order, keeping ties in place', () => {
    const rows = [
      { k: 'b', v: 2 },
      { k: 'a', v: 10 },
      { k: 'c', v: 2 },
    ];
    expect(sortBy(rows, 'v', 'descending').map((r) => r.k)).toEqual(['a', 'b', 'c']);
    expect(sortBy(rows, 'v', 'ascending').map((r) => r.k)).toEqual(['b', 'c', 'a']);
    expect(sortBy(rows, 'k', 'descending').map((r) => r.k)).toEqual(['c', 'b', 'a']);
    expect(rows.map((r) => r.k)).toEqual(['b', 'a', 'c']);
  });

  it('takes a position apart: its closed lots, the trades that closed them, and its days', () => {
    const lots = lotsOf(book, 'A1', 'XYZ')!;
    expect(lots.position.quantity).toBe(50);
    expect(lots.closed.map((l) => l.realized)).toEqual([10, 5, 15]);
    expect(lots.closingTrades).toEqual([
      { date: '2026-11-18', price: 10, quantity: 20, realized: 15, lots: 2 },
      { date: '2026-11-19', price: 11, quantity: 10, realized: 15, lots: 1 },
    ]);
    expect(lots.daily.map((d) => d.total)).toEqual([39, 89]);
    expect(lotsOf(book, 'A9', 'XYZ')).toBeNull();
  });

  it('adds money without binary dust', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(money(0.1 + 0.2)).toBe(0.3);
  });
});

describe("the engine's checks of the books", () => {
  const HEADER = ['account', 'symbol', 'check', 'expected', 'actual', 'difference'];
  it('lists each failed check, and none when the sheet is its header alone', () => {
    expect(readChecks([HEADER])).toEqual([]);
    expect(readChecks([HEADER, ['A1', 'XYZ', 'Daily total_pnl = net_pnl', 128, 127, -1]])).toEqual([
      { account: 'A1', symbol: 'XYZ', check: 'Daily total_pnl = net_pnl', expected: 128, actual: 127 },
    ]);
  });
});

describe('charts of many categories', () => {
  it('keep the bars of largest magnitude, in their order', () => {
    const rows = [
      { k: 'a', v: 5 },
      { k: 'b', v: -40 },
      { k: 'c', v: 1 },
      { k: 'd', v: 30 },
    ];
    expect(largest(rows, 2, (r) => r.v).map((r) => r.k)).toEqual(['b', 'd']);
    expect(largest(rows, 4, (r) => r.v)).toBe(rows);
  });
});
