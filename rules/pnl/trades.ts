/**
 * Reads and validates a trades dataset into typed columns (one typed array per role), and
 * the booking order: by date, then time, then dataset order. Every row is checked, all or
 * nothing, before anything is booked.
 */
import { RuleError } from '../errors.js';
import type { Dataset } from '../types.js';
import { FieldReader, roleColumns } from './dataset-fields.js';
import { OPTIONAL_TRADE_ROLES, TRADE_ROLES, type PnlSettings } from './pnl-settings.js';

/** One (account, symbol): lots never cross pairs. */
export interface Pair {
  account: string;
  symbol: string;
  /** The currency of every trade of the pair (null when trades have no currency field). */
  currency: string | null;
  multiplier: number;
}

export interface TradeColumns {
  dataset: string;
  pairs: Pair[];
  /** Per trade (dataset row order): its pair, signed quantity, price, fee, day (Excel serial) and time of day. */
  pair: Int32Array;
  quantity: Float64Array;
  price: Float64Array;
  fee: Float64Array;
  day: Int32Array;
  seconds: Float64Array;
  /** Trade indexes on or before As of, in booking order. */
  order: Uint32Array;
  /** The As of day: the setting's, else the latest trade day. */
  asOfDay: number;
}

const BUY = new Set(['BUY', 'B', 'BOT', 'BY']);
const SELL = new Set(['SELL', 'S', 'SLD', 'SS', 'SELL SHORT']);

/** Reads every trade; throws a RuleError naming the dataset, row and field of the first bad value. */
export function readTrades(dataset: Dataset, settings: PnlSettings, asOfDay: number | null): TradeColumns {
  const cols = roleColumns(dataset, TRADE_ROLES, OPTIONAL_TRADE_ROLES, settings.tradeFields, {
    name: 'Trade fields',
    row: settings.rows['trade fields'] ?? settings.rows.trades,
  });
  const read = new FieldReader(dataset);
  const n = dataset.rows.length;
  const out = {
    pair: new Int32Array(n),
    quantity: new Float64Array(n),
    price: new Float64Array(n),
    fee: new Float64Array(n),
    day: new Int32Array(n),
    seconds: new Float64Array(n),
  };
  const pairs: Pair[] = [];
  const pairIds = new Map<string, number>();
  let latest = -Infinity;
  for (let i = 0; i < n; i++) {
    const account = read.text(i, cols.account, 'account');
    const symbol = read.text(i, cols.symbol, 'symbol');
    const quantity = read.number(i, cols.quantity, 'quantity');
    let sign = Math.sign(quantity);
    if (cols.side >= 0) {
      sign = sideSign(read, i, cols.side);
      if (!(quantity > 0)) throw read.fault(i, cols.quantity, `the quantity ${quantity} is not positive (the side gives the direction)`);
    } else if (quantity === 0) throw read.fault(i, cols.quantity, 'the quantity is 0 (with no side field its sign gives the direction)');
    out.quantity[i] = sign * Math.abs(quantity);
    out.price[i] = read.number(i, cols.price, 'price');
    out.fee[i] = read.numberOr(i, cols.fee, 'fee', 0);
    const { day, seconds } = read.date(i, cols.date, 'date');
    out.day[i] = day;
    out.seconds[i] = cols.time >= 0 ? timeOfDay(read, i, cols.time) : seconds;
    if (day > latest) latest = day;
    const multiplier = read.numberOr(i, cols.multiplier, 'multiplier', 1);
    if (!(multiplier > 0)) throw read.fault(i, cols.multiplier, `the multiplier ${multiplier} is not positive`);
    const currency = cols.currency >= 0 ? read.text(i, cols.currency, 'currency').toUpperCase() : null;
    const key = `${account}\u0000${symbol}`;
    let id = pairIds.get(key);
    if (id === undefined) {
      id = pairs.length;
      pairIds.set(key, id);
      pairs.push({ account, symbol, currency, multiplier });
    } else {
      const known = pairs[id];
      // One position cannot mix contract sizes or currencies: its average cost would mean nothing.
      if (known.multiplier !== multiplier)
        throw read.fault(
          i,
          cols.multiplier,
          `the multiplier ${multiplier} differs from ${known.multiplier}, which earlier trades of ${account} ${symbol} have`,
        );
      if (known.currency !== currency)
        throw read.fault(
          i,
          cols.currency,
          `the currency ${currency} differs from ${known.currency}, which earlier trades of ${account} ${symbol} have`,
        );
    }
    out.pair[i] = id;
  }
  if (n === 0) throw new RuleError('bad_value', `dataset "${dataset.name}" has no trades to book`, { dataset: dataset.name });
  const asOf = asOfDay ?? latest;
  return { dataset: dataset.name, pairs, ...out, order: bookingOrder(out.day, out.seconds, asOf), asOfDay: asOf };
}

function sideSign(read: FieldReader, i: number, column: number): number {
  const side = read.text(i, column, 'side').toUpperCase().replace(/\s+/g, ' ');
  if (BUY.has(side)) return 1;
  if (SELL.has(side)) return -1;
  throw read.fault(i, column, `the side "${side}" is neither a buy (BUY, B, BOT, BY) nor a sell (SELL, S, SLD, SS, SELL SHORT)`);
}

/** Seconds into the day of a time text (`09:30`, `09:30:05.250`), a date-time, or a fraction of a day. */
function timeOfDay(read: FieldReader, i: number, column: number): number {
  const value = read.raw(i, column);
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return (value % 1) * 86_400;
  const match = typeof value === 'string' ? /(?:^|[T ])(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/.exec(value.trim()) : null;
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) {
    throw read.fault(
      i,
      column,
      `the time ${value === null || value === '' ? 'is empty' : `${JSON.stringify(value)} is not a time (HH:MM:SS)`}`,
    );
  }
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3] ?? 0);
}

/** Trades on or before `asOf` by day, then time, then dataset order (a stable sort). */
function bookingOrder(day: Int32Array, seconds: Float64Array, asOf: number): Uint32Array {
  let count = 0;
  for (let i = 0; i < day.length; i++) if (day[i] <= asOf) count++;
  const order = new Uint32Array(count);
  let sorted = true;
  for (let i = 0, k = 0; i < day.length; i++) {
    if (day[i] > asOf) continue;
    if (k > 0) {
      const p = order[k - 1];
      if (day[p] > day[i] || (day[p] === day[i] && seconds[p] > seconds[i])) sorted = false;
    }
    order[k++] = i;
  }
  // A blotter is usually in time order already: then there is nothing to sort.
  if (!sorted) order.sort((a, b) => day[a] - day[b] || seconds[a] - seconds[b] || a - b);
  return order;
}
