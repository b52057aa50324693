/**
 * Documented examples of Excel's Lookup and reference functions (all but the array-shaping
 * ones, in dynamic-arrays.ts), from Microsoft's function reference (support.microsoft.com),
 * each with the result the page gives.
 */
import type { DocumentedExample } from './example.js';
import { markVerified } from './math.js';

const page = (slug: string) => `https://support.microsoft.com/en-us/excel/${slug}`;

/** VLOOKUP's example table: density, viscosity, temperature (A1:C10). */
const VLOOKUP_DATA = {
  A1: 'Density',
  B1: 'Viscosity',
  C1: 'Temperature',
  ...Object.fromEntries(
    [
      [0.457, 3.55, 500],
      [0.525, 3.25, 400],
      [0.606, 2.93, 300],
      [0.675, 2.75, 250],
      [0.746, 2.57, 200],
      [0.835, 2.38, 150],
      [0.946, 2.17, 100],
      [1.09, 1.95, 50],
      [1.29, 1.71, 0],
    ].flatMap((row, i) => row.map((v, c) => [`${'ABC'[c]}${i + 2}`, v])),
  ),
};

const HLOOKUP_DATA = { A1: 'Axles', B1: 'Bearings', C1: 'Bolts', A2: 4, B2: 4, C2: 9, A3: 5, B3: 7, C3: 10, A4: 6, B4: 8, C4: 11 };
const LOOKUP_DATA = {
  A1: 'Frequency',
  B1: 'Color',
  A2: 4.14,
  B2: 'red',
  A3: 4.19,
  B3: 'orange',
  A4: 5.17,
  B4: 'yellow',
  A5: 5.77,
  B5: 'green',
  A6: 6.39,
  B6: 'blue',
};
const MATCH_DATA = { A1: 'Product', B1: 'Count', A2: 'Bananas', B2: 25, A3: 'Oranges', B3: 38, A4: 'Apples', B4: 40, A5: 'Pears', B5: 41 };
const CHOOSE_DATA = { A1: 'Data', A2: '1st', B2: 'Nails', A3: '2nd', B3: 'Screws', A4: '3rd', B4: 'Nuts', A5: 'Finished', B5: 'Bolts' };
/** OFFSET's page: its data table lands in B6:C8 when pasted at A1. */
const OFFSET_DATA = { B5: 'Data', C5: 'Data', B6: 4, C6: 10, B7: 8, C7: 3, B8: 3, C8: 6 };
const INDIRECT_DATA = { A1: 'Data', B1: 'Value', A2: 'B2', B2: 1.333, A3: 'B3', B3: 45, A4: 'George', B4: 10, A5: 5, B5: 62 };
/** XLOOKUP's example 1 (a picture on the page): countries and their telephone prefixes. */
const XLOOKUP_DATA = {
  B1: 'Country',
  C1: 'Abr',
  D1: 'Prefix',
  ...Object.fromEntries(
    [
      ['China', 'CN', '+86'],
      ['India', 'IN', '+91'],
      ['United States', 'US', '+1'],
      ['Indonesia', 'ID', '+62'],
      ['Brazil', 'BR', '+55'],
      ['Pakistan', 'PK', '+92'],
      ['Nigeria', 'NG', '+234'],
      ['Bangladesh', 'BD', '+880'],
      ['Russia', 'RU', '+7'],
      ['Mexico', 'MX', '+52'],
    ].flatMap((row, i) => row.map((v, c) => [`${'BCD'[c]}${i + 2}`, v])),
  ),
  F1: 'Country',
  F2: 'Brazil',
};

const each = (
  fn: string,
  source: string,
  data: DocumentedExample['data'],
  cases: [string, DocumentedExample['expected']][],
  cell?: string,
  note?: string,
): DocumentedExample[] =>
  cases.map(([formula, expected]) => ({ fn, source, data, formula, expected, ...(cell ? { cell } : {}), ...(note ? { note } : {}) }));

