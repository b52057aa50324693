/**
 * Documented examples of Excel's Math and trigonometry functions, from Microsoft's function
 * reference (support.microsoft.com), each with the result the page gives. Pages that round
 * their results say so with `decimals`.
 */
import type { CellInput } from '../../../rules/workbook.js';
import type { DocumentedExample } from './example.js';

/** Microsoft's page for a function (`ceiling.math` → …/ceiling-math-function). */
const page = (fn: string) => `https://support.microsoft.com/en-us/excel/functions/${fn.toLowerCase().replace(/\./g, '-')}-function`;

/** A column of values from `row` down (A2, A3, … by default). */
export function column(values: CellInput[], col = 'A', row = 2): Record<string, CellInput> {
  return Object.fromEntries(values.map((v, i) => [`${col}${row + i}`, v]));
}

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
function over(fn: string, data: Record<string, CellInput>, rows: [string, DocumentedExample['expected'], number?][]): DocumentedExample[] {
  return rows.map(([formula, expected, decimals]) => ({
    fn,
    source: page(fn),
    data,
    formula,
    expected,
    ...(decimals !== undefined ? { decimals } : {}),
  }));
}

/**
 * Marks the examples checked against the text of Microsoft's page (as the `search` tool's stored
 * copy gave it): `checked` maps `FN|formula` to the URL the table was read at, and optionally what
 * the reader should know about that reading. Such an entry's source becomes that URL and its note
 * begins "verified against the page". A key that matches no example is an error, not a silent miss.
 */
export function markVerified(examples: DocumentedExample[], checked: Record<string, [url: string, detail?: string]>): DocumentedExample[] {
  const used = new Set<string>();
  const marked = examples.map((e) => {
    const key = `${e.fn}|${e.formula}`;
    const hit = checked[key];
    if (!hit) return e;
    used.add(key);
    const [url, detail] = hit;
    const note = [`verified against the page ${url}`, detail, e.note].filter(Boolean).join('; ');
    return { ...e, source: url, note };
  });
  const unused = Object.keys(checked).filter((k) => !used.has(k));
  if (unused.length > 0) throw new Error(`markVerified: no example matches ${unused.join(', ')}`);
  return marked;
}

const NUM = { error: '#NUM!' };
const VALUE = { error: '#VALUE!' };

/** SUM's page: -5, 15, 30, the text '5 and TRUE in A2:A6. */
const SUM_DATA = column([-5, 15, 30, "'5", true]);
const COMMISSIONS = { ...column([100000, 200000, 300000, 400000]), ...column([7000, 14000, 21000, 28000], 'B'), C2: 250000 };
const FOOD = {
  A2: 'Vegetables',
  A3: 'Vegetables',
  A4: 'Fruits',
  A6: 'Vegetables',
  A7: 'Fruits',
  ...column(['Tomatoes', 'Celery', 'Oranges', 'Butter', 'Carrots', 'Apples'], 'B'),
  ...column([2300, 5500, 800, 400, 4200, 1200], 'C'),
};
const QUANTITIES = {
  ...column([5, 4, 15, 3, 22, 12, 10, 33]),
  ...column(['Apples', 'Apples', 'Artichokes', 'Artichokes', 'Bananas', 'Bananas', 'Carrots', 'Carrots'], 'B'),
  ...column(['Tom', 'Sarah', 'Tom', 'Sarah', 'Tom', 'Sarah', 'Tom', 'Sarah'], 'C'),
};
/** SUMX2MY2, SUMX2PY2 and SUMXMY2 share this table: A2:A8 and B2:B8. */
const PAIRS = { ...column([2, 3, 9, 1, 8, 7, 5]), ...column([6, 5, 11, 7, 5, 4, 4], 'B') };
/** SUMX2PY2's and SUMXMY2's pages keep a "Data" row and the headings above the same pairs: A3:A9 and B3:B9. */
const PAIRS_WITH_HEADINGS = {
  A1: 'Data',
  A2: 'First array',
  B2: 'Second array',
  ...column([2, 3, 9, 1, 8, 7, 5], 'A', 3),
  ...column([6, 5, 11, 7, 5, 4, 4], 'B', 3),
};
/** AGGREGATE's page: two columns with error values, from A1. */
const AGGREGATE_DATA = {
  ...column(['#DIV/0!', 72, 30, '#NUM!', 31, 96, 32, 81, 33, 53, 34], 'A', 1),
  ...column([82, 65, 95, 63, 53, 71, 55, 83, 100, 91, 89], 'B', 1),
};

