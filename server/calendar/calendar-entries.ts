/**
 * One list of a date range's calendar: the rule calendar's events (holidays, early closes,
 * option expirations, futures last trading days of the roots asked for) and the firm's own
 * events, in date order. The range is bounded and checked, naming the parameter at fault.
 */
import { AppError } from '../../db/app-error.js';
import { dateProblem, listCalendarEvents, type CalendarEventRecord } from '../../db/calendar-events.service.js';
import type { Db } from '../../db/open.js';
import { calendarEvents } from '../../rules/calendars/events.js';

/** The futures roots FUTEXPIRY knows (calendar.md 1). */
export const FUTURES_ROOTS = ['ES', 'NQ', 'YM', 'RTY', 'CL', 'NG', 'GC', 'ZN', 'ZB', 'VX'] as const;

/** The longest range one request may ask for. */
export const MAX_YEARS = 5;

export type RuleEventKind = 'holiday' | 'early close' | 'monthly expiration' | 'quarterly expiration' | 'futures last trading day';

export type CalendarEntry =
  | { date: string; source: 'rule'; event: RuleEventKind; detail: string }
  | {
      date: string;
      source: 'firm';
      event: 'firm event';
      detail: string;
      firm: Pick<CalendarEventRecord, 'id' | 'title' | 'category' | 'note' | 'updatedAt'>;
    };

export interface CalendarRange {
  from: string;
  to: string;
  roots: string[];
}

const invalid = (field: string, message: string) => new AppError('bad_range', 422, `${field}: ${message}`, { field });

/** Checks `from`, `to` and `roots` (comma-separated) as a request gives them. */
export function parseRange(query: { from: string; to: string; roots?: string }): CalendarRange {
  const { from, to } = query;
  const fromProblem = dateProblem(from);
  if (fromProblem) throw invalid('from', fromProblem);
  const toProblem = dateProblem(to);
  if (toProblem) throw invalid('to', toProblem);
  if (to < from) throw invalid('to', `${to} is before from (${from})`);
  const limit = `${Number(from.slice(0, 4)) + MAX_YEARS}${from.slice(4)}`;
  if (to >= limit)
    throw invalid('to', `the range ${from} to ${to} is longer than ${MAX_YEARS} years: ask for at most until the day before ${limit}`);
  const roots = (query.roots ?? '')
    .split(',')
    .map((r) => r.trim().toUpperCase())
    .filter(Boolean);
  const unknown = roots.filter((r) => !(FUTURES_ROOTS as readonly string[]).includes(r));
  if (unknown.length) throw invalid('roots', `unknown futures root ${unknown.join(', ')}: known roots are ${FUTURES_ROOTS.join(', ')}`);
  return { from, to, roots: [...new Set(roots)] };
}

/** The range's entries in date order: rule events first on a day, then the firm's. */
export function calendarEntries(db: Db, range: CalendarRange): CalendarEntry[] {
  const rule = calendarEvents(Number(range.from.slice(0, 4)), Number(range.to.slice(0, 4)), { futuresRoots: range.roots })
    .filter((e) => e.date >= range.from && e.date <= range.to)
    .map((e): CalendarEntry => ({ date: e.date, source: 'rule', event: e.event as RuleEventKind, detail: e.detail }));
  const firm = listCalendarEvents(db, range.from, range.to).map((e): CalendarEntry => ({
    date: e.date,
    source: 'firm',
    event: 'firm event',
    detail: e.title,
    firm: { id: e.id, title: e.title, category: e.category, note: e.note, updatedAt: e.updatedAt },
  }));
  // A stable sort keeps each source's own order within a day.
  return [...rule, ...firm].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
