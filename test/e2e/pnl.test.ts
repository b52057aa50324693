/**
 * The P&L page in a real browser, at 1280x800 and 1920x1080, over a server run of the demo
 * P&L report: the totals the CLI writes (its Positions.csv, added up here) and the ones worked
 * out by hand, charts that really drew, sorting, the drill-down to a position's lots, and PNG
 * and .xlsx exports with real content.
 */
import * as XLSX from '@e965/xlsx';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNL_GOLDEN } from '../../scripts/pnl-examples.js';
import { tempDir } from '../helpers/files.js';
import { scratchDir } from '../scratch.js';
import { screenshot, setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

let h: Harness;
let page: Page;
let errors: string[];
let runId: number;
/** The CLI's totals, added up from the Positions.csv it writes. */
let cli: { realized: number; unrealized: number; fees: number; net: number };

beforeAll(async () => {
  const out = join(tempDir('tickmark-pnl-e2e-'), 'out');
  const data = ['pnl_trades', 'pnl_prices', 'pnl_fx'].flatMap((name) => ['--data', `${name}=examples/data/${name}.csv`]);
  const result = spawnSync(process.execPath, ['bin/tickmark.mjs', 'run', 'examples/sheets/pnl.xlsx', ...data, '--out', out, '--quiet']);
  expect(result.status, String(result.stderr)).toBe(0);
  const positions: Record<string, string>[] = parse(readFileSync(join(out, 'Positions.csv'), 'utf8'), { columns: true });
  const sum = (field: string) => Math.round(positions.reduce((a, p) => a + Number(p[field]), 0) * 100) / 100;
  cli = { realized: sum('realized_pnl_base'), unrealized: sum('unrealized_pnl_base'), fees: sum('fees_base'), net: sum('net_pnl_base') };

  h = await startHarness();
  page = await h.browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  errors = watchConsole(page);
}, 120_000);
afterAll(async () => h?.close());

it('sets up the first admin and runs the demo P&L report on the server', async () => {
  await setUpFirstAdmin(page, h.url);
  runId = await runDemoPnl();
});

const get = async (path: string) => (await page.request.get(`${h.url}${path}`)).json();

async function runDemoPnl(): Promise<number> {
  const sheetId = (await get('/api/sheets')).find((s: { name: string }) => s.name === 'pnl').id;
  const datasets: { id: number; name: string }[] = await get('/api/datasets');
  const id = (name: string) => datasets.find((d) => d.name === name)!.id;
  const response = await page.request.post(`${h.url}/api/sheets/${sheetId}/runs`, {
    data: { data: { pnl_trades: id('pnl_trades'), pnl_prices: id('pnl_prices'), pnl_fx: id('pnl_fx') } },
    headers: { 'X-Tickmark-CSRF': (await get('/api/auth/me')).csrfToken },
  });
  expect(response.status(), await response.text()).toBe(202);
  await h.runs.idle();
  return (await response.json()).id;
}

/** How the page writes an amount: thousands separated, two decimals, a true minus sign. */
const shown = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).replace('-', '−');

/** Pixels of a canvas within a few levels of a colour, counted in the page. */
function pixelsOf(figure: string, rgb: [number, number, number]): Promise<number> {
  return page
    .getByRole('figure', { name: figure })
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement, [r, g, b]) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4)
        if (Math.abs(data[i] - r) < 8 && Math.abs(data[i + 1] - g) < 8 && Math.abs(data[i + 2] - b) < 8 && data[i + 3] > 200) count++;
      return count;
    }, rgb);
}

const GAIN: [number, number, number] = [47, 125, 79];
const LOSS: [number, number, number] = [179, 38, 30];
const LINE: [number, number, number] = [26, 95, 180];

