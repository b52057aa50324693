/**
 * The governance contract under issue 14: the same sheet, data and parameters give the same
 * bytes whichever evaluator runs them. Every workbook in examples/ (and the benchmark's
 * reconciliation, and a sheet built to hit every matcher rule) runs through the real CLI
 * twice, the default (columnar join, compiled columns) and `TICKMARK_EVALUATOR=hyperformula`
 * (the path before issue 14, every column through HyperFormula), and every output file but
 * the manifest's `engine.evaluation` must be byte-identical.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRecon } from '../../bench/generate-recon.js';
import { tempDir, writeText } from '../helpers/files.js';

const root = process.cwd();
const examples = join(root, 'examples');
const dir = tempDir('tickmark-evaluators-');

function run(sheet: string, data: [string, string][], evaluator: 'compiled' | 'hyperformula', extra: string[] = []) {
  const out = join(dir, `${basename(sheet)}-${evaluator}-${Math.random().toString(36).slice(2)}`);
  const args = ['run', sheet, ...data.flatMap(([name, file]) => ['--data', `${name}=${file}`]), '--out', out, '--quiet', ...extra];
  const result = spawnSync(process.execPath, [join(root, 'bin/tickmark.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, TICKMARK_EVALUATOR: evaluator },
  });
  expect(result.status, result.stderr).toBe(0);
  return { out, stderr: result.stderr };
}

/** Every file of the two output folders, byte for byte; the manifests but for which evaluator ran. */
function expectSameOutputs(a: string, b: string) {
  const files = readdirSync(a).sort();
  expect(readdirSync(b).sort()).toEqual(files);
  expect(files).toEqual(expect.arrayContaining(['results.csv', 'exceptions.csv', 'summary.json', 'manifest.json']));
  for (const file of files) {
    if (file === 'manifest.json') continue;
    expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file))), `${file} differs`).toBe(true);
  }
  const [ma, mb] = [a, b].map((d) => JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8')));
  delete ma.engine.evaluation;
  delete mb.engine.evaluation;
  expect(ma).toEqual(mb);
}

const allData: [string, string][] = readdirSync(join(examples, 'data'))
  .filter((f) => f.endsWith('.csv'))
  .map((f) => [basename(f, '.csv'), join(examples, 'data', f)]);

