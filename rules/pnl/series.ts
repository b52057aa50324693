/**
 * Dated values by name: closing prices by symbol, FX rates by currency. Looked up on a day
 * exactly (a day's close) or as the latest on or before a day (a mark, a rate).
 */
import { RuleError } from '../errors.js';
import type { Dataset } from '../types.js';
import { FieldReader, roleColumns } from './dataset-fields.js';

/** One name's values in day order. */
interface Series {
  days: number[];
  values: number[];
}

export class DatedSeries {
  private readonly byName = new Map<string, Series>();
  /** Names with a value on each day, for walking a day's closes. */
  readonly namesOnDay = new Map<number, string[]>();

  private constructor(readonly dataset: string) {}

  /**
   * Reads `dataset` through its roles (`name` the symbol or currency role, `value` the close
   * or rate). A value that is not a number, or a second value for a name and day, names its row.
   */
  static read(
    dataset: Dataset,
    roles: { name: string; date: string; value: string },
    map: Partial<Record<string, string>>,
    setting: { name: string; row?: number },
    upperCaseNames = false,
  ): DatedSeries {
    const order = [roles.name, roles.date, roles.value];
    const cols = roleColumns(dataset, order, new Set(), map, setting);
    const read = new FieldReader(dataset);
    const out = new DatedSeries(dataset.name);
    const firstRow = new Map<string, number>();
    const rows: { name: string; day: number; value: number }[] = [];
    for (let i = 0; i < dataset.rows.length; i++) {
      const text = read.text(i, cols[roles.name], roles.name);
      const name = upperCaseNames ? text.toUpperCase() : text;
      const { day } = read.date(i, cols[roles.date], roles.date);
      const value = read.number(i, cols[roles.value], roles.value);
      const key = `${name}\u0000${day}`;
      const earlier = firstRow.get(key);
      if (earlier !== undefined)
        throw read.fault(i, cols[roles.date], `a second ${roles.value} for ${name} on this date (the first is row ${earlier + 1})`);
      firstRow.set(key, i);
      rows.push({ name, day, value });
    }
    rows.sort((a, b) => a.day - b.day);
    for (const { name, day, value } of rows) {
      let series = out.byName.get(name);
      if (!series) out.byName.set(name, (series = { days: [], values: [] }));
      series.days.push(day);
      series.values.push(value);
      let names = out.namesOnDay.get(day);
      if (!names) out.namesOnDay.set(day, (names = []));
      names.push(name);
    }
    return out;
  }

  /** An empty series, for a report without prices. */
  static empty(dataset: string): DatedSeries {
    return new DatedSeries(dataset);
  }

  /** The value on `day` exactly, or undefined. */
  on(name: string, day: number): number | undefined {
    const series = this.byName.get(name);
    if (!series) return undefined;
    const i = this.lastAtOrBefore(series, day);
    return i >= 0 && series.days[i] === day ? series.values[i] : undefined;
  }

  /** The value on `day` (undefined without one) and the latest on or before it, in one search. */
  onAndLatest(name: string, day: number): { on: number | undefined; latest: number | undefined } {
    const series = this.byName.get(name);
    const i = series ? this.lastAtOrBefore(series, day) : -1;
    if (i < 0) return { on: undefined, latest: undefined };
    const value = series!.values[i];
    return { on: series!.days[i] === day ? value : undefined, latest: value };
  }

  /** The latest value on or before `day`, or undefined. */
  latest(name: string, day: number): number | undefined {
    const series = this.byName.get(name);
    if (!series) return undefined;
    const i = this.lastAtOrBefore(series, day);
    return i >= 0 ? series.values[i] : undefined;
  }

  private lastAtOrBefore(series: Series, day: number): number {
    let lo = 0;
    let hi = series.days.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (series.days[mid] <= day) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}

/** Units of base currency per unit of a currency on a day; 1 for the base currency itself. */
export class FxRates {
  constructor(
    private readonly base: string,
    private readonly rates: DatedSeries | null,
  ) {}

  rate(currency: string | null, day: number, iso: (day: number) => string): number {
    if (currency === null || currency === this.base) return 1;
    const rate = this.rates?.latest(currency, day);
    if (rate === undefined) {
      const where = this.rates ? `dataset "${this.rates.dataset}" has no rate` : 'no "FX" dataset is set, so there is no rate';
      throw new RuleError('bad_value', `${where} for ${currency} on or before ${iso(day)} to convert into ${this.base}`, {
        ...(this.rates ? { dataset: this.rates.dataset } : { sheet: 'Settings', setting: 'FX' }),
      });
    }
    return rate;
  }
}
