/**
 * The `calendar` argument of the calendar functions and BDAYS: the text "NYSE", or a range
 * of holiday dates (one column of a holiday list sheet). A range is the whole calendar (the
 * listed days closed, every other weekday a 16:00 session) unless one of its cells holds the
 * text NYSE: then the listed days are closed on top of NYSE's calendar. The range's first
 * cell may be a header; blank cells are skipped; any other text, a TRUE/FALSE or a number
 * that is not a date is #VALUE! naming it, so a mistyped holiday is never silently dropped.
 */
import { CellError, ErrorType, SimpleRangeValue } from 'hyperformula';
import { LAST_EXCEL_DAY } from '../calendars/calendar-fault.js';
import { holidayListCalendar, NYSE, type TradingCalendar } from '../calendars/trading-calendar.js';
import { isEmpty, numberOf } from './values.js';

/** Reads a calendar argument; `fallback` is what an omitted one means. */
export function calendarArgument(arg: unknown, fallback: TradingCalendar): TradingCalendar | CellError {
  if (isEmpty(arg)) return fallback;
  if (arg instanceof CellError) return arg;
  if (typeof arg === 'string') {
    if (arg.trim().toUpperCase() === 'NYSE') return NYSE;
    return new CellError(ErrorType.VALUE, `unknown calendar "${arg}"; use "NYSE" or a range of holiday dates`);
  }
  if (typeof arg === 'boolean')
    return new CellError(ErrorType.VALUE, `the holiday list holds ${arg ? 'TRUE' : 'FALSE'}, which is not a date`);
  const single = numberOf(arg);
  if (single !== null) return listOf([single]);
  if (arg instanceof SimpleRangeValue) return rangeCalendar(arg);
  return new CellError(ErrorType.VALUE, 'the calendar must be "NYSE" or a range of holiday dates');
}

function rangeCalendar(range: SimpleRangeValue): TradingCalendar | CellError {
  const days: number[] = [];
  let onTopOfNyse = false;
  let index = -1;
  for (const value of range.valuesFromTopLeftCorner()) {
    index += 1;
    if (value instanceof CellError) return value;
    if (isEmpty(value)) continue;
    if (typeof value === 'string') {
      if (value.trim().toUpperCase() === 'NYSE') onTopOfNyse = true;
      else if (index !== 0)
        return new CellError(
          ErrorType.VALUE,
          `the holiday list holds "${value}", which is not a date (only its first cell may be a header)`,
        );
      continue;
    }
    const day = numberOf(value);
    if (typeof value === 'boolean')
      return new CellError(ErrorType.VALUE, `the holiday list holds ${value ? 'TRUE' : 'FALSE'}, which is not a date`);
    if (day === null) return new CellError(ErrorType.VALUE, 'the holiday list holds a value that is not a date');
    if (day < 1 || day > LAST_EXCEL_DAY)
      return new CellError(ErrorType.VALUE, `the holiday list holds ${day}, which is not a date between 1900 and 9999`);
    days.push(day);
  }
  return holidayListCalendar(days, onTopOfNyse);
}

function listOf(days: number[]): TradingCalendar | CellError {
  const [day] = days;
  if (day < 1 || day > LAST_EXCEL_DAY) return new CellError(ErrorType.VALUE, `${day} is not a holiday date between 1900 and 9999`);
  return holidayListCalendar(days, false);
}

/**
 * A date outside the calendar's years. Only NYSE and lists on top of it have such an end
 * (a list of its own covers every day), so the message names NYSE's years.
 */
export function outsideNyse(): CellError {
  return new CellError(ErrorType.NUM, `the date falls outside ${NYSE.label}`);
}
