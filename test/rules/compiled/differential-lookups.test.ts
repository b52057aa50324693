/**
 * The compiled lookups (rules/compiled/lookups.ts) beside the random differential: the
 * random tables and lookup values of formulas-lookups.ts run in differential.test.ts (its
 * `lookups` groups); here, a guard that the draw reaches hits, misses and errors, the
 * engine's error messages, and the forms the compiler does not take, each with its reason.
 */
import { describe, expect, it } from 'vitest';
import { lookupCase } from './formulas-lookups.js';
import { throughCompiled, throughHyperFormula, type RuleCase } from './harness.js';

describe('the random lookup draw', () => {
  it('the draw reaches hits, misses, errors and wildcard matches', async () => {
    // A guard on the generator: were every lookup to miss, differential.test.ts's lookup groups would prove little.
    const { rule, rows } = lookupCase(14, 600);
    const values = (await throughHyperFormula(rule, rows)).map((row) => row[rule.inputs.length + 2]);
    const kinds = new Set(values.map((v) => (v === null ? 'empty' : typeof v === 'object' ? (v as { error: string }).error : typeof v)));
    expect([...kinds]).toEqual(expect.arrayContaining(['number', '#N/A', '#DIV/0!']));
    const wildcard = rows.findIndex((row) => row[0] === 'app*' && row[3] === null);
    expect(wildcard).toBeGreaterThanOrEqual(0);
  });
});

describe('lookup errors', () => {
  it("carry the engine's messages too (the harness compares codes only)", async () => {
    const rule: RuleCase = {
      inputs: [{ header: 'A' }],
      formulas: [
        '=VLOOKUP(A2,C!$A$1:$B$2,2,FALSE)',
        '=MATCH(A2,C!$A$1:$A$2,0)',
        '=XLOOKUP(A2,C!$A$1:$A$2,C!$B$1:$B$2)',
        '=VLOOKUP(A2,C!$A$1:$B$2,3,FALSE)',
        '=VLOOKUP(A2,C!$A$1:$B$2,0,FALSE)',
        '=@INDEX(C!$B$1:$B$2,MATCH(A2,C!$A$1:$A$2,0))',
      ].map((formula, i) => ({ header: `f${i}`, formula })),
      sheets: [
        {
          name: 'C',
          cells: [
            [12, '#N/A'],
            ['x', null],
          ],
        },
      ],
    };
    const rows = [[12], ['zz'], [99], ['x']];
    const engine = (await throughHyperFormula(rule, rows)).map((row) => row.slice(1));
    expect(throughCompiled(rule, rows).values.map((row) => row.slice(1))).toEqual(engine);
    // Worked from the plugins: "x" finds row 2, whose empty cell VLOOKUP shows as 0 and INDEX as empty.
    expect(engine[3]).toEqual([
      0,
      2,
      0,
      { error: '#REF!', message: "the index 3 is past the table's last column" },
      { error: '#VALUE!', message: 'the row or column index must be 1 or more' },
      null,
    ]);
    expect(engine[1][1]).toEqual({ error: '#N/A', message: 'no value matches' });
    expect(engine[2][1]).toEqual({ error: '#N/A', message: 'Value not found.' });
  });
});

describe('lookups the compiler does not take', () => {
  const sheets = [
    {
      name: 'T',
      cells: [
        ['a', 1],
        ['b', '=1+1'],
        ['c', 3],
      ],
    },
    {
      name: 'U',
      cells: [
        ['a', 1, 2],
        ['b', 2, 3],
      ],
    },
  ];
  const rule = (formulas: string[]): RuleCase => ({
    inputs: [{ header: 'A' }],
    formulas: formulas.map((formula, i) => ({ header: `f${i}`, formula })),
    sheets,
  });

  it('fall back with a reason, and give the engine its value', async () => {
    const formulas = [
      '=VLOOKUP(A2,U!A1:B2,2,FALSE)',
      '=VLOOKUP(A2,T!$A$1:$B$3,2,FALSE)',
      '=VLOOKUP(A2,U!$A$1:$C$2,B2,FALSE)',
      '=VLOOKUP(A2,U!$A$1:$C$2,2,A2)',
      '=XLOOKUP(A2,U!$A$1:$A$2,U!$B$1:$B$2,,2)',
      '=XLOOKUP(A2,U!$A$1:$A$2,U!$B$1:$B$2,,0,-1)',
      '=XLOOKUP(A2,U!$A$1:$A$2,U!$B$1:$C$2)',
      '=MATCH(A2,U!$A$1:$A$2,-1)',
      '=MATCH(A2,U!$A$1:$B$2,0)',
      '=MATCH(A2,U!$A:$A)',
      '=COUNTIFS(U!$A$1:$A$2,A2)',
      '=SUMIF(U!$A:$A,A2,U!$B:$B)',
      '=XLOOKUP(A2,U!$A:$A,U!$B:$B)',
      '=@INDEX(U!$B$1:$B$2,2)',
      '=@INDEX(U!$B:$B,MATCH(A2,U!$A$1:$A$2,0))',
      '=@INDEX(U!$A$1:$C$2,MATCH(A2,U!$A$1:$A$2,0))',
      '=INDEX(U!$B$1:$B$2,MATCH(A2,U!$A$1:$A$2,0))',
    ];
    const result = throughCompiled(rule(formulas), [['a']]);
    expect(result.compiled).toEqual([]);
    expect(result.fallback).toEqual([
      'f0: uses VLOOKUP: its table on U has a relative row (filled down, it moves)',
      'f1: uses VLOOKUP: its table on T holds a formula',
      'f2: uses VLOOKUP with an index that is not a whole number written in the formula',
      'f3: uses VLOOKUP with a range_lookup that is not TRUE, FALSE or a number written in the formula',
      'f4: uses XLOOKUP with a match_mode other than 0 or a search_mode other than 1 (only exact, first-to-last is compiled)',
      'f5: uses XLOOKUP with a match_mode other than 0 or a search_mode other than 1 (only exact, first-to-last is compiled)',
      'f6: uses XLOOKUP whose arrays are not one row or column of the same length',
      'f7: uses MATCH with a match type other than 0 or 1 written in the formula',
      'f8: uses MATCH over a table of more than one row and column',
      'f9: uses MATCH with an approximate match over whole columns',
      'f10: uses COUNTIFS, which the compiler does not take',
      'f11: uses SUMIF over whole columns (a "" criterion counts the empty cells below the data, as far as the engine\'s sheet reaches)',
      'f12: uses XLOOKUP over whole columns of U with no empty cell in the lookup column',
      'f13: uses INDEX with a row that is not a MATCH (a row of 0 picks a whole column)',
      'f14: uses INDEX over whole columns with a MATCH that is not over whole columns of the same sheet',
      'f15: uses INDEX over several rows and columns without a column (it picks a whole row)',
      'f16: uses INDEX without @ (the engine sizes it as its whole table, an array)',
    ]);
    // The engine's answers for "a", worked from the tables above.
    const engine = await throughHyperFormula(rule(formulas), [['a']]);
    expect(engine[0].slice(1, 3)).toEqual([1, 1]);
  });
});
