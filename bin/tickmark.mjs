#!/usr/bin/env node
// `npx tickmark …`: runs the TypeScript CLI through tsx, so no build step is needed.
//
// The CLI runs in a child Node with a capped heap (default 1536 MB, `--max-memory MB` to
// change it): V8 then collects early and a million-row run stays near 1 GB instead of
// letting garbage pile up to several GB (BENCHMARKS.md).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HEAP_FLAG = '--max-old-space-size';
const SEMI_SPACE_FLAG = '--max-semi-space-size=32';
const args = process.argv.slice(2);

if (process.execArgv.some((flag) => flag.startsWith(HEAP_FLAG))) {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../cli/main.ts');
  process.exitCode = await main(args);
} else {
  let megabytes = 1536;
  const at = args.findIndex((a) => a === '--max-memory' || a.startsWith('--max-memory='));
  if (at >= 0) {
    const [flag, inline] = args[at].split('=');
    const value = inline ?? args[at + 1];
    args.splice(at, inline === undefined ? 2 : 1);
    megabytes = Number(value);
    if (!Number.isInteger(megabytes) || megabytes < 256) {
      process.stderr.write(`tickmark: ${flag} takes a whole number of megabytes, at least 256 (got "${value ?? ''}")\n`);
      process.exit(2);
    }
  }
  // A larger young generation: a run's garbage is mostly short-lived (fields, lines, rows), and
  // 32 MB semi-spaces cut the 1M-row reconciliation's CPU by 2-3 s for ~50 MB more (BENCHMARKS.md).
  const child = spawnSync(process.execPath, [`${HEAP_FLAG}=${megabytes}`, SEMI_SPACE_FLAG, fileURLToPath(import.meta.url), ...args], {
    stdio: 'inherit',
  });
  process.exitCode = child.status ?? 1;
}
