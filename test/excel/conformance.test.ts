/**
 * Excel conformance over the real workbooks in ../shared/corpus/xlsx: every formula with a
 * cached value is recalculated and compared (numbers to 1e-9 relative, text and errors
 * exactly). Prints per-file and total agreement; fails when the total drops below the
 * threshold in conformance-threshold.json, which only ever rises.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConformance } from '../../rules/xlsx/conformance.js';
import { CORPUS, corpusFiles } from '../../scripts/excel-conformance.js';

const threshold = JSON.parse(readFileSync(join(import.meta.dirname, 'conformance-threshold.json'), 'utf8')) as { total: number };

describe('Excel conformance', () => {
  it(`agrees with Excel's cached values on at least ${(threshold.total * 100).toFixed(1)}% of the corpus's formulas`, () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(50);
    let formulas = 0;
    let agreeing = 0;
    const lines: string[] = [];
    for (const file of files.sort()) {
      const result = checkConformance(new Uint8Array(readFileSync(file)), relative(CORPUS, file));
      formulas += result.formulas;
      agreeing += result.agreeing;
      lines.push(`${relative(CORPUS, file)}: ${result.agreeing}/${result.formulas}`);
    }
    const total = agreeing / formulas;
    console.log(`${lines.join('\n')}\ntotal: ${agreeing}/${formulas} = ${(total * 100).toFixed(2)}%`);
    expect(total).toBeGreaterThanOrEqual(threshold.total);
  });
});
