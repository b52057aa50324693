/**
 * docs/function-coverage.md stays true: regenerated from the engine and the documented
 * corpus, it must equal the checked-in file (run `npx tsx scripts/function-coverage.ts`
 * after changing a function, a family file or the list), and the share of Excel 365's
 * functions implemented and tested by passing documented examples must not drop below
 * what has been achieved (the threshold only ever rises).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COVERAGE_DOC, functionCoverage } from '../../scripts/function-coverage.js';
import { EXCEL_FUNCTIONS } from '../../scripts/excel-functions.js';

/** Implemented and tested, as a share of every function listed. */
const MIN_TESTED_SHARE = 0.95;
/** Implemented, as a share of every function listed. */
const MIN_IMPLEMENTED_SHARE = 0.95;

const coverage = await functionCoverage();

describe('the Excel 365 function coverage table', () => {
  it('lists each function of the reference once, with a category', () => {
    const names = EXCEL_FUNCTIONS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThan(480);
    for (const name of ['XLOOKUP', 'GROUPBY', 'REGEXTEST', 'ISOMITTED', 'COPILOT', 'DAVERAGE', 'CUBEVALUE', 'ENCODEURL'])
      expect(names).toContain(name);
  });

  it('is up to date in docs/function-coverage.md (else run `npx tsx scripts/function-coverage.ts`)', () => {
    // Line by line, so a stale file shows which functions changed.
    expect(readFileSync(COVERAGE_DOC, 'utf8').split('\n')).toEqual(coverage.markdown.split('\n'));
  });

  it('names no documented example of a function outside the list', () => {
    expect(coverage.unlisted).toEqual([]);
  });

  it(`has at least ${MIN_IMPLEMENTED_SHARE * 100}% implemented and ${MIN_TESTED_SHARE * 100}% tested`, () => {
    const { listed, implemented, tested } = coverage.totals;
    console.log(`${listed} listed, ${implemented} implemented, ${tested} tested`);
    expect(implemented / listed).toBeGreaterThanOrEqual(MIN_IMPLEMENTED_SHARE);
    expect(tested / listed).toBeGreaterThanOrEqual(MIN_TESTED_SHARE);
  });

  it('gives every function that is not implemented a reason, or counts it as missing in the table', () => {
    for (const f of coverage.functions.filter((fn) => fn.implementation === null))
      expect(coverage.markdown).toMatch(
        new RegExp(`\\| ${f.name.replace(/\./g, '\\.')} +\\| ${f.reason ? 'not implemented: ' : '\\*\\*missing\\*\\*'}`),
      );
  });
});
