/** Vitest global setup: nothing shared yet beyond a clean scratch folder per run. */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export default function setup(): void {
  const scratch = join(process.cwd(), 'test-results');
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
}
