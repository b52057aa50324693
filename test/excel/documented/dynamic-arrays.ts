/**
 * Documented examples of Excel 365's dynamic-array functions (array shaping, LAMBDA and its
 * helpers), from Microsoft's function reference. Where a page gives its data and formula but
 * shows the spilled result only as a picture, the expected block is the page's description
 * worked out by hand on the page's data (the note says so).
 */
import type { CellInput } from '../../../rules/workbook.js';
import type { DocumentedExample } from './example.js';
import { markVerified } from './math.js';
import { page } from './page.js';

/** A table placed from A1 down: the first row is the header, as the pages show "Data". */
function table(rows: CellInput[][]): Record<string, CellInput> {
  const cells: Record<string, CellInput> = {};
  rows.forEach((row, r) => row.forEach((v, c) => v !== null && (cells[`${String.fromCharCode(65 + c)}${r + 1}`] = v)));
  return cells;
}

const NA = { error: '#N/A' } as const;
/** TAKE's and DROP's data: A2:C4 holds 1 to 9. */
const NINE = table([['Data'], [1, 2, 3], [4, 5, 6], [7, 8, 9]]);
const THIRTY = table([['Data'], ...Array.from({ length: 6 }, (_, r) => Array.from({ length: 5 }, (_, c) => r * 5 + c + 1))]);
const CHOOSECOLS_2 = table([['Data'], [1, 2, 13, 14], [3, 4, 15, 16], [5, 6, 17, 18], [7, 8, 19, 20], [9, 10, 21, 22], [11, 12, 23, 24]]);
const TWELVE = table([['Data'], [1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12]]);
const NAMES = table([
  ['Data'],
  ['Ben', 'Peter', 'Mary', 'Sam'],
  ['John', 'Hillary', 'Jenny', 'James'],
  ['Agnes', 'Harry', 'Felicity', 'Henry'],
]);
const NAMES_GAPS = table([['Data'], ['Ben', 'Peter', 'Mary', 'Sam'], ['John', 'Hillary', 'Jenny', 'James'], ['Agnes', 'Harry']]);
const LETTERS = table([['Data'], ['A', 'B', 'C', 'D', 'E', 'F', 'G']]);
/** MAP, REDUCE, SCAN, BYROW, BYCOL: "enter the sample data into cells A1:C2" (the page's picture: 1 2 3 / 4 5 6). */
const SIX = table([
  [1, 2, 3],
  [4, 5, 6],
]);
const PICTURE = 'the page shows the data and result as a picture: 1 2 3 / 4 5 6 in A1:C2';

