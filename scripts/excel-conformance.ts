/**
 * Prints Excel conformance over ../shared/corpus/xlsx, measured through `tickmark recalc`
 * itself: each workbook is recalculated by the CLI's own command into a temp folder, the
 * output's cached values are read back and compared with Excel's. Per file and in total,
 * and with `--list` every difference (the source of docs/excel-compatibility.md's table).
 *
 *   npx tsx scripts/excel-conformance.ts [--list]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { recalcCommand } from '../cli/recalc-command.js';
import type { RecalcResult } from '../rules/recalc.js';
import { compareWithExcel, type Conformance } from '../rules/xlsx/conformance.js';
import { readWorkbookXlsx } from '../rules/xlsx/read-workbook.js';

export const CORPUS = join(process.cwd(), '..', 'shared', 'corpus', 'xlsx');

export function corpusFiles(dir = CORPUS): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? corpusFiles(join(dir, e.name)) : e.name.endsWith('.xlsx') ? [join(dir, e.name)] : [],
  );
}

/** One workbook's conformance through `recalcCommand`, writing its output into `outDir`; a non-zero exit throws. */
export async function recalcConformance(file: string, outDir: string): Promise<Conformance> {
  const name = relative(CORPUS, file);
  const out = join(outDir, name.replace(/[\\/]/g, '_'));
  let result: RecalcResult | undefined;
  const errors: string[] = [];
  const status = await recalcCommand([file, '--out', out], {
    onResult: (r) => (result = r),
    stdout: () => {},
    stderr: (text) => errors.push(text),
  });
  if (status !== 0 || !result) throw new Error(`tickmark recalc ${name} exited ${status}: ${errors.join('')}`);
  const input = readWorkbookXlsx(new Uint8Array(readFileSync(file)), name);
  const output = readWorkbookXlsx(new Uint8Array(readFileSync(out)), name);
  return compareWithExcel(input, output.cached, keptReasons(result));
}

/** Each formula recalc kept Excel's value for, with its note (the whole-workbook note when it has none of its own). */
function keptReasons(result: RecalcResult): Map<string, string> {
  const byCell = new Map(result.issues.filter((i) => i.cell).map((i) => [`${i.sheet}!${i.cell}`, i.message]));
  const workbook = result.issues.find((i) => !i.cell && i.name === undefined)?.message ?? 'not evaluated';
  return new Map(result.kept.map((key) => [key, byCell.get(key) ?? workbook]));
}

if (process.argv[1]?.endsWith('excel-conformance.ts')) {
  const outDir = mkdtempSync(join(tmpdir(), 'tickmark-conformance-'));
  let formulas = 0;
  let agreeing = 0;
  const list = process.argv.includes('--list');
  for (const file of corpusFiles().sort()) {
    const name = relative(CORPUS, file);
    try {
      const result = await recalcConformance(file, outDir);
      formulas += result.formulas;
      agreeing += result.agreeing;
      console.log(`${name}: ${result.agreeing}/${result.formulas}`);
      if (list)
        for (const d of result.differences)
          console.log(
            `  ${d.cell}\t${d.formula}\texcel=${JSON.stringify(d.excel)}\ttickmark=${d.kept ? `kept (${d.kept})` : JSON.stringify(d.tickmark)}`,
          );
    } catch (error) {
      console.log(`${name}: ${(error as Error).message}`);
    }
  }
  rmSync(outDir, { recursive: true, force: true });
  console.log(`total: ${agreeing}/${formulas} = ${((100 * agreeing) / formulas).toFixed(2)}%`);
}
