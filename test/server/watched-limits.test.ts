/**
 * A file from the watched folder meets the same import limits as an upload: the server's
 * settings, not the defaults. Lowered here to 3 cells (TICKMARK_MAX_CELLS), a watched file of
 * a header and two values is refused by the scheduled firing, named in the `bad file` item,
 * while the same file fits a server on the default limits.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { admin, approveLatest, fileForm, testServer, type TestServer } from './helpers.js';

const SHEET = {
  sheets: [
    {
      name: 'Settings',
      cells: [
        ['Type', 'Check'],
        ['Data', 'trades'],
      ],
    },
    {
      name: 'Rows',
      cells: [
        ['qty', 'Exception'],
        [null, '=IF(A2>100,"over limit","")'],
      ],
    },
  ],
  names: [],
};

const servers: TestServer[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.scheduler.stop()));

/** Sets up a scheduled check over `trades_*.csv`, drops a 3-cell file (header + 2 values) and fires it. */
async function fireOnThreeCells(env: Record<string, string>) {
  const server = testServer(env);
  servers.push(server);
  const ada = await admin(server);
  const sheet = await ada.json('POST', '/api/sheets', fileForm({}, { name: 'limits.json', text: JSON.stringify(SHEET) }));
  expect(sheet.status).toBe(201);
  await approveLatest(ada, sheet.body.id);
  const made = await ada.json('POST', '/api/schedules', {
    sheetId: sheet.body.id,
    cron: '30 18 * * 1-5',
    timezone: 'America/New_York',
    inputs: { trades: 'trades_*.csv' },
    waitMinutes: 0,
  });
  expect(made.status).toBe(201);
  mkdirSync(server.config.watchDir, { recursive: true });
  writeFileSync(join(server.config.watchDir, 'trades_1.csv'), 'qty\n5\n500\n');
  const outcome = await server.scheduler.fire(made.body.id);
  await server.runs.idle();
  const queue = await ada.json('GET', `/api/queue?sheetId=${sheet.body.id}`);
  return { outcome, items: queue.body.items as { kind: string; values: unknown[] }[] };
}

describe('watched-folder imports', () => {
  it('are held to the configured limits, and the refusal names the file, the limit and its setting', async () => {
    const { outcome, items } = await fireOnThreeCells({ TICKMARK_MAX_CELLS: '2' });
    expect(outcome.runId).toBeUndefined();
    expect(outcome.error).toBe('trades_1.csv: 3 cells is over the limit of 2 (TICKMARK_MAX_CELLS)');
    expect(items.map((i) => i.kind)).toEqual(['bad file']);
    expect(JSON.stringify(items[0].values)).toContain('TICKMARK_MAX_CELLS');
  });

  it('fit a server on the default limits', async () => {
    const { outcome, items } = await fireOnThreeCells({});
    expect(outcome.error).toBeUndefined();
    expect(outcome.runId).toEqual(expect.any(Number));
    // 500 is over the check's limit of 100: one break, no file exception.
    expect(items.map((i) => i.kind)).toEqual(['over limit']);
  });
});
