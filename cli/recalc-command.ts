/** `tickmark recalc IN.xlsx --out OUT.xlsx`: recalculated values, written all or nothing. */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { RuleError } from '../rules/errors.js';
import { recalcWorkbook } from '../rules/recalc.js';

export async function recalcCommand(args: string[]): Promise<number> {
  let input: string;
  let output: string;
  try {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
    if (positionals.length !== 1) throw new Error('give exactly one IN.xlsx');
    if (!values.out) throw new Error('--out OUT.xlsx is required');
    [input, output] = [positionals[0], values.out];
  } catch (error) {
    process.stderr.write(`tickmark recalc: ${(error as Error).message}\n`);
    return 2;
  }
  const file = basename(input);
  const partial = join(dirname(output), `.${basename(output)}.partial`);
  try {
    const bytes = await readFile(input).catch((error: NodeJS.ErrnoException) => {
      throw new RuleError('bad_file', error.code === 'ENOENT' ? 'no such file' : error.message, { file });
    });
    const result = recalcWorkbook(new Uint8Array(bytes), file);
    await writeFile(partial, result.bytes);
    await rename(partial, output);
    for (const issue of result.issues) process.stderr.write(`note: ${file} ${issue.sheet}!${issue.cell}: ${issue.message}\n`);
    process.stdout.write(
      `${file}: ${result.formulas} formulas recalculated, ${result.changed} differ from the cached values -> ${output}\n`,
    );
    return 0;
  } catch (error) {
    await rm(partial, { force: true });
    const message = error instanceof RuleError ? error.describe() : `${file}: ${(error as Error).message}`;
    process.stderr.write(`tickmark recalc: ${message}\n`);
    return 1;
  }
}
