/**
 * The demo compliance check with one typo in the 2,825-row blotter: the real CLI refuses
 * it naming file, line and column (it used to read the whole column as text and flag every
 * row), writes nothing, and `--type` lets the user decide otherwise.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeText } from '../helpers/files.js';

const root = process.cwd();
const dir = tempDir('tickmark-cli-types-');

function tickmark(args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'bin/tickmark.mjs'), ...args], { encoding: 'utf8', cwd: root });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The demo blotter with data row `row`'s quantity replaced by `value`; its file line is row + 1. */
function blotterWithTypo(row: number, value: string): string {
  const lines = readFileSync(join(root, 'examples/data/fo_blotter.csv'), 'utf8').split('\n');
  const cells = lines[row].split(',');
  const quantity = lines[0].split(',').indexOf('quantity');
  cells[quantity] = value;
  lines[row] = cells.join(',');
  return writeText(dir, 'fo_blotter_typo.csv', lines.join('\n'));
}

describe('tickmark run with a typo in the data', () => {
  const sheet = join(root, 'examples/sheets/compliance.xlsx');

  it('refuses the file in one line naming file, line and column, and writes nothing', () => {
    const out = join(dir, 'out');
    const run = tickmark(['run', sheet, '--data', `fo_blotter=${blotterWithTypo(1500, '1O0')}`, '--out', out, '--quiet']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `tickmark run: fo_blotter_typo.csv, line 1501, column "quantity": "1O0" is not a number (the column's other values are numbers)\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('notes a column read as text although most of its values are numbers', () => {
    const out = join(dir, 'short');
    const lines = readFileSync(blotterWithTypo(30, 'see desk'), 'utf8').split('\n').slice(0, 61);
    const file = writeText(dir, 'fo_short.csv', lines.join('\n'));
    const run = tickmark(['run', sheet, '--data', `fo_blotter=${file}`, '--out', out, '--quiet']);
    expect(run.status).toBe(0);
    // Without the note on which Rows columns went through HyperFormula (test/cli/run-evaluators.test.ts).
    expect(withoutEvaluationNote(run.stderr)).toBe(
      'note: fo_short.csv, column "quantity" read as text: 1 of its 60 values are not numbers (line 31 "see desk"); set it to number to have them refused, or to text to keep it as text\n',
    );
  });

  it('takes --type NAME.FIELD=TYPE, and refuses a --type for a dataset not given', () => {
    const out = join(dir, 'as-text');
    const file = blotterWithTypo(1500, '1O0');
    const run = tickmark(['run', sheet, '--data', `fo_blotter=${file}`, '--type', 'fo_blotter.quantity=text', '--out', out, '--quiet']);
    expect(withoutEvaluationNote(run.stderr)).toBe('');
    expect(run.status).toBe(0);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
    const wrong = tickmark(['run', sheet, '--data', `fo_blotter=${file}`, '--type', 'fo.quantity=text', '--out', out]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/--type "fo.quantity=text" names dataset "fo", which no --data gives \(fo_blotter\)/);
    const badType = tickmark(['run', sheet, '--data', `fo_blotter=${file}`, '--type', 'fo_blotter.quantity=money', '--out', out]);
    expect(badType.status).toBe(2);
    expect(badType.stderr).toMatch(/"money" is not a type; use number, date, boolean, text/);
  });
});

/** stderr without the run's note on the formula columns that fell back to HyperFormula. */
function withoutEvaluationNote(stderr: string): string {
  return stderr.replace(/^note: \d+ of \d+ formula columns compiled;.*\n/m, '');
}
