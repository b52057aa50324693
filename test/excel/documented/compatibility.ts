/**
 * Documented examples of Excel's Compatibility functions (the names kept from Excel 2007
 * and earlier), from Microsoft's function reference, each with the result the page gives;
 * `decimals` where the page shows a rounded number.
 */
import type { CellInput } from '../../../rules/workbook.js';
import type { DocumentedExample } from './example.js';
import { markVerified } from './math.js';
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
/** The STDEV and STDEVP pages put "Data" in A1 above the heading and the values. */
const STDEV_PAGE_DATA = {
  A1: 'Data',
  ...Object.fromEntries(Object.entries(STDEV_DATA).map(([cell, v]) => [`A${Number(cell.slice(1)) + 1}`, v])),
};
const PERCENTRANK_DATA = column([13, 12, 11, 8, 4, 3, 2, 1, 1, 1]);
const RANK_DATA = column([7, 3.5, 3.5, 1, 2]);
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

const TRANSLATED = 'the table was read in this translation of the English page; formulas and results are the same';
const FLOOR_PAGE = 'https://support.microsoft.com/zh-CN/Excel/floor-function';
const PERCENTRANK_PAGE = 'https://support.microsoft.com/zh-CN/Excel/percentrank-function';
const PERCENTRANK_DATA_READ = `its data read in the ja-JP translation (https://support.microsoft.com/ja-JP/Excel/percentrank-function), as the zh-CN copy prints 13 and 12 as 1.3 and 1.2; ${TRANSLATED}`;
const NORMDIST_PAGE = 'https://support.microsoft.com/zh-CN/excel/functions/normdist-function';

const TDIST_PAGE = 'https://support.microsoft.com/zh-cn/excel/tdist-function';
const POISSON_PAGE = 'https://support.microsoft.com/zh-CN/Excel/functions/poisson-function';
const WEIBULL_PAGE = 'https://support.microsoft.com/zh-CN/Excel/weibull-function';
const NORMSDIST_PAGE = 'https://support.microsoft.com/zh-cn/excel/normsdist-function';
const GAMMAINV_PAGE = 'https://support.microsoft.com/zh-CN/excel/functions/gammainv-function';
const FDIST_PAGE = 'https://support.microsoft.com/zh-cn/excel/fdist-function';
const EXPONDIST_PAGE = 'https://support.microsoft.com/zh-cn/excel/functions/expondist-function';
const LOGNORMDIST_PAGE = 'https://support.microsoft.com/zh-cn/excel/lognormdist-function';
const NEGBINOMDIST_PAGE = 'https://support.microsoft.com/zh-CN/excel/functions/negbinomdist-function';
const HYPGEOMDIST_PAGE = 'https://support.microsoft.com/zh-CN/Excel/hypgeomdist-function';
const BETAINV_PAGE = 'https://support.microsoft.com/zh-CN/excel/functions/betainv-function';
const TINV_PAGE = 'https://support.microsoft.com/zh-CN/excel/functions/tinv-function';
const BETADIST_PAGE = 'https://support.microsoft.com/zh-TW/Excel/betadist-function';
const CHIDIST_PAGE = 'https://support.microsoft.com/zh-TW/Excel/chidist-function';
const CHIINV_PAGE = 'https://support.microsoft.com/zh-CN/excel/functions/chiinv-function';
const CRITBINOM_PAGE = 'https://support.microsoft.com/zh-CN/Excel/critbinom-function';
const LOGINV_PAGE = 'https://support.microsoft.com/zh-CN/excel/functions/loginv-function';
const NORMINV_PAGE = 'https://support.microsoft.com/zh-cn/excel/norminv-function';
const NORMSINV_PAGE = 'https://support.microsoft.com/zh-cn/excel/normsinv-function';
const COVAR_PAGE = 'https://support.microsoft.com/zh-TW/Excel/covar-function';
const FTEST_PAGE = 'https://support.microsoft.com/zh-TW/Excel/ftest-function';
const STDEV_PAGE = 'https://support.microsoft.com/zh-CN/Excel/stdev-function';
const VAR_PAGE = 'https://support.microsoft.com/zh-CN/Excel/var-function';
const VARP_PAGE = 'https://support.microsoft.com/zh-CN/Excel/varp-function';
const MODE_PAGE = 'https://support.microsoft.com/zh-cn/Excel/functions/mode-function';
const RANK_PAGE = 'https://support.microsoft.com/zh-TW/Excel/rank-function';
const STDEVP_PAGE = 'https://support.microsoft.com/zh-CN/Excel/stdevp-function';
const ZTEST_PAGE = 'https://support.microsoft.com/zh-cn/Excel/functions/ztest-function';
const GAMMADIST_PAGE = 'https://support.microsoft.com/zh-cn/excel/gammadist-function';
const DATA_HEADING = `corrected to the page's heading "Data" in A1 (not "Value"); its column of descriptions beside the values is left out; ${TRANSLATED}`;

