/**
 * `npm run bench`: every benchmark in turn, each in its own process so one's memory does
 * not colour the next. Figures and the machine go to BENCHMARKS.md by hand.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BENCHES: { script: string; args?: string[]; what: string }[] = [
  { script: 'bench/recon.ts', args: ['--rows', '100000,1000000'], what: 'reconciliation 100k x 100k and 1M x 1M, pandas side by side' },
  { script: 'bench/pnl.ts', args: ['--trades', '1000000'], what: 'P&L booking of 1M trades, a pandas FIFO side by side' },
  { script: 'bench/dataset-storage.ts', what: 'dataset storage: write and read back 1M rows' },
  { script: 'bench/csv-parsers.ts', what: 'CSV parsers against csv-parse, and the row and columnar readers, on 1M rows' },
  { script: 'bench/audit-chain.ts', what: 'audit hash chain: writes per second before and after, verify 1M entries' },
  { script: 'bench/server-load.ts', what: 'exceptions listing under load during a reconciliation' },
  {
    script: 'bench/soak.ts',
    args: ['--minutes', '5', '--users', '50'],
    what: 'soak: 50 users for 5 minutes, reads, queue updates, uploads and runs',
  },
  { script: 'bench/libreoffice-roundtrip.ts', what: 'Excel export recalculated by LibreOffice' },
  { script: 'bench/browser-preview.ts', what: 'grid preview and live evaluation in Chromium' },
];

let failed = 0;
for (const bench of BENCHES) {
  if (!existsSync(bench.script)) continue;
  console.log(`\n== ${bench.what} (${bench.script})`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', bench.script, ...(bench.args ?? [])], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exitCode = failed ? 1 : 0;
