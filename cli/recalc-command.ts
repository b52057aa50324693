/**
 * `tickmark recalc IN.xlsx --out OUT.xlsx`: recalculated values, written all or nothing.
 * What the engine cannot evaluate is a `note:` line on standard error naming the cell or
 * name, and that formula keeps Excel's cached value; the status is still 0 whenever OUT
 * is written. Only a file that cannot be read as a workbook (or written) is a failure.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { RuleError } from '../rules/errors.js';
import { recalcWorkbook, type RecalcResult } from '../rules/recalc.js';
import type { ImportIssue } from '../rules/xlsx/import-issues.js';

export interface RecalcCommandOptions {
  /** Receives the result once OUT is written: scripts and tests read `kept` from it. */
  onResult?: (result: RecalcResult) => void;
  /** Where the summary line and the notes go; the process's streams by default. */
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

export async function recalcCommand(args: string[], options: RecalcCommandOptions = {}): Promise<number> {
  const stdout = options.stdout ?? ((text: string) => process.stdout.write(text));
  const stderr = options.stderr ?? ((text: string) => process.stderr.write(text));
  let input: string;
  let output: string;
  try {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
    if (positionals.length !== 1) throw new Error('give exactly one IN.xlsx');
    if (!values.out) throw new Error('--out OUT.xlsx is required');
    [input, output] = [positionals[0], values.out];
  } catch (error) {
    stderr(`tickmark recalc: ${(error as Error).message}\n`);
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
    const kept = new Set(result.kept);
    for (const issue of result.issues) stderr(`note: ${describeIssue(file, issue, kept)}\n`);
    const notEvaluated = kept.size > 0 ? `, ${kept.size} kept Excel's value (cannot be evaluated)` : '';
    stdout(
      `${file}: ${result.formulas} formulas recalculated, ${result.changed} differ from the cached values${notEvaluated} -> ${output}\n`,
    );
    options.onResult?.(result);
    return 0;
  } catch (error) {
    await rm(partial, { force: true });
    const message = error instanceof RuleError ? error.describe() : `${file}: ${(error as Error).message}`;
    stderr(`tickmark recalc: ${message}\n`);
    return 1;
  }
}

/** `FILE Sheet!A1: why; Excel's value kept`, `FILE name "X": why` or `FILE: why`. */
function describeIssue(file: string, issue: ImportIssue, kept: Set<string>): string {
  if (issue.name !== undefined) return `${file} name "${issue.name}"${issue.sheet ? ` (local to ${issue.sheet})` : ''}: ${issue.message}`;
  if (!issue.cell) return `${file}: ${issue.message}`;
  const place = `${issue.sheet}!${issue.cell}`;
  return `${file} ${place}: ${issue.message}${kept.has(place) ? "; Excel's value kept" : ''}`;
}
