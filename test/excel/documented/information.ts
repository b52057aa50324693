/**
 * Documented examples of Excel's Information functions, from Microsoft's function reference
 * (support.microsoft.com), each with the result the page gives. Where a page's result
 * depends on the workbook or the machine (SHEET, SHEETS, INFO("numfile")), the example checks
 * the relation the page documents instead, and says so in its note.
 */
import { serial, type DocumentedExample } from './example.js';
import { markVerified } from './math.js';
import { page } from './page.js';

const IS_FUNCTIONS = 'https://support.microsoft.com/en-us/office/is-functions-0f2d7971-6019-40a0-a171-f2d869135665';

/** The IS functions page's second example table: A2:A6. */
const IS_DATA = { A1: 'Data', A2: 'Gold', A3: 'Region1', A4: '#REF!', A5: 330.92, A6: '#N/A' };
const N_DATA = { A1: 'Data', A2: 7, A3: 'Even', A4: true, A5: serial(2011, 4, 17) };
const ERROR_TYPE_DATA = { A1: 'Data', A2: '#NULL!', A3: '#DIV/0!' };
const CELL_DATA = { A1: 'Data', A2: 75, A3: 'Hello, world!' };
const ISFORMULA_DATA = { A1: 'Formula', A2: '=TODAY()', A3: 7, A4: 'Hello, world!', A5: '=3/0' };

const is = (fn: string, formula: string, expected: boolean, data?: Record<string, string | number | boolean>) =>
  ({ fn, source: IS_FUNCTIONS, formula, expected, ...(data ? { data } : {}) }) satisfies DocumentedExample;
const example = (fn: string, formula: string, expected: DocumentedExample['expected'], more: Partial<DocumentedExample> = {}) =>
  ({ fn, source: page(fn), formula, expected, ...more }) satisfies DocumentedExample;

