/**
 * A date-typed result outside Excel's dates (after 9999-12-31, or negative) is shown as the
 * number, as Excel keeps it (it displays #####), through both evaluators: it used to throw
 * a RangeError from the ISO conversion and end the whole run.
 */
import { describe, expect, it } from 'vitest';
import { dateTypedOutput } from '../../rules/field-values.js';
import { runRuleSheet } from '../../rules/run.js';
import type { ResultRow } from '../../rules/types.js';

const sheet = (formula: string) => ({
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
        ['day', 'Out', 'Exception'],
        [null, formula, '=""'],
      ],
    },
  ],
  names: [],
});

async function run(formula: string, evaluator: 'hyperformula' | undefined) {
  const rows: ResultRow[] = [];
  await runRuleSheet({
    workbook: sheet(formula),
    datasets: { d: { name: 'd', columns: [{ name: 'day', type: 'date' }], rows: [['2024-01-01'], ['9999-12-31']] } },
    sink: { columns: () => {}, rows: (batch) => void rows.push(...batch) },
    ...(evaluator ? { evaluator } : {}),
  });
  return rows.map((r) => r.values[1]);
}

describe('date-typed results outside Excel dates', () => {
  it('are ISO text inside the range and the number outside it', () => {
    expect(dateTypedOutput(45292)).toBe('2024-01-01'); // 2024-01-01 is serial 45292 (1900 system)
    expect(dateTypedOutput(2958465)).toBe('9999-12-31');
    expect(dateTypedOutput(2958466)).toBe(2958466);
    expect(dateTypedOutput(-1)).toBe(-1);
  });

  for (const evaluator of [undefined, 'hyperformula'] as const)
    it(`do not end the run (${evaluator ?? 'default'} evaluator)`, async () => {
      // DATE(…) is date-typed; one day after 9999-12-31 is past Excel's last date: the number, not an exception.
      expect(await run('=DATE(9999,12,31)+IF(A2>45292,1,0)', evaluator)).toEqual(['9999-12-31', 2958466]);
      // Far past any date: the ISO conversion threw a RangeError here.
      expect(await run('=DATE(2024,1,1)+IF(A2>45292,1e300,0)', evaluator)).toEqual(['2024-01-01', 1e300]);
    });
});
