/**
 * Documented examples of Excel's Compatibility functions (the names kept from Excel 2007
 * and earlier), from Microsoft's function reference, each with the result the page gives;
 * `decimals` where the page shows a rounded number.
 */
import type { CellInput } from '../../../rules/workbook.js';
import type { DocumentedExample } from './example.js';
import { page } from './page.js';

const example = (fn: string, formula: string, expected: DocumentedExample['expected'], more: Partial<DocumentedExample> = {}) =>
  ({ fn, source: page(fn), formula, expected, ...more }) satisfies DocumentedExample;

/** A column of values from A2 down (A1 holds the header), or from `column`2. */
function column(values: CellInput[], header = 'Data', letter = 'A'): Record<string, CellInput> {
  return Object.fromEntries([[`${letter}1`, header], ...values.map((v, i) => [`${letter}${i + 2}`, v])]);
}

const STDEV_DATA = column([1345, 1301, 1368, 1322, 1310, 1370, 1318, 1350, 1303, 1299], 'Strength');
const XY = { ...column([6, 7, 9, 15, 21], 'Known Y'), ...column([20, 28, 31, 38, 40], 'Known X', 'B') };
const FTEST_DATA = { ...column([6, 7, 9, 15, 21], 'Data1'), ...column([20, 28, 31, 38, 40], 'Data2', 'B') };
const COVAR_DATA = { ...column([3, 2, 4, 5, 6], 'Data1'), ...column([9, 7, 12, 15, 17], 'Data2', 'B') };
const TTEST_DATA = { ...column([3, 4, 5, 8, 9, 1, 2, 4, 5], 'Data 1'), ...column([6, 19, 3, 2, 14, 4, 5, 17, 1], 'Data 2', 'B') };
const ZTEST_DATA = column([3, 6, 7, 8, 6, 5, 4, 2, 1, 9]);
const CHITEST_DATA: Record<string, CellInput> = {
  A1: 'Men (Actual)',
  B1: 'Women (Actual)',
  A2: 58,
  B2: 35,
  A3: 11,
  B3: 25,
  A4: 10,
  B4: 23,
  A6: 'Men (Expected)',
  B6: 'Women (Expected)',
  A7: 45.35,
  B7: 47.65,
  A8: 17.56,
  B8: 18.44,
  A9: 16.09,
  B9: 16.91,
};
const PERCENTRANK_DATA = column([13, 12, 11, 8, 4, 3, 2, 1, 1, 1]);
const RANK_DATA = column([7, 3.5, 3.5, 1, 2], 'Numbers');
const CONCATENATE_DATA: Record<string, CellInput> = {
  A1: 'Data',
  A2: 'brook trout',
  B2: 'Andreas',
  C2: 'Hauser',
  A3: 'species',
  B3: 'Fourth',
  C3: 'Pine',
  A4: 32,
};

