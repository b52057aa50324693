/**
 * Documented examples of Excel's Statistical functions, from Microsoft's function reference
 * (support.microsoft.com), each with the result the page gives. Pages that round their
 * results say so with `decimals`.
 */
import type { CellInput } from '../../../rules/workbook.js';
import { serial, type DocumentedExample } from './example.js';
import { column, markVerified } from './math.js';

/** Microsoft's page for a function (`norm.s.dist` → …/norm-s-dist-function). */
const page = (fn: string) => `https://support.microsoft.com/en-us/excel/functions/${fn.toLowerCase().replace(/\./g, '-')}-function`;

type Row = [string, DocumentedExample['expected'], number?];

/** Examples without data: [fn, formula, expected, decimals?]. */
function plain(rows: [string, string, DocumentedExample['expected'], number?][]): DocumentedExample[] {
  return rows.map(([fn, formula, expected, decimals]) => ({
    fn,
    source: page(fn),
    formula,
    expected,
    ...(decimals !== undefined ? { decimals } : {}),
  }));
}

/** Examples over one data table: [formula, expected, decimals?]. */
function over(fn: string, data: Record<string, CellInput>, rows: Row[]): DocumentedExample[] {
  return rows.map(([formula, expected, decimals]) => ({
    fn,
    source: page(fn),
    data,
    formula,
    expected,
    ...(decimals !== undefined ? { decimals } : {}),
  }));
}

/** Two columns A and B from row 2. */
const columns = (a: CellInput[], b: CellInput[]) => ({ ...column(a), ...column(b, 'B') });

const NUM = { error: '#NUM!' };
const DIV0 = { error: '#DIV/0!' };
const NA = { error: '#N/A' };

const TEN_TWO = column([10, 7, 9, 27, 2]);
const COMMISSIONS = columns([100000, 200000, 300000, 400000], [7000, 14000, 21000, 28000]);
const QUIZZES = {
  ...column(['Emilio', 'Julie', 'Hans', 'Frederique']),
  ...column([75, 94, 86, 'Incomplete'], 'B'),
  ...column([85, 80, 93, 75], 'C'),
  ...column([87, 88, 'Incomplete', 75], 'D'),
};
const FRUIT = columns(['Apples', 'Oranges', 'Peaches', 'Apples'], [32, 54, 75, 86]);
const QUARTERS = {
  ...column(['Davidoski', 'Burke', 'Sundaram', 'Levitan']),
  ...column(['Yes', 'Yes', 'Yes', 'No'], 'B'),
  ...column(['No', 'Yes', 'Yes', 'Yes'], 'C'),
  ...column(['No', 'No', 'Yes', 'Yes'], 'D'),
};
const GRADES = columns([89, 93, 96, 85, 91, 88], [1, 2, 2, 3, 1, 1]);
/** The breaking strength of ten tools, shared by the STDEV and VAR pages. */
const STRENGTH = column([1345, 1301, 1368, 1322, 1310, 1370, 1318, 1350, 1303, 1299]);
const SKEW_DATA = column([3, 4, 5, 2, 3, 4, 5, 6, 4, 7]);
const DEV_DATA = column([4, 5, 6, 7, 5, 4, 3]);
/** GEOMEAN, HARMEAN and DEVSQ share this table. */
const MEANS_DATA = column([4, 5, 8, 7, 11, 4, 3]);
const CORREL_DATA = columns([3, 2, 4, 5, 6], [9, 7, 12, 15, 17]);
/**
 * RSQ, SLOPE and STEYX share this table as their pages lay it out: a "Data" row, the headings
 * "Known y" and "Known x" in row 2, known y in A3:A9 and known x in B3:B9.
 */
const KNOWN_YX = {
  A1: 'Data',
  A2: 'Known y',
  B2: 'Known x',
  ...column([2, 3, 9, 1, 8, 7, 5], 'A', 3),
  ...column([6, 5, 11, 7, 5, 4, 4], 'B', 3),
};
/** PEARSON's page: a "Data" row, headings in row 2, independent values in A3:A7, dependent in B3:B7. */
const PEARSON_DATA = {
  A1: 'Data',
  A2: 'Independent values',
  B2: 'Dependent values',
  ...column([9, 7, 5, 3, 1], 'A', 3),
  ...column([10, 6, 1, 5, 3], 'B', 3),
};
const FORECAST_DATA = columns([6, 7, 9, 15, 21], [20, 28, 31, 38, 40]);
const GROWTH_DATA = { ...columns([11, 12, 13, 14, 15, 16], [33100, 47300, 69000, 102000, 150000, 220000]), A9: 17, A10: 18 };
const EXC_DATA = column([1, 2, 3, 6, 6, 6, 7, 8, 9]);
const TREND_DATA = {
  ...columns(
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    [133890, 135000, 135790, 137300, 138130, 139100, 139900, 141120, 141890, 143230, 144000, 145290],
  ),
  ...column([13, 14, 15, 16, 17], 'A', 15),
};

// PROB's page has "Data" in A1, the headings "Value of x" and "Probability" in A2:B2 and its values in A3:B6.
const PROB_PAGE = {
  A1: 'Data',
  A2: 'Value of x',
  B2: 'Probability',
  ...column([0, 1, 2, 3], 'A', 3),
  ...column([0.2, 0.3, 0.1, 0.4], 'B', 3),
};
const TRANSLATED = 'the table was read in this translation of the English page; formulas and results are the same';
const COUNT_PAGE = 'https://support.microsoft.com/ko-KR/Excel/count-function';
const COUNTA_PAGE = 'https://support.microsoft.com/zh-CN/Excel/counta-function';
const MAX_PAGE = 'https://support.microsoft.com/zh-cn/excel/max-function';
const MIN_PAGE = 'https://support.microsoft.com/zh-CN/Excel/min-function';
const MEDIAN_PAGE = 'https://support.microsoft.com/zh-cn/excel/median-function';
const VAR_S_PAGE = 'https://support.microsoft.com/zh-cn/excel/var-s-function';
const LARGE_PAGE = 'https://support.microsoft.com/en-us/excel/large-function';
const SMALL_PAGE = 'https://support.microsoft.com/zh-cn/excel/functions/small-function';
const AVERAGE_PAGE = 'https://support.microsoft.com/zh-TW/excel/functions/average-function';
const AVERAGE_FIX = "corrected to the page's table: 15 in B2 and 32 in C2, and its third formula =AVERAGE(A2:C2) added";
const AVERAGEA_PAGE = 'https://support.microsoft.com/zh-TW/Excel/averagea-function';
const QUARTILE_EXC_PAGE = 'https://support.microsoft.com/en-us/excel/quartile-exc-function';
const PERCENTRANK_EXC_PAGE = 'https://support.microsoft.com/zh-tw/Excel/functions/percentrank-exc-function';
const COVARIANCE_S_PAGE = 'https://support.microsoft.com/zh-TW/Excel/functions/covariance-s-function';
const PERCENTRANK_INC_PAGE = 'https://support.microsoft.com/zh-TW/Excel/percentrank-inc-function';
const REGRESSION_LAYOUT = 'corrected to the page\'s layout: a "Data" row above the headings, values in A3:A9 and B3:B9 (not A2:A8)';

const NORM_DIST_PAGE = 'https://support.microsoft.com/zh-CN/Excel/norm-dist-function';
const PHI_PAGE = 'https://support.microsoft.com/zh-CN/Excel/phi-function';
const PERMUTATIONA_PAGE = 'https://support.microsoft.com/zh-TW/Excel/permutationa-function';
const T_INV_PAGE = 'https://support.microsoft.com/en-us/Excel/t-inv-function';
const CHISQ_DIST_PAGE = 'https://support.microsoft.com/zh-cn/excel/chisq-dist-function';
const CONFIDENCE_T_PAGE = 'https://support.microsoft.com/zh-CN/Excel/confidence-t-function';
const FISHER_PAGE = 'https://support.microsoft.com/zh-CN/excel/functions/fisher-function';
const FISHERINV_PAGE = 'https://support.microsoft.com/zh-CN/Excel/fisherinv-function';
const NORM_S_DIST_PAGE = 'https://support.microsoft.com/en-us/excel/norm-s-dist-function';
const GAMMALN_PRECISE_PAGE = 'https://support.microsoft.com/en-us/Excel/gammaln-precise-function';
const STANDARDIZE_PAGE = 'https://support.microsoft.com/en-au/office/standardize-function-81d66554-2d54-40ec-ba83-6437108ee775';
const NORM_INV_PAGE = 'https://support.microsoft.com/en-us/office/norm-inv-function-54b30935-fee7-493c-bedb-2278a9db7e13';
const DATA_ROWS = 'corrected to the page: its arguments sit in A2:A4 under the heading "Data" (not typed into the formula)';
const POISSON_DIST_PAGE = 'https://support.microsoft.com/en-us/office/poisson-dist-function-8fe148ff-39a2-46cb-abf3-7772695d9636';
const POISSON_DIST_READ =
  'read in a copy of this page (https://static.70.7.21.65.clients.your-server.de/en-us/office/poisson-dist-function-8fe148ff-39a2-46cb-abf3-7772695d9636); corrected to the page: x and the mean sit in A2:A3 under the heading "Data" (not typed into the formula)';
