/**
 * NETWORKDAYS, NETWORKDAYS.INTL, WORKDAY and WORKDAY.INTL with holidays given as date text,
 * as Excel reads them (its page: `{"2006/1/2","2006/1/16"}`): HyperFormula's own functions,
 * whose holiday list takes only numbers, with each text holiday read as a date first. Text
 * that is no date stays #VALUE!, as in Excel.
 */
import { CellError, ErrorType, HyperFormula, SimpleRangeValue, type FunctionPluginDefinition } from 'hyperformula';

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
  }) {
    static implementedFunctions = Object.fromEntries(names.map((n) => [n, implemented[n]]));

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
