/**
 * Expiration days are New York days: an import at 20:00 New York time on the 20th belongs
 * to the 20th, though it is the 21st in UTC.
 */
const NEW_YORK = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `YYYY-MM-DD HH:MM` in New York for an instant. */
export function newYorkStamp(instant: Date | string): string {
  const parts = Object.fromEntries(NEW_YORK.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The New York day (`YYYY-MM-DD`) of an instant. */
export function newYorkDay(instant: Date | string): string {
  return newYorkStamp(instant).slice(0, 10);
}
