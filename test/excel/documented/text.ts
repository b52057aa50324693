/**
 * Documented examples of Excel's Text functions, from Microsoft's function reference
 * (support.microsoft.com), each with the result the page gives. The *B byte functions share
 * their pages with the character functions; those pages say the two agree in a single-byte
 * language, which is the engine's (rules/functions/text/bytes.ts), so the B examples are the
 * page's examples through the B function.
 */
import type { DocumentedExample } from './example.js';
import { markVerified } from './math.js';

const page = (slug: string) => `https://support.microsoft.com/en-us/excel/${slug}`;

const LEFT = page('left-function');
const RIGHT = page('right-function');
const MID = page('mid-function');
const LEN = page('len-function');
const FIND = page('find-function');
const SEARCH = page('search-function');
const REPLACE = page('replace-function');

const LEFT_DATA = { A1: 'Data', A2: 'Sale Price', A3: 'Sweden' };
const RIGHT_DATA = { A1: 'Data', A2: 'Sale Price', A3: 'Stock Number' };
const MID_DATA = { A1: 'Data', A2: 'Fluid Flow' };
const LEN_DATA = { A1: 'Data', A2: 'Phoenix, AZ', A4: '     One   ' };
const FIND_DATA = { A1: 'Data', A2: 'Miriam McGovern' };
const SEARCH_DATA = { A1: 'Data', A2: 'Statements', A3: 'Profit Margin', A4: 'margin', A5: 'The "boss" is here.' };
const REPLACE_DATA = { A1: 'Data', A2: 'abcdefghijk', A3: '2009', A4: '123456' };

/** The same page examples through a character function and its byte twin. */
function withBytes(
  fn: string,
  source: string,
  data: Record<string, string>,
  cases: [string, string | number][],
  verified?: string,
): DocumentedExample[] {
  return cases.flatMap(([args, expected]): DocumentedExample[] => [
    { fn, source, data, formula: `=${fn}(${args})`, expected, ...(verified ? { note: verified } : {}) },
    {
      fn: `${fn}B`,
      source,
      data,
      formula: `=${fn}B(${args})`,
      expected,
      note: (verified ? verified + '; ' : '') + 'a single-byte language: the page says it equals ' + fn,
    },
  ]);
}

