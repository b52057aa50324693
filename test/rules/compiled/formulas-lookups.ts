/**
 * The lookup group of the differential test (issue 14): reference tables drawn at random
 * with duplicates and every kind of key, lookup values drawn so that hits, misses, case and
 * accent variants, numeric text against numbers, empties, errors and wildcard characters all
 * occur, and the formulas that read them. G and H are the inputs A and B wrapped (harness.ts's
 * `wrapped`) so they are sometimes errors, dates or percentages.
 */
import type { RawCellContent } from 'hyperformula';
import type { EngineScalar } from '../../../rules/compiled/api.js';
import type { CellInput, SheetData } from '../../../rules/workbook.js';
import { rng } from '../../../scripts/random.js';
import type { RuleCase } from './harness.js';
import { wrapped } from './harness.js';

/** Keys for the tables: text in several cases and accents, numeric text, numbers, booleans, wildcard characters, collation traps. */
const KEYS: (string | number | boolean)[] = [
  'abc',
  'ABC',
  'Abc',
  'abd',
  'Straße',
  'STRASSE',
  'é',
  'e',
  'É',
  'x*y',
  'xay',
  'a?c',
  'a~b',
  'a*',
  'apple',
  'Apples',
  '12',
  ' 12',
  '12.0',
  'TRUE',
  'a\u200bb',
  'ab',
  'AB',
  'Ǆ',
  'ǆ',
  '2024-01-01',
  12,
  12.0000000000001,
  0,
  1,
  2.5,
  -3,
  45292,
  1e15,
  true,
  false,
];

/** Lookup values: the keys (hits), variants and misses, empties and wildcard patterns. */
const PROBES: EngineScalar[] = [
  ...(KEYS as EngineScalar[]),
  'aBc',
  'ABD',
  'strasse',
  'E',
  'zzz',
  'x?y',
  'X*',
  '*',
  '?',
  'a~?c',
  'a~~b',
  '~*',
  'app*',
  '?bc',
  'ab*',
  'A\u200BB',
  '  12',
  '13',
  99999,
  -0,
  1.5,
  null,
  '',
  'FALSE',
];

/** A lookup dataset's sheet as the run fills it (rules/lookup-sheets.ts): headers, then text behind `'`. */
function datasetSheet(rows: (string | number | boolean | null)[][]): RawCellContent[][] {
  return [
    ['key', 'price', 'name', 'flag'],
    ...rows.map((row) => row.map((v) => (v === null || v === '' ? null : typeof v === 'string' ? `'${v}` : v))),
  ];
}

