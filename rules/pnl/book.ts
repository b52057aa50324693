/**
 * Books trades day by day (P&L contract section 2) into the three tables of section 3, kept
 * as columns of numbers: only the open lots, one running total per (account, symbol) and
 * the rows themselves are held, never a row object per trade.
 */
import { RuleError } from '../errors.js';
import { serialToIso } from '../field-values.js';
import { LotBook } from './lot-book.js';
import type { CostBasis } from './pnl-settings.js';
import type { DatedSeries, FxRates } from './series.js';
import type { Pair, TradeColumns } from './trades.js';

/** Realized: one entry per closed piece. */
export interface RealizedColumns {
  pair: number[];
  openDay: number[];
  closeDay: number[];
  quantity: number[];
  openPrice: number[];
  closePrice: number[];
  pnl: number[];
  pnlBase: number[];
}

/** Daily: one entry per (day, pair) with a trade, or with a close while the pair is open. */
export interface DailyColumns {
  pair: number[];
  day: number[];
  realized: number[];
  fees: number[];
  /** NaN when the day has no close. */
  unrealized: number[];
  total: number[];
  realizedBase: number[];
  feesBase: number[];
  unrealizedBase: number[];
  totalBase: number[];
}

export interface PositionRow {
  pair: number;
  quantity: number;
  averageCost: number | null;
  mark: number | null;
  marketValue: number;
  unrealized: number;
  realized: number;
  fees: number;
  net: number;
  marketValueBase: number;
  unrealizedBase: number;
  realizedBase: number;
  feesBase: number;
  netBase: number;
}

export interface PnlBooks {
  pairs: Pair[];
  /** The base currency, when amounts are converted. */
  base: string | null;
  asOfDay: number;
  /** Trades booked (on or before As of). */
  booked: number;
  realized: RealizedColumns;
  /** By account, then symbol. */
  positions: PositionRow[];
  /** By day, then account, then symbol. */
  daily: DailyColumns;
  /** Sum of the signed quantities booked per pair, for the checks. */
  tradedQuantity: Float64Array;
}

/** A pair's running state while booking. */
interface PairState {
  lots: LotBook;
  realized: number;
  fees: number;
  realizedBase: number;
  feesBase: number;
  dayRealized: number;
  dayFees: number;
  dayRealizedBase: number;
  dayFeesBase: number;
  /** Realized − fees + unrealized (at the latest close) at the pair's last Daily row. */
  lastValue: number;
  lastValueBase: number;
  /** The last day a Daily row was started for the pair. */
  stamp: number;
}

export interface BookInputs {
  trades: TradeColumns;
  costBasis: CostBasis;
  prices: DatedSeries;
  /** Whether a Prices dataset was given (errors say so when it was not). */
  pricesGiven: boolean;
  fx: FxRates | null;
  base: string | null;
}

/** Books every trade on or before As of; an open position with no mark is a RuleError naming it. */
export function bookTrades(inputs: BookInputs): PnlBooks {
  const { trades, prices } = inputs;
  const pairs = trades.pairs;
  const states: (PairState | undefined)[] = new Array(pairs.length);
  const realized: RealizedColumns = {
    pair: [],
    openDay: [],
    closeDay: [],
    quantity: [],
    openPrice: [],
    closePrice: [],
    pnl: [],
    pnlBase: [],
  };
  const daily: DailyColumns = {
    pair: [],
    day: [],
    realized: [],
    fees: [],
    unrealized: [],
    total: [],
    realizedBase: [],
    feesBase: [],
    unrealizedBase: [],
    totalBase: [],
  };
  const tradedQuantity = new Float64Array(pairs.length);
  const openBySymbol = new Map<string, Set<number>>();
  const rate = (pair: number, day: number) => (inputs.fx ? inputs.fx.rate(pairs[pair].currency, day, serialToIso) : 1);
  const { order, asOfDay } = trades;
  const days = bookingDays(trades, prices);
  let next = 0;
  for (const day of days) {
    const rowPairs: number[] = [];
    const startRow = (p: number, state: PairState) => {
      if (state.stamp === day) return;
      state.stamp = day;
      rowPairs.push(p);
    };
    for (; next < order.length && trades.day[order[next]] === day; next++) {
      const t = order[next];
      const p = trades.pair[t];
      const state = (states[p] ??= newState(inputs.costBasis));
      startRow(p, state);
      const fx = inputs.fx ? rate(p, day) : 1;
      const { multiplier } = pairs[p];
      const closePrice = trades.price[t];
      state.fees += trades.fee[t];
      state.dayFees += trades.fee[t];
      state.feesBase += trades.fee[t] * fx;
      state.dayFeesBase += trades.fee[t] * fx;
      tradedQuantity[p] += trades.quantity[t];
      state.lots.trade(day, trades.quantity[t], closePrice, (piece) => {
        const pnl = (closePrice - piece.openPrice) * piece.quantity * multiplier;
        realized.pair.push(p);
        realized.openDay.push(piece.openDay);
        realized.closeDay.push(day);
        realized.quantity.push(piece.quantity);
        realized.openPrice.push(piece.openPrice);
        realized.closePrice.push(closePrice);
        realized.pnl.push(pnl);
        realized.pnlBase.push(pnl * fx);
        state.realized += pnl;
        state.dayRealized += pnl;
        state.realizedBase += pnl * fx;
        state.dayRealizedBase += pnl * fx;
      });
      const symbol = pairs[p].symbol;
      let open = openBySymbol.get(symbol);
      if (!open) openBySymbol.set(symbol, (open = new Set()));
      if (state.lots.quantity !== 0) open.add(p);
      else open.delete(p);
    }
    // A close while a pair is open is a Daily row too (its unrealized P&L moved).
    for (const symbol of prices.namesOnDay.get(day) ?? []) {
      for (const p of openBySymbol.get(symbol) ?? []) startRow(p, states[p]!);
    }
    rowPairs.sort((a, b) => comparePairs(pairs[a], pairs[b]));
    for (const p of rowPairs) dailyRow(daily, p, day, states[p]!, pairs[p], prices, inputs.fx ? rate(p, day) : 1);
  }
  const positions = valuePositions(inputs, states, asOfDay, rate);
  return { pairs, base: inputs.base, asOfDay, booked: order.length, realized, positions, daily, tradedQuantity };
}

