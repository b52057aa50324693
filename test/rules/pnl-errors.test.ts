/** Bad P&L settings and bad trades, prices and rates: each a RuleError naming the place at fault. */
import { describe, expect, it } from 'vitest';
import { RuleError } from '../../rules/errors.js';
import { readSettings } from '../../rules/settings.js';
import { closes, runPnl, trades } from '../helpers/pnl.js';
import { dataset, settings, workbook } from '../helpers/workbooks.js';

const d1 = '2026-01-05';
const d2 = '2026-01-06';
const good = () => trades([['ACC-1', 'XYZ', 'BUY', 100, 10, 0, d1]]);
const close = closes([['XYZ', d1, 10]]);

/** The RuleError a run throws. */
async function failure(...args: Parameters<typeof runPnl>): Promise<RuleError> {
  const error = await runPnl(...args).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RuleError);
  return error as RuleError;
}

describe('P&L settings', () => {
  it('refuses an unknown role, naming the Settings cell', async () => {
    // Settings rows: Type (1), Trades (2), Prices (3), Trade fields (4).
    const error = await failure([good(), close], { 'Trade fields': 'acct=account_id' });
    expect(error.code).toBe('bad_setting');
    expect(error.place).toMatchObject({ sheet: 'Settings', cell: 'B4', setting: 'Trade fields' });
    expect(error.message).toContain('"acct" is not a role');
  });

  it('refuses a cost basis, an As of and a pair that cannot be read', () => {
    const read = (extra: Record<string, string>) => () =>
      readSettings(workbook({ Settings: settings({ Type: 'Report', Trades: 't', ...extra }) }));
    expect(read({ 'Cost basis': 'HIFO' })).toThrow(/"HIFO" is not a cost basis; use FIFO, LIFO or Average/);
    expect(read({ 'As of': 'yesterday' })).toThrow(/"yesterday" is not a date/);
    expect(read({ 'Trade fields': 'price' })).toThrow(/"price" is not "role=field"/);
    expect(read({ 'Trade fields': 'price=px, price=close' })).toThrow(/role "price" is named twice/);
    expect(read({ FX: 'rates' })).toThrow(/"FX" needs a "Base currency"/);
  });

  it('reads the settings, an As of typed as a date cell included', () => {
    const parsed = readSettings(
      workbook({
        Settings: settings({
          Type: 'Report',
          Trades: 'fills',
          'Cost basis': 'average',
          'Trade fields': 'account=acct, quantity = qty',
          Prices: 'closes',
          'Price fields': 'close=px',
          // Excel's serial 46027 is 2026-01-05.
          'As of': 46027,
          'Base currency': 'usd',
          FX: 'rates',
        }),
      }),
    ).pnl;
    expect(parsed).toMatchObject({
      trades: 'fills',
      costBasis: 'Average',
      tradeFields: { account: 'acct', quantity: 'qty' },
      prices: 'closes',
      priceFields: { close: 'px' },
      asOf: '2026-01-05',
      baseCurrency: 'USD',
      fx: 'rates',
    });
  });

  it('refuses P&L settings on a sheet that is not a Report', () => {
    const wb = workbook({ Settings: settings({ Type: 'Check', Data: 'x', Trades: 'trades' }) });
    expect(() => readSettings(wb)).toThrow(/P&L settings only apply to a Report/);
  });
});

