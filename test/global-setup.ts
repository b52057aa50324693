/** Vitest global setup: a clean scratch folder per run, and the web app built for the browser tests. */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { scratchDir, webBuildDir } from './scratch.js';

export default async function setup(): Promise<void> {
  rmSync(scratchDir, { recursive: true, force: true });
  mkdirSync(scratchDir, { recursive: true });
  await build({
    configFile: join(process.cwd(), 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir: webBuildDir, emptyOutDir: true },
  });
}