async function download(figure: string, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('figure', { name: figure }).getByRole('button', { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

describe.each([
  [1280, 800],
  [1920, 1080],
])('the P&L page at %ix%i', (width, height) => {
  const shot = (name: string) => screenshot(page, `pnl-${width}-${name}`);

  it('opens on the P&L and shows the totals the CLI writes and the hand-worked ones', async () => {
    await page.setViewportSize({ width, height });
    await page.goto(`${h.url}/#/runs/${runId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(/succeeded/);
    expect(await page.getByRole('tab', { name: 'P&L' }).getAttribute('aria-selected')).toBe('true');
    const totals = page.getByLabel('P&L totals').getByRole('definition');
    await expect.poll(() => totals.count()).toBe(5);
    const figures = await page.getByLabel('P&L totals').innerText();
    expect(cli).toEqual({ realized: PNL_GOLDEN.realized, unrealized: PNL_GOLDEN.unrealized, fees: PNL_GOLDEN.fees, net: PNL_GOLDEN.net });
    expect(figures).toContain(`Realized\n${shown(cli.realized)}`);
    expect(figures).toContain(`Unrealized\n${shown(cli.unrealized)}`);
    expect(figures).toContain(`Fees\n${shown(cli.fees)}`);
    expect(figures).toContain(`Net P&L\n${shown(cli.net)}`);
    expect(figures).toMatch(/Net P&L\s+2,677\.71/);
    expect(await page.getByText('Amounts in the base currency').count()).toBe(1);
    await shot('01-totals');
  });

  it('draws the daily bars, gains and losses, and the cumulative line', async () => {
    await expect.poll(() => pixelsOf('Daily P&L', GAIN)).toBeGreaterThan(200);
    // Friday lost 284.55: one red bar.
    expect(await pixelsOf('Daily P&L', LOSS)).toBeGreaterThan(50);
    expect(await pixelsOf('Daily P&L', LINE)).toBeGreaterThan(50);
    expect(await pixelsOf('Net P&L by account', GAIN)).toBeGreaterThan(200);
    expect(await pixelsOf('Net P&L by symbol', GAIN)).toBeGreaterThan(200);
  });

  it('sorts the breakdowns by a column, then the other way', async () => {
    const table = page.getByRole('table', { name: 'P&L by account' });
    const accounts = () => table.locator('tbody th').allInnerTexts();
    expect(await accounts()).toEqual(['ACC-1001', 'ACC-2001', 'ACC-3001']);
    const net = table.getByRole('columnheader', { name: /net P&L/ });
    await net.getByRole('button').click();
    expect(await net.getAttribute('aria-sort')).toBe('descending');
    // Net by account, by hand: ACC-2001 1,479.80, ACC-1001 892.00, ACC-3001 305.91.
    expect(await accounts()).toEqual(['ACC-2001', 'ACC-1001', 'ACC-3001']);
    expect(await table.locator('tbody tr').first().innerText()).toMatch(/ACC-2001\s+2\s+750\.00\s+740\.00\s+10\.20\s+1,479\.80/);
    await net.getByRole('button').click();
    expect(await net.getAttribute('aria-sort')).toBe('ascending');
    expect(await accounts()).toEqual(['ACC-3001', 'ACC-1001', 'ACC-2001']);
    expect(await table.locator('tfoot').innerText()).toMatch(/Total\s+6\s+1,803\.60\s+899\.30\s+25\.19\s+2,677\.71/);
    const symbols = page.getByRole('table', { name: 'P&L by symbol' });
    await symbols
      .getByRole('columnheader', { name: /unrealized/ })
      .getByRole('button')
      .click();
    expect(await symbols.locator('tbody th').first().innerText()).toBe('AAPL261218C00230000');
    await page.getByRole('region', { name: 'By account' }).scrollIntoViewIfNeeded();
    await shot('02-breakdowns');
    await page.getByRole('table', { name: 'P&L by account' }).getByRole('columnheader', { name: 'account' }).getByRole('button').click();
  });

  it('drills down from a position to its lots and the trades that closed them', async () => {
    const positions = page.getByRole('table', { name: 'Positions' });
    expect(await positions.locator('tbody tr').count()).toBe(6);
    await positions.getByRole('columnheader', { name: /position/ }).scrollIntoViewIfNeeded();
    await shot('03-positions');
    await positions.getByRole('button', { name: 'ACC-1001 · AAPL' }).click();
    const lots = page.getByRole('region', { name: 'Lots of ACC-1001 · AAPL' });
    await expect.poll(() => lots.count()).toBe(1);
    expect(await lots.getByLabel('Open position').innerText()).toMatch(
      /Open long 50 at an average cost of 228 USD, marked at 227: market value 11,350\.00, unrealized −50\.00\. Realized 400\.00, fees 5\.50, net 344\.50\./,
    );
    const closed = lots.getByRole('table', { name: 'Closed lots of ACC-1001 · AAPL' });
    expect(await closed.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/2026-11-16\s+225\s+2026-11-18\s+230\s+100\s+1\s+500\.00/),
      expect.stringMatching(/2026-11-17\s+228\s+2026-11-18\s+230\s+50\s+1\s+100\.00/),
      expect.stringMatching(/2026-11-17\s+228\s+2026-11-20\s+226\s+100\s+1\s+−200\.00/),
    ]);
    const trades = lots.getByRole('table', { name: 'Closing trades of ACC-1001 · AAPL' });
    expect(await trades.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/2026-11-18\s+230\s+150\s+2\s+600\.00/),
      expect.stringMatching(/2026-11-20\s+226\s+100\s+1\s+−200\.00/),
    ]);
    expect(await lots.getByRole('table', { name: 'Days of ACC-1001 · AAPL' }).locator('tbody tr').count()).toBe(5);
    await shot('04-lots');
    await lots.getByRole('button', { name: 'Hide lots' }).click();
    expect(await lots.count()).toBe(0);
  });

  it('exports a chart as a PNG and its figures as .xlsx', async () => {
    await page.getByRole('figure', { name: 'Daily P&L' }).scrollIntoViewIfNeeded();
    const png = await download('Daily P&L', 'PNG');
    expect(png.name).toBe(`run-${runId}-daily-pnl.png`);
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: the picture is as wide as the chart's canvas and a title taller.
    const canvas = await page
      .getByRole('figure', { name: 'Daily P&L' })
      .locator('canvas')
      .evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([canvas[0], canvas[1] + 28]);
    expect(png.bytes.length).toBeGreaterThan(5000);
    // Kept beside the screenshots, to look at.
    writeFileSync(join(scratchDir, 'screenshots', `pnl-${width}-06-exported-daily.png`), png.bytes);

    const xlsx = await download('Daily P&L', 'Data (.xlsx)');
    expect(xlsx.name).toBe(`run-${runId}-daily-pnl.xlsx`);
    const book = XLSX.read(xlsx.bytes);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]], { header: 1 });
    expect(rows[0]).toEqual(['date', 'realized', 'fees', 'day P&L', 'cumulative P&L']);
    expect(Object.fromEntries(rows.slice(1).map((r) => [r[0], r[3]]))).toEqual(PNL_GOLDEN.byDay);
    expect(rows.at(-1)![4]).toBe(PNL_GOLDEN.net);

    const byAccount = await download('Net P&L by account', 'Data (.xlsx)');
    const accounts = XLSX.read(byAccount.bytes);
    const accountRows = XLSX.utils.sheet_to_json<unknown[]>(accounts.Sheets[accounts.SheetNames[0]], { header: 1 });
    expect(accountRows.slice(1).map((r) => [r[0], r[5]])).toEqual(Object.entries(PNL_GOLDEN.byAccount));
  });

  it("keeps the report's own sheets one tab away", async () => {
    await page.getByRole('tab', { name: 'Report sheets' }).click();
    await page.getByRole('tab', { name: 'Summary' }).click();
    const summary = page.getByRole('table', { name: 'Summary' });
    await expect.poll(() => summary.innerText()).toMatch(/Net P&L \(USD\)\s+2,677\.71/);
    expect(await summary.getByRole('cell', { name: 'add up' }).count()).toBe(8);
    await shot('05-report-sheets');
    await page.getByRole('tab', { name: 'P&L' }).click();
    expect(errors).toEqual([]);
  });
});

it('opens the demo P&L rule sheet in the editor, its Settings naming the datasets', async () => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const sheetId = (await get('/api/sheets')).find((s: { name: string }) => s.name === 'pnl').id;
  await page.goto(`${h.url}/#/sheets/${sheetId}`);
  await expect.poll(() => page.getByRole('tab', { name: 'By account' }).count()).toBe(1);
  for (const tab of ['Settings', 'Realized', 'Positions', 'Daily', 'Summary', 'By symbol', 'By day'])
    expect(await page.getByRole('tab', { name: tab, exact: true }).count(), tab).toBe(1);
  await screenshot(page, 'pnl-1280-07-editor');
  // Run… offers the datasets its Settings name, and the run page opens on the P&L.
  await page.getByRole('button', { name: 'Run…' }).click();
  const dialog = page.getByRole('dialog');
  for (const name of ['pnl_trades', 'pnl_prices', 'pnl_fx'])
    await expect
      .poll(() => dialog.getByLabel(`Dataset for ${name}`).locator('option').first().innerText())
      .toMatch(new RegExp(`^${name} #`));
  await dialog.getByRole('button', { name: 'Start run' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 60_000 }).toMatch(/succeeded/);
  await expect.poll(() => page.getByLabel('P&L totals').innerText()).toMatch(/Net P&L\s+2,677\.71/);
  expect(errors).toEqual([]);
});
