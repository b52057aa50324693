/**
 * Generates a P&L benchmark: N trades over 50 accounts and 3,000 symbols across 21 trading
 * days (each account trading its own 600 symbols, closing and flipping positions as a
 * desk does), a close for every symbol every day, and a P&L report with no formula sheets.
 * Deterministic (seeded), so runs are comparable.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { rng } from '../scripts/random.js';

export const PNL_ACCOUNTS = 50;
export const PNL_SYMBOLS = 3_000;
const SYMBOLS_PER_ACCOUNT = 600;
const DAYS = 21;

export const PNL_SHEET = {
  sheets: [
    {
      name: 'Settings',
      cells: [
        ['Type', 'Report'],
        ['Trades', 'trades'],
        ['Cost basis', 'FIFO'],
        ['Prices', 'closes'],
      ],
    },
  ],
  names: [],
};

/** The first 21 weekdays from 2026-11-02. */
function tradingDays(): string[] {
  const days: string[] = [];
  for (let t = Date.UTC(2026, 10, 2); days.length < DAYS; t += 86_400_000) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** Writes trades.csv, closes.csv and pnl.json into `dir`; returns their paths. */
export async function generatePnl(dir: string, trades: number, seed = 7): Promise<{ trades: string; closes: string; sheet: string }> {
  mkdirSync(dir, { recursive: true });
  const random = rng(seed);
  const days = tradingDays();
  const symbols = Array.from({ length: PNL_SYMBOLS }, (_, i) => `S${String(i).padStart(4, '0')}`);
  const base = symbols.map(() => 10 + random() * 290);
  // Each symbol drifts day by day; trades print near that day's level.
  const level = days.map(() => symbols.map(() => 0));
  for (let s = 0; s < PNL_SYMBOLS; s++) {
    let price = base[s];
    for (let d = 0; d < DAYS; d++) {
      price *= 1 + (random() - 0.5) * 0.04;
      level[d][s] = price;
    }
  }
  const universe = Array.from({ length: PNL_ACCOUNTS }, () => {
    const picked = new Set<number>();
    while (picked.size < SYMBOLS_PER_ACCOUNT) picked.add(Math.floor(random() * PNL_SYMBOLS));
    return [...picked];
  });
  const position = new Float64Array(PNL_ACCOUNTS * PNL_SYMBOLS);
  const out = createWriteStream(join(dir, 'trades.csv'));
  out.write('account,symbol,side,quantity,price,fee,date,time\n');
  const perDay = Math.ceil(trades / DAYS);
  for (let i = 0; i < trades; i++) {
    const d = Math.min(DAYS - 1, Math.floor(i / perDay));
    // 09:30 to 16:00 in order; many trades share a second, so dataset order breaks ties.
    const seconds = 34_200 + Math.floor(((i % perDay) / perDay) * 23_400);
    const time = `${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
    const a = Math.floor(random() * PNL_ACCOUNTS);
    const s = universe[a][Math.floor(random() * SYMBOLS_PER_ACCOUNT)];
    const held = position[a * PNL_SYMBOLS + s];
    let quantity: number;
    if (held !== 0 && random() < 0.55) {
      // Against the position: mostly a partial close, sometimes all of it, now and then a flip.
      const size = Math.max(10, Math.round((Math.abs(held) * (0.3 + random() * 0.9)) / 10) * 10);
      quantity = -Math.sign(held) * size;
    } else quantity = (random() < 0.5 ? 1 : -1) * 10 * (1 + Math.floor(random() * 100));
    position[a * PNL_SYMBOLS + s] += quantity;
    const price = Math.round(level[d][s] * (1 + (random() - 0.5) * 0.01) * 100) / 100;
    const fee = Math.max(1, Math.round(Math.abs(quantity) * 0.5) / 100);
    const line = `ACC${String(a).padStart(2, '0')},${symbols[s]},${quantity > 0 ? 'BUY' : 'SELL'},${Math.abs(quantity)},${price},${fee},${days[d]},${time}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const closes = createWriteStream(join(dir, 'closes.csv'));
  closes.write('symbol,date,close\n');
  for (let d = 0; d < DAYS; d++) {
    for (let s = 0; s < PNL_SYMBOLS; s++) {
      if (!closes.write(`${symbols[s]},${days[d]},${Math.round(level[d][s] * 100) / 100}\n`)) await once(closes, 'drain');
    }
  }
  closes.end();
  await once(closes, 'finish');
  const sheet = join(dir, 'pnl.json');
  writeFileSync(sheet, JSON.stringify(PNL_SHEET));
  return { trades: join(dir, 'trades.csv'), closes: join(dir, 'closes.csv'), sheet };
}
