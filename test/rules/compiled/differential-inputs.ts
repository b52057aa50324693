/**
 * The random inputs of the differential test (issue 14), seeded so a failure repeats: the
 * values (empty, empty text, text where a number is expected, numeric, percent, currency and
 * date text, booleans, -0, the extremes of a double, 15/16 digits, long and Unicode text) and
 * the argument wrappers that turn an input, by a selector column, into each error kind, a
 * date-typed or a percent-typed number.
 */
import type { EngineScalar } from '../../../rules/compiled/api.js';
import { rng } from '../../../scripts/random.js';

/** Values chosen for their traps: empty, numeric text, booleans, extremes, 15/16 digits, dates, unicode. */
const SPECIAL: EngineScalar[] = [
  null,
  '',
  0,
  -0,
  1,
  -1,
  2,
  0.5,
  -0.5,
  2.675,
  1.005,
  0.1,
  0.3,
  1e308,
  -1e308,
  1.7976931348623157e308,
  1e-308,
  2.2250738585072014e-308,
  5e-324,
  -5e-324,
  1e-15,
  123456789012345,
  1234567890123456,
  // 2^53 + 2 (2^53 + 1 has no double): integers past the exact range.
  9007199254740994,
  -9007199254740992,
  0.1 + 0.2,
  1 / 3,
  45292,
  45351.5,
  60,
  -45292,
  2958465,
  2958466,
  1e15,
  1e15 + 0.3,
  1e21,
  '12',
  '  12 ',
  ' 12 ',
  '\t12',
  '1e3',
  '1E+308',
  '1e309',
  '-3.5',
  '.5',
  '5%',
  '12%',
  '-12.5%',
  '$5',
  '$1,234.50',
  '-$5',
  '1,000',
  '(5)',
  'NaN',
  'Infinity',
  '0x10',
  '2024-01-31',
  '2024-02-30',
  '1/2/2024',
  '12/31/99',
  '2024-01-01 10:00',
  'May 22, 2011',
  '22-Aug-2011',
  '2:24 PM',
  '12:30',
  "'2024-01-01",
  'TRUE',
  'true',
  'FALSE',
  ' TRUE ',
  'abc',
  'ABC',
  'Abc ',
  '  a  b  ',
  'a\nb',
  'é',
  'É',
  'ß',
  'İ',
  '日本',
  '😀x',
  'x'.repeat(255),
  'y'.repeat(256),
  'x'.repeat(300),
  '#N/A',
  '#DIV/0!',
  '=1+1',
  true,
  false,
];

/** A seeded stream of inputs: specials half the time, else random numbers, small integers or words. */
export function valueSource(seed: number): () => EngineScalar {
  const random = rng(seed);
  const words = ['a', 'b', 'A', 'abc', 'Straße', 'x y', ' padded ', 'Zeta'];
  return () => {
    const pick = random();
    if (pick < 0.5) return SPECIAL[Math.floor(random() * SPECIAL.length)];
    if (pick < 0.7) return Math.floor(random() * 41) - 10;
    if (pick < 0.85) return Math.round((random() - 0.5) * 2e6) / 100;
    if (pick < 0.95) return words[Math.floor(random() * words.length)];
    return String(Math.floor(random() * 1000) / 10);
  };
}

/** Inputs that keep date arithmetic mostly within Excel's calendar: small numbers, numeric and date text, empties, booleans, words. */
export function boundedSource(seed: number): () => EngineScalar {
  const random = rng(seed);
  const specials: EngineScalar[] = [
    null,
    '',
    0,
    -0,
    1,
    -1,
    0.5,
    2.5,
    12,
    13,
    31,
    32,
    60,
    1900,
    2024,
    9999,
    10000,
    '3',
    ' 4 ',
    '2024-03-01',
    '2024-01-31',
    '01/02/2024',
    '1/2/2024',
    '2/30/2024',
    'Mar 5, 2024',
    '12:30',
    '2024-01-01 10:00',
    '5%',
    '$12',
    'abc',
    true,
    false,
    45292,
    45351.75,
    2958465,
    1e308,
  ];
  return () => {
    const pick = random();
    if (pick < 0.4) return specials[Math.floor(random() * specials.length)];
    if (pick < 0.8) return Math.floor(random() * 80) - 20;
    return Math.round(random() * 3000000) / 100;
  };
}

/** The kinds a selector asks for, in the order of their codes (1 = div …); none (null) on most rows. */
export const ERROR_SELECTORS = ['div', 'na', 'value', 'num', 'ref', 'name', 'null', 'pct', 'date'];

/**
 * Text selectors for `wrapped` ('div', 'na', …, or null on 3 rows in 4). `dates`: the 'date'
 * kind too (kept as an argument for the callers written when a date-typed result past
 * 9999-12-31 crashed readValue; dateTypedOutput shows it as a number now).
 */
export function selectorSource(seed: number, dates = false): () => EngineScalar {
  const random = rng(seed);
  const kinds = dates ? ERROR_SELECTORS.length : ERROR_SELECTORS.length - 1;
  return () => (random() < 0.75 ? null : ERROR_SELECTORS[Math.floor(random() * kinds)]);
}

/** Numeric selectors for `selected`: a code 1-9 (ERROR_SELECTORS' order) on 1 row in 4, else null. */
export function selectorCodes(seed: number): () => EngineScalar {
  const random = rng(seed);
  return () => (random() < 0.75 ? null : 1 + Math.floor(random() * ERROR_SELECTORS.length));
}

/**
 * The wrapper formula making argument `x` (input column `value`) sometimes an error, a
 * date-typed or a percent-typed number, by the text selector column `selector`.
 */
export function wrapped(value: string, selector: string): string {
  const s = `${selector}2`;
  return (
    `=IF(${s}="div",1/0,IF(${s}="na",#N/A,IF(${s}="value","a"+1,IF(${s}="num",#NUM!,IF(${s}="ref",#REF!,` +
    `IF(${s}="name",#NAME?,IF(${s}="null",#NULL!,IF(${s}="date",DATE(2024,2,29),IF(${s}="pct",5%,${value}2)))))))))`
  );
}

/**
 * `wrapped` with a numeric selector (`selectorCodes`), the cheap form for HyperFormula:
 * HyperFormula evaluates every argument of IF, so the text form made 27 text comparisons a row
 * (each tries the text as a date) and its `"a"+1` a date parse of "a"; numbers compare at once.
 * Measured 2026-12-02: the information group's HyperFormula CPU fell from 3.7 s to 3.0 s per
 * 10,000 rows. The values given are the same kinds (#VALUE! written, not computed).
 */
export function selected(value: string, selector: string): string {
  const s = `${selector}2`;
  return (
    `=IF(${s}=1,1/0,IF(${s}=2,#N/A,IF(${s}=3,#VALUE!,IF(${s}=4,#NUM!,IF(${s}=5,#REF!,` +
    `IF(${s}=6,#NAME?,IF(${s}=7,#NULL!,IF(${s}=8,5%,IF(${s}=9,DATE(2024,2,29),${value}2)))))))))`
  );
}