const WEIBULL_DIST_PAGE = 'https://support.office.com/en-us/article/WEIBULLDIST-function-e2557a74-4ec0-475b-9468-8f25896a4781';
const GAMMA_DIST_PAGE = 'https://support.microsoft.com/zh-CN/Excel/gamma-dist-function';
const F_DIST_PAGE = 'https://support.microsoft.com/zh-CN/Excel/f-dist-function';
const EXPON_DIST_PAGE = 'https://support.microsoft.com/zh-CN/Excel/expon-dist-function';
const LOGNORM_DIST_PAGE = 'https://support.microsoft.com/zh-CN/excel/functions/lognorm-dist-function';
const BINOM_DIST_PAGE = 'https://support.microsoft.com/zh-cn/excel/functions/binom-dist-function';
const NEGBINOM_DIST_PAGE = 'https://support.microsoft.com/zh-CN/Excel/negbinom-dist-function';
const HYPGEOM_DIST_PAGE = 'https://support.microsoft.com/zh-TW/Excel/hypgeom-dist-function';
const BETA_INV_PAGE = 'https://support.microsoft.com/zh-CN/excel/functions/beta-inv-function';
const BINOM_INV_PAGE = 'https://support.microsoft.com/en-us/Excel/functions/binom-inv-function';
const CHISQ_DIST_RT_PAGE = 'https://support.microsoft.com/zh-CN/Excel/functions/chisq-dist-rt-function';
const CHISQ_INV_RT_PAGE = 'https://support.microsoft.com/zh-cn/excel/chisq-inv-rt-function';
const F_DIST_RT_PAGE = 'https://support.microsoft.com/zh-CN/Excel/f-dist-rt-function';
const F_INV_PAGE = 'https://support.microsoft.com/zh-CN/Excel/f-inv-function';
const F_INV_RT_PAGE = 'https://support.microsoft.com/zh-TW/excel/functions/f-inv-rt-function';
const T_DIST_2T_PAGE = 'https://support.microsoft.com/zh-CN/Excel/t-dist-2t-function';
const T_DIST_RT_PAGE = 'https://support.microsoft.com/en-us/excel/t-dist-rt-function';
const T_INV_2T_PAGE = 'https://support.microsoft.com/zh-CN/excel/functions/t-inv-2t-function';
const CONFIDENCE_NORM_PAGE = 'https://support.microsoft.com/zh-cn/excel/confidence-norm-function';
const LOGNORM_INV_PAGE = 'https://support.microsoft.com/zh-cn/excel/lognorm-inv-function';
const PERMUT_PAGE = 'https://support.microsoft.com/zh-CN/Excel/permut-function';
const BETA_DIST_PAGE = 'https://support.microsoft.com/zh-tw/excel/beta-dist-function';
const F_TEST_PAGE = 'https://support.microsoft.com/en-us/Excel/f-test-function';
const T_TEST_PAGE = 'https://support.microsoft.com/zh-CN/excel/functions/t-test-function';
const Z_TEST_PAGE = 'https://support.microsoft.com/zh-hk/excel/functions/z-test-function';
const Z_TEST_NOTE = `the page's heading "Data" in A1 above the values; ${TRANSLATED}`;
const CHISQ_TEST_PAGE = 'https://support.microsoft.com/ko-kr/Excel/chisq-test-function';
const GAMMA_INV_PAGE = 'https://support.microsoft.com/zh-TW/Excel/gamma-inv-function';
const GAMMA_PAGE = 'https://support.microsoft.com/en-us/excel/gamma-function';
const GAUSS_PAGE = 'https://support.microsoft.com/zh-CN/Excel/gauss-function';
const BINOM_DIST_RANGE_PAGE = 'https://support.microsoft.com/zh-CN/Excel/binom-dist-range-function';
const T_DIST_PAGE = 'https://support.microsoft.com/zh-CN/Excel/t-dist-function';
const CHISQ_INV_PAGE = 'https://support.microsoft.com/zh-CN/excel/functions/chisq-inv-function';
/**
 * A Markdown copy of the page, with its example tables and results, in the repository
 * github.com/axu133/ML-Playground (ExcelRAG/statistical_functions/<FN>.md), each file ending
 * with a link to the page it was copied from; the Microsoft page's stored copy was cut off.
 */
const copyOf = (fn: string) =>
  `https://github.com/axu133/ML-Playground/blob/1bfbc87e8469188ab442f60bd679324128305aa6/ExcelRAG/statistical_functions/${fn}.md`;
const copyDetail = (detail?: string) =>
  ["read in a copy of Microsoft's page (its table and results), the page's own stored copy being cut off", detail]
    .filter(Boolean)
    .join('; ');
const COUNTIF_CASE = 'the page writes the fruit in lower case (apples, oranges, peaches); COUNTIF ignores case';
const GROWTH_ROUNDED =
  'the page shows the results rounded to whole units (32,618, 47,729, 69,841, 102,197, 149,542, 218,822; 320,197 and 468,536), which these agree with';