const MOD_PAGE = 'https://support.microsoft.com/en-us/excel/mod-function';
const ROUNDUP_PAGE = 'https://support.microsoft.com/en-us/Excel/roundup-function';
const ROUNDDOWN_PAGE = 'https://support.microsoft.com/en-us/excel/rounddown-function';
const INT_PAGE = 'https://support.microsoft.com/en-us/excel/int-function';
const MROUND_PAGE = 'https://support.microsoft.com/en-us/Excel/mround-function';
const ABS_PAGE = 'https://support.microsoft.com/en-us/excel/functions/abs-function';
const TRUNC_PAGE = 'https://support.microsoft.com/ko-kr/excel/trunc-function';
const SQRT_PAGE = 'https://support.microsoft.com/sk-SK/Excel/functions/sqrt-function';
const PRODUCT_PAGE = 'https://support.microsoft.com/zh-CN/Excel/functions/product-function';
const POWER_PAGE = 'https://support.microsoft.com/en-us/excel/power-function';
const FLOOR_MATH_PAGE = 'https://support.microsoft.com/zh-CN/Excel/floor-math-function';
const FLOOR_PRECISE_PAGE = 'https://support.microsoft.com/en-US/excel/functions/floor-precise-function';
const FLOOR_PAGE = 'https://support.microsoft.com/en-us/Excel/functions/floor-function';
const LOG10_PAGE = 'https://support.microsoft.com/en-us/excel/log10-function';
const EVEN_PAGE = 'https://support.microsoft.com/de-de/excel/functions/even-function';
const FACT_PAGE = 'https://support.microsoft.com/zh-cn/excel/functions/fact-function';
const ODD_PAGE = 'https://support.microsoft.com/en-us/excel/odd-function';
const GCD_PAGE = 'https://support.microsoft.com/zh-tw/excel/functions/gcd-function';
const QUOTIENT_PAGE = 'https://support.microsoft.com/zh-CN/Excel/quotient-function';
const SUMX2MY2_PAGE = 'https://support.microsoft.com/zh-TW/Excel/sumx2my2-function';
const SUMXMY2_PAGE = 'https://support.microsoft.com/zh-TW/Excel/sumxmy2-function';
const SUMX2PY2_PAGE = 'https://support.microsoft.com/zh-TW/Excel/sumx2py2-function';
const LCM_PAGE = 'https://support.microsoft.com/zh-TW/Excel/lcm-function';
const SIGN_PAGE = 'https://support.microsoft.com/en-us/office/sign-function-109c932d-fcdc-4023-91f1-2dd0e916a1d8?ad=us&rs=en-us&ui=en-us';
const FACTDOUBLE_PAGE = 'https://support.microsoft.com/en-US/excel/functions/factdouble-function';
const SQRTPI_PAGE = 'https://support.microsoft.com/en-US/excel/functions/sqrtpi-function';
const COMBINA_PAGE = 'https://support.microsoft.com/zh-TW/Excel/combina-function';
const DECIMAL_PAGE = 'https://support.microsoft.com/zh-TW/Excel/decimal-function';
const BASE_PAGE = 'https://support.microsoft.com/zh-TW/Excel/base-function';
const CEILING_MATH_PAGE = 'https://support.microsoft.com/ja-jp/excel/ceiling-math-function';
const ROUND_PAGE = 'https://support.microsoft.com/zh-CN/Excel/round-function';
const CEILING_PRECISE_PAGE = 'https://support.microsoft.com/zh-tw/Excel/functions/ceiling-precise-function';
const ISO_CEILING_PAGE = 'https://support.microsoft.com/zh-tw/excel/iso-ceiling-function';
const FLOOR_ZH_PAGE = 'https://support.microsoft.com/zh-CN/Excel/floor-function';
const FLOOR_PRECISE_ZH_PAGE = 'https://support.microsoft.com/zh-CN/Excel/floor-precise-function';
const LN_PAGE = 'https://support.microsoft.com/en-us/Excel/functions/ln-function';
const LOG_PAGE = 'https://support.microsoft.com/en-us/excel/log-function';
const EXP_PAGE = 'https://support.microsoft.com/en-us/excel/exp-function';
const ATAN2_PAGE = 'https://support.microsoft.com/zh-cn/excel/functions/atan2-function';
const ATAN_PAGE = 'https://support.microsoft.com/en-US/Excel/functions/atan-function';
const ROMAN_PAGE = 'https://support.microsoft.com/zh-CN/excel/functions/roman-function';
const SIN_PAGE = 'https://support.microsoft.com/en-us/excel/sin-function';
const COS_PAGE = 'https://support.microsoft.com/ja-JP/Excel/functions/cos-function';
const TAN_PAGE = 'https://support.microsoft.com/zh-CN/Excel/functions/tan-function';
const ASIN_PAGE = 'https://support.microsoft.com/en-us/Excel/functions/asin-function';
const ACOS_PAGE = 'https://support.microsoft.com/en-us/excel/acos-function';
const TANH_PAGE = 'https://support.microsoft.com/zh-cn/excel/functions/tanh-function';
const COSH_PAGE = 'https://support.microsoft.com/en-US/Excel/cosh-function';
const ASINH_PAGE = 'https://support.microsoft.com/zh-cn/excel/functions/asinh-function';
const PI_PAGE = 'https://support.microsoft.com/en-us/excel/functions/pi-function';
const ATANH_PAGE = 'https://support.microsoft.com/en-us/Excel/functions/atanh-function';
const ACOSH_PAGE = 'https://support.microsoft.com/zh-CN/Excel/acosh-function';
const MDETERM_PAGE = 'https://support.microsoft.com/zh-CN/excel/functions/mdeterm-function';
const ARABIC_PAGE = 'https://support.microsoft.com/zh-tw/Excel/functions/arabic-function';
const SERIESSUM_PAGE = 'https://support.microsoft.com/en-us/Excel/seriessum-function';
const COT_PAGE = 'https://support.microsoft.com/en-us/excel/cot-function';
const DEGREES_PAGE = 'https://support.microsoft.com/zh-cn/excel/functions/degrees-function';
const SINH_PAGE = 'https://support.microsoft.com/zh-CN/Excel/functions/sinh-function';
const ACOTH_PAGE = 'https://support.microsoft.com/en-us/excel/acoth-function';
const CSCH_PAGE = 'https://support.microsoft.com/en-us/excel/functions/csch-function';
const ACOT_PAGE = 'https://support.microsoft.com/en-US/excel/functions/acot-function';
const SEC_PAGE = 'https://support.microsoft.com/zh-CN/Excel/sec-function';
const SECH_PAGE = 'https://support.microsoft.com/en-us/excel/functions/sech-function';
const COTH_PAGE = 'https://support.microsoft.com/ja-JP/Excel/coth-function';
const CSC_PAGE = 'https://support.microsoft.com/zh-TW/Excel/csc-function';
const RANDARRAY_PAGE = 'https://support.microsoft.com/en-us/excel/randarray-function';
const RANDARRAY_PROPERTY =
  'checks a property the page documents in words (its examples are pictures of random values, with no fixed result)';
const TRANSLATED = 'the table was read in this translation of the English page; formulas and results are the same';

const CEILING_SHAREPOINT_PAGE = 'https://support.microsoft.com/en-US/SharePoint/functions-data/ceiling-function';
const CEILING_SHAREPOINT =
  "Microsoft's SharePoint CEILING page, whose examples are the Excel page's five formulas (the Excel page's table was cut off in the stored copy)";
/** The Excel page's remark, read in its es-ES copy (English text); the SharePoint page's older rule gives #NUM! here. */
const CEILING_EXCEL_PAGE = 'https://support.microsoft.com/es-es/excel/functions/ceiling-function';
const CEILING_NEGATIVE =
  'its remark "If number is negative, and significance is positive, the value is rounded up towards zero": -2.5 goes up to -2';
const SUMIF_PAGE = 'https://support.microsoft.com/zh-CN/excel/functions/sumif-function';
const SUMIF_TIMES_TEN =
  'example 1 read in its zh-CN copy, which writes the amounts ten times larger in yuan (¥1,000,000 for 100,000; results ¥630,000 and ¥9,000,000) and keeps the criterion ">160000"; the rest of the table was cut off in the stored copy';
const SUM_SHAREPOINT_PAGE = 'https://support.microsoft.com/vi-vn/sharepoint/libraries/sum-function';
const SUM_SHAREPOINT =
  "Microsoft's SharePoint SUM page: the same values (-5, 15, 30) and sums, written over its columns ([Col1], [Col2], [Col3]), with these results; its sum of the last two columns and 2 gives 3 (a SharePoint column's TRUE counts), so that entry is not marked here";
