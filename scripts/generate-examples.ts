/**
 * Generates the demo material in examples/: one week (2026-11-16 to 2026-11-20) of a small
 * brokerage with breaks planted on purpose, and the demo rule sheets as .xlsx files.
 * Deterministic: `npx tsx scripts/generate-examples.ts` rewrites the same bytes' content.
 * The planted breaks are listed in examples/README.md; golden tests hold them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nyseHolidays, serialOf, weekdayOf } from '../rules/calendars/nyse.js';
import { serialToIso } from '../rules/field-values.js';
import { rng } from './random.js';
import { writeRuleSheets } from './example-sheets.js';
import { writeExpirationExamples } from './expiration-examples.js';
import { writePnlExamples } from './pnl-examples.js';

const OUT = process.argv[2] ?? 'examples';
const DAYS = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'];
const SYMBOLS: Record<string, number> = {
  AAPL: 228.5,
  MSFT: 415.2,
  AMZN: 201.1,
  GOOG: 176.4,
  META: 563.9,
  NVDA: 141.3,
  TSLA: 338.7,
  JPM: 243.6,
  BAC: 46.2,
  XOM: 121.8,
  IBM: 221.4,
  ORCL: 187.5,
  INTC: 24.3,
  CSCO: 58.9,
  PFE: 25.7,
  KO: 63.1,
  PEP: 158.4,
  WMT: 88.6,
  DIS: 113.2,
  CVX: 158.9,
};
const ACCOUNTS = ['ACC-1001', 'ACC-1002', 'ACC-2001', 'ACC-3001', 'ACC-3002'];
const BROKERS = ['GSCO', 'MSCO', 'JPMS'];

export interface Fill {
  exec_id: string;
  trade_date: string;
  settle_date: string;
  account: string;
  symbol: string;
  side: 'BUY' | 'SELL';
  quantity: number;
  price: number;
  commission: number;
  broker: string;
  block_id: string;
}

const random = rng(20261116);
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

/** Trade date plus one NYSE business day. */
function settle(tradeDate: string): string {
  const [y, m, d] = tradeDate.split('-').map(Number);
  let day = serialOf(y, m, d) + 1;
  while ([0, 6].includes(weekdayOf(day)) || nyseHolidays(y).includes(day)) day += 1;
  return serialToIso(day);
}

/** Daily close per symbol: a small random walk. */
const closes = new Map<string, number>();
for (const symbol of [...Object.keys(SYMBOLS), 'NFLX']) {
  let price = SYMBOLS[symbol] ?? 905.4;
  for (const day of DAYS) {
    price = round(price * (1 + (random() - 0.5) * 0.02), 2);
    closes.set(`${day}|${symbol}`, price);
  }
}

function makeFills(): Fill[] {
  const fills: Fill[] = [];
  let exec = 100000;
  let block = 5000;
  const addBlock = (day: string, symbol: string, count: number, sizes?: number[]) => {
    const account = pick(ACCOUNTS);
    const side = random() < 0.5 ? 'BUY' : 'SELL';
    const broker = pick(BROKERS);
    const blockId = `B${++block}`;
    const close = closes.get(`${day}|${symbol}`)!;
    for (let i = 0; i < count; i++) {
      const quantity = sizes?.[i] ?? 100 * (1 + Math.floor(random() * 30));
      const price = round(close * (1 + (random() - 0.5) * 0.01), 2);
      fills.push({
        exec_id: `X${++exec}`,
        trade_date: day,
        settle_date: settle(day),
        account,
        symbol,
        side,
        quantity,
        price,
        commission: round(quantity * 0.005, 2),
        broker,
        block_id: blockId,
      });
    }
  };
  for (const day of DAYS) {
    for (let b = 0; b < 150; b++) addBlock(day, pick(Object.keys(SYMBOLS)), 1 + Math.floor(random() * 7));
  }
  // Restricted-list and limit cases for the compliance check.
  addBlock('2026-11-17', 'NFLX', 1, [300]); // before NFLX went on the list: fine
  addBlock('2026-11-19', 'NFLX', 2, [200, 400]); // restricted
  addBlock('2026-11-18', 'AAPL', 1, [7500]); // over the size limit
  addBlock('2026-11-20', 'MSFT', 1, [12000]); // over the size limit
  // Two fills far from the close.
  const far = fills.filter((f) => f.symbol === 'TSLA' && f.trade_date === '2026-11-18').slice(0, 1);
  const far2 = fills.filter((f) => f.symbol === 'KO' && f.trade_date === '2026-11-19').slice(0, 1);
  far.forEach((f) => (f.price = round(closes.get(`${f.trade_date}|${f.symbol}`)! * 1.08, 2)));
  far2.forEach((f) => (f.price = round(closes.get(`${f.trade_date}|${f.symbol}`)! * 0.93, 2)));
  return fills;
}

