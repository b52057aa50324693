/**
 * Documented examples of Excel's Date and time functions, from Microsoft's function
 * reference, each with the result the page gives. Dates in the pages' data tables are the
 * serial numbers Excel holds for them (serial(2011, 4, 15) for 15-Apr-11); a result the
 * page shows formatted as a date is its serial number, as the cell holds it.
 */
import { dayFraction, serial, type DocumentedExample } from './example.js';
import { markVerified } from './math.js';
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
/** SECOND's page: a 'Data' heading over a 'Time' one, then 4:48:18 PM and 4:48 PM in A3:A4. */
const SECOND_DATA = { A1: 'Data', A2: 'Time', A3: dayFraction(16, 48, 18), A4: dayFraction(16, 48) };
/** YEAR's page: a 'Data' heading over a 'Date' one, then 7/5/2023 and 7/5/2025 in A3:A4. */
const YEAR_DATA = { A1: 'Data', A2: 'Date', A3: serial(2023, 7, 5), A4: serial(2025, 7, 5) };

const EXAMPLES: DocumentedExample[] = [
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
  example('SECOND', '=SECOND(A3)', 18, { data: SECOND_DATA }),
  example('SECOND', '=SECOND(A4)', 0, { data: SECOND_DATA }),
  example('TIME', '=TIME(A2,B2,C2)', 0.5, { data: TIME_DATA }),
  example('TIME', '=TIME(A3,B3,C3)', 0.7001157, { data: TIME_DATA, decimals: 7 }),
  example('TIMEVALUE', '=TIMEVALUE("2:24 AM")', 0.1, { decimals: 2 }),
  example('TIMEVALUE', '=TIMEVALUE("22-Aug-2011 6:35 AM")', 0.2743, { decimals: 4 }),
  example('TODAY', '=TODAY()-INT(NOW())', 0, { note: "The page's results depend on the clock; TODAY is the current date with no time." }),
  example('WEEKDAY', '=WEEKDAY(A2)', 5, { data: { A1: 'Data', A2: serial(2008, 2, 14) } }),
  example('WEEKDAY', '=WEEKDAY(A2,2)', 4, { data: { A1: 'Data', A2: serial(2008, 2, 14) } }),
  example('WEEKDAY', '=WEEKDAY(A2,3)', 3, { data: { A1: 'Data', A2: serial(2008, 2, 14) } }),
  example('WEEKNUM', '=WEEKNUM(A2)', 10, { data: { A1: 'Data', A2: serial(2012, 3, 9) } }),
  example('WEEKNUM', '=WEEKNUM(A2,2)', 11, { data: { A1: 'Data', A2: serial(2012, 3, 9) } }),
  example('WORKDAY', '=WORKDAY(A2,A3)', serial(2009, 4, 30), { data: WORKDAY_DATA }),
  example('WORKDAY', '=WORKDAY(A2,A3,A4:A6)', serial(2009, 5, 5), { data: WORKDAY_DATA }),
  example('WORKDAY.INTL', '=WORKDAY.INTL(DATE(2012,1,1),30,0)', { error: '#NUM!' }),
  example('WORKDAY.INTL', '=WORKDAY.INTL(DATE(2012,1,1),90,11)', 41013),
  example('WORKDAY.INTL', '=TEXT(WORKDAY.INTL(DATE(2012,1,1),30,17),"m/dd/yyyy")', '2/05/2012'),
  example('YEAR', '=YEAR(A3)', 2023, { data: YEAR_DATA }),
  example('YEAR', '=YEAR(A4)', 2025, { data: YEAR_DATA }),
  example('YEARFRAC', '=YEARFRAC(A2,A3)', 0.58055556, { data: YEARFRAC_DATA, decimals: 8 }),
  example('YEARFRAC', '=YEARFRAC(A2,A3,1)', 0.57650273, { data: YEARFRAC_DATA, decimals: 8 }),
  example('YEARFRAC', '=YEARFRAC(A2,A3,3)', 0.57808219, { data: YEARFRAC_DATA, decimals: 8 }),
];