describe('bad trades name the dataset, row and field', () => {
  it('a required field the trades lack', async () => {
    const noPrice = dataset('trades', ['account', 'symbol', 'side', 'quantity', 'date:date'], [['ACC-1', 'XYZ', 'BUY', 1, d1]]);
    const error = await failure([noPrice, close]);
    expect(error.code).toBe('unknown_field');
    expect(error.place).toMatchObject({ dataset: 'trades', column: 'price' });
    expect(error.message).toContain('role "price" has no field');
  });

  it('a mapped field the trades lack', async () => {
    const error = await failure([good(), close], { 'Trade fields': 'price=px' });
    expect(error.message).toContain('"Trade fields" maps role "price" to "px", but dataset "trades" has no field "px"');
  });

  it('a side that cannot be read', async () => {
    const error = await failure([
      trades([
        ['ACC-1', 'XYZ', 'BUY', 1, 10, 0, d1],
        ['ACC-1', 'XYZ', 'HOLD', 1, 10, 0, d1],
      ]),
      close,
    ]);
    expect(error.place).toEqual({ dataset: 'trades', row: 2, column: 'side' });
    expect(error.describe()).toBe(
      'dataset "trades" row 2, column "side": the side "HOLD" is neither a buy (BUY, B, BOT, BY) nor a sell (SELL, S, SLD, SS, SELL SHORT)',
    );
  });

  it('a quantity that is not positive, and a zero quantity without sides', async () => {
    const negative = await failure([trades([['ACC-1', 'XYZ', 'SELL', -5, 10, 0, d1]]), close]);
    expect(negative.place).toEqual({ dataset: 'trades', row: 1, column: 'quantity' });
    expect(negative.message).toContain('the quantity -5 is not positive');
    const zero = await failure([
      dataset('trades', ['account', 'symbol', 'quantity', 'price', 'date:date'], [['A', 'XYZ', 0, 10, d1]]),
      close,
    ]);
    expect(zero.message).toContain('the quantity is 0');
  });

  it('a price that is not a number', async () => {
    const error = await failure([
      dataset(
        'trades',
        ['account', 'symbol', 'side', 'quantity', 'price:text', 'date:date'],
        [
          ['ACC-1', 'XYZ', 'B', 1, 10, d1],
          ['ACC-1', 'XYZ', 'B', 1, 'n/a', d1],
        ],
      ),
      close,
    ]);
    expect(error.place).toEqual({ dataset: 'trades', row: 2, column: 'price' });
    expect(error.message).toBe('the price "n/a" is not a number');
  });

  it('a date that is not one, and a contract size that changes within a position', async () => {
    const date = await failure([trades([['ACC-1', 'XYZ', 'BUY', 1, 10, 0, 'soon']]), close]);
    expect(date.place).toEqual({ dataset: 'trades', row: 1, column: 'date' });
    const header = ['account', 'symbol', 'side', 'quantity', 'price', 'date:date', 'multiplier'];
    const size = await failure([
      trades(
        [
          ['ACC-1', 'XYZ', 'BUY', 1, 10, d1, 100],
          ['ACC-1', 'XYZ', 'BUY', 1, 10, d1, 10],
        ],
        header,
      ),
      close,
    ]);
    expect(size.place).toEqual({ dataset: 'trades', row: 2, column: 'multiplier' });
  });

  it('an open position with no price, naming the symbol and the date', async () => {
    const error = await failure([good(), closes([['XYZ', d2, 10]])]);
    expect(error.message).toBe(
      'dataset "prices" has no close for XYZ on or before 2026-01-05 (As of): the open position of ACC-1 in XYZ (100) cannot be valued',
    );
    // A position closed out needs no price at all.
    const flat = await runPnl([
      trades([
        ['ACC-1', 'XYZ', 'BUY', 1, 10, 0, d1],
        ['ACC-1', 'XYZ', 'SELL', 1, 11, 0, d1],
      ]),
      closes([]),
    ]);
    expect(flat.tables.Positions[0].realized_pnl).toBe(1);
  });

  it('a second close for a symbol on one date, and a missing dataset', async () => {
    const twice = await failure([
      good(),
      closes([
        ['XYZ', d1, 10],
        ['XYZ', d1, 11],
      ]),
    ]);
    expect(twice.place).toEqual({ dataset: 'prices', row: 2, column: 'date' });
    expect(twice.message).toContain('(the first is row 1)');
    const missing = await failure([good()]);
    expect(missing.code).toBe('missing_dataset');
    expect(missing.place).toMatchObject({ sheet: 'Settings', cell: 'B3', setting: 'Prices' });
  });
});
