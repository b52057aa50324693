/**
 * The demo expiration sheet (examples/sheets/expiration.xlsx) on the demo data, through the
 * real CLI and a real server run: every planted case and its outcome, worked out by hand
 * below, and the exception queue it feeds.
 *
 * The Friday 2026-11-20 closes the cases are measured against (underlying_closes.csv; the
 * equities' are closing_prices.csv's): SPY 590.01, QQQ 505.00, IWM 229.99, DIA 440.30,
 * AAPL 225.04, MSFT 422.13, NVDA 141.15, TSLA 334.38, JPM 239.59, XOM 120.63, PFE 26.18,
 * KO 63.14, AMZN 198.79; none for RIVN. PinBand 0.50, exercise threshold $0.01.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDatasetFile } from '../../ingest/read-dataset.js';
import type { FieldValue } from '../../rules/types.js';
import { monthlyExpiration } from '../../scripts/expiration-examples.js';
import { evaluateOne } from '../helpers/engine.js';
import { tempDir } from '../helpers/files.js';
import { admin, approveLatest, examples, fileForm, testServer, type Client } from '../server/helpers.js';

const planted = JSON.parse(readFileSync(examples('planted-breaks.json'), 'utf8')).expiration as Record<string, string>;
const DATA = {
  option_positions: examples('data', 'option_positions.csv'),
  contrary_instructions: examples('data', 'contrary_instructions.csv'),
  underlying_closes: examples('data', 'underlying_closes.csv'),
};
const SHEET = examples('sheets', 'expiration.xlsx');

interface Expected {
  moneyness: string;
  amount: number | null;
  outcome: string;
  assignment: string;
  shares: number;
  cash: number;
  exception: string;
}

/**
 * Each row by (account | OCC symbol), worked out by hand. amount is how far in the money:
 * a call's close − strike, a put's strike − close. shares = contracts × 100, + for a call's
 * holder and a put's writer, − for a put's holder and a call's writer; cash = −shares × strike.
 */
const EXPECTED: Record<string, Expected> = {
  // 590.01 − 590 = 0.01: ITM by exactly the threshold, exercised; 10 × 100 = +1,000 shares, −590,000.
  'ACC-1001 | SPY   261120C00590000': e('ITM', 0.01, 'exercise', '', 1000, -590000, 'pin risk'),
  // 590 − 590.01 = −0.01: OTM by a cent, expires.
  'ACC-1002 | SPY261120P00590000': e('OTM', -0.01, 'expire', '', 0, 0, 'pin risk'),
  // 505 − 505 = 0: at the money, below the threshold, expires.
  'ACC-2001 | QQQ   261120C00505000': e('ATM', 0, 'expire', '', 0, 0, 'pin risk'),
  // Short call, 229.99 − 230 = −0.01: not assigned, but within the band of the strike.
  'ACC-3001 | IWM261120C00230000': e('OTM', -0.01, 'expire', 'pin', 0, 0, 'pin risk'),
  // Short put, 440 − 440.30 = −0.30.
  'ACC-3001 | DIA   261120P00440000': e('OTM', -0.3, 'expire', 'pin', 0, 0, 'pin risk'),
  // 440.30 − 440.80 = −0.50: the band's edge counts as within it.
  'ACC-3002 | DIA261120C00440800': e('OTM', -0.5, 'expire', '', 0, 0, 'pin risk'),
  // 440.30 − 439.75 = 0.55: outside the band; exercised, +100 shares, −43,975.
  'ACC-1001 | DIA   261120C00439750': e('ITM', 0.55, 'exercise', '', 100, -43975, ''),
  // Short put 240 − 225.04 = 14.96 ITM: assigned, −5 × 100 × −1 = +500 shares received, −120,000.
  'ACC-2001 | AAPL  261120P00240000': e('ITM', 14.96, 'assignment likely', 'high', 500, -120000, ''),
  // Short call 422.13 − 400 = 22.13 ITM: assigned, −2 × 100 = −200 shares delivered, +80,000.
  'ACC-3002 | MSFT  261120C00400000': e('ITM', 22.13, 'assignment likely', 'high', -200, 80000, ''),
  // 141.15 − 120 = 21.15 ITM, told DO NOT EXERCISE: lapses as told, flagged.
  'ACC-1002 | NVDA261120C00120000': e('ITM', 21.15, 'lapse (instructed)', '', 0, 0, 'contrary: do not exercise ITM'),
  // 334.38 − 400 = −65.62 OTM, told EXERCISE: exercised as told (+200, −80,000), flagged.
  'ACC-3001 | TSLA  261120C00400000': e('OTM', -65.62, 'exercise (instructed)', '', 200, -80000, 'contrary: exercise OTM'),
  // 239.59 − 230 = 9.59 ITM, told EXERCISE: agrees, +400 shares, −92,000, no exception.
  'ACC-1001 | JPM   261120C00230000': e('ITM', 9.59, 'exercise (instructed)', '', 400, -92000, ''),
  'ACC-2001 | RIVN  261120C00015000': e('', null, 'no price', '', 0, 0, 'no underlying close'),
  // Short put 110 − 120.63 = −10.63: expires; an instruction on a short is flagged.
  'ACC-1002 | XOM   261120P00110000': e('OTM', -10.63, 'expire', 'low', 0, 0, 'instruction on short position'),
  // Long put 30 − 26.18 = 3.82 ITM: exercised, 10 × 100 × −1 = −1,000 shares delivered, +30,000.
  'ACC-3001 | PFE   261120P00030000': e('ITM', 3.82, 'exercise', '', -1000, 30000, ''),
  // 63.14 − 70 = −6.86: expires worthless.
  'ACC-2001 | KO    261120C00070000': e('OTM', -6.86, 'expire', '', 0, 0, ''),
  // Other expirations: marked, never exceptions, though SPY's weekly sits at the money.
  'ACC-1001 | AAPL  261218C00230000': e('', null, 'not expiring', '', 0, 0, ''),
  'ACC-2001 | SPY261127C00590000': e('', null, 'not expiring', '', 0, 0, ''),
  // An EXERCISE instruction for an option the account does not hold.
  'ACC-3002 | AMZN  261120C00190000': e('ITM', 8.79, '', '', 0, 0, 'instruction without position'),
};

