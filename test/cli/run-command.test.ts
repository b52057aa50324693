import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeText } from '../helpers/files.js';

const root = process.cwd();

function tickmark(args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'bin/tickmark.mjs'), ...args], { encoding: 'utf8', cwd: root });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = tempDir('tickmark-cli-');
const sheet = {
  sheets: [
    {
      name: 'Settings',
      cells: [
        ['Type', 'Reconciliation'],
        ['Left', 'fo'],
        ['Right', 'broker'],
        ['Match 1', 'id = ref'],
        ['Param Tol', 0.01],
      ],
    },
    {
      name: 'Rows',
      cells: [
        ['left.id', 'right.ref', 'match', 'left.price', 'right.price', 'Exception'],
        [null, null, null, null, null, '=IF(C2<>"matched",C2,IF(ABS(D2-E2)>Tol,"price",""))'],
      ],
    },
    { name: 'Summary', cells: [['Price breaks', '=COUNTIF(Rows!F:F,"price")']] },
  ],
  names: [],
};
const workbookPath = writeText(dir, 'recon.json', JSON.stringify(sheet));
const fo = writeText(dir, 'fo.csv', 'id,price\nE1,10\nE2,"20.50"\nE3,5\n');
const broker = writeText(dir, 'broker.csv', 'ref,price\nE1,10\nE2,20\nE4,1\n');

describe('tickmark run', () => {
  it('writes results, exceptions and summary.json', () => {
    const out = join(dir, 'out');
    const run = tickmark(['run', workbookPath, '--data', `fo=${fo}`, '--data', `broker=${broker}`, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Reconciliation: 4 rows, 2 matched, 1 left only, 1 right only, 3 exceptions/);
    expect(readFileSync(join(out, 'results.csv'), 'utf8')).toBe(
      'left.id,right.ref,match,left.price,right.price,Exception\n' +
        'E1,E1,matched,10,10,\n' +
        'E2,E2,matched,20.5,20,price\n' +
        'E3,,left only,5,,left only\n' +
        ',E4,right only,,1,right only\n',
    );
    expect(readFileSync(join(out, 'exceptions.csv'), 'utf8').split('\n').filter(Boolean)).toHaveLength(4);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toEqual({
      type: 'Reconciliation',
      counts: { rows: 4, matched: 2, left_only: 1, right_only: 1, exceptions: 3 },
      by_exception: { price: 1, 'left only': 1, 'right only': 1 },
      summary: { 'Price breaks': 1 },
    });
  });

  it('takes --param overrides', () => {
    const out = join(dir, 'loose');
    const run = tickmark(['run', workbookPath, '--data', `fo=${fo}`, '--data', `broker=${broker}`, '--param', 'Tol=1', '--out', out]);
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).by_exception.price).toBeUndefined();
  });

  it('writes one CSV per report sheet', () => {
    const report = writeText(
      dir,
      'report.json',
      JSON.stringify({
        sheets: [
          { name: 'Settings', cells: [['Type', 'Report']] },
          { name: 'fo', cells: [] },
          {
            name: 'Totals',
            cells: [
              ['Total', '=SUM(fo!B:B)'],
              ['Count', '=COUNT(fo!B:B)'],
            ],
          },
        ],
        names: [],
      }),
    );
    const out = join(dir, 'report-out');
    const run = tickmark(['run', report, '--data', `fo=${fo}`, '--out', out]);
    expect(run.status).toBe(0);
    expect(readFileSync(join(out, 'Totals.csv'), 'utf8')).toBe('Total,35.5\nCount,3\n');
    expect(readdirSync(out).sort()).toEqual(['Totals.csv', 'exceptions.csv', 'manifest.json', 'results.csv', 'summary.json']);
  });

  it.each([
    [['--param', 'Nope=1'], /^tickmark run: recon.json, setting "Param Nope": unknown parameter "Nope" \(the sheet declares: Tol\)\n$/],
    [['--data', 'fo=missing.csv'], /^tickmark run: missing.csv: no such file\n$/],
  ])('fails with one line naming the place, and writes nothing (%j)', (extra, message) => {
    const out = join(dir, `bad-${Math.random()}`);
    const data = extra[0] === '--data' ? extra : ['--data', `fo=${fo}`, ...extra];
    const run = tickmark(['run', workbookPath, ...data, '--data', `broker=${broker}`, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).some((f) => f.includes('.partial-'))).toBe(false);
  });

  it('names the CSV line and column of a bad value and leaves an existing DIR untouched', () => {
    const out = join(dir, 'kept');
    expect(tickmark(['run', workbookPath, '--data', `fo=${fo}`, '--data', `broker=${broker}`, '--out', out]).status).toBe(0);
    const before = readFileSync(join(out, 'results.csv'), 'utf8');
    writeFileSync(join(dir, 'ragged.csv'), 'ref,price\nE1,10\nE2\n');
    const run = tickmark(['run', workbookPath, '--data', `fo=${fo}`, '--data', `broker=${join(dir, 'ragged.csv')}`, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^tickmark run: ragged.csv, line 3: /);
    expect(readFileSync(join(out, 'results.csv'), 'utf8')).toBe(before);
  });

  it('names the Settings cell of a bad setting and rejects bad usage', () => {
    const broken = writeText(
      dir,
      'broken.json',
      JSON.stringify({
        ...sheet,
        sheets: [
          {
            name: 'Settings',
            cells: [
              ['Type', 'Check'],
              ['Dta', 'fo'],
            ],
          },
          sheet.sheets[1],
        ],
      }),
    );
    const run = tickmark(['run', broken, '--data', `fo=${fo}`, '--out', join(dir, 'x')]);
    expect(run.stderr).toBe('tickmark run: broken.json, Settings!A2: unknown setting "Dta"\n');
    expect(tickmark(['run', workbookPath]).stderr).toMatch(/--out DIR is required/);
    expect(tickmark(['run', workbookPath, '--data', 'fo', '--out', 'x']).stderr).toMatch(/"fo" is not NAME=FILE/);
    expect(tickmark(['frobnicate']).status).toBe(2);
  });

  it('is reachable as npx tickmark', () => {
    const result = spawnSync('npx', ['--no-install', 'tickmark', '--help'], { encoding: 'utf8', cwd: root });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/tickmark run WORKBOOK --data NAME=FILE/);
  });
});
