/**
 * The firm's own calendar events (a corporate action, a regulator's deadline): create,
 * change, delete, each audited in the same transaction, and list by date range.
 */
import { asc, between, eq } from 'drizzle-orm';
import { AppError, notFound } from './app-error.js';
import { recordAudit } from './audit.js';
import type { Db } from './open.js';
import { calendarEvents } from './schema.js';

export type CalendarEventRecord = typeof calendarEvents.$inferSelect;
export type CalendarEventCategory = CalendarEventRecord['category'];
export const EVENT_CATEGORIES = calendarEvents.category.enumValues;

/** What a person gives for an event; `note` null clears it. */
export interface CalendarEventInput {
  date: string;
  title: string;
  category: CalendarEventCategory;
  note?: string | null;
}

/** Days the calendar can hold: far enough back for history, not a typo's year 20260. */
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

/**
 * Whether `text` is a real calendar day `YYYY-MM-DD` the calendar covers; the problem in
 * words when not (a 31st of a 30-day month is refused, not rolled over).
 */
export function dateProblem(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return `"${text}" is not a date in the form YYYY-MM-DD`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return `${text} is not a day of the calendar`;
  if (year < FIRST_YEAR || year > LAST_YEAR) return `${text} is outside the years the calendar covers (${FIRST_YEAR}–${LAST_YEAR})`;
  return null;
}

function checked(input: CalendarEventInput): CalendarEventInput {
  const problems: { field: string; message: string }[] = [];
  const dateIssue = dateProblem(input.date);
  if (dateIssue) problems.push({ field: 'date', message: dateIssue });
  const title = input.title.trim();
  if (!title) problems.push({ field: 'title', message: 'a title is needed' });
  if (!EVENT_CATEGORIES.includes(input.category))
    problems.push({ field: 'category', message: `"${input.category}" is not one of: ${EVENT_CATEGORIES.join(', ')}` });
  if (problems.length) throw new AppError('invalid_event', 422, problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  const note = input.note?.trim() || null;
  return { date: input.date, title, category: input.category, note };
}

const audited = (r: CalendarEventRecord) => ({ date: r.date, title: r.title, category: r.category, note: r.note });

export function createCalendarEvent(db: Db, input: CalendarEventInput, userId: number): CalendarEventRecord {
  const values = checked(input);
  return db.transaction((tx) => {
    const record = tx
      .insert(calendarEvents)
      .values({ ...values, createdBy: userId, updatedBy: userId })
      .returning()
      .get();
    recordAudit(tx, { userId, action: 'calendar.event.create', entity: 'calendar_event', entityId: record.id, after: audited(record) });
    return record;
  });
}

export function getCalendarEvent(db: Db, id: number): CalendarEventRecord {
  const record = db.select().from(calendarEvents).where(eq(calendarEvents.id, id)).get();
  if (!record) throw notFound('calendar event', id);
  return record;
}

/** Changes the fields given; the others keep their values. */
export function updateCalendarEvent(db: Db, id: number, change: Partial<CalendarEventInput>, userId: number): CalendarEventRecord {
  return db.transaction((tx) => {
    const before = getCalendarEvent(db, id);
    const values = checked({ ...audited(before), ...change });
    const after = tx
      .update(calendarEvents)
      .set({ ...values, updatedBy: userId, updatedAt: new Date().toISOString() })
      .where(eq(calendarEvents.id, id))
      .returning()
      .get();
    recordAudit(tx, {
      userId,
      action: 'calendar.event.update',
      entity: 'calendar_event',
      entityId: id,
      before: audited(before),
      after: audited(after),
    });
    return after;
  });
}

export function deleteCalendarEvent(db: Db, id: number, userId: number): void {
  db.transaction((tx) => {
    const before = getCalendarEvent(db, id);
    tx.delete(calendarEvents).where(eq(calendarEvents.id, id)).run();
    recordAudit(tx, { userId, action: 'calendar.event.delete', entity: 'calendar_event', entityId: id, before: audited(before) });
  });
}

/** The events from `from` to `to` (both `YYYY-MM-DD`, inclusive), in date order. */
export function listCalendarEvents(db: Db, from: string, to: string): CalendarEventRecord[] {
  return db
    .select()
    .from(calendarEvents)
    .where(between(calendarEvents.date, from, to))
    .orderBy(asc(calendarEvents.date), asc(calendarEvents.id))
    .all();
}
