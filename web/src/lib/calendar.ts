/**
 * The calendar page's logic, kept out of the components: month grids, which days are
 * sessions, what each day holds, keyboard moves between days, the legend, and the futures
 * roots remembered between visits. Dates are `YYYY-MM-DD` calendar days, never instants.
 */
import type { CalendarEntry } from '../../../server/calendar/calendar-entries';

export type { CalendarEntry };

/** The roots offered as checkboxes, in the exchange order traders read them. */
export const ROOTS = ['ES', 'NQ', 'YM', 'RTY', 'CL', 'NG', 'GC', 'ZN', 'ZB', 'VX'] as const;
export const ROOTS_KEY = 'tickmark.calendar.roots';
export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const DAY_MS = 86_400_000;
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);

/** `YYYY-MM-DD` of a year, month (1–12) and day. */
export function isoDate(year: number, month: number, day: number): string {
  return iso(Date.UTC(year, month - 1, day));
}

export function addDays(date: string, days: number): string {
  return iso(ms(date) + days * DAY_MS);
}

/** The same day `months` later, or the month's last day when it has no such day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return isoDate(first.getUTCFullYear(), first.getUTCMonth() + 1, Math.min(d, last));
}

/** 0 Sunday … 6 Saturday. */
export function weekday(date: string): number {
  return new Date(ms(date)).getUTCDay();
}

