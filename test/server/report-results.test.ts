/**
 * Report runs through the HTTP API on a real SQLite file: the demo positions report's
 * sheets are stored, listed and served as JSON, CSV (the same bytes as the CLI's
 * SHEET.csv) and XLSX; a failed run keeps none; a database from before them migrates forward.
 */
import * as XLSX from '@e965/xlsx';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.js';
import { listReportSheets, saveReportSheet } from '../../db/report-sheets.service.js';
import { createRun, finishRun, getRun, markRunning } from '../../db/runs.service.js';
import { createSheet } from '../../db/sheets.service.js';
import { tempDir, writeText } from '../helpers/files.js';
import { admin, approveLatest, Client, examples, fileForm, testServer } from './helpers.js';

/** The real CLI over the same inputs: the files it writes into its --out folder. */
function cliRun(workbook: string, data: Record<string, string>): string {
  const out = join(tempDir('tickmark-report-cli-'), 'out');
  const args = ['bin/tickmark.mjs', 'run', workbook, ...Object.entries(data).flatMap(([n, f]) => ['--data', `${n}=${f}`]), '--out', out];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: process.cwd() });
  expect(result.status, result.stderr).toBe(0);
  return out;
}

async function importDataset(client: Client, name: string, path: string): Promise<number> {
  const { status, body } = await client.json('POST', '/api/datasets', fileForm({ name }, { name: `${name}.csv`, path }));
  expect(status).toBe(201);
  return body.id;
}

async function runSheet(
  client: Client,
  server: ReturnType<typeof testServer>,
  file: { name: string; path?: string; text?: string },
  data: Record<string, number>,
) {
  const sheet = await client.json('POST', '/api/sheets', fileForm({}, file));
  expect(sheet.status).toBe(201);
  await approveLatest(client, sheet.body.id);
  const started = await client.json('POST', `/api/sheets/${sheet.body.id}/runs`, { data });
  expect(started.status).toBe(202);
  await server.runs.idle();
  return (await client.json('GET', `/api/runs/${started.body.id}`)).body;
}

/** CSV text without quoting (the positions report has none) as rows of fields. */
const csvRows = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));

/** One symbol's net position straight from the blotter: bought minus sold. */
function netFromBlotter(symbol: string): number {
  const [header, ...lines] = csvRows(readFileSync(examples('data', 'fo_blotter.csv'), 'utf8'));
  const [s, side, qty] = ['symbol', 'side', 'quantity'].map((h) => header.indexOf(h));
  return lines.filter((l) => l[s] === symbol).reduce((sum, l) => sum + (l[side] === 'BUY' ? 1 : -1) * Number(l[qty]), 0);
}

function closeOn(date: string, symbol: string): number {
  const [header, ...lines] = csvRows(readFileSync(examples('data', 'closing_prices.csv'), 'utf8'));
  const [d, s, c] = ['date', 'symbol', 'close'].map((h) => header.indexOf(h));
  return Number(lines.find((l) => l[d] === date && l[s] === symbol)![c]);
}