const ms = (locale: string, path: string) => `https://support.microsoft.com/${locale}/${path}`;
const DAY_PAGE = ms('zh-tw', 'Excel/functions/day-function');
const EDATE_PAGE = ms('zh-cn', 'excel/edate-function');
const EOMONTH_PAGE = ms('zh-cn', 'excel/eomonth-function');
const DAYS_PAGE = ms('zh-CN', 'Excel/functions/days-function');
const DAYS360_PAGE = ms('zh-CN', 'excel/functions/days360-function');
const DATEVALUE_PAGE = ms('ja-jp', 'excel/functions/datevalue-function');
const HOUR_PAGE = ms('en-us', 'Excel/functions/hour-function');
const ISOWEEKNUM_PAGE = ms('en-US', 'Excel/functions/isoweeknum-function');
const MINUTE_PAGE = ms('en-us', 'Excel/minute-function');
const MONTH_PAGE = ms('zh-CN', 'excel/functions/month-function');
const NETWORKDAYS_PAGE = ms('zh-cn', 'Excel/functions/networkdays-function');
const NETWORKDAYS_INTL_PAGE = ms('zh-CN', 'Excel/networkdays-intl-function');
const SECOND_PAGE = ms('en-us', 'excel/second-function');
const TIME_PAGE = ms('ko-kr', 'Excel/time-function');
const TIMEVALUE_PAGE = ms('es-es', 'excel/functions/timevalue-function');
const WEEKDAY_PAGE = ms('zh-cn', 'excel/weekday-function');
const WEEKNUM_PAGE = ms('zh-CN', 'Excel/weeknum-function');
const WORKDAY_PAGE = ms('zh-CN', 'Excel/workday-function');
const WORKDAY_INTL_PAGE = ms('zh-CN', 'Excel/workday-intl-function');
const YEAR_PAGE = ms('en-US', 'excel/functions/year-function');
const YEARFRAC_PAGE = ms('zh-TW', 'Excel/yearfrac-function');

/**
 * An Indonesian translation of Microsoft's date and time pages, with their example tables and
 * results, in github.com/anandabayuf/managementtoolsproject1 (fungsi-tanggal-dan-waktu-1/); the
 * page's own stored copies were cut off before these rows. Formulas and numbers are untranslated.
 */
const ID_COPY = (file: string) =>
  `https://github.com/anandabayuf/managementtoolsproject1/blob/78933aed1dc07e9df81ec3b920531ad6d1a3566d/fungsi-tanggal-dan-waktu-1/${file}.md`;
