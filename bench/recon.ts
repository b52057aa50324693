/**
 * Reconciliation benchmark (issue: foundation): a generated N x N reconciliation with five
 * formula columns, run through the real CLI (CSV import, matching, evaluation, CSV output),
 * timed with its peak memory; pandas runs the same job side by side when installed.
 *
 *   npx tsx bench/recon.ts [--rows 100000]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateRecon } from './generate-recon.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' } } });
const rows = Number(values.rows);
const dir = join('bench', 'out', `recon-${rows}`);
rmSync(dir, { recursive: true, force: true });
const files = await generateRecon(dir, rows);

console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
console.log(`reconciliation ${rows.toLocaleString('en-US')} x ~${rows.toLocaleString('en-US')} rows, 5 formula columns`);

const tickmark = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    'bench/cli-with-stats.ts',
    'run',
    files.sheet,
    '--data',
    `fo=${files.fo}`,
    '--data',
    `broker=${files.broker}`,
    '--out',
    join(dir, 'out'),
    '--quiet',
  ],
  { encoding: 'utf8', maxBuffer: 1 << 26 },
);
const stats = JSON.parse(tickmark.stderr.trim().split('\n').pop() ?? '{}');
if (tickmark.status !== 0) throw new Error(`tickmark failed: ${tickmark.stderr}`);
const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8'));
console.log(
  `tickmark: ${stats.seconds.toFixed(2)} s, peak RSS ${stats.maxRssMb} MB, ${summary.counts.rows} rows, ${summary.counts.exceptions} exceptions`,
);

if (existsSync('/usr/bin/python3')) {
  const peer = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %M', '/usr/bin/python3', 'bench/peer_pandas.py', files.fo, files.broker, join(dir, 'pandas.csv')],
    { encoding: 'utf8' },
  );
  if (peer.status === 0) {
    const [seconds, kb] = peer.stderr.trim().split('\n').pop()!.split(' ').map(Number);
    console.log(`pandas:   ${seconds.toFixed(2)} s, peak RSS ${Math.round(kb / 1024)} MB, ${peer.stdout.trim()}`);
  } else {
    console.log(`pandas:   not run (${peer.stderr.trim().split('\n').pop()}); install Debian python3-pandas to compare`);
  }
}