function e(moneyness: string, amount: number | null, outcome: string, assignment: string, shares: number, cash: number, exception: string) {
  return { moneyness, amount, outcome, assignment, shares, cash, exception };
}

/** 1,000 + 100 + 500 − 200 + 200 + 400 − 1,000 shares; cash the sum of the cash figures above. */
const NET_CASH = -590000 - 43975 - 120000 + 80000 - 80000 - 92000 + 30000; // −815,975

function cli(args: string[]) {
  return spawnSync(process.execPath, ['bin/tickmark.mjs', 'run', ...args], { encoding: 'utf8', cwd: process.cwd() });
}

function cliArgs(data: Record<string, string>, out: string, params: string[] = []): string[] {
  return [SHEET, ...Object.entries(data).flatMap(([name, file]) => ['--data', `${name}=${file}`]), ...params, '--out', out, '--quiet'];
}

/** results.csv read back as typed records, as any dataset is read. */
async function results(out: string): Promise<Record<string, FieldValue>[]> {
  const { dataset } = await readDatasetFile(join(out, 'results.csv'), { name: 'results' });
  return dataset.rows.map((row) => Object.fromEntries(dataset.columns.map((c, i) => [c.name, row[i]])));
}

const keyOf = (row: Record<string, FieldValue>) => `${row.account} | ${row.occ_symbol}`;