const ID_DETAIL = "read in an Indonesian translation of Microsoft's page (its example table and results)";
/** The entries whose data, formula and result were compared with the page's text (see markVerified). */
const VERIFIED: Record<string, [url: string, detail?: string]> = {
  'DATEDIF|=DATEDIF(A2,B2,"Y")': [ID_COPY('fungsi-datedif-1'), `${ID_DETAIL}: 1/1/2001 to 1/1/2003, two complete years (2)`],
  'DATEDIF|=DATEDIF(A3,B3,"D")': [ID_COPY('fungsi-datedif-1'), `${ID_DETAIL}: 440 days from 6/1/2001 to 8/15/2002`],
  'DATEDIF|=DATEDIF(A3,B3,"YD")': [ID_COPY('fungsi-datedif-1'), `${ID_DETAIL}: 75 days from June 1 to August 15, ignoring the years`],
  'DATEVALUE|=DATEVALUE("2011/02/23")': [ID_COPY('fungsi-datevalue'), `${ID_DETAIL}: 40597`],
  'DATEVALUE|=DATEVALUE(A2&"/"&A3&"/"&A4)': [
    ID_COPY('fungsi-datevalue'),
    `${ID_DETAIL}: its data 11, 3 and 2011 in A2:A4, the formula written =DATEVALUE(A2 & "/" & A3 & "/" & A4), 40850`,
  ],
  'NETWORKDAYS.INTL|=NETWORKDAYS.INTL(DATE(2006,1,1),DATE(2006,2,1),7,{"2006/1/2","2006/1/16"})': [
    ID_COPY('fungsi-networkdays.intl'),
    `${ID_DETAIL}: 22, 32 days less 4 Fridays, 4 Saturdays and 2 holidays (the copy's result cell is garbled to "2,2"; its description gives 22)`,
  ],
  'NETWORKDAYS.INTL|=NETWORKDAYS.INTL(DATE(2006,1,1),DATE(2006,2,1),"0010001",{"2006/1/2","2006/1/16"})': [
    ID_COPY('fungsi-networkdays.intl'),
    `${ID_DETAIL}: the copy's result cell reads "0,20"; worked by hand, 32 days less 5 Sundays, 5 Wednesdays and the 2 holidays (both Mondays) is 20`,
  ],
  'WORKDAY.INTL|=WORKDAY.INTL(DATE(2012,1,1),90,11)': [ID_COPY('fungsi-workday.intl'), `${ID_DETAIL}: 41013`],
  'WORKDAY.INTL|=TEXT(WORKDAY.INTL(DATE(2012,1,1),30,17),"m/dd/yyyy")': [
    ID_COPY('fungsi-workday.intl'),
    `${ID_DETAIL}: 2/05/2012 (serial 40944)`,
  ],
  'DATEVALUE|=DATEVALUE("8/22/2011")': [DATEVALUE_PAGE, 'the page shows the serial number 40777'],
  'DATEVALUE|=DATEVALUE("22-MAY-2011")': [DATEVALUE_PAGE, 'the page shows the serial number 40685'],
  'DAY|=DAY(A2)': [DAY_PAGE],
  'DAYS|=DAYS("15-MAR-2021","1-FEB-2021")': [DAYS_PAGE],
  'DAYS|=DAYS(A2,A3)': [DAYS_PAGE],
  'DAYS360|=DAYS360(A3,A4)': [DAYS360_PAGE],
  'DAYS360|=DAYS360(A2,A5)': [DAYS360_PAGE],
  'DAYS360|=DAYS360(A2,A4)': [DAYS360_PAGE],
  'EDATE|=EDATE(A2,1)': [EDATE_PAGE],
  'EDATE|=EDATE(A2,-1)': [EDATE_PAGE],
  'EDATE|=EDATE(A2,2)': [EDATE_PAGE],
  'EOMONTH|=EOMONTH(A2,1)': [EOMONTH_PAGE],
  'EOMONTH|=EOMONTH(A2,-3)': [EOMONTH_PAGE],
  'HOUR|=HOUR(A2)': [HOUR_PAGE],
  'HOUR|=HOUR(A3)': [HOUR_PAGE],
  'HOUR|=HOUR(A4)': [HOUR_PAGE],
  'ISOWEEKNUM|=ISOWEEKNUM(A2)': [ISOWEEKNUM_PAGE],
  'MINUTE|=MINUTE(A2)': [MINUTE_PAGE],
  'MONTH|=MONTH(A2)': [MONTH_PAGE],
  'NETWORKDAYS|=NETWORKDAYS(A2,A3)': [NETWORKDAYS_PAGE],
  'NETWORKDAYS|=NETWORKDAYS(A2,A3,A4)': [NETWORKDAYS_PAGE],
  'NETWORKDAYS|=NETWORKDAYS(A2,A3,A4:A6)': [NETWORKDAYS_PAGE],
  'NETWORKDAYS.INTL|=NETWORKDAYS.INTL(DATE(2006,1,1),DATE(2006,1,31))': [NETWORKDAYS_INTL_PAGE],
  'NETWORKDAYS.INTL|=NETWORKDAYS.INTL(DATE(2006,2,28),DATE(2006,1,31))': [NETWORKDAYS_INTL_PAGE],
  'SECOND|=SECOND(A3)': [SECOND_PAGE, 'the page puts the times in A3:A4 under a Data and a Time heading'],
  'SECOND|=SECOND(A4)': [SECOND_PAGE, 'the page puts the times in A3:A4 under a Data and a Time heading'],
  'TIME|=TIME(A2,B2,C2)': [TIME_PAGE],
  'TIME|=TIME(A3,B3,C3)': [TIME_PAGE],
  'TIMEVALUE|=TIMEVALUE("2:24 AM")': [TIMEVALUE_PAGE, 'the page shows 0.10'],
  'TIMEVALUE|=TIMEVALUE("22-Aug-2011 6:35 AM")': [TIMEVALUE_PAGE, 'the page shows 0.2743'],
  'WEEKDAY|=WEEKDAY(A2)': [WEEKDAY_PAGE],
  'WEEKDAY|=WEEKDAY(A2,2)': [WEEKDAY_PAGE, 'the page writes =WEEKDAY(A2, 2)'],
  'WEEKDAY|=WEEKDAY(A2,3)': [WEEKDAY_PAGE, 'the page writes =WEEKDAY(A2, 3)'],
  'WEEKNUM|=WEEKNUM(A2)': [WEEKNUM_PAGE],
  'WEEKNUM|=WEEKNUM(A2,2)': [WEEKNUM_PAGE],
  'WORKDAY|=WORKDAY(A2,A3)': [WORKDAY_PAGE],
  'WORKDAY|=WORKDAY(A2,A3,A4:A6)': [WORKDAY_PAGE],
  'WORKDAY.INTL|=WORKDAY.INTL(DATE(2012,1,1),30,0)': [WORKDAY_INTL_PAGE],
  'YEAR|=YEAR(A3)': [YEAR_PAGE, "the page's data is now 7/5/2023 and 7/5/2025 in A3:A4 (its descriptions still say 2008 and 2010)"],
  'YEAR|=YEAR(A4)': [YEAR_PAGE, "the page's data is now 7/5/2023 and 7/5/2025 in A3:A4 (its descriptions still say 2008 and 2010)"],
  'YEARFRAC|=YEARFRAC(A2,A3)': [YEARFRAC_PAGE],
  'YEARFRAC|=YEARFRAC(A2,A3,1)': [YEARFRAC_PAGE],
  'YEARFRAC|=YEARFRAC(A2,A3,3)': [YEARFRAC_PAGE],
};

export const examples: DocumentedExample[] = markVerified(EXAMPLES, VERIFIED);

export const notImplemented: Record<string, string> = {};
