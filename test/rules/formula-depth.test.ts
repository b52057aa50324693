/**
 * Regressions found by the engine fuzz (test/fuzz/engine-fuzz.test.ts): a formula nested
 * deeper than HyperFormula's parser can recurse threw a RangeError out of the whole run, and
 * a Settings sheet without a Type row named no setting.
 */
import { describe, expect, it } from 'vitest';
import { RuleError } from '../../rules/errors.js';
import { formulaParseError } from '../../rules/formula-check.js';
import { formulaDepth, MAX_FORMULA_DEPTH } from '../../rules/formula-depth.js';
import { runRuleSheet } from '../../rules/run.js';
import { readSettings } from '../../rules/settings.js';
import { dataset, memorySink, workbook } from '../helpers/workbooks.js';

const nested = (n: number) => `=${'ABS('.repeat(n)}-1${')'.repeat(n)}`;

describe('formula nesting depth', () => {
  it('counts parentheses and braces outside string literals and quoted sheet names', () => {
    expect(formulaDepth('=SUM((1+2)*3)')).toBe(2);
    expect(formulaDepth('=IF(A1="(((",1,2)')).toBe(1);
    expect(formulaDepth("='a(b'!A1+{1,2}")).toBe(1);
    expect(formulaDepth(`=${'('.repeat(300)}1`)).toBe(300);
  });

  it('refuses a formula nested too deep by its cell, instead of overflowing the parser', async () => {
    const d = dataset('d', ['id:text'], [['T1']]);
    const sheet = (f: string) =>
      workbook({
        Settings: [
          ['Type', 'Check'],
          ['Data', 'd'],
        ],
        Rows: [
          ['id', 'deep', 'Exception'],
          [null, f, '=""'],
        ],
      });
    // Just inside the limit still evaluates: |-1| is 1.
    const sink = memorySink();
    await runRuleSheet({ workbook: sheet(nested(MAX_FORMULA_DEPTH)), datasets: { d }, sink });
    expect(sink.results[0].values[1]).toBe(1);
    const error = await runRuleSheet({ workbook: sheet(nested(300)), datasets: { d }, sink: memorySink() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleError);
    expect((error as RuleError).describe()).toBe(
      'Rows!B2: the formula nests 300 levels of parentheses; at most 100 can be evaluated (Excel allows 64 nested functions)',
    );
    // The editor refuses it at entry with the same words, rather than throwing.
    expect(formulaParseError(`=${'('.repeat(300)}1`)).toMatch(/nests 300 levels/);
  });

  it('names the Type setting when the Settings sheet has none', () => {
    const error = (() => {
      try {
        readSettings(workbook({ Settings: [['Data', 'd']] }));
      } catch (e) {
        return e as RuleError;
      }
    })();
    expect(error?.place).toEqual({ sheet: 'Settings', setting: 'Type' });
  });
});