/** The entries whose data, formula and result were compared with the page's text (see markVerified). */
const VERIFIED: Record<string, [url: string, detail?: string]> = {
  'MOD|=MOD(3, 2)': [MOD_PAGE],
  'MOD|=MOD(-3, 2)': [MOD_PAGE],
  'MOD|=MOD(3, -2)': [MOD_PAGE],
  'MOD|=MOD(-3, -2)': [MOD_PAGE],
  'ROUNDUP|=ROUNDUP(3.2,0)': [ROUNDUP_PAGE],
  'ROUNDUP|=ROUNDUP(76.9,0)': [ROUNDUP_PAGE],
  'ROUNDUP|=ROUNDUP(3.14159, 3)': [ROUNDUP_PAGE],
  'ROUNDUP|=ROUNDUP(-3.14159, 1)': [ROUNDUP_PAGE],
  'ROUNDUP|=ROUNDUP(31415.92654, -2)': [ROUNDUP_PAGE, 'its result read in the zh-CN translation of the page'],
  'ROUNDDOWN|=ROUNDDOWN(3.2, 0)': [ROUNDDOWN_PAGE],
  'ROUNDDOWN|=ROUNDDOWN(76.9,0)': [ROUNDDOWN_PAGE],
  'ROUNDDOWN|=ROUNDDOWN(3.14159, 3)': [ROUNDDOWN_PAGE],
  'ROUNDDOWN|=ROUNDDOWN(-3.14159, 1)': [ROUNDDOWN_PAGE],
  'ROUNDDOWN|=ROUNDDOWN(31415.92654, -2)': [ROUNDDOWN_PAGE, 'its result read in the zh-CN translation of the page'],
  'INT|=INT(8.9)': [INT_PAGE],
  'INT|=INT(-8.9)': [INT_PAGE],
  'INT|=A2-INT(A2)': [INT_PAGE],
  'MROUND|=MROUND(10, 3)': [MROUND_PAGE],
  'MROUND|=MROUND(-10, -3)': [MROUND_PAGE],
  'MROUND|=MROUND(1.3, 0.2)': [MROUND_PAGE],
  'MROUND|=MROUND(5, -2)': [MROUND_PAGE],
  'ABS|=ABS(2)': [ABS_PAGE],
  'ABS|=ABS(-2)': [ABS_PAGE],
  'ABS|=ABS(A2)': [ABS_PAGE],
  'TRUNC|=TRUNC(8.9)': [TRUNC_PAGE, TRANSLATED],
  'TRUNC|=TRUNC(-8.9)': [TRUNC_PAGE, TRANSLATED],
  'TRUNC|=TRUNC(0.45)': [TRUNC_PAGE, TRANSLATED],
  'SQRT|=SQRT(16)': [SQRT_PAGE, TRANSLATED],
  'SQRT|=SQRT(A2)': [SQRT_PAGE, TRANSLATED],
  'SQRT|=SQRT(ABS(A2))': [SQRT_PAGE, TRANSLATED],
  'PRODUCT|=PRODUCT(A2:A4)': [PRODUCT_PAGE, TRANSLATED],
  'PRODUCT|=PRODUCT(A2:A4, 2)': [PRODUCT_PAGE, TRANSLATED],
  'POWER|=POWER(5,2)': [POWER_PAGE],
  'POWER|=POWER(98.6,3.2)': [POWER_PAGE],
  'POWER|=POWER(4,5/4)': [POWER_PAGE],
  'FLOOR.MATH|=FLOOR.MATH(24.3,5)': [FLOOR_MATH_PAGE, TRANSLATED],
  'FLOOR.MATH|=FLOOR.MATH(6.7)': [FLOOR_MATH_PAGE, TRANSLATED],
  'FLOOR.MATH|=FLOOR.MATH(-8.1,2)': [FLOOR_MATH_PAGE, TRANSLATED],
  'FLOOR.MATH|=FLOOR.MATH(-5.5,2,-1)': [FLOOR_MATH_PAGE, TRANSLATED],
  'FLOOR.PRECISE|=FLOOR.PRECISE(-3.2,-1)': [FLOOR_PRECISE_PAGE],
  'FLOOR.PRECISE|=FLOOR.PRECISE(3.2, 1)': [FLOOR_PRECISE_PAGE],
  'FLOOR.PRECISE|=FLOOR.PRECISE(-3.2, 1)': [FLOOR_PRECISE_PAGE],
  'FLOOR.PRECISE|=FLOOR.PRECISE(3.2,-1)': [FLOOR_PRECISE_PAGE],
  'FLOOR|=FLOOR(3.7,2)': [FLOOR_PAGE],
  'FLOOR|=FLOOR(-2.5,-2)': [FLOOR_PAGE],
  'LOG10|=LOG10(86)': [LOG10_PAGE],
  'LOG10|=LOG10(10)': [LOG10_PAGE],
  'LOG10|=LOG10(100000)': [LOG10_PAGE],
  'LOG10|=LOG10(10^5)': [LOG10_PAGE],
  'EVEN|=EVEN(1.5)': [EVEN_PAGE],
  'EVEN|=EVEN(3)': [EVEN_PAGE],
  'EVEN|=EVEN(2)': [EVEN_PAGE],
  'EVEN|=EVEN(-1)': [EVEN_PAGE],
  'FACT|=FACT(5)': [FACT_PAGE],
  'FACT|=FACT(1.9)': [FACT_PAGE],
  'FACT|=FACT(0)': [FACT_PAGE],
  'FACT|=FACT(-1)': [FACT_PAGE],
  'FACT|=FACT(1)': [FACT_PAGE],
  'ODD|=ODD(1.5)': [ODD_PAGE],
  'ODD|=ODD(3)': [ODD_PAGE],
  'ODD|=ODD(2)': [ODD_PAGE],
  'ODD|=ODD(-1)': [ODD_PAGE],
  'ODD|=ODD(-2)': [ODD_PAGE],
  'GCD|=GCD(5, 2)': [GCD_PAGE, TRANSLATED],
  'GCD|=GCD(24, 36)': [GCD_PAGE, TRANSLATED],
  'GCD|=GCD(7, 1)': [GCD_PAGE, TRANSLATED],
  'GCD|=GCD(5, 0)': [GCD_PAGE, TRANSLATED],
  'QUOTIENT|=QUOTIENT(5, 2)': [QUOTIENT_PAGE, TRANSLATED],
  'QUOTIENT|=QUOTIENT(4.5, 3.1)': [QUOTIENT_PAGE, TRANSLATED],
  'QUOTIENT|=QUOTIENT(-10, 3)': [QUOTIENT_PAGE, TRANSLATED],
  'SUMX2MY2|=SUMX2MY2(A2:A8,B2:B8)': [
    SUMX2MY2_PAGE,
    `the page shows a "Data" row and headings above its pairs yet references A2:A8 and B2:B8; its -55 is the value of the seven pairs, so the pairs stay in A2:B8 here; ${TRANSLATED}`,
  ],
  'SUMX2MY2|=SUMX2MY2({2, 3, 9, 1, 8, 7, 5}, {6, 5, 11, 7, 5, 4, 4})': [SUMX2MY2_PAGE, `added from the page; ${TRANSLATED}`],
  'SUMXMY2|=SUMXMY2(A3:A9,B3:B9)': [
    SUMXMY2_PAGE,
    `corrected to the page's layout: a "Data" row and headings above the pairs in A3:B9 (not A2:B8); ${TRANSLATED}`,
  ],
  'SUMXMY2|=SUMXMY2({2, 3, 9, 1, 8, 7, 5}, {6, 5, 11, 7, 5, 4, 4})': [SUMXMY2_PAGE, `added from the page; ${TRANSLATED}`],
  'SUMX2PY2|=SUMX2PY2(A3:A9,B3:B9)': [
    SUMX2PY2_PAGE,
    `corrected to the page's layout: a "Data" row and headings above the pairs in A3:B9 (not A2:B8); ${TRANSLATED}`,
  ],
  'SUMX2PY2|=SUMX2PY2({2,3,9,1,8,7,5}, {6,5,11,7,5,4,4})': [SUMX2PY2_PAGE, `added from the page; ${TRANSLATED}`],
  'LCM|=LCM(5, 2)': [LCM_PAGE, TRANSLATED],
  'LCM|=LCM(24, 36)': [LCM_PAGE, TRANSLATED],
  'COMBIN|=COMBIN(8,2)': ['https://support.microsoft.com/zh-TW/Excel/combin-function', TRANSLATED],
  'SUMSQ|=SUMSQ(3, 4)': ['https://support.microsoft.com/zh-TW/excel/functions/sumsq-function', TRANSLATED],
  'SIGN|=SIGN(10)': [SIGN_PAGE],
  'SIGN|=SIGN(4-4)': [SIGN_PAGE],
  'SIGN|=SIGN(-0.00001)': [SIGN_PAGE],
  'FACTDOUBLE|=FACTDOUBLE(6)': [FACTDOUBLE_PAGE],
  'FACTDOUBLE|=FACTDOUBLE(7)': [FACTDOUBLE_PAGE],
  'RADIANS|=RADIANS(270)': ['https://support.microsoft.com/zh-TW/Excel/radians-function', TRANSLATED],
  'MULTINOMIAL|=MULTINOMIAL(2, 3, 4)': ['https://support.microsoft.com/zh-CN/Excel/functions/multinomial-function'],
  'SQRTPI|=SQRTPI(1)': [SQRTPI_PAGE],
  'SQRTPI|=SQRTPI(2)': [SQRTPI_PAGE],
  'COMBINA|=COMBINA(4,3)': [COMBINA_PAGE, TRANSLATED],
  'COMBINA|=COMBINA(10,3)': [COMBINA_PAGE, TRANSLATED],
  'DECIMAL|=DECIMAL("FF",16)': [DECIMAL_PAGE, TRANSLATED],
  'DECIMAL|=DECIMAL(111,2)': [DECIMAL_PAGE, TRANSLATED],
  'DECIMAL|=DECIMAL("zap",36)': [DECIMAL_PAGE, TRANSLATED],
  'BASE|=BASE(7,2)': [BASE_PAGE, TRANSLATED],
  'BASE|=BASE(100,16)': [BASE_PAGE, TRANSLATED],
  'BASE|=BASE(15,2,10)': [BASE_PAGE, TRANSLATED],
  'CEILING.MATH|=CEILING.MATH(24.3,5)': [CEILING_MATH_PAGE, TRANSLATED],
  'CEILING.MATH|=CEILING.MATH(6.7)': [CEILING_MATH_PAGE, TRANSLATED],
  'CEILING.MATH|=CEILING.MATH(-8.1,2)': [CEILING_MATH_PAGE, TRANSLATED],
  'CEILING.MATH|=CEILING.MATH(-5.5,2,-1)': [CEILING_MATH_PAGE, TRANSLATED],
  'ROUND|=ROUND(2.15, 1)': [ROUND_PAGE, TRANSLATED],
  'ROUND|=ROUND(2.149, 1)': [ROUND_PAGE, TRANSLATED],
  'ROUND|=ROUND(-1.475, 2)': [ROUND_PAGE, TRANSLATED],
  'ROUND|=ROUND(21.5, -1)': [ROUND_PAGE, TRANSLATED],
  'ROUND|=ROUND(626.3,-3)': [ROUND_PAGE, TRANSLATED],
  'ROUND|=ROUND(1.98,-1)': [ROUND_PAGE, TRANSLATED],
  'ROUND|=ROUND(-50.55,-2)': [ROUND_PAGE, TRANSLATED],
  'CEILING.PRECISE|=CEILING.PRECISE(4.3)': [CEILING_PRECISE_PAGE, TRANSLATED],
  'CEILING.PRECISE|=CEILING.PRECISE(-4.3)': [CEILING_PRECISE_PAGE, TRANSLATED],
  'CEILING.PRECISE|=CEILING.PRECISE(4.3, 2)': [CEILING_PRECISE_PAGE, TRANSLATED],
  'CEILING.PRECISE|=CEILING.PRECISE(4.3,-2)': [CEILING_PRECISE_PAGE, TRANSLATED],
  'CEILING.PRECISE|=CEILING.PRECISE(-4.3,2)': [CEILING_PRECISE_PAGE, TRANSLATED],
  'CEILING.PRECISE|=CEILING.PRECISE(-4.3,-2)': [CEILING_PRECISE_PAGE, TRANSLATED],
  'ISO.CEILING|=ISO.CEILING(4.3)': [ISO_CEILING_PAGE, TRANSLATED],
  'ISO.CEILING|=ISO.CEILING(-4.3)': [ISO_CEILING_PAGE, TRANSLATED],
  'ISO.CEILING|=ISO.CEILING(4.3, 2)': [ISO_CEILING_PAGE, TRANSLATED],
  'ISO.CEILING|=ISO.CEILING(4.3,-2)': [ISO_CEILING_PAGE, TRANSLATED],
  'ISO.CEILING|=ISO.CEILING(-4.3,2)': [ISO_CEILING_PAGE, TRANSLATED],
  'ISO.CEILING|=ISO.CEILING(-4.3,-2)': [ISO_CEILING_PAGE, TRANSLATED],
  'FLOOR|=FLOOR(2.5,-2)': [FLOOR_ZH_PAGE, TRANSLATED],
  'FLOOR|=FLOOR(1.58,0.1)': [FLOOR_ZH_PAGE, TRANSLATED],
  'FLOOR|=FLOOR(0.234,0.01)': [FLOOR_ZH_PAGE, TRANSLATED],
  'FLOOR.PRECISE|=FLOOR.PRECISE(3.2)': [FLOOR_PRECISE_ZH_PAGE, TRANSLATED],
  'LN|=LN(86)': [LN_PAGE],
  'LN|=LN(2.7182818)': [LN_PAGE],
  'LN|=LN(EXP(3))': [LN_PAGE],
  'LOG|=LOG(10)': [LOG_PAGE],
  'LOG|=LOG(8, 2)': [LOG_PAGE],
  'LOG|=LOG(86, 2.7182818)': [LOG_PAGE],
  'EXP|=EXP(1)': [EXP_PAGE],
  'EXP|=EXP(2)': [EXP_PAGE],
  'ATAN2|=ATAN2(1, 1)': [ATAN2_PAGE, TRANSLATED],
  'ATAN2|=ATAN2(-1, -1)': [ATAN2_PAGE, TRANSLATED],
  'ATAN2|=ATAN2(-1, -1)*180/PI()': [ATAN2_PAGE, TRANSLATED],
  'ATAN2|=DEGREES(ATAN2(-1, -1))': [ATAN2_PAGE, TRANSLATED],
  'ATAN|=ATAN(1)': [ATAN_PAGE],
  'ATAN|=ATAN(1)*180/PI()': [ATAN_PAGE],
  'ATAN|=DEGREES(ATAN(1))': [ATAN_PAGE],
  'ROMAN|=ROMAN(499,0)': [ROMAN_PAGE, TRANSLATED],
  'ROMAN|=ROMAN(499,1)': [ROMAN_PAGE, TRANSLATED],
  'ROMAN|=ROMAN(499,2)': [ROMAN_PAGE, TRANSLATED],
  'ROMAN|=ROMAN(499,3)': [ROMAN_PAGE, TRANSLATED],
  'ROMAN|=ROMAN(499,4)': [ROMAN_PAGE, TRANSLATED],
  'SIN|=SIN(PI())': [SIN_PAGE, `added from the page, which shows 0.0 (0, approximately)`],
  'SIN|=SIN(PI()/2)': [SIN_PAGE],
  'SIN|=SIN(30*PI()/180)': [SIN_PAGE],
  'SIN|=SIN(RADIANS(30))': [SIN_PAGE],
  'COS|=COS(1.047)': [COS_PAGE, TRANSLATED],
  'COS|=COS(60*PI()/180)': [COS_PAGE, TRANSLATED],
  'COS|=COS(RADIANS(60))': [COS_PAGE, TRANSLATED],
  'TAN|=TAN(0.785)': [TAN_PAGE, `corrected to the page's result 0.99920 (5 decimals), not 0.99920399`],
  'TAN|=TAN(45*PI()/180)': [TAN_PAGE],
  'TAN|=TAN(RADIANS(45))': [TAN_PAGE],
  'ASIN|=ASIN(-0.5)': [ASIN_PAGE],
  'ASIN|=ASIN(-0.5)*180/PI()': [ASIN_PAGE],
  'ASIN|=DEGREES(ASIN(-0.5))': [ASIN_PAGE],
  'ACOS|=ACOS(-0.5)': [ACOS_PAGE],
  'ACOS|=ACOS(-0.5)*180/PI()': [ACOS_PAGE],
  'ACOS|=DEGREES(ACOS(-0.5))': [ACOS_PAGE],
  'TANH|=TANH(-2)': [TANH_PAGE, `corrected to the page's result column, -0.964028 (6 decimals)`],
  'TANH|=TANH(0)': [TANH_PAGE],
  'TANH|=TANH(0.5)': [TANH_PAGE, `corrected to the page's result column, 0.462117 (6 decimals)`],
  'COSH|=COSH(4)': [COSH_PAGE, `corrected to the page's result 27.308233 (6 decimals)`],
  'COSH|=COSH(EXP(1))': [COSH_PAGE, `corrected to the page's result 7.6101251 (7 decimals)`],
  'ASINH|=ASINH(-2.5)': [ASINH_PAGE],
  'ASINH|=ASINH(10)': [ASINH_PAGE],
  'PI|=PI()': [PI_PAGE, "corrected to the page's result 3.141592654 (9 decimals), not 3.14159265358979"],
  'PI|=PI()/2': [PI_PAGE],
  'PI|=PI()*(A3^2)': [PI_PAGE, 'corrected to the page\'s table: "Data" in A1 and "Radius" in A2 above the 3 in A3'],
  'ATANH|=ATANH(0.76159416)': [ATANH_PAGE],
  'ATANH|=ATANH(-0.1)': [ATANH_PAGE],
  'ACOSH|=ACOSH(1)': [ACOSH_PAGE, TRANSLATED],
  'ACOSH|=ACOSH(10)': [ACOSH_PAGE, TRANSLATED],
  'MDETERM|=MDETERM(A2:D5)': [MDETERM_PAGE, `corrected to the page's table: a "Data" heading over each column in A1:D1; ${TRANSLATED}`],
  'MDETERM|=MDETERM({3,6,1;1,1,0;3,10,2})': [MDETERM_PAGE, TRANSLATED],
  'MDETERM|=MDETERM({3,6;1,1})': [MDETERM_PAGE, TRANSLATED],
  'MDETERM|=MDETERM({1,3,8,5;1,3,6,1})': [MDETERM_PAGE, TRANSLATED],
  'ARABIC|=ARABIC("LVII")': [ARABIC_PAGE, `the page types it into A1 of a new workbook and gives 57; ${TRANSLATED}`],
  'ARABIC|=ARABIC(B1)': [ARABIC_PAGE, `corrected to the page: =ARABIC(B1) in A2 with mcmxii in B1 (not =ARABIC(A2)); ${TRANSLATED}`],
  'SERIESSUM|=SERIESSUM(A3,0,2,A4:A7)': [
    SERIESSUM_PAGE,
    "corrected to the page's table: the coefficients as numbers in A3:A7 (0.785398163, 1, -0.5, 0.041666667, -0.001388889) and as formulas in B3:B7, headings above; the table read in its zh-CN translation",
  ],
  'COT|=COT(30)': [COT_PAGE],
  'COT|=COT(A5)': [COT_PAGE, 'corrected to the page: =COT(A5) over the 45 it reads from A5 (not A2)'],
  'DEGREES|=DEGREES(PI())': [DEGREES_PAGE],
  'SINH|=2.868*SINH(0.0342*1.03)': [SINH_PAGE, TRANSLATED],
  'ACOTH|=ACOTH(6)': [ACOTH_PAGE],
  'CSCH|=CSCH(1.5)': [CSCH_PAGE],
  'ACOT|=ACOT(2)': [ACOT_PAGE],
  'SEC|=SEC(45)': [SEC_PAGE, TRANSLATED],
  'SEC|=SEC(30)': [SEC_PAGE, `added from the page; ${TRANSLATED}`],
  'SECH|=SECH(45)': [SECH_PAGE],
  'SECH|=SECH(30)': [SECH_PAGE, 'added from the page, which shows 1.87E-13'],
  'COTH|=COTH(2)': [COTH_PAGE, TRANSLATED],
  'CSC|=CSC(15)': [CSC_PAGE, TRANSLATED],
  'RANDARRAY|=ROWS(RANDARRAY(5,3))': [RANDARRAY_PAGE, `${RANDARRAY_PROPERTY}: RANDARRAY(5,3) is 5 rows tall`],
  'RANDARRAY|=COLUMNS(RANDARRAY(5,3))': [RANDARRAY_PAGE, `${RANDARRAY_PROPERTY}: RANDARRAY(5,3) is 3 columns wide`],
  'RANDARRAY|=AND(MIN(RANDARRAY(5,3))>=0,MAX(RANDARRAY(5,3))<=1)': [
    RANDARRAY_PAGE,
    `${RANDARRAY_PROPERTY}: by default values between 0 and 1`,
  ],
  'RANDARRAY|=AND(MIN(RANDARRAY(5,3,1,100))>=1,MAX(RANDARRAY(5,3,1,100))<=100)': [
    RANDARRAY_PAGE,
    `${RANDARRAY_PROPERTY}: RANDARRAY(5,3,1,100) gives decimal values between 1 and 100`,
  ],
  'RANDARRAY|=AND(MIN(RANDARRAY(5,3,1,100,TRUE))>=1,MAX(RANDARRAY(5,3,1,100,TRUE))<=100,SUMPRODUCT(MOD(RANDARRAY(5,3,1,100,TRUE),1))=0)': [
    RANDARRAY_PAGE,
    `${RANDARRAY_PROPERTY}: RANDARRAY(5,3,1,100,TRUE) gives whole numbers between 1 and 100`,
  ],
  'RANDARRAY|=AND(ROWS(RANDARRAY())=1,COLUMNS(RANDARRAY())=1)': [
    RANDARRAY_PAGE,
    `${RANDARRAY_PROPERTY}: without rows or columns it returns a single value`,
  ],
  'RANDARRAY|=RANDARRAY(5,3,100,1)': [RANDARRAY_PAGE, `${RANDARRAY_PROPERTY}: a min above the max is #VALUE!`],
  'SUMIF|=SUMIF(A2:A5,">160000",B2:B5)': [SUMIF_PAGE, SUMIF_TIMES_TEN],
  'SUMIF|=SUMIF(A2:A5,">160000")': [SUMIF_PAGE, SUMIF_TIMES_TEN],
  'SUM|=SUM(3, 2)': [SUM_SHAREPOINT_PAGE, SUM_SHAREPOINT],
  'SUM|=SUM("5", 15, TRUE)': [SUM_SHAREPOINT_PAGE, SUM_SHAREPOINT],
  'SUM|=SUM(A2:A4)': [SUM_SHAREPOINT_PAGE, SUM_SHAREPOINT],
  'SUM|=SUM(A2:A4, 15)': [SUM_SHAREPOINT_PAGE, SUM_SHAREPOINT],
  'CEILING|=CEILING(2.5, 1)': [CEILING_SHAREPOINT_PAGE, CEILING_SHAREPOINT],
  'CEILING|=CEILING(-2.5, -2)': [CEILING_SHAREPOINT_PAGE, CEILING_SHAREPOINT],
  'CEILING|=CEILING(-2.5, 2)': [CEILING_EXCEL_PAGE, CEILING_NEGATIVE],
  'CEILING|=CEILING(1.5, 0.1)': [CEILING_SHAREPOINT_PAGE, CEILING_SHAREPOINT],
  'CEILING|=CEILING(0.234, 0.01)': [CEILING_SHAREPOINT_PAGE, CEILING_SHAREPOINT],
};