const EXAMPLES: DocumentedExample[] = [
  {
    fn: 'TAKE',
    source: 'https://support.microsoft.com/en-us/excel/take-function',
    note: 'verified against the page: data and formula of examples 1-4 and their descriptions (the spilled results are pictures; worked by hand from the description)',
    data: NINE,
    formula: '=TAKE(A2:C4,2)',
    expected: [
      [1, 2, 3],
      [4, 5, 6],
    ],
  },
  {
    fn: 'TAKE',
    source: 'https://support.microsoft.com/en-us/excel/take-function',
    note: 'verified against the page: data and formula of examples 1-4 and their descriptions (the spilled results are pictures; worked by hand from the description)',
    data: NINE,
    formula: '=TAKE(A2:C4,,2)',
    expected: [
      [1, 2],
      [4, 5],
      [7, 8],
    ],
  },
  {
    fn: 'TAKE',
    source: 'https://support.microsoft.com/en-us/excel/take-function',
    note: 'verified against the page: data and formula of examples 1-4 and their descriptions (the spilled results are pictures; worked by hand from the description)',
    data: NINE,
    formula: '=TAKE(A2:C4,-2)',
    expected: [
      [4, 5, 6],
      [7, 8, 9],
    ],
  },
  {
    fn: 'TAKE',
    source: 'https://support.microsoft.com/en-us/excel/take-function',
    note: 'verified against the page: data and formula of examples 1-4 and their descriptions (the spilled results are pictures; worked by hand from the description)',
    data: NINE,
    formula: '=TAKE(A2:C4,2,2)',
    expected: [
      [1, 2],
      [4, 5],
    ],
  },
  {
    fn: 'DROP',
    source: 'https://support.microsoft.com/en-us/office/drop-function-1cb4e151-9e17-4838-abe5-9ba48d8c6a34',
    data: NINE,
    formula: '=DROP(A2:C4,2)',
    expected: [[7, 8, 9]],
    note: 'verified against the page: data, formula and description ("remove the first 2 rows and return the last row" and so on)',
  },
  {
    fn: 'DROP',
    source: 'https://support.microsoft.com/en-us/office/drop-function-1cb4e151-9e17-4838-abe5-9ba48d8c6a34',
    data: NINE,
    formula: '=DROP(A2:C4,,2)',
    expected: [[3], [6], [9]],
    note: 'verified against the page: data, formula and description ("remove the first 2 rows and return the last row" and so on)',
  },
  {
    fn: 'DROP',
    source: 'https://support.microsoft.com/en-us/office/drop-function-1cb4e151-9e17-4838-abe5-9ba48d8c6a34',
    data: NINE,
    formula: '=DROP(A2:C4,-2)',
    expected: [[1, 2, 3]],
    note: 'verified against the page: data, formula and description ("remove the first 2 rows and return the last row" and so on)',
  },
  {
    fn: 'DROP',
    source: 'https://support.microsoft.com/en-us/office/drop-function-1cb4e151-9e17-4838-abe5-9ba48d8c6a34',
    data: NINE,
    formula: '=DROP(A2:C4,2,2)',
    expected: [[9]],
    note: 'verified against the page: data, formula and description ("remove the first 2 rows and return the last row" and so on)',
  },
  {
    fn: 'EXPAND',
    source: 'https://support.microsoft.com/en-us/excel/expand-function',
    note: 'verified against the page: data, formula and description (resize to 3x3, pad with #N/A or "-"); the result is a picture',
    data: table([['Data'], [1, 2], [3, 4]]),
    formula: '=EXPAND(A2:B3,3,3)',
    expected: [
      [1, 2, NA],
      [3, 4, NA],
      [NA, NA, NA],
    ],
  },
  {
    fn: 'EXPAND',
    source: 'https://support.microsoft.com/en-us/excel/expand-function',
    note: 'verified against the page: data, formula and description (resize to 3x3, pad with #N/A or "-"); the result is a picture',
    data: table([['Data'], [1, 2], [3, 4]]),
    formula: '=EXPAND(A2,3,3, "-")',
    expected: [
      [1, '-', '-'],
      ['-', '-', '-'],
      ['-', '-', '-'],
    ],
  },
  {
    fn: 'CHOOSECOLS',
    source: 'https://support.microsoft.com/en-us/Excel/choosecols-function',
    data: THIRTY,
    formula: '=CHOOSECOLS(A2:E7,1,3,5,1)',
    cell: 'A9',
    expected: Array.from({ length: 6 }, (_, r) => [1, 3, 5, 1].map((c) => r * 5 + c)),
    note: 'verified against the page: data and formula of examples 1-3 (the spilled results are pictures; worked by hand)',
  },
  {
    fn: 'CHOOSECOLS',
    source: 'https://support.microsoft.com/en-us/Excel/choosecols-function',
    note: 'verified against the page: data and formula of examples 1-3 (the spilled results are pictures; worked by hand)',
    data: CHOOSECOLS_2,
    formula: '=CHOOSECOLS(A2:D7,3,4)',
    cell: 'A9',
    expected: [
      [13, 14],
      [15, 16],
      [17, 18],
      [19, 20],
      [21, 22],
      [23, 24],
    ],
  },
  {
    fn: 'CHOOSECOLS',
    source: 'https://support.microsoft.com/en-us/Excel/choosecols-function',
    note: 'verified against the page: data and formula of examples 1-3 (the spilled results are pictures; worked by hand)',
    data: CHOOSECOLS_2,
    formula: '=CHOOSECOLS(A2:D7,-1,-2)',
    cell: 'A9',
    expected: [
      [14, 13],
      [16, 15],
      [18, 17],
      [20, 19],
      [22, 21],
      [24, 23],
    ],
  },
  {
    fn: 'CHOOSEROWS',
    source: page('CHOOSEROWS'),
    data: TWELVE,
    formula: '=CHOOSEROWS(A2:B7,1,3,5,1)',
    cell: 'A9',
    expected: [
      [1, 2],
      [5, 6],
      [9, 10],
      [1, 2],
    ],
  },
  {
    fn: 'CHOOSEROWS',
    source: page('CHOOSEROWS'),
    data: TWELVE,
    formula: '=CHOOSEROWS(A2:B7,{1,3},5,1)',
    cell: 'A9',
    expected: [
      [1, 2],
      [5, 6],
      [9, 10],
      [1, 2],
    ],
  },
  {
    fn: 'CHOOSEROWS',
    source: page('CHOOSEROWS'),
    data: TWELVE,
    formula: '=CHOOSEROWS(A2:B7,-1,-2)',
    cell: 'A9',
    expected: [
      [11, 12],
      [9, 10],
    ],
  },
  {
    fn: 'TOCOL',
    source: page('TOCOL'),
    data: NAMES,
    formula: '=TOCOL(A2:D4)',
    cell: 'A6',
    expected: ['Ben', 'Peter', 'Mary', 'Sam', 'John', 'Hillary', 'Jenny', 'James', 'Agnes', 'Harry', 'Felicity', 'Henry'].map((n) => [n]),
    note: "the page's last name differs between translations; any text gives the same shape",
  },
  {
    fn: 'TOCOL',
    source: page('TOCOL'),
    data: NAMES_GAPS,
    formula: '=TOCOL(A2:D4)',
    cell: 'A6',
    expected: ['Ben', 'Peter', 'Mary', 'Sam', 'John', 'Hillary', 'Jenny', 'James', 'Agnes', 'Harry', 0, 0].map((n) => [n]),
    note: 'the page: "Blank values return 0"',
  },
  {
    fn: 'TOCOL',
    source: page('TOCOL'),
    data: NAMES_GAPS,
    formula: '=TOCOL(A2:D4,1)',
    cell: 'A6',
    expected: ['Ben', 'Peter', 'Mary', 'Sam', 'John', 'Hillary', 'Jenny', 'James', 'Agnes', 'Harry'].map((n) => [n]),
  },
  {
    fn: 'TOCOL',
    source: page('TOCOL'),
    data: NAMES_GAPS,
    formula: '=TOCOL(A2:D4,1,TRUE)',
    cell: 'A6',
    expected: ['Ben', 'John', 'Agnes', 'Peter', 'Hillary', 'Harry', 'Mary', 'Jenny', 'Sam', 'James'].map((n) => [n]),
  },
  {
    fn: 'TOROW',
    source: page('TOROW'),
    data: NAMES_GAPS,
    formula: '=TOROW(A2:D4,1)',
    cell: 'A6',
    expected: [['Ben', 'Peter', 'Mary', 'Sam', 'John', 'Hillary', 'Jenny', 'James', 'Agnes', 'Harry']],
    note: "TOROW's page uses TOCOL's table; ignore 1 leaves out the two blanks",
  },
  {
    fn: 'WRAPROWS',
    source: 'https://support.microsoft.com/en-us/excel/wraprows-function',
    data: LETTERS,
    formula: '=WRAPROWS(A2:G2,3)',
    note: 'verified against the page: data and formula of the examples (the results are pictures; worked by hand)',
    cell: 'A4',
    expected: [
      ['A', 'B', 'C'],
      ['D', 'E', 'F'],
      ['G', NA, NA],
    ],
  },
  {
    fn: 'WRAPROWS',
    source: 'https://support.microsoft.com/en-us/excel/wraprows-function',
    data: LETTERS,
    formula: '=WRAPROWS(A2:G2,3,"x")',
    note: 'verified against the page: data and formula of the examples (the results are pictures; worked by hand)',
    cell: 'A4',
    expected: [
      ['A', 'B', 'C'],
      ['D', 'E', 'F'],
      ['G', 'x', 'x'],
    ],
  },
  {
    fn: 'WRAPCOLS',
    source: page('WRAPCOLS'),
    data: LETTERS,
    formula: '=WRAPCOLS(A2:G2,3)',
    cell: 'A4',
    expected: [
      ['A', 'D', 'G'],
      ['B', 'E', NA],
      ['C', 'F', NA],
    ],
  },
  {
    fn: 'WRAPCOLS',
    source: page('WRAPCOLS'),
    data: LETTERS,
    formula: '=WRAPCOLS(A2:G2,3,"x")',
    cell: 'A4',
    expected: [
      ['A', 'D', 'G'],
      ['B', 'E', 'x'],
      ['C', 'F', 'x'],
    ],
  },
  {
    fn: 'MAP',
    source: page('MAP'),
    data: SIX,
    formula: '=MAP(A1:C2, LAMBDA(a, IF(a>4,a*a,a)))',
    cell: 'D4',
    expected: [
      [1, 2, 3],
      [4, 25, 36],
    ],
    note: PICTURE,
  },
  {
    fn: 'REDUCE',
    source: page('REDUCE'),
    data: SIX,
    formula: '=REDUCE(, A1:C2, LAMBDA(a,b,a+b^2))',
    cell: 'D4',
    expected: 91,
    note: PICTURE,
  },
  {
    fn: 'SCAN',
    source: page('SCAN'),
    data: SIX,
    formula: '=SCAN(, A1:C2, LAMBDA(a,b,a+b))',
    cell: 'D4',
    expected: [
      [1, 3, 6],
      [10, 15, 21],
    ],
    note: PICTURE,
  },
  {
    fn: 'BYROW',
    source: page('BYROW'),
    data: SIX,
    formula: '=BYROW(A1:C2, LAMBDA(array, MAX(array)))',
    cell: 'D4',
    expected: [[3], [6]],
    note: PICTURE,
  },
  {
    fn: 'BYROW',
    source: page('BYROW'),
    data: SIX,
    formula: '=BYROW(A1:C2, LAMBDA(array, SUMSQ(array)))',
    cell: 'D4',
    expected: [[14], [77]],
    note: PICTURE,
  },
  {
    fn: 'BYCOL',
    source: page('BYCOL'),
    data: SIX,
    formula: '=BYCOL(A1:C2, LAMBDA(array, MAX(array)))',
    cell: 'D4',
    expected: [[4, 5, 6]],
    note: PICTURE,
  },
  {
    fn: 'BYCOL',
    source: page('BYCOL'),
    data: SIX,
    formula: '=BYCOL(A1:C2, LAMBDA(array, SUMSQ(array)))',
    cell: 'D4',
    expected: [[17, 29, 45]],
    note: PICTURE,
  },
  {
    fn: 'MAKEARRAY',
    source: page('MAKEARRAY'),
    formula: '=MAKEARRAY(3,3,LAMBDA(r,c,r*c))',
    cell: 'C2',
    expected: [
      [1, 2, 3],
      [2, 4, 6],
      [3, 6, 9],
    ],
  },
  { fn: 'LAMBDA', source: page('LAMBDA'), formula: '=LAMBDA(number, number + 1)(1)', expected: 2 },
  {
    fn: 'ISOMITTED',
    source: page('ISOMITTED'),
    formula: '=LAMBDA(x,y, IF(ISOMITTED(y),"Missing second argument",x+y))(1,)',
    cell: 'B1',
    expected: 'Missing second argument',
  },
  {
    fn: 'LET',
    source: 'https://support.microsoft.com/en-us/Excel/functions/let-function',
    formula: '=LET(x, 5, SUM(x, 1))',
    expected: 6,
    note: 'verified against the page (example 1: "it will return the value 6")',
  },
  {
    fn: 'SEQUENCE',
    source: page('SEQUENCE'),
    formula: '=SEQUENCE(4,5)',
    expected: Array.from({ length: 4 }, (_, r) => Array.from({ length: 5 }, (_, c) => r * 5 + c + 1)),
    note: 'verified against the page ("an array 4 rows tall by 5 columns wide")',
  },
  {
    fn: 'VSTACK',
    source: 'https://support.microsoft.com/en-us/excel/vstack-function',
    note: 'verified against the page: data and formula of example 1 (the result is a picture; worked by hand)',
    data: table([['Data'], ['A', 'B', 'C', null, 'AA', 'BB', 'CC'], ['D', 'E', 'F', null, 'DD', 'EE', 'FF']]),
    formula: '=VSTACK(A2:C3,E2:G3)',
    cell: 'A5',
    expected: [
      ['A', 'B', 'C'],
      ['D', 'E', 'F'],
      ['AA', 'BB', 'CC'],
      ['DD', 'EE', 'FF'],
    ],
  },
  {
    fn: 'HSTACK',
    source: page('HSTACK'),
    data: table([['Data'], ['A', 'B', 'C', null, 'AA', 'BB', 'CC'], ['D', 'E', 'F', null, 'DD', 'EE', 'FF']]),
    formula: '=HSTACK(A2:C3,E2:G3)',
    cell: 'A5',
    expected: [
      ['A', 'B', 'C', 'AA', 'BB', 'CC'],
      ['D', 'E', 'F', 'DD', 'EE', 'FF'],
    ],
  },
  {
    fn: 'HSTACK',
    source: page('HSTACK'),
    data: table([['Data'], [1, 2, 'A', 'B', 'X', 'Y'], [3, 4, 'C', 'D'], [5, 6]]),
    formula: '=HSTACK(A2:B4,C2:D3,E2:F2)',
    cell: 'A6',
    expected: [
      [1, 2, 'A', 'B', 'X', 'Y'],
      [3, 4, 'C', 'D', NA, NA],
      [5, 6, NA, NA, NA, NA],
    ],
  },
  {
    fn: 'HSTACK',
    source: page('HSTACK'),
    data: table([['Data'], [1, 2, 'A', 'B', 'C', '=VALUE("text")'], [3, 4, 'D', 'E', 'F'], [5, 6]]),
    formula: '=HSTACK(A2:B4,C2:D3,E2:F3)',
    cell: 'A6',
    expected: [
      [1, 2, 'A', 'B', 'C', { error: '#VALUE!' }],
      [3, 4, 'D', 'E', 'F', 0],
      [5, 6, NA, NA, NA, NA],
    ],
    note: "the page's F2 holds the error #VALUE!, here a formula gives it; the blank F3 comes out as 0",
  },
  {
    fn: 'PERCENTOF',
    source: page('PERCENTOF'),
    data: table([
      ['Region', 'Sales'],
      ['East', 100],
      ['West', 300],
    ]),
    formula: '=PERCENTOF(B2,B2:B3)',
    expected: 0.25,
    note: "the page's own table is a picture; this applies its definition, SUM(data_subset)/SUM(data_all), to two values",
  },
  {
    fn: 'TRIMRANGE',
    source: page('TRIMRANGE'),
    data: { B2: 1, C2: 2, B3: 3, C3: 4 },
    formula: '=TRIMRANGE(A1:E10)',
    cell: 'G1',
    expected: [
      [1, 2],
      [3, 4],
    ],
    note: 'the page has no worked example; this is its description (blank outer rows and columns left out) on a small range',
  },
  {
    fn: 'SORTBY',
    source: page('SORTBY'),
    data: table([
      ['Name', 'Age'],
      ['Tom', 52],
      ['Fred', 65],
      ['Amy', 22],
      ['Sal', 73],
    ]),
    formula: '=SORTBY(A2:B5,B2:B5)',
    cell: 'D1',
    expected: [
      ['Amy', 22],
      ['Tom', 52],
      ['Fred', 65],
      ['Sal', 73],
    ],
    note: 'the page sorts a list of names by age (=SORTBY(D2:E9,E2:E9)) shown as a picture; these names and ages stand in for it',
  },
  {
    fn: 'FILTER',
    source: page('FILTER'),
    data: table([
      ['Region', 'Sales'],
      ['East', 10],
      ['West', 20],
      ['East', 30],
    ]),
    formula: '=FILTER(A2:B4,A2:A4="East","")',
    cell: 'D1',
    expected: [
      ['East', 10],
      ['East', 30],
    ],
    note: 'the page filters a table by region (shown as a picture); a smaller table of the same form',
  },
  {
    fn: 'FILTER',
    source: page('FILTER'),
    data: table([
      ['Region', 'Sales'],
      ['East', 10],
      ['West', 20],
    ]),
    formula: '=FILTER(A2:B3,A2:A3="North","none")',
    cell: 'D1',
    expected: 'none',
    note: 'the page: if_empty is returned when no row passes',
  },
  {
    fn: 'SORT',
    source: page('SORT'),
    data: table([
      ['Region', 'Sales'],
      ['East', 10],
      ['West', 30],
      ['North', 20],
    ]),
    formula: '=SORT(A2:B4,2,-1)',
    cell: 'D1',
    expected: [
      ['West', 30],
      ['North', 20],
      ['East', 10],
    ],
    note: 'the page sorts a table by a column, descending (a picture); a smaller table of the same form',
  },
  {
    fn: 'UNIQUE',
    source: page('UNIQUE'),
    data: table([['Name'], ['Fred'], ['Amy'], ['Fred'], ['Sal'], ['Amy']]),
    formula: '=UNIQUE(A2:A6)',
    cell: 'C1',
    expected: [['Fred'], ['Amy'], ['Sal']],
    note: 'the page returns the unique values of a list (a picture); a small list of the same form',
  },
  {
    fn: 'UNIQUE',
    source: page('UNIQUE'),
    data: table([['Name'], ['Fred'], ['Amy'], ['Fred'], ['Sal'], ['Amy']]),
    formula: '=UNIQUE(A2:A6,,TRUE)',
    cell: 'C1',
    expected: [['Sal']],
    note: 'exactly_once TRUE: the values that occur once',
  },
  {
    fn: 'GROUPBY',
    source: page('GROUPBY'),
    data: table([
      ['Region', 'Sales'],
      ['East', 10],
      ['West', 20],
      ['East', 30],
    ]),
    formula: '=GROUPBY(A1:A4,B1:B4,SUM)',
    cell: 'D1',
    expected: [
      ['East', 40],
      ['West', 20],
      ['Total', 60],
    ],
    note: 'the page groups sales by region with SUM (=GROUPBY(A2:A76,D2:D76,SUM), a picture); a smaller table of the same form, headers detected and not shown, the grand total last',
  },
  {
    fn: 'PIVOTBY',
    source: page('PIVOTBY'),
    data: table([
      ['Region', 'Product', 'Sales'],
      ['East', 'Apple', 10],
      ['West', 'Apple', 20],
      ['East', 'Pear', 30],
      ['West', 'Pear', 5],
      ['East', 'Apple', 1],
      ['North', 'Pear', 7],
    ]),
    formula: '=PIVOTBY(A1:A7,B1:B7,C1:C7,SUM)',
    cell: 'E1',
    expected: [
      ['', 'Apple', 'Pear', 'Total'],
      ['East', 11, 30, 41],
      ['North', '', 7, 7],
      ['West', 20, 5, 25],
      ['Total', 31, 42, 73],
    ],
    note: "the page pivots sales by region and product with SUM (a picture); stand-in data of the same form, worked by hand: headers detected and not shown, keys sorted ascending, a Total column and row, the corner and North's Apple cell show nothing (Tickmark holds empty text there)",
  },
  {
    fn: 'PIVOTBY',
    source: page('PIVOTBY'),
    data: table([
      ['Region', 'Product', 'Sales'],
      ['East', 'Apple', 10],
      ['West', 'Apple', 20],
      ['East', 'Pear', 30],
      ['West', 'Pear', 5],
    ]),
    formula: '=PIVOTBY(A2:A5,B2:B5,C2:C5,AVERAGE,0,0,-1,0)',
    cell: 'E1',
    expected: [
      ['', 'Apple', 'Pear'],
      ['West', 20, 5],
      ['East', 10, 30],
    ],
    note: "the page's other eta-reduced functions and options (pictures); stand-in data: AVERAGE, no headers, no totals, rows sorted descending (row_sort_order -1)",
  },
];

