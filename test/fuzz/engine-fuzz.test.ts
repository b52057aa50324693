/**
 * Engine fuzz (issue 15): generated formulas, valid and broken (unbalanced parentheses,
 * unknown functions, missing sheets, huge ranges, deep nesting, circular references), and
 * generated Settings sheets (unknown settings, typos, wrong types), through the engine's
 * public entry `runRuleSheet`. Each run evaluates (a formula's failure is a value in its cell)
 * or is refused by one RuleError naming the sheet and cell or the setting; nothing else is
 * ever thrown, and no message is an "internal" one.
 */
import fc from 'fast-check';
import type { HyperFormula } from 'hyperformula';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngineWorkbook, toEngineCell } from '../../rules/engine-workbook.js';
import { RuleError } from '../../rules/errors.js';
import { fromEngineValue } from '../../rules/field-values.js';
import { formulaParseError } from '../../rules/formula-check.js';
import { formulaDepthProblem } from '../../rules/formula-depth.js';
import { runRuleSheet } from '../../rules/run.js';
import type { CellInput } from '../../rules/workbook.js';
import { dataset, memorySink, workbook } from '../helpers/workbooks.js';
import { configureFuzz } from './fuzz-helpers.js';

beforeAll(configureFuzz);

const trades = dataset(
  'd',
  ['id:text', 'qty:number', 'price:number', 'sym:text', 'day:date', 'ok:boolean'],
  [
    ['T1', 100, 190.5, 'AAPL', '2026-11-16', true],
    ['T2', -50, 0, 'MSFT', '2026-11-17', false],
    ['T3', null, 12.25, null, null, null],
  ],
);
const confirms = dataset(
  'r',
  ['ref:text', 'quantity:number'],
  [
    ['T1', 100],
    ['T9', 5],
  ],
);
const reference: CellInput[][] = [
  ['Symbol', 'Limit'],
  ['AAPL', 1000],
  ['MSFT', 10],
];

const functionName = fc.constantFrom(
  'SUM',
  'IF',
  'VLOOKUP',
  'INDEX',
  'MATCH',
  'XLOOKUP',
  'COUNTIF',
  'SUMIFS',
  'TEXT',
  'DATE',
  'LET',
  'OFFSET',
  'INDIRECT',
  'FILTER',
  'IFERROR',
  'ROUND',
  'LEFT',
  'NETWORKDAYS',
  'NOSUCHFN',
  'SUMM',
  '_xlfn.XLOOKUP',
  'ARRAYFORMULA',
);

/** A formula fragment: grammar-shaped, so many parse; the mutations below break some. */
const { expr } = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('1', '0', '-2.5', '1E+308', '"AAPL"', '""', 'TRUE()', '#N/A', '"日本"', 'Limit'),
    fc.constantFrom('A2', 'B2', 'C2', 'D2', 'E2', 'F2', 'G2', 'H2', '$B$2', 'Ref!B2', 'Ref!$A$2:$B$3', 'Missing!A1', "'No Such'!B2"),
    // Large ranges that evaluate in bounded time; B1:B1048576 and A:XFD do not (see the report).
    fc.constantFrom('A:A', 'B1:B5000', 'Ref!A:B', '1:1', 'H2', 'G2:H2', 'Rows!G2', 'ZZZ99999999'),
    fc.record({ fn: functionName, args: fc.array(tie('expr'), { maxLength: 3 }) }).map(({ fn, args }) => `${fn}(${args.join(',')})`),
    fc
      .tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '^', '&', '=', '<>', '<', '>=', ':', ' '), tie('expr'))
      .map((t) => t.join('')),
    tie('expr').map((e) => `(${e})`),
  ),
}));