const EXAMPLES: DocumentedExample[] = [
  ...withBytes(
    'LEFT',
    LEFT,
    LEFT_DATA,
    [
      ['A2,4', 'Sale'],
      ['A3', 'S'],
    ],
    'verified against the page',
  ),
  ...withBytes(
    'RIGHT',
    RIGHT,
    RIGHT_DATA,
    [
      ['A2,5', 'Price'],
      ['A3', 'r'],
    ],
    'verified against the page',
  ),
  ...withBytes(
    'MID',
    MID,
    MID_DATA,
    [
      ['A2,1,5', 'Fluid'],
      ['A2,7,20', 'Flow'],
      ['A2,20,5', ''],
    ],
    'verified against the page (read in its zh-CN/zh-TW copies)',
  ),
  ...withBytes(
    'LEN',
    LEN,
    LEN_DATA,
    [
      ['A2', 11],
      ['A3', 0],
      ['A4', 11],
    ],
    'verified against the page: results 11, 0 and 11 (the third string "includes eight spaces"); the stored copies print the table transposed (formulas as =LEN(B1) to =LEN(B3)), so the cells here are A2:A4',
  ),
  ...withBytes(
    'FIND',
    FIND,
    FIND_DATA,
    [
      ['"M",A2', 1],
      ['"m",A2', 6],
      ['"M",A2,3', 8],
    ],
    "verified against Microsoft's SharePoint FIND page (https://support.microsoft.com/zh-cn/SharePoint/libraries/find-function), example set 1: the same string, results 1, 6, 8; the Excel page's table was not reached",
  ),
  ...withBytes(
    'SEARCH',
    SEARCH,
    SEARCH_DATA,
    [
      ['"e",A2,6', 7],
      ['A4,A3', 8],
      ['"""",A5', 5],
    ],
    'verified against the page for the data and =SEARCH("e",A2,6) = 7 (its zh-TW copy); 8 is also on Microsoft\'s SharePoint SEARCH page; the rest of the table was cut off in the excerpt',
  ),
  {
    fn: 'SEARCH',
    source: SEARCH,
    data: SEARCH_DATA,
    formula: '=REPLACE(A3,SEARCH(A4,A3),6,"Amount")',
    expected: 'Profit Amount',
    note: "verified against Microsoft's SharePoint SEARCH page (same data, result Profit Amount)",
  },
  { fn: 'SEARCH', source: SEARCH, data: SEARCH_DATA, formula: '=MID(A3,SEARCH(" ",A3)+1,4)', expected: 'Marg' },
  {
    fn: 'SEARCH',
    source: SEARCH,
    data: SEARCH_DATA,
    formula: '=MID(A5,SEARCH("""",A5)+1,SEARCH("""",A5,SEARCH("""",A5)+1)-SEARCH("""",A5)-1)',
    expected: 'boss',
  },
  ...withBytes(
    'REPLACE',
    REPLACE,
    REPLACE_DATA,
    [
      ['A2,6,5,"*"', 'abcde*k'],
      ['A3,3,2,"10"', '2010'],
      ['A4,1,3,"@"', '@456'],
    ],
    'verified against the page',
  ),
  ...[
    ['=SUBSTITUTE(A2,"Sales","Cost")', 'Cost Data'],
    ['=SUBSTITUTE(A3,"1","2",1)', 'Quarter 2, 2008'],
    ['=SUBSTITUTE(A4,"1","2",3)', 'Quarter 1, 2012'],
  ].map(([formula, expected]): DocumentedExample => ({
    fn: 'SUBSTITUTE',
    source: page('substitute-function'),
    data: { A1: 'Data', A2: 'Sales Data', A3: 'Quarter 1, 2008', A4: 'Quarter 1, 2011' },
    formula,
    expected,
    note: 'verified against the page (https://support.microsoft.com/en-US/excel/functions/substitute-function; the third row, instance 3 giving Quarter 1, 2012, read in its zh-TW/he-IL copies)',
  })),
  {
    fn: 'TRIM',
    source: page('trim-function'),
    formula: '=TRIM(" First Quarter Earnings ")',
    expected: 'First Quarter Earnings',
    note: 'verified against the page (read in its zh-CN copy)',
  },
  {
    fn: 'UPPER',
    source: page('upper-function'),
    data: { A1: 'Data', A2: 'total', A3: 'Yield' },
    formula: '=UPPER(A2)',
    expected: 'TOTAL',
    note: 'verified against the page',
  },
  {
    fn: 'UPPER',
    source: page('upper-function'),
    data: { A1: 'Data', A2: 'total', A3: 'Yield' },
    formula: '=UPPER(A3)',
    expected: 'YIELD',
    note: 'verified against the page',
  },
  {
    fn: 'LOWER',
    source: page('lower-function'),
    data: { A1: 'Data', A2: 'E. E. Cummings', A3: 'Apt. 2B' },
    formula: '=LOWER(A2)',
    note: 'verified against the page',
    expected: 'e. e. cummings',
  },
  {
    fn: 'LOWER',
    source: page('lower-function'),
    data: { A1: 'Data', A2: 'E. E. Cummings', A3: 'Apt. 2B' },
    formula: '=LOWER(A3)',
    note: 'verified against the page',
    expected: 'apt. 2b',
  },
  ...[
    ['=PROPER(A2)', 'This Is A Title'],
    ['=PROPER(A3)', '2-Way Street'],
    ['=PROPER(A4)', '76Budget'],
  ].map(([formula, expected]): DocumentedExample => ({
    fn: 'PROPER',
    source: page('proper-function'),
    data: { A1: 'Data', A2: 'this is a TITLE', A3: '2-way street', A4: '76BudGet' },
    formula,
    expected,
    note: 'verified against the page',
  })),
  ...(
    [
      ['=EXACT(A2,B2)', true],
      ['=EXACT(A3,B3)', false],
      ['=EXACT(A4,B4)', false],
    ] as const
  ).map(([formula, expected]): DocumentedExample => ({
    fn: 'EXACT',
    source: page('exact-function'),
    data: { A1: 'First string', B1: 'Second string', A2: 'word', B2: 'word', A3: 'Word', B3: 'word', A4: 'w ord', B4: 'word' },
    formula,
    expected,
    note: 'verified against the page',
  })),
  { fn: 'REPT', source: page('rept-function'), formula: '=REPT("*-", 3)', expected: '*-*-*-', note: 'verified against the page' },
  { fn: 'REPT', source: page('rept-function'), formula: '=REPT("-",10)', expected: '----------', note: 'verified against the page' },
  { fn: 'CHAR', source: page('char-function'), formula: '=CHAR(65)', expected: 'A', note: 'verified against the page' },
  { fn: 'CHAR', source: page('char-function'), formula: '=CHAR(33)', expected: '!', note: 'verified against the page' },
  { fn: 'CODE', source: page('code-function'), formula: '=CODE("A")', expected: 65, note: 'verified against the page' },
  { fn: 'CODE', source: page('code-function'), formula: '=CODE("!")', expected: 33, note: 'verified against the page' },
  {
    fn: 'CLEAN',
    source: page('clean-function'),
    data: { A1: 'Data', A2: '=CHAR(9)&"Monthly report"&CHAR(10)' },
    formula: '=CLEAN(A2)',
    expected: 'Monthly report',
    note: 'verified against the page (read in its ja-JP copy)',
  },
  ...(
    [
      ['=T(A2)', 'Rainfall'],
      ['=T(A3)', ''],
      ['=T(A4)', ''],
    ] as const
  ).map(([formula, expected]): DocumentedExample => ({
    fn: 'T',
    source: page('t-function'),
    data: { A1: 'Data', A2: 'Rainfall', A3: 19, A4: true },
    formula,
    expected,
    note: 'verified against the page',
  })),
  { fn: 'VALUE', source: page('value-function'), formula: '=VALUE("$1,000")', expected: 1000, note: 'verified against the page' },
  {
    fn: 'VALUE',
    source: page('value-function'),
    formula: '=VALUE("16:48:00")-VALUE("12:00:00")',
    expected: 0.2,
    decimals: 10,
    note: 'verified against the page',
  },
  {
    fn: 'TEXT',
    source: page('text-function'),
    formula: '=TEXT(1234.567,"$#,##0.00")',
    expected: '$1,234.57',
    note: 'verified against the page (its list of common examples, read in its he-IL copy)',
  },
  {
    fn: 'TEXT',
    source: page('text-function'),
    formula: '=TEXT(0.285,"0.0%")',
    expected: '28.5%',
    note: 'verified against the page (its list of common examples, read in its he-IL copy)',
  },
  {
    fn: 'TEXT',
    source: page('text-function'),
    formula: '=TEXT(4.34 ,"# ?/?")',
    expected: '4 1/3',
    note: 'verified against the page (its list of common examples, read in its he-IL copy)',
  },
  { fn: 'TEXT', source: page('text-function'), formula: '=TRIM(TEXT(0.34,"# ?/?"))', expected: '1/3' },
  { fn: 'TEXT', source: page('text-function'), formula: '=TEXT(12200000,"0.00E+00")', expected: '1.22E+07' },
  { fn: 'TEXT', source: page('text-function'), formula: '=TEXT(1234,"0000000")', expected: '0001234' },
  {
    fn: 'TEXTJOIN',
    source: page('textjoin-function'),
    data: {
      A1: 'Currency',
      A2: 'US Dollar',
      A3: 'Australian Dollar',
      A4: 'Chinese Yuan',
      A5: 'Hong Kong Dollar',
      A6: 'Israeli Shekel',
      A7: 'South Korean Won',
      A8: 'Russian Ruble',
    },
    formula: '=TEXTJOIN(", ", TRUE, A2:A8)',
    cell: 'C1',
    expected: 'US Dollar, Australian Dollar, Chinese Yuan, Hong Kong Dollar, Israeli Shekel, South Korean Won, Russian Ruble',
    note: 'verified against the page (example 1, read in its he-IL/ja-JP copies)',
  },
  {
    fn: 'CONCAT',
    source: page('concat-function'),
    formula: '=CONCAT("The"," ","sun"," ","will"," ","come"," ","up"," ","tomorrow.")',
    expected: 'The sun will come up tomorrow.',
    note: 'verified against the page (its vi-VN copy keeps the English example)',
  },
  ...[
    ['=CONCATENATE("Stream population for ", A2, " ", A3, " is ", A4, "/mile.")', 'Stream population for brook trout species is 32/mile.'],
    ['=CONCATENATE(B2, " ", C2)', 'Andreas Hauser'],
    ['=CONCATENATE(C2, ", ", B2)', 'Hauser, Andreas'],
    ['=CONCATENATE(B3, " & ", C3)', 'Fourth & Pine'],
    ['=B3 & " & " & C3', 'Fourth & Pine'],
  ].map(([formula, expected]): DocumentedExample => ({
    fn: 'CONCATENATE',
    source: page('concatenate-function'),
    data: { A1: 'Data', A2: 'brook trout', B2: 'Andreas', C2: 'Hauser', A3: 'species', B3: 'Fourth', C3: 'Pine', A4: 32 },
    formula,
    expected,
    note: 'verified against the page (data and formulas in its th-TH copy; results in a copy of the page at https://www.cnblogs.com/GYoungBean/p/3746904.html)',
  })),
  ...[
    ['=DOLLAR(A2, 2)', '$1,234.57'],
    ['=DOLLAR(A2, -2)', '$1,200'],
    ['=DOLLAR(A3, -2)', '($1,200)'],
    ['=DOLLAR(A4, 4)', '($0.1230)'],
    ['=DOLLAR(A5)', '$99.89'],
  ].map(([formula, expected]): DocumentedExample => ({
    fn: 'DOLLAR',
    source: page('dollar-function'),
    data: { A1: 'Data', A2: 1234.567, A3: -1234.567, A4: -0.123, A5: 99.888 },
    formula,
    expected,
    note: "the current page shows its example as a picture; data and results checked against Microsoft's archived DOLLAR page (https://learn.microsoft.com/en-us/previous-versions/tn-archive/cc767556(v=technet.10)), whose last row was cut off",
  })),
  ...[
    ['=FIXED(A2, 1)', '1,234.6'],
    ['=FIXED(A2, -1)', '1,230'],
    ['=FIXED(A3, -1, TRUE)', '-1230'],
    ['=FIXED(A4)', '44.33'],
  ].map(([formula, expected]): DocumentedExample => ({
    fn: 'FIXED',
    source: page('fixed-function'),
    data: { A1: 'Data', A2: 1234.567, A3: -1234.567, A4: 44.332 },
    formula,
    expected,
    note: 'verified against the page (read in its zh-CN/zh-TW copies)',
  })),
  { fn: 'UNICHAR', source: page('unichar-function'), formula: '=UNICHAR(66)', expected: 'B', note: 'verified against the page' },
  { fn: 'UNICHAR', source: page('unichar-function'), formula: '=UNICHAR(32)', expected: ' ', note: 'verified against the page' },
  {
    fn: 'UNICHAR',
    source: page('unichar-function'),
    formula: '=UNICHAR(0)',
    expected: { error: '#VALUE!' },
    note: 'verified against the page',
  },
  { fn: 'UNICODE', source: page('unicode-function'), formula: '=UNICODE(" ")', expected: 32, note: 'verified against the page' },
  { fn: 'UNICODE', source: page('unicode-function'), formula: '=UNICODE("B")', expected: 66, note: 'verified against the page' },
  {
    fn: 'NUMBERVALUE',
    source: page('numbervalue-function'),
    formula: '=NUMBERVALUE("2.500,27",",",".")',
    expected: 2500.27,
    note: 'verified against the page',
  },
  {
    fn: 'NUMBERVALUE',
    source: page('numbervalue-function'),
    formula: '=NUMBERVALUE("3.5%")',
    expected: 0.035,
    note: 'verified against the page',
  },
  ...[
    ['=VALUETOTEXT(A2)', 'TRUE'],
    ['=VALUETOTEXT(A3)', '1234.01234'],
    ['=VALUETOTEXT(A4)', 'Hello'],
    ['=VALUETOTEXT(A4,1)', '"Hello"'],
    ['=VALUETOTEXT(A5)', '#VALUE!'],
  ].map(([formula, expected]): DocumentedExample => ({
    fn: 'VALUETOTEXT',
    source: page('valuetotext-function'),
    data: { A1: 'Data', A2: true, A3: 1234.01234, A4: 'Hello', A5: '=VALUE("text")' },
    note: "verified against the page (concise and strict columns); the page's A5 holds the error #VALUE!, here a formula gives it",
    formula,
    expected,
  })),
  ...[
    ['=ARRAYTOTEXT(A2:B4,0)', 'TRUE, #VALUE!, 1234.01234, Seattle, Hello, 1123'],
    ['=ARRAYTOTEXT(A2:B4,1)', '{TRUE,#VALUE!;1234.01234,"Seattle";"Hello",1123}'],
  ].map(([formula, expected]): DocumentedExample => ({
    fn: 'ARRAYTOTEXT',
    source: page('arraytotext-function'),
    data: { A1: 'Data', A2: true, B2: '=VALUE("text")', A3: 1234.01234, B3: 'Seattle', A4: 'Hello', B4: 1123 },
    formula,
    cell: 'D1',
    expected,
    note: 'data and formulas verified against the page; doubtful: the page prints the last item as 1,123 (quoted "1,123" in the strict form) although B4 holds 1123 formatted as $1,123.00 and the page says the text is that of a General-formatted cell; this entry expects 1123. B2 is #VALUE! on the page, here a formula gives it',
  })),
  ...(
    [
      ['=TEXTBEFORE(A2,"Red")', 'Little '],
      ['=TEXTBEFORE(A3,"Red")', { error: '#N/A' }],
      ['=TEXTBEFORE(A3,"red",2)', "little red riding hood's "],
      ['=TEXTBEFORE(A3,"red",-2)', 'little '],
      ['=TEXTBEFORE(A3,"Red",,FALSE)', { error: '#N/A' }],
      ['=TEXTBEFORE(A3,"red",3)', { error: '#N/A' }],
    ] as const
  ).map(([formula, expected]): DocumentedExample => ({
    fn: 'TEXTBEFORE',
    source: page('textbefore-function'),
    data: { A1: 'Data', A2: "Little Red Riding Hood's red hood", A3: "little red riding hood's red hood" },
    formula,
    expected,
    note: 'corrected against the page (example 1, read in its zh-CN/zh-HK copies, which translate the strings): A3 is the lower-case line and the formulas are the page\'s; the entry had =TEXTBEFORE(A2,"red",-1), which is not on the page',
  })),
  ...(
    [
      ['=TEXTAFTER(A2,"Red")', " Riding Hood's red hood"],
      ['=TEXTAFTER(A2,"basket")', { error: '#N/A' }],
      ['=TEXTAFTER(A3,"red",2)', ' hood'],
      ['=TEXTAFTER(A3,"red",-2)', " riding hood's red hood"],
      ['=TEXTAFTER(A3,"Red",,FALSE)', { error: '#N/A' }],
      ['=TEXTAFTER(A2,"red",3)', { error: '#N/A' }],
    ] as const
  ).map(([formula, expected]): DocumentedExample => ({
    fn: 'TEXTAFTER',
    source: 'https://support.microsoft.com/en-us/Excel/textafter-function',
    data: { A1: 'Data', A2: "Little Red Riding Hood's red hood", A3: "little red riding hood's red hood" },
    formula,
    expected,
    note: 'corrected against the page (example 1, read in its zh-CN/zh-HK copies): the entry had =TEXTAFTER(A2,"hood",1,1), which is not on the page',
  })),
  ...(
    [
      ['TEXTBEFORE', '=TEXTBEFORE(A2," ",,,1)', 'Marcus'],
      ['TEXTBEFORE', '=TEXTBEFORE(A3," ",,,0)', { error: '#N/A' }],
      ['TEXTAFTER', '=TEXTAFTER(A2," ",,,1)', 'Aurelius'],
      ['TEXTAFTER', '=TEXTAFTER(A3," ",,,0)', { error: '#N/A' }],
      ['TEXTAFTER', '=TEXTAFTER(A3," ",,,1)', ''],
      ['TEXTAFTER', '=IF(TEXTAFTER(A3," ",,,1)="",A3)', 'Socrates'],
    ] as const
  ).map(([fn, formula, expected]): DocumentedExample => ({
    fn,
    source: page(`${fn.toLowerCase()}-function`),
    data: { A1: 'Data', A2: 'Marcus Aurelius', A3: 'Socrates', A4: 'Immanuel Kant' },
    formula,
    expected,
    note: "the page's example 2 (match_end 1 treats the end of the text as a delimiter)",
  })),
  {
    fn: 'TEXTSPLIT',
    source: page('textsplit-function'),
    data: { A1: 'Data', A2: 'Dakota Lennon Sanchez' },
    formula: '=TEXTSPLIT(A2," ")',
    cell: 'A4',
    expected: [['Dakota', 'Lennon', 'Sanchez']],
    note: 'verified against the page: data and formula of example 1 (its result is a picture; a space split of the name)',
  },
  {
    fn: 'TEXTSPLIT',
    source: page('textsplit-function'),
    data: { A1: 'Data', A2: '1,2,3;4,5,6' },
    formula: '=TEXTSPLIT(A2,",",";")',
    cell: 'A4',
    expected: [
      ['1', '2', '3'],
      ['4', '5', '6'],
    ],
    note: 'verified against the page: data and formula of example 2 (the result, a 2x3 array, is a picture)',
  },
  {
    fn: 'TEXTSPLIT',
    source: page('textsplit-function'),
    data: { A1: 'Data', A2: 'Do. Or do not. There is no try. -Anonymous' },
    formula: '=TEXTSPLIT(A2,".")',
    cell: 'A4',
    expected: [['Do', ' Or do not', ' There is no try', ' -Anonymous']],
    note: 'verified against the page: data and first formula of example 3 (the result is a picture)',
  },
  {
    fn: 'BAHTTEXT',
    source: page('bahttext-function'),
    data: { A1: 'Data', A2: 1234 },
    formula: '=BAHTTEXT(A2)',
    expected: 'หนึ่งพันสองร้อยสามสิบสี่บาทถ้วน',
    note: 'verified against the page',
  },
  {
    fn: 'ASC',
    source: page('asc-function'),
    formula: '=ASC("ＥＸＣＥＬ")',
    expected: 'EXCEL',
    note: 'verified against the page: =ASC("ＥＸＣＥＬ") equals "EXCEL" (the stored copies lose the full-width letters of the argument)',
  },
  { fn: 'DBCS', source: page('dbcs-function'), formula: '=DBCS("EXCEL")', expected: 'ＥＸＣＥＬ' },
  {
    fn: 'REGEXTEST',
    source: page('regextest-function'),
    data: { A1: 'Data', A2: 'alfalfa' },
    formula: '=REGEXTEST(A2,"a")',
    expected: true,
    note: 'corrected against the page (example 1, read in its zh-CN copy): the string is alfalfa, not alpaca; the result (it contains an a) is a picture',
  },
  {
    fn: 'REGEXEXTRACT',
    source: page('regexextract-function'),
    data: { A1: 'Data', A2: 'Dylan Williams' },
    formula: '=REGEXEXTRACT(A2,"[A-Z][a-z]+")',
    expected: 'Dylan',
    note: 'formula verified against the page (example 1); its name and result are a picture and translated in the stored copies, so the data here is a stand-in',
  },
  {
    fn: 'REGEXREPLACE',
    source: page('regexreplace-function'),
    data: { A1: 'Data', A2: 'Sonia Rees (378) 555-4195' },
    formula: '=REGEXREPLACE(A2,"[0-9]+-","***-")',
    expected: 'Sonia Rees (378) ***-4195',
  },
  {
    fn: 'REGEXREPLACE',
    source: page('regexreplace-function'),
    data: { A1: 'Data', A2: 'DylanWilliams' },
    formula: '=REGEXREPLACE(A2,"([A-Z][a-z]+)([A-Z][a-z]+)","$2, $1")',
    expected: 'Williams, Dylan',
  },
  {
    fn: 'PHONETIC',
    source: page('phonetic-function'),
    data: { A1: 'Data', A2: 'Tokyo' },
    formula: '=PHONETIC(A2)',
    expected: 'Tokyo',
    note: 'the page: a cell without furigana gives its own text',
  },
];

