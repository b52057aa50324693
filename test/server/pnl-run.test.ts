/**
 * A P&L report through the HTTP API on a real SQLite file: its run offers the Trades and
 * Prices inputs though no sheet is named after them, and stores the booked tables as report
 * sheets, served as the CLI writes them.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeText } from '../helpers/files.js';
import { admin, approveLatest, fileForm, testServer } from './helpers.js';

const dir = tempDir('tickmark-pnl-server-');
const sheet = {
  sheets: [
    {
      name: 'Settings',
      cells: [
        ['Type', 'Report'],
        ['Trades', 'pnl_trades'],
        ['Prices', 'pnl_closes'],
        ['Cost basis', 'LIFO'],
      ],
    },
    { name: 'Summary', cells: [['Realized', '=SUM(Realized!I:I)']] },
  ],
  names: [],
};
const sheetPath = writeText(dir, 'pnl.json', JSON.stringify(sheet));
const tradesPath = writeText(
  dir,
  'pnl_trades.csv',
  'account,symbol,side,quantity,price,fee,date\nACC-1,XYZ,BUY,100,10,0,2026-01-05\nACC-1,XYZ,BUY,100,12,0,2026-01-06\nACC-1,XYZ,SELL,150,15,0,2026-01-07\n',
);
const closesPath = writeText(dir, 'pnl_closes.csv', 'symbol,date,close\nXYZ,2026-01-07,15\n');

describe('a P&L report run on the server', () => {
  it('offers its datasets, books them and stores Realized, Positions, Daily and Checks', async () => {
    const server = testServer();
    const client = await admin(server);
    const ids: Record<string, number> = {};
    for (const [name, path] of [
      ['pnl_trades', tradesPath],
      ['pnl_closes', closesPath],
    ]) {
      const imported = await client.json('POST', '/api/datasets', fileForm({ name }, { name: `${name}.csv`, path }));
      expect(imported.status).toBe(201);
      ids[name] = imported.body.id;
    }
    const created = await client.json('POST', '/api/sheets', fileForm({}, { name: 'pnl.json', path: sheetPath }));
    expect(created.status).toBe(201);
    await approveLatest(client, created.body.id);
    const inputs = await client.json('GET', `/api/sheets/${created.body.id}/inputs`);
    expect(inputs.body.map((i: { name: string; role: string; fields: string[] }) => [i.name, i.role, i.fields])).toEqual([
      ['pnl_trades', 'Trades', ['account', 'symbol', 'quantity', 'price', 'date']],
      ['pnl_closes', 'Prices', ['symbol', 'date', 'close']],
    ]);
    const started = await client.json('POST', `/api/sheets/${created.body.id}/runs`, { data: ids });
    expect(started.status).toBe(202);
    await server.runs.idle();
    const run = await client.json('GET', `/api/runs/${started.body.id}`);
    expect(run.body.status, JSON.stringify(run.body)).toBe('succeeded');
    const listed = await client.json('GET', `/api/runs/${started.body.id}/sheets`);
    // LIFO: 100 x (15-12) + 50 x (15-10) = 550 realized in two pieces; 50 @ 10 left.
    expect(listed.body).toEqual([
      { name: 'Summary', rows: 1, columns: 2 },
      { name: 'Realized', rows: 3, columns: 10 },
      { name: 'Positions', rows: 2, columns: 11 },
      { name: 'Daily', rows: 4, columns: 7 },
      { name: 'Checks', rows: 1, columns: 6 },
    ]);
    const summary = await client.json('GET', `/api/runs/${started.body.id}/sheets/Summary`);
    expect(summary.body.values).toEqual([['Realized', 550]]);
    const positions = await client.request('GET', `/api/runs/${started.body.id}/sheets/Positions?format=csv`);
    const served = await positions.text();
    // 50 @ 10 at 15: value 750, unrealized 250; realized 550; net 800.
    expect(served).toBe(
      'account,symbol,quantity,average_cost,mark,market_value,unrealized_pnl,realized_pnl,fees,net_pnl,currency\nACC-1,XYZ,50,10,15,750,250,550,0,800,\n',
    );
    // The same bytes as the CLI's Positions.csv.
    const out = join(dir, 'cli-out');
    const cli = spawnSync(
      process.execPath,
      [
        'bin/tickmark.mjs',
        'run',
        sheetPath,
        '--data',
        `pnl_trades=${tradesPath}`,
        '--data',
        `pnl_closes=${closesPath}`,
        '--out',
        out,
        '--quiet',
      ],
      { encoding: 'utf8', cwd: process.cwd() },
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(readFileSync(join(out, 'Positions.csv'), 'utf8')).toBe(served);
  });
});