/** A whole formula: a generated one, perhaps broken, or a deliberately deep or large one. */
const formula = fc.oneof(
  { weight: 8, arbitrary: expr.map((e) => `=${e}`) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(expr, fc.constantFrom('(', ')', ',', '"', '!', '=', '#', '$', '@', '{', '[', ';'), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([e, junk, at]) => {
        const text = `=${e}`;
        const i = 1 + Math.floor((text.length - 1) * at);
        return text.slice(0, i) + junk + text.slice(i);
      }),
  },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 400 }).map((n) => `=${'('.repeat(n)}1${')'.repeat(n)}`) },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 120 }).map((n) => `=${'ABS('.repeat(n)}-1${')'.repeat(n)}`) },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 300 }).map((n) => `=${'('.repeat(n)}1`) },
  { weight: 1, arbitrary: fc.constantFrom('=SUM(A:B)', '=COUNTIF(B:B,">0")', '=G2', '=H2+1', '=Rows!G2*2', '=', '=)(', '==1') },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => `=${s}`) },
);

const MISSING_SHEET = /Missing!|'No Such'!/;

/** Faults an engine refusal may name: sheet and cell, or a setting, or a dataset's field. */
function engineRefusalProblem(error: unknown): string | null {
  if (!(error instanceof RuleError)) {
    const e = error as Error;
    return `not a RuleError: ${e?.name}: ${e?.message}\n${e?.stack ?? ''}`;
  }
  const where = error.describe();
  if (/internal/i.test(error.message) || /\bundefined\b|\bNaN\b|\[object Object\]/.test(error.message)) return `bad message: ${where}`;
  const p = error.place;
  const named = Boolean((p.sheet && (p.cell || p.row)) || p.setting || p.dataset || p.column);
  if (!named) return `names no sheet!cell or setting: ${where}`;
  return null;
}

async function outcome(run: () => Promise<unknown>): Promise<'ran' | 'refused'> {
  try {
    await run();
    return 'ran';
  } catch (error) {
    const problem = engineRefusalProblem(error);
    if (problem) throw new Error(problem, { cause: error });
    return 'refused';
  }
}