/** The entries whose data, formula and result were compared with the page's text (see markVerified in math.ts). */
const VERIFIED: Record<string, [url: string, detail?: string]> = {
  'COUNT|=COUNT(A2:A6)': [COUNT_PAGE, TRANSLATED],
  'COUNT|=COUNT(A2:A6,2)': [COUNT_PAGE, TRANSLATED],
  'COUNTA|=COUNTA(A2:A6)': [COUNTA_PAGE, TRANSLATED],
  'MAX|=MAX(A2:A6)': [MAX_PAGE, TRANSLATED],
  'MAX|=MAX(A2:A6, 30)': [MAX_PAGE, TRANSLATED],
  'MIN|=MIN(A2:A6)': [MIN_PAGE, TRANSLATED],
  'MIN|=MIN(A2:A6,0)': [MIN_PAGE, TRANSLATED],
  'MEDIAN|=MEDIAN(A2:A6)': [MEDIAN_PAGE, TRANSLATED],
  'MEDIAN|=MEDIAN(A2:A7)': [MEDIAN_PAGE, TRANSLATED],
  'STDEV.S|=STDEV.S(A2:A11)': ['https://support.microsoft.com/zh-CN/Excel/stdev-s-function', TRANSLATED],
  'STDEV.P|=STDEV.P(A3:A12)': ['https://support.microsoft.com/zh-CN/Excel/stdev-p-function', TRANSLATED],
  'VAR.S|=VAR.S(A2:A11)': [VAR_S_PAGE, TRANSLATED],
  'VAR.P|=VAR.P(A2:A11)': [VAR_S_PAGE, `VAR.S's page shows this VAR.P formula beside its own; ${TRANSLATED}`],
  'MODE.SNGL|=MODE.SNGL(A2:A7)': ['https://support.microsoft.com/zh-CN/excel/functions/mode-sngl-function', TRANSLATED],
  'GEOMEAN|=GEOMEAN(A2:A8)': ['https://support.microsoft.com/ko-kr/excel/functions/geomean-function', TRANSLATED],
  'HARMEAN|=HARMEAN(A2:A8)': ['https://support.microsoft.com/zh-tw/excel/harmean-function', TRANSLATED],
  'LARGE|=LARGE(A2:B6,3)': [LARGE_PAGE],
  'LARGE|=LARGE(A2:B6,7)': [LARGE_PAGE],
  'SMALL|=SMALL(A2:A10,4)': [SMALL_PAGE],
  'SMALL|=SMALL(B2:B10,2)': [SMALL_PAGE],
  'PERCENTILE.INC|=PERCENTILE.INC(A2:A5,0.3)': ['https://support.microsoft.com/en-us/Excel/percentile-inc-function'],
  'QUARTILE.INC|=QUARTILE.INC(A2:A9,1)': ['https://support.microsoft.com/ko-kr/excel/quartile-inc-function', TRANSLATED],
  'CORREL|=CORREL(A2:A6,B2:B6)': [
    'https://support.microsoft.com/zh-CN/excel/functions/correl-function',
    "the result 0.997054486 is the page's; its data table is now a picture (the values here are those of the earlier text edition) and its formula is typed as =CORREL(A1:A6,B2:B6)",
  ],
  'PERCENTRANK.INC|=PERCENTRANK.INC(A2:A11,2)': [PERCENTRANK_INC_PAGE, TRANSLATED],
  'PERCENTRANK.INC|=PERCENTRANK.INC(A2:A11,4)': [PERCENTRANK_INC_PAGE, TRANSLATED],
  'PERCENTRANK.INC|=PERCENTRANK.INC(A2:A11,8)': [PERCENTRANK_INC_PAGE, TRANSLATED],
  'PERCENTRANK.INC|=PERCENTRANK.INC(A2:A11,5)': [PERCENTRANK_INC_PAGE, TRANSLATED],
  'INTERCEPT|=INTERCEPT(A2:A6, B2:B6)': ['https://support.microsoft.com/zh-CN/Excel/intercept-function', TRANSLATED],
  'SLOPE|=SLOPE(A3:A9,B3:B9)': [
    'https://support.microsoft.com/zh-CN/excel/functions/slope-function',
    `${REGRESSION_LAYOUT}; that page shows the known y formatted as dates (1900-1-2 for 2 and so on), the same numbers; ${TRANSLATED}`,
  ],
  'RSQ|=RSQ(A3:A9, B3:B9)': ['https://support.microsoft.com/ja-JP/Excel/rsq-function', `${REGRESSION_LAYOUT}; ${TRANSLATED}`],
  'STEYX|=STEYX(A3:A9,B3:B9)': [
    'https://support.microsoft.com/zh-TW/Excel/functions/steyx-function',
    `${REGRESSION_LAYOUT}; ${TRANSLATED}`,
  ],
  'PEARSON|=PEARSON(A3:A7,B3:B7)': [
    'https://support.microsoft.com/zh-CN/Excel/pearson-function',
    `corrected to the page's layout (a "Data" row above the headings, values in A3:A7 and B3:B7); ${TRANSLATED}`,
  ],
  'DEVSQ|=DEVSQ(A2:A8)': ['https://support.microsoft.com/ko-kr/excel/devsq-function', TRANSLATED],
  'AVEDEV|=AVEDEV(A2:A8)': ['https://support.microsoft.com/zh-cn/excel/functions/avedev-function', TRANSLATED],
  'KURT|=KURT(A2:A11)': ['https://support.microsoft.com/zh-tw/Excel/functions/kurt-function', TRANSLATED],
  'SKEW|=SKEW(A2:A11)': ['https://support.microsoft.com/zh-TW/Excel/skew-function', TRANSLATED],
  'SKEW.P|=SKEW.P(A2:A11)': ['https://support.microsoft.com/zh-TW/Excel/functions/skew-p-function', TRANSLATED],
  'TRIMMEAN|=TRIMMEAN(A2:A12,0.2)': [
    'https://support.microsoft.com/zh-TW/Excel/trimmean-function',
    `corrected to the page's shown result 3.778 (3 decimals), not 3.777777778; ${TRANSLATED}`,
  ],
  'COVARIANCE.P|=COVARIANCE.P(A2:A6, B2:B6)': ['https://support.microsoft.com/zh-TW/excel/functions/covariance-p-function', TRANSLATED],
  'COVARIANCE.S|=COVARIANCE.S({2,4,8},{5,11,12})': [COVARIANCE_S_PAGE, TRANSLATED],
  'COVARIANCE.S|=COVARIANCE.S(A3:A5,B3:B5)': [
    COVARIANCE_S_PAGE,
    `corrected to the page's layout: the points sit in A3:B5, not A2:B4; ${TRANSLATED}`,
  ],
  'MAXA|=MAXA(A2:A6)': ['https://support.microsoft.com/zh-TW/Excel/maxa-function', TRANSLATED],
  'AVERAGE|=AVERAGE(A2:A6)': [AVERAGE_PAGE, `${AVERAGE_FIX}; ${TRANSLATED}`],
  'AVERAGE|=AVERAGE(A2:A6, 5)': [AVERAGE_PAGE, `${AVERAGE_FIX}; ${TRANSLATED}`],
  'AVERAGE|=AVERAGE(A2:C2)': [AVERAGE_PAGE, `${AVERAGE_FIX}; ${TRANSLATED}`],
  'AVERAGEA|=AVERAGEA(A2:A6)': [AVERAGEA_PAGE, TRANSLATED],
  'AVERAGEA|=AVERAGEA(A2:A5,A7)': [
    AVERAGEA_PAGE,
    `corrected to the page's layout pasted at A1: its formula table's heading row follows the data, so A7 holds "Formula"; ${TRANSLATED}`,
  ],
  'MINA|=MINA(A2:A6)': ['https://support.microsoft.com/zh-tw/Excel/functions/mina-function', TRANSLATED],
  'COUNTBLANK|=COUNTBLANK(A2:B4)': [
    'https://support.microsoft.com/en-us/Excel/countblank-function',
    'the stored text does not show which column 27 sits in; B3 is the reading that gives the documented 2 blanks',
  ],
  'STDEVA|=STDEVA(A3:A12)': [
    'https://support.microsoft.com/zh-tw/excel/stdeva-function',
    `corrected to the page's layout: a "Data" row and the heading "Strength" above the values in A3:A12; ${TRANSLATED}`,
  ],
  'VARA|=VARA(A2:A11)': [
    'https://support.microsoft.com/zh-TW/Excel/vara-function',
    `corrected to the page: the heading "Strength" in A1 and the result as shown, 754.26667; ${TRANSLATED}`,
  ],
  'QUARTILE.EXC|=QUARTILE.EXC(A2:A12,1)': [QUARTILE_EXC_PAGE],
  'QUARTILE.EXC|=QUARTILE.EXC(A2:A12,3)': [QUARTILE_EXC_PAGE],
  'STDEVPA|=STDEVPA(A3:A12)': [
    'https://support.microsoft.com/zh-TW/Excel/stdevpa-function',
    `corrected to the page's layout: a "Data" row and the heading "Strength" above the values in A3:A12; the result column shows 26.05456, the description 26.05455814; ${TRANSLATED}`,
  ],
  'VARPA|=VARPA(A2:A11)': [
    'https://support.microsoft.com/zh-TW/Excel/varpa-function',
    `corrected to the page: the heading "Strength" in A1 above the values; ${TRANSLATED}`,
  ],
  'MAXIFS|=MAXIFS(A2:A7,B2:B7,1)': ['https://support.microsoft.com/zh-TW/Excel/maxifs-function', `its example 1; ${TRANSLATED}`],
  'RANK.AVG|=RANK.AVG(94,B2:B8)': [
    'https://support.microsoft.com/en-us/Excel/rank-avg-function',
    'corrected to the page: column A holds the dates 7/1/2011 to 7/7/2011, not 1 to 7',
  ],
  'MINIFS|=MINIFS(A2:A7,B2:B7,1)': ['https://support.microsoft.com/zh-TW/Excel/minifs-function', `its example 1; ${TRANSLATED}`],
  'PERCENTRANK.EXC|=PERCENTRANK.EXC(A2:A10, 7)': [PERCENTRANK_EXC_PAGE, TRANSLATED],
  'PERCENTRANK.EXC|=PERCENTRANK.EXC(A2:A10, 5.43)': [PERCENTRANK_EXC_PAGE, TRANSLATED],
  'PERCENTRANK.EXC|=PERCENTRANK.EXC(A2:A10, 5.43, 1)': [PERCENTRANK_EXC_PAGE, TRANSLATED],
  'MODE.MULT|=MODE.MULT(A2:A13)': [
    'https://support.microsoft.com/zh-TW/Excel/functions/mode-mult-function',
    `corrected to the page: a legacy array formula over C15:C22 giving 1, 2, 3 and then #N/A, not a spill from B2; ${TRANSLATED}`,
  ],
  'GAMMA|=GAMMA(2.5)': [GAMMA_PAGE],
  'GAMMA|=GAMMA(-3.75)': [GAMMA_PAGE],
  'GAMMA|=GAMMA(0)': [GAMMA_PAGE],
  'GAMMA|=GAMMA(-2)': [GAMMA_PAGE],
  'GAUSS|=GAUSS(2)': [GAUSS_PAGE, `the page shows the formula as text and gives its result, 0.47725, in the description; ${TRANSLATED}`],
  'BINOM.DIST.RANGE|=BINOM.DIST.RANGE(60,0.75,48)': [BINOM_DIST_RANGE_PAGE, TRANSLATED],
  'BINOM.DIST.RANGE|=BINOM.DIST.RANGE(60,0.75,45,50)': [BINOM_DIST_RANGE_PAGE, TRANSLATED],
  'T.DIST|=T.DIST(60,1,TRUE)': [T_DIST_PAGE, TRANSLATED],
  'T.DIST|=T.DIST(8,3,FALSE)': [T_DIST_PAGE, TRANSLATED],
  'CHISQ.INV|=CHISQ.INV(0.6,2)': [CHISQ_INV_PAGE, TRANSLATED],
  'CHISQ.INV|=CHISQ.INV(0.93,1)': [
    CHISQ_INV_PAGE,
    `corrected to the page's result 3.283020286 (not 3.283020287), compared at 8 decimals: the page cuts 3.28302028676 off rather than rounding it; ${TRANSLATED}`,
  ],
  'NORM.DIST|=NORM.DIST(A2,A3,A4,TRUE)': [
    NORM_DIST_PAGE,
    `corrected to the page: x, mean and standard deviation in A2:A4 (not typed into the formula); ${TRANSLATED}`,
  ],
  'NORM.DIST|=NORM.DIST(A2,A3,A4,FALSE)': [
    NORM_DIST_PAGE,
    `corrected to the page: x, mean and standard deviation in A2:A4 (not typed into the formula); ${TRANSLATED}`,
  ],
  'PHI|=PHI(0.75)': [PHI_PAGE, TRANSLATED],
  'PERMUTATIONA|=PERMUTATIONA(3,2)': [PERMUTATIONA_PAGE, TRANSLATED],
  'PERMUTATIONA|=PERMUTATIONA(2,2)': [PERMUTATIONA_PAGE, TRANSLATED],
  'T.INV|=T.INV(0.75,2)': [T_INV_PAGE],
  'CHISQ.DIST|=CHISQ.DIST(0.5,1,TRUE)': [CHISQ_DIST_PAGE, TRANSLATED],
  'CHISQ.DIST|=CHISQ.DIST(2,3,FALSE)': [CHISQ_DIST_PAGE, TRANSLATED],
  'CONFIDENCE.T|=CONFIDENCE.T(0.05,1,50)': [CONFIDENCE_T_PAGE, TRANSLATED],
  'FISHER|=FISHER(0.75)': [FISHER_PAGE, TRANSLATED],
  'FISHERINV|=FISHERINV(0.972955)': [FISHERINV_PAGE, TRANSLATED],
  'NORM.S.DIST|=NORM.S.DIST(1.333333,TRUE)': [NORM_S_DIST_PAGE],
  'NORM.S.DIST|=NORM.S.DIST(1.333333,FALSE)': [NORM_S_DIST_PAGE],
  'GAMMALN.PRECISE|=GAMMALN.PRECISE(4)': [GAMMALN_PRECISE_PAGE],
  'STANDARDIZE|=STANDARDIZE(A2,A3,A4)': [STANDARDIZE_PAGE, DATA_ROWS],
  'NORM.INV|=NORM.INV(A2,A3,A4)': [NORM_INV_PAGE, DATA_ROWS],
  'GAMMALN|=GAMMALN(4)': ['https://support.microsoft.com/en-gb/office/gammaln-function-b838c48b-c65f-484f-9e1d-141c55470eb9'],
  'NORM.S.INV|=NORM.S.INV(0.908789)': [
    'https://support.microsoft.com/en-gb/office/norm-s-inv-function-d6d556b4-ab7f-49cd-b526-5a20918452b1',
  ],
  'POISSON.DIST|=POISSON.DIST(A2,A3,TRUE)': [POISSON_DIST_PAGE, POISSON_DIST_READ],
  'POISSON.DIST|=POISSON.DIST(A2,A3,FALSE)': [POISSON_DIST_PAGE, POISSON_DIST_READ],
  'WEIBULL.DIST|=WEIBULL.DIST(A2,A3,A4,TRUE)': [WEIBULL_DIST_PAGE, `${DATA_ROWS}; the page gives the results in its descriptions`],
  'WEIBULL.DIST|=WEIBULL.DIST(A2,A3,A4,FALSE)': [WEIBULL_DIST_PAGE, `${DATA_ROWS}; the page gives the results in its descriptions`],
  'GAMMA.DIST|=GAMMA.DIST(A2,A3,A4,FALSE)': [GAMMA_DIST_PAGE, `${DATA_ROWS}; ${TRANSLATED}`],
  'GAMMA.DIST|=GAMMA.DIST(A2,A3,A4,TRUE)': [GAMMA_DIST_PAGE, `${DATA_ROWS}; ${TRANSLATED}`],
  'F.DIST|=F.DIST(A2,A3,A4,TRUE)': [F_DIST_PAGE, `${DATA_ROWS}; ${TRANSLATED}`],
  'F.DIST|=F.DIST(A2,A3,A4,FALSE)': [F_DIST_PAGE, `${DATA_ROWS}; ${TRANSLATED}`],
  'EXPON.DIST|=EXPON.DIST(A2,A3,TRUE)': [
    EXPON_DIST_PAGE,
    `corrected to the page: x and lambda sit in A2:A3 under the heading "Data"; ${TRANSLATED}`,
  ],
  'EXPON.DIST|=EXPON.DIST(0.2,10,FALSE)': [
    EXPON_DIST_PAGE,
    `the page types this one's arguments into the formula, beside the data in A2:A3; ${TRANSLATED}`,
  ],
  'LOGNORM.DIST|=LOGNORM.DIST(A2,A3,A4,TRUE)': [LOGNORM_DIST_PAGE, `${DATA_ROWS}; ${TRANSLATED}`],
  'LOGNORM.DIST|=LOGNORM.DIST(A2,A3,A4,FALSE)': [LOGNORM_DIST_PAGE, `${DATA_ROWS}; ${TRANSLATED}`],
  'BINOM.DIST|=BINOM.DIST(A2,A3,A4,FALSE)': [BINOM_DIST_PAGE, `${DATA_ROWS}; ${TRANSLATED}`],
  'NEGBINOM.DIST|=NEGBINOM.DIST(A2,A3,A4,TRUE)': [NEGBINOM_DIST_PAGE, `${DATA_ROWS}; ${TRANSLATED}`],
  'NEGBINOM.DIST|=NEGBINOM.DIST(A2,A3,A4,FALSE)': [NEGBINOM_DIST_PAGE, `${DATA_ROWS}; ${TRANSLATED}`],
  'HYPGEOM.DIST|=HYPGEOM.DIST(A2,A3,A4,A5,TRUE)': [
    HYPGEOM_DIST_PAGE,
    `corrected to the page: its arguments sit in A2:A5 under the heading "Data" (not typed into the formula); ${TRANSLATED}`,
  ],
  'BETA.INV|=BETA.INV(A2,A3,A4,A5,A6)': [
    BETA_INV_PAGE,
    `corrected to the page: its arguments sit in A2:A6 under the heading "Data" (not typed into the formula); ${TRANSLATED}`,
  ],
  'BINOM.INV|=BINOM.INV(A2,A3,A4)': [BINOM_INV_PAGE, DATA_ROWS],
  'CHISQ.DIST.RT|=CHISQ.DIST.RT(A2,A3)': [
    CHISQ_DIST_RT_PAGE,
    `corrected to the page: x and the degrees of freedom sit in A2:A3 under the heading "Data" (not typed into the formula); ${TRANSLATED}`,
  ],
  'CHISQ.INV.RT|=CHISQ.INV.RT(A2,A3)': [
    CHISQ_INV_RT_PAGE,
    `corrected to the page: the probability and the degrees of freedom sit in A2:A3 under the heading "Data" (not typed into the formula); ${TRANSLATED}`,
  ],
  'F.DIST.RT|=F.DIST.RT(A2,A3,A4)': [F_DIST_RT_PAGE, `${DATA_ROWS}; ${TRANSLATED}`],
  'F.INV|=F.INV(A2,A3,A4)': [F_INV_PAGE, `${DATA_ROWS}; ${TRANSLATED}`],
  'F.INV.RT|=F.INV.RT(A2,A3,A4)': [
    F_INV_RT_PAGE,
    `${DATA_ROWS}; and to its result as shown, 15.20686 (5 decimals, not 15.206865); ${TRANSLATED}`,
  ],
  'T.DIST.2T|=T.DIST.2T(A2,A3)': [
    T_DIST_2T_PAGE,
    `corrected to the page: x and the degrees of freedom sit in A2:A3 under the heading "Data"; its result column shows 5.46%, its description 0.054645; ${TRANSLATED}`,
  ],
  'T.DIST.RT|=T.DIST.RT(A2,A3)': [
    T_DIST_RT_PAGE,
    'corrected to the page: x and the degrees of freedom sit in A2:A3 under the heading "Data" (not typed into the formula)',
  ],
  'T.INV.2T|=T.INV.2T(A2,A3)': [
    T_INV_2T_PAGE,
    `corrected to the page: the probability and the degrees of freedom sit in A2:A3 under the heading "Data" (not typed into the formula); ${TRANSLATED}`,
  ],
  'CONFIDENCE.NORM|=CONFIDENCE.NORM(A2,A3,A4)': [CONFIDENCE_NORM_PAGE, `${DATA_ROWS}; ${TRANSLATED}`],
  'LOGNORM.INV|=LOGNORM.INV(A2, A3, A4)': [LOGNORM_INV_PAGE, `${DATA_ROWS}; ${TRANSLATED}`],
  'PERMUT|=PERMUT(A2,A3)': [
    PERMUT_PAGE,
    `corrected to the page: the number of objects and the number chosen sit in A2:A3 under the heading "Data" (not typed into the formula); ${TRANSLATED}`,
  ],
  'PERMUT|=PERMUT(3,2)': [PERMUT_PAGE, `the page types this one's arguments into the formula, beside the data in A2:A3; ${TRANSLATED}`],
  'BETA.DIST|=BETA.DIST(A2,A3,A4,TRUE,A5,A6)': [
    BETA_DIST_PAGE,
    `corrected to the page: its arguments sit in A2:A6 under the heading "Data" (not typed into the formula); ${TRANSLATED}`,
  ],
  'BETA.DIST|=BETA.DIST(A2,A3,A4,FALSE,A5,A6)': [
    BETA_DIST_PAGE,
    `corrected to the page: its arguments sit in A2:A6 under the heading "Data" (not typed into the formula); ${TRANSLATED}`,
  ],
  'F.TEST|=F.TEST(A2:A6,B2:B6)': [F_TEST_PAGE, 'corrected to the page: the headings "Data1" and "Data2" in A1:B1 above the values'],
  'T.TEST|=T.TEST(A2:A10,B2:B10,2,1)': [
    T_TEST_PAGE,
    `corrected to the page: the headings "Data 1" and "Data 2" in A1:B1 above the values; ${TRANSLATED}`,
  ],
  'Z.TEST|=Z.TEST(A2:A11,4)': [Z_TEST_PAGE, Z_TEST_NOTE],
  'Z.TEST|=2 * MIN(Z.TEST(A2:A11,4), 1 - Z.TEST(A2:A11,4))': [Z_TEST_PAGE, `added from the page; ${Z_TEST_NOTE}`],
  'Z.TEST|=Z.TEST(A2:A11,6)': [Z_TEST_PAGE, `added from the page; ${Z_TEST_NOTE}`],
  'Z.TEST|=2 * MIN(Z.TEST(A2:A11,6), 1 - Z.TEST(A2:A11,6))': [Z_TEST_PAGE, `added from the page; ${Z_TEST_NOTE}`],
  'CHISQ.TEST|=CHISQ.TEST(A2:B4,A6:B8)': [
    CHISQ_TEST_PAGE,
    `corrected to the page: the headings "Men (Actual)" and "Women (Actual)" in A1:B1 and "Men (Expected)" and "Women (Expected)" in A5:B5 (its column of descriptions is left out); ${TRANSLATED}`,
  ],
  'PROB|=PROB(A3:A6,B3:B6,2)': [
    'https://support.microsoft.com/zh-CN/excel/functions/prob-function',
    `corrected to the page: "Data" in A1, the headings in A2:B2 and the values in A3:B6 (was A2:B5); ${TRANSLATED}`,
  ],
  'PROB|=PROB(A3:A6,B3:B6,1,3)': [
    'https://support.microsoft.com/zh-CN/excel/functions/prob-function',
    `corrected to the page, as above; ${TRANSLATED}`,
  ],
  'GAMMA.INV|=GAMMA.INV(A2,A3,A4)': [GAMMA_INV_PAGE, `${DATA_ROWS}; ${TRANSLATED}`],
  'RANK.EQ|=RANK.EQ(A3,A2:A6,1)': [
    'https://support.microsoft.com/ja-jp/Excel/functions/rank-eq-function',
    'the page\'s remarks give this result (3) for its data, 7, 3.5, 3.5, 1 and 2 under "Data" (heading added); the copy read cut off the table\'s own results, so the other two formulas stay unverified',
  ],
  'AVERAGEIF|=AVERAGEIF(B2:B5,"<23000")': [copyOf('AVERAGEIF'), copyDetail()],
  'AVERAGEIF|=AVERAGEIF(A2:A5,"<250000")': [copyOf('AVERAGEIF'), copyDetail()],
  'AVERAGEIF|=AVERAGEIF(A2:A5,"<95000")': [copyOf('AVERAGEIF'), copyDetail()],
  'AVERAGEIF|=AVERAGEIF(A2:A5,">250000",B2:B5)': [copyOf('AVERAGEIF'), copyDetail()],
  'AVERAGEIFS|=AVERAGEIFS(B2:B5, B2:B5, ">70", B2:B5, "<90")': [
    copyOf('AVERAGEIFS'),
    copyDetail('its description gives (80.5), the average of 75 and 86; its result column shows 75'),
  ],
  'AVERAGEIFS|=AVERAGEIFS(C2:C5, C2:C5, ">95")': [copyOf('AVERAGEIFS'), copyDetail()],
  'AVERAGEIFS|=AVERAGEIFS(D2:D5, D2:D5, "<>Incomplete", D2:D5, ">80")': [copyOf('AVERAGEIFS'), copyDetail()],
  'COUNTIF|=COUNTIF(A2:A5,"apples")': [copyOf('COUNTIF'), copyDetail(COUNTIF_CASE)],
  'COUNTIF|=COUNTIF(A2:A5,A4)': [copyOf('COUNTIF'), copyDetail(COUNTIF_CASE)],
  'COUNTIF|=COUNTIF(A2:A5,A2)+COUNTIF(A2:A5,A3)': [copyOf('COUNTIF'), copyDetail(COUNTIF_CASE)],
  'COUNTIF|=COUNTIF(B2:B5,">55")': [copyOf('COUNTIF'), copyDetail(COUNTIF_CASE)],
  'COUNTIF|=COUNTIF(B2:B5,"<>"&B4)': [copyOf('COUNTIF'), copyDetail(COUNTIF_CASE)],
  'COUNTIF|=COUNTIF(A2:A5,"*")': [copyOf('COUNTIF'), copyDetail(COUNTIF_CASE)],
  'COUNTIF|=COUNTIF(A2:A5,"?????es")': [copyOf('COUNTIF'), copyDetail(COUNTIF_CASE)],
  'COUNTIFS|=COUNTIFS(B2:D2,"=Yes")': [copyOf('COUNTIFS'), copyDetail()],
  'COUNTIFS|=COUNTIFS(B2:B5,"=Yes",C2:C5,"=Yes")': [copyOf('COUNTIFS'), copyDetail()],
  'COUNTIFS|=COUNTIFS(B5:D5,"=Yes",B3:D3,"=Yes")': [copyOf('COUNTIFS'), copyDetail()],
  'RANK.EQ|=RANK.EQ(A2,A2:A6,1)': [copyOf('RANK.EQ'), copyDetail()],
  'RANK.EQ|=RANK.EQ(A6,A2:A6)': [copyOf('RANK.EQ'), copyDetail()],
  'FORECAST|=FORECAST(30,A2:A6,B2:B6)': [
    copyOf('FORECAST'),
    copyDetail(
      'the page documents FORECAST and FORECAST.LINEAR together; its example is =FORECAST.LINEAR(30,A2:A6,B2:B6) over the same data, 10.607253',
    ),
  ],
  'LINEST|=LINEST(A2:A5,B2:B5,,FALSE)': [
    copyOf('LINEST'),
    copyDetail('example 1: known y 1, 9, 5, 7 and known x 0, 4, 2, 3; slope 2 and y-intercept 1'),
  ],
  'GROWTH|=GROWTH(B2:B7,A2:A7)': [copyOf('GROWTH'), copyDetail(GROWTH_ROUNDED)],
  'GROWTH|=GROWTH(B2:B7,A2:A7,A9:A10)': [copyOf('GROWTH'), copyDetail(GROWTH_ROUNDED)],
  'HYPGEOM.DIST|=HYPGEOM.DIST(A2,A3,A4,A5,FALSE)': [copyOf('HYPGEOM.DIST'), copyDetail()],
  'FORECAST.LINEAR|=FORECAST.LINEAR(30,A2:A6,B2:B6)': [
    'https://support.microsoft.com/en-us/Excel/forecast-and-forecast-linear-functions',
    'table read in the zh-CN, ja-JP and ko-KR translations',
  ],
};