export const examples: DocumentedExample[] = markVerified(
  [
    ...plain([
      ['SUM', '=SUM(3, 2)', 5],
      ['SUM', '=SUM("5", 15, TRUE)', 21],
    ]),
    ...over('SUM', SUM_DATA, [
      ['=SUM(A2:A4)', 40],
      ['=SUM(A2:A4, 15)', 55],
      ['=SUM(A5,A6, 2)', 2],
    ]),
    ...plain([
      ['ROUND', '=ROUND(2.15, 1)', 2.2],
      ['ROUND', '=ROUND(2.149, 1)', 2.1],
      ['ROUND', '=ROUND(-1.475, 2)', -1.48],
      ['ROUND', '=ROUND(21.5, -1)', 20],
      ['ROUND', '=ROUND(626.3,-3)', 1000],
      ['ROUND', '=ROUND(1.98,-1)', 0],
      ['ROUND', '=ROUND(-50.55,-2)', -100],
      ['ROUNDUP', '=ROUNDUP(3.2,0)', 4],
      ['ROUNDUP', '=ROUNDUP(76.9,0)', 77],
      ['ROUNDUP', '=ROUNDUP(3.14159, 3)', 3.142],
      ['ROUNDUP', '=ROUNDUP(-3.14159, 1)', -3.2],
      ['ROUNDUP', '=ROUNDUP(31415.92654, -2)', 31500],
      ['ROUNDDOWN', '=ROUNDDOWN(3.2, 0)', 3],
      ['ROUNDDOWN', '=ROUNDDOWN(76.9,0)', 76],
      ['ROUNDDOWN', '=ROUNDDOWN(3.14159, 3)', 3.141],
      ['ROUNDDOWN', '=ROUNDDOWN(-3.14159, 1)', -3.1],
      ['ROUNDDOWN', '=ROUNDDOWN(31415.92654, -2)', 31400],
    ]),
    ...over('SUMIF', COMMISSIONS, [
      ['=SUMIF(A2:A5,">160000",B2:B5)', 63000],
      ['=SUMIF(A2:A5,">160000")', 900000],
      ['=SUMIF(A2:A5,300000,B2:B5)', 21000],
      ['=SUMIF(A2:A5,">" & C2,B2:B5)', 49000],
    ]),
    ...over('SUMIF', FOOD, [
      ['=SUMIF(A2:A7,"Fruits",C2:C7)', 2000],
      ['=SUMIF(A2:A7,"Vegetables",C2:C7)', 12000],
      ['=SUMIF(B2:B7,"*es",C2:C7)', 4300],
      ['=SUMIF(A2:A7,"",C2:C7)', 400],
    ]),
    ...over('SUMIFS', QUANTITIES, [
      ['=SUMIFS(A2:A9, B2:B9, "=A*", C2:C9, "Tom")', 20],
      ['=SUMIFS(A2:A9, B2:B9, "<>Bananas", C2:C9, "Tom")', 30],
    ]),
    ...over('SUMPRODUCT', { A2: 3, B2: 4, A3: 8, B3: 6, A4: 1, B4: 9, D2: 2, E2: 7, D3: 6, E3: 7, D4: 5, E4: 3 }, [
      ['=SUMPRODUCT(A2:B4, D2:E4)', 156],
    ]),
    ...over('ABS', { A2: -4 }, [
      ['=ABS(2)', 2],
      ['=ABS(-2)', 2],
      ['=ABS(A2)', 4],
    ]),
    ...plain([
      ['INT', '=INT(8.9)', 8],
      ['INT', '=INT(-8.9)', -9],
    ]),
    ...over('INT', { A2: 19.5 }, [['=A2-INT(A2)', 0.5]]),
    ...plain([
      ['MOD', '=MOD(3, 2)', 1],
      ['MOD', '=MOD(-3, 2)', 1],
      ['MOD', '=MOD(3, -2)', -1],
      ['MOD', '=MOD(-3, -2)', -1],
      ['POWER', '=POWER(5,2)', 25],
      ['POWER', '=POWER(98.6,3.2)', 2401077.222, 3],
      ['POWER', '=POWER(4,5/4)', 5.656854249, 9],
    ]),
    ...over('SQRT', { A2: -16 }, [
      ['=SQRT(16)', 4],
      ['=SQRT(A2)', NUM],
      ['=SQRT(ABS(A2))', 4],
    ]),
    ...over('PRODUCT', column([5, 15, 30]), [
      ['=PRODUCT(A2:A4)', 2250],
      ['=PRODUCT(A2:A4, 2)', 4500],
    ]),
    ...plain([
      ['TRUNC', '=TRUNC(8.9)', 8],
      ['TRUNC', '=TRUNC(-8.9)', -8],
      ['TRUNC', '=TRUNC(0.45)', 0],
      ['CEILING', '=CEILING(2.5, 1)', 3],
      ['CEILING', '=CEILING(-2.5, -2)', -4],
      ['CEILING', '=CEILING(-2.5, 2)', -2],
      ['CEILING', '=CEILING(1.5, 0.1)', 1.5],
      ['CEILING', '=CEILING(0.234, 0.01)', 0.24],
      ['FLOOR', '=FLOOR(3.7,2)', 2],
      ['FLOOR', '=FLOOR(-2.5,-2)', -2],
      ['FLOOR', '=FLOOR(2.5,-2)', NUM],
      ['FLOOR', '=FLOOR(1.58,0.1)', 1.5],
      ['FLOOR', '=FLOOR(0.234,0.01)', 0.23],
      ['CEILING.MATH', '=CEILING.MATH(24.3,5)', 25],
      ['CEILING.MATH', '=CEILING.MATH(6.7)', 7],
      ['CEILING.MATH', '=CEILING.MATH(-8.1,2)', -8],
      ['CEILING.MATH', '=CEILING.MATH(-5.5,2,-1)', -6],
      ['FLOOR.MATH', '=FLOOR.MATH(24.3,5)', 20],
      ['FLOOR.MATH', '=FLOOR.MATH(6.7)', 6],
      ['FLOOR.MATH', '=FLOOR.MATH(-8.1,2)', -10],
      ['FLOOR.MATH', '=FLOOR.MATH(-5.5,2,-1)', -4],
      ['CEILING.PRECISE', '=CEILING.PRECISE(4.3)', 5],
      ['CEILING.PRECISE', '=CEILING.PRECISE(-4.3)', -4],
      ['CEILING.PRECISE', '=CEILING.PRECISE(4.3, 2)', 6],
      ['CEILING.PRECISE', '=CEILING.PRECISE(4.3,-2)', 6],
      ['CEILING.PRECISE', '=CEILING.PRECISE(-4.3,2)', -4],
      ['CEILING.PRECISE', '=CEILING.PRECISE(-4.3,-2)', -4],
      ['FLOOR.PRECISE', '=FLOOR.PRECISE(-3.2,-1)', -4],
      ['FLOOR.PRECISE', '=FLOOR.PRECISE(3.2, 1)', 3],
      ['FLOOR.PRECISE', '=FLOOR.PRECISE(-3.2, 1)', -4],
      ['FLOOR.PRECISE', '=FLOOR.PRECISE(3.2,-1)', 3],
      ['FLOOR.PRECISE', '=FLOOR.PRECISE(3.2)', 3],
      ['ISO.CEILING', '=ISO.CEILING(4.3)', 5],
      ['ISO.CEILING', '=ISO.CEILING(-4.3)', -4],
      ['ISO.CEILING', '=ISO.CEILING(4.3, 2)', 6],
      ['ISO.CEILING', '=ISO.CEILING(4.3,-2)', 6],
      ['ISO.CEILING', '=ISO.CEILING(-4.3,2)', -4],
      ['ISO.CEILING', '=ISO.CEILING(-4.3,-2)', -4],
      ['MROUND', '=MROUND(10, 3)', 9],
      ['MROUND', '=MROUND(-10, -3)', -9],
      ['MROUND', '=MROUND(1.3, 0.2)', 1.4],
      ['MROUND', '=MROUND(5, -2)', NUM],
      ['EVEN', '=EVEN(1.5)', 2],
      ['EVEN', '=EVEN(3)', 4],
      ['EVEN', '=EVEN(2)', 2],
      ['EVEN', '=EVEN(-1)', -2],
      ['ODD', '=ODD(1.5)', 3],
      ['ODD', '=ODD(3)', 3],
      ['ODD', '=ODD(2)', 3],
      ['ODD', '=ODD(-1)', -1],
      ['ODD', '=ODD(-2)', -3],
      ['SIGN', '=SIGN(10)', 1],
      ['SIGN', '=SIGN(4-4)', 0],
      ['SIGN', '=SIGN(-0.00001)', -1],
      ['PI', '=PI()', 3.141592654, 9],
      ['PI', '=PI()/2', 1.570796327, 9],
      ['EXP', '=EXP(1)', 2.71828183, 8],
      ['EXP', '=EXP(2)', 7.3890561, 7],
      ['LN', '=LN(86)', 4.4543473, 7],
      ['LN', '=LN(2.7182818)', 1, 7],
      ['LN', '=LN(EXP(3))', 3],
      ['LOG', '=LOG(10)', 1],
      ['LOG', '=LOG(8, 2)', 3],
      ['LOG', '=LOG(86, 2.7182818)', 4.4543473, 7],
      // The page shows LOG10(86) rounded to 1.9345 and writes 1E+5 out as 100000.
      ['LOG10', '=LOG10(86)', 1.9345, 4],
      ['LOG10', '=LOG10(10)', 1],
      ['LOG10', '=LOG10(100000)', 5],
      ['LOG10', '=LOG10(10^5)', 5],
      ['FACT', '=FACT(5)', 120],
      ['FACT', '=FACT(1.9)', 1],
      ['FACT', '=FACT(0)', 1],
      ['FACT', '=FACT(-1)', NUM],
      ['FACT', '=FACT(1)', 1],
      ['FACTDOUBLE', '=FACTDOUBLE(6)', 48],
      ['FACTDOUBLE', '=FACTDOUBLE(7)', 105],
      ['COMBIN', '=COMBIN(8,2)', 28],
      ['COMBINA', '=COMBINA(4,3)', 20],
      ['COMBINA', '=COMBINA(10,3)', 220],
      ['GCD', '=GCD(5, 2)', 1],
      ['GCD', '=GCD(24, 36)', 12],
      ['GCD', '=GCD(7, 1)', 1],
      ['GCD', '=GCD(5, 0)', 5],
      ['LCM', '=LCM(5, 2)', 10],
      ['LCM', '=LCM(24, 36)', 72],
      ['QUOTIENT', '=QUOTIENT(5, 2)', 2],
      ['QUOTIENT', '=QUOTIENT(4.5, 3.1)', 1],
      ['QUOTIENT', '=QUOTIENT(-10, 3)', -3],
      ['RADIANS', '=RADIANS(270)', 4.712389, 6],
      ['DEGREES', '=DEGREES(PI())', 180],
      ['SIN', '=SIN(PI())', 0, 1],
      ['SIN', '=SIN(PI()/2)', 1],
      ['SIN', '=SIN(30*PI()/180)', 0.5],
      ['SIN', '=SIN(RADIANS(30))', 0.5],
      ['COS', '=COS(1.047)', 0.5001711, 7],
      ['COS', '=COS(60*PI()/180)', 0.5],
      ['COS', '=COS(RADIANS(60))', 0.5],
      ['TAN', '=TAN(0.785)', 0.9992, 5],
      ['TAN', '=TAN(45*PI()/180)', 1],
      ['TAN', '=TAN(RADIANS(45))', 1],
      ['ASIN', '=ASIN(-0.5)', -0.523598776, 9],
      ['ASIN', '=ASIN(-0.5)*180/PI()', -30],
      ['ASIN', '=DEGREES(ASIN(-0.5))', -30],
      ['ACOS', '=ACOS(-0.5)', 2.094395102, 9],
      ['ACOS', '=ACOS(-0.5)*180/PI()', 120],
      ['ACOS', '=DEGREES(ACOS(-0.5))', 120],
      ['ATAN', '=ATAN(1)', 0.785398163, 9],
      ['ATAN', '=ATAN(1)*180/PI()', 45],
      ['ATAN', '=DEGREES(ATAN(1))', 45],
      ['ATAN2', '=ATAN2(1, 1)', 0.785398163, 9],
      ['ATAN2', '=ATAN2(-1, -1)', -2.35619449, 8],
      ['ATAN2', '=ATAN2(-1, -1)*180/PI()', -135],
      ['ATAN2', '=DEGREES(ATAN2(-1, -1))', -135],
      ['SINH', '=2.868*SINH(0.0342*1.03)', 0.1010491, 7],
      ['COSH', '=COSH(4)', 27.308233, 6],
      ['COSH', '=COSH(EXP(1))', 7.6101251, 7],
      ['TANH', '=TANH(-2)', -0.964028, 6],
      ['TANH', '=TANH(0)', 0],
      ['TANH', '=TANH(0.5)', 0.462117, 6],
      ['ASINH', '=ASINH(-2.5)', -1.647231146, 9],
      ['ASINH', '=ASINH(10)', 2.99822295, 8],
      ['ACOSH', '=ACOSH(1)', 0],
      ['ACOSH', '=ACOSH(10)', 2.9932228, 7],
      ['ATANH', '=ATANH(0.76159416)', 1.00000001, 8],
      ['ATANH', '=ATANH(-0.1)', -0.100335348, 9],
      ['ACOT', '=ACOT(2)', 0.4636, 4],
      ['ACOTH', '=ACOTH(6)', 0.168, 3],
      ['COT', '=COT(30)', -0.156, 3],
      ['COTH', '=COTH(2)', 1.037, 3],
      ['CSC', '=CSC(15)', 1.538, 3],
      ['CSCH', '=CSCH(1.5)', 0.4696, 4],
      ['SEC', '=SEC(45)', 1.90359, 5],
      ['SEC', '=SEC(30)', 6.48292, 5],
      ['SECH', '=SECH(45)', 5.73e-20, 22],
      ['SECH', '=SECH(30)', 1.87e-13, 15],
      ['ARABIC', '=ARABIC("LVII")', 57],
      ['ROMAN', '=ROMAN(499,0)', 'CDXCIX'],
      ['ROMAN', '=ROMAN(499,1)', 'LDVLIV'],
      ['ROMAN', '=ROMAN(499,2)', 'XDIX'],
      ['ROMAN', '=ROMAN(499,3)', 'VDIV'],
      ['ROMAN', '=ROMAN(499,4)', 'ID'],
      ['ROMAN', '=ROMAN(2013,0)', 'MMXIII'],
      ['BASE', '=BASE(7,2)', '111'],
      ['BASE', '=BASE(100,16)', '64'],
      ['BASE', '=BASE(15,2,10)', '0000001111'],
      ['DECIMAL', '=DECIMAL("FF",16)', 255],
      ['DECIMAL', '=DECIMAL(111,2)', 7],
      ['DECIMAL', '=DECIMAL("zap",36)', 45745],
      ['MULTINOMIAL', '=MULTINOMIAL(2, 3, 4)', 1260],
      ['SQRTPI', '=SQRTPI(1)', 1.772454, 6],
      ['SQRTPI', '=SQRTPI(2)', 2.506628, 6],
      ['SUMSQ', '=SUMSQ(3, 4)', 25],
      ['MDETERM', '=MDETERM({3,6,1;1,1,0;3,10,2})', 1],
      ['MDETERM', '=MDETERM({3,6;1,1})', -3],
      ['MDETERM', '=MDETERM({1,3,8,5;1,3,6,1})', VALUE],
    ]),
    // ARABIC's page types =ARABIC(B1) into A2 and the numeral mcmxii into B1.
    { fn: 'ARABIC', source: page('ARABIC'), data: { B1: 'mcmxii' }, formula: '=ARABIC(B1)', cell: 'A2', expected: 1912 },
    ...over('PI', { A1: 'Data', A2: 'Radius', A3: 3 }, [['=PI()*(A3^2)', 28.27433388, 8]]),
    ...over('COT', { A5: 45 }, [['=COT(A5)', 0.617, 3]]),
    ...over('SUMX2MY2', PAIRS, [['=SUMX2MY2(A2:A8,B2:B8)', -55]]),
    ...plain([['SUMX2MY2', '=SUMX2MY2({2, 3, 9, 1, 8, 7, 5}, {6, 5, 11, 7, 5, 4, 4})', -55]]),
    ...over('SUMX2PY2', PAIRS_WITH_HEADINGS, [['=SUMX2PY2(A3:A9,B3:B9)', 521]]),
    ...plain([['SUMX2PY2', '=SUMX2PY2({2,3,9,1,8,7,5}, {6,5,11,7,5,4,4})', 521]]),
    // SUMXMY2's page keeps a "Data" row and the headings above its pairs, so they sit in A3:B9.
    ...over('SUMXMY2', PAIRS_WITH_HEADINGS, [['=SUMXMY2(A3:A9,B3:B9)', 79]]),
    ...plain([['SUMXMY2', '=SUMXMY2({2, 3, 9, 1, 8, 7, 5}, {6, 5, 11, 7, 5, 4, 4})', 79]]),
    ...over('SUBTOTAL', column([120, 10, 150, 23]), [
      ['=SUBTOTAL(9,A2:A5)', 303],
      ['=SUBTOTAL(1,A2:A5)', 75.75],
    ]),
    ...over('AGGREGATE', AGGREGATE_DATA, [
      ['=AGGREGATE(4, 6, A1:A11)', 96],
      ['=AGGREGATE(14, 6, A1:A11, 3)', 72],
      ['=AGGREGATE(15, 6, A1:A11)', VALUE],
      ['=AGGREGATE(12, 6, A1:A11, B1:B11)', 68],
    ]),
    ...over(
      'MDETERM',
      {
        ...{ A1: 'Data', B1: 'Data', C1: 'Data', D1: 'Data' },
        ...{ A2: 1, B2: 3, C2: 8, D2: 5, A3: 1, B3: 3, C3: 6, D3: 1, A4: 1, B4: 1, C4: 1, D4: 0, A5: 7, B5: 3, C5: 10, D5: 2 },
      },
      [['=MDETERM(A2:D5)', 88]],
    ),
    {
      fn: 'MINVERSE',
      source: page('MINVERSE'),
      data: { A2: 4, B2: -1, A3: 2, B3: 0 },
      formula: '=MINVERSE(A2:B3)',
      cell: 'A5',
      expected: [
        [0, 0.5],
        [-1, 2],
      ],
    },
    {
      fn: 'MINVERSE',
      source: page('MINVERSE'),
      data: { A2: 1, B2: 2, C2: 1, A3: 3, B3: 4, C3: -1, A4: 0, B4: 2, C4: 0 },
      formula: '=MINVERSE(A2:C4)',
      cell: 'A6',
      expected: [
        [0.25, 0.25, -0.75],
        [0, 0, 0.5],
        [0.75, -0.25, -0.25],
      ],
    },
    {
      fn: 'MMULT',
      source: page('MMULT'),
      data: { A1: 'Array 1', A2: 1, B2: 3, A3: 7, B3: 2, A4: 'Array 2', A5: 2, B5: 0, A6: 0, B6: 2 },
      formula: '=MMULT(A2:B3,A5:B6)',
      cell: 'A8',
      expected: [
        [2, 6],
        [14, 4],
      ],
    },
    {
      fn: 'MUNIT',
      source: page('MUNIT'),
      formula: '=MUNIT(3)',
      expected: [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
    },
    {
      fn: 'SERIESSUM',
      source: page('SERIESSUM'),
      // The page's table: the coefficients as numbers in column A, the same as formulas in column B.
      data: {
        A1: 'Data',
        A2: 'Coefficients as numbers',
        B2: 'Coefficients as formulae',
        ...column([0.785398163, 1, -0.5, 0.041666667, -0.001388889], 'A', 3),
        ...column(['=PI()/4', 1, '=-1/FACT(2)', '=1/FACT(4)', '=-1/FACT(6)'], 'B', 3),
      },
      cell: 'A9',
      formula: '=SERIESSUM(A3,0,2,A4:A7)',
      expected: 0.707103,
      decimals: 6,
      note: 'an approximation of COS(PI()/4) by the first terms of its power series',
    },
    {
      fn: 'RAND',
      source: page('RAND'),
      formula: '=AND(RAND()>=0,RAND()<1)',
      expected: true,
      note: 'the page documents a random real number greater than or equal to 0 and less than 1; a random value has no fixed result to compare',
    },
    // RANDARRAY's page shows its examples as pictures of random numbers; what it documents in
    // words (the shape, the bounds, whole numbers, #VALUE! when min exceeds max) is checked instead.
    ...plain([
      ['RANDARRAY', '=ROWS(RANDARRAY(5,3))', 5],
      ['RANDARRAY', '=COLUMNS(RANDARRAY(5,3))', 3],
      ['RANDARRAY', '=AND(MIN(RANDARRAY(5,3))>=0,MAX(RANDARRAY(5,3))<=1)', true],
      ['RANDARRAY', '=AND(MIN(RANDARRAY(5,3,1,100))>=1,MAX(RANDARRAY(5,3,1,100))<=100)', true],
      [
        'RANDARRAY',
        '=AND(MIN(RANDARRAY(5,3,1,100,TRUE))>=1,MAX(RANDARRAY(5,3,1,100,TRUE))<=100,SUMPRODUCT(MOD(RANDARRAY(5,3,1,100,TRUE),1))=0)',
        true,
      ],
      ['RANDARRAY', '=AND(ROWS(RANDARRAY())=1,COLUMNS(RANDARRAY())=1)', true],
      ['RANDARRAY', '=RANDARRAY(5,3,100,1)', VALUE],
    ]),
    {
      fn: 'RANDBETWEEN',
      source: page('RANDBETWEEN'),
      formula: '=AND(RANDBETWEEN(1,100)>=1,RANDBETWEEN(1,100)<=100,MOD(RANDBETWEEN(1,100),1)=0)',
      expected: true,
      note: 'the page documents a random whole number between 1 and 100; checked as such',
    },
  ],
  VERIFIED,
);

/** Math and trigonometry functions Tickmark does not implement, with the reason. */
export const notImplemented: Record<string, string> = {};