/** The rule, its tables and its rows; every table and row drawn from `seed`. */
export function lookupCase(seed: number, count: number): { rule: RuleCase; rows: EngineScalar[][] } {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  // 150 rows from ~36 keys: most keys repeat, with different prices, so the first match matters.
  const priceRows = Array.from({ length: 150 }, (_, i) => [
    random() < 0.05 ? null : pick(KEYS),
    random() < 0.1 ? null : Math.round(random() * 100000) / 100,
    random() < 0.1 ? null : `name ${i}`,
    random() < 0.5,
  ]);
  const codes: CellInput[][] = [
    ['abc', 'alpha'],
    ['ABC', 'ALPHA'],
    [12, '#N/A'],
    ['12', 'twelve text'],
    ['', 'empty text'],
    [null, 'empty cell'],
    [true, 'yes'],
    ['x*y', null],
    ['é', 'e acute'],
    ['a?c', 'question'],
  ];
  const bands: CellInput[][] = [0, 10, 20, 20, 50, 'mid', 100, 250.5, 1000, true, 45292, 1e15].map((v, i) => [v, `band ${i}`]);
  const across: CellInput[][] = [
    ['abc', 12, 'x*y', true, 'ABC', ''],
    ['first', 'twelve', 'star', 'yes', 'second', 'blank'],
  ];
  const sheets: SheetData[] = [
    { name: 'Prices', cells: [['key', 'price', 'name', 'flag']] },
    { name: 'Codes', cells: codes },
    { name: 'Bands', cells: bands },
    { name: 'Across', cells: across },
  ];
  const last = priceRows.length + 1;
  const P = (cols: string) => `Prices!$${cols[0]}$2:$${cols[1]}$${last}`;
  const formulas = [
    { header: 'G', formula: wrapped('A', 'D') },
    { header: 'H', formula: wrapped('B', 'E') },
    ...[
      `=VLOOKUP(G2,${P('AD')},2,FALSE)`,
      `=VLOOKUP(G2,${P('AD')},3,0)`,
      `=VLOOKUP(A2,${P('AD')},4,FALSE)`,
      `=VLOOKUP(G2,Prices!$A:$D,2,FALSE)`,
      `=VLOOKUP(G2,${P('AD')},5,FALSE)`,
      `=VLOOKUP(G2,${P('AD')},0,FALSE)`,
      `=VLOOKUP(G2,${P('AB')},2,)`,
      `=VLOOKUP(G2,${P('AB')},2)`,
      `=VLOOKUP(H2,Bands!$A$1:$B$12,2,TRUE)`,
      `=VLOOKUP(H2,Bands!$A$1:$B$12,2)`,
      `=VLOOKUP(G2,Codes!$A$1:$B$10,2,FALSE)`,
      `=VLOOKUP(G2&"",${P('AB')},2,FALSE)`,
      `=IFERROR(VLOOKUP(G2,${P('AB')},2,FALSE),"missing")`,
      `=VLOOKUP(G2,${P('AB')},2,FALSE)*2`,
      `=HLOOKUP(G2,Across!$A$1:$F$2,2,FALSE)`,
      `=HLOOKUP(G2,Across!$A$1:$F$2,3,FALSE)`,
      `=MATCH(G2,${P('AA')},0)`,
      `=MATCH(A2,Prices!$A:$A,0)`,
      `=MATCH(H2,Bands!$A$1:$A$12,1)`,
      `=MATCH(H2,Bands!$A$1:$A$12)`,
      `=MATCH(G2,Across!$A$1:$F$1,0)`,
      `=MATCH(G2,Codes!$A$1:$A$10,0)`,
      `=XLOOKUP(G2,${P('AA')},${P('BB')})`,
      `=XLOOKUP(G2,${P('AA')},${P('CC')},"none")`,
      `=XLOOKUP(A2,Prices!$A:$A,Prices!$D:$D,H2)`,
      `=XLOOKUP(G2,${P('AA')},${P('BB')},,0,1)`,
      `=XLOOKUP(A2,Codes!$A$1:$A$10,Codes!$B$1:$B$10)`,
      `=XLOOKUP(G2,Across!$A$1:$F$1,Across!$A$2:$F$2,0)`,
      // As the importer marks a legacy formula that could spill (rules/xlsx/implicit-intersection.ts).
      `=@XLOOKUP(G2,${P('AA')},${P('CC')},"none")`,
      `=@G2&"|"`,
      // INDEX as the importer writes it in a Rows formula (a bare INDEX of a computed row is an array).
      `=@INDEX(${P('BB')},MATCH(G2,${P('AA')},0))`,
      `=@INDEX(${P('AD')},MATCH(A2,${P('AA')},0),3)`,
      `=@INDEX(Prices!$C:$C,MATCH(G2,Prices!$A:$A,0))`,
      `=@INDEX(Codes!$B$1:$B$10,MATCH(G2,Codes!$A$1:$A$10,0))`,
      `=@INDEX(Across!$A$2:$F$2,MATCH(G2,Across!$A$1:$F$1,0))`,
      `=@INDEX(Bands!$B$1:$B$5,MATCH(H2,Bands!$A$1:$A$12,1))`,
      `=IFERROR(@INDEX(${P('CC')},MATCH(G2,${P('AA')},0)),"none")`,
      // One criterion, the engine's own criteria code: operators, numeric text, wildcards, empties.
      `=COUNTIF(${P('AA')},G2)`,
      `=COUNTIF(${P('AA')},">"&H2)`,
      `=COUNTIF(${P('AA')},"<>"&G2)`,
      `=COUNTIF(${P('AA')},"="&A2)`,
      `=COUNTIF(${P('DD')},G2)`,
      `=COUNTIF(Codes!$A$1:$B$10,G2)`,
      `=COUNTIF(${P('AA')},"")`,
      `=SUMIF(${P('AA')},G2,${P('BB')})`,
      `=SUMIF(${P('AA')},"<="&H2,${P('BB')})`,
      `=SUMIF(Bands!$A$1:$A$12,"<="&H2)`,
      `=SUMIF(Codes!$A$1:$A$10,G2,Codes!$B$1:$B$10)`,
      `=SUMIF(${P('AA')},"a*",${P('BB')})`,
    ].map((formula, i) => ({ header: `f${i}`, formula })),
  ];
  const rule: RuleCase = {
    inputs: ['A', 'B', 'C', 'D', 'E', 'F'].map((header) => ({ header })),
    formulas,
    sheets,
    replace: { prices: datasetSheet(priceRows) },
  };
  const numbers = (): EngineScalar => pick([-5, 0, 5, 10, 15, 20, 49.9, 50, 99, 100, 300, 999, 1000, 5000, 45292, 1e15, 2e15]);
  const selector = (): EngineScalar => (random() < 0.8 ? null : pick(['div', 'na', 'value', 'num', 'ref', 'name', 'null', 'pct', 'date']));
  const rows = Array.from({ length: count }, (): EngineScalar[] => [
    pick(PROBES),
    random() < 0.6 ? numbers() : pick(PROBES),
    null,
    selector(),
    selector(),
    null,
  ]);
  return { rule, rows };
}
