/**
 * The calendar as an RFC 5545 feed for Outlook or Google: one all-day VEVENT per entry,
 * with a UID that stays the same from one fetch to the next (so a subscriber updates an
 * event rather than duplicating it), written by `ical-generator` (escaping, line folding).
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { CalendarEntry } from './calendar-entries.js';

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** What a subscriber sees as the event's title. */
export function entrySummary(entry: CalendarEntry): string {
  switch (entry.event) {
    case 'holiday':
      return `Market holiday: ${entry.detail}`;
    case 'early close':
      return `Early close ${entry.detail}`;
    case 'monthly expiration':
      return `Monthly options expiration (${entry.detail})`;
    case 'quarterly expiration':
      return `Quarterly options expiration (${entry.detail})`;
    case 'futures last trading day':
      return `Last trading day: ${entry.detail}`;
    case 'firm event':
      return entry.firm.title;
  }
}

/** A firm event keeps its UID when its date or title changes; a rule event is its kind, day and detail. */
export function entryUid(entry: CalendarEntry): string {
  if (entry.source === 'firm') return `firm-event-${entry.firm.id}@tickmark`;
  return `${entry.date}-${slug(entry.event)}${entry.detail ? `-${slug(entry.detail)}` : ''}@tickmark`;
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The feed's text; `now` stamps the computed events (a firm event carries its last change). */
export function icsFeed(entries: CalendarEntry[], now = new Date()): string {
  const calendar = ical({
    name: 'Tickmark calendar',
    description: 'Market holidays, early closes, option expirations, futures last trading days and firm events',
    prodId: { company: 'Tickmark', product: 'calendar', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60 * 6,
  });
  for (const entry of entries) {
    const firm = entry.source === 'firm' ? entry.firm : null;
    calendar.createEvent({
      id: entryUid(entry),
      start: entry.date,
      end: nextDay(entry.date),
      allDay: true,
      summary: entrySummary(entry),
      description: firm ? [firm.category, firm.note].filter(Boolean).join('\n') : entry.detail || null,
      categories: [{ name: firm ? firm.category : entry.event }],
      stamp: firm ? new Date(firm.updatedAt) : now,
      ...(firm ? { lastModified: new Date(firm.updatedAt) } : {}),
    });
  }
  return calendar.toString();
}
