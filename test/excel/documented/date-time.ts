/**
 * Documented examples of Excel's Date and time functions, from Microsoft's function
 * reference, each with the result the page gives. Dates in the pages' data tables are the
 * serial numbers Excel holds for them (serial(2011, 4, 15) for 15-Apr-11); a result the
 * page shows formatted as a date is its serial number, as the cell holds it.
 */
import { dayFraction, serial, type DocumentedExample } from './example.js';
import { page } from './page.js';

const example = (fn: string, formula: string, expected: DocumentedExample['expected'], more: Partial<DocumentedExample> = {}) =>
  ({ fn, source: page(fn), formula, expected, ...more }) satisfies DocumentedExample;

const NETWORKDAYS_DATA = {
  A1: 'Date',
  A2: serial(2012, 10, 1),
  A3: serial(2013, 3, 1),
  A4: serial(2012, 11, 22),
  A5: serial(2012, 12, 4),
  A6: serial(2013, 1, 21),
};
const WORKDAY_DATA = {
  A1: 'Date',
  A2: serial(2008, 10, 1),
  A3: 151,
  A4: serial(2008, 11, 26),
  A5: serial(2008, 12, 4),
  A6: serial(2009, 1, 21),
};
const DAYS360_DATA = { A1: 'Dates', A2: serial(2011, 1, 1), A3: serial(2011, 1, 30), A4: serial(2011, 2, 1), A5: serial(2011, 12, 31) };
const HOUR_DATA = { A1: 'Time', A2: 0.75, A3: serial(2011, 7, 18) + dayFraction(7, 45), A4: serial(2012, 4, 21) };
const YEARFRAC_DATA = { A1: 'Data', A2: serial(2012, 1, 1), A3: serial(2012, 7, 30) };
const DATE_DATA = { A1: 'Year', B1: 'Month', C1: 'Day', A2: 2012, B2: 1, C2: 1, A4: '20121125' };
const TIME_DATA = { A1: 'Hour', B1: 'Minute', C1: 'Second', A2: 12, B2: 0, C2: 0, A3: 16, B3: 48, C3: 10 };
const DATEDIF_DATA = {
  A1: 'Start_date',
  B1: 'End_date',
  A2: serial(2001, 1, 1),
  B2: serial(2003, 1, 1),
  A3: serial(2001, 6, 1),
  B3: serial(2002, 8, 15),
};
const DAYS_DATA = { A1: 'Data', A2: serial(2021, 12, 31), A3: serial(2021, 1, 1) };

