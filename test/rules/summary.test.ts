import { describe, expect, it } from 'vitest';
import { runRuleSheet } from '../../rules/run.js';
import { planSummary } from '../../rules/summary-plan.js';
import { dataset, memorySink, settings, workbook } from '../helpers/workbooks.js';

const n = 4321;
const rows = Array.from({ length: n }, (_, i) => [i % 7 === 0 ? 'big' : 'small', (i % 100) - 20, i % 3 === 0 ? null : i]);
const data = dataset('d', ['kind', 'x', 'y:number'], rows);
const xs = rows.map((r) => r[1] as number);
const ys = rows.map((r) => r[2]).filter((v): v is number => v !== null);

async function summaryOf(cells: (string | number | null)[][]) {
  const result = await runRuleSheet({
    workbook: workbook({
      Settings: settings({ Type: 'Check', Data: 'd' }),
      Rows: [
        ['kind', 'x', 'y', 'double', 'Exception'],
        [null, null, null, '=B2*2', '=IF(A2="big","big","")'],
      ],
      Limits: [['factor', 10]],
      Summary: cells,
    }),
    datasets: { d: data },
    sink: memorySink(),
  });
  return result.summary;
}

describe('Summary sheet', () => {
  it('streams whole-column aggregates across blocks and combines them exactly', async () => {
    const summary = await summaryOf([
      ['big', '=COUNTIF(Rows!E:E,"big")'],
      ['sum', '=SUM(Rows!B:B)'],
      ['sumif', '=SUMIF(Rows!A:A,"small",Rows!D:D)'],
      ['countifs', '=COUNTIFS(Rows!A:A,"big",Rows!B:B,">50")'],
      ['counta', '=COUNTA(Rows!A:A)'],
      ['count', '=COUNT(Rows!C:C)'],
      ['min', '=MIN(Rows!B:B)'],
      ['max', '=MAX(Rows!$C:$C)'],
      ['avg', '=AVERAGE(Rows!C:C)'],
      ['mixed', '=ROUND(SUM(Rows!B:B)/COUNT(Rows!B:B)*Limits!$B$1,6)&" pts"'],
      ['sumproduct', '=SUMPRODUCT(Rows!B:B,Rows!D:D)'],
      ['text "Rows!A:A" in a string', '="Rows!A:A"'],
      ['constant', 42],
    ]);
    const bigCount = rows.filter((r) => r[0] === 'big').length;
    expect(summary).toEqual({
      big: bigCount,
      sum: xs.reduce((a, b) => a + b, 0),
      sumif: rows.filter((r) => r[0] === 'small').reduce((a, r) => a + (r[1] as number) * 2, 0),
      countifs: rows.filter((r) => r[0] === 'big' && (r[1] as number) > 50).length,
      counta: n + 1,
      count: ys.length,
      min: Math.min(...xs),
      max: Math.max(...ys),
      avg: ys.reduce((a, b) => a + b, 0) / ys.length,
      mixed: `${Math.round((xs.reduce((a, b) => a + b, 0) / n) * 10 * 1e6) / 1e6} pts`,
      sumproduct: xs.reduce((a, x) => a + x * x * 2, 0),
      'text "Rows!A:A" in a string': 'Rows!A:A',
      constant: 42,
    });
  });

  it('plans streamed aggregates only for whole columns', () => {
    expect(planSummary([['a', '=SUM(Rows!B:B)']])).not.toBeNull();
    expect(planSummary([['a', '=SUM(Rows!B2:B100)']])).toBeNull();
    expect(planSummary([['a', '=INDEX(Rows!B:B,3)']])).toBeNull();
    expect(planSummary([['a', '=MIN(Rows!B:B,5)']])).toBeNull();
  });

  it('falls back to evaluating every row at once for other formulas', async () => {
    const summary = await summaryOf([
      ['third x', '=INDEX(Rows!B:B,4)'],
      ['first rows', '=SUM(Rows!B2:B11)'],
    ]);
    expect(summary).toEqual({ 'third x': xs[2], 'first rows': xs.slice(0, 10).reduce((a, b) => a + b, 0) });
  });

  it('gives Excel results for empty results: MIN of nothing is 0, AVERAGE of nothing is #DIV/0!', async () => {
    const result = await runRuleSheet({
      workbook: workbook({
        Settings: settings({ Type: 'Check', Data: 'd' }),
        Rows: [
          ['x', 'Exception'],
          [null, '=""'],
        ],
        Summary: [
          ['min', '=MIN(Rows!A:A)'],
          ['avg', '=AVERAGE(Rows!A:A)'],
          ['headers', '=COUNTA(Rows!A:B)'],
        ],
      }),
      datasets: { d: dataset('d', ['x:number'], []) },
      sink: memorySink(),
    });
    expect(result.summary).toEqual({ min: 0, avg: '#DIV/0!', headers: 2 });
  });
});
