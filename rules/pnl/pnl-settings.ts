/**
 * The P&L settings of a `Report` (P&L contract section 1): `Trades`, `Cost basis`,
 * `Trade fields`, `Prices`, `Price fields`, `As of`, `Base currency`, `FX`, `FX fields`.
 * `readSettings` collects their rows; this module turns them into typed settings, and every
 * bad value is a RuleError naming its Settings cell.
 */
import { RuleError } from '../errors.js';
import { isoToSerial, serialToIso } from '../field-values.js';
import { isFormula, type CellInput } from '../workbook.js';

export type CostBasis = 'FIFO' | 'LIFO' | 'Average';

/** Roles of a trade, a closing price and an FX rate; `optional` roles may have no field. */
export const TRADE_ROLES = ['account', 'symbol', 'side', 'quantity', 'price', 'fee', 'date', 'time', 'multiplier', 'currency'] as const;
export const OPTIONAL_TRADE_ROLES = new Set<string>(['side', 'fee', 'time', 'multiplier', 'currency']);
export const PRICE_ROLES = ['symbol', 'date', 'close'] as const;
export const FX_ROLES = ['currency', 'date', 'rate'] as const;

export type TradeRole = (typeof TRADE_ROLES)[number];
export type PriceRole = (typeof PRICE_ROLES)[number];
export type FxRole = (typeof FX_ROLES)[number];

/** Fields named by a `… fields` setting, by role; a role not named is read from the field of its own name. */
export type FieldMap<Role extends string> = Partial<Record<Role, string>>;

export interface PnlSettings {
  trades: string;
  costBasis: CostBasis;
  tradeFields: FieldMap<TradeRole>;
  prices?: string;
  priceFields: FieldMap<PriceRole>;
  /** ISO date; absent means the latest trade date. */
  asOf?: string;
  baseCurrency?: string;
  fx?: string;
  fxFields: FieldMap<FxRole>;
  /** The Settings row of each P&L setting, by lower-cased name, for error messages. */
  rows: Record<string, number>;
}

/** The lower-cased names `readSettings` hands to this module. */
export const PNL_SETTING_NAMES = new Set([
  'trades',
  'cost basis',
  'trade fields',
  'prices',
  'price fields',
  'as of',
  'base currency',
  'fx',
  'fx fields',
]);

/** One P&L setting as written: its name, its column-B value and its 1-based Settings row. */
export interface RawSetting {
  name: string;
  value: CellInput;
  row: number;
}

/**
 * Typed P&L settings from the rows `readSettings` collected (by lower-cased name), or
 * undefined when the sheet books no trades. `date1904` reads an `As of` typed as a date cell.
 */
export function parsePnlSettings(raw: Record<string, RawSetting>, sheetType: string, date1904 = false): PnlSettings | undefined {
  const names = Object.keys(raw);
  if (names.length === 0) return undefined;
  if (sheetType !== 'Report') {
    const first = raw[names[0]];
    throw bad(first, `P&L settings only apply to a Report (this sheet is a ${sheetType})`);
  }
  if (!raw.trades) {
    const first = raw[names[0]];
    throw bad(first, 'a P&L report needs a "Trades" setting naming the dataset of trades to book');
  }
  const rows = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.row]));
  const settings: PnlSettings = {
    trades: text(raw.trades),
    costBasis: raw['cost basis'] ? costBasis(raw['cost basis']) : 'FIFO',
    tradeFields: raw['trade fields'] ? fieldMap(raw['trade fields'], TRADE_ROLES) : {},
    priceFields: raw['price fields'] ? fieldMap(raw['price fields'], PRICE_ROLES) : {},
    fxFields: raw['fx fields'] ? fieldMap(raw['fx fields'], FX_ROLES) : {},
    rows,
  };
  if (raw.prices) settings.prices = text(raw.prices);
  if (raw['as of']) settings.asOf = asOfDate(raw['as of'], date1904);
  if (raw['base currency']) settings.baseCurrency = text(raw['base currency']).toUpperCase();
  if (raw.fx) settings.fx = text(raw.fx);
  if (raw['price fields'] && !raw.prices) throw bad(raw['price fields'], '"Price fields" needs a "Prices" setting naming the dataset');
  if (raw['fx fields'] && !raw.fx) throw bad(raw['fx fields'], '"FX fields" needs an "FX" setting naming the dataset');
  if (raw.fx && !raw['base currency']) throw bad(raw.fx, '"FX" needs a "Base currency" setting: the currency its rates convert into');
  return settings;
}

function costBasis(setting: RawSetting): CostBasis {
  const wanted = text(setting).toLowerCase();
  const found = (['FIFO', 'LIFO', 'Average'] as const).find((c) => c.toLowerCase() === wanted);
  if (!found) throw bad(setting, `"${text(setting)}" is not a cost basis; use FIFO, LIFO or Average`);
  return found;
}

/** `role=field, role=field`: every role known, none twice, every field named. */
function fieldMap<Role extends string>(setting: RawSetting, roles: readonly Role[]): FieldMap<Role> {
  const map: FieldMap<Role> = {};
  for (const item of text(setting)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const parts = item.split('=').map((p) => p.trim());
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw bad(setting, `"${item}" is not "role=field"`);
    const role = roles.find((r) => r === parts[0].toLowerCase());
    if (!role) throw bad(setting, `"${parts[0]}" is not a role; the roles are ${roles.join(', ')}`);
    if (map[role] !== undefined) throw bad(setting, `role "${role}" is named twice`);
    map[role] = parts[1];
  }
  return map;
}

/** A date cell (an Excel serial number) or date text, `YYYY-MM-DD` or `MM/DD/YYYY`. */
function asOfDate(setting: RawSetting, date1904: boolean): string {
  const { value } = setting;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    return serialToIso(Math.floor(value) + (date1904 ? 1462 : 0)).slice(0, 10);
  }
  const t = text(setting);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = us ? `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}` : t;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || isoToSerial(iso) === null) {
    throw bad(setting, `"${t}" is not a date; write it as YYYY-MM-DD`);
  }
  return iso;
}

function text(setting: RawSetting): string {
  const { value, name } = setting;
  if (value === null || String(value).trim() === '') throw bad(setting, `"${name}" needs a value in column B`);
  if (isFormula(value)) throw bad(setting, `"${name}" must be a plain value, not a formula`);
  return String(value).trim();
}

function bad(setting: RawSetting, message: string): RuleError {
  return new RuleError('bad_setting', `setting "${setting.name}": ${message}`, {
    sheet: 'Settings',
    cell: `B${setting.row}`,
    setting: setting.name,
  });
}