const EXAMPLES: DocumentedExample[] = [
  is('ISLOGICAL', '=ISLOGICAL(TRUE)', true),
  is('ISLOGICAL', '=ISLOGICAL("TRUE")', false),
  is('ISNUMBER', '=ISNUMBER(4)', true),
  is('ISREF', '=ISREF(G8)', true),
  is('ISREF', '=ISREF(XYZ1)', false),
  is('ISBLANK', '=ISBLANK(A2)', false, IS_DATA),
  is('ISERROR', '=ISERROR(A4)', true, IS_DATA),
  is('ISNA', '=ISNA(A4)', false, IS_DATA),
  is('ISNA', '=ISNA(A6)', true, IS_DATA),
  is('ISERR', '=ISERR(A6)', false, IS_DATA),
  is('ISNUMBER', '=ISNUMBER(A5)', true, IS_DATA),
  is('ISTEXT', '=ISTEXT(A3)', true, IS_DATA),
  {
    ...is('ISNONTEXT', '=ISNONTEXT(A5)', true, IS_DATA),
    note: 'The page gives no ISNONTEXT example; its table: TRUE for any item that is not text (330.92).',
  },
  { ...is('ISNONTEXT', '=ISNONTEXT(A3)', false, IS_DATA), note: 'From the page\'s table: "Region1" is text.' },
  { ...is('ISBLANK', '=ISBLANK(B2)', true, IS_DATA), note: "From the page's table: TRUE when value refers to an empty cell." },
  example('ISEVEN', '=ISEVEN(-1)', false),
  example('ISEVEN', '=ISEVEN(2.5)', true),
  example('ISEVEN', '=ISEVEN(5)', false),
  example('ISEVEN', '=ISEVEN(0)', true),
  example('ISEVEN', '=ISEVEN(A6)', true, { data: { A1: 'Data', A6: serial(2011, 12, 23) }, cell: 'A8' }),
  example('ISODD', '=ISODD(-1)', true),
  example('ISODD', '=ISODD(2.5)', false),
  example('ISODD', '=ISODD(5)', true),
  example('ISFORMULA', '=ISFORMULA(A2)', true, { data: ISFORMULA_DATA, cell: 'B2' }),
  example('ISFORMULA', '=ISFORMULA(A3)', false, { data: ISFORMULA_DATA, cell: 'B3' }),
  example('ISFORMULA', '=ISFORMULA(A4)', false, { data: ISFORMULA_DATA, cell: 'B4' }),
  example('ISFORMULA', '=ISFORMULA(A5)', true, { data: ISFORMULA_DATA, cell: 'B5' }),
  example('N', '=N(A2)', 7, { data: N_DATA }),
  example('N', '=N(A3)', 0, { data: N_DATA }),
  example('N', '=N(A4)', 1, { data: N_DATA }),
  example('N', '=N(A5)', 40650, { data: N_DATA }),
  example('N', '=N("7")', 0, { data: N_DATA }),
  example('NA', '=NA()', { error: '#N/A' }),
  example('ERROR.TYPE', '=ERROR.TYPE(A2)', 1, { data: ERROR_TYPE_DATA }),
  example(
    'ERROR.TYPE',
    '=IF(ERROR.TYPE(A3)<3,CHOOSE(ERROR.TYPE(A3),"Ranges do not intersect","The divisor is zero"))',
    'The divisor is zero',
    {
      data: ERROR_TYPE_DATA,
    },
  ),
  example(
    'ERROR.TYPE',
    '=ERROR.TYPE(A4)',
    { error: '#N/A' },
    {
      data: { ...ERROR_TYPE_DATA, A4: 5 },
      note: "From the page's table: a value that is not an error gives #N/A.",
    },
  ),
  example('TYPE', '=TYPE(A2)', 2, { data: { A1: 'Data', A2: 'Smith' } }),
  example('TYPE', '=TYPE("Mr. "&A2)', 2, { data: { A1: 'Data', A2: 'Smith' } }),
  example('TYPE', '=TYPE(2+A2)', 16, { data: { A1: 'Data', A2: 'Smith' } }),
  example(
    'TYPE',
    '=(2+A2)',
    { error: '#VALUE!' },
    {
      data: { A1: 'Data', A2: 'Smith' },
      note: "The page's row showing the error whose type =TYPE(2+A2) gives.",
    },
  ),
  example('TYPE', '=TYPE({1,2;3,4})', 64, { data: { A1: 'Data', A2: 'Smith' } }),
  example('TYPE', '=TYPE(TRUE)', 4, { note: "From the page's table: a logical value is 4." }),
  example('TYPE', '=TYPE(12)', 1, { note: "From the page's table: a number is 1." }),
  example('CELL', '=CELL("row",A20)', 20, { data: CELL_DATA }),
  example('CELL', '=CELL("contents",A3)', 'Hello, world!', { data: CELL_DATA }),
  example('CELL', '=CELL("type",A2)', 'v', { data: CELL_DATA }),
  example('CELL', '=CELL("address",A3)', '$A$3', {
    data: CELL_DATA,
    note: "From the page's info_type table: the reference's first cell as text.",
  }),
  example('CELL', '=CELL("col",C7)', 3, { data: CELL_DATA, note: "From the page's info_type table: the column number." }),
  example('INFO', '=INFO("recalc")', 'Automatic'),
  example('INFO', '=INFO("system")', 'pcdos', { note: 'The page: "pcdos" for Windows, "mac" for the Macintosh.' }),
  example('INFO', '=INFO("numfile")=SHEETS()', true, {
    note: 'The page: "numfile" is the number of active worksheets in the open workbooks (here one workbook).',
  }),
  example('SHEET', '=SHEET()=SHEET(A1)', true, {
    note: 'The page: with no value, SHEET gives the sheet that holds the function; a reference gives its own sheet.',
  }),
  example('SHEETS', '=SHEETS(A1:B5)', 1, { note: 'The page: a reference to one sheet spans 1 sheet.' }),
];

const ms = (locale: string, path: string) => `https://support.microsoft.com/${locale}/${path}`;
const IS_PAGE = ms('zh-CN', 'excel/functions/is-functions');
const ISEVEN_PAGE = ms('en-us', 'Excel/functions/iseven-function');
const ISODD_PAGE = ms('en-us', 'Excel/functions/isodd-function');
const ISFORMULA_PAGE = ms('en-US', 'excel/functions/isformula-function');
const N_PAGE = ms('zh-CN', 'excel/functions/n-function');
const NA_PAGE = ms('zh-CN', 'Excel/functions/na-function');
const ERROR_TYPE_PAGE = ms('en-us', 'excel/error-type-function');
const TYPE_PAGE = ms('ko-kr', 'Excel/type-function');
const INFO_PAGE = ms('en-us', 'excel/info-function');
/** The Excel page's second table was cut from the stored copy; Microsoft's SharePoint copy of the same page has it. */
const IS_SHAREPOINT_PAGE = 'https://support.microsoft.com/zh-cn/sharepoint/libraries/is-functions';
const IS_SHAREPOINT_ROW =
  'read in the SharePoint copy of the IS functions page (zh-CN), whose example set 2 tests the same values (Gold, #REF!, #N/A, 330.92, Region1) in a Col1 column with the same results';
const ISFORMULA_ROW = 'the page lists the tested cell contents in its formula column';

const CELL_COPY =
  'https://github.com/anandabayuf/managementtoolsproject1/blob/78933aed1dc07e9df81ec3b920531ad6d1a3566d/fungsi-informasi/fungsi-cell.md';
const CELL_ROW =
  'read in an Indonesian translation of Microsoft\'s CELL page (its data 75 and "Halo, dunia!", Hello, world!, in A2:A3, and these results; the page\'s own stored copy was cut off)';
