import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeText } from '../helpers/files.js';

const root = process.cwd();
const tickmark = (args: string[], cwd = root) =>
  spawnSync(process.execPath, [join(root, 'bin/tickmark.mjs'), ...args], { encoding: 'utf8', cwd });

// A real trail's verdicts (intact, edited, removed, inserted) are in test/server/audit-trail.test.ts.
describe('tickmark audit verify', () => {
  it('fails with one line when there is no database, or the file is not a Tickmark one', () => {
    const empty = tempDir('tickmark-audit-cli-');
    const missing = tickmark(['audit', 'verify'], empty);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(
      'tickmark audit verify: no database at data/tickmark.db (set --data-dir to the folder holding tickmark.db)\n',
    );
    writeText(empty, 'tickmark.db', '');
    const foreign = tickmark(['audit', 'verify', `--data-dir=${empty}`]);
    expect(foreign.status).toBe(1);
    expect(foreign.stderr).toBe(`tickmark audit verify: ${join(empty, 'tickmark.db')}: no such table: audit_log\n`);
  });

  it('answers bad usage with exit status 2', () => {
    for (const args of [['audit'], ['audit', 'check'], ['audit', 'verify', '--data-dir'], ['audit', 'verify', '--out', 'x']]) {
      const run = tickmark(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toBe('usage: tickmark audit verify [--data-dir DIR]\n');
    }
  });
});
