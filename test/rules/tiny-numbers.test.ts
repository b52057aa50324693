/**
 * A number below about 1e-293 came out of HyperFormula as NaN (its output rounding scales by
 * 10^(15 - exponent), which overflows); found by the formula fuzz with `=B2/(1E+308)`. Both
 * evaluators now give the number: 5/1e308 is 5e-308, a normal double.
 */
import { describe, expect, it } from 'vitest';
import { runRuleSheet } from '../../rules/run.js';
import type { ResultRow } from '../../rules/types.js';

const sheet = {
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
        ['qty', 'Tiny', 'Exception'],
        [null, '=A2/1E+308', '=""'],
      ],
    },
  ],
  names: [],
};

describe('numbers near the smallest double', () => {
  for (const evaluator of [undefined, 'hyperformula'] as const)
    it(`come out as numbers, not NaN (${evaluator ?? 'default'} evaluator)`, async () => {
      const rows: ResultRow[] = [];
      await runRuleSheet({
        workbook: sheet,
        datasets: { d: { name: 'd', columns: [{ name: 'qty', type: 'number' }], rows: [[5], [-2]] } },
        sink: { columns: () => {}, rows: (batch) => void rows.push(...batch) },
        ...(evaluator ? { evaluator } : {}),
      });
      expect(rows.map((r) => r.values[1])).toEqual([5e-308, -2e-308]);
    });
});
