/**
 * The booking rules of the P&L contract, section 2, on hand-computed goldens. Days:
 * d1 = 2026-01-05, d2 = 2026-01-06, d3 = 2026-01-07, d4 = 2026-01-08.
 */
import { describe, expect, it } from 'vitest';
import { closes, pick, runPnl, trades } from '../helpers/pnl.js';
import { dataset } from '../helpers/workbooks.js';

const [d1, d2, d3, d4] = ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08'];
const REALIZED = ['account', 'symbol', 'open_date', 'close_date', 'quantity', 'open_price', 'close_price', 'realized_pnl'];
const POSITION = [
  'account',
  'symbol',
  'quantity',
  'average_cost',
  'mark',
  'market_value',
  'unrealized_pnl',
  'realized_pnl',
  'fees',
  'net_pnl',
];

// Three lots, then one sell of 250 that closes two and part of the third.
const threeLots = trades([
  ['ACC-1', 'XYZ', 'BUY', 100, 10, 0, d1],
  ['ACC-1', 'XYZ', 'BUY', 100, 12, 0, d2],
  ['ACC-1', 'XYZ', 'BUY', 100, 14, 0, d3],
  ['ACC-1', 'XYZ', 'SELL', 250, 15, 0, d4],
]);
const close15 = closes([['XYZ', d4, 15]]);

describe('cost basis on the same trades, a partial close across three lots', () => {
  it('FIFO relieves the oldest lots first', async () => {
    const { tables } = await runPnl([threeLots, close15], { 'Cost basis': 'FIFO' });
    // 100 x (15-10) = 500, 100 x (15-12) = 300, 50 x (15-14) = 50: 850 realized, 50 @ 14 left.
    expect(pick(tables.Realized, REALIZED)).toEqual([
      ['ACC-1', 'XYZ', d1, d4, 100, 10, 15, 500],
      ['ACC-1', 'XYZ', d2, d4, 100, 12, 15, 300],
      ['ACC-1', 'XYZ', d3, d4, 50, 14, 15, 50],
    ]);
    // Unrealized (15-14) x 50 = 50; net 850 + 50 = 900; value 50 x 15 = 750.
    expect(pick(tables.Positions, POSITION)).toEqual([['ACC-1', 'XYZ', 50, 14, 15, 750, 50, 850, 0, 900]]);
  });

  it('LIFO relieves the newest lots first', async () => {
    const { tables } = await runPnl([threeLots, close15], { 'Cost basis': 'lifo' });
    // 100 x (15-14) = 100, 100 x (15-12) = 300, 50 x (15-10) = 250: 650 realized, 50 @ 10 left.
    expect(pick(tables.Realized, REALIZED)).toEqual([
      ['ACC-1', 'XYZ', d3, d4, 100, 14, 15, 100],
      ['ACC-1', 'XYZ', d2, d4, 100, 12, 15, 300],
      ['ACC-1', 'XYZ', d1, d4, 50, 10, 15, 250],
    ]);
    // Unrealized (15-10) x 50 = 250; net 650 + 250 = 900.
    expect(pick(tables.Positions, POSITION)).toEqual([['ACC-1', 'XYZ', 50, 10, 15, 750, 250, 650, 0, 900]]);
  });

  it('Average closes at the average cost, which the close does not change', async () => {
    const { tables } = await runPnl([threeLots, close15], { 'Cost basis': 'Average' });
    // Average (1000 + 1200 + 1400) / 300 = 12; 250 x (15-12) = 750, one piece dated from the position's first day.
    expect(pick(tables.Realized, REALIZED)).toEqual([['ACC-1', 'XYZ', d1, d4, 250, 12, 15, 750]]);
    // 50 @ 12 left: unrealized 50 x 3 = 150; net 900 (the same total under every basis).
    expect(pick(tables.Positions, POSITION)).toEqual([['ACC-1', 'XYZ', 50, 12, 15, 750, 150, 750, 0, 900]]);
  });
});

