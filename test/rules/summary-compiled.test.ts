/**
 * The streamed Summary's compiled aggregates (rules/summary-compiled.ts) against HyperFormula
 * computing the same formulas over the same blocks (the path every run took before): on seeded
 * random result rows (numbers at the edges, text that reads as numbers, dates and booleans,
 * ISO dates, errors of each kind, blanks) and random headers, every Summary value must be identical.
 */
import { describe, expect, it } from 'vitest';
import { SummaryCompiler } from '../../rules/summary-compiled.js';
import { startSummary } from '../../rules/summary.js';
import type { ResultRow } from '../../rules/types.js';
import type { CellValue, Workbook } from '../../rules/workbook.js';

const VALUES: CellValue[] = [
  ...[0, -0, 1, -1, 2, 5, 5.000000000000001, 0.1, 0.2, 0.3, 1e15 + 0.3, 123456789.123, -42.5, 1e308, -1e308, 1e-300, 5e-324, 7, 100],
  ...['quantity', 'Quantity', 'QUANTITY', 'quantities', 'q', 'price', 'matched', 'x', 'ab*', 'a?c', 'a~c', ''],
  ...['5', '5.0', ' 5 ', '12%', '$5', '1e3', '-7', 'TRUE', 'false', '1/2/2024', '2024-01-31', '2024-01-31T10:30:00', '2024-02-30'],
  'x'.repeat(300),
  true,
  false,
  ...['#DIV/0!', '#N/A', '#VALUE!', '#NUM!', '#REF!', '#NAME?', '#CALC!', '#SPILL!'].map((error) => ({ error })),
  null,
  null,
  null,
];
const HEADERS = ['qty', 'price', 'Exception', 'quantity', '2024', 'TRUE', '5', '#N/A', '12%', 'notes'];

const CRITERIA = [
  '"quantity"',
  '"QUANTITY"',
  '"q*"',
  '"?uantity"',
  '"*"',
  '"a~?c"',
  '">5"',
  '">=0"',
  '"<1"',
  '"<=-1"',
  '"=5"',
  '5',
  '-7',
  '0.3',
  'TRUE',
  'FALSE',
  '"5"',
  '"TRUE"',
  '"12%"',
  '"1/2/2024"',
  '"<>x"',
  '""',
  '"="',
  '"<>"',
  '">x"',
];

