/**
 * Prints Excel conformance over ../shared/corpus/xlsx: per file and in total, and with
 * `--list` every difference (the source of docs/excel-compatibility.md's table).
 *
 *   npx tsx scripts/excel-conformance.ts [--list]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkConformance } from '../rules/xlsx/conformance.js';

export const CORPUS = join(process.cwd(), '..', 'shared', 'corpus', 'xlsx');

export function corpusFiles(dir = CORPUS): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? corpusFiles(join(dir, e.name)) : e.name.endsWith('.xlsx') ? [join(dir, e.name)] : [],
  );
}

if (process.argv[1]?.endsWith('excel-conformance.ts')) {
  let formulas = 0;
  let agreeing = 0;
  const list = process.argv.includes('--list');
  for (const file of corpusFiles().sort()) {
    const name = relative(CORPUS, file);
    try {
      const result = checkConformance(new Uint8Array(readFileSync(file)), name);
      formulas += result.formulas;
      agreeing += result.agreeing;
      console.log(`${name}: ${result.agreeing}/${result.formulas}`);
      if (list)
        for (const d of result.differences)
          console.log(`  ${d.cell}\t${d.formula}\texcel=${JSON.stringify(d.excel)}\ttickmark=${JSON.stringify(d.tickmark)}`);
    } catch (error) {
      console.log(`${name}: cannot be read: ${(error as Error).message}`);
    }
  }
  console.log(`total: ${agreeing}/${formulas} = ${((100 * agreeing) / formulas).toFixed(2)}%`);
}
