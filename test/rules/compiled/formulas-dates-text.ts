/**
 * The formulas of the date, calendar and text functions the compiler takes (issue 14), by
 * group, for differential-dates-text.test.ts. As in formulas.ts, G, H and I are the inputs
 * A, B and C wrapped (sometimes an error, a date-typed or a percent-typed number); J is a
 * calendar argument and K a TEXT format, both raw inputs. The sources below give each
 * column values worth testing: serials (negative, 0, 60, past 9999-12-31), date and time
 * text, numeric text, words, booleans, empties, years and months, expiry kinds, futures
 * roots, OCC symbols, calendars and format strings.
 */
import type { EngineScalar } from '../../../rules/compiled/api.js';
import { rng } from '../../../scripts/random.js';

export const GROUPS: Record<string, string[]> = {
  dateParts: [
    '=YEAR(I2)',
    '=MONTH(I2)',
    '=DAY(I2)',
    '=YEAR(A2)',
    '=DAY(A2)+MONTH(B2)',
    '=YEAR(I2,J2)',
    '=MONTH()',
    '=DAY(,)',
    '=EDATE(I2,J2)',
    '=EOMONTH(I2,J2)',
    '=EDATE(A2,)',
    '=EOMONTH(A2,B2)',
    '=EDATE(I2)',
    '=WEEKDAY(I2)',
    '=WEEKDAY(I2,J2)',
    '=WEEKDAY(A2,2)',
    '=WEEKDAY(A2,)',
    '=DAYS(I2,J2)',
    '=DAYS(A2,B2)',
    '=DATEVALUE(I2)',
    '=DATEVALUE(A2)',
    '=NETWORKDAYS(I2,J2)',
    '=NETWORKDAYS(A2,B2)',
    '=WORKDAY(I2,J2)',
    '=WORKDAY(A2,B2)',
  ],
  calendars: [
    '=BDAYS(I2,J2)',
    '=BDAYS(I2,J2,G2)',
    '=BDAYS(A2,B2,"NYSE")',
    '=BDAYS(A2,B2,)',
    '=NYSEHOLIDAY(I2)',
    '=ISTRADINGDAY(I2)',
    '=ISTRADINGDAY(I2,G2)',
    '=NEXTTRADINGDAY(I2)',
    '=NEXTTRADINGDAY(I2,J2)',
    '=NEXTTRADINGDAY(A2,B2,G2)',
    '=MARKETCLOSE(I2)',
    '=MARKETCLOSE(I2,G2)',
    '=OPTEXPIRY(J2,3)',
    '=OPTEXPIRY(2024,J2,K2)',
    '=OPTEXPIRY(B2,MONTH(A2),C2,G2)',
    '=NEXTOPTEXPIRY(I2)',
    '=NEXTOPTEXPIRY(I2,K2)',
    '=NEXTOPTEXPIRY(A2,C2,G2)',
    '=FUTEXPIRY(K2,J2,4)',
    '=FUTEXPIRY("CL",2024,J2)',
    '=FUTEXPIRY(C2,B2,MONTH(A2))',
  ],
  text: [
    '=TEXT(I2,H2)',
    '=TEXT(A2,H2)',
    '=TEXT(I2,"0.00")',
    '=TEXT(I2,"yyyy-mm-dd")',
    '=TEXT(A2,"""Total: ""#,##0")',
    '=TEXT(I2)',
    '=VALUE(I2)',
    '=VALUE(A2)',
    '=CONCAT(I2,J2,K2)',
    '=CONCAT(A2,B2)',
    '=CONCAT(A2,,B2)',
    '=CONCATENATE(I2,J2)',
    '=CONCATENATE(A2,"-",B2)',
    '=TEXTJOIN(",",TRUE,I2,J2,K2)',
    '=TEXTJOIN(H2,FALSE,A2,,B2)',
    '=TEXTJOIN(I2,J2,K2)',
    '=OPTROOT(C2)',
    '=OPTEXPDATE(C2)',
    '=OPTTYPE(K2)',
    '=OPTSTRIKE(C2)',
  ],
};

const pickFrom = <T>(random: () => number, list: T[]): T => list[Math.floor(random() * list.length)];

/** Serials and date text: negative, 0, Excel's 1900-02-29 (60), the last day 2958465 and past it. */
const DATES: EngineScalar[] = [
  null,
  '',
  0,
  -0,
  1,
  -1,
  0.5,
  59,
  60,
  61,
  366,
  1462,
  -45292,
  45292,
  45351.75,
  45657,
  46000.5,
  2958465,
  2958465.9,
  2958466,
  3_000_000,
  1e7,
  '2024-03-01',
  '2024-02-29',
  '01/02/2024',
  '2/30/2024',
  '2024-01-01 10:00',
  '12:30',
  '1899-12-31',
  '1900-02-29',
  '9999-12-31',
  'Mar 5, 2024',
  '45292',
  '  12 ',
  '1e3',
  '5%',
  '$1,000',
  'abc',
  'TRUE',
  true,
  false,
];