describe('flips, shorts and accounts', () => {
  it('flips long to short and short to long', async () => {
    const { tables } = await runPnl([
      trades([
        ['ACC-1', 'XYZ', 'BUY', 100, 50, 0, d1],
        ['ACC-1', 'XYZ', 'SELL', 150, 55, 0, d2],
        ['ACC-1', 'XYZ', 'BUY', 80, 52, 0, d3],
      ]),
      closes([['XYZ', d3, 53]]),
    ]);
    // The contract's example: long 100 @ 50, sell 150 @ 55 realizes 5 x 100 = 500, leaves short 50 @ 55.
    // Buy 80 @ 52 closes the short: (52-55) x -50 = 150, and opens long 30 @ 52.
    expect(pick(tables.Realized, REALIZED)).toEqual([
      ['ACC-1', 'XYZ', d1, d2, 100, 50, 55, 500],
      ['ACC-1', 'XYZ', d2, d3, -50, 55, 52, 150],
    ]);
    // 30 @ 52 marked at 53: value 1590, unrealized 30; realized 650; net 680.
    expect(pick(tables.Positions, POSITION)).toEqual([['ACC-1', 'XYZ', 30, 52, 53, 1590, 30, 650, 0, 680]]);
  });

  it('resets the average cost when an Average position flips and when it goes flat', async () => {
    const { tables } = await runPnl(
      [
        trades([
          ['ACC-1', 'XYZ', 'BUY', 100, 10, 0, d1],
          ['ACC-1', 'XYZ', 'BUY', 100, 20, 0, d1],
          ['ACC-1', 'XYZ', 'SELL', 250, 18, 0, d2],
          ['ACC-1', 'XYZ', 'BUY', 50, 17, 0, d3],
          ['ACC-1', 'XYZ', 'BUY', 10, 30, 0, d4],
        ]),
        closes([['XYZ', d4, 31]]),
      ],
      { 'Cost basis': 'Average' },
    );
    // Average (1000 + 2000) / 200 = 15; selling 250 @ 18 closes 200: 3 x 200 = 600, short 50 @ 18 (not 15).
    // Buying 50 @ 17 covers it: (17-18) x -50 = 50, flat. Buying 10 @ 30 starts afresh at 30.
    expect(pick(tables.Realized, REALIZED)).toEqual([
      ['ACC-1', 'XYZ', d1, d2, 200, 15, 18, 600],
      ['ACC-1', 'XYZ', d2, d3, -50, 18, 17, 50],
    ]);
    expect(pick(tables.Positions, ['quantity', 'average_cost', 'unrealized_pnl', 'realized_pnl'])).toEqual([[10, 30, 10, 650]]);
  });

  it('books a short opened first', async () => {
    const { tables } = await runPnl([
      trades([
        ['ACC-1', 'XYZ', 'SELL SHORT', 100, 20, 0, d1],
        ['ACC-1', 'XYZ', 'BUY', 40, 18, 0, d2],
      ]),
      closes([['XYZ', d2, 17]]),
    ]);
    // Covering 40 @ 18 against 20: (18-20) x -40 = 80.
    expect(pick(tables.Realized, REALIZED)).toEqual([['ACC-1', 'XYZ', d1, d2, -40, 20, 18, 80]]);
    // Short 60 @ 20 at 17: value -60 x 17 = -1020, unrealized (17-20) x -60 = 180, net 260.
    expect(pick(tables.Positions, POSITION)).toEqual([['ACC-1', 'XYZ', -60, 20, 17, -1020, 180, 80, 0, 260]]);
  });

  it("keeps lots per account: a sell never relieves another account's lot", async () => {
    const { tables } = await runPnl([
      trades([
        ['ACC-2', 'XYZ', 'BUY', 100, 20, 0, d1],
        ['ACC-1', 'XYZ', 'BUY', 100, 10, 0, d1],
        ['ACC-1', 'XYZ', 'SELL', 100, 15, 0, d2],
      ]),
      closes([['XYZ', d2, 15]]),
    ]);
    // ACC-1 sells its own lot @ 10: +500 (ACC-2's older lot @ 20 would have given -500).
    expect(pick(tables.Realized, REALIZED)).toEqual([['ACC-1', 'XYZ', d1, d2, 100, 10, 15, 500]]);
    expect(pick(tables.Positions, POSITION)).toEqual([
      ['ACC-1', 'XYZ', 0, null, null, 0, 0, 500, 0, 500],
      // 100 @ 20 at 15: unrealized -500.
      ['ACC-2', 'XYZ', 100, 20, 15, 1500, -500, 0, 0, -500],
    ]);
  });
});

