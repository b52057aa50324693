/**
 * The demo P&L report through the real CLI: `tickmark run examples/sheets/pnl.xlsx` books the
 * demo week's trades and writes the totals worked out by hand in scripts/pnl-examples.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPTION, PNL_GOLDEN } from '../../scripts/pnl-examples.js';
import { tempDir } from '../helpers/files.js';

let out: string;
/** A CSV the run wrote, as records by header. */
const table = (name: string): Record<string, string>[] => parse(readFileSync(join(out, `${name}.csv`), 'utf8'), { columns: true });
const num = (text: string) => Number(text);

beforeAll(() => {
  out = join(tempDir('tickmark-pnl-'), 'out');
  const data = ['pnl_trades', 'pnl_prices', 'pnl_fx'].flatMap((name) => ['--data', `${name}=examples/data/${name}.csv`]);
  const result = spawnSync(process.execPath, ['bin/tickmark.mjs', 'run', 'examples/sheets/pnl.xlsx', ...data, '--out', out], {
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/^Report: 14 rows, 0 exceptions/);
}, 60_000);

describe('demo P&L report (hand-computed goldens)', () => {
  it('books every position as worked out by hand', () => {
    const positions = table('Positions');
    expect(positions.map((p) => `${p.account}|${p.symbol}`).sort()).toEqual(Object.keys(PNL_GOLDEN.positions).sort());
    for (const p of positions) {
      const [quantity, realized, unrealized, fees, net] = PNL_GOLDEN.positions[`${p.account}|${p.symbol}`];
      const where = `${p.account} ${p.symbol}`;
      expect(num(p.quantity), where).toBe(quantity);
      expect(num(p.realized_pnl_base), where).toBeCloseTo(realized, 6);
      expect(num(p.unrealized_pnl_base), where).toBeCloseTo(unrealized, 6);
      expect(num(p.fees_base), where).toBeCloseTo(fees, 6);
      expect(num(p.net_pnl_base), where).toBeCloseTo(net, 6);
    }
    // The flip leaves short 50 @ 420; the EUR position stays in EUR beside its USD figures.
    const msft = positions.find((p) => p.symbol === 'MSFT')!;
    expect([msft.quantity, msft.average_cost, msft.mark]).toEqual(['-50', '420', '419']);
    const sap = positions.find((p) => p.symbol === 'SAP')!;
    expect([sap.currency, sap.market_value, sap.market_value_base, sap.net_pnl]).toEqual(['EUR', '5400', '5734.8', '204.5']);
    const flat = positions.find((p) => p.account === 'ACC-3001' && p.symbol === 'AAPL')!;
    expect([flat.quantity, flat.average_cost, flat.mark, flat.unrealized_pnl]).toEqual(['0', '', '', '0']);
  });

  it('closes lots first in, first out, the option at its multiplier', () => {
    const realized = table('Realized');
    expect(realized.length).toBe(PNL_GOLDEN.realizedRows);
    const aapl = realized.filter((r) => r.account === 'ACC-1001' && r.symbol === 'AAPL');
    // Wednesday's sale of 150 relieves Monday's 100 @ 225, then 50 of Tuesday's 200 @ 228.
    expect(aapl.map((r) => [r.open_date, r.close_date, r.quantity, r.open_price, r.close_price, r.realized_pnl])).toEqual([
      ['2026-11-16', '2026-11-18', '100', '225', '230', '500'],
      ['2026-11-17', '2026-11-18', '50', '228', '230', '100'],
      ['2026-11-17', '2026-11-20', '100', '228', '226', '-200'],
    ]);
    const option = realized.find((r) => r.symbol === OPTION)!;
    expect([option.quantity, option.multiplier, option.realized_pnl]).toEqual(['4', '100', '600']);
    // A closed short lot has a negative quantity.
    expect(realized.find((r) => r.symbol === 'TSLA')).toMatchObject({ quantity: '-30', realized_pnl: '150' });
  });

  it('writes the daily P&L by hand, day by day, adding up to the net', () => {
    const byDay = table('By day');
    expect(Object.fromEntries(byDay.map((d) => [d.date, num(d.total)]))).toEqual(PNL_GOLDEN.byDay);
    expect(num(byDay.at(-1)!.cumulative)).toBeCloseTo(PNL_GOLDEN.net, 6);
    const daily = table('Daily');
    const sum = (field: string) => daily.reduce((a, d) => a + num(d[field]), 0);
    expect(sum('total_pnl_base')).toBeCloseTo(PNL_GOLDEN.net, 6);
    expect(sum('fees_base')).toBeCloseTo(PNL_GOLDEN.fees, 6);
  });

  it("the report's own sheets add up by account and by symbol", () => {
    const byAccount = table('By account');
    for (const [account, net] of Object.entries(PNL_GOLDEN.byAccount))
      expect(num(byAccount.find((r) => r.account === account)!.net), account).toBeCloseTo(net, 6);
    const bySymbol = table('By symbol');
    for (const [symbol, net] of Object.entries(PNL_GOLDEN.bySymbol))
      expect(num(bySymbol.find((r) => r.symbol === symbol)!.net), symbol).toBeCloseTo(net, 6);
    expect(bySymbol.at(-1)).toMatchObject({ symbol: 'Total', quantity: '' });
  });

  it('proves its books in the Summary sheet', () => {
    const summary = table('Summary');
    const amount = (item: string) => num(summary.find((r) => r.item === item)!.amount);
    expect(amount('Realized P&L (USD)')).toBe(PNL_GOLDEN.realized);
    expect(amount('Unrealized P&L (USD)')).toBe(PNL_GOLDEN.unrealized);
    expect(amount('Fees (USD)')).toBe(PNL_GOLDEN.fees);
    expect(amount('Net P&L (USD)')).toBe(PNL_GOLDEN.net);
    expect(summary.length).toBe(8);
    expect(summary.filter((r) => r.books !== 'add up')).toEqual([]);
    // The engine's own checks found nothing: its Checks sheet is the header alone.
    expect(readFileSync(join(out, 'Checks.csv'), 'utf8').trim().split('\n')).toHaveLength(1);
  });
});