/** Years, months, counts and weekday types. */
const NUMBERS: EngineScalar[] = [
  null,
  '',
  0,
  1,
  2,
  3,
  11,
  12,
  13,
  17,
  18,
  -1,
  -13,
  0.5,
  2.9,
  1900,
  1999,
  2024,
  2025,
  2100,
  9999,
  10000,
  '7',
  'x',
  true,
  false,
];

/** Expiry kinds, futures roots, OCC symbols and other text. */
const WORDS: EngineScalar[] = [
  null,
  '',
  'monthly',
  'quarterly',
  'eom',
  'weekly',
  ' Monthly ',
  'yearly',
  'CL',
  'NG',
  'ES',
  'ZZ',
  'AAPL  260918C00150000',
  'SPXW  240119P04500000',
  'AAPL260918C00150000',
  'C',
  'P',
  'abc',
  '2024-03-15',
  1,
  2024,
  true,
];

/** Calendar arguments: none, NYSE however written, unknown text, one holiday serial (in range or not), a boolean. */
const CALENDARS: EngineScalar[] = [null, '', 'NYSE', ' nyse ', 'LSE', 45306, 45658.5, 0, 3_000_000, -5, true, false, '45306'];

/** TEXT formats, quotes included, and a few that are no format. */
const FORMATS: EngineScalar[] = [
  '0.00',
  '#,##0',
  'yyyy-mm-dd',
  'dd/mm/yyyy',
  '0%',
  '@',
  'mmm d',
  '"Total: "0',
  'He said "hi"',
  '0.00;-0.00;"zero"',
  '[h]:mm',
  'dddd',
  'hh:mm AM/PM',
  '0.0E+00',
  '# ?/?',
  'General',
  '0@',
  '',
  'abc',
  null,
  0,
  true,
];

/**
 * How often the draw takes each kind of date: from DATES, a serial in 1998-2109, one anywhere
 * up to ±3,500,000 days, one near 0. `narrow` is the calendar functions' draw: the same
 * values, the far ones rarer, the ordinary ones within 2017-2030 and years (as numbers)
 * rarer, and B a date only 15% of the time (it is NEXTTRADINGDAY's day count as well as
 * BDAYS's end). A span of thousands of years costs BDAYS a walk over every year's holidays,
 * and a day count of a serial date or a year costs NEXTTRADINGDAY a walk of that many
 * sessions (measured 2026-12-02: 0.05 ms for 5, 2.4 ms for 2,000, 8.7 ms for 1e7), on both
 * paths; a few thousand such cases prove what more would.
 */
const DRAW = {
  wide: { listed: 0.55, ordinary: 0.25, far: 0.1, from: 36000, span: 40000, years: 0.2, numberAsDate: 0.15, numberInB: 0.5 },
  narrow: { listed: 0.3, ordinary: 0.64, far: 0.01, from: 42736, span: 5113, years: 0.12, numberAsDate: 0.02, numberInB: 0.85 },
};

/** One row's inputs A…H: A date-like, B number-like, C words, D, E, F selectors, G a calendar, H a format. */
export function dateTextRows(seed: number, count: number, selectors: () => EngineScalar, narrow = false): EngineScalar[][] {
  const random = rng(seed);
  const draw = narrow ? DRAW.narrow : DRAW.wide;
  const date = () => {
    const pick = random();
    if (pick < draw.listed) return pickFrom(random, DATES);
    if (pick < draw.listed + draw.ordinary) return draw.from + Math.floor(random() * draw.span);
    if (pick < draw.listed + draw.ordinary + draw.far) return Math.round((random() - 0.2) * 3_500_000 * 100) / 100;
    return Math.floor(random() * 80) - 20;
  };
  const number = () => {
    const pick = random();
    if (pick < 0.4) return pickFrom(random, NUMBERS);
    if (pick < 1 - draw.years - draw.numberAsDate) return Math.floor(random() * 30) - 5;
    if (pick < 1 - draw.numberAsDate) return 1985 + Math.floor(random() * 125);
    return pickFrom(random, DATES);
  };
  const word = () => (random() < 0.8 ? pickFrom(random, WORDS) : pickFrom(random, DATES));
  return Array.from({ length: count }, () => [
    date(),
    random() < draw.numberInB ? number() : date(),
    word(),
    selectors(),
    selectors(),
    selectors(),
    pickFrom(random, CALENDARS),
    pickFrom(random, FORMATS),
  ]);
}
