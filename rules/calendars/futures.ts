/**
 * Futures last trading days by each exchange's rule (contract section 1), counting NYSE
 * sessions as business days. Sources: CME Group contract specifications (ES, NQ, YM, RTY,
 * CL, NG, GC, ZN, ZB) and Cboe's VX specifications; docs/calendar.md quotes each rule.
 */
import { CalendarFault } from './calendar-fault.js';
import { monthBounds, nthWeekday, serialOf } from './days.js';
import { nthSession, sessionOnOrBefore } from './sessions.js';
import { isSession, NYSE } from './trading-calendar.js';

type Rule = (year: number, month: number) => number | CalendarFault;

const QUARTERLY = [3, 6, 9, 12];
const before = (day: number, n: number) => nthSession(NYSE, day, -n);

/** Third Friday of the contract month; the session before when it is a holiday. */
const thirdFriday: Rule = (year, month) => sessionOnOrBefore(NYSE, nthWeekday(year, month, 5, 3));

/** 3 business days before the 25th of the month before; 4 when the 25th is not a business day. */
const crude: Rule = (year, month) => {
  const the25th = serialOf(year, month - 1, 25);
  return before(the25th, isSession(NYSE, the25th) ? 3 : 4);
};

/** 3 business days before the delivery month's first calendar day. */
const naturalGas: Rule = (year, month) => before(serialOf(year, month, 1), 3);

/** The third-last business day of the delivery month. */
const gold: Rule = (year, month) => {
  const last = sessionOnOrBefore(NYSE, monthBounds(year, month).last);
  return last instanceof CalendarFault ? last : before(last, 2);
};

/** The seventh business day before the delivery month's last business day. */
const treasury: Rule = (year, month) => {
  const last = sessionOnOrBefore(NYSE, monthBounds(year, month).last);
  return last instanceof CalendarFault ? last : before(last, 7);
};

/**
 * 30 days before the third Friday of the month after the contract month (counted from the
 * session before that Friday when it is a holiday); the business day before when that day
 * is not a business day.
 */
const vix: Rule = (year, month) => {
  // serialOf rolls month 13 into the next January (and month 0 into December before).
  const anchor = sessionOnOrBefore(NYSE, nthWeekday(year, month + 1, 5, 3));
  return anchor instanceof CalendarFault ? anchor : sessionOnOrBefore(NYSE, anchor - 30);
};

interface Root {
  rule: Rule;
  /** Contract months listed; undefined: every month. */
  months?: number[];
  name: string;
}

/** The roots FUTEXPIRY knows, in the order docs list them. */
export const FUTURES_ROOTS: Readonly<Record<string, Root>> = {
  ES: { rule: thirdFriday, months: QUARTERLY, name: 'E-mini S&P 500 (CME)' },
  NQ: { rule: thirdFriday, months: QUARTERLY, name: 'E-mini Nasdaq-100 (CME)' },
  YM: { rule: thirdFriday, months: QUARTERLY, name: 'E-mini Dow (CBOT)' },
  RTY: { rule: thirdFriday, months: QUARTERLY, name: 'E-mini Russell 2000 (CME)' },
  CL: { rule: crude, name: 'WTI crude oil (NYMEX)' },
  NG: { rule: naturalGas, name: 'Henry Hub natural gas (NYMEX)' },
  GC: { rule: gold, name: 'Gold (COMEX)' },
  ZN: { rule: treasury, months: QUARTERLY, name: '10-year T-note (CBOT)' },
  ZB: { rule: treasury, months: QUARTERLY, name: 'U.S. Treasury bond (CBOT)' },
  VX: { rule: vix, name: 'Cboe VIX futures (CFE)' },
};

const MONTH_WORDS = 'January February March April May June July August September October November December'.split(' ');

/** The last trading day of `root`'s contract for a delivery month. */
export function futuresLastTradingDay(root: string, year: number, month: number): number | CalendarFault {
  const key = root.trim().toUpperCase();
  const known = Object.prototype.hasOwnProperty.call(FUTURES_ROOTS, key) ? FUTURES_ROOTS[key] : undefined;
  if (!known) return new CalendarFault('value', `unknown futures root "${root}"; known roots: ${Object.keys(FUTURES_ROOTS).join(', ')}`);
  if (known.months && !known.months.includes(month))
    return new CalendarFault(
      'num',
      `${key} is listed for ${known.months.map((m) => MONTH_WORDS[m - 1]).join(', ')}, not ${MONTH_WORDS[month - 1]}`,
    );
  return known.rule(year, month);
}