describe('formula fuzz', () => {
  // One engine for the many single-formula cases: building an instance costs far more than a
  // formula, and the cells around G2 stay put so circular references (H2 = G2 + 1) can form.
  let hf: HyperFormula;
  beforeAll(() => {
    hf = loadEngineWorkbook(
      workbook({
        Rows: [
          ['id', 'qty', 'price', 'sym', 'day', 'ok', 'f', 'g'],
          ['T1', 100, 190.5, 'AAPL', 46342, true, null, '=G2+1'],
        ],
        Ref: reference,
      }),
      { params: { Limit: 500 } },
    );
  });
  afterAll(() => hf.destroy());

  it('evaluates 2,600 generated formulas to a value or an error value; the editor check never throws', () => {
    const seen = { values: 0, errors: 0, unparsable: 0, tooDeep: 0 };
    fc.assert(
      // References to sheets the workbook lacks make HyperFormula add placeholder sheets that a
      // later edit of the same instance trips over ("There's no sheet with id"): those formulas
      // are fuzzed through whole runs below, one engine each, as a run loads them.
      fc.property(
        formula.filter((text) => !MISSING_SHEET.test(text)),
        (text) => {
          // The editor's check at entry: a message or null, never an exception.
          const parseError = formulaParseError(text);
          if (formulaDepthProblem(text)) {
            seen.tooDeep += 1;
            expect(parseError).toMatch(/levels of parentheses/);
            return;
          }
          if (parseError) seen.unparsable += 1;
          const g2 = { sheet: hf.getSheetId('Rows')!, row: 1, col: 6 };
          hf.setCellContents(g2, [[toEngineCell(text)]]);
          const value = fromEngineValue(hf.getCellValue(g2));
          const h2 = fromEngineValue(hf.getCellValue({ ...g2, col: 7 }));
          for (const v of [value, h2]) {
            if (v !== null && typeof v === 'object') {
              seen.errors += 1;
              expect(v.error).toMatch(/^#[A-Z0-9/!?]+/);
            } else {
              seen.values += 1;
              expect(['number', 'string', 'boolean', 'object']).toContain(typeof v);
              if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 2600 },
    );
    console.log('formula fuzz:', seen);
    expect(seen.values).toBeGreaterThan(500);
    expect(seen.errors).toBeGreaterThan(500);
    expect(seen.unparsable).toBeGreaterThan(100);
  });

  it('runs 120 check sheets of generated formulas: every row evaluated, or a refusal naming the cell', async () => {
    const seen = { ran: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(formula, { minLength: 1, maxLength: 3 }), formula, fc.boolean(), async (formulas, summary, withSummary) => {
        const header = ['id', 'qty', 'price', 'sym', 'day', 'ok', ...formulas.map((_, i) => `f${i + 1}`), 'Exception'];
        const rowTwo: CellInput[] = [null, null, null, null, null, null, ...formulas, '=IF(ISERROR(G2),"broken","")'];
        const sheets: Record<string, CellInput[][]> = {
          Settings: [
            ['Type', 'Check'],
            ['Data', 'd'],
            ['Key', 'id'],
            ['Param Limit', 500],
          ],
          Rows: [header, rowTwo],
          Ref: reference,
        };
        if (withSummary) sheets.Summary = [['Generated', summary]];
        const result = await outcome(async () => {
          const sink = memorySink();
          const run = await runRuleSheet({ workbook: workbook(sheets), datasets: { d: trades }, sink });
          // A run that evaluates says so for every row.
          expect(run.counts.rows).toBe(3);
          expect(sink.results).toHaveLength(3);
        });
        seen[result] += 1;
      }),
      { numRuns: 120 },
    );
    console.log('check-sheet fuzz:', seen);
    expect(seen.ran).toBeGreaterThan(60);
  });
});

/** A Settings row: known names, typos and unknown ones, with values of the right and wrong types. */
const settingName = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'Type',
      'Data',
      'Left',
      'Right',
      'Match 1',
      'Match 2',
      'Match 3',
      'Key',
      'Lookup',
      'Age from',
      'Exception column',
      'Aggregate Left',
      'Aggregate Right',
      'Param Limit',
      'Param 1x',
      'Param',
      'Trades',
      'Method',
      'Base currency',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom('Tpye', 'type ', 'TYPE', 'Mtach 1', 'Match 0', 'Match x', 'Dat', 'Agregate Left', 'Keys', '  ') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const settingValue: fc.Arbitrary<CellInput> = fc.oneof(
  fc.constantFrom(
    'Check',
    'Reconciliation',
    'Report',
    'check',
    'Recon',
    'd',
    'r',
    'Ref',
    'id = ref',
    'left.id = right.ref, qty = quantity',
  ),
  fc.constantFrom('qty: SUM', 'price: WAVG', 'price: WAVG(qty)', 'qty: MEDIAN', 'qty SUM', 'qty: SUM(x)', 'id', 'day', 'nope', 'FIFO'),
  fc.constantFrom('=1+1', '=', '', ' ', 'x'.repeat(10_000)),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 10 }),
);

describe('Settings fuzz', () => {
  it('runs 800 generated Settings sheets: a run, or a refusal naming the setting', async () => {
    const seen = { ran: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('Check', 'Reconciliation', null),
        fc.array(fc.tuple(settingName, settingValue), { maxLength: 7 }),
        async (type, rows) => {
          // A plausible start most of the time, so the fuzz reaches past the first line.
          const start: CellInput[][] =
            type === 'Check'
              ? [
                  ['Type', 'Check'],
                  ['Data', 'd'],
                ]
              : type === 'Reconciliation'
                ? [
                    ['Type', 'Reconciliation'],
                    ['Left', 'd'],
                    ['Right', 'r'],
                    ['Match 1', 'id = ref'],
                  ]
                : [];
          const sheets: Record<string, CellInput[][]> = {
            Settings: [...start, ...rows],
            Rows: [
              ['id', 'qty', 'Exception'],
              [null, null, '=IF(B2>Limit,"size","")'],
            ],
            Ref: reference,
          };
          const result = await outcome(() =>
            runRuleSheet({ workbook: workbook(sheets), datasets: { d: trades, r: confirms }, sink: memorySink() }),
          );
          seen[result] += 1;
        },
      ),
      { numRuns: 800 },
    );
    console.log('Settings fuzz:', seen);
    expect(seen.ran).toBeGreaterThan(20);
    expect(seen.refused).toBeGreaterThan(300);
  });
});
