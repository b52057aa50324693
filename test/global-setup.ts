/** Vitest global setup: a clean scratch folder per run, and the web app built for the browser tests. */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

export default async function setup(): Promise<void> {
  const scratch = join(process.cwd(), 'test-results');
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  await build({ configFile: join(process.cwd(), 'vite.config.ts'), logLevel: 'error' });
}
