/**
 * Documented examples of Excel's Logical functions, from Microsoft's function reference.
 * (LET, LAMBDA and the LAMBDA helpers are in dynamic-arrays.ts.)
 */
import type { DocumentedExample } from './example.js';
import { markVerified } from './math.js';
import { page } from './page.js';

/** IFERROR's page: quota and units sold. */
const QUOTA = { A1: 'Quota', B1: 'Units Sold', A2: 210, B2: 35, A3: 55, B3: 0, B4: 23 };
/** SWITCH's page: a date and three numbers. */
const SWITCH_DATA = { A1: 'Value', A2: 2, A3: 99, A4: 99, A5: 2, A6: 3 };
const CITIES = {
  A1: 'Region ID',
  B1: 'City',
  A5: 'Atlanta',
  B5: 105,
  A6: 'Portland',
  B6: 142,
  A7: 'Chicago',
  B7: 175,
  A8: 'Boston',
  B8: 200,
};

const EXAMPLES: DocumentedExample[] = [
  {
    fn: 'IF',
    source: page('IF'),
    data: { A2: 'Yes' },
    formula: '=IF(A2="Yes",1,2)',
    cell: 'B2',
    expected: 1,
    note: 'verified against the page\'s text: =IF(C2="Yes",1,2) returns 1 if C2 is Yes, otherwise 2 (its table is a picture; A2 stands in for C2)',
  },
  {
    fn: 'IF',
    source: page('IF'),
    data: { A2: 'No' },
    formula: '=IF(A2="Yes",1,2)',
    cell: 'B2',
    expected: 2,
    note: "verified against the page's text, as the entry above",
  },
  {
    fn: 'IF',
    source: page('IF'),
    data: { A2: 1200, B2: 1000 },
    formula: '=IF(A2>B2,"Over Budget","OK")',
    cell: 'C2',
    expected: 'Over Budget',
    note: 'verified against the page: its syntax example =IF(A2>B2,"Over Budget","OK"); the values are stand-ins',
  },
  {
    fn: 'IFS',
    source: page('IFS'),
    data: { A2: 93 },
    formula: '=IFS(A2>89,"A",A2>79,"B",A2>69,"C",A2>59,"D",TRUE,"F")',
    cell: 'B2',
    expected: 'A',
    note: 'verified against the page: the formula is its example 1 (the grades table is a picture; this score stands in for one row)',
  },
  {
    fn: 'IFS',
    source: page('IFS'),
    data: { A2: 68 },
    formula: '=IFS(A2>89,"A",A2>79,"B",A2>69,"C",A2>59,"D",TRUE,"F")',
    cell: 'B2',
    expected: 'D',
    note: 'verified against the page: the formula is its example 1 (the grades table is a picture; this score stands in for one row)',
  },
  {
    fn: 'IFS',
    source: page('IFS'),
    data: { A2: 50 },
    formula: '=IFS(A2>89,"A",A2>79,"B",A2>69,"C",A2>59,"D",TRUE,"F")',
    cell: 'B2',
    expected: 'F',
    note: 'verified against the page: the formula is its example 1 (the grades table is a picture; this score stands in for one row)',
  },
  {
    fn: 'SWITCH',
    source: 'https://support.microsoft.com/en-us/excel/switch-function',
    data: SWITCH_DATA,
    formula: '=SWITCH(WEEKDAY(A2),1,"Sunday",2,"Monday",3,"Tuesday","No match")',
    cell: 'B2',
    expected: 'Monday',
    note: 'corrected against the page (read in its zh-CN copy): A2 holds 2, WEEKDAY(A2) is 2, so SWITCH returns Monday (the entry had a date and No match)',
  },
  {
    fn: 'SWITCH',
    source: 'https://support.microsoft.com/en-us/excel/switch-function',
    data: SWITCH_DATA,
    formula: '=SWITCH(A3,1,"Sunday",2,"Monday",3,"Tuesday")',
    cell: 'B3',
    note: 'verified against the page (read in its zh-CN copy)',
    expected: { error: '#N/A' },
  },
  {
    fn: 'SWITCH',
    source: 'https://support.microsoft.com/en-us/excel/switch-function',
    data: SWITCH_DATA,
    formula: '=SWITCH(A4,1,"Sunday",2,"Monday",3,"Tuesday","No match")',
    cell: 'B4',
    note: 'verified against the page (read in its zh-CN copy)',
    expected: 'No match',
  },
  {
    fn: 'SWITCH',
    source: 'https://support.microsoft.com/en-us/excel/switch-function',
    data: SWITCH_DATA,
    formula: '=SWITCH(A5,1,"Sunday",7,"Saturday","weekday")',
    cell: 'B5',
    note: 'verified against the page (read in its zh-CN copy)',
    expected: 'weekday',
  },
  {
    fn: 'SWITCH',
    source: 'https://support.microsoft.com/en-us/excel/switch-function',
    data: SWITCH_DATA,
    formula: '=SWITCH(A6,1,"Sunday",2,"Monday",3,"Tuesday","No match")',
    cell: 'B6',
    note: 'verified against the page (read in its zh-CN copy)',
    expected: 'Tuesday',
  },
  {
    fn: 'AND',
    source: page('AND'),
    data: { A2: 50, A3: 100 },
    formula: '=AND(A2>1,A2<100)',
    cell: 'B2',
    expected: true,
    note: "verified against the page: the formula and its description (TRUE if A2 is greater than 1 and less than 100); the table is a picture, A2=50 and A3=100 as NOT's page describes them",
  },
  {
    fn: 'AND',
    source: page('AND'),
    data: { A2: 50, A3: 100 },
    formula: '=IF(AND(A2<A3,A2<100),A2,"The value is out of range")',
    cell: 'B3',
    note: 'verified against the page: the formula and its description (A2 if it is less than A3 and less than 100); the table is a picture',
    expected: 50,
  },
  {
    fn: 'OR',
    source: page('OR'),
    data: { A2: 50, A3: 100 },
    formula: '=OR(A2>1,A2<100)',
    cell: 'B2',
    expected: true,
    note: 'verified against the page: the formula and its description; the table is a picture',
  },
  {
    fn: 'OR',
    source: page('OR'),
    data: { A2: 50, A3: 100 },
    formula: '=IF(OR(A2<0,A2>50),A2,"The value is out of range")',
    cell: 'B3',
    note: 'verified against the page: the formula and its description (A2 if it is less than 0 or greater than 50, otherwise the message); the table is a picture',
    expected: 'The value is out of range',
  },
  {
    fn: 'XOR',
    source: 'https://support.microsoft.com/en-US/excel/functions/xor-function',
    formula: '=XOR(3>0,2<9)',
    expected: false,
    note: 'verified against the page (its zh-CN/ja-JP copies): both tests are TRUE, so XOR is FALSE',
  },
  {
    fn: 'XOR',
    source: 'https://support.microsoft.com/en-US/excel/functions/xor-function',
    formula: '=XOR(3>12,4>6)',
    expected: false,
    note: 'verified against the page: both tests are FALSE',
  },
  {
    fn: 'NOT',
    source: 'https://support.microsoft.com/en-US/Excel/functions/not-function',
    data: { A2: 50, A3: 100 },
    formula: '=NOT(A2>100)',
    cell: 'B2',
    expected: true,
    note: 'verified against the page: the formula and its description (A2 is NOT greater than 100; the text gives A2 as 50)',
  },
  {
    fn: 'NOT',
    source: 'https://support.microsoft.com/en-US/Excel/functions/not-function',
    data: { A2: 50, A3: 100 },
    formula: '=IF(AND(NOT(A2>1),NOT(A2<100)),A2,"The value is out of range")',
    cell: 'B3',
    note: 'verified against the page: "50 is greater than 1 (TRUE), AND 50 is less than 100 (TRUE), so NOT reverses both arguments to FALSE", the IF gives its FALSE result',
    expected: 'The value is out of range',
  },
  {
    fn: 'IFERROR',
    source: 'https://support.microsoft.com/en-US/Excel/iferror-function',
    data: QUOTA,
    formula: '=IFERROR(A2/B2,"Error in calculation")',
    cell: 'C2',
    expected: 6,
    note: 'verified against the page',
  },
  {
    fn: 'IFERROR',
    source: 'https://support.microsoft.com/en-US/Excel/iferror-function',
    data: QUOTA,
    formula: '=IFERROR(A3/B3,"Error in calculation")',
    cell: 'C3',
    expected: 'Error in calculation',
    note: 'verified against the page',
  },
  {
    fn: 'IFERROR',
    source: 'https://support.microsoft.com/en-US/Excel/iferror-function',
    data: QUOTA,
    formula: '=IFERROR(A4/B4,"Error in calculation")',
    cell: 'C4',
    expected: 0,
    note: 'verified against the page: "" divided by 23 is 0',
  },
  {
    fn: 'IFNA',
    source: 'https://support.microsoft.com/en-us/Excel/functions/ifna-function',
    data: CITIES,
    formula: '=IFNA(VLOOKUP("Seattle",$A$5:$B$8,2,0),"Not found")',
    cell: 'D2',
    expected: 'Not found',
    note: 'verified against the page\'s text ("Because Seattle is not found in the lookup range, VLOOKUP returns #N/A. IFNA returns the string \\"Not found\\""); its table is a picture, these cities stand in for it',
  },
  {
    fn: 'TRUE',
    source: 'https://support.microsoft.com/en-us/office/true-function-7652c6e3-8987-48d0-97cd-ef223246b3fb',
    formula: '=TRUE()',
    expected: true,
    note: 'verified against the page\'s description ("Returns the logical value TRUE", TRUE() takes no arguments); the page has no table',
  },
  { fn: 'FALSE', source: page('FALSE'), formula: '=FALSE()', expected: false },
];

/** The entries whose data, formula and result were compared with the page's text (see markVerified). */
const VERIFIED: Record<string, [url: string, detail?: string]> = {
  'SWITCH|=SWITCH(WEEKDAY(A2),1,"Sunday",2,"Monday",3,"Tuesday","No match")': [
    'https://support.microsoft.com/zh-CN/Excel/switch-function',
    'its first row: A2 is 2, so SWITCH returns Monday',
  ],
  'FALSE|=FALSE()': [
    'https://support.microsoft.com/zh-CN/Excel/false-function',
    'the page has no example table; it says FALSE returns the logical value FALSE',
  ],
};

export const examples: DocumentedExample[] = markVerified(EXAMPLES, VERIFIED);

export const notImplemented: Record<string, string> = {};