function newState(basis: CostBasis): PairState {
  return {
    lots: new LotBook(basis),
    realized: 0,
    fees: 0,
    realizedBase: 0,
    feesBase: 0,
    dayRealized: 0,
    dayFees: 0,
    dayRealizedBase: 0,
    dayFeesBase: 0,
    lastValue: 0,
    lastValueBase: 0,
    stamp: -Infinity,
  };
}

/** Every day with a trade, or a close between the first trade day and As of, in order. */
function bookingDays(trades: TradeColumns, prices: DatedSeries): number[] {
  const { order, day, asOfDay } = trades;
  if (order.length === 0) return [];
  const first = day[order[0]];
  const days = new Set<number>();
  for (let k = 0; k < order.length; k++) days.add(day[order[k]]);
  for (const d of prices.namesOnDay.keys()) if (d >= first && d <= asOfDay) days.add(d);
  return [...days].sort((a, b) => a - b);
}

/**
 * One Daily row. Its unrealized P&L is at the day's close (empty without one); its total is
 * the change in realized + unrealized − fees since the pair's previous row, the unrealized
 * part at the latest close on or before the day (lots without any close yet count at cost).
 */
function dailyRow(daily: DailyColumns, p: number, day: number, state: PairState, pair: Pair, prices: DatedSeries, fx: number): void {
  const { on: close, latest: carried } = prices.onAndLatest(pair.symbol, day);
  const quantity = state.lots.quantity;
  const cost = state.lots.averageCost();
  const unrealizedAt = (mark: number | undefined) =>
    quantity === 0 || mark === undefined || cost === null ? 0 : (mark - cost) * quantity * pair.multiplier;
  const carriedUnrealized = unrealizedAt(carried);
  const value = state.realized - state.fees + carriedUnrealized;
  const valueBase = state.realizedBase - state.feesBase + carriedUnrealized * fx;
  const unrealized = close === undefined ? NaN : unrealizedAt(close);
  daily.pair.push(p);
  daily.day.push(day);
  daily.realized.push(state.dayRealized);
  daily.fees.push(state.dayFees);
  daily.unrealized.push(unrealized);
  daily.total.push(value - state.lastValue);
  daily.realizedBase.push(state.dayRealizedBase);
  daily.feesBase.push(state.dayFeesBase);
  daily.unrealizedBase.push(unrealized * fx);
  daily.totalBase.push(valueBase - state.lastValueBase);
  state.lastValue = value;
  state.lastValueBase = valueBase;
  state.dayRealized = state.dayFees = state.dayRealizedBase = state.dayFeesBase = 0;
}

function valuePositions(
  inputs: BookInputs,
  states: (PairState | undefined)[],
  asOfDay: number,
  rate: (pair: number, day: number) => number,
): PositionRow[] {
  const pairs = inputs.trades.pairs;
  const traded = pairs.map((_, p) => p).filter((p) => states[p] !== undefined);
  traded.sort((a, b) => comparePairs(pairs[a], pairs[b]));
  return traded.map((p): PositionRow => {
    const state = states[p]!;
    const { symbol, account, multiplier } = pairs[p];
    const quantity = state.lots.quantity;
    const averageCost = state.lots.averageCost();
    let mark: number | null = null;
    if (quantity !== 0) {
      mark = inputs.prices.latest(symbol, asOfDay) ?? null;
      if (mark === null) throw noMark(inputs, account, symbol, quantity, asOfDay);
    }
    const marketValue = mark === null ? 0 : quantity * mark * multiplier;
    const unrealized = mark === null || averageCost === null ? 0 : (mark - averageCost) * quantity * multiplier;
    const fx = inputs.fx ? rate(p, asOfDay) : 1;
    return {
      pair: p,
      quantity,
      averageCost,
      mark,
      marketValue,
      unrealized,
      realized: state.realized,
      fees: state.fees,
      net: state.realized + unrealized - state.fees,
      marketValueBase: marketValue * fx,
      unrealizedBase: unrealized * fx,
      realizedBase: state.realizedBase,
      feesBase: state.feesBase,
      netBase: state.realizedBase + unrealized * fx - state.feesBase,
    };
  });
}

function noMark(inputs: BookInputs, account: string, symbol: string, quantity: number, asOfDay: number): RuleError {
  const date = serialToIso(asOfDay);
  const where = inputs.pricesGiven ? `dataset "${inputs.prices.dataset}" has no close` : 'no "Prices" dataset is set, so there is no close';
  return new RuleError(
    'bad_value',
    `${where} for ${symbol} on or before ${date} (As of): the open position of ${account} in ${symbol} (${quantity}) cannot be valued`,
    inputs.pricesGiven ? { dataset: inputs.prices.dataset } : { sheet: 'Settings', setting: 'Prices' },
  );
}

/** By account, then symbol, in code-unit order (the same on every machine). */
export function comparePairs(a: Pair, b: Pair): number {
  if (a.account !== b.account) return a.account < b.account ? -1 : 1;
  if (a.symbol !== b.symbol) return a.symbol < b.symbol ? -1 : 1;
  return 0;
}