describe('report runs', () => {
  it('stores the positions report and serves each sheet as the CLI writes it', async () => {
    const server = testServer();
    const client = await admin(server);
    const blotter = examples('data', 'fo_blotter.csv');
    const closes = examples('data', 'closing_prices.csv');
    const data = {
      fo_blotter: await importDataset(client, 'fo_blotter', blotter),
      closing_prices: await importDataset(client, 'closing_prices', closes),
    };
    const workbook = examples('sheets', 'positions-report.xlsx');
    const run = await runSheet(client, server, { name: 'positions-report.xlsx', path: workbook }, data);
    expect(run).toMatchObject({ status: 'succeeded', summary: { type: 'Report' } });

    expect((await client.json('GET', `/api/runs/${run.id}/sheets`)).body).toEqual([{ name: 'Positions', rows: 23, columns: 6 }]);

    const cli = readFileSync(join(cliRun(workbook, { fo_blotter: blotter, closing_prices: closes }), 'Positions.csv'), 'utf8');
    const csv = await client.request('GET', `/api/runs/${run.id}/sheets/Positions?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/filename="run-\d+-Positions.csv"/);
    expect(await csv.text()).toBe(cli);

    const sheet = (await client.json('GET', `/api/runs/${run.id}/sheets/positions`)).body;
    expect(sheet).toMatchObject({ name: 'Positions', rows: 23, columns: 6 });
    expect(sheet.values.map((row: unknown[]) => row.map((v) => (v === null ? '' : String(v))))).toEqual(csvRows(cli));
    // A golden computed here from the data files, independent of the engine.
    const aapl = sheet.values.find((row: unknown[]) => row[0] === 'AAPL');
    const net = netFromBlotter('AAPL');
    expect(net).toBe(-7200);
    expect(aapl[3]).toBe(net);
    expect(aapl[5]).toBe(Math.round(net * closeOn('2026-11-20', 'AAPL') * 100) / 100);

    const xlsx = await client.request('GET', `/api/runs/${run.id}/sheets/Positions?format=xlsx`);
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    const book = XLSX.read(new Uint8Array(await xlsx.arrayBuffer()));
    expect(book.SheetNames).toEqual(['Positions']);
    const cells = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Positions, { header: 1, defval: null, raw: true });
    expect(cells.map((row) => row.map((v) => (v === null ? '' : String(v))))).toEqual(csvRows(cli));
    expect(typeof cells[1][3]).toBe('number');

    // The run's own spreadsheet download holds every report sheet; its Rows results are empty.
    const whole = XLSX.read(new Uint8Array(await (await client.request('GET', `/api/runs/${run.id}/results?format=xlsx`)).arrayBuffer()));
    expect(whole.SheetNames).toEqual(['Positions']);
    expect((await client.json('GET', `/api/runs/${run.id}/results`)).body).toMatchObject({ total: 0, rows: [] });

    const unknown = await client.json('GET', `/api/runs/${run.id}/sheets/Positons`);
    expect(unknown).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', message: `run ${run.id} has no report sheet "Positons" (its report sheets are "Positions")` } },
    });
    expect((await client.json('GET', `/api/runs/${run.id}/sheets/Positions?format=pdf`)).status).toBe(400);
    expect((await client.json('GET', '/api/runs/999/sheets')).status).toBe(404);
  });

  it('keeps errors, dates, text and odd sheet names as the CLI does, and a check run has no report sheets', async () => {
    const server = testServer();
    const client = await admin(server);
    const dir = tempDir('tickmark-report-');
    const trades = writeText(dir, 'trades.csv', 'id,day,qty\nT1,2026-11-16,5\nT2,2026-11-17,-3\n');
    const workbook = {
      sheets: [
        { name: 'Settings', cells: [['Type', 'Report']] },
        { name: 'trades', cells: [] },
        {
          name: 'Odd: one',
          cells: [
            ['what', 'value'],
            ['ratio', '=1/0'],
            ['first day', '=DATE(2026,11,16)'],
            ['note', 'commas, "quotes"'],
            ['all', '=SUM(trades!C:C)', true],
          ],
        },
        { name: 'Empty', cells: [] },
      ],
      names: [],
    };
    const path = writeText(dir, 'odd.json', JSON.stringify(workbook));
    const run = await runSheet(client, server, { name: 'odd.json', path }, { trades: await importDataset(client, 'trades', trades) });
    expect(run.status).toBe('succeeded');
    const list = (await client.json('GET', `/api/runs/${run.id}/sheets`)).body;
    expect(list.map((s: { name: string }) => s.name)).toEqual(['Odd: one', 'Empty']);
    const out = cliRun(path, { trades });
    for (const name of ['Odd: one', 'Empty']) {
      const served = await (await client.request('GET', `/api/runs/${run.id}/sheets/${encodeURIComponent(name)}?format=csv`)).text();
      expect(served, name).toBe(readFileSync(join(out, `${name.replace(':', '_')}.csv`), 'utf8'));
    }
    const odd = (await client.json('GET', `/api/runs/${run.id}/sheets/${encodeURIComponent('Odd: one')}`)).body;
    expect(odd.values.slice(1, 3)).toEqual([
      ['ratio', { error: '#DIV/0!' }, null],
      ['first day', '2026-11-16', null],
    ]);
    const book = XLSX.read(new Uint8Array(await (await client.request('GET', `/api/runs/${run.id}/results?format=xlsx`)).arrayBuffer()));
    expect(book.SheetNames).toEqual(['Odd_ one', 'Empty']);

    const check = {
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
            ['id', 'Exception'],
            [null, '=""'],
          ],
        },
      ],
      names: [],
    };
    const checked = await runSheet(
      client,
      server,
      { name: 'check.json', text: JSON.stringify(check) },
      { trades: run.inputs.trades.datasetId },
    );
    expect((await client.json('GET', `/api/runs/${checked.id}/sheets`)).body).toEqual([]);
    expect((await client.json('GET', `/api/runs/${checked.id}/sheets/Rows`)).body.error.message).toBe(
      `run ${checked.id} has no report sheet "Rows" (it has none: only a Report run has report sheets)`,
    );
  });

  it('drops the sheets of a run that fails, and deletes them with their run', async () => {
    const server = testServer();
    const client = await admin(server);
    const trades = await importDataset(client, 'trades', writeText(tempDir(), 'trades.csv', 'id\nT1\n'));
    const sheet = await client.json(
      'POST',
      '/api/sheets',
      fileForm({}, { name: 'r.json', text: JSON.stringify({ sheets: [{ name: 'Settings', cells: [['Type', 'Report']] }], names: [] }) }),
    );
    const count = (runId: number) =>
      server.db.$client.prepare('SELECT count(*) FROM run_report_sheets WHERE run_id = ?').pluck().get(runId);
    await approveLatest(client, sheet.body.id);
    const failing = createRun(server.db, { sheetId: sheet.body.id, data: { trades } });
    markRunning(server.db, failing.id);
    saveReportSheet(server.db, failing.id, 0, 'Half', [['written']]);
    expect(count(failing.id)).toBe(1);
    finishRun(server.db, failing.id, { status: 'failed', error: { code: 'internal', message: 'stopped' } });
    expect(count(failing.id)).toBe(0);
    expect((await client.json('GET', `/api/runs/${failing.id}/sheets`)).status).toBe(409);

    const done = createRun(server.db, { sheetId: sheet.body.id, data: { trades } });
    saveReportSheet(server.db, done.id, 0, 'Kept', [['written']]);
    server.db.$client.prepare('DELETE FROM runs WHERE id = ?').run(done.id);
    expect(count(done.id)).toBe(0);
  });

  it('migrates a database from before report sheets forward, keeping its runs', () => {
    const dir = tempDir('tickmark-migrate-');
    // The committed migrations up to 0003, as a database last opened before 0004 was.
    const old = join(dir, 'migrations');
    cpSync(join(process.cwd(), 'db', 'migrations'), old, { recursive: true });
    const journal = JSON.parse(readFileSync(join(old, 'meta', '_journal.json'), 'utf8'));
    journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < '0004');
    writeFileSync(join(old, 'meta', '_journal.json'), JSON.stringify(journal));
    const path = join(dir, 'tickmark.db');
    const client = new Database(path);
    migrate(drizzle(client), { migrationsFolder: old });
    client.exec(`INSERT INTO sheets (name, current_version) VALUES ('r', 1);
      INSERT INTO sheet_versions (sheet_id, version, content, content_hash) VALUES (1, 1, '{}', 'h');
      INSERT INTO runs (sheet_id, sheet_version_id, status, inputs, params, summary) VALUES (1, 1, 'succeeded', '{}', '{}', '{"type":"Report"}')`);
    expect(client.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'run_report_sheets'").pluck().get()).toBe(0);
    client.close();

    const db = openDatabase(path);
    expect(getRun(db, 1).status).toBe('succeeded');
    expect(listReportSheets(db, 1)).toEqual([]);
    const { sheet } = createSheet(db, {
      name: 'next',
      workbook: { sheets: [{ name: 'Settings', cells: [['Type', 'Report']] }], names: [] },
      approvedBySystem: 'test fixture',
    });
    const run = createRun(db, { sheetId: sheet.id, data: {} });
    saveReportSheet(db, run.id, 0, 'Positions', [['symbol'], ['AAPL']]);
    expect(db.$client.prepare('SELECT name, row_count, column_count FROM run_report_sheets').all()).toEqual([
      { name: 'Positions', row_count: 2, column_count: 1 },
    ]);
    db.$client.close();
  });
});