const CEILING_SHAREPOINT_PAGE = 'https://support.microsoft.com/en-US/SharePoint/functions-data/ceiling-function';
const CEILING_SHAREPOINT =
  "Microsoft's SharePoint CEILING page, whose examples are the Excel page's five formulas (the Excel page's table was cut off in the stored copy)";
/** The Excel page's remark, read in its es-ES copy (English text); the SharePoint page's older rule gives #NUM! here. */
const CEILING_EXCEL_PAGE = 'https://support.microsoft.com/es-es/excel/functions/ceiling-function';
const CEILING_NEGATIVE =
  'its remark "If number is negative, and significance is positive, the value is rounded up towards zero": -2.5 goes up to -2';
/** The entries whose data, formula and result were compared with the page's text (see markVerified in math.ts). */
const VERIFIED: Record<string, [url: string, detail?: string]> = {
  'FLOOR|=FLOOR(3.7,2)': [FLOOR_PAGE, TRANSLATED],
  'FLOOR|=FLOOR(-2.5,-2)': [FLOOR_PAGE, TRANSLATED],
  'FLOOR|=FLOOR(2.5,-2)': [FLOOR_PAGE, TRANSLATED],
  'FLOOR|=FLOOR(1.58,0.1)': [FLOOR_PAGE, TRANSLATED],
  'FLOOR|=FLOOR(0.234,0.01)': [FLOOR_PAGE, TRANSLATED],
  'PERCENTRANK|=PERCENTRANK(A2:A11,2)': [PERCENTRANK_PAGE, PERCENTRANK_DATA_READ],
  'PERCENTRANK|=PERCENTRANK(A2:A11,4)': [PERCENTRANK_PAGE, PERCENTRANK_DATA_READ],
  'PERCENTRANK|=PERCENTRANK(A2:A11,8)': [PERCENTRANK_PAGE, PERCENTRANK_DATA_READ],
  'PERCENTRANK|=PERCENTRANK(A2:A11,5)': [PERCENTRANK_PAGE, PERCENTRANK_DATA_READ],
  'NORMDIST|=NORMDIST(A2,A3,A4,TRUE)': [NORMDIST_PAGE, DATA_HEADING],
  'NORMDIST|=NORMDIST(A2,A3,A4,FALSE)': [NORMDIST_PAGE, DATA_HEADING],
  'TDIST|=TDIST(A2,A3,2)': [TDIST_PAGE, `its result column shows 5.46% and its description 0.054644930; ${DATA_HEADING}`],
  'TDIST|=TDIST(A2,A3,1)': [TDIST_PAGE, `its result column shows 2.73% and its description 0.027322465; ${DATA_HEADING}`],
  'POISSON|=POISSON(A2,A3,TRUE)': [POISSON_PAGE, DATA_HEADING],
  'POISSON|=POISSON(A2,A3,FALSE)': [POISSON_PAGE, DATA_HEADING],
  'WEIBULL|=WEIBULL(A2,A3,A4,TRUE)': [WEIBULL_PAGE, DATA_HEADING],
  'WEIBULL|=WEIBULL(A2,A3,A4,FALSE)': [WEIBULL_PAGE, DATA_HEADING],
  'GAMMADIST|=GAMMADIST(A2,A3,A4,FALSE)': [GAMMADIST_PAGE, DATA_HEADING],
  'GAMMADIST|=GAMMADIST(A2,A3,A4,TRUE)': [GAMMADIST_PAGE, DATA_HEADING],
  'NORMSDIST|=NORMSDIST(1.333333)': [NORMSDIST_PAGE, TRANSLATED],
  'ZTEST|=ZTEST(A2:A11,4)': [
    ZTEST_PAGE,
    `the page's heading "Data" in A1 above the values; the formulas are typed as the page has them, with spaces, and its two formulas for 6 are added; ${TRANSLATED}`,
  ],
  'ZTEST|=2 * MIN(ZTEST(A2:A11,4), 1 - ZTEST(A2:A11,4))': [
    ZTEST_PAGE,
    `the page's heading "Data" in A1 above the values; the formulas are typed as the page has them, with spaces, and its two formulas for 6 are added; ${TRANSLATED}`,
  ],
  'ZTEST|=ZTEST(A2:A11,6)': [
    ZTEST_PAGE,
    `the page's heading "Data" in A1 above the values; the formulas are typed as the page has them, with spaces, and its two formulas for 6 are added; ${TRANSLATED}`,
  ],
  'ZTEST|=2 * MIN(ZTEST(A2:A11,6), 1 - ZTEST(A2:A11,6))': [
    ZTEST_PAGE,
    `the page's heading "Data" in A1 above the values; the formulas are typed as the page has them, with spaces, and its two formulas for 6 are added; ${TRANSLATED}`,
  ],
  'STDEVP|=STDEVP(A3:A12)': [
    STDEVP_PAGE,
    `corrected to the page: "Data" in A1 and the heading "Strength" in A2 above the values in A3:A12 (the formula reads A3:A12, not A2:A11), and the result as shown, 26.05456; ${TRANSLATED}`,
  ],
  'STDEV|=STDEV(A3:A12)': [
    STDEV_PAGE,
    `corrected to the page: "Data" in A1 and the heading "Strength" in A2 above the values in A3:A12 (the formula reads A3:A12, not A2:A11), and the result as shown, 27.46392; ${TRANSLATED}`,
  ],
  'VAR|=VAR(A2:A11)': [
    VAR_PAGE,
    `corrected to the page's result as shown, 754.2667 (compared at 4 decimals; was 754.2666667 at 7); ${TRANSLATED}`,
  ],
  'VARP|=VARP(A2:A11)': [VARP_PAGE, `the heading "Strength" in A1 above the values; ${TRANSLATED}`],
  'MODE|=MODE(A2:A7)': [MODE_PAGE, TRANSLATED],
  'RANK|=RANK(A3,A2:A6,1)': [RANK_PAGE, `corrected to the page's heading "Data" in A1 (not "Numbers"); ${TRANSLATED}`],
  'RANK|=RANK(A2,A2:A6,1)': [RANK_PAGE, `corrected to the page's heading "Data" in A1 (not "Numbers"); ${TRANSLATED}`],
  'NORMINV|=NORMINV(A2,A3,A4)': [NORMINV_PAGE, DATA_HEADING],
  'NORMSINV|=NORMSINV(0.9088)': [
    NORMSINV_PAGE,
    `corrected to the page: its formula is =NORMSINV(0.9088) with the result 1.3334 (not =NORMSINV(0.908789), which is NORM.S.INV's example); ${TRANSLATED}`,
  ],
  'COVAR|=COVAR(A2:A6, B2:B6)': [COVAR_PAGE, `corrected to the page's formula text, which has a space after the comma; ${TRANSLATED}`],
  'FTEST|=FTEST(A2:A6,B2:B6)': [FTEST_PAGE, TRANSLATED],
  'CRITBINOM|=CRITBINOM(A2,A3,A4)': [CRITBINOM_PAGE, DATA_HEADING],
  'LOGINV|=LOGINV(A2, A3, A4)': [LOGINV_PAGE, `corrected to the page's formula text, which has a space after each comma; ${DATA_HEADING}`],
  'BETADIST|=BETADIST(A2,A3,A4,A5,A6)': [BETADIST_PAGE, DATA_HEADING],
  'CHIDIST|=CHIDIST(A2,A3)': [CHIDIST_PAGE, DATA_HEADING],
  'CHIINV|=CHIINV(A2,A3)': [CHIINV_PAGE, DATA_HEADING],
  'TINV|=TINV(A2,A3)': [
    TINV_PAGE,
    `corrected to the page's result as shown, 1.96 (compared at 2 decimals; was 1.959999998 at 4); ${DATA_HEADING}`,
  ],
  'BETAINV|=BETAINV(A2,A3,A4,A5,A6)': [BETAINV_PAGE, DATA_HEADING],
  'LOGNORMDIST|=LOGNORMDIST(A2,A3,A4)': [LOGNORMDIST_PAGE, DATA_HEADING],
  'NEGBINOMDIST|=NEGBINOMDIST(A2,A3,A4)': [NEGBINOMDIST_PAGE, DATA_HEADING],
  'HYPGEOMDIST|=HYPGEOMDIST(A2,A3,A4,A5)': [HYPGEOMDIST_PAGE, DATA_HEADING],
  'GAMMAINV|=GAMMAINV(A2,A3,A4)': [GAMMAINV_PAGE, `${DATA_HEADING}; compared at the 7 decimals the page shows (was 5)`],
  'FDIST|=FDIST(A2,A3,A4)': [FDIST_PAGE, `corrected to the page's x, 15.20686486 (not 15.2068649); ${DATA_HEADING}`],
  'EXPONDIST|=EXPONDIST(A2,A3,TRUE)': [EXPONDIST_PAGE, DATA_HEADING],
  'EXPONDIST|=EXPONDIST(0.2,10,FALSE)': [EXPONDIST_PAGE, DATA_HEADING],
  'FORECAST|=FORECAST(30,A2:A6,B2:B6)': [
    'https://github.com/axu133/ML-Playground/blob/1bfbc87e8469188ab442f60bd679324128305aa6/ExcelRAG/statistical_functions/FORECAST.md',
    "read in a Markdown copy of Microsoft's FORECAST and FORECAST.LINEAR page (which links the page); the page documents both together and its example =FORECAST.LINEAR(30,A2:A6,B2:B6) over this data gives 10.607253",
  ],
  'CEILING|=CEILING(2.5,1)': [CEILING_SHAREPOINT_PAGE, CEILING_SHAREPOINT],
  'CEILING|=CEILING(-2.5,-2)': [CEILING_SHAREPOINT_PAGE, CEILING_SHAREPOINT],
  'CEILING|=CEILING(-2.5,2)': [CEILING_EXCEL_PAGE, CEILING_NEGATIVE],
  'CEILING|=CEILING(1.5,0.1)': [CEILING_SHAREPOINT_PAGE, CEILING_SHAREPOINT],
  'CEILING|=CEILING(0.234,0.01)': [CEILING_SHAREPOINT_PAGE, CEILING_SHAREPOINT],
};