export const examples: DocumentedExample[] = markVerified(
  [
    // AVERAGE's page has 15 and 32 beside the 10 in row 2 (B2 and C2) for its third formula.
    ...over('AVERAGE', { ...TEN_TWO, B2: 15, C2: 32 }, [
      ['=AVERAGE(A2:A6)', 11],
      ['=AVERAGE(A2:A6, 5)', 10],
      ['=AVERAGE(A2:C2)', 19],
    ]),
    ...over('AVERAGEA', column([10, 7, 9, 2, 'Not available']), [['=AVERAGEA(A2:A6)', 5.6]]),
    {
      fn: 'AVERAGEA',
      source: page('AVERAGEA'),
      // Pasted at A1 as the page says, its example is one table: "Data", the five values in A2:A6,
      // then the heading row "Formula | Description | Result" in A7 and the formulas below it.
      data: { A1: 'Data', ...column([10, 7, 9, 2, 'Not available']), A7: 'Formula', B7: 'Description', C7: 'Result' },
      formula: '=AVERAGEA(A2:A5,A7)',
      cell: 'A9',
      expected: 5.6,
      note: 'the page describes A7 as an empty cell, but its own remarks say empty cells in a reference are ignored (which gives 28/4 = 7); its 5.6 = 28/5 is what the pasted example gives, A7 holding the text heading "Formula", which AVERAGEA counts as 0',
    },
    ...over('AVERAGEIF', COMMISSIONS, [
      ['=AVERAGEIF(B2:B5,"<23000")', 14000],
      ['=AVERAGEIF(A2:A5,"<250000")', 150000],
      ['=AVERAGEIF(A2:A5,"<95000")', DIV0],
      ['=AVERAGEIF(A2:A5,">250000",B2:B5)', 24500],
    ]),
    ...over('AVERAGEIFS', QUIZZES, [
      ['=AVERAGEIFS(C2:C5, C2:C5, ">95")', DIV0],
      ['=AVERAGEIFS(D2:D5, D2:D5, "<>Incomplete", D2:D5, ">80")', 87.5],
    ]),
    {
      fn: 'AVERAGEIFS',
      source: page('AVERAGEIFS'),
      data: QUIZZES,
      formula: '=AVERAGEIFS(B2:B5, B2:B5, ">70", B2:B5, "<90")',
      expected: 80.5,
      note: 'the page describes the result as (80.5), the average of 75 and 86; its result column shows 75',
    },
    // The page's table today: 12/8/08, 19, 22.24, TRUE, #DIV/0! in A2:A6. Its third formula,
    // =COUNT(A5:A6), is left out: the page gives 1, but A5:A6 hold TRUE and #DIV/0!, no number, so
    // its own data gives 0 (the row is a leftover of an older, longer table); no documented answer.
    ...over('COUNT', column([serial(2008, 12, 8), 19, 22.24, true, '#DIV/0!']), [
      ['=COUNT(A2:A6)', 3],
      ['=COUNT(A2:A6,2)', 4],
    ]),
    ...over('COUNTA', column([39790, 19, 22.24, true, '#DIV/0!']), [['=COUNTA(A2:A6)', 5]]),
    ...over('COUNTBLANK', { A2: 6, B3: 27, A4: 4, B4: 34 }, [['=COUNTBLANK(A2:B4)', 2]]),
    ...over('COUNTIF', FRUIT, [
      ['=COUNTIF(A2:A5,"apples")', 2],
      ['=COUNTIF(A2:A5,A4)', 1],
      ['=COUNTIF(A2:A5,A2)+COUNTIF(A2:A5,A3)', 3],
      ['=COUNTIF(B2:B5,">55")', 2],
      ['=COUNTIF(B2:B5,"<>"&B4)', 3],
      ['=COUNTIF(B2:B5,">=32")-COUNTIF(B2:B5,">85")', 3],
      ['=COUNTIF(A2:A5,"*")', 4],
      ['=COUNTIF(A2:A5,"?????es")', 2],
    ]),
    ...over('COUNTIFS', QUARTERS, [
      ['=COUNTIFS(B2:D2,"=Yes")', 1],
      ['=COUNTIFS(B2:B5,"=Yes",C2:C5,"=Yes")', 2],
      ['=COUNTIFS(B5:D5,"=Yes",B3:D3,"=Yes")', 1],
    ]),
    ...over('MAX', TEN_TWO, [
      ['=MAX(A2:A6)', 27],
      ['=MAX(A2:A6, 30)', 30],
    ]),
    ...over('MIN', TEN_TWO, [
      ['=MIN(A2:A6)', 2],
      ['=MIN(A2:A6,0)', 0],
    ]),
    ...over('MAXA', column([0, 0.2, 0.5, 0.4, true]), [['=MAXA(A2:A6)', 1]]),
    ...over('MINA', column([false, 0.2, 0.5, 0.4, 0.8]), [['=MINA(A2:A6)', 0]]),
    ...over('MAXIFS', GRADES, [['=MAXIFS(A2:A7,B2:B7,1)', 91]]),
    ...over('MINIFS', GRADES, [['=MINIFS(A2:A7,B2:B7,1)', 88]]),
    ...over('MEDIAN', column([1, 2, 3, 4, 5, 6]), [
      ['=MEDIAN(A2:A6)', 3],
      ['=MEDIAN(A2:A7)', 3.5],
    ]),
    ...over('MODE.SNGL', column([5.6, 4, 4, 3, 2, 4]), [['=MODE.SNGL(A2:A7)', 4]]),
    // The page enters MODE.MULT as a legacy array formula over C15:C22: the three modes, then #N/A.
    {
      fn: 'MODE.MULT',
      source: page('MODE.MULT'),
      data: column([1, 2, 3, 4, 3, 2, 1, 2, 3, 5, 6, 1]),
      formula: '=MODE.MULT(A2:A13)',
      cell: 'C15',
      expected: [[1], [2], [3], [NA], [NA], [NA], [NA], [NA]],
      legacyArray: true,
    },
    ...over('STDEV.S', { A1: 'Strength', ...STRENGTH }, [['=STDEV.S(A2:A11)', 27.46391572, 8]]),
    // STDEV.P's page keeps a "Data" row above the heading, so its values sit in A3:A12.
    ...over('STDEV.P', { A1: 'Data', A2: 'Strength', ...column(Object.values(STRENGTH), 'A', 3) }, [['=STDEV.P(A3:A12)', 26.05455814, 8]]),
    ...over('STDEVA', { A1: 'Data', A2: 'Strength', ...column(Object.values(STRENGTH), 'A', 3) }, [['=STDEVA(A3:A12)', 27.46391572, 8]]),
    ...over('STDEVPA', { A1: 'Data', A2: 'Strength', ...column(Object.values(STRENGTH), 'A', 3) }, [['=STDEVPA(A3:A12)', 26.05455814, 8]]),
    // The page shows VAR.S's result rounded to 754.27.
    ...over('VAR.S', { A1: 'Strength', ...STRENGTH }, [['=VAR.S(A2:A11)', 754.27, 2]]),
    ...over('VAR.P', STRENGTH, [['=VAR.P(A2:A11)', 678.84]]),
    // The page shows VARA's result rounded to 754.26667.
    ...over('VARA', { A1: 'Strength', ...STRENGTH }, [['=VARA(A2:A11)', 754.26667, 5]]),
    ...over('VARPA', { A1: 'Strength', ...STRENGTH }, [['=VARPA(A2:A11)', 678.84]]),
    ...over('LARGE', columns([3, 5, 3, 5, 4], [4, 2, 4, 6, 7]), [
      ['=LARGE(A2:B6,3)', 5],
      ['=LARGE(A2:B6,7)', 4],
    ]),
    ...over('SMALL', columns([3, 4, 5, 2, 3, 4, 6, 4, 7], [1, 4, 8, 3, 7, 12, 54, 8, 23]), [
      ['=SMALL(A2:A10,4)', 4],
      ['=SMALL(B2:B10,2)', 3],
    ]),
    ...over('RANK.EQ', { A1: 'Data', ...column([7, 3.5, 3.5, 1, 2]) }, [
      ['=RANK.EQ(A2,A2:A6,1)', 5],
      ['=RANK.EQ(A6,A2:A6)', 4],
      ['=RANK.EQ(A3,A2:A6,1)', 3],
    ]),
    // RANK.AVG's page lists the days 7/1/2011 to 7/7/2011 in column A beside their temperatures.
    ...over(
      'RANK.AVG',
      columns(
        [1, 2, 3, 4, 5, 6, 7].map((d) => serial(2011, 7, d)),
        [89, 88, 92, 101, 94, 97, 95],
      ),
      [['=RANK.AVG(94,B2:B8)', 4]],
    ),
    ...over('PERCENTILE.INC', column([1, 3, 2, 4]), [['=PERCENTILE.INC(A2:A5,0.3)', 1.9]]),
    ...over('PERCENTILE.EXC', EXC_DATA, [
      ['=PERCENTILE.EXC(A2:A10, 0.25)', 2.5],
      ['=PERCENTILE.EXC(A2:A10, 0)', NUM],
      ['=PERCENTILE.EXC(A2:A10, 0.01)', NUM],
      ['=PERCENTILE.EXC(A2:A10, 2)', NUM],
    ]),
    ...over('PERCENTRANK.EXC', EXC_DATA, [
      ['=PERCENTRANK.EXC(A2:A10, 7)', 0.7],
      ['=PERCENTRANK.EXC(A2:A10, 5.43)', 0.381],
      ['=PERCENTRANK.EXC(A2:A10, 5.43, 1)', 0.3],
    ]),
    ...over('PERCENTRANK.INC', column([13, 12, 11, 8, 4, 3, 2, 1, 1, 1]), [
      ['=PERCENTRANK.INC(A2:A11,2)', 0.333],
      ['=PERCENTRANK.INC(A2:A11,4)', 0.555],
      ['=PERCENTRANK.INC(A2:A11,8)', 0.666],
      ['=PERCENTRANK.INC(A2:A11,5)', 0.583],
    ]),
    ...over('QUARTILE.INC', column([1, 2, 4, 7, 8, 9, 10, 12]), [['=QUARTILE.INC(A2:A9,1)', 3.5]]),
    ...over('QUARTILE.EXC', column([6, 7, 15, 36, 39, 40, 41, 42, 43, 47, 49]), [
      ['=QUARTILE.EXC(A2:A12,1)', 15],
      ['=QUARTILE.EXC(A2:A12,3)', 43],
    ]),
    // The page shows TRIMMEAN's result rounded to 3.778.
    ...over('TRIMMEAN', column([4, 5, 6, 7, 2, 3, 4, 5, 1, 2, 3]), [['=TRIMMEAN(A2:A12,0.2)', 3.778, 3]]),
    ...over('KURT', SKEW_DATA, [['=KURT(A2:A11)', -0.151799637, 9]]),
    ...over('SKEW', SKEW_DATA, [['=SKEW(A2:A11)', 0.359543, 6]]),
    ...over('SKEW.P', SKEW_DATA, [['=SKEW.P(A2:A11)', 0.303193, 6]]),
    ...over('AVEDEV', DEV_DATA, [['=AVEDEV(A2:A8)', 1.020408, 6]]),
    ...over('DEVSQ', MEANS_DATA, [['=DEVSQ(A2:A8)', 48]]),
    ...over('GEOMEAN', MEANS_DATA, [['=GEOMEAN(A2:A8)', 5.476987, 6]]),
    ...over('HARMEAN', MEANS_DATA, [['=HARMEAN(A2:A8)', 5.028376, 6]]),
    ...over('CORREL', CORREL_DATA, [['=CORREL(A2:A6,B2:B6)', 0.997054486, 9]]),
    ...over('COVARIANCE.P', CORREL_DATA, [['=COVARIANCE.P(A2:A6, B2:B6)', 5.2]]),
    // COVARIANCE.S's page puts its array-constant formula in row 2 and the same points in A3:B5 below it.
    ...over('COVARIANCE.S', { ...column([2, 4, 8], 'A', 3), ...column([5, 11, 12], 'B', 3) }, [
      ['=COVARIANCE.S(A3:A5,B3:B5)', 9.666666667, 9],
    ]),
    ...plain([['COVARIANCE.S', '=COVARIANCE.S({2,4,8},{5,11,12})', 9.666666667, 9]]),
    ...over('PEARSON', PEARSON_DATA, [['=PEARSON(A3:A7,B3:B7)', 0.699379, 6]]),
    ...over('RSQ', KNOWN_YX, [['=RSQ(A3:A9, B3:B9)', 0.05795, 5]]),
    ...over('SLOPE', KNOWN_YX, [['=SLOPE(A3:A9,B3:B9)', 0.305556, 6]]),
    ...over('STEYX', KNOWN_YX, [['=STEYX(A3:A9,B3:B9)', 3.305719, 6]]),
    ...over('INTERCEPT', columns([2, 3, 9, 1, 8], [6, 5, 11, 7, 5]), [['=INTERCEPT(A2:A6, B2:B6)', 0.0483871, 7]]),
    ...over('FORECAST.LINEAR', FORECAST_DATA, [['=FORECAST.LINEAR(30,A2:A6,B2:B6)', 10.607253, 6]]),
    ...over('FORECAST', FORECAST_DATA, [['=FORECAST(30,A2:A6,B2:B6)', 10.607253, 6]]),
    ...over('F.TEST', { A1: 'Data1', B1: 'Data2', ...FORECAST_DATA }, [['=F.TEST(A2:A6,B2:B6)', 0.64831785, 8]]),
    {
      fn: 'LINEST',
      source: page('LINEST'),
      data: columns([1, 9, 5, 7], [0, 4, 2, 3]),
      formula: '=LINEST(A2:A5,B2:B5,,FALSE)',
      cell: 'A7',
      expected: [[2, 1]],
    },
    {
      fn: 'LOGEST',
      source: page('LOGEST'),
      data: GROWTH_DATA,
      formula: '=LOGEST(B2:B7,A2:A7,TRUE,FALSE)',
      cell: 'D2',
      expected: [[1.463275628, 495.3047702]],
      decimals: 7,
    },
    {
      fn: 'GROWTH',
      source: page('GROWTH'),
      data: GROWTH_DATA,
      formula: '=GROWTH(B2:B7,A2:A7)',
      cell: 'C2',
      expected: [[32618.20377], [47729.42261], [69841.30086], [102197.0734], [149542.4867], [218821.8762]],
      decimals: 4,
    },
    {
      fn: 'GROWTH',
      source: page('GROWTH'),
      data: GROWTH_DATA,
      formula: '=GROWTH(B2:B7,A2:A7,A9:A10)',
      cell: 'B9',
      expected: [[320196.7184], [468536.0539]],
      decimals: 3,
      note: "compared at 3 decimals: Excel's fit differs from an exact least-squares fit in the tenth significant digit",
    },
    {
      fn: 'TREND',
      source: page('TREND'),
      data: TREND_DATA,
      formula: '=TREND(B2:B13,A2:A13,A15:A19)',
      cell: 'B15',
      expected: [[146172], [147190], [148208], [149226], [150244]],
      decimals: 0,
    },
    {
      fn: 'FREQUENCY',
      source: page('FREQUENCY'),
      data: columns([79, 85, 78, 85, 50, 81, 95, 88, 97], [70, 79, 89]),
      formula: '=FREQUENCY(A2:A10,B2:B4)',
      cell: 'C2',
      expected: [[1], [2], [4], [2]],
    },
    ...over('PROB', PROB_PAGE, [
      ['=PROB(A3:A6,B3:B6,2)', 0.1],
      ['=PROB(A3:A6,B3:B6,1,3)', 0.8],
    ]),
    ...over(
      'CHISQ.TEST',
      {
        A1: 'Men (Actual)',
        B1: 'Women (Actual)',
        A5: 'Men (Expected)',
        B5: 'Women (Expected)',
        ...columns([58, 11, 10], [35, 25, 23]),
        ...column([45.35, 17.56, 16.09], 'A', 6),
        ...column([47.65, 18.44, 16.91], 'B', 6),
      },
      [['=CHISQ.TEST(A2:B4,A6:B8)', 0.0003082, 7]],
    ),
    ...over('T.TEST', { A1: 'Data 1', B1: 'Data 2', ...columns([3, 4, 5, 8, 9, 1, 2, 4, 5], [6, 19, 3, 2, 14, 4, 5, 17, 1]) }, [
      ['=T.TEST(A2:A10,B2:B10,2,1)', 0.196016, 6],
    ]),
    // Z.TEST's page has the heading "Data" above its values and four formulas.
    ...over('Z.TEST', { A1: 'Data', ...column([3, 6, 7, 8, 6, 5, 4, 2, 1, 9]) }, [
      ['=Z.TEST(A2:A11,4)', 0.090574, 6],
      ['=2 * MIN(Z.TEST(A2:A11,4), 1 - Z.TEST(A2:A11,4))', 0.181148, 6],
      ['=Z.TEST(A2:A11,6)', 0.863043, 6],
      ['=2 * MIN(Z.TEST(A2:A11,6), 1 - Z.TEST(A2:A11,6))', 0.273913, 6],
    ]),
    // NORM.DIST's page puts x, the mean and the standard deviation in A2:A4 under a "Data" heading.
    ...over('NORM.DIST', { A1: 'Data', ...column([42, 40, 1.5]) }, [
      ['=NORM.DIST(A2,A3,A4,TRUE)', 0.9087888, 7],
      ['=NORM.DIST(A2,A3,A4,FALSE)', 0.10934, 5],
    ]),
    // STANDARDIZE's and NORM.INV's pages put their arguments in A2:A4 under a "Data" heading too.
    ...over('STANDARDIZE', { A1: 'Data', ...column([42, 40, 1.5]) }, [['=STANDARDIZE(A2,A3,A4)', 1.33333333, 8]]),
    ...over('NORM.INV', { A1: 'Data', ...column([0.908789, 40, 1.5]) }, [['=NORM.INV(A2,A3,A4)', 42.000002, 6]]),
    ...over('GAMMA.DIST', { A1: 'Data', ...column([10.00001131, 9, 2]) }, [
      ['=GAMMA.DIST(A2,A3,A4,FALSE)', 0.032639, 6],
      ['=GAMMA.DIST(A2,A3,A4,TRUE)', 0.068094, 6],
    ]),
    ...over('F.DIST', { A1: 'Data', ...column([15.2069, 6, 4]) }, [
      ['=F.DIST(A2,A3,A4,TRUE)', 0.99, 6],
      ['=F.DIST(A2,A3,A4,FALSE)', 0.0012238, 7],
    ]),
    ...over('EXPON.DIST', { A1: 'Data', ...column([0.2, 10]) }, [
      ['=EXPON.DIST(A2,A3,TRUE)', 0.86466472, 8],
      ['=EXPON.DIST(0.2,10,FALSE)', 1.35335283, 8],
    ]),
    ...over('LOGNORM.DIST', { A1: 'Data', ...column([4, 3.5, 1.2]) }, [
      ['=LOGNORM.DIST(A2,A3,A4,TRUE)', 0.0390836, 7],
      ['=LOGNORM.DIST(A2,A3,A4,FALSE)', 0.0176176, 7],
    ]),
    ...over('BINOM.DIST', { A1: 'Data', ...column([6, 10, 0.5]) }, [['=BINOM.DIST(A2,A3,A4,FALSE)', 0.2050781, 7]]),
    ...over('NEGBINOM.DIST', { A1: 'Data', ...column([10, 5, 0.25]) }, [
      ['=NEGBINOM.DIST(A2,A3,A4,TRUE)', 0.3135141, 7],
      ['=NEGBINOM.DIST(A2,A3,A4,FALSE)', 0.0550487, 7],
    ]),
    ...over('HYPGEOM.DIST', { A1: 'Data', ...column([1, 4, 8, 20]) }, [
      ['=HYPGEOM.DIST(A2,A3,A4,A5,TRUE)', 0.4654, 4],
      ['=HYPGEOM.DIST(A2,A3,A4,A5,FALSE)', 0.3633, 4],
    ]),
    ...over('BETA.INV', { A1: 'Data', ...column([0.685470581, 8, 10, 1, 3]) }, [['=BETA.INV(A2,A3,A4,A5,A6)', 2, 7]]),
    ...over('BINOM.INV', { A1: 'Data', ...column([6, 0.5, 0.75]) }, [['=BINOM.INV(A2,A3,A4)', 4]]),
    ...over('CHISQ.DIST.RT', { A1: 'Data', ...column([18.307, 10]) }, [['=CHISQ.DIST.RT(A2,A3)', 0.0500006, 7]]),
    ...over('CHISQ.INV.RT', { A1: 'Data', ...column([0.050001, 10]) }, [['=CHISQ.INV.RT(A2,A3)', 18.306973, 6]]),
    ...over('F.DIST.RT', { A1: 'Data', ...column([15.2068649, 6, 4]) }, [['=F.DIST.RT(A2,A3,A4)', 0.01, 6]]),
    ...over('F.INV', { A1: 'Data', ...column([0.01, 6, 4]) }, [['=F.INV(A2,A3,A4)', 0.10930991, 8]]),
    ...over('F.INV.RT', { A1: 'Data', ...column([0.01, 6, 4]) }, [['=F.INV.RT(A2,A3,A4)', 15.20686, 5]]),
    ...over('T.DIST.2T', { A1: 'Data', ...column([1.959999998, 60]) }, [['=T.DIST.2T(A2,A3)', 0.054645, 6]]),
    ...over('T.DIST.RT', { A1: 'Data', ...column([1.959999998, 60]) }, [['=T.DIST.RT(A2,A3)', 0.027322, 6]]),
    ...over('T.INV.2T', { A1: 'Data', ...column([0.546449, 60]) }, [['=T.INV.2T(A2,A3)', 0.606533, 6]]),
    ...over('CONFIDENCE.NORM', { A1: 'Data', ...column([0.05, 2.5, 50]) }, [['=CONFIDENCE.NORM(A2,A3,A4)', 0.692952, 6]]),
    ...over('LOGNORM.INV', { A1: 'Data', ...column([0.039084, 3.5, 1.2]) }, [['=LOGNORM.INV(A2, A3, A4)', 4.0000252, 7]]),
    ...over('PERMUT', { A1: 'Data', ...column([100, 3]) }, [
      ['=PERMUT(A2,A3)', 970200],
      ['=PERMUT(3,2)', 6],
    ]),
    ...over('BETA.DIST', { A1: 'Data', ...column([2, 8, 10, 1, 3]) }, [
      ['=BETA.DIST(A2,A3,A4,TRUE,A5,A6)', 0.6854706, 7],
      ['=BETA.DIST(A2,A3,A4,FALSE,A5,A6)', 1.4837646, 7],
    ]),
    ...over('GAMMA.INV', { A1: 'Data', ...column([0.068094, 9, 2]) }, [['=GAMMA.INV(A2,A3,A4)', 10.0000112, 7]]),
    ...over('POISSON.DIST', { A1: 'Data', ...column([2, 5]) }, [
      ['=POISSON.DIST(A2,A3,TRUE)', 0.124652, 6],
      ['=POISSON.DIST(A2,A3,FALSE)', 0.084224, 6],
    ]),
    ...over('WEIBULL.DIST', { A1: 'Data', ...column([105, 20, 100]) }, [
      ['=WEIBULL.DIST(A2,A3,A4,TRUE)', 0.929581, 6],
      ['=WEIBULL.DIST(A2,A3,A4,FALSE)', 0.035589, 6],
    ]),
    ...plain([
      ['FISHER', '=FISHER(0.75)', 0.9729551, 7],
      ['FISHERINV', '=FISHERINV(0.972955)', 0.75, 6],
      ['GAMMA', '=GAMMA(2.5)', 1.329, 3],
      ['GAMMA', '=GAMMA(-3.75)', 0.268, 3],
      ['GAMMA', '=GAMMA(0)', NUM],
      ['GAMMA', '=GAMMA(-2)', NUM],
      ['GAMMALN', '=GAMMALN(4)', 1.7917595, 7],
      ['GAMMALN.PRECISE', '=GAMMALN.PRECISE(4)', 1.7917595, 7],
      ['GAUSS', '=GAUSS(2)', 0.47725, 5],
      ['PHI', '=PHI(0.75)', 0.301137432, 9],
      ['PERMUTATIONA', '=PERMUTATIONA(3,2)', 9],
      ['PERMUTATIONA', '=PERMUTATIONA(2,2)', 4],
      ['NORM.S.DIST', '=NORM.S.DIST(1.333333,TRUE)', 0.908788726, 9],
      ['NORM.S.DIST', '=NORM.S.DIST(1.333333,FALSE)', 0.164010148, 9],
      ['NORM.S.INV', '=NORM.S.INV(0.908789)', 1.3333347, 7],
      ['BINOM.DIST.RANGE', '=BINOM.DIST.RANGE(60,0.75,48)', 0.084, 3],
      ['BINOM.DIST.RANGE', '=BINOM.DIST.RANGE(60,0.75,45,50)', 0.524, 3],
      ['CHISQ.DIST', '=CHISQ.DIST(0.5,1,TRUE)', 0.52049988, 8],
      ['CHISQ.DIST', '=CHISQ.DIST(2,3,FALSE)', 0.20755375, 8],
      ['CHISQ.INV', '=CHISQ.INV(0.93,1)', 3.283020286, 8],
      ['CHISQ.INV', '=CHISQ.INV(0.6,2)', 1.832581464, 9],
      ['T.DIST', '=T.DIST(60,1,TRUE)', 0.99469533, 8],
      ['T.DIST', '=T.DIST(8,3,FALSE)', 0.00073691, 8],
      ['T.INV', '=T.INV(0.75,2)', 0.8164966, 7],
      ['CONFIDENCE.T', '=CONFIDENCE.T(0.05,1,50)', 0.284196855, 9],
    ]),
  ],
  VERIFIED,
);

const ETS =
  "Excel's AAA exponential smoothing fits its parameters by an optimisation Microsoft does not document; Tickmark cannot reproduce its documented results, and a forecast that differs from Excel's in silence would be worse than none";

/** Statistical functions Tickmark does not implement, with the reason. */
export const notImplemented: Record<string, string> = {
  'FORECAST.ETS': ETS,
  'FORECAST.ETS.CONFINT': ETS,
  'FORECAST.ETS.SEASONALITY': ETS,
  'FORECAST.ETS.STAT': ETS,
};
