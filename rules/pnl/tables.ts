/**
 * The three P&L tables as report sheets (P&L contract section 3): row 1 the headers in the
 * contract's order, a `_base` column after each amount when `Base currency` is set, then
 * one row each, produced lazily so a million rows are never all held as cells at once.
 */
import { serialToIso } from '../field-values.js';
import type { CellValue } from '../workbook.js';
import type { PnlBooks } from './book.js';

export const PNL_TABLES = ['Realized', 'Positions', 'Daily'] as const;
export type PnlTableName = (typeof PNL_TABLES)[number];

/** Each table's columns; `true` marks an amount, which gets a `_base` column after it. */
const COLUMNS: Record<PnlTableName, [string, boolean][]> = {
  Realized: [
    ['account', false],
    ['symbol', false],
    ['open_date', false],
    ['close_date', false],
    ['quantity', false],
    ['open_price', false],
    ['close_price', false],
    ['multiplier', false],
    ['realized_pnl', true],
    ['currency', false],
  ],
  Positions: [
    ['account', false],
    ['symbol', false],
    ['quantity', false],
    ['average_cost', false],
    ['mark', false],
    ['market_value', true],
    ['unrealized_pnl', true],
    ['realized_pnl', true],
    ['fees', true],
    ['net_pnl', true],
    ['currency', false],
  ],
  Daily: [
    ['date', false],
    ['account', false],
    ['symbol', false],
    ['realized_pnl', true],
    ['fees', true],
    ['unrealized_pnl', true],
    ['total_pnl', true],
  ],
};

/** A table's header row. */
export function tableHeaders(name: PnlTableName, withBase: boolean): string[] {
  return COLUMNS[name].flatMap(([column, amount]) => (amount && withBase ? [column, `${column}_base`] : [column]));
}

/** A table's number of data rows. */
export function tableRowCount(books: PnlBooks, name: PnlTableName): number {
  return name === 'Realized' ? books.realized.pair.length : name === 'Positions' ? books.positions.length : books.daily.pair.length;
}

/** A table's data rows (not the header), dates as ISO text, amounts to Excel's 15 digits. */
export function* tableRows(books: PnlBooks, name: PnlTableName): Generator<CellValue[]> {
  const base = books.base !== null;
  const isoDays = new Map<number, string>();
  const iso = (day: number) => isoDays.get(day) ?? isoDays.set(day, serialToIso(day)).get(day)!;
  const amount = (value: number, converted: number): CellValue[] => (base ? [num(value), num(converted)] : [num(value)]);
  const currency = (p: number) => books.pairs[p].currency ?? books.base;
  if (name === 'Realized') {
    const r = books.realized;
    for (let i = 0; i < r.pair.length; i++) {
      const pair = books.pairs[r.pair[i]];
      yield [
        pair.account,
        pair.symbol,
        iso(r.openDay[i]),
        iso(r.closeDay[i]),
        num(r.quantity[i]),
        num(r.openPrice[i]),
        num(r.closePrice[i]),
        pair.multiplier,
        ...amount(r.pnl[i], r.pnlBase[i]),
        currency(r.pair[i]),
      ];
    }
  } else if (name === 'Positions') {
    for (const row of books.positions) {
      const pair = books.pairs[row.pair];
      yield [
        pair.account,
        pair.symbol,
        num(row.quantity),
        row.averageCost === null ? null : num(row.averageCost),
        row.mark,
        ...amount(row.marketValue, row.marketValueBase),
        ...amount(row.unrealized, row.unrealizedBase),
        ...amount(row.realized, row.realizedBase),
        ...amount(row.fees, row.feesBase),
        ...amount(row.net, row.netBase),
        currency(row.pair),
      ];
    }
  } else {
    const d = books.daily;
    for (let i = 0; i < d.pair.length; i++) {
      const pair = books.pairs[d.pair[i]];
      yield [
        iso(d.day[i]),
        pair.account,
        pair.symbol,
        ...amount(d.realized[i], d.realizedBase[i]),
        ...amount(d.fees[i], d.feesBase[i]),
        ...(Number.isNaN(d.unrealized[i]) ? (base ? [null, null] : [null]) : amount(d.unrealized[i], d.unrealizedBase[i])),
        ...amount(d.total[i], d.totalBase[i]),
      ];
    }
  }
}

/**
 * A number as Excel would keep it (15 significant digits), so sums of prices do not print
 * as 500.00000000000006; -0 is 0.
 */
export function num(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return 0;
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return value;
  return Number(value.toPrecision(15));
}
