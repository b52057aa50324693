/**
 * The compiled date, calendar and text functions beside the random differential (issue 14):
 * formulas-dates-text.ts's formulas run over random rows in differential.test.ts (its
 * `dates-text` groups); here are what falls back, a holiday in a cell, the guard on the
 * bodies, and the 1904 date system, which the random groups (1900 workbooks) do not reach.
 */
import { CellError, ErrorType } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { guardedBody } from '../../../rules/compiled/functions-guard.js';
import { ENGINE_FAILURE } from '../../../rules/functions/guard.js';
import { dateTextRows } from './formulas-dates-text.js';
import type { RawCellContent } from 'hyperformula';
import type { EngineScalar } from '../../../rules/compiled/api.js';
import { compileRowsRule } from '../../../rules/compiled/compile.js';
import { loadEngineWorkbook } from '../../../rules/engine-workbook.js';
import { evaluateRows } from '../../../rules/row-evaluator.js';
import type { CellValue } from '../../../rules/workbook.js';
import { canonical, describeDiffs, differences, ruleWorkbook, selectorSource, throughCompiled, wrapped, type RuleCase } from './harness.js';

const INPUTS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((header) => ({ header }));

function ruleOf(formulas: string[]): RuleCase {
  return {
    inputs: INPUTS,
    formulas: [
      { header: 'I', formula: wrapped('A', 'D') },
      { header: 'J', formula: wrapped('B', 'E') },
      { header: 'K', formula: wrapped('C', 'F') },
      ...formulas.map((formula, i) => ({ header: `f${i}`, formula })),
    ],
  };
}

describe('what these functions leave to HyperFormula', () => {
  const two = ['A', 'B'].map((header) => ({ header }));
  const holidays = { name: 'Holidays', cells: [['Day'], [45306], [45341], ['NYSE']] };

  it('TODAY and NOW fall back (volatile), and so do a holiday range, CONCAT over a range and NETWORKDAYS with holidays', () => {
    const formulas = [
      '=TODAY()',
      '=NOW()-A2',
      '=BDAYS(A2,B2,Holidays!$A$2:$A$4)',
      '=NETWORKDAYS(A2,B2,Holidays!$A$2:$A$3)',
      '=CONCAT(Holidays!$A$1:$A$4)',
      '=TEXTJOIN(",",TRUE,Holidays!$A$1:$A$4)',
    ];
    const result = throughCompiled(
      { inputs: two, formulas: formulas.map((formula, i) => ({ header: `f${i}`, formula })), sheets: [holidays] },
      [[45292, 45400]],
    );
    expect(result.compiled).toEqual([]);
    expect(result.fallback.map((f) => f.replace(/^f\d: /, ''))).toEqual([
      'uses TODAY, which the compiler does not take',
      'uses NOW, which the compiler does not take',
      'uses a range outside a lookup the compiler knows',
      'uses a range outside a lookup the compiler knows',
      'uses a range outside a lookup the compiler knows',
      'uses a range outside a lookup the compiler knows',
    ]);
  });

  it('a holiday given as one cell of another sheet compiles and counts as the engine counts it', async () => {
    // 2024-01-15 (45306) is Martin Luther King Day, a Monday: from Fri 2024-01-12 (45303) to
    // Tue 2024-01-16 (45307) only the Tuesday is a business day; Friday and Tuesday trade, the
    // Monday does not. The text NYSE in a cell is NYSE's calendar, which has the holiday too.
    const rule: RuleCase = {
      inputs: two,
      formulas: [
        { header: 'f0', formula: '=BDAYS(A2,B2,Holidays!$A$2)' },
        { header: 'f1', formula: '=ISTRADINGDAY(A2,Holidays!$A$2)' },
        { header: 'f2', formula: '=BDAYS(A2,B2,Holidays!$A$4)' },
      ],
      sheets: [holidays],
    };
    const rows = [
      [45303, 45307],
      [45306, 45306],
      [45307, 45303],
    ];
    const compiled = throughCompiled(rule, rows);
    expect(compiled.fallback).toEqual([]);
    expect(compiled.values.map((row) => row.slice(2))).toEqual([
      [1, true, 1],
      [0, false, 0],
      [-1, true, -1],
    ]);
    const result = await differences(rule, rows);
    expect(result.diffs.length, describeDiffs(result.diffs)).toBe(0);
  });
});

describe('the guard on the compiled bodies', () => {
  it('an exception inside a body is #VALUE! with the engine guard message, as guard.ts makes it', () => {
    const body = guardedBody((n: number) => {
      if (n > 1) throw new RangeError('too far');
      return n;
    });
    expect(body(1)).toBe(1);
    const failed = body(2);
    expect(failed).toBeInstanceOf(CellError);
    expect((failed as CellError).type).toBe(ErrorType.VALUE);
    expect((failed as CellError).message).toBe(`${ENGINE_FAILURE}: too far`);
  });
});

describe('the 1904 date system', () => {
  // The harness builds 1900-system workbooks; TEXT, the date parts and EDATE read the date
  // system from the engine's configuration, so a 1904 workbook is run both ways here.
  const formulas = [
    '=YEAR(A2)',
    '=DAY(A2)',
    '=EOMONTH(A2,B2)',
    '=TEXT(A2,"yyyy-mm-dd")',
    '=TEXT(A2,H2)',
    '=WEEKDAY(A2)',
    '=DATEVALUE(C2)',
    '=VALUE(C2)',
  ];

  it(`${formulas.length} formulas give identical values in a 1904 workbook`, async () => {
    const rule = ruleOf(formulas);
    const { workbook, layout } = ruleWorkbook(rule);
    workbook.date1904 = true;
    const rows = dateTextRows(21, 600, selectorSource(22, true));
    const compiled = compileRowsRule({ workbook, layout, inputTypes: new Map(), params: {}, replace: {} });
    expect(compiled.fallback).toEqual([]);
    const hf = loadEngineWorkbook(workbook, { params: {}, replace: {}, engine: { useColumnIndex: false, evaluateNullToZero: false } });
    const expected: CellValue[][] = [];
    try {
      await evaluateRows(hf, layout, {
        count: rows.length,
        inputsOf: (index) => {
          const cells = new Map<number, RawCellContent>();
          const outputs = new Map<number, CellValue>();
          rows[index].forEach((v: EngineScalar, col) => {
            cells.set(col, v === null || v === '' ? null : typeof v === 'string' ? `'${v}` : v);
            outputs.set(col, v);
          });
          return { cells, outputs, key: String(index) };
        },
        onBlock: async (block) => {
          for (const row of block) expected.push(row.values);
        },
      });
    } finally {
      hf.destroy();
    }
    const diffs: string[] = [];
    // YEAR of serial 0 is 1904 here, 1900 in the 1900 system: the system is really in play.
    let years1904 = 0;
    rows.forEach((row, r) => {
      const out: CellValue[] = new Array(layout.headers.length).fill(null);
      compiled.evaluate((index) => row[index], out);
      if (row[0] === 0 && out[11] === 1904) years1904 += 1;
      for (let j = 11; j < layout.headers.length; j++)
        if (canonical(out[j]) !== canonical(expected[r][j]))
          diffs.push(
            `${layout.columns[j].kind === 'formula' ? formulas[j - 11] : j} ${JSON.stringify(row)}: ${canonical(expected[r][j])} vs ${canonical(out[j])}`,
          );
    });
    expect(diffs.slice(0, 20)).toEqual([]);
    expect(years1904).toBeGreaterThan(0);
  });
});
