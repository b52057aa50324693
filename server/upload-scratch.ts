/**
 * Upload scratch files live in DIR/uploads only while a request reads them (server/uploads.ts
 * removes each one after). Any found at start were left by a crash or a kill mid-upload:
 * nothing can still be reading them, so they go.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Removes every leftover upload scratch file under `dataDir`; returns how many there were. */
export function cleanUploadScratch(dataDir: string): number {
  const dir = join(dataDir, 'uploads');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) rmSync(join(dir, name), { recursive: true, force: true });
  return names.length;
}
