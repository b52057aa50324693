/**
 * What the compiler refuses falls back with a reason, and takes its neighbours with it; the
 * semantic traps found while building it each have a case here (worked out by hand from
 * HyperFormula's and Tickmark's code, and checked against the HyperFormula path).
 */
import { describe, expect, it } from 'vitest';
import { parseFormula } from '../../../rules/compiled/parse.js';
import { runRuleSheet } from '../../../rules/run.js';
import type { EvaluationReport, EvaluatorChoice, ResultRow } from '../../../rules/types.js';
import { throughCompiled, throughHyperFormula, type RuleCase } from './harness.js';

const inputs = ['A', 'B'].map((header) => ({ header }));

function rule(formulas: string[], extra: Partial<RuleCase> = {}): RuleCase {
  return { inputs, formulas: formulas.map((formula, i) => ({ header: `f${i}`, formula })), ...extra };
}

describe('fallback', () => {
  it('an unsupported function falls back with its name, and so does the column reading it', () => {
    const result = throughCompiled(rule(['=INDIRECT("A2")', '=C2+1', '=A2*2']), [[1, 2]]);
    expect(result.compiled).toEqual(['f2']);
    expect(result.fallback).toEqual([
      'f0: uses INDIRECT, which the compiler does not take',
      'f1: depends on column "f0", which falls back',
    ]);
  });

  it('a run with unsupported functions falls back for those columns, says why, and gives the HyperFormula results', async () => {
    // A Check over qty and price: Total compiles; Indirect (INDIRECT, named first as the outer call), Offset (OFFSET) and
    // Twice (reads Indirect) fall back; the exception column reads Offset, so it falls back too.
    const workbook = {
      sheets: [
        {
          name: 'Settings',
          cells: [
            ['Type', 'Check'],
            ['Data', 'd'],
          ],
        },
        {
          name: 'Rows',
          cells: [
            ['qty', 'price', 'Total', 'Indirect', 'Offset', 'Twice', 'Exception'],
            [null, null, '=A2*B2', '=INDIRECT("A"&ROW())*10', '=OFFSET(B2,0,0)+1', '=D2*2', '=IF(E2>5,"dear","")'],
          ],
        },
      ],
      names: [],
    };
    const datasets = {
      d: {
        name: 'd',
        columns: [
          { name: 'qty', type: 'number' as const },
          { name: 'price', type: 'number' as const },
        ],
        rows: [
          [3, 2],
          [1, 7.5],
          [0, 4],
        ],
      },
    };
    const run = async (evaluator: EvaluatorChoice) => {
      const rows: ResultRow[] = [];
      let report: EvaluationReport | undefined;
      await runRuleSheet({
        workbook,
        datasets,
        evaluator,
        onEvaluation: (r) => (report = r),
        sink: { columns: () => {}, rows: (batch) => void rows.push(...batch) },
      });
      return { rows: rows.map((r) => [r.values, r.exception]), report };
    };
    const compiled = await run('compiled');
    expect(compiled.report).toEqual({
      compiled: ['Total'],
      fallback: [
        { column: 'Indirect', reason: 'uses INDIRECT, which the compiler does not take' },
        { column: 'Offset', reason: 'uses OFFSET, which the compiler does not take' },
        { column: 'Twice', reason: 'depends on column "Indirect", which falls back' },
        { column: 'Exception', reason: 'depends on column "Offset", which falls back' },
      ],
    });
    // Worked by hand: Indirect is qty×10, Offset price+1, Twice Indirect×2.
    expect(compiled.rows).toEqual([
      [[3, 2, 6, 30, 3, 60, ''], null],
      [[1, 7.5, 7.5, 10, 8.5, 20, 'dear'], 'dear'],
      [[0, 4, 0, 0, 5, 0, ''], null],
    ]);
    expect((await run('hyperformula')).rows).toEqual(compiled.rows);
  });

  // Found by the differential work (2026-12-02): OFFSET or INDIRECT onto an EMPTY input was
  // #VALUE! in the HyperFormula blocks when no other formula read that input (no vertex in
  // HyperFormula's graph, and ReferencePlugin read it as JavaScript's null, not an empty cell),
  // and 0 when one did; the compiled evaluator takes the other formula out of the blocks, so
  // the two evaluators differed. ReferencePlugin now reads such a cell as empty: 0 both ways,
  // as in Excel, and `OFFSET(A2,0,0)&"x"` is "x" (it was "FALSEx").
  const offsetSheet = {
    sheets: [
      {
        name: 'Settings',
        cells: [
          ['Type', 'Check'],
          ['Data', 'd'],
        ],
      },
      {
        name: 'Rows',
        cells: [
          ['qty', 'Offset', 'Plain', 'Exception'],
          [null, '=OFFSET(A2,0,0)*10', '=A2*10', '=""'],
        ],
      },
    ],
    names: [],
  };
  const runOffset = async (evaluator: EvaluatorChoice) => {
    const rows: ResultRow[] = [];
    await runRuleSheet({
      workbook: offsetSheet,
      datasets: { d: { name: 'd', columns: [{ name: 'qty', type: 'number' as const }], rows: [[null]] } },
      evaluator,
      sink: { columns: () => {}, rows: (batch) => void rows.push(...batch) },
    });
    return rows.map((r) => r.values);
  };
  it('an empty input read through OFFSET is 0 through HyperFormula alone (as in Excel)', async () => {
    expect(await runOffset('hyperformula')).toEqual([[null, 0, 0, '']]);
  });
  it('an empty input read through OFFSET is 0 with the compiled evaluator too', async () => {
    expect(await runOffset('compiled')).toEqual([[null, 0, 0, '']]);
  });
  it('an empty input no other formula reads is empty to OFFSET and INDIRECT in the HyperFormula blocks', async () => {
    const formulas = ['=OFFSET(A2,0,0)*10', '=OFFSET(A2,0,0)&"x"', '=ISBLANK(OFFSET(A2,0,0))', '=INDIRECT("B"&ROW())+1'];
    // Worked by hand: an empty cell is 0 in arithmetic, "" in text, blank to ISBLANK.
    expect((await throughHyperFormula(rule(formulas), [[null, null]]))[0].slice(2)).toEqual([0, 'x', true, 1]);
  });

  it('a column read by a fallback column falls back too, so HyperFormula never reads a compiled value', () => {
    const result = throughCompiled(rule(['=A2+1', '=OFFSET(C2,0,0)']), [[1, 2]]);
    expect(result.compiled).toEqual([]);
    expect(result.fallback[0]).toBe('f0: column "f1" depends on it and falls back');
  });

  it('references to other rows, ranges over Rows and unknown names fall back', () => {
    const result = throughCompiled(rule(['=A3', '=$A$2', '=SUM(A2:A5)', '=Nope*2']), [[1, 2]]);
    expect(result.compiled).toEqual([]);
    expect(result.fallback.map((f) => f.replace(/^f\d: /, ''))).toEqual([
      'refers to another row of Rows (or to row 2 with $)',
      'refers to another row of Rows (or to row 2 with $)',
      'uses a range outside a lookup the compiler knows',
      'uses the name Nope, which is neither a Param nor a defined name',
    ]);
  });

  it('what the parser does not know is a reason, never a throw', () => {
    expect(parseFormula('={1,2}')).toMatchObject({ ok: false });
    expect(parseFormula('=A2 B2')).toMatchObject({ ok: false });
    expect(parseFormula('=SUM(')).toMatchObject({ ok: false });
    expect(parseFormula('="say ""hi"""')).toEqual({ ok: true, node: { k: 'str', v: 'say "hi"' } });
  });
});

