/**
 * NETWORKDAYS, NETWORKDAYS.INTL, WORKDAY and WORKDAY.INTL with holidays given as date text,
 * as Excel reads them (its page: `{"2006/1/2","2006/1/16"}`): HyperFormula's own functions,
 * whose holiday list takes only numbers, with each text holiday read as a date first. Text
 * that is no date stays #VALUE!, as in Excel.
 */
import { CellError, ErrorType, HyperFormula, SimpleRangeValue, type FunctionPluginDefinition } from 'hyperformula';

/** 9999-12-31 in Excel's 1900 date system. */
const LAST_EXCEL_SERIAL = 2_958_465;

type Base = FunctionPluginDefinition & (new (...args: never[]) => object);
interface DateHelper {
  dateStringToDateNumber(text: string): unknown;
}

/** Builds the plugin over HyperFormula's date plugin (registered by default, as NETWORKDAYS.INTL's). */
export function holidayTextPlugin(): FunctionPluginDefinition {
  const base = HyperFormula.getFunctionPlugin('NETWORKDAYS.INTL') as unknown as Base | undefined;
  if (!base) throw new Error("HyperFormula no longer has NETWORKDAYS.INTL's plugin; update rules/functions/datetime/holidays.ts");
  const names = ['NETWORKDAYS', 'NETWORKDAYS.INTL', 'WORKDAY', 'WORKDAY.INTL'];
  const implemented = base.implementedFunctions;
  const plugin = class HolidayTextPlugin extends (base as unknown as new (...args: never[]) => {
    dateTimeHelper: DateHelper;
    simpleRangeToFilteredHolidays(weekend: unknown, holidays: SimpleRangeValue | undefined): unknown;
    workdaycore(start: number, delta: number, weekend: unknown, holidays: unknown): unknown;
  }) {
    static implementedFunctions = Object.fromEntries(names.map((n) => [n, implemented[n]]));

    /**
     * HyperFormula's search for the n-th workday doubles a span until it holds n workdays; past
     * about 1e17 days the doubling stops moving and the cell never returns (the run hangs). A day
     * count of more days than there are up to the last date Excel has (31 December 9999, serial
     * 2,958,465) can only land outside the dates, which Excel answers with #NUM!: so does
     * Tickmark, before the search.
     */
    override workdaycore(start: number, delta: number, weekend: unknown, holidays: unknown): unknown {
      if (Math.abs(Math.trunc(delta)) > LAST_EXCEL_SERIAL)
        return new CellError(ErrorType.NUM, `${delta} workdays lands outside the dates a cell can hold (up to 31 December 9999)`);
      return super.workdaycore(start, delta, weekend, holidays);
    }

    override simpleRangeToFilteredHolidays(weekend: unknown, holidays: SimpleRangeValue | undefined): unknown {
      if (!holidays) return super.simpleRangeToFilteredHolidays(weekend, holidays);
      const read = holidays.data.map((row) =>
        row.map((value) => {
          if (typeof value !== 'string') return value;
          const date = this.dateTimeHelper.dateStringToDateNumber(value);
          return date ?? new CellError(ErrorType.VALUE, `the holiday "${value}" is not a date`);
        }),
      );
      return super.simpleRangeToFilteredHolidays(weekend, SimpleRangeValue.onlyValues(read as never));
    }
  };
  return plugin as unknown as FunctionPluginDefinition;
}
