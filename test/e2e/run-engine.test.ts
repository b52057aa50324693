/**
 * The run page says how each formula column was evaluated (issue 14): a Check over the
 * demo's fo_blotter with one column the compiler takes (`=B2*C2`) and one it does not
 * (OFFSET, docs/compiled-evaluator.md "What falls back"), shown as a count and the
 * fallback column with its reason, and a manifest download carrying the same
 * `engine.evaluation`. Screenshots at 1280x800 and 1920x1080.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workbook } from '../../rules/workbook.js';
import { uploadWorkbook } from './grid-helpers.js';
import { screenshot, setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

const WORKBOOK: Workbook = {
  names: [],
  sheets: [
    {
      name: 'Settings',
      cells: [
        ['Type', 'Check'],
        ['Data', 'fo_blotter'],
        ['Key', 'exec_id'],
      ],
    },
    {
      name: 'Rows',
      cells: [
        ['exec_id', 'quantity', 'price', 'notional', 'Exception'],
        [null, null, null, '=B2*C2', '=IF(OFFSET(B2,0,0)>5000,"large fill","")'],
      ],
    },
  ],
};

// The contract's words (docs/compiled-evaluator.md): any other function falls back with
// `uses NAME, which the compiler does not take`; the operators and same-row cells compile.
const EVALUATION = {
  compiled: ['notional'],
  fallback: [{ column: 'Exception', reason: 'uses OFFSET, which the compiler does not take' }],
};

/** The fills of more than 5,000 shares, counted from the CSV itself. */
function largeFills(): number {
  const [header, ...lines] = readFileSync(join(process.cwd(), 'examples', 'data', 'fo_blotter.csv'), 'utf8')
    .trim()
    .split('\n');
  const quantity = header.split(',').indexOf('quantity');
  return lines.filter((line) => Number(line.split(',')[quantity]) > 5000).length;
}

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

let h: Harness;
let page: Page;
let errors: string[];
beforeAll(async () => {
  h = await startHarness();
  page = await h.browser.newPage({ viewport: VIEWPORTS[0], acceptDownloads: true });
  errors = watchConsole(page);
});
afterAll(async () => h?.close());

const get = async (path: string) => (await page.request.get(`${h.url}${path}`)).json();

/** Starts an official run of `sheetId` on the named demo datasets with the page's session, and waits for it. */
async function runOn(sheetId: number, data: string[]): Promise<number> {
  const datasets: { id: number; name: string }[] = await get('/api/datasets');
  const csrf = (await get('/api/auth/me')).csrfToken;
  const response = await page.request.post(`${h.url}/api/sheets/${sheetId}/runs`, {
    data: { data: Object.fromEntries(data.map((name) => [name, datasets.find((d) => d.name === name)!.id])) },
    headers: { 'X-Tickmark-CSRF': csrf },
  });
  expect(response.status()).toBe(202);
  await h.runs.idle();
  return (await response.json()).id;
}