/** The entries whose data, formula and result were compared with the page's text (see markVerified). */
const VERIFIED: Record<string, [url: string, detail?: string]> = {
  'CELL|=CELL("row",A20)': [CELL_COPY, CELL_ROW],
  'CELL|=CELL("contents",A3)': [CELL_COPY, `${CELL_ROW}; the copy spells the info_type "content"`],
  'CELL|=CELL("type",A2)': [CELL_COPY, CELL_ROW],
  'CELL|=CELL("col",C7)': [CELL_COPY, 'the info_type table of the same copy: "col" is the column number of the cell in the reference'],
  'ISLOGICAL|=ISLOGICAL(TRUE)': [IS_PAGE],
  'ISLOGICAL|=ISLOGICAL("TRUE")': [IS_PAGE],
  'ISNUMBER|=ISNUMBER(4)': [IS_PAGE],
  'ISREF|=ISREF(G8)': [IS_PAGE],
  'ISREF|=ISREF(XYZ1)': [IS_PAGE],
  'ISEVEN|=ISEVEN(-1)': [ISEVEN_PAGE],
  'ISEVEN|=ISEVEN(2.5)': [ISEVEN_PAGE],
  'ISEVEN|=ISEVEN(5)': [ISEVEN_PAGE],
  'ISEVEN|=ISEVEN(0)': [ISEVEN_PAGE],
  'ISEVEN|=ISEVEN(A6)': [ISEVEN_PAGE, 'the page shows the date 12/23/2011 (40900) that its last row tests in A6'],
  'ISODD|=ISODD(-1)': [ISODD_PAGE],
  'ISODD|=ISODD(2.5)': [ISODD_PAGE],
  'ISODD|=ISODD(5)': [ISODD_PAGE],
  'ISFORMULA|=ISFORMULA(A2)': [ISFORMULA_PAGE, ISFORMULA_ROW],
  'ISFORMULA|=ISFORMULA(A3)': [ISFORMULA_PAGE, ISFORMULA_ROW],
  'ISFORMULA|=ISFORMULA(A4)': [ISFORMULA_PAGE, ISFORMULA_ROW],
  'ISFORMULA|=ISFORMULA(A5)': [ISFORMULA_PAGE, ISFORMULA_ROW],
  'N|=N(A2)': [N_PAGE],
  'N|=N(A3)': [N_PAGE],
  'N|=N(A4)': [N_PAGE],
  'N|=N(A5)': [N_PAGE],
  'N|=N("7")': [N_PAGE],
  'NA|=NA()': [NA_PAGE, 'the page has no example table; it says NA returns the error value #N/A'],
  'ERROR.TYPE|=ERROR.TYPE(A2)': [ERROR_TYPE_PAGE],
  'ERROR.TYPE|=IF(ERROR.TYPE(A3)<3,CHOOSE(ERROR.TYPE(A3),"Ranges do not intersect","The divisor is zero"))': [
    ERROR_TYPE_PAGE,
    'its result read in the ja-JP translation of the page',
  ],
  'ERROR.TYPE|=ERROR.TYPE(A4)': [ERROR_TYPE_PAGE, "the page's table: anything else gives #N/A"],
  'TYPE|=TYPE(A2)': [TYPE_PAGE],
  'TYPE|=TYPE("Mr. "&A2)': [TYPE_PAGE],
  'TYPE|=TYPE(2+A2)': [TYPE_PAGE],
  'TYPE|=(2+A2)': [TYPE_PAGE],
  'TYPE|=TYPE({1,2;3,4})': [TYPE_PAGE],
  'TYPE|=TYPE(TRUE)': [TYPE_PAGE, "the page's table: a logical value is 4"],
  'TYPE|=TYPE(12)': [TYPE_PAGE, "the page's table: a number is 1"],
  'INFO|=INFO("recalc")': [INFO_PAGE, 'the page: "Automatic" or "Manual", by the calculation option'],
  'INFO|=INFO("system")': [INFO_PAGE],
  'INFO|=INFO("numfile")=SHEETS()': [INFO_PAGE],
  ...Object.fromEntries(
    [
      'ISBLANK|=ISBLANK(A2)',
      'ISERROR|=ISERROR(A4)',
      'ISNA|=ISNA(A4)',
      'ISNA|=ISNA(A6)',
      'ISERR|=ISERR(A6)',
      'ISNUMBER|=ISNUMBER(A5)',
      'ISTEXT|=ISTEXT(A3)',
    ].map((key) => [key, [IS_SHAREPOINT_PAGE, IS_SHAREPOINT_ROW]]),
  ),
};

export const examples: DocumentedExample[] = markVerified(EXAMPLES, VERIFIED);

export const notImplemented: Record<string, string> = {};
