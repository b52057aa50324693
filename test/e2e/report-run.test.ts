/**
 * Report runs in the browser: the demo positions report's run page shows its report sheet
 * as a table of real values (no page of blank result rows) with its downloads, and a
 * reconciliation's run page shows its Summary sheet and what it did to the exception queue.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

let h: Harness;
let page: Page;
let errors: string[];
beforeAll(async () => {
  h = await startHarness();
  page = await h.browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  errors = watchConsole(page);
});
afterAll(async () => h?.close());

const get = async (path: string) => (await page.request.get(`${h.url}${path}`)).json();

/** Starts a run of a demo sheet through the API with the page's session, and waits for it. */
async function runDemo(sheet: string, data: string[]): Promise<number> {
  const sheetId = (await get('/api/sheets')).find((s: { name: string }) => s.name === sheet).id;
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

describe('report runs in the web app', () => {
  it('sets up the first admin', async () => {
    await setUpFirstAdmin(page, h.url);
  });

  it('shows the positions report as a table of real values with its downloads', async () => {
    const runId = await runDemo('positions-report', ['fo_blotter', 'closing_prices']);
    await page.goto(`${h.url}/#/runs/${runId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(/succeeded/);
    const table = page.getByRole('table', { name: 'Positions' });
    // AAPL: 143,800 bought, 151,000 sold, valued at Friday's close of 225.04.
    await expect
      .poll(() => table.getByRole('row').filter({ hasText: 'AAPL' }).innerText())
      .toMatch(/AAPL\s+143,800\s+151,000\s+-7,200\s+225.04\s+-1,620,288/);
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual([
      '1',
      'symbol',
      'bought',
      'sold',
      'net',
      'close',
      'market value',
    ]);
    expect(await table.getByRole('row').count()).toBe(23);
    expect(await table.getByRole('row').last().innerText()).toMatch(/Total\s+2,187,500\s+2,267,000\s+-79,500\s+-30,943,519/);
    expect(await page.getByRole('tab', { name: 'Positions' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('.counts').innerText()).toMatch(/rows read\s+2,930/);
    expect(await page.getByRole('region', { name: 'Exception queue' }).innerText()).toMatch(/A report raises no exceptions/);
    // The Rows results a report does not have are not offered as a table of blank rows.
    expect(await page.getByRole('table', { name: 'Results' }).count()).toBe(0);
    expect(await page.getByRole('table', { name: 'Exceptions' }).count()).toBe(0);
    await screenshot(page, 'report-01-positions');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download Positions.csv' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`run-${runId}-Positions.csv`);
    const csv = await (await page.request.get(`${h.url}/api/runs/${runId}/sheets/Positions?format=csv`)).text();
    expect(csv.split('\n')[1]).toBe('AAPL,143800,151000,-7200,225.04,-1620288');
  });

  it('shows every sheet of a report in its own tab, with errors and dates readable', async () => {
    const workbook = {
      sheets: [
        { name: 'Settings', cells: [['Type', 'Report']] },
        { name: 'fo_blotter', cells: [] },
        {
          name: 'Checks',
          cells: [
            ['check', 'value'],
            ['as of', '=DATE(2026,11,20)'],
            ['fills', '=COUNTA(fo_blotter!A:A)-1'],
            ['average fill', '=AVERAGE(fo_blotter!G:G)'],
            ['per block', '=1/0'],
          ],
        },
        {
          name: 'By side',
          cells: [
            ['side', 'quantity'],
            ['BUY', '=SUMIFS(fo_blotter!G:G,fo_blotter!F:F,A2)'],
          ],
        },
      ],
      names: [],
    };
    const csrf = (await get('/api/auth/me')).csrfToken;
    const created = await page.request.post(`${h.url}/api/sheets`, {
      multipart: { file: { name: 'checks.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(workbook)) } },
      headers: { 'X-Tickmark-CSRF': csrf },
    });
    expect(created.status()).toBe(201);
    // A new sheet is a draft: Ada, the only admin, submits and approves it for official runs.
    const sheetId = (await created.json()).id;
    for (const step of ['submit', 'approve'])
      expect(
        (await page.request.post(`${h.url}/api/sheets/${sheetId}/versions/1/${step}`, { headers: { 'X-Tickmark-CSRF': csrf } })).status(),
      ).toBe(200);
    const runId = await runDemo('checks', ['fo_blotter']);
    await page.goto(`${h.url}/#/runs/${runId}`);
    const checks = page.getByRole('table', { name: 'Checks' });
    await expect.poll(() => checks.innerText()).toMatch(/as of\s+2026-11-20/);
    expect(await checks.innerText()).toMatch(/fills\s+2,825/);
    const error = checks.getByRole('cell', { name: '#DIV/0!' });
    expect(await error.getAttribute('title')).toBe('division by zero');
    expect(await error.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(165, 29, 45)');
    expect(await page.getByRole('link', { name: 'Download every sheet (.xlsx)' }).getAttribute('href')).toBe(
      `/api/runs/${runId}/results?format=xlsx`,
    );
    await screenshot(page, 'report-02-checks');
    await page.getByRole('tab', { name: 'By side' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'By side' }).innerText()).toMatch(/BUY\s+[\d,]+/);
    expect(await page.getByRole('link', { name: 'Download By side.csv' }).getAttribute('href')).toBe(
      `/api/runs/${runId}/sheets/By%20side?format=csv`,
    );
  });

  it("shows a reconciliation's Summary sheet and what it did to the queue, in words", async () => {
    const runId = await runDemo('fo-vs-broker', ['fo_blotter', 'broker_confirms']);
    const run = await (await page.request.get(`${h.url}/api/runs/${runId}`)).json();
    await page.goto(`${h.url}/#/runs/${runId}`);
    const summary = page.getByRole('table', { name: 'Summary' });
    await expect.poll(() => summary.getByRole('row').count()).toBe(Object.keys(run.summary.summary).length);
    const labels = await summary.getByRole('rowheader').allInnerTexts();
    expect(labels).toEqual(Object.keys(run.summary.summary));
    expect(await summary.innerText()).toMatch(/FO quantity\s+[\d,]+/);
    const queue = page.getByRole('region', { name: 'Exception queue' });
    expect(await queue.innerText()).toMatch(new RegExp(`${run.queueChanges.opened} new breaks opened`));
    await expect.poll(() => page.getByRole('table', { name: 'Exceptions' }).innerText()).toMatch(/missing at broker/);
    await screenshot(page, 'report-03-reconciliation-summary');
    expect(errors).toEqual([]);
  });
});
