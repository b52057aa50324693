/**
 * Documented examples of Excel's Database functions, from Microsoft's function reference.
 * Every page uses the same orchard table: criteria in A1:F3 (A2 holds ="=Apple", A3 ="=Pear",
 * B2 >10, F2 <16), the database in A4:E10.
 */
import type { CellInput } from '../../../rules/workbook.js';
import type { DocumentedExample } from './example.js';
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

const example = (fn: string, formula: string, expected: DocumentedExample['expected'], more: Partial<DocumentedExample> = {}) =>
  ({ fn, source: page(fn), data: ORCHARD, formula, expected, cell: 'A12', ...more }) satisfies DocumentedExample;

export const examples: DocumentedExample[] = [
  example('DAVERAGE', '=DAVERAGE(A4:E10,"Yield",A1:B2)', 12),
  example('DAVERAGE', '=DAVERAGE(A4:E10,3,A4:E10)', 13),
  example('DCOUNT', '=DCOUNT(A4:E10,"Age",A1:F2)', 1),
  example('DCOUNTA', '=DCOUNTA(A4:E10,"Profit",A1:F2)', 1),
  example('DGET', '=DGET(A4:E10,"Yield",A1:A3)', { error: '#NUM!' }, { note: 'More than one record meets the criteria.' }),
  example('DGET', '=DGET(A4:E10,"Yield",A1:F2)', 10),
  example('DMAX', '=DMAX(A4:E10,"Profit",A1:A3)', 105),
  example('DMIN', '=DMIN(A4:E10,"Profit",A1:B2)', 75),
  example('DPRODUCT', '=DPRODUCT(A4:E10,"Yield",A1:F2)', 10),
  example('DSTDEV', '=DSTDEV(A4:E10,"Yield",A1:A3)', 2.96647939, { decimals: 8 }),
  example('DSTDEVP', '=DSTDEVP(A4:E10,"Yield",A1:A3)', 2.65329983, { decimals: 8 }),
  example('DSUM', '=DSUM(A4:E10,"Profit",A1:A2)', 225),
  example('DSUM', '=DSUM(A4:E10,"Profit",A1:F2)', 75),
  example('DVAR', '=DVAR(A4:E10,"Yield",A1:A3)', 8.8),
  example('DVARP', '=DVARP(A4:E10,"Yield",A1:A3)', 7.04),
];

export const notImplemented: Record<string, string> = {};