const DOLLAR_PAGE = 'https://support.microsoft.com/zh-cn/sharepoint/libraries/dollar-function';
const DOLLAR_DETAIL = "Microsoft's SharePoint DOLLAR page has the same data and all five results (the Excel page's example is a picture)";
const TEXTBEFORE_PAGE = 'https://support.microsoft.com/zh-cn/Excel/functions/textbefore-function';
const TEXTAFTER_PAGE = 'https://support.microsoft.com/zh-CN/Excel/functions/textafter-function';
const EX1 = "example 1 of the page's zh-CN copy (the formulas and the #N/A results; its strings are translated)";
const EX2 = "example 2 of the page's zh-CN copy; the zh-TW copy gives the names in English (Marcus Aurelius, Socrates, Immanuel Kant)";

const DBCS_PAGE = 'https://support.microsoft.com/en-us/Excel/functions/dbcs-function';
const DBCS_DETAIL =
  'its example =DBCS("EXCEL"), whose full-width result the stored copy prints as plain letters; the description: half-width English letters become full-width (double-byte) characters';
/** The entries whose data, formula and result were compared with the page's text (see markVerified). */
const VERIFIED: Record<string, [url: string, detail?: string]> = {
  'DOLLAR|=DOLLAR(A2, 2)': [DOLLAR_PAGE, DOLLAR_DETAIL],
  'DOLLAR|=DOLLAR(A2, -2)': [DOLLAR_PAGE, DOLLAR_DETAIL],
  'DOLLAR|=DOLLAR(A3, -2)': [DOLLAR_PAGE, DOLLAR_DETAIL],
  'DOLLAR|=DOLLAR(A4, 4)': [DOLLAR_PAGE, DOLLAR_DETAIL],
  'DOLLAR|=DOLLAR(A5)': [DOLLAR_PAGE, DOLLAR_DETAIL],
  'TEXTBEFORE|=TEXTBEFORE(A3,"Red")': [TEXTBEFORE_PAGE, EX1],
  'TEXTBEFORE|=TEXTBEFORE(A3,"Red",,FALSE)': [TEXTBEFORE_PAGE, EX1],
  'TEXTBEFORE|=TEXTBEFORE(A3,"red",3)': [TEXTBEFORE_PAGE, EX1],
  'TEXTAFTER|=TEXTAFTER(A2,"basket")': [TEXTAFTER_PAGE, EX1],
  'TEXTAFTER|=TEXTAFTER(A3,"Red",,FALSE)': [TEXTAFTER_PAGE, EX1],
  'TEXTAFTER|=TEXTAFTER(A2,"red",3)': [TEXTAFTER_PAGE, EX1],
  'TEXTBEFORE|=TEXTBEFORE(A2," ",,,1)': [TEXTBEFORE_PAGE, EX2],
  'TEXTBEFORE|=TEXTBEFORE(A3," ",,,0)': [TEXTBEFORE_PAGE, EX2],
  'TEXTAFTER|=TEXTAFTER(A2," ",,,1)': [TEXTAFTER_PAGE, EX2],
  'TEXTAFTER|=TEXTAFTER(A3," ",,,0)': [TEXTAFTER_PAGE, EX2],
  'TEXTAFTER|=TEXTAFTER(A3," ",,,1)': [TEXTAFTER_PAGE, EX2],
  'TEXTAFTER|=IF(TEXTAFTER(A3," ",,,1)="",A3)': [TEXTAFTER_PAGE, EX2],
  'DBCS|=DBCS("EXCEL")': [DBCS_PAGE, DBCS_DETAIL],
};

export const examples: DocumentedExample[] = markVerified(EXAMPLES, VERIFIED);

export const notImplemented: Record<string, string> = {
  TRANSLATE: "needs Microsoft's online translation service; Tickmark runs offline",
  DETECTLANGUAGE: "needs Microsoft's online translation service; Tickmark runs offline",
};
