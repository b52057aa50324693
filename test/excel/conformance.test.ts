/**
 * Excel conformance over the real workbooks in ../shared/corpus/xlsx, measured through
 * `tickmark recalc` itself: each workbook is recalculated by the CLI's command (in process)
 * into a temp folder, the output's cached values are read back and compared with Excel's
 * (numbers to 1e-9 relative, text and errors exactly); a formula recalc kept Excel's value
 * for counts as a difference. One test per workbook, then the total: it fails when the
 * share drops below the threshold in conformance-threshold.json, which only ever rises.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Conformance } from '../../rules/xlsx/conformance.js';
import { CORPUS, corpusFiles, recalcConformance } from '../../scripts/excel-conformance.js';
import { tempDir } from '../helpers/files.js';

const threshold = JSON.parse(readFileSync(join(import.meta.dirname, 'conformance-threshold.json'), 'utf8')) as { total: number };
// Generous: a loaded machine makes a workbook slow, never wrong.
const HEAVY = 600_000;

const files = corpusFiles().sort();
const outDir = tempDir('tickmark-conformance-');
const results = new Map<string, Conformance>();

describe('Excel conformance through tickmark recalc', () => {
  it('has the corpus', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  for (const file of files) {
    const name = relative(CORPUS, file);
    it(
      `recalculates ${name} and compares every cached formula value`,
      async () => {
        const result = await recalcConformance(file, outDir);
        expect(result.agreeing + result.differences.length).toBe(result.formulas);
        results.set(name, result);
      },
      HEAVY,
    );
  }

  it(`agrees with Excel's cached values on at least ${(threshold.total * 100).toFixed(1)}% of the corpus's formulas`, () => {
    expect([...results.keys()]).toHaveLength(files.length);
    let formulas = 0;
    let agreeing = 0;
    const lines: string[] = [];
    for (const [name, result] of results) {
      formulas += result.formulas;
      agreeing += result.agreeing;
      lines.push(`${name}: ${result.agreeing}/${result.formulas}`);
    }
    const total = agreeing / formulas;
    console.log(`${lines.join('\n')}\ntotal: ${agreeing}/${formulas} = ${(total * 100).toFixed(2)}%`);
    expect(total).toBeGreaterThanOrEqual(threshold.total);
  });
});