describe('the run page says how formula columns were evaluated', () => {
  let runId: number;

  it('shows the compiled count and the column HyperFormula evaluated, with its reason', async () => {
    await setUpFirstAdmin(page, h.url);
    const sheetId = await uploadWorkbook(page, h.url, 'large fills', WORKBOOK);
    // A new sheet is a draft: Ada, the only admin, submits and approves it for official runs.
    const csrf = (await get('/api/auth/me')).csrfToken;
    for (const step of ['submit', 'approve'])
      expect(
        (await page.request.post(`${h.url}/api/sheets/${sheetId}/versions/1/${step}`, { headers: { 'X-Tickmark-CSRF': csrf } })).status(),
      ).toBe(200);
    runId = await runOn(sheetId, ['fo_blotter']);

    await page.goto(`${h.url}/#/runs/${runId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(/succeeded/);
    const engine = page.getByRole('region', { name: 'Engine' });
    await expect.poll(() => engine.innerText()).toMatch(/1 formula column compiled, 1 evaluated by HyperFormula/);
    expect(await engine.getByRole('list', { name: 'Evaluated by HyperFormula' }).getByRole('listitem').allInnerTexts()).toEqual([
      'Exception — uses OFFSET, which the compiler does not take; evaluated by HyperFormula',
    ]);
    expect(await engine.getByText('1 formula column compiled').getAttribute('title')).toBe('Compiled: notional');
    expect(await engine.innerText()).toMatch(/Tickmark \d+\.\d+\.\d+ · HyperFormula \d+\.\d+\.\d+/);
    // The column HyperFormula evaluated still gave the right answers.
    expect(await page.locator('.counts').innerText()).toMatch(new RegExp(`exceptions\\s+${largeFills().toLocaleString('en-US')}`));
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await screenshot(page, `run-engine-${viewport.width}x${viewport.height}-01-fallback`);
    }
    await page.setViewportSize(VIEWPORTS[0]);
  });

  it('downloads the manifest as JSON with the same engine.evaluation', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('region', { name: 'Engine' }).getByRole('link', { name: 'Download manifest' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`run-${runId}-manifest.json`);
    const manifest = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(manifest.engine.evaluation).toEqual(EVALUATION);
    expect(manifest.results).toMatchObject({ exceptions: largeFills() });
    expect(manifest.sheet).toMatchObject({ name: 'large fills', version: 1 });
  });

  it("shows the demo reconciliation's columns as compiled or not, every formula column counted once", async () => {
    const sheets: { id: number; name: string }[] = await get('/api/sheets');
    const sheetId = sheets.find((s) => s.name === 'fo-vs-broker')!.id;
    const rows = (await get(`/api/sheets/${sheetId}`)).workbook.sheets.find((s: { name: string }) => s.name === 'Rows')
      .cells as unknown[][];
    const formulas = rows[1].filter((c) => typeof c === 'string' && c.startsWith('=')).length;
    const demoRun = await runOn(sheetId, ['fo_blotter', 'broker_confirms']);
    await page.goto(`${h.url}/#/runs/${demoRun}`);
    const engine = page.getByRole('region', { name: 'Engine' });
    await expect.poll(() => engine.innerText()).toMatch(/formula columns? compiled/);
    const headline = /(\d+|No) formula columns? compiled(?:, (\d+) evaluated by HyperFormula)?/.exec(await engine.innerText())!;
    const compiled = headline[1] === 'No' ? 0 : Number(headline[1]);
    const fallback = Number(headline[2] ?? 0);
    expect(compiled + fallback).toBe(formulas);
    expect(await engine.getByRole('listitem').count()).toBe(fallback);
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await screenshot(page, `run-engine-${viewport.width}x${viewport.height}-02-demo`);
    }
    await page.setViewportSize(VIEWPORTS[0]);
  });

  it('says a report has nothing to compile, and still offers its manifest', async () => {
    const sheets: { id: number; name: string }[] = await get('/api/sheets');
    const reportRun = await runOn(sheets.find((s) => s.name === 'positions-report')!.id, ['fo_blotter', 'closing_prices']);
    await page.goto(`${h.url}/#/runs/${reportRun}`);
    const engine = page.getByRole('region', { name: 'Engine' });
    await expect.poll(() => engine.innerText()).toMatch(/A report’s sheets are evaluated by HyperFormula: only Rows rules are compiled/);
    expect(await engine.getByRole('listitem').count()).toBe(0);
    const manifest = await get(`/api/runs/${reportRun}/manifest`);
    expect(manifest.engine.evaluation).toBeUndefined();
    expect(await engine.getByRole('link', { name: 'Download manifest' }).getAttribute('download')).toBe(`run-${reportRun}-manifest.json`);
    await screenshot(page, 'run-engine-1280x800-03-report');
    expect(errors).toEqual([]);
  });
});
