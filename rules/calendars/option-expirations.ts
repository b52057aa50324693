/**
 * Listed-option expiration days (contract section 1): monthly, the third Friday, or the
 * session before it when that Friday is a holiday (Good Friday 2025-04-18 → Thursday
 * 2025-04-17); weekly, each Friday the same way; `eom`, the month's last session;
 * quarterly, the last session of March, June, September and December.
 */
import { CalendarFault } from './calendar-fault.js';
import { monthBounds, nthWeekday, partsOf, weekdayOf } from './days.js';
import { sessionOnOrBefore } from './sessions.js';
import type { TradingCalendar } from './trading-calendar.js';

export type ExpiryKind = 'monthly' | 'weekly' | 'eom' | 'quarterly';

export const EXPIRY_KINDS: readonly ExpiryKind[] = ['monthly', 'weekly', 'eom', 'quarterly'];

/** The expiration of a month; `weekly` is not a month's (use `nextExpiry`). */
export function monthExpiry(
  calendar: TradingCalendar,
  year: number,
  month: number,
  kind: Exclude<ExpiryKind, 'weekly'>,
): number | CalendarFault {
  if (kind === 'monthly') return sessionOnOrBefore(calendar, nthWeekday(year, month, 5, 3));
  if (kind === 'quarterly' && month % 3 !== 0)
    return new CalendarFault('num', `quarterly expirations fall in March, June, September and December, not month ${month}`);
  return sessionOnOrBefore(calendar, monthBounds(year, month).last);
}

/** The weekly expiration of the week ending on `friday`. */
export function weeklyExpiry(calendar: TradingCalendar, friday: number): number | CalendarFault {
  return sessionOnOrBefore(calendar, friday);
}

/** The first expiration of a kind on or after `day`. */
export function nextExpiry(calendar: TradingCalendar, day: number, kind: ExpiryKind): number | CalendarFault {
  const from = Math.floor(day);
  if (kind === 'weekly') {
    const friday = from + ((5 - weekdayOf(from) + 7) % 7);
    const expiry = weeklyExpiry(calendar, friday);
    // Only a holiday Friday's expiry can fall before `day` (it moved to the Thursday): take the next week's.
    return expiry instanceof CalendarFault || expiry >= from ? expiry : weeklyExpiry(calendar, friday + 7);
  }
  let { year, month } = partsOf(from);
  if (kind === 'quarterly') month = Math.ceil(month / 3) * 3;
  for (let tries = 0; tries < 2; tries++) {
    const expiry = monthExpiry(calendar, year, month, kind);
    if (expiry instanceof CalendarFault || expiry >= from) return expiry;
    month += kind === 'quarterly' ? 3 : 1;
    if (month > 12) [year, month] = [year + 1, month - 12];
  }
  return new CalendarFault('num', 'no expiration found'); // unreachable: next month's always follows
}
