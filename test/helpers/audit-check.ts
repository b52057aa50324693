/** The standalone audit-chain check of docs/audit-trail.md, as a file tests can run with python3. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './files.js';

/** Writes the page's one Python block, exactly as printed there, to a temp file; returns its path. */
export function documentedCheck(): string {
  const doc = readFileSync(join(process.cwd(), 'docs', 'audit-trail.md'), 'utf8');
  const script = /```python\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!script) throw new Error('docs/audit-trail.md has no python block');
  const path = join(tempDir('tickmark-check-'), 'check_audit.py');
  writeFileSync(path, script);
  return path;
}