const EXAMPLES: DocumentedExample[] = [
  ...each('VLOOKUP', page('vlookup-function'), VLOOKUP_DATA, [
    ['=VLOOKUP(1,A2:C10,2)', 2.17],
    ['=VLOOKUP(1,A2:C10,3,TRUE)', 100],
    ['=VLOOKUP(0.7,A2:C10,3,FALSE)', { error: '#N/A' }],
    ['=VLOOKUP(0.1,A2:C10,2,TRUE)', { error: '#N/A' }],
    ['=VLOOKUP(2,A2:C10,2,TRUE)', 1.71],
  ]),
  ...each('HLOOKUP', page('hlookup-function'), HLOOKUP_DATA, [
    ['=HLOOKUP("Axles",A1:C4,2,TRUE)', 4],
    ['=HLOOKUP("Bearings",A1:C4,3,FALSE)', 7],
    ['=HLOOKUP("B",A1:C4,3,TRUE)', 5],
    ['=HLOOKUP("Bolts",A1:C4,4)', 11],
    ['=HLOOKUP(3,{1,2,3;"a","b","c";"d","e","f"},2,TRUE)', 'c'],
  ]),
  ...each(
    'LOOKUP',
    page('lookup-function'),
    LOOKUP_DATA,
    [
      ['=LOOKUP(4.19,A2:A6,B2:B6)', 'orange'],
      ['=LOOKUP(5.00,A2:A6,B2:B6)', 'orange'],
      ['=LOOKUP(7.66,A2:A6,B2:B6)', 'blue'],
      ['=LOOKUP(0,A2:A6,B2:B6)', { error: '#N/A' }],
    ],
    undefined,
    "corrected against Microsoft's LOOKUP article (the same Frequency/Color table, copied at https://blog.csdn.net/fm0517/article/details/2792573): the second lookup is 5.00 → orange, not 5.75; the Excel page's own vector table was not reached by search",
  ),
  ...each('LOOKUP', page('lookup-function'), undefined, [
    ['=LOOKUP("C",{"a","b","c","d";1,2,3,4})', 3],
    ['=LOOKUP("bump",{"a",1;"b",2;"c",3})', 2],
  ]),
  ...each('MATCH', page('match-function'), MATCH_DATA, [
    ['=MATCH(39,B2:B5,1)', 2],
    ['=MATCH(41,B2:B5,0)', 4],
    ['=MATCH(40,B2:B5,-1)', { error: '#N/A' }],
  ]),
  ...each(
    'INDEX',
    page('index-function'),
    { A1: 'Data', B1: 'Data', A2: 'Apples', B2: 'Lemons', A3: 'Bananas', B3: 'Pears' },
    [
      ['=INDEX(A2:B3,2,2)', 'Pears'],
      ['=INDEX(A2:B3,2,1)', 'Bananas'],
    ],
    undefined,
    "verified against a copy of the page's example 1 (https://www.cnblogs.com/BinBinGo/articles/2541454.html, Excel 2007 text): Pears, Bananas; the current page's table was cut off in the excerpt",
  ),
  ...each(
    'CHOOSE',
    'https://support.microsoft.com/en-us/Excel/functions/choose-function',
    CHOOSE_DATA,
    [
      ['=CHOOSE(2,A2,A3,A4,A5)', '2nd'],
      ['=CHOOSE(4,B2,B3,B4,B5)', 'Bolts'],
      ['=CHOOSE(3,"Wide",115,"world",8)', 'world'],
    ],
    undefined,
    'verified against the page (example 1, read in its zh-CN copy)',
  ),
  ...each(
    'CHOOSE',
    'https://support.microsoft.com/en-us/Excel/functions/choose-function',
    { A1: 'Data', A2: 23, A3: 45, A4: 12, A5: 10 },
    [['=SUM(A2:CHOOSE(2,A3,A4,A5))', 80]],
    undefined,
    'verified against the page (example 2: 23, 45, 12, 10; SUM of A2:A4 is 80)',
  ),
  ...each(
    'ADDRESS',
    page('address-function'),
    undefined,
    [
      ['=ADDRESS(2,3)', '$C$2'],
      ['=ADDRESS(2,3,2)', 'C$2'],
      ['=ADDRESS(2,3,2,FALSE)', 'R2C[3]'],
    ],
    undefined,
    'verified against the page (its ja-JP copy shows these three rows with their results)',
  ),
  ...each('ADDRESS', page('address-function'), undefined, [
    ['=ADDRESS(2,3,1,FALSE,"[Book1]Sheet1")', "'[Book1]Sheet1'!R2C3"],
    ['=ADDRESS(2,3,1,FALSE,"EXCEL SHEET")', "'EXCEL SHEET'!R2C3"],
  ]),
  ...each(
    'COLUMN',
    page('column-function'),
    undefined,
    [['=COLUMN(D10)', 4]],
    undefined,
    'verified against the page: "the formula =COLUMN(D10) returns 4, because column D is the fourth column" (read in its es-ES copy)',
  ),
  ...each(
    'COLUMNS',
    'https://support.microsoft.com/en-us/excel/functions/columns-function',
    undefined,
    [
      ['=COLUMNS(C1:E4)', 3],
      ['=COLUMNS({1,2,3;4,5,6})', 3],
    ],
    undefined,
    'verified against the page',
  ),
  ...each('ROW', page('row-function'), undefined, [['=ROW(C10)', 10]], undefined, 'verified against the page'),
  ...each(
    'ROW',
    page('row-function'),
    undefined,
    [['=ROW()', 2]],
    'A2',
    'verified against the page: =ROW() in row 2 of the pasted table gives 2',
  ),
  ...each(
    'ROWS',
    page('rows-function'),
    undefined,
    [
      ['=ROWS(C1:E4)', 4],
      ['=ROWS({1,2,3;4,5,6})', 2],
    ],
    undefined,
    'verified against the page',
  ),
  ...each(
    'INDIRECT',
    page('indirect-function'),
    INDIRECT_DATA,
    [
      ['=INDIRECT(A2)', 1.333],
      ['=INDIRECT(A3)', 45],
      ['=INDIRECT("B"&A5)', 62],
    ],
    'D1',
    "verified against the page (https://support.microsoft.com/en-us/Excel/indirect-function; table read in its zh-CN/ko-KR copies); the page's =INDIRECT(A4) needs the defined name George and is left out",
  ),
  ...each(
    'OFFSET',
    page('offset-function'),
    OFFSET_DATA,
    [
      ['=OFFSET(D3,3,-2,1,1)', 4],
      ['=SUM(OFFSET(D3:F5,3,-2, 3, 3))', 34],
    ],
    'A1',
    'verified against the page (its zh-CN/ko-KR copies): the value of B6 is 4, the sum of B6:D8 is 34; the data 4 10 / 8 3 / 3 6 sits in B6:C8 when the table is pasted at A1',
  ),
  ...each(
    'OFFSET',
    page('offset-function'),
    undefined,
    [['=OFFSET(D3,-3,-3)', { error: '#REF!' }]],
    'A1',
    'verified against the page: the reference is off the sheet, #REF!',
  ),
  ...each('FORMULATEXT', page('formulatext-function'), { A1: 'Formula', A2: '=TODAY()' }, [['=FORMULATEXT(A2)', '=TODAY()']], 'B2'),
  ...each('HYPERLINK', page('hyperlink-function'), undefined, [
    ['=HYPERLINK("http://example.microsoft.com/report/budget report.xlsx", "Click for report")', 'Click for report'],
  ]),
  ...each(
    'AREAS',
    page('areas-function'),
    undefined,
    [
      ['=AREAS(B2:D4)', 1],
      ['=AREAS((B2:D4,E5,F6:I9))', 3],
    ],
    'A1',
    'verified against the page',
  ),
  {
    fn: 'XMATCH',
    source: 'https://support.microsoft.com/en-us/topic/d966da31-7a6b-4a13-a1c6-5a33ed6a0312',
    data: { C2: 'Product', C3: 'Apple', C4: 'Grape', C5: 'Pear', C6: 'Banana', C7: 'Cherry', E2: 'Product', E3: 'Gra' },
    formula: '=XMATCH(E3,C3:C7,1)',
    cell: 'F3',
    expected: 2,
    note: 'corrected to the page\'s example 1 (the earlier entries, XMATCH over {5,4,3,2,1}, are not on the page): XMATCH(E3,C3:C7,1) finds the exact match or next larger item to "Gra", Grape, at position 2; the page\'s product list is a picture, these products stand in for it',
  },
  {
    fn: 'XLOOKUP',
    source: page('xlookup-function'),
    data: XLOOKUP_DATA,
    formula: '=XLOOKUP(F2,B2:B11,D2:D11)',
    cell: 'G2',
    expected: '+55',
    note: "example 1; the page's table is a picture, transcribed here",
  },
  {
    fn: 'TRANSPOSE',
    source: page('transpose-function'),
    data: { A1: 1, B1: 2, C1: 3 },
    formula: '=TRANSPOSE(A1:C1)',
    cell: 'A3',
    expected: [[1], [2], [3]],
    note: "the page's example is a picture: a row turned into a column",
  },
];