describe('booking order, multipliers, fees, As of', () => {
  it('books by date, then time, then dataset order, whatever the file order', async () => {
    const { tables } = await runPnl([
      trades([
        ['ACC-1', 'XYZ', 'SELL', 100, 12, 0, d2, '09:00'],
        ['ACC-1', 'XYZ', 'BUY', 100, 11, 0, d1, '10:00:00'],
        ['ACC-1', 'XYZ', 'BUY', 100, 10, 0, d1, '09:30:00'],
        // Same day and time: dataset order decides, so the lot @ 31 is the older one.
        ['ACC-T', 'ABC', 'BUY', 10, 31, 0, d1, '09:00:00'],
        ['ACC-T', 'ABC', 'BUY', 10, 30, 0, d1, '09:00:00'],
        ['ACC-T', 'ABC', 'SELL', 10, 32, 0, d2, '09:00:00'],
      ]),
      closes([
        ['XYZ', d2, 12],
        ['ABC', d2, 32],
      ]),
    ]);
    // XYZ: the 09:30 buy @ 10 is the oldest lot: (12-10) x 100 = 200. ABC: (32-31) x 10 = 10.
    // Realized rows come in booking order: both sells are d2 09:00, the XYZ one earlier in the file.
    expect(pick(tables.Realized, REALIZED)).toEqual([
      ['ACC-1', 'XYZ', d1, d2, 100, 10, 12, 200],
      ['ACC-T', 'ABC', d1, d2, 10, 31, 32, 10],
    ]);
    expect(pick(tables.Positions, ['account', 'symbol', 'quantity', 'average_cost'])).toEqual([
      ['ACC-1', 'XYZ', 100, 11],
      ['ACC-T', 'ABC', 10, 30],
    ]);
  });

  it('multiplies by the contract size and counts fees on their trade date, never in the price', async () => {
    const header = ['account', 'symbol', 'side', 'quantity', 'price', 'fee', 'date:date', 'multiplier'];
    const { tables } = await runPnl([
      trades(
        [
          ['ACC-1', 'XYZ 260116C50', 'BUY', 2, 5, 1.3, d1, 100],
          ['ACC-1', 'XYZ 260116C50', 'SELL', 2, 6.5, 1.3, d2, 100],
        ],
        header,
      ),
      closes([
        ['XYZ 260116C50', d1, 5.25],
        ['XYZ 260116C50', d2, 6.5],
      ]),
    ]);
    // (6.50 - 5.00) x 2 x 100 = 300; the open price stays 5 (fees are not folded in).
    expect(pick(tables.Realized, [...REALIZED, 'multiplier'])).toEqual([['ACC-1', 'XYZ 260116C50', d1, d2, 2, 5, 6.5, 300, 100]]);
    // Fees 1.30 + 1.30 = 2.60; net 300 - 2.60 = 297.40.
    expect(pick(tables.Positions, POSITION)).toEqual([['ACC-1', 'XYZ 260116C50', 0, null, null, 0, 0, 300, 2.6, 297.4]]);
    // d1: unrealized (5.25-5) x 2 x 100 = 50, total 50 - 1.30 = 48.70.
    // d2: realized 300, fee 1.30, flat; total = (300 - 2.60) - 48.70 = 248.70. 48.70 + 248.70 = 297.40 = net.
    expect(pick(tables.Daily, ['date', 'realized_pnl', 'fees', 'unrealized_pnl', 'total_pnl'])).toEqual([
      [d1, 0, 1.3, 50, 48.7],
      [d2, 300, 1.3, 0, 248.7],
    ]);
  });

  it('leaves out trades after As of and marks at the latest close on or before it', async () => {
    const { tables } = await runPnl(
      [
        trades([
          ['ACC-1', 'XYZ', 'BUY', 100, 10, 0, d1],
          ['ACC-1', 'XYZ', 'SELL', 100, 12, 0, d3],
        ]),
        closes([
          ['XYZ', d1, 10],
          ['XYZ', d2, 11],
          ['XYZ', d3, 12],
        ]),
      ],
      { 'As of': d2 },
    );
    // The d3 sell is after As of: nothing realized, 100 @ 10 marked at d2's 11: unrealized 100.
    expect(tables.Realized).toEqual([]);
    expect(pick(tables.Positions, POSITION)).toEqual([['ACC-1', 'XYZ', 100, 10, 11, 1100, 100, 0, 0, 100]]);
    // d1 a trade (unrealized 0), d2 a close while open (unrealized 100): nothing on d3.
    expect(pick(tables.Daily, ['date', 'realized_pnl', 'fees', 'unrealized_pnl', 'total_pnl'])).toEqual([
      [d1, 0, 0, 0, 0],
      [d2, 0, 0, 100, 100],
    ]);
  });

  it('gives a day without a close an empty unrealized P&L, and no row to a flat pair', async () => {
    const { tables } = await runPnl([
      trades([
        ['ACC-1', 'XYZ', 'BUY', 100, 10, 0, d1],
        ['ACC-1', 'XYZ', 'BUY', 100, 11, 0, d2],
        ['ACC-1', 'XYZ', 'SELL', 200, 12, 0, d3],
        ['ACC-1', 'XYZ', 'BUY', 10, 12, 0, d4],
      ]),
      // No close on d2; ABC has closes but was never traded: no rows for it.
      closes([
        ['XYZ', d1, 10.5],
        ['XYZ', d3, 12],
        ['XYZ', d4, 13],
        ['ABC', d1, 1],
      ]),
    ]);
    // d1: 100 @ 10 at 10.5: unrealized 50, total 50.
    // d2: no close: unrealized empty; the total values 200 @ avg 10.5 at d1's close 10.5: 0, so 0 - 50 = -50.
    // d3: realized (12-10) x 100 + (12-11) x 100 = 300, flat: total 300 - 0 = 300.
    // d4: 10 @ 12 at 13: unrealized 10, total 10. Sum 50 - 50 + 300 + 10 = 310 = net (300 + 10).
    expect(pick(tables.Daily, ['date', 'symbol', 'realized_pnl', 'unrealized_pnl', 'total_pnl'])).toEqual([
      [d1, 'XYZ', 0, 50, 50],
      [d2, 'XYZ', 0, null, -50],
      [d3, 'XYZ', 300, 0, 300],
      [d4, 'XYZ', 0, 10, 10],
    ]);
    expect(pick(tables.Positions, ['net_pnl'])).toEqual([[310]]);
  });
});

