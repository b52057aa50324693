/**
 * Generates a reconciliation benchmark: N front-office rows, N broker rows (with a few
 * percent of quantity, price and missing breaks) and a rule sheet with five formula
 * columns. Deterministic (seeded), so runs are comparable.
 */
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { rng } from '../scripts/random.js';

const SYMBOLS = [
  'AAPL',
  'MSFT',
  'AMZN',
  'GOOG',
  'META',
  'NVDA',
  'TSLA',
  'JPM',
  'BAC',
  'XOM',
  'IBM',
  'ORCL',
  'INTC',
  'CSCO',
  'PFE',
  'KO',
  'PEP',
  'WMT',
  'DIS',
  'NFLX',
];

export const RECON_SHEET = {
  sheets: [
    {
      name: 'Settings',
      cells: [
        ['Type', 'Reconciliation'],
        ['Left', 'fo'],
        ['Right', 'broker'],
        ['Match 1', 'exec_id = exec_ref'],
        ['Param PriceTol', 0.005],
      ],
    },
    {
      name: 'Rows',
      cells: [
        [
          'left.exec_id',
          'left.quantity',
          'right.quantity',
          'left.price',
          'right.price',
          'left.commission',
          'right.commission',
          'match',
          'qty_diff',
          'px_diff',
          'notional',
          'comm_diff',
          'Exception',
        ],
        [
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          '=B2-C2',
          '=ROUND(D2-E2,6)',
          '=B2*D2',
          '=ABS(F2-G2)',
          '=IF(H2<>"matched",H2,IF(I2<>0,"quantity",IF(ABS(J2)>PriceTol,"price",IF(L2>0.01,"commission",""))))',
        ],
      ],
    },
    {
      name: 'Summary',
      cells: [
        ['Quantity breaks', '=COUNTIF(Rows!M:M,"quantity")'],
        ['Total notional', '=SUM(Rows!K:K)'],
      ],
    },
  ],
  names: [],
};

/** Writes fo.csv, broker.csv and recon.json into `dir`; returns their paths. */
export async function generateRecon(dir: string, rows: number, seed = 42): Promise<{ fo: string; broker: string; sheet: string }> {
  mkdirSync(dir, { recursive: true });
  const random = rng(seed);
  const fo = createWriteStream(join(dir, 'fo.csv'));
  const broker = createWriteStream(join(dir, 'broker.csv'));
  fo.write('exec_id,trade_date,account,symbol,side,quantity,price,commission\n');
  broker.write('exec_ref,trade_date,account,symbol,side,quantity,price,commission\n');
  for (let i = 0; i < rows; i++) {
    const id = `E${String(i).padStart(8, '0')}`;
    const symbol = SYMBOLS[Math.floor(random() * SYMBOLS.length)];
    const qty = 100 * (1 + Math.floor(random() * 50));
    const price = Math.round((20 + random() * 400) * 100) / 100;
    const commission = Math.round(qty * 0.005 * 100) / 100;
    const side = random() < 0.5 ? 'BUY' : 'SELL';
    const account = `ACC${1 + Math.floor(random() * 5)}`;
    const day = `2026-11-${16 + Math.floor(random() * 5)}`;
    const roll = random();
    if (!fo.write(`${id},${day},${account},${symbol},${side},${qty},${price},${commission}\n`)) await once(fo, 'drain');
    if (roll < 0.01) continue; // missing at the broker
    const bqty = roll < 0.02 ? qty + 100 : qty;
    const bprice = roll >= 0.02 && roll < 0.03 ? price + 0.05 : price;
    const ref = roll >= 0.03 && roll < 0.035 ? `X${id}` : id; // unknown to the front office
    if (!broker.write(`${ref},${day},${account},${symbol},${side},${bqty},${bprice},${commission}\n`)) await once(broker, 'drain');
  }
  fo.end();
  broker.end();
  await Promise.all([once(fo, 'finish'), once(broker, 'finish')]);
  const sheet = join(dir, 'recon.json');
  writeFileSync(sheet, JSON.stringify(RECON_SHEET));
  return { fo: join(dir, 'fo.csv'), broker: join(dir, 'broker.csv'), sheet };
}