const ADDRESS_PAGE = 'https://support.microsoft.com/zh-TW/excel/functions/address-function';
const ADDRESS_DETAIL = "the zh-TW copy translates the sheet-name argument; its first result keeps '[Book1]Sheet1'!R2C3";

/** The entries whose data, formula and result were compared with the page's text (see markVerified). */
const VERIFIED: Record<string, [url: string, detail?: string]> = {
  'ADDRESS|=ADDRESS(2,3,1,FALSE,"[Book1]Sheet1")': [ADDRESS_PAGE, ADDRESS_DETAIL],
  'ADDRESS|=ADDRESS(2,3,1,FALSE,"EXCEL SHEET")': [ADDRESS_PAGE, ADDRESS_DETAIL],
  'FORMULATEXT|=FORMULATEXT(A2)': [
    'https://support.microsoft.com/ja-JP/Excel/formulatext-function',
    'the page puts =TODAY() in A2 and the FORMULATEXT formula in C2',
  ],
  'HYPERLINK|=HYPERLINK("http://example.microsoft.com/report/budget report.xlsx", "Click for report")': [
    'https://support.microsoft.com/zh-hk/excel/functions/hyperlink-function',
    'the cell shows Click for report as its jump text',
  ],
};

export const examples: DocumentedExample[] = markVerified(EXAMPLES, VERIFIED);

export const notImplemented: Record<string, string> = {
  GETPIVOTDATA: 'reads a PivotTable; Tickmark workbooks have no PivotTables',
  IMAGE: 'fetches a picture from the web into a cell; Tickmark runs offline and its cells hold values, not pictures',
  RTD: 'reads a COM real-time data server installed on a Windows machine; none exists for a rules engine',
  FIELDVALUE: "reads a field of a linked data type (Stocks, Geography) from Microsoft's online services; Tickmark runs offline",
};