export const examples: DocumentedExample[] = markVerified(
  [
    example('BETADIST', '=BETADIST(A2,A3,A4,A5,A6)', 0.6854706, { data: column([2, 8, 10, 1, 3]), decimals: 7 }),
    example('BETAINV', '=BETAINV(A2,A3,A4,A5,A6)', 2, { data: column([0.685470581, 8, 10, 1, 3]), decimals: 7 }),
    example('BINOMDIST', '=BINOMDIST(A2,A3,A4,FALSE)', 0.2050781, { data: column([6, 10, 0.5]), decimals: 7 }),
    example('CEILING', '=CEILING(2.5,1)', 3),
    example('CEILING', '=CEILING(-2.5,-2)', -4),
    example('CEILING', '=CEILING(-2.5,2)', -2),
    example('CEILING', '=CEILING(1.5,0.1)', 1.5),
    example('CEILING', '=CEILING(0.234,0.01)', 0.24),
    example('CHIDIST', '=CHIDIST(A2,A3)', 0.0500006, { data: column([18.307, 10]), decimals: 7 }),
    example('CHIINV', '=CHIINV(A2,A3)', 18.306973, { data: column([0.050001, 10]), decimals: 6 }),
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
    example('CONFIDENCE', '=CONFIDENCE(A2,A3,A4)', 0.692951912, { data: column([0.05, 2.5, 50]), decimals: 9 }),
    example('COVAR', '=COVAR(A2:A6, B2:B6)', 5.2, { data: COVAR_DATA }),
    example('CRITBINOM', '=CRITBINOM(A2,A3,A4)', 4, { data: column([6, 0.5, 0.75]) }),
    example('EXPONDIST', '=EXPONDIST(A2,A3,TRUE)', 0.86466472, { data: column([0.2, 10]), decimals: 8 }),
    example('EXPONDIST', '=EXPONDIST(0.2,10,FALSE)', 1.35335283, { data: column([0.2, 10]), decimals: 8 }),
    example('FDIST', '=FDIST(A2,A3,A4)', 0.01, { data: column([15.20686486, 6, 4]), decimals: 7 }),
    example('FINV', '=FINV(A2,A3,A4)', 15.206865, { data: column([0.01, 6, 4]), decimals: 6 }),
    example('FLOOR', '=FLOOR(3.7,2)', 2),
    example('FLOOR', '=FLOOR(-2.5,-2)', -2),
    example('FLOOR', '=FLOOR(2.5,-2)', { error: '#NUM!' }),
    example('FLOOR', '=FLOOR(1.58,0.1)', 1.5),
    example('FLOOR', '=FLOOR(0.234,0.01)', 0.23),
    example('FORECAST', '=FORECAST(30,A2:A6,B2:B6)', 10.607253, { data: XY, decimals: 6 }),
    example('FTEST', '=FTEST(A2:A6,B2:B6)', 0.64831785, { data: FTEST_DATA, decimals: 8 }),
    example('GAMMADIST', '=GAMMADIST(A2,A3,A4,FALSE)', 0.032639, { data: column([10.00001131, 9, 2]), decimals: 6 }),
    example('GAMMADIST', '=GAMMADIST(A2,A3,A4,TRUE)', 0.068094, { data: column([10.00001131, 9, 2]), decimals: 6 }),
    example('GAMMAINV', '=GAMMAINV(A2,A3,A4)', 10.0000112, { data: column([0.068094, 9, 2]), decimals: 7 }),
    example('HYPGEOMDIST', '=HYPGEOMDIST(A2,A3,A4,A5)', 0.3633, { data: column([1, 4, 8, 20]), decimals: 4 }),
    example('LOGINV', '=LOGINV(A2, A3, A4)', 4.0000252, { data: column([0.039084, 3.5, 1.2]), decimals: 7 }),
    example('LOGNORMDIST', '=LOGNORMDIST(A2,A3,A4)', 0.0390836, { data: column([4, 3.5, 1.2]), decimals: 7 }),
    example('MODE', '=MODE(A2:A7)', 4, { data: column([5.6, 4, 4, 3, 2, 4]) }),
    example('NEGBINOMDIST', '=NEGBINOMDIST(A2,A3,A4)', 0.05504866, { data: column([10, 5, 0.25]), decimals: 8 }),
    example('NORMDIST', '=NORMDIST(A2,A3,A4,TRUE)', 0.9087888, { data: column([42, 40, 1.5]), decimals: 7 }),
    example('NORMDIST', '=NORMDIST(A2,A3,A4,FALSE)', 0.10934, { data: column([42, 40, 1.5]), decimals: 5 }),
    example('NORMINV', '=NORMINV(A2,A3,A4)', 42.000002, { data: column([0.908789, 40, 1.5]), decimals: 6 }),
    example('NORMSDIST', '=NORMSDIST(1.333333)', 0.908788726, { decimals: 9 }),
    example('NORMSINV', '=NORMSINV(0.9088)', 1.3334, { decimals: 4 }),
    example('PERCENTILE', '=PERCENTILE(A2:A5,0.3)', 1.9, { data: column([1, 3, 2, 4]) }),
    example('PERCENTRANK', '=PERCENTRANK(A2:A11,2)', 0.333, { data: PERCENTRANK_DATA }),
    example('PERCENTRANK', '=PERCENTRANK(A2:A11,4)', 0.555, { data: PERCENTRANK_DATA }),
    example('PERCENTRANK', '=PERCENTRANK(A2:A11,8)', 0.666, { data: PERCENTRANK_DATA }),
    example('PERCENTRANK', '=PERCENTRANK(A2:A11,5)', 0.583, { data: PERCENTRANK_DATA }),
    example('POISSON', '=POISSON(A2,A3,TRUE)', 0.124652, { data: column([2, 5]), decimals: 6 }),
    example('POISSON', '=POISSON(A2,A3,FALSE)', 0.084224, { data: column([2, 5]), decimals: 6 }),
    example('QUARTILE', '=QUARTILE(A2:A9,1)', 3.5, { data: column([1, 2, 4, 7, 8, 9, 10, 12]) }),
    example('RANK', '=RANK(A3,A2:A6,1)', 3, { data: RANK_DATA }),
    example('RANK', '=RANK(A2,A2:A6,1)', 5, { data: RANK_DATA }),
    example('STDEV', '=STDEV(A3:A12)', 27.46392, { data: STDEV_PAGE_DATA, decimals: 5 }),
    example('STDEVP', '=STDEVP(A3:A12)', 26.05456, { data: STDEV_PAGE_DATA, decimals: 5 }),
    example('TDIST', '=TDIST(A2,A3,2)', 0.05464493, { data: column([1.959999998, 60]), decimals: 8 }),
    example('TDIST', '=TDIST(A2,A3,1)', 0.027322465, { data: column([1.959999998, 60]), decimals: 9 }),
    example('TINV', '=TINV(A2,A3)', 1.96, { data: column([0.05464, 60]), decimals: 2 }),
    example('TTEST', '=TTEST(A2:A10,B2:B10,2,1)', 0.196016, { data: TTEST_DATA, decimals: 6 }),
    example('VAR', '=VAR(A2:A11)', 754.2667, { data: STDEV_DATA, decimals: 4 }),
    example('VARP', '=VARP(A2:A11)', 678.84, { data: STDEV_DATA }),
    example('WEIBULL', '=WEIBULL(A2,A3,A4,TRUE)', 0.929581, { data: column([105, 20, 100]), decimals: 6 }),
    example('WEIBULL', '=WEIBULL(A2,A3,A4,FALSE)', 0.035589, { data: column([105, 20, 100]), decimals: 6 }),
    example('ZTEST', '=ZTEST(A2:A11,4)', 0.090574, { data: ZTEST_DATA, decimals: 6 }),
    example('ZTEST', '=2 * MIN(ZTEST(A2:A11,4), 1 - ZTEST(A2:A11,4))', 0.181148, { data: ZTEST_DATA, decimals: 6 }),
    example('ZTEST', '=ZTEST(A2:A11,6)', 0.863043, { data: ZTEST_DATA, decimals: 6 }),
    example('ZTEST', '=2 * MIN(ZTEST(A2:A11,6), 1 - ZTEST(A2:A11,6))', 0.273913, { data: ZTEST_DATA, decimals: 6 }),
  ],
  VERIFIED,
);

export const notImplemented: Record<string, string> = {};