describe('the expiration demo sheet', () => {
  it('runs on the monthly expiration of the demo week, by the third-Friday rule', () => {
    // November 2026 begins on a Sunday: its Fridays are the 6th, 13th and 20th.
    expect(monthlyExpiration(2026, 11)).toBe('2026-11-20');
    // Good Friday 2022 was the third Friday of April: the expiration moved to Thursday the 14th.
    expect(monthlyExpiration(2022, 4)).toBe('2022-04-14');
    // The generator's rule is OPTEXPIRY's.
    expect(evaluateOne([], '=TEXT(OPTEXPIRY(2026,11),"yyyy-mm-dd")')).toBe('2026-11-20');
    expect(evaluateOne([], '=TEXT(OPTEXPIRY(2022,4),"yyyy-mm-dd")')).toBe('2022-04-14');
  });

  it('gives every planted case its hand-worked outcome through the CLI', async () => {
    const out = join(tempDir('tickmark-expiration-'), 'out');
    const run = cli(cliArgs(DATA, out));
    expect(run.status, run.stderr).toBe(0);
    const rows = await results(out);
    expect(rows.map(keyOf).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const row of rows) {
      const want = EXPECTED[keyOf(row)];
      expect(
        {
          moneyness: row.moneyness ?? '',
          amount: row.moneyness_amount,
          outcome: row.outcome ?? '',
          assignment: row.assignment_risk ?? '',
          shares: row.shares,
          cash: row.cash,
          exception: row.Exception ?? '',
        },
        keyOf(row),
      ).toEqual(want);
    }
    // The exceptions are exactly the planted ones.
    const exceptions = Object.fromEntries(rows.filter((r) => r.Exception).map((r) => [keyOf(r), r.Exception]));
    expect(exceptions).toEqual(planted);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.counts).toEqual({ rows: 19, matched: 4, left_only: 14, right_only: 1, exceptions: 11 });
    expect(summary.by_exception).toEqual({
      'pin risk': 6,
      'contrary: do not exercise ITM': 1,
      'contrary: exercise OTM': 1,
      'no underlying close': 1,
      'instruction on short position': 1,
      'instruction without position': 1,
    });
    expect(summary.summary).toEqual({
      'Positions expiring': 16, // 18 positions, 2 on other dates
      Exercised: 5, // SPY C590, DIA C439.75, TSLA (instructed), JPM (instructed), PFE P30
      'Assignments likely': 2, // AAPL P240, MSFT C400
      'Expiring worthless': 8, // SPY P590, QQQ, IWM, DIA P440, DIA C440.80, XOM, KO, NVDA (instructed)
      'Net cash at the strikes': NET_CASH,
      'Pin risk': 6,
      'Contrary instructions against moneyness': 2,
      'No underlying close': 1,
      'Instructions without a position': 1,
    });
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.datasets).sort()).toEqual(['contrary_instructions', 'option_positions', 'underlying_closes']);
    expect(manifest.params.PinBand).toBe(0.5);
  });

  it('reads the expiration date and pin band as parameters', async () => {
    // December's expiration: only the AAPL December call expires, and the closes end in November.
    const december = join(tempDir('tickmark-expiration-'), 'out');
    expect(cli(cliArgs(DATA, december, ['--param', 'ExpirationDate=2026-12-18'])).status).toBe(0);
    const rows = await results(december);
    expect(rows.filter((r) => r.expiring === true).map(keyOf)).toEqual(['ACC-1001 | AAPL  261218C00230000']);
    expect(Object.fromEntries(rows.filter((r) => r.Exception).map((r) => [keyOf(r), r.Exception]))).toEqual({
      'ACC-1001 | AAPL  261218C00230000': 'no underlying close',
      'ACC-3002 | AMZN  261120C00190000': 'instruction without position',
    });
    // A band of 0.25 keeps the cent-away cases but drops the $0.30 and $0.50 ones.
    const narrow = join(tempDir('tickmark-expiration-'), 'out');
    expect(cli(cliArgs(DATA, narrow, ['--param', 'PinBand=0.25'])).status).toBe(0);
    const pinned = (await results(narrow)).filter((r) => r.Exception === 'pin risk').map(keyOf);
    expect(pinned.sort()).toEqual(
      [
        'ACC-1001 | SPY   261120C00590000',
        'ACC-1002 | SPY261120P00590000',
        'ACC-2001 | QQQ   261120C00505000',
        'ACC-3001 | IWM261120C00230000',
      ].sort(),
    );
  });

  it('refuses a run without the lookup dataset, naming the setting', () => {
    const out = join(tempDir('tickmark-expiration-'), 'out');
    const { underlying_closes: _, ...withoutCloses } = DATA;
    const run = cli(cliArgs(withoutCloses, out));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Settings!B5');
    expect(run.stderr).toContain('setting "Lookup" names dataset "underlying_closes", which was not given');
  });

  it('refuses a lookup dataset whose columns are not where the formulas read them', () => {
    // closing_prices has the same fields in another order (date, symbol, close).
    const out = join(tempDir('tickmark-expiration-'), 'out');
    const run = cli(cliArgs({ ...DATA, underlying_closes: examples('data', 'closing_prices.csv') }, out));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('underlying_closes!A1');
    expect(run.stderr).toContain(
      'lookup dataset "underlying_closes" has "symbol" in column B, which this sheet\'s formulas read in column A',
    );
  });
});