function csv(rows: Record<string, string | number>[]): string {
  const headers = Object.keys(rows[0]);
  return [headers.join(','), ...rows.map((r) => headers.map((h) => r[h]).join(','))].join('\n') + '\n';
}

export interface Planted {
  broker: Record<string, string>;
  bo: Record<string, string>;
  compliance: Record<string, string>;
}

function main(): void {
  const fills = makeFills();
  const planted: Planted = { broker: {}, bo: {}, compliance: {} };
  const blocks = new Map<string, Fill[]>();
  for (const f of fills) blocks.set(f.block_id, [...(blocks.get(f.block_id) ?? []), f]);
  const multi = [...blocks.keys()].filter((b) => blocks.get(b)!.length >= 3 && blocks.get(b)![0].symbol !== 'NFLX');
  // Spread over the book, as real breaks are: a sample of the first fills (the editor's live
  // preview) then sees about the share of breaks a whole run does, one of them among its rows.
  const spread = [multi[10], ...[2, 3, 4, 5, 6].map((i) => multi[Math.floor((i * multi.length) / 7)])];
  const [qtyBlock, pxBlock, commBlock, missingBlock, settleBlock, dupBlock] = spread;
  planted.broker = {
    [qtyBlock]: 'quantity',
    [pxBlock]: 'price',
    [commBlock]: 'commission',
    [missingBlock]: 'missing at broker',
    [settleBlock]: 'settle date',
    [dupBlock]: 'duplicate right key',
    B9999: 'missing in FO',
  };
  let confirm = 70000;
  const confirms: Record<string, string | number>[] = [];
  for (const [blockId, group] of blocks) {
    if (blockId === missingBlock) continue;
    const quantity = group.reduce((a, f) => a + f.quantity, 0);
    const avg = group.reduce((a, f) => a + f.quantity * f.price, 0) / quantity;
    const first = group[0];
    const row = {
      confirm_id: `C${++confirm}`,
      block_id: blockId,
      trade_date: first.trade_date,
      settle_date: blockId === settleBlock ? settle(first.settle_date) : first.settle_date,
      account: first.account,
      symbol: first.symbol,
      side: first.side,
      quantity: blockId === qtyBlock ? quantity + 100 : quantity,
      avg_price: round(blockId === pxBlock ? avg + 0.05 : avg, 6),
      commission: round(group.reduce((a, f) => a + f.commission, 0) + (blockId === commBlock ? 12.5 : 0), 2),
    };
    confirms.push(row);
    if (blockId === dupBlock) confirms.push({ ...row, confirm_id: `C${++confirm}` });
  }
  confirms.push({
    confirm_id: `C${confirm + 1}`,
    block_id: 'B9999',
    trade_date: '2026-11-19',
    settle_date: '2026-11-20',
    account: 'ACC-2001',
    symbol: 'ORCL',
    side: 'BUY',
    quantity: 1500,
    avg_price: 186.25,
    commission: 7.5,
  });

  // The back-office book: one booking per fill, some exec ids reformatted (matched by pass 2).
  const singles = fills.filter((f) => blocks.get(f.block_id)!.length === 1 && f.symbol !== 'NFLX' && f.quantity < 5000);
  const [boQty, boPx, boMissing, boDup, boSettle] = singles.slice(20, 25).map((f) => f.exec_id);
  planted.bo = {
    [boQty]: 'quantity',
    [boPx]: 'price',
    [boMissing]: 'missing in BO',
    [boDup]: 'duplicate right key',
    [boSettle]: 'settle date',
    X999999: 'missing in FO',
  };
  const pass2Keys = new Map<string, number>();
  for (const f of fills) {
    const key = [f.account, f.symbol, f.side, f.trade_date, f.quantity].join('|');
    pass2Keys.set(key, (pass2Keys.get(key) ?? 0) + 1);
  }
  let ref = 900000;
  const book: Record<string, string | number>[] = [];
  let reformatted = 0;
  for (const f of fills) {
    if (f.exec_id === boMissing) continue;
    const unique = pass2Keys.get([f.account, f.symbol, f.side, f.trade_date, f.quantity].join('|')) === 1;
    const planted = Object.keys({ [boQty]: 1, [boPx]: 1, [boDup]: 1, [boSettle]: 1 }).includes(f.exec_id);
    const legacy = unique && !planted && random() < 0.04;
    if (legacy) reformatted += 1;
    const quantity = f.exec_id === boQty ? f.quantity - 100 : f.quantity;
    const price = f.exec_id === boPx ? round(f.price + 0.1, 2) : f.price;
    const net = round(quantity * price + (f.side === 'BUY' ? f.commission : -f.commission), 2);
    const row = {
      trade_ref: `T${++ref}`,
      exec_id: legacy ? `LEG-${f.exec_id.slice(1)}` : f.exec_id,
      trade_date: f.trade_date,
      settle_date: f.exec_id === boSettle ? settle(f.settle_date) : f.settle_date,
      account: f.account,
      symbol: f.symbol,
      side: f.side,
      quantity,
      price,
      net_amount: net,
    };
    book.push(row);
    if (f.exec_id === boDup) book.push({ ...row, trade_ref: `T${++ref}` });
  }
  book.push({
    trade_ref: `T${ref + 1}`,
    exec_id: 'X999999',
    trade_date: '2026-11-20',
    settle_date: '2026-11-23',
    account: 'ACC-1002',
    symbol: 'KO',
    side: 'SELL',
    quantity: 800,
    price: 63.4,
    net_amount: 50716,
  });

  const restricted = [
    { symbol: 'NFLX', from: '2026-11-18', to: '2026-12-31', reason: 'pending deal (watch list)' },
    { symbol: 'BA', from: '2026-11-01', to: '2026-11-30', reason: 'research blackout' },
  ];
  for (const f of fills) {
    const onList = restricted.some((r) => r.symbol === f.symbol && f.trade_date >= r.from && f.trade_date <= r.to);
    const close = closes.get(`${f.trade_date}|${f.symbol}`)!;
    if (onList) planted.compliance[f.exec_id] = 'restricted';
    else if (f.quantity > 5000) planted.compliance[f.exec_id] = 'size';
    else if (Math.abs(f.price / close - 1) > 0.05) planted.compliance[f.exec_id] = 'price vs close';
  }

  mkdirSync(join(OUT, 'data'), { recursive: true });
  writeFileSync(join(OUT, 'data', 'fo_blotter.csv'), csv(fills as unknown as Record<string, string | number>[]));
  writeFileSync(join(OUT, 'data', 'broker_confirms.csv'), csv(confirms));
  writeFileSync(join(OUT, 'data', 'bo_book.csv'), csv(book));
  const closeRows = [...closes].map(([k, close]) => ({ date: k.split('|')[0], symbol: k.split('|')[1], close }));
  writeFileSync(join(OUT, 'data', 'closing_prices.csv'), csv(closeRows));
  writeFileSync(join(OUT, 'data', 'restricted_list.csv'), csv(restricted));
  writeRuleSheets(join(OUT, 'sheets'), { closes: closeRows, restricted, symbols: [...Object.keys(SYMBOLS), 'NFLX'].sort() });
  writePnlExamples(OUT);
  const expiration = writeExpirationExamples(OUT, closes);
  writeFileSync(join(OUT, 'planted-breaks.json'), `${JSON.stringify({ ...planted, expiration }, null, 2)}\n`);
  console.log(
    `${fills.length} fills in ${blocks.size} blocks, ${confirms.length} confirms, ${book.length} bookings (${reformatted} with legacy exec ids)`,
  );
}

main();
