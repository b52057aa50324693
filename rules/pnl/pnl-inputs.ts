/**
 * The datasets a P&L report reads (its `Trades`, `Prices` and `FX`) and the fields it
 * needs of each, so a run is offered only datasets that fit, even when no sheet of the
 * workbook is named after them.
 */
import { FX_ROLES, OPTIONAL_TRADE_ROLES, PRICE_ROLES, TRADE_ROLES, type FieldMap, type PnlSettings } from './pnl-settings.js';

export interface PnlInput {
  name: string;
  role: 'Trades' | 'Prices' | 'FX';
  fields: string[];
}

/** Each P&L dataset with its fields: a required role's field, and every optional role the settings name. */
export function pnlInputs(settings: PnlSettings): PnlInput[] {
  const inputs: PnlInput[] = [
    { name: settings.trades, role: 'Trades', fields: fieldsOf(TRADE_ROLES, OPTIONAL_TRADE_ROLES, settings.tradeFields) },
  ];
  if (settings.prices)
    inputs.push({ name: settings.prices, role: 'Prices', fields: fieldsOf(PRICE_ROLES, new Set(), settings.priceFields) });
  if (settings.fx) inputs.push({ name: settings.fx, role: 'FX', fields: fieldsOf(FX_ROLES, new Set(), settings.fxFields) });
  return inputs;
}

function fieldsOf<Role extends string>(roles: readonly Role[], optional: Set<string>, map: FieldMap<Role>): string[] {
  return roles.flatMap((role) => (map[role] !== undefined ? [map[role]!] : optional.has(role) ? [] : [role]));
}