describe('sides', () => {
  it('reads every spelling of a buy and a sell, in any case', async () => {
    const buys = ['BUY', 'b', 'BOT', 'By', 'buy'];
    const sells = ['SELL', 's', 'sld', 'SS', 'SELL SHORT', 'sell short', ' Sell  Short '];
    const { tables } = await runPnl([
      trades([...buys, ...sells].map((side) => ['ACC-1', 'XYZ', side, 1, 10, 0, d1])),
      closes([['XYZ', d1, 10]]),
    ]);
    // 5 bought, 7 sold: short 2.
    expect(pick(tables.Positions, ['quantity'])).toEqual([[-2]]);
  });

  it('takes the side from the sign of the quantity when there is no side field', async () => {
    const signed = dataset(
      'trades',
      ['account', 'symbol', 'quantity', 'price', 'date:date'],
      [
        ['ACC-1', 'XYZ', 100, 50, d1],
        ['ACC-1', 'XYZ', -150, 55, d2],
      ],
    );
    const { tables } = await runPnl([signed, closes([['XYZ', d2, 55]])]);
    // As the flip example: +500 realized, short 50 @ 55.
    expect(pick(tables.Realized, ['quantity', 'realized_pnl'])).toEqual([[100, 500]]);
    expect(pick(tables.Positions, ['quantity', 'average_cost'])).toEqual([[-50, 55]]);
  });
});
