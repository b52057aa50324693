/**
 * Documented examples of Excel's Database functions, from Microsoft's function reference.
 * Every page uses an orchard table: criteria in A1:F3 (A2 holds ="=Apple", A3 ="=Pear",
 * B2 >10, F2 <16), the database in A4:E10. The current DCOUNT, DGET, DMIN, DPRODUCT and DSUM
 * pages vary it (see the layouts below).
 */
import type { CellInput } from '../../../rules/workbook.js';
import type { DocumentedExample } from './example.js';
import { markVerified } from './math.js';
import { page } from './page.js';

const ORCHARD: Record<string, CellInput> = {
  A1: 'Tree',
  B1: 'Height',
  C1: 'Age',
  D1: 'Yield',
  E1: 'Profit',
  F1: 'Height',
  A2: '="=Apple"',
  B2: '>10',
  F2: '<16',
  A3: '="=Pear"',
  A4: 'Tree',
  B4: 'Height',
  C4: 'Age',
  D4: 'Yield',
  E4: 'Profit',
  ...row(5, 'Apple', 18, 20, 14, 105),
  ...row(6, 'Pear', 12, 12, 10, 96),
  ...row(7, 'Cherry', 13, 14, 9, 105),
  ...row(8, 'Apple', 14, 15, 10, 75),
  ...row(9, 'Pear', 9, 8, 8, 76.8),
  ...row(10, 'Apple', 8, 9, 6, 45),
};

function row(n: number, tree: string, height: number, age: number, yieldValue: number, profit: number): Record<string, CellInput> {
  return { [`A${n}`]: tree, [`B${n}`]: height, [`C${n}`]: age, [`D${n}`]: yieldValue, [`E${n}`]: profit };
}

// DCOUNT's page leaves the Age of the apple tree in row 8 empty and has 12 and 11 (not 8 and 9) as
// the Height and Age of the apple tree in row 10.
const DCOUNT_ORCHARD: Record<string, CellInput> = {
  ...Object.fromEntries(Object.entries(ORCHARD).filter(([ref]) => ref !== 'C8')),
  B10: 12,
  C10: 11,
};

// DGET's page has ="Pear" (no "=" inside) in A3 and >12 in B3.
const DGET_ORCHARD: Record<string, CellInput> = { ...ORCHARD, A3: '="Pear"', B3: '>12' };

// The DMIN, DPRODUCT and DSUM pages have a spare row 4 (DSUM's shows a "." in it), so the database
// is A5:E11 and the formulas sit in row 13 under the "Formula" heading in row 12.
const ORCHARD_FROM_ROW_5: Record<string, CellInput> = Object.fromEntries(
  Object.entries(ORCHARD).map(([ref, value]) => {
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(ref)!;
    return [Number(row) >= 4 ? `${col}${Number(row) + 1}` : ref, value];
  }),
);

const example = (fn: string, formula: string, expected: DocumentedExample['expected'], more: Partial<DocumentedExample> = {}) =>
  ({ fn, source: page(fn), data: ORCHARD, formula, expected, cell: 'A12', ...more }) satisfies DocumentedExample;

const fromRow5 = { data: ORCHARD_FROM_ROW_5, cell: 'A13' };

const TRANSLATED = 'the table was read in this translation of the English page; formulas and results are the same';

