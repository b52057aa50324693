/** `tickmark export WORKBOOK --out OUT.xlsx`: a rule sheet (JSON or .xlsx) as an Excel workbook, written all or nothing. */
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { RuleError } from '../rules/errors.js';
import { writeWorkbookXlsx } from '../rules/xlsx/write-workbook.js';
import { loadWorkbookFile } from './load-workbook.js';

export async function exportCommand(args: string[]): Promise<number> {
  let input: string;
  let output: string;
  try {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
    if (positionals.length !== 1) throw new Error('give exactly one WORKBOOK (.json or .xlsx)');
    if (!values.out) throw new Error('--out OUT.xlsx is required');
    [input, output] = [positionals[0], values.out];
  } catch (error) {
    process.stderr.write(`tickmark export: ${(error as Error).message}\n`);
    return 2;
  }
  const partial = join(dirname(output), `.${basename(output)}.partial`);
  try {
    const workbook = await loadWorkbookFile(input);
    await writeFile(partial, writeWorkbookXlsx(workbook));
    await rename(partial, output);
    const formulas = workbook.sheets.reduce(
      (n, s) => n + s.cells.flat().filter((v) => typeof v === 'string' && v.startsWith('=')).length,
      0,
    );
    process.stdout.write(`${basename(input)}: ${workbook.sheets.length} sheets, ${formulas} formulas -> ${output}\n`);
    return 0;
  } catch (error) {
    await rm(partial, { force: true });
    const message = error instanceof RuleError ? error.describe() : `${basename(input)}: ${(error as Error).message}`;
    process.stderr.write(`tickmark export: ${message}\n`);
    return 1;
  }
}