describe('compiled and HyperFormula evaluators give the same bytes', () => {
  for (const sheet of readdirSync(join(examples, 'sheets')).filter((f) => f.endsWith('.xlsx'))) {
    it(`examples/sheets/${sheet}`, () => {
      const path = join(examples, 'sheets', sheet);
      const compiled = run(path, allData, 'compiled');
      const engine = run(path, allData, 'hyperformula');
      expectSameOutputs(compiled.out, engine.out);
      // The run wrote something to compare: rows in results.csv, or a Report's sheets.
      const lines = readdirSync(compiled.out)
        .filter((f) => f.endsWith('.csv'))
        .map((f) => readFileSync(join(compiled.out, f), 'utf8').split('\n').length);
      expect(Math.max(...lines)).toBeGreaterThan(10);
    });
  }

  it('a Check whose lookups (VLOOKUP, MATCH, XLOOKUP, COUNTIF) read a lookup dataset and a sheet of values', () => {
    // No sheet in examples/ has a VLOOKUP; this one is built like them (Lookup setting, a lookup sheet, a value sheet).
    const sheet = {
      sheets: [
        {
          name: 'Settings',
          cells: [
            ['Type', 'Check'],
            ['Data', 'trades'],
            ['Lookup', 'prices'],
          ],
        },
        {
          name: 'Rows',
          cells: [
            ['id', 'sym', 'qty', 'price', 'desc', 'pos', 'xprice', 'band', 'dups', 'Exception'],
            [
              null,
              null,
              null,
              '=VLOOKUP(B2,prices!$A:$C,2,FALSE)',
              '=IFERROR(VLOOKUP(B2,prices!$A$2:$C$9,3,FALSE),"unknown")',
              '=MATCH(B2,prices!$A:$A,0)',
              '=XLOOKUP(B2,prices!$A$2:$A$8,prices!$B$2:$B$8,"none")',
              '=VLOOKUP(C2,Bands!$A$1:$B$4,2,TRUE)',
              '=COUNTIF(prices!$A$2:$A$8,B2)',
              '=IF(ISNA(D2),"no price",IF(C2*D2>1000,"big",""))',
            ],
          ],
        },
        { name: 'prices', cells: [['symbol', 'close', 'desc']] },
        {
          name: 'Bands',
          cells: [
            [0, 'small'],
            [10, 'medium'],
            [100, 'large'],
            [1000, 'huge'],
          ],
        },
      ],
      names: [],
    };
    const sheetPath = writeText(dir, 'lookups.json', JSON.stringify(sheet));
    // Duplicates (the first wins), case and accent variants, numeric text, wildcard characters, a miss and an empty key.
    const prices = writeText(
      dir,
      'prices.csv',
      'symbol,close,desc\nAAPL,227.35,Apple\naapl,1,lower duplicate\nMSFT,410.2,Microsoft\n12,5,numeric text\nStraße,7,street\nSPY*,9,star\nMSFT,999,second MSFT\n',
    );
    const trades = writeText(
      dir,
      'trades.csv',
      'id,sym,qty\n1,AAPL,3\n2,aapl,5\n3,msft,10\n4,12,1\n5,STRASSE,2\n6,SPY*,4\n7,SP?*,1\n8,XYZ,1\n9,,2\n10,straße,200\n',
    );
    const data: [string, string][] = [
      ['trades', trades],
      ['prices', prices],
    ];
    const compiled = run(sheetPath, data, 'compiled');
    expectSameOutputs(compiled.out, run(sheetPath, data, 'hyperformula').out);
    const manifest = JSON.parse(readFileSync(join(compiled.out, 'manifest.json'), 'utf8'));
    expect(manifest.engine.evaluation.fallback).toEqual([]);
    // Worked by hand: case-insensitive first matches (the whole columns count the header row), two AAPLs and two MSFTs.
    const lines = readFileSync(join(compiled.out, 'results.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('id,sym,qty,price,desc,pos,xprice,band,dups,Exception');
    expect(lines[1]).toBe('1,AAPL,3,227.35,Apple,2,227.35,small,2,');
    expect(lines[3]).toBe('3,msft,10,410.2,Microsoft,4,410.2,medium,2,big');
    expect(lines[8]).toBe('8,XYZ,1,#N/A,unknown,#N/A,none,small,0,no price');
  });

  it('the benchmark reconciliation (2,000 rows a side)', async () => {
    const files = await generateRecon(join(dir, 'recon'), 2000);
    const data: [string, string][] = [
      ['fo', files.fo],
      ['broker', files.broker],
    ];
    expectSameOutputs(run(files.sheet, data, 'compiled').out, run(files.sheet, data, 'hyperformula').out);
  });

  it('a sheet with duplicates, empty keys, numeric and text keys and two passes', () => {
    const sheet = {
      sheets: [
        {
          name: 'Settings',
          cells: [
            ['Type', 'Reconciliation'],
            ['Left', 'l'],
            ['Right', 'r'],
            ['Match 1', 'id = ref'],
            ['Match 2', 'acct = acct, amount = amount'],
            ['Age from', 'left.day'],
          ],
        },
        {
          name: 'Rows',
          cells: [
            [
              'left.id',
              'right.ref',
              'match',
              'pass',
              'left.count',
              'right.count',
              'left.amount',
              'right.amount',
              'left.day',
              'diff',
              'Exception',
            ],
            [null, null, null, null, null, null, null, null, null, '=G2-H2', '=IF(C2<>"matched",C2,IF(J2<>0,"amount",""))'],
          ],
        },
        { name: 'Summary', cells: [['Amount breaks', '=COUNTIF(Rows!K:K,"amount")']] },
      ],
      names: [],
    };
    const sheetPath = writeText(dir, 'edge.json', JSON.stringify(sheet));
    // 123 (a number: the id column is numeric) against "123" (text: the ref column has letters),
    // a key duplicated on each side, empty keys, rows only the second pass pairs.
    const left = writeText(
      dir,
      'l.csv',
      'id,acct,amount,day\n123,A,10,2026-11-16\n201,A,20,2026-11-17\n202,B,30,2026-11-18\n202,B,31,2026-11-18\n,C,40,2026-11-19\n,C,40,2026-11-19\n209,D,50,\n210,E,60,2026-11-20\n',
    );
    const right = writeText(dir, 'r.csv', 'ref,acct,amount\n123,A,10\n201,A,21\n201,A,22\n202,B,30\n,C,40\nX9,D,50\nX10,E,60\nX11,E,60\n');
    const data: [string, string][] = [
      ['l', left],
      ['r', right],
    ];
    const compiled = run(sheetPath, data, 'compiled');
    expectSameOutputs(compiled.out, run(sheetPath, data, 'hyperformula').out);
    // Worked by hand. Pass 1: 123 pairs; 201 is twice on the right and 202 twice on the left,
    // so their rows are held out. Pass 2 on the rest: (B,30) pairs the first 202 row with the
    // right's 202; (C,40) is twice on the left; (D,50) pairs 209 with X9; (E,60) twice on the
    // right. Left rows in order, then the right rows left over.
    const lines = readFileSync(join(compiled.out, 'results.csv'), 'utf8').trimEnd().split('\n');
    const shape = lines.slice(1).map((l) =>
      l
        .split(',')
        .filter((_, i) => i !== 9)
        .join(','),
    );
    expect(shape).toEqual([
      '123,123,matched,1,1,1,10,10,2026-11-16,',
      '201,,left only,,1,0,20,,2026-11-17,duplicate right key',
      '202,202,matched,2,1,1,30,30,2026-11-18,',
      '202,,left only,,1,0,31,,2026-11-18,duplicate left key',
      ',,left only,,1,0,40,,2026-11-19,duplicate left key',
      ',,left only,,1,0,40,,2026-11-19,duplicate left key',
      '209,X9,matched,2,1,1,50,50,,',
      '210,,left only,,1,0,60,,2026-11-20,duplicate right key',
      ',201,right only,,0,1,,21,,duplicate right key',
      ',201,right only,,0,1,,22,,duplicate right key',
      ',,right only,,0,1,,40,,duplicate left key',
      ',X10,right only,,0,1,,60,,duplicate right key',
      ',X11,right only,,0,1,,60,,duplicate right key',
    ]);
  });
});

describe('the evaluation note and manifest field', () => {
  it('names a column that fell back, with its reason, in a note and in manifest.json', () => {
    const sheet = {
      sheets: [
        {
          name: 'Settings',
          cells: [
            ['Type', 'Check'],
            ['Data', 'd'],
          ],
        },
        {
          name: 'Rows',
          cells: [
            ['id', 'qty', 'double', 'indirect', 'Exception'],
            [null, null, '=B2*2', '=INDIRECT("B"&ROW())', '=IF(C2>100,"big","")'],
          ],
        },
      ],
      names: [],
    };
    const sheetPath = writeText(dir, 'note.json', JSON.stringify(sheet));
    const data = writeText(dir, 'd.csv', 'id,qty\nA,10\nB,60\n');
    const { out, stderr } = run(sheetPath, [['d', data]], 'compiled');
    expect(stderr).toMatch(/^note: \d of 3 formula columns compiled; through HyperFormula: .*"indirect" \([^)]+\)/m);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const evaluation = manifest.engine.evaluation;
    expect([...evaluation.compiled, ...evaluation.fallback.map((f: { column: string }) => f.column)].sort()).toEqual([
      'Exception',
      'double',
      'indirect',
    ]);
    expect(evaluation.fallback.find((f: { column: string }) => f.column === 'indirect').reason).toMatch(/\w/);
    expect(readFileSync(join(out, 'results.csv'), 'utf8')).toBe('id,qty,double,indirect,Exception\nA,10,20,10,\nB,60,120,60,big\n');
  });

  it('prints the phases with TICKMARK_PHASES=1', () => {
    const out = join(dir, 'phases');
    const result = spawnSync(
      process.execPath,
      [
        join(root, 'bin/tickmark.mjs'),
        'run',
        join(examples, 'sheets', 'fo-vs-bo.xlsx'),
        ...allData.flatMap(([n, f]) => ['--data', `${n}=${f}`]),
        '--out',
        out,
        '--quiet',
      ],
      { encoding: 'utf8', env: { ...process.env, TICKMARK_PHASES: '1' } },
    );
    expect(result.status, result.stderr).toBe(0);
    const line = result.stderr.split('\n').find((l) => l.startsWith('phases: '));
    const phases = JSON.parse(line!.slice('phases: '.length));
    expect(Object.keys(phases)).toEqual(['read_s', 'join_s', 'evaluate_s', 'write_s']);
    for (const seconds of Object.values(phases)) expect(seconds).toBeGreaterThanOrEqual(0);
    expect(phases.read_s).toBeGreaterThan(0);
  });

  it('refuses an unknown TICKMARK_EVALUATOR', () => {
    const result = spawnSync(
      process.execPath,
      [join(root, 'bin/tickmark.mjs'), 'run', join(examples, 'sheets', 'fo-vs-bo.xlsx'), '--out', join(dir, 'x')],
      {
        encoding: 'utf8',
        env: { ...process.env, TICKMARK_EVALUATOR: 'fast' },
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/TICKMARK_EVALUATOR is "fast": use compiled \(the default\) or hyperformula/);
  });
});