const CHOOSEROWS_PAGE = 'https://support.microsoft.com/ko-KR/Excel/chooserows-function';
const TOCOL_PAGE = 'https://support.microsoft.com/zh-CN/Excel/tocol-function';
const BY_HAND = 'data, formula and description (the result is a picture; worked by hand from the description)';

/** The entries whose data, formula and result were compared with the page's text (see markVerified). */
const VERIFIED: Record<string, [url: string, detail?: string]> = {
  'CHOOSEROWS|=CHOOSEROWS(A2:B7,1,3,5,1)': [CHOOSEROWS_PAGE, BY_HAND],
  'CHOOSEROWS|=CHOOSEROWS(A2:B7,{1,3},5,1)': [CHOOSEROWS_PAGE, BY_HAND],
  'CHOOSEROWS|=CHOOSEROWS(A2:B7,-1,-2)': [
    CHOOSEROWS_PAGE,
    'data and formula (the result is a picture; the description, "the last two rows", worked by hand: rows 6 then 5)',
  ],
  'TOCOL|=TOCOL(A2:D4)': [TOCOL_PAGE, `${BY_HAND}; example 1's last name differs between the page's translations`],
  'TOCOL|=TOCOL(A2:D4,1)': [TOCOL_PAGE, BY_HAND],
  'TOCOL|=TOCOL(A2:D4,1,TRUE)': [TOCOL_PAGE, BY_HAND],
  'WRAPCOLS|=WRAPCOLS(A2:G2,3,"x")': ['https://support.microsoft.com/zh-CN/excel/functions/wrapcols-function', BY_HAND],
  'MAKEARRAY|=MAKEARRAY(3,3,LAMBDA(r,c,r*c))': [
    'https://support.microsoft.com/zh-cn/excel/makearray-function',
    'formula and description ("a simple multiplication table"; the result is a picture)',
  ],
  'ISOMITTED|=LAMBDA(x,y, IF(ISOMITTED(y),"Missing second argument",x+y))(1,)': [
    'https://support.microsoft.com/en-US/excel/functions/isomitted-function',
    'formula and description ("return a friendly string"; the result is a picture)',
  ],
  'HSTACK|=HSTACK(A2:C3,E2:G3)': ['https://support.microsoft.com/zh-cn/excel/hstack-function', BY_HAND],
  'HSTACK|=HSTACK(A2:B4,C2:D3,E2:F2)': [
    'https://support.microsoft.com/zh-cn/excel/hstack-function',
    'example 2: data, formula and description (three rows, six columns, #N/A in the empty elements)',
  ],
  'HSTACK|=HSTACK(A2:B4,C2:D3,E2:F3)': [
    'https://support.microsoft.com/zh-cn/excel/hstack-function',
    'example 3: data, formula and description (#N/A in the empty elements; "since cell F3 is originally blank, a 0 value is added to cell F7")',
  ],
};

export const examples: DocumentedExample[] = markVerified(EXAMPLES, VERIFIED);

export const notImplemented: Record<string, string> = {};
