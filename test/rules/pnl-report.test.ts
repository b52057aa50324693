/** A P&L report end to end in the engine: base currency, formula sheets over the tables, the checks, its inputs. */
import { describe, expect, it } from 'vitest';
import { inputsNeeded } from '../../rules/inputs-needed.js';
import { checkBooks, checksSheet } from '../../rules/pnl/checks.js';
import { bookReport } from '../../rules/pnl/pnl-report.js';
import { readSettings } from '../../rules/settings.js';
import { tableHeaders } from '../../rules/pnl/tables.js';
import { closes, pick, runPnl, trades } from '../helpers/pnl.js';
import { dataset, settings, workbook } from '../helpers/workbooks.js';

const [d1, d2] = ['2026-01-05', '2026-01-06'];

describe('base currency', () => {
  const header = ['account', 'symbol', 'side', 'quantity', 'price', 'fee', 'date:date', 'currency'];
  const eurTrades = trades(
    [
      ['ACC-1', 'SAP', 'BUY', 100, 10, 2, d1, 'EUR'],
      ['ACC-1', 'SAP', 'SELL', 60, 12, 1, d2, 'eur'],
      ['ACC-1', 'ABC', 'BUY', 10, 5, 0, d1, 'USD'],
    ],
    header,
  );
  const fx = dataset(
    'rates',
    ['currency', 'date:date', 'rate'],
    [
      ['EUR', d1, 1.1],
      ['EUR', d2, 1.2],
    ],
  );
  const prices = closes([
    ['SAP', d1, 10],
    ['SAP', d2, 11],
    ['ABC', d2, 6],
  ]);

  it("adds a _base column after each amount, at the rate of each amount's date", async () => {
    const { tables, sheets } = await runPnl([eurTrades, prices, fx], { 'Base currency': 'USD', FX: 'rates' });
    expect(sheets.Positions[0]).toEqual(tableHeaders('Positions', true));
    expect(sheets.Positions[0]).toEqual([
      'account', 'symbol', 'quantity', 'average_cost', 'mark', 'market_value', 'market_value_base', 'unrealized_pnl',
      'unrealized_pnl_base', 'realized_pnl', 'realized_pnl_base', 'fees', 'fees_base', 'net_pnl', 'net_pnl_base', 'currency',
    ]); // prettier-ignore
    expect(sheets.Realized[0]).toContain('realized_pnl_base');
    // SAP: 60 x (12-10) = 120 EUR at d2's 1.2 = 144 USD.
    expect(pick(tables.Realized, ['symbol', 'realized_pnl', 'realized_pnl_base', 'currency'])).toEqual([['SAP', 120, 144, 'EUR']]);
    // SAP: 40 @ 10 at 11: value 440 EUR (528 USD), unrealized 40 (48); fees 2 + 1 = 3 EUR, 2 x 1.1 + 1 x 1.2 = 3.4 USD;
    // net 120 + 40 - 3 = 157 EUR, 144 + 48 - 3.4 = 188.6 USD. ABC is in USD: rate 1, unrealized 10 x (6-5) = 10.
    expect(pick(tables.Positions, ['symbol', 'market_value', 'market_value_base', 'unrealized_pnl_base', 'fees_base', 'net_pnl', 'net_pnl_base', 'currency'])).toEqual([
      ['ABC', 60, 60, 10, 0, 10, 10, 'USD'],
      ['SAP', 440, 528, 48, 3.4, 157, 188.6, 'EUR'],
    ]); // prettier-ignore
    // SAP d1: fees 2 (2.2), unrealized 0, total -2 (-2.2). d2: total (120 - 3 + 40) - (-2) = 159; base (144 - 3.4 + 48) + 2.2 = 190.8.
    // ABC d1: a trade, no close yet (unrealized empty, total 0); d2: 10.
    expect(pick(tables.Daily, ['date', 'symbol', 'fees_base', 'unrealized_pnl', 'unrealized_pnl_base', 'total_pnl', 'total_pnl_base'])).toEqual([
      [d1, 'ABC', 0, null, null, 0, 0],
      [d1, 'SAP', 2.2, 0, 0, -2, -2.2],
      [d2, 'ABC', 0, 10, 10, 10, 10],
      [d2, 'SAP', 1.2, 40, 48, 159, 190.8],
    ]); // prettier-ignore
  });

  it('refuses an amount with no rate on or before its date', async () => {
    const early = dataset('rates', ['currency', 'date:date', 'rate'], [['EUR', d2, 1.2]]);
    await expect(runPnl([eurTrades, prices, early], { 'Base currency': 'USD', FX: 'rates' })).rejects.toThrow(
      'dataset "rates" has no rate for EUR on or before 2026-01-05 to convert into USD',
    );
  });
});

