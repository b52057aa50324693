/** `tickmark run` on a small P&L workbook: the three tables and the checks as CSV files beside the report's own sheets. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeText, writeXlsx } from '../helpers/files.js';

const root = process.cwd();
const tickmark = (args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin/tickmark.mjs'), ...args], { encoding: 'utf8', cwd: root });

const dir = tempDir('tickmark-pnl-cli-');
const sheet = writeXlsx(dir, 'pnl.xlsx', {
  Settings: [
    ['Type', 'Report'],
    ['Trades', 'trades'],
    ['Cost basis', 'FIFO'],
    ['Trade fields', 'quantity=qty, fee=commission'],
    ['Prices', 'closes'],
    ['As of', '2026-01-07'],
  ],
  Summary: [
    ['Net P&L', '=SUM(Positions!J:J)'],
    ['Failed checks', '=COUNTA(Checks!A:A)-1'],
  ],
});
// Out of order on purpose; the 2026-01-08 trade is after As of.
const tradesCsv = writeText(
  dir,
  'trades.csv',
  [
    'account,symbol,side,qty,price,commission,date',
    'ACC-1,XYZ,SLD,150,55,1.50,2026-01-06',
    'ACC-1,XYZ,BOT,100,50,1.00,2026-01-05',
    'ACC-2,ABC,B,10,20,0,2026-01-05',
    'ACC-2,ABC,S,10,99,0,2026-01-08',
  ].join('\n'),
);
const closesCsv = writeText(
  dir,
  'closes.csv',
  ['symbol,date,close', 'XYZ,2026-01-05,51', 'XYZ,2026-01-06,54', 'XYZ,2026-01-07,53', 'ABC,2026-01-06,21', 'ABC,2026-01-08,30'].join('\n'),
);

describe('tickmark run on a P&L report', () => {
  it('writes Realized.csv, Positions.csv, Daily.csv and Checks.csv beside the report sheets', () => {
    const out = join(dir, 'out');
    const result = tickmark(['run', sheet, '--data', `trades=${tradesCsv}`, '--data', `closes=${closesCsv}`, '--out', out, '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // Three trades on or before As of booked; no check failed.
    expect(result.stdout).toBe(`Report: 3 rows, 0 exceptions -> ${out}\n`);
    const csv = (name: string) => readFileSync(join(out, name), 'utf8');
    // Long 100 @ 50, sell 150 @ 55: 5 x 100 = 500 realized, short 50 @ 55.
    expect(csv('Realized.csv')).toBe(
      'account,symbol,open_date,close_date,quantity,open_price,close_price,multiplier,realized_pnl,currency\n' +
        'ACC-1,XYZ,2026-01-05,2026-01-06,100,50,55,1,500,\n',
    );
    // ACC-1 at 2026-01-07's 53: value -50 x 53 = -2650, unrealized (53-55) x -50 = 100, fees 2.50, net 500 + 100 - 2.5 = 597.5.
    // ACC-2 at the latest ABC close on or before As of (21, 2026-01-06): 10 x 21 = 210, unrealized 10.
    expect(csv('Positions.csv')).toBe(
      'account,symbol,quantity,average_cost,mark,market_value,unrealized_pnl,realized_pnl,fees,net_pnl,currency\n' +
        'ACC-1,XYZ,-50,55,53,-2650,100,500,2.5,597.5,\n' +
        'ACC-2,ABC,10,20,21,210,10,0,0,10,\n',
    );
    // XYZ d5: unrealized (51-50) x 100 = 100, total 100 - 1 = 99; d6: (54-55) x -50 = 50, total (500 - 2.5 + 50) - 99 = 448.5;
    // d7: 100, total 100 - 50 = 50. 99 + 448.5 + 50 = 597.5 = net. ABC d5: no close (empty), total 0; d6: 10.
    expect(csv('Daily.csv')).toBe(
      'date,account,symbol,realized_pnl,fees,unrealized_pnl,total_pnl\n' +
        '2026-01-05,ACC-1,XYZ,0,1,100,99\n' +
        '2026-01-05,ACC-2,ABC,0,0,,0\n' +
        '2026-01-06,ACC-1,XYZ,500,1.5,50,448.5\n' +
        '2026-01-06,ACC-2,ABC,0,0,10,10\n' +
        '2026-01-07,ACC-1,XYZ,0,0,100,50\n',
    );
    expect(csv('Checks.csv')).toBe('account,symbol,check,expected,actual,difference\n');
    expect(csv('Summary.csv')).toBe('Net P&L,607.5\nFailed checks,0\n');
    const summary = JSON.parse(csv('summary.json'));
    expect(summary.counts).toEqual({ rows: 3, exceptions: 0 });
  });

  it('names the data file, row and field of a bad trade, and writes nothing', () => {
    const bad = writeText(
      dir,
      'bad-trades.csv',
      'account,symbol,side,qty,price,commission,date\nACC-1,XYZ,BOT,100,50,1,2026-01-05\nACC-1,XYZ,HOLD,1,50,1,2026-01-05\n',
    );
    const out = join(dir, 'out-bad');
    const result = tickmark(['run', sheet, '--data', `trades=${bad}`, '--data', `closes=${closesCsv}`, '--out', out, '--quiet']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'tickmark run: bad-trades.csv, dataset "trades" row 2, column "side": the side "HOLD" is neither a buy (BUY, B, BOT, BY) nor a sell (SELL, S, SLD, SS, SELL SHORT)\n',
    );
    expect(existsSync(out)).toBe(false);
  });
});