async function importDataset(client: Client, name: string, path: string): Promise<number> {
  const { status, body } = await client.json('POST', '/api/datasets', fileForm({ name }, { name: `${name}.csv`, path }));
  expect(status, JSON.stringify(body)).toBe(201);
  return body.id;
}

describe('the expiration sheet on the server', () => {
  it('offers the lookup dataset, runs officially and feeds the queue one item per planted exception', async () => {
    const server = testServer();
    const client = await admin(server);
    const ids: Record<string, number> = {};
    for (const [name, path] of Object.entries(DATA)) ids[name] = await importDataset(client, name, path);
    const closingPrices = await importDataset(client, 'closing_prices', examples('data', 'closing_prices.csv'));
    const sheet = await client.json('POST', '/api/sheets', fileForm({}, { name: 'expiration.xlsx', path: SHEET }));
    expect(sheet.status).toBe(201);
    await approveLatest(client, sheet.body.id);

    const offers = (await client.json('GET', `/api/sheets/${sheet.body.id}/inputs`)).body as {
      name: string;
      role: string;
      fields: string[];
      candidates: { id: number }[];
    }[];
    expect(offers.map((o) => [o.role, o.name])).toEqual([
      ['Left', 'option_positions'],
      ['Right', 'contrary_instructions'],
      ['Lookup', 'underlying_closes'],
    ]);
    const lookup = offers[2];
    expect(lookup.fields).toEqual(['symbol', 'date', 'close']);
    // closing_prices has those fields, but not in the columns the formulas read: not offered.
    expect(lookup.candidates.map((c) => c.id)).toEqual([ids.underlying_closes]);
    const refused = await client.json('POST', `/api/sheets/${sheet.body.id}/runs`, { data: { ...ids, underlying_closes: closingPrices } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('does not have "symbol" in column A');

    const started = await client.json('POST', `/api/sheets/${sheet.body.id}/runs`, { data: ids, params: { ExpirationDate: '2026-11-20' } });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    await server.runs.idle();
    const run = (await client.json('GET', `/api/runs/${started.body.id}`)).body;
    expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
    expect(run.counts).toMatchObject({ rows: 19, matched: 4, left_only: 14, right_only: 1, exceptions: 11 });
    expect(run.queueChanges).toMatchObject({ opened: 11, continued: 0 });

    const items = (await client.json('GET', '/api/queue?limit=100')).body.items as { key: string; kind: string }[];
    // The queue key is the Match 1 key (account | OCC symbol), behind its side or pass.
    const queued = Object.fromEntries(items.map((i) => [i.key.replace(/^(p\d+|left|right):/, ''), i.kind]));
    expect(queued).toEqual(planted);

    // The same inputs again: every break is continued, none new.
    const again = await client.json('POST', `/api/sheets/${sheet.body.id}/runs`, { data: ids });
    await server.runs.idle();
    const second = (await client.json('GET', `/api/runs/${again.body.id}`)).body;
    expect(second.queueChanges).toMatchObject({ opened: 0, continued: 11, cleared: 0 });
  });

  it('says which lookup dataset a run lacks', async () => {
    const server = testServer();
    const client = await admin(server);
    const ids: Record<string, number> = {};
    for (const name of ['option_positions', 'contrary_instructions'] as const) ids[name] = await importDataset(client, name, DATA[name]);
    const sheet = await client.json('POST', '/api/sheets', fileForm({}, { name: 'expiration.xlsx', path: SHEET }));
    await approveLatest(client, sheet.body.id);
    const started = await client.json('POST', `/api/sheets/${sheet.body.id}/runs`, { data: ids });
    await server.runs.idle();
    const run = (await client.json('GET', `/api/runs/${started.body.id}`)).body;
    expect(run.status).toBe('failed');
    expect(run.error.message).toContain('Settings!B5');
    expect(run.error.message).toContain('"Lookup" names dataset "underlying_closes", which was not given');
  });
});