describe('the report around the tables', () => {
  const book = trades([
    ['ACC-1', 'XYZ', 'BUY', 100, 50, 1, d1],
    ['ACC-1', 'XYZ', 'SELL', 150, 55, 1, d2],
    ['ACC-2', 'XYZ', 'BUY', 10, 50, 0, d1],
  ]);
  const prices = closes([
    ['XYZ', d1, 51],
    ['XYZ', d2, 54],
  ]);

  it('lets formula sheets read the tables, dates as dates, and replaces sheets of their names', async () => {
    const { sheets, summary } = await runPnl(
      [book, prices],
      {},
      {
        // An author's Positions sheet with its header row, as Excel needs it: the engine replaces it.
        Positions: [
          ['account', 'symbol', 'quantity'],
          ['stale', 'row', 1],
        ],
        Summary: [
          ['Net ACC-1', '=SUMIFS(Positions!J:J, Positions!A:A, "ACC-1")'],
          ['Realized on d2', '=SUMIFS(Daily!D:D, Daily!A:A, DATE(2026,1,6))'],
          ['Failed checks', '=COUNTA(Checks!A:A)-1'],
        ],
      },
    );
    // ACC-1: realized 500, short 50 @ 55 at 54: unrealized 50, fees 2: net 548.
    expect(sheets.Summary).toEqual([
      ['Net ACC-1', 548],
      ['Realized on d2', 500],
      ['Failed checks', 0],
    ]);
    expect(Object.keys(sheets)).toEqual(['Summary', 'Realized', 'Positions', 'Daily', 'Checks']);
    expect(sheets.Positions.map((r) => r[0])).toEqual(['account', 'ACC-1', 'ACC-2']);
    expect(sheets.Checks).toEqual([['account', 'symbol', 'check', 'expected', 'actual', 'difference']]);
    // Three trades booked, no failed check.
    expect(summary).toEqual({ type: 'Report', counts: { rows: 3, exceptions: 0 }, by_exception: {}, summary: {} });
  });

  it('reads trades and prices through their field maps', async () => {
    const fills = dataset(
      'fills',
      ['acct', 'ticker', 'qty', 'px', 'traded_at:date'],
      [
        ['ACC-9', 'XYZ', 10, 50, '2026-01-05T15:30:00'],
        ['ACC-9', 'XYZ', -4, 52, '2026-01-05T09:30:00'],
      ],
    );
    const marks = dataset('marks', ['ticker', 'day:date', 'px'], [['XYZ', d1, 53]]);
    const { tables } = await runPnl([fills, marks], {
      Trades: 'fills',
      'Trade fields': 'account=acct, symbol=ticker, quantity=qty, price=px, date=traded_at',
      Prices: 'marks',
      'Price fields': 'symbol=ticker, date=day, close=px',
    });
    // The date-times order the trades: the 09:30 sell opens short 4 @ 52, the 15:30 buy covers it,
    // (50-52) x -4 = 8, and leaves long 6 @ 50, marked at 53: unrealized 18.
    expect(pick(tables.Realized, ['quantity', 'open_price', 'close_price', 'realized_pnl'])).toEqual([[-4, 52, 50, 8]]);
    expect(pick(tables.Positions, ['account', 'quantity', 'average_cost', 'mark', 'unrealized_pnl'])).toEqual([['ACC-9', 6, 50, 53, 18]]);
  });

  it('ties out at the formula level, as a Summary sheet can', async () => {
    const { sheets } = await runPnl(
      [book, prices],
      {},
      {
        Summary: [
          ['Realized: pieces - positions', '=ROUND(SUM(Realized!I:I)-SUM(Positions!H:H),6)'],
          ['Daily total - net', '=ROUND(SUM(Daily!G:G)-SUM(Positions!J:J),6)'],
          ['Daily fees - fees', '=ROUND(SUM(Daily!E:E)-SUM(Positions!I:I),6)'],
          ['Net P&L', '=SUM(Positions!J:J)'],
          ['Open positions', '=COUNTIFS(Positions!C:C,">0")+COUNTIFS(Positions!C:C,"<0")'],
          ['Last day P&L', '=SUMIFS(Daily!G:G,Daily!A:A,MAX(Daily!A:A))'],
        ],
      },
    );
    // ACC-1 net 548 (above); ACC-2: 10 @ 50 at 54: unrealized 40. Both open.
    // Last day (d2): ACC-1 449 (as in docs/pnl.md's example), ACC-2 (54-51) x 10 = 30: 479.
    expect(sheets.Summary.map((r) => r[1])).toEqual([0, 0, 0, 588, 2, 479]);
  });

  it('shows a failed check as a Checks row naming the pair', () => {
    const wb = workbook({ Settings: settings({ Type: 'Report', Trades: 'trades', Prices: 'prices' }) });
    const booked = bookReport(readSettings(wb).pnl!, { trades: book, prices });
    expect(checkBooks(booked.books)).toEqual([]);
    // Break the books as a bug would: ACC-2's running realized total off by 0.01.
    const acc2 = booked.books.positions.find((p) => booked.books.pairs[p.pair].account === 'ACC-2')!;
    acc2.realized += 0.01;
    const failed = checkBooks(booked.books);
    expect(failed.map((f) => [f.account, f.symbol, f.check])).toEqual([
      ['ACC-2', 'XYZ', 'Realized realized_pnl = Positions realized_pnl'],
      ['ACC-2', 'XYZ', 'Daily realized_pnl = Positions realized_pnl'],
    ]);
    expect(checksSheet(failed)[1]).toEqual(['ACC-2', 'XYZ', 'Realized realized_pnl = Positions realized_pnl', 0.01, 0, -0.01]);
    // A quantity that does not follow from the trades is caught too.
    acc2.realized -= 0.01;
    acc2.quantity = 9;
    expect(checkBooks(booked.books).map((f) => f.check)).toEqual(['quantity traded = Positions quantity']);
  });

  it('needs its Trades, Prices and FX datasets as inputs, with the fields it reads', () => {
    const wb = workbook({
      Settings: settings({
        Type: 'Report',
        Trades: 'fills',
        'Trade fields': 'quantity=qty, fee=commission',
        Prices: 'closes',
        'Base currency': 'USD',
        FX: 'rates',
      }),
      Summary: [['x', 1]],
    });
    expect(inputsNeeded(wb, ['fills', 'closes', 'rates'])).toEqual([
      { name: 'fills', role: 'Trades', fields: ['account', 'symbol', 'qty', 'price', 'commission', 'date'] },
      { name: 'closes', role: 'Prices', fields: ['symbol', 'date', 'close'] },
      { name: 'rates', role: 'FX', fields: ['currency', 'date', 'rate'] },
    ]);
  });
});