export const examples: DocumentedExample[] = [
  example('DATE', '=DATE(A2,B2,C2)', serial(2012, 1, 1), { data: DATE_DATA, cell: 'A6' }),
  example('DATE', '=DATE(LEFT(A4,4),MID(A4,5,2),RIGHT(A4,2))', serial(2012, 11, 25), { data: DATE_DATA, cell: 'A6' }),
  example('DATEDIF', '=DATEDIF(A2,B2,"Y")', 2, { data: DATEDIF_DATA, cell: 'A5' }),
  example('DATEDIF', '=DATEDIF(A3,B3,"D")', 440, { data: DATEDIF_DATA, cell: 'A5' }),
  example('DATEDIF', '=DATEDIF(A3,B3,"YD")', 75, { data: DATEDIF_DATA, cell: 'A5' }),
  example('DATEVALUE', '=DATEVALUE("8/22/2011")', serial(2011, 8, 22)),
  example('DATEVALUE', '=DATEVALUE("22-MAY-2011")', serial(2011, 5, 22)),
  example('DATEVALUE', '=DATEVALUE("2011/02/23")', serial(2011, 2, 23)),
  example('DATEVALUE', '=DATEVALUE(A2&"/"&A3&"/"&A4)', serial(2011, 11, 3), { data: { A1: 'Data', A2: '11', A3: '3', A4: '2011' } }),
  example('DAY', '=DAY(A2)', 15, { data: { A1: 'Date', A2: serial(2011, 4, 15) } }),
  example('DAYS', '=DAYS("15-MAR-2021","1-FEB-2021")', 42),
  example('DAYS', '=DAYS(A2,A3)', 364, { data: DAYS_DATA }),
  example('DAYS360', '=DAYS360(A3,A4)', 1, { data: DAYS360_DATA }),
  example('DAYS360', '=DAYS360(A2,A5)', 360, { data: DAYS360_DATA }),
  example('DAYS360', '=DAYS360(A2,A4)', 30, { data: DAYS360_DATA }),
  example('EDATE', '=EDATE(A2,1)', serial(2011, 2, 15), { data: { A1: 'Date', A2: serial(2011, 1, 15) } }),
  example('EDATE', '=EDATE(A2,-1)', serial(2010, 12, 15), { data: { A1: 'Date', A2: serial(2011, 1, 15) } }),
  example('EDATE', '=EDATE(A2,2)', serial(2011, 3, 15), { data: { A1: 'Date', A2: serial(2011, 1, 15) } }),
  example('EOMONTH', '=EOMONTH(A2,1)', serial(2011, 2, 28), { data: { A1: 'Date', A2: serial(2011, 1, 1) } }),
  example('EOMONTH', '=EOMONTH(A2,-3)', serial(2010, 10, 31), { data: { A1: 'Date', A2: serial(2011, 1, 1) } }),
  example('HOUR', '=HOUR(A2)', 18, { data: HOUR_DATA }),
  example('HOUR', '=HOUR(A3)', 7, { data: HOUR_DATA }),
  example('HOUR', '=HOUR(A4)', 0, { data: HOUR_DATA }),
  example('ISOWEEKNUM', '=ISOWEEKNUM(A2)', 10, { data: { A1: 'Date', A2: serial(2012, 3, 9) } }),
  example('MINUTE', '=MINUTE(A2)', 45, { data: { A1: 'Time', A2: dayFraction(12, 45) } }),
  example('MONTH', '=MONTH(A2)', 4, { data: { A1: 'Date', A2: serial(2011, 4, 15) } }),
  example('NETWORKDAYS', '=NETWORKDAYS(A2,A3)', 110, { data: NETWORKDAYS_DATA }),
  example('NETWORKDAYS', '=NETWORKDAYS(A2,A3,A4)', 109, { data: NETWORKDAYS_DATA }),
  example('NETWORKDAYS', '=NETWORKDAYS(A2,A3,A4:A6)', 107, { data: NETWORKDAYS_DATA }),
  example('NETWORKDAYS.INTL', '=NETWORKDAYS.INTL(DATE(2006,1,1),DATE(2006,1,31))', 22),
  example('NETWORKDAYS.INTL', '=NETWORKDAYS.INTL(DATE(2006,2,28),DATE(2006,1,31))', -21),
  example('NETWORKDAYS.INTL', '=NETWORKDAYS.INTL(DATE(2006,1,1),DATE(2006,2,1),7,{"2006/1/2","2006/1/16"})', 22),
  example('NETWORKDAYS.INTL', '=NETWORKDAYS.INTL(DATE(2006,1,1),DATE(2006,2,1),"0010001",{"2006/1/2","2006/1/16"})', 20),
  example('NOW', '=INT(NOW())=TODAY()', true, {
    note: "The page's results depend on the clock; NOW's date part is TODAY's, as the page describes both.",
  }),
  example('SECOND', '=SECOND(A2)', 18, { data: { A1: 'Time', A2: dayFraction(16, 48, 18), A3: dayFraction(16, 48) } }),
  example('SECOND', '=SECOND(A3)', 0, { data: { A1: 'Time', A2: dayFraction(16, 48, 18), A3: dayFraction(16, 48) } }),
  example('TIME', '=TIME(A2,B2,C2)', 0.5, { data: TIME_DATA }),
  example('TIME', '=TIME(A3,B3,C3)', 0.7001157, { data: TIME_DATA, decimals: 7 }),
  example('TIMEVALUE', '=TIMEVALUE("2:24 AM")', 0.1),
  example('TIMEVALUE', '=TIMEVALUE("22-Aug-2011 6:35 AM")', 0.2743056, { decimals: 7 }),
  example('TODAY', '=TODAY()-INT(NOW())', 0, { note: "The page's results depend on the clock; TODAY is the current date with no time." }),
  example('WEEKDAY', '=WEEKDAY(A2)', 5, { data: { A1: 'Data', A2: serial(2008, 2, 14) } }),
  example('WEEKDAY', '=WEEKDAY(A2,2)', 4, { data: { A1: 'Data', A2: serial(2008, 2, 14) } }),
  example('WEEKDAY', '=WEEKDAY(A2,3)', 3, { data: { A1: 'Data', A2: serial(2008, 2, 14) } }),
  example('WEEKNUM', '=WEEKNUM(A2)', 10, { data: { A1: 'Date', A2: serial(2012, 3, 9) } }),
  example('WEEKNUM', '=WEEKNUM(A2,2)', 11, { data: { A1: 'Date', A2: serial(2012, 3, 9) } }),
  example('WORKDAY', '=WORKDAY(A2,A3)', serial(2009, 4, 30), { data: WORKDAY_DATA }),
  example('WORKDAY', '=WORKDAY(A2,A3,A4:A6)', serial(2009, 5, 5), { data: WORKDAY_DATA }),
  example('WORKDAY.INTL', '=WORKDAY.INTL(DATE(2012,1,1),30,0)', { error: '#NUM!' }),
  example('WORKDAY.INTL', '=WORKDAY.INTL(DATE(2012,1,1),90,11)', 41013),
  example('WORKDAY.INTL', '=TEXT(WORKDAY.INTL(DATE(2012,1,1),30,17),"m/dd/yyyy")', '2/05/2012'),
  example('YEAR', '=YEAR(A2)', 2008, { data: { A1: 'Date', A2: serial(2008, 7, 5), A3: serial(2010, 7, 5) } }),
  example('YEAR', '=YEAR(A3)', 2010, { data: { A1: 'Date', A2: serial(2008, 7, 5), A3: serial(2010, 7, 5) } }),
  example('YEARFRAC', '=YEARFRAC(A2,A3)', 0.58055556, { data: YEARFRAC_DATA, decimals: 8 }),
  example('YEARFRAC', '=YEARFRAC(A2,A3,1)', 0.57650273, { data: YEARFRAC_DATA, decimals: 8 }),
  example('YEARFRAC', '=YEARFRAC(A2,A3,3)', 0.57808219, { data: YEARFRAC_DATA, decimals: 8 }),
];

export const notImplemented: Record<string, string> = {};
