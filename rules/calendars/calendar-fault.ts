/**
 * Why a calendar question has no answer, in the calendar's own terms: the function plugins
 * turn it into Excel's error value (`value` → #VALUE!, `num` → #NUM!, `na` → #N/A) with the
 * same message, and the CLI and `calendarEvents` into a RuleError.
 */
export class CalendarFault {
  constructor(
    readonly kind: 'value' | 'num' | 'na',
    readonly message: string,
  ) {}
}

/** 9999-12-31, the last date Excel holds. */
export const LAST_EXCEL_DAY = 2958465;