/** Examples checked against the current page (fn|formula → page read, what was checked or corrected). */
const VERIFIED: Record<string, [url: string, detail?: string]> = {
  'DAVERAGE|=DAVERAGE(A4:E10,"Yield",A1:B2)': ['https://support.microsoft.com/zh-tw/excel/daverage-function', TRANSLATED],
  'DAVERAGE|=DAVERAGE(A4:E10,3,A4:E10)': ['https://support.microsoft.com/zh-tw/excel/daverage-function', TRANSLATED],
  'DCOUNT|=DCOUNT(A4:E10,"Age",A1:F2)': [
    'https://support.microsoft.com/zh-TW/Excel/dcount-function',
    `corrected to the page's table: row 8 has no Age, row 10 is Apple 12, 11, 6, 45; ${TRANSLATED}`,
  ],
  'DGET|=DGET(A4:E10,"Yield",A1:A3)': [
    'https://support.microsoft.com/zh-tw/Excel/functions/dget-function',
    `corrected to the page's criteria: ="Pear" in A3 and >12 in B3; ${TRANSLATED}`,
  ],
  'DGET|=DGET(A4:E10,"Yield",A1:F3)': [
    'https://support.microsoft.com/zh-tw/Excel/functions/dget-function',
    `corrected to the page: the criteria are A1:F3 (was A1:F2), with ="Pear" in A3 and >12 in B3; ${TRANSLATED}`,
  ],
  'DVAR|=DVAR(A4:E10,"Yield",A1:A3)': ['https://support.microsoft.com/zh-tw/Excel/functions/dvar-function', TRANSLATED],
  'DVARP|=DVARP(A4:E10,"Yield",A1:A3)': ['https://support.microsoft.com/zh-hk/excel/functions/dvarp-function', TRANSLATED],
  'DMIN|=DMIN(A5:E11,"Profit",A1:F3)': [
    'https://support.microsoft.com/zh-CN/Excel/dmin-function',
    'corrected to the page: a spare row 4, the database in A5:E11 and the criteria A1:F3 (replaces =DMIN(A4:E10,"Profit",A1:B2)); the ja-JP translation agrees (the zh-CN one scales heights and profits)',
  ],
  'DPRODUCT|=DPRODUCT(A5:E11,"Yield",A1:F3)': [
    'https://support.microsoft.com/zh-TW/Excel/dproduct-function',
    `corrected to the page: a spare row 4, the database in A5:E11 and the criteria A1:F3 (replaces =DPRODUCT(A4:E10,"Yield",A1:F2), 10); ${TRANSLATED}`,
  ],
  'DSUM|=DSUM(A5:E11,"Profit",A1:A2)': [
    'https://support.microsoft.com/zh-TW/excel/functions/dsum-function',
    `corrected to the page: a "." in A4 and the database in A5:E11; ${TRANSLATED}`,
  ],
  'DSUM|=DSUM(A5:E11,"Profit",A1:F3)': [
    'https://support.microsoft.com/zh-TW/excel/functions/dsum-function',
    `corrected to the page: the criteria A1:F3 (replaces =DSUM(A4:E10,"Profit",A1:F2), 75); the page shows $248 in a whole-dollar currency format (75 + 96 + 76.8), so the comparison is at 0 decimals; ${TRANSLATED}`,
  ],
};

export const examples: DocumentedExample[] = markVerified(
  [
    example('DAVERAGE', '=DAVERAGE(A4:E10,"Yield",A1:B2)', 12),
    example('DAVERAGE', '=DAVERAGE(A4:E10,3,A4:E10)', 13),
    example('DCOUNT', '=DCOUNT(A4:E10,"Age",A1:F2)', 1, { data: DCOUNT_ORCHARD }),
    example('DCOUNTA', '=DCOUNTA(A4:E10,"Profit",A1:F2)', 1),
    example(
      'DGET',
      '=DGET(A4:E10,"Yield",A1:A3)',
      { error: '#NUM!' },
      { data: DGET_ORCHARD, note: 'More than one record meets the criteria.' },
    ),
    example('DGET', '=DGET(A4:E10,"Yield",A1:F3)', 10, { data: DGET_ORCHARD, cell: 'A13' }),
    example('DMAX', '=DMAX(A4:E10,"Profit",A1:A3)', 105),
    example('DMIN', '=DMIN(A5:E11,"Profit",A1:F3)', 75, fromRow5),
    example('DPRODUCT', '=DPRODUCT(A5:E11,"Yield",A1:F3)', 800, fromRow5),
    example('DSTDEV', '=DSTDEV(A4:E10,"Yield",A1:A3)', 2.96647939, { decimals: 8 }),
    example('DSTDEVP', '=DSTDEVP(A4:E10,"Yield",A1:A3)', 2.65329983, { decimals: 8 }),
    example('DSUM', '=DSUM(A5:E11,"Profit",A1:A2)', 225, { data: { ...ORCHARD_FROM_ROW_5, A4: '.' }, cell: 'A13' }),
    example('DSUM', '=DSUM(A5:E11,"Profit",A1:F3)', 248, {
      data: { ...ORCHARD_FROM_ROW_5, A4: '.' },
      cell: 'A14',
      decimals: 0,
    }),
    example('DVAR', '=DVAR(A4:E10,"Yield",A1:A3)', 8.8),
    example('DVARP', '=DVARP(A4:E10,"Yield",A1:A3)', 7.04),
  ],
  VERIFIED,
);

export const notImplemented: Record<string, string> = {};
