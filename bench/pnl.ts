/**
 * P&L booking benchmark (issue 12): N generated trades over 50 accounts and 3,000 symbols
 * with closes and flips, booked FIFO through the real CLI (CSV import, booking, the checks,
 * Realized/Positions/Daily CSV output), timed with its peak memory in a child process; a
 * plain pandas FIFO runs the same job side by side when installed, and the two must agree
 * on the total realized P&L.
 *
 *   npx tsx bench/pnl.ts [--trades 1000000]
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { generatePnl, PNL_ACCOUNTS, PNL_SYMBOLS } from './generate-pnl.js';

const { values } = parseArgs({ options: { trades: { type: 'string', default: '1000000' } } });
const count = Number(values.trades);
const dir = join('bench', 'out', `pnl-${count}`);
rmSync(dir, { recursive: true, force: true });
const files = await generatePnl(dir, count);

console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
console.log(
  `P&L booking: ${count.toLocaleString('en-US')} trades, ${PNL_ACCOUNTS} accounts x ${PNL_SYMBOLS.toLocaleString('en-US')} symbols, FIFO`,
);

const out = join(dir, 'out');
const tickmark = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    'bench/cli-with-stats.ts',
    'run',
    files.sheet,
    '--data',
    `trades=${files.trades}`,
    '--data',
    `closes=${files.closes}`,
    '--out',
    out,
    '--quiet',
  ],
  { encoding: 'utf8', maxBuffer: 1 << 26 },
);
if (tickmark.status !== 0) throw new Error(`tickmark failed: ${tickmark.stderr}`);
const stats = JSON.parse(tickmark.stderr.trim().split('\n').pop() ?? '{}');
const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
const realized = await columnTotal(join(out, 'Positions.csv'), 'realized_pnl');
const lines = (name: string) => readFileSync(join(out, name), 'utf8').split('\n').length - 2;
console.log(
  `tickmark: ${stats.seconds.toFixed(2)} s (${stats.cpuSeconds.toFixed(2)} s CPU), peak RSS ${stats.maxRssMb} MB, ${summary.counts.rows} trades booked, ` +
    `${lines('Realized.csv').toLocaleString('en-US')} Realized, ${lines('Positions.csv').toLocaleString('en-US')} Positions, ` +
    `${lines('Daily.csv').toLocaleString('en-US')} Daily rows (${(statSync(join(out, 'Daily.csv')).size / 2 ** 20).toFixed(0)} MB), ` +
    `${summary.counts.exceptions} failed checks, realized ${realized.toFixed(2)}`,
);

const phases = spawnSync(process.execPath, ['--import', 'tsx', 'bench/pnl-phases.ts', files.trades, files.closes], { encoding: 'utf8' });
if (phases.status === 0) {
  const { phases: cpu } = JSON.parse(phases.stdout.trim().split('\n').pop()!);
  console.log(`tickmark CPU seconds by phase: CSV import ${cpu.import}, booking and checks ${cpu.book}, table rows ${cpu.rows}`);
}

if (existsSync('/usr/bin/python3')) {
  const peer = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '/usr/bin/python3', 'bench/peer_pnl_pandas.py', files.trades], {
    encoding: 'utf8',
  });
  if (peer.status === 0) {
    const [seconds, user, system, kb] = peer.stderr.trim().split('\n').pop()!.split(' ').map(Number);
    const theirs = Number(/realized (-?[\d.]+)/.exec(peer.stdout)![1]);
    const agree = Math.abs(theirs - realized) <= 0.01 + 1e-9 * Math.abs(realized);
    console.log(
      `pandas:   ${seconds.toFixed(2)} s (${(user + system).toFixed(2)} s CPU), peak RSS ${Math.round(kb / 1024)} MB, ${peer.stdout.trim()}`,
    );
    console.log(`total realized P&L: ${agree ? 'the same' : `DIFFERENT (${realized.toFixed(2)} vs ${theirs.toFixed(2)})`}`);
    if (!agree) process.exitCode = 1;
  } else {
    console.log(`pandas:   not run (${peer.stderr.trim().split('\n').pop()}); install Debian python3-pandas to compare`);
  }
}

/** The sum of one column of a CSV the CLI wrote (no quoted fields in these tables). */
async function columnTotal(path: string, column: string): Promise<number> {
  let index = -1;
  let total = 0;
  for await (const line of createInterface({ input: createReadStream(path) })) {
    const fields = line.split(',');
    if (index < 0) index = fields.indexOf(column);
    else if (line) total += Number(fields[index]);
  }
  return total;
}