describe('semantic traps, each the same both ways', () => {
  const cases: [string, string, (string | number | boolean | null)[], unknown][] = [
    // An error operand wins before coercion: "abc"+#REF! is #REF!, not #VALUE!.
    ['error before coercion', '="abc"+#REF!', [null, null], { error: '#REF!' }],
    // Unary minus binds tighter than ^.
    ['-2^2 is 4', '=-2^2', [null, null], 4],
    // A formula reading an empty field is empty (Rows keeps evaluateNullToZero off), but arithmetic sees 0.
    ['empty stays empty', '=A2', [null, null], null],
    ['empty in arithmetic is 0', '=A2+1', [null, null], 1],
    // Empty text is not a number (rules/functions/coercion.ts) — and an empty CSV value is an empty cell.
    ['empty text is an empty cell', '=A2&"x"', ['', null], 'x'],
    // Date-typed results show as ISO dates: DATE()+1 stays a date, DATE()-DATE() does not.
    ['date plus number is a date', '=DATE(2024,1,31)+1', [null, null], '2024-02-01'],
    ['date minus date is a number', '=DATE(2024,3,1)-DATE(2024,2,1)', [null, null], 29],
    // Numeric text is a number in arithmetic, and date text a date.
    ['numeric text with spaces', '=A2*2', ['  12 ', null], 24],
    ['date text is a date', '=A2+0', ['2024-01-01', null], '2024-01-01'],
    // Text compares case-insensitively; text and numbers never equal.
    ['case-insensitive text', '=A2=B2', ['Abc', 'aBC'], true],
    ['text is not a number', '=A2=B2', ['1', 1], false],
    // AND skips text read from a cell but refuses it typed in.
    ["AND skips a cell's text", '=AND(A2,B2)', ['abc', true], true],
    ['AND refuses typed text', '=AND("abc",B2)', [null, true], { error: '#VALUE!' }],
    // Excel's decimal ROUND (Tickmark's plugin): 2.675 to 2 places is 2.68.
    ['decimal rounding', '=ROUND(A2,2)', [2.675, null], 2.68],
    // & of a number is JavaScript's shortest form: 1/3 has 16 digits.
    ['number to text', '=A2/3&""', [1, null], '0.3333333333333333'],
    // 15 significant digits on output: 0.1+0.2 shows 0.3.
    ['output rounding', '=A2+B2', [0.1, 0.2], 0.3],
    ['overflow is #NUM!', '=A2*10', [1e308, null], { error: '#NUM!' }],
  ];
  for (const [name, formula, row, expected] of cases) {
    it(name, async () => {
      const r = rule([formula]);
      const compiled = throughCompiled(r, [row]);
      expect(compiled.fallback).toEqual([]);
      const hf = await throughHyperFormula(r, [row]);
      expect(compiled.values[0][2]).toMatchObject(expected as object);
      expect(hf[0][2]).toMatchObject(expected as object);
    });
  }

  it('Params and absolute cells of other sheets are constants', async () => {
    const r = rule(['=A2*Rate+Limits!$B$2', '=IF(A2>Limits!$B$3,"big","small")'], {
      params: { Rate: 0.5 },
      sheets: [
        {
          name: 'Limits',
          cells: [
            ['name', 'value'],
            ['base', 10],
            ['cap', 100],
          ],
        },
      ],
    });
    const compiled = throughCompiled(r, [
      [4, null],
      [400, null],
    ]);
    expect(compiled.fallback).toEqual([]);
    expect(compiled.values.map((v) => v.slice(2))).toEqual([
      [12, 'small'],
      [210, 'big'],
    ]);
    expect(
      (
        await throughHyperFormula(r, [
          [4, null],
          [400, null],
        ])
      ).map((v) => v.slice(2)),
    ).toEqual([
      [12, 'small'],
      [210, 'big'],
    ]);
  });
});