/** Today in the browser's own time zone (the day the person is living in). */
export function today(now = new Date()): string {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export interface GridDay {
  date: string;
  day: number;
  inMonth: boolean;
}

/** The weeks (Sunday first, as US exchange calendars print them) that show a month, whole weeks only. */
export function monthGrid(year: number, month: number): GridDay[][] {
  const first = isoDate(year, month, 1);
  let date = addDays(first, -weekday(first));
  const weeks: GridDay[][] = [];
  do {
    const week: GridDay[] = [];
    for (let i = 0; i < 7; i++) {
      week.push({ date, day: Number(date.slice(8)), inMonth: Number(date.slice(5, 7)) === month });
      date = addDays(date, 1);
    }
    weeks.push(week);
  } while (Number(date.slice(5, 7)) === month);
  return weeks;
}

/** The days a view shows, to ask the server for: a month's whole weeks, or a year. */
export function viewRange(view: 'month' | 'year', focus: string): { from: string; to: string } {
  const [y, m] = focus.split('-').map(Number);
  if (view === 'year') return { from: isoDate(y, 1, 1), to: isoDate(y, 12, 31) };
  const weeks = monthGrid(y, m);
  return { from: weeks[0][0].date, to: weeks[weeks.length - 1][6].date };
}

/** What a day holds, read from the entries. */
export interface DayInfo {
  date: string;
  /** A weekday the exchange is open (not a holiday). */
  session: boolean;
  holiday: string | null;
  earlyClose: string | null;
  expirations: ('monthly' | 'quarterly')[];
  futures: string[];
  firm: Extract<CalendarEntry, { source: 'firm' }>[];
  entries: CalendarEntry[];
}

export function indexByDate(entries: CalendarEntry[]): Map<string, CalendarEntry[]> {
  const byDate = new Map<string, CalendarEntry[]>();
  for (const entry of entries) {
    const list = byDate.get(entry.date);
    if (list) list.push(entry);
    else byDate.set(entry.date, [entry]);
  }
  return byDate;
}

export function dayInfo(date: string, byDate: Map<string, CalendarEntry[]>): DayInfo {
  const entries = byDate.get(date) ?? [];
  const holiday = entries.find((e) => e.event === 'holiday');
  const early = entries.find((e) => e.event === 'early close');
  const wd = weekday(date);
  return {
    date,
    session: wd !== 0 && wd !== 6 && !holiday,
    holiday: holiday ? holiday.detail : null,
    earlyClose: early ? early.detail : null,
    expirations: entries.flatMap((e) =>
      e.event === 'monthly expiration' ? ['monthly' as const] : e.event === 'quarterly expiration' ? ['quarterly' as const] : [],
    ),
    futures: entries.filter((e) => e.event === 'futures last trading day').map((e) => e.detail),
    firm: entries.filter((e): e is Extract<CalendarEntry, { source: 'firm' }> => e.source === 'firm'),
    entries,
  };
}

/** The kinds of day the legend explains, with the class the grid marks them by. */
export const LEGEND = [
  { kind: 'session', label: 'Session' },
  { kind: 'closed', label: 'Closed (weekend or holiday)' },
  { kind: 'holiday', label: 'Holiday' },
  { kind: 'early', label: 'Early close' },
  { kind: 'monthly', label: 'Monthly expiration' },
  { kind: 'quarterly', label: 'Quarterly expiration' },
  { kind: 'futures', label: 'Futures last trading day' },
  { kind: 'firm', label: 'Firm event' },
  { kind: 'today', label: 'Today' },
] as const;

/** The marks a day carries, as legend kinds. */
export function dayMarks(info: DayInfo): string[] {
  const marks: string[] = [info.session ? 'session' : 'closed'];
  if (info.holiday) marks.push('holiday');
  if (info.earlyClose) marks.push('early');
  for (const kind of info.expirations) marks.push(kind);
  if (info.futures.length) marks.push('futures');
  if (info.firm.length) marks.push('firm');
  return marks;
}

/** What a screen reader says for a day: the date and everything on it. */
export function dayLabel(info: DayInfo, isToday: boolean): string {
  const [y, m, d] = info.date.split('-').map(Number);
  const parts = [`${WEEKDAYS[weekday(info.date)]} ${d} ${MONTHS[m - 1]} ${y}`];
  if (isToday) parts.push('today');
  parts.push(info.session ? 'session' : 'no session');
  if (info.holiday) parts.push(`holiday: ${info.holiday}`);
  if (info.earlyClose) parts.push(`early close ${info.earlyClose}`);
  for (const kind of info.expirations) parts.push(`${kind} expiration`);
  if (info.futures.length) parts.push(`last trading day ${info.futures.join(', ')}`);
  for (const event of info.firm) parts.push(event.detail);
  return parts.join(', ');
}

/** Whether a day has an expiration run-book (monthly or quarterly option expiration). */
export function hasRunbook(info: DayInfo): boolean {
  return info.expirations.length > 0;
}

/**
 * The day a key moves the focus to, as a grid of days moves: arrows by a day or a week,
 * Home/End to the week's ends, PageUp/PageDown by a month (a year with Shift); null for
 * any other key.
 */
export function moveByKey(date: string, key: string, shift = false): string | null {
  switch (key) {
    case 'ArrowLeft':
      return addDays(date, -1);
    case 'ArrowRight':
      return addDays(date, 1);
    case 'ArrowUp':
      return addDays(date, -7);
    case 'ArrowDown':
      return addDays(date, 7);
    case 'Home':
      return addDays(date, -weekday(date));
    case 'End':
      return addDays(date, 6 - weekday(date));
    case 'PageUp':
      return addMonths(date, shift ? -12 : -1);
    case 'PageDown':
      return addMonths(date, shift ? 12 : 1);
    default:
      return null;
  }
}

/** The roots chosen last time (a stored value that is not a list of known roots is ignored). */
export function loadRoots(storage: Pick<Storage, 'getItem'>): string[] {
  try {
    const stored = JSON.parse(storage.getItem(ROOTS_KEY) ?? '[]') as unknown;
    return Array.isArray(stored) ? ROOTS.filter((r) => stored.includes(r)) : [];
  } catch {
    return [];
  }
}

export function saveRoots(storage: Pick<Storage, 'setItem'>, roots: readonly string[]): void {
  storage.setItem(ROOTS_KEY, JSON.stringify(ROOTS.filter((r) => roots.includes(r))));
}

/** The feed's address for a token, with the roots chosen on the page. */
export function feedUrl(origin: string, token: string, roots: readonly string[]): string {
  const url = new URL('/api/calendar.ics', origin);
  url.searchParams.set('token', token);
  if (roots.length) url.searchParams.set('roots', roots.join(','));
  return url.toString();
}

/** `Friday 20 November 2026`. */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const names = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  return `${names[weekday(date)]} ${d} ${MONTHS[m - 1]} ${y}`;
}
