/** Which days have a run-book: the monthly and quarterly option expirations of the rule calendar. */
import { calendarEvents } from '../../rules/calendars/events.js';
import { AppError } from '../app-error.js';
import { dateProblem } from '../calendar-events.service.js';

export type ExpirationKind = 'monthly' | 'quarterly';

/** The kinds of expiration on `date` (a quarterly expiration day may be the monthly one too); 422 when none. */
export function expirationKinds(date: string): ExpirationKind[] {
  const problem = dateProblem(date);
  if (problem) throw new AppError('bad_date', 422, `date: ${problem}`, { field: 'date' });
  const year = Number(date.slice(0, 4));
  const kinds = calendarEvents(year, year)
    .filter((e) => e.date === date)
    .flatMap((e): ExpirationKind[] =>
      e.event === 'monthly expiration' ? ['monthly'] : e.event === 'quarterly expiration' ? ['quarterly'] : [],
    );
  if (!kinds.length)
    throw new AppError('not_expiration', 422, `${date} is not a monthly or quarterly option expiration day: it has no run-book`, {
      field: 'date',
    });
  return kinds;
}