export const examples: DocumentedExample[] = [
  example('BETADIST', '=BETADIST(A2,A3,A4,A5,A6)', 0.6854706, { data: column([2, 8, 10, 1, 3], 'Value'), decimals: 7 }),
  example('BETAINV', '=BETAINV(A2,A3,A4,A5,A6)', 2, { data: column([0.685470581, 8, 10, 1, 3], 'Value'), decimals: 7 }),
  example('BINOMDIST', '=BINOMDIST(A2,A3,A4,FALSE)', 0.2050781, { data: column([6, 10, 0.5], 'Value'), decimals: 7 }),
  example('CEILING', '=CEILING(2.5,1)', 3),
  example('CEILING', '=CEILING(-2.5,-2)', -4),
  example('CEILING', '=CEILING(-2.5,2)', -2),
  example('CEILING', '=CEILING(1.5,0.1)', 1.5),
  example('CEILING', '=CEILING(0.234,0.01)', 0.24),
  example('CHIDIST', '=CHIDIST(A2,A3)', 0.0500006, { data: column([18.307, 10], 'Value'), decimals: 7 }),
  example('CHIINV', '=CHIINV(A2,A3)', 18.306973, { data: column([0.050001, 10], 'Value'), decimals: 6 }),
  example('CHITEST', '=CHITEST(A2:B4,A7:B9)', 0.0003082, { data: CHITEST_DATA, cell: 'A11', decimals: 7 }),
  example(
    'CONCATENATE',
    '=CONCATENATE("Stream population for ",A2," ",A3," is ",A4,"/mile")',
    'Stream population for brook trout species is 32/mile',
    {
      data: CONCATENATE_DATA,
      cell: 'A6',
    },
  ),
  example('CONCATENATE', '=CONCATENATE(B2," ",C2)', 'Andreas Hauser', { data: CONCATENATE_DATA, cell: 'A6' }),
  example('CONCATENATE', '=CONCATENATE(C2,", ",B2)', 'Hauser, Andreas', { data: CONCATENATE_DATA, cell: 'A6' }),
  example('CONCATENATE', '=CONCATENATE(B3," & ",C3)', 'Fourth & Pine', { data: CONCATENATE_DATA, cell: 'A6' }),
  example('CONFIDENCE', '=CONFIDENCE(A2,A3,A4)', 0.692951912, { data: column([0.05, 2.5, 50], 'Value'), decimals: 9 }),
  example('COVAR', '=COVAR(A2:A6,B2:B6)', 5.2, { data: COVAR_DATA }),
  example('CRITBINOM', '=CRITBINOM(A2,A3,A4)', 4, { data: column([6, 0.5, 0.75], 'Value') }),
  example('EXPONDIST', '=EXPONDIST(A2,A3,TRUE)', 0.86466472, { data: column([0.2, 10], 'Value'), decimals: 8 }),
  example('EXPONDIST', '=EXPONDIST(0.2,10,FALSE)', 1.35335283, { data: column([0.2, 10], 'Value'), decimals: 8 }),
  example('FDIST', '=FDIST(A2,A3,A4)', 0.01, { data: column([15.2068649, 6, 4], 'Value'), decimals: 7 }),
  example('FINV', '=FINV(A2,A3,A4)', 15.206865, { data: column([0.01, 6, 4], 'Value'), decimals: 6 }),
  example('FLOOR', '=FLOOR(3.7,2)', 2),
  example('FLOOR', '=FLOOR(-2.5,-2)', -2),
  example('FLOOR', '=FLOOR(2.5,-2)', { error: '#NUM!' }),
  example('FLOOR', '=FLOOR(1.58,0.1)', 1.5),
  example('FLOOR', '=FLOOR(0.234,0.01)', 0.23),
  example('FORECAST', '=FORECAST(30,A2:A6,B2:B6)', 10.607253, { data: XY, decimals: 6 }),
  example('FTEST', '=FTEST(A2:A6,B2:B6)', 0.64831785, { data: FTEST_DATA, decimals: 8 }),
  example('GAMMADIST', '=GAMMADIST(A2,A3,A4,FALSE)', 0.032639, { data: column([10.00001131, 9, 2], 'Value'), decimals: 6 }),
  example('GAMMADIST', '=GAMMADIST(A2,A3,A4,TRUE)', 0.068094, { data: column([10.00001131, 9, 2], 'Value'), decimals: 6 }),
  example('GAMMAINV', '=GAMMAINV(A2,A3,A4)', 10.0000112, { data: column([0.068094, 9, 2], 'Value'), decimals: 5 }),
  example('HYPGEOMDIST', '=HYPGEOMDIST(A2,A3,A4,A5)', 0.3633, { data: column([1, 4, 8, 20], 'Value'), decimals: 4 }),
  example('LOGINV', '=LOGINV(A2,A3,A4)', 4.0000252, { data: column([0.039084, 3.5, 1.2], 'Value'), decimals: 7 }),
  example('LOGNORMDIST', '=LOGNORMDIST(A2,A3,A4)', 0.0390836, { data: column([4, 3.5, 1.2], 'Value'), decimals: 7 }),
  example('MODE', '=MODE(A2:A7)', 4, { data: column([5.6, 4, 4, 3, 2, 4]) }),
  example('NEGBINOMDIST', '=NEGBINOMDIST(A2,A3,A4)', 0.05504866, { data: column([10, 5, 0.25], 'Value'), decimals: 8 }),
  example('NORMDIST', '=NORMDIST(A2,A3,A4,TRUE)', 0.9087888, { data: column([42, 40, 1.5], 'Value'), decimals: 7 }),
  example('NORMDIST', '=NORMDIST(A2,A3,A4,FALSE)', 0.10934, { data: column([42, 40, 1.5], 'Value'), decimals: 5 }),
  example('NORMINV', '=NORMINV(A2,A3,A4)', 42.000002, { data: column([0.908789, 40, 1.5], 'Value'), decimals: 6 }),
  example('NORMSDIST', '=NORMSDIST(1.333333)', 0.908788726, { decimals: 9 }),
  example('NORMSINV', '=NORMSINV(0.908789)', 1.3333347, { decimals: 7 }),
  example('PERCENTILE', '=PERCENTILE(A2:A5,0.3)', 1.9, { data: column([1, 3, 2, 4]) }),
  example('PERCENTRANK', '=PERCENTRANK(A2:A11,2)', 0.333, { data: PERCENTRANK_DATA }),
  example('PERCENTRANK', '=PERCENTRANK(A2:A11,4)', 0.555, { data: PERCENTRANK_DATA }),
  example('PERCENTRANK', '=PERCENTRANK(A2:A11,8)', 0.666, { data: PERCENTRANK_DATA }),
  example('PERCENTRANK', '=PERCENTRANK(A2:A11,5)', 0.583, { data: PERCENTRANK_DATA }),
  example('POISSON', '=POISSON(A2,A3,TRUE)', 0.124652, { data: column([2, 5], 'Value'), decimals: 6 }),
  example('POISSON', '=POISSON(A2,A3,FALSE)', 0.084224, { data: column([2, 5], 'Value'), decimals: 6 }),
  example('QUARTILE', '=QUARTILE(A2:A9,1)', 3.5, { data: column([1, 2, 4, 7, 8, 9, 10, 12]) }),
  example('RANK', '=RANK(A3,A2:A6,1)', 3, { data: RANK_DATA }),
  example('RANK', '=RANK(A2,A2:A6,1)', 5, { data: RANK_DATA }),
  example('STDEV', '=STDEV(A2:A11)', 27.46391572, { data: STDEV_DATA, decimals: 8 }),
  example('STDEVP', '=STDEVP(A2:A11)', 26.05455814, { data: STDEV_DATA, decimals: 8 }),
  example('TDIST', '=TDIST(A2,A3,2)', 0.05464493, { data: column([1.959999998, 60], 'Value'), decimals: 8 }),
  example('TDIST', '=TDIST(A2,A3,1)', 0.027322465, { data: column([1.959999998, 60], 'Value'), decimals: 9 }),
  example('TINV', '=TINV(A2,A3)', 1.959999998, { data: column([0.05464, 60], 'Value'), decimals: 4 }),
  example('TTEST', '=TTEST(A2:A10,B2:B10,2,1)', 0.196016, { data: TTEST_DATA, decimals: 6 }),
  example('VAR', '=VAR(A2:A11)', 754.2666667, { data: STDEV_DATA, decimals: 7 }),
  example('VARP', '=VARP(A2:A11)', 678.84, { data: STDEV_DATA }),
  example('WEIBULL', '=WEIBULL(A2,A3,A4,TRUE)', 0.929581, { data: column([105, 20, 100], 'Value'), decimals: 6 }),
  example('WEIBULL', '=WEIBULL(A2,A3,A4,FALSE)', 0.035589, { data: column([105, 20, 100], 'Value'), decimals: 6 }),
  example('ZTEST', '=ZTEST(A2:A11,4)', 0.090574, { data: ZTEST_DATA, decimals: 6 }),
  example('ZTEST', '=2*MIN(ZTEST(A2:A11,4),1-ZTEST(A2:A11,4))', 0.181148, { data: ZTEST_DATA, decimals: 6 }),
];

export const notImplemented: Record<string, string> = {};