function formulas(random: () => number): string[] {
  const col = () => 'ABCDE'[Math.floor(random() * 5)];
  const whole = () => {
    const c = col();
    return `Rows!${c}:${c}`;
  };
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  return [
    `=SUM(${whole()})`,
    `=SUM(${whole()},${whole()})`,
    `=COUNT(${whole()})`,
    `=COUNTA(${whole()})`,
    `=COUNTA(${whole()},${whole()})`,
    `=MIN(${whole()})`,
    `=MAX(${whole()},${whole()})`,
    `=AVERAGE(${whole()})`,
    `=COUNTIF(${whole()},${pick(CRITERIA)})`,
    `=COUNTIF(${whole()},${pick(CRITERIA)})`,
    `=COUNTIF(${whole()},${pick(CRITERIA)})+SUM(${whole()})`,
    `=IF(COUNTIF(${whole()},${pick(CRITERIA)})>0,"some","none")`,
    `=SUM(${whole()})/COUNT(${whole()})`,
    `=MAX(${whole()})-MIN(${whole()})`,
  ];
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function summaryOf(workbook: Workbook, headers: string[], blocks: ResultRow[][], compiled: boolean): Record<string, CellValue> {
  const summary = startSummary(workbook, headers, { compiled, replace: { summary: [] } });
  for (const block of blocks) summary.add(block);
  return summary.finish();
}

describe('the streamed Summary, compiled and through HyperFormula', () => {
  it('gives identical values on 400 random runs', () => {
    let compared = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const random = seeded(seed);
      const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
      const headers = Array.from({ length: 5 }, () => pick(HEADERS));
      // Each run draws from a few values, so sums, matches and errors all occur.
      const pool = Array.from({ length: 6 }, () => pick(VALUES));
      const blocks = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, b) =>
        // At least one row: see the test below for a run without rows.
        Array.from({ length: (b === 0 ? 1 : 0) + Math.floor(random() * 40) }, () => ({
          values: Array.from({ length: 5 }, () => (random() < 0.8 ? pick(pool) : pick(VALUES))),
          exception: null,
          key: '',
        })),
      );
      const cells = formulas(random).map((f, i) => [`v${i}`, f]);
      const workbook: Workbook = {
        sheets: [
          { name: 'Rows', cells: [headers] },
          { name: 'Summary', cells },
        ],
        names: [],
      };
      const compiledValues = summaryOf(workbook, headers, blocks, true);
      const engineValues = summaryOf(workbook, headers, blocks, false);
      expect(
        compiledValues,
        `seed ${seed}: ${JSON.stringify({ headers, cells, blocks: blocks.map((b) => b.map((r) => r.values)) })}`,
      ).toEqual(engineValues);
      compared += Object.keys(engineValues).length;
    }
    expect(compared).toBe(400 * 14);
  });

  it('compiles the whole-column aggregates and leaves the rest to HyperFormula', () => {
    const compiler = new SummaryCompiler({}, ['a', 'b']);
    try {
      for (const formula of [
        'SUM(Rows!A:A)',
        'SUM(Rows!A:A,Rows!B:B)',
        'COUNT(Rows!A:A)',
        'COUNTA(Rows!B:B)',
        'MIN(Rows!A:A)',
        'MAX(Rows!A:A)',
      ])
        expect(compiler.compile([formula]), formula).not.toBeNull();
      for (const criterion of ['"quantity"', '"q*"', '">5"', '5', '-7', 'TRUE', '"<=0"'])
        expect(compiler.compile([`COUNTIF(Rows!A:A,${criterion})`]), criterion).not.toBeNull();
      // Criteria that match an empty cell, criteria from elsewhere, ranges of several columns or bounded rows, other functions.
      for (const formula of [
        'COUNTIF(Rows!A:A,"")',
        'COUNTIF(Rows!A:A,"<>x")',
        'COUNTIF(Rows!A:A,Summary!B1)',
        'SUM(Rows!A:B)',
        'SUM(Rows!A2:A9)',
        'SUMPRODUCT(Rows!A:A)',
        'COUNTIFS(Rows!A:A,"x")',
      ])
        expect(compiler.compile([formula]), formula).toBeNull();
    } finally {
      compiler.destroy();
    }
  });

  it('counts an error header as no match in a run without rows, where HyperFormula gives the error', () => {
    // HyperFormula reads a one-cell range as that cell, so COUNTIF over Rows!B:B with only the
    // header row (an error literal) is #N/A; Excel counts 0. The compiled Summary gives Excel's 0.
    const headers = ['qty', '#N/A'];
    const workbook: Workbook = {
      sheets: [
        { name: 'Rows', cells: [headers] },
        { name: 'Summary', cells: [['Breaks', '=COUNTIF(Rows!B:B,"<=-1")']] },
      ],
      names: [],
    };
    expect(summaryOf(workbook, headers, [], true)).toEqual({ Breaks: 0 });
    expect(summaryOf(workbook, headers, [], false)).toEqual({ Breaks: '#N/A' });
  });

  it('computes a hand-worked Summary', () => {
    const headers = ['qty', 'Exception'];
    const rows = (values: CellValue[][]) => values.map((v) => ({ values: v, exception: null, key: '' }));
    const workbook: Workbook = {
      sheets: [
        { name: 'Rows', cells: [headers] },
        {
          name: 'Summary',
          cells: [
            ['Breaks', '=COUNTIF(Rows!B:B,"quantity")'],
            ['Total', '=SUM(Rows!A:A)'],
            ['Largest', '=MAX(Rows!A:A)'],
            ['Mean', '=AVERAGE(Rows!A:A)'],
            ['Filled', '=COUNTA(Rows!B:B)'],
          ],
        },
      ],
      names: [],
    };
    const blocks = [
      rows([
        [10, 'quantity'],
        [2.5, 'Quantity'],
        ['7', 'price'],
      ]),
      rows([
        [-4, null],
        [true, 'QUANTITY'],
      ]),
    ];
    // By hand: quantity in any case 3 times; numbers 10, 2.5, -4 (text '7' and TRUE are skipped by SUM
    // and AVERAGE over a range); COUNTA counts the header and the four filled cells.
    // Results keep 15 significant digits, as Excel shows them.
    const expected = { Breaks: 3, Total: 8.5, Largest: 10, Mean: Number((8.5 / 3).toPrecision(15)), Filled: 5 };
    expect(summaryOf(workbook, headers, blocks, true)).toEqual(expected);
    expect(summaryOf(workbook, headers, blocks, false)).toEqual(expected);
  });
});
