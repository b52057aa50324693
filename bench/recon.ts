/**
 * Reconciliation benchmark (issue 14): a generated N x N reconciliation with five formula
 * columns, run through the real CLI (parallel columnar CSV reading, the join, compiled
 * evaluation, CSV output), timed with its peak memory and where the time goes; pandas runs
 * the same whole job (read, merge, compute, write results.csv and exceptions.csv) in the
 * same run, and both must find the same exceptions.
 *
 *   npx tsx bench/recon.ts [--rows 100000,1000000] [--evaluator compiled|hyperformula]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateRecon } from './generate-recon.js';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '100000,1000000' }, evaluator: { type: 'string', default: 'compiled' } },
});
const sizes = values.rows.split(',').map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--rows "${values.rows}" is not a list of row counts`);

console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
const pandas = existsSync('/usr/bin/python3') && spawnSync('/usr/bin/python3', ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0;
if (!pandas) console.log('pandas: not installed (Debian python3-pandas); Tickmark runs alone');

let failed = false;
for (const rows of sizes) {
  const dir = join('bench', 'out', `recon-${rows}`);
  rmSync(dir, { recursive: true, force: true });
  const files = await generateRecon(dir, rows);
  console.log(
    `\nreconciliation ${rows.toLocaleString('en-US')} x ~${rows.toLocaleString('en-US')} rows, 5 formula columns (load average ${load()})`,
  );
  const tickmark = runTickmark(files, join(dir, 'out'));
  const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8'));
  console.log(
    `tickmark: ${tickmark.stats.seconds.toFixed(2)} s (cpu ${tickmark.stats.cpuSeconds.toFixed(2)} s), peak RSS ${tickmark.stats.maxRssMb} MB, ` +
      `${summary.counts.rows} rows, ${summary.counts.exceptions} exceptions; ${phaseText(tickmark.phases)}`,
  );
  if (!pandas) continue;
  const peer = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %M', '/usr/bin/python3', 'bench/peer_pandas.py', files.fo, files.broker, join(dir, 'pandas')],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (peer.status !== 0) {
    console.log(`pandas:   failed (${peer.stderr.trim().split('\n').pop()})`);
    failed = true;
    continue;
  }
  const [seconds, kb] = peer.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  const report = JSON.parse(peer.stdout.trim().split('\n').pop()!);
  const pandasMb = Math.round(kb / 1024);
  console.log(
    `pandas:   ${seconds.toFixed(2)} s, peak RSS ${pandasMb} MB, ${report.rows} rows, ${report.exceptions} exceptions; ${phaseText(report.phases)}`,
  );
  console.log(
    `ratio:    wall ${(tickmark.stats.seconds / seconds).toFixed(2)}x pandas, peak RSS ${(tickmark.stats.maxRssMb / pandasMb).toFixed(2)}x pandas`,
  );
  const same = sameExceptions(join(dir, 'out'), join(dir, 'pandas'), summary.by_exception, report.by_exception);
  console.log(`same exceptions: ${same === true ? 'yes (the same kinds, counts and left exec ids)' : `NO: ${same}`}`);
  if (same !== true) failed = true;
}
process.exitCode = failed ? 1 : 0;

function runTickmark(files: { fo: string; broker: string; sheet: string }, out: string) {
  const args = [
    // The heap settings bin/tickmark.mjs gives the CLI (`npx tickmark`): the product as users run it.
    '--max-old-space-size=1536',
    '--max-semi-space-size=32',
    '--import',
    'tsx',
    'bench/cli-with-stats.ts',
    'run',
    files.sheet,
    '--data',
    `fo=${files.fo}`,
    '--data',
    `broker=${files.broker}`,
  ];
  const result = spawnSync(process.execPath, [...args, '--out', out, '--quiet'], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    // A 1M-row side is 8M cells, over the import's default limit of 5M.
    env: { ...process.env, TICKMARK_PHASES: '1', TICKMARK_EVALUATOR: values.evaluator, TICKMARK_MAX_CELLS: '50000000' },
  });
  const lines = result.stderr.trim().split('\n');
  if (result.status !== 0) throw new Error(`tickmark failed: ${result.stderr}`);
  for (const line of lines) if (line.startsWith('note:')) console.log(line);
  const phases = JSON.parse(lines.find((l) => l.startsWith('phases: '))!.slice('phases: '.length)) as Record<string, number>;
  return { stats: JSON.parse(lines[lines.length - 1]) as { seconds: number; cpuSeconds: number; maxRssMb: number }, phases };
}

function phaseText(phases: Record<string, number>): string {
  return Object.entries(phases)
    .map(([k, v]) => `${k.replace(/_s$/, '')} ${v.toFixed(2)} s`)
    .join(', ');
}

/** true, or what differs: exceptions by kind, and the left exec ids of the exception rows. */
function sameExceptions(
  tickmarkDir: string,
  pandasDir: string,
  ours: Record<string, number>,
  theirs: Record<string, number>,
): true | string {
  const kinds = (r: Record<string, number>) => JSON.stringify(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)));
  if (kinds(ours) !== kinds(theirs)) return `by kind ${kinds(ours)} vs ${kinds(theirs)}`;
  const ids = (file: string) => {
    const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
    const at = header.split(',').indexOf('left.exec_id');
    return lines
      .map((l) => l.split(',')[at])
      .filter(Boolean)
      .sort();
  };
  const [a, b] = [ids(join(tickmarkDir, 'exceptions.csv')), ids(join(pandasDir, 'exceptions.csv'))];
  if (a.length !== b.length || a.some((id, i) => id !== b[i])) return `left exec ids differ (${a.length} vs ${b.length})`;
  return true;
}

function load(): string {
  return loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
}
