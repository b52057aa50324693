/**
 * The web app end to end in Debian's chromium: first-run setup, a dataset upload, the demo
 * reconciliation in the editor (a formula change moves the live preview, a pasted block,
 * fill down, undo, save), the copy submitted and self-approved (Ada is the only admin), a
 * run watched to the end, and the exception queue worked (assign, resolve, download and
 * upload). Screenshots of each page go to test-results/screenshots.
 */
import * as XLSX from '@e965/xlsx';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDir } from '../scratch.js';
import { screenshot, startHarness, watchConsole, type Harness } from './harness.js';

let h: Harness;
let page: Page;
let errors: string[];
beforeAll(async () => {
  h = await startHarness();
  page = await h.browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  errors = watchConsole(page);
});
afterAll(async () => h?.close());

const formulaBar = () => page.getByLabel('Formula bar');
const previewCount = async () => Number(await page.getByTestId('preview-count').innerText());

async function goToCell(address: string) {
  await page.getByLabel('Name box').fill(address);
  await page.getByLabel('Name box').press('Enter');
  await page.waitForTimeout(150);
}

/** Focuses a visible cell by clicking it (row and column 0-based), as the name box then shows. */
async function clickCell(row: number, col: number) {
  await page.locator(`revogr-data[type="rgRow"][col-type="rgCol"] [data-rgrow="${row}"][data-rgcol="${col}"]`).click();
  await expect.poll(() => page.getByLabel('Name box').inputValue()).toBe(`${String.fromCharCode(65 + col)}${row + 1}`);
}

async function typeFormula(address: string, text: string) {
  await goToCell(address);
  await formulaBar().fill(text);
  await formulaBar().press('Enter');
}

describe('the web app', () => {
  it('sets up the first admin on first visit', async () => {
    await page.goto(`${h.url}/#/sheets`);
    await expect.poll(() => page.getByRole('heading').first().innerText()).toMatch(/Set up Tickmark/);
    await screenshot(page, '01-setup');
    await page.getByLabel('E-mail').fill('ada@example.com');
    await page.getByLabel('Name').fill('Ada');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: /Create admin/ }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Rule sheets' }).count()).toBe(1);
    // The list arrives after the heading: wait for it rather than count once.
    await expect.poll(() => page.getByRole('link', { name: 'fo-vs-broker' }).count()).toBe(1);
    await screenshot(page, '02-sheets');
  });

  it('uploads a dataset with progress and previews it', async () => {
    await page.getByRole('link', { name: 'Datasets' }).click();
    await page.getByLabel('Name', { exact: true }).fill('blotter copy');
    await page.getByLabel(/^File/).setInputFiles(join(process.cwd(), 'examples', 'data', 'fo_blotter.csv'));
    await page.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toMatch(/imported blotter copy: 2,825 rows/);
    await screenshot(page, '03-datasets');
    await page.getByRole('link', { name: 'blotter copy' }).click();
    const table = page.getByRole('table', { name: 'Rows of blotter copy' });
    await expect.poll(() => table.getByRole('row').nth(1).innerText()).toMatch(/^1\s+X100001\s+2026-11-16/);
    await table.evaluate((el) => (el.scrollTop = 2800 * 24));
    await expect.poll(() => table.innerText()).toMatch(/\b2825\b/);
    await screenshot(page, '04-dataset-preview');
  });

  it('edits the demo reconciliation with a live preview, paste, fill down, undo and save', async () => {
    await page.getByRole('link', { name: 'Rule sheets' }).click();
    await page.getByRole('link', { name: 'fo-vs-broker' }).click();
    await expect.poll(previewCount, { timeout: 120_000 }).toBeGreaterThan(0);
    const before = await previewCount();
    await screenshot(page, '05-editor');

    // The exception formula in row 2: only missing-at-broker rows remain exceptions.
    await goToCell('U2');
    expect(await formulaBar().inputValue()).toMatch(/^=IF\(C2="left only","missing at broker"/);
    await typeFormula('U2', '=IF(C2="left only","missing at broker","")');
    await expect.poll(previewCount).not.toBe(before);
    const onlyMissing = await previewCount();
    expect(onlyMissing).toBeLessThan(before);

    // Function completion in the formula bar offers names with their signatures.
    await goToCell('V2');
    await formulaBar().fill('=VLOO');
    expect(await page.getByRole('listbox', { name: 'Functions' }).innerText()).toMatch(/VLOOKUP\(/);
    await formulaBar().press('Escape');

    // Paste a block copied from Excel as tab-separated text into the Summary sheet.
    await page.getByRole('tab', { name: 'Summary' }).click();
    await clickCell(0, 3);
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'qty\tdouble\r\n10\t=D2*2\r\n20\t\r\n30\t\r\n');
      document.querySelector('.wrap')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    });
    await goToCell('E2');
    await expect.poll(() => formulaBar().inputValue()).toBe('=D2*2');

    // Fill down E2:E4 with Ctrl+D: references shift row by row.
    await clickCell(1, 4);
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    // The grid extends its selection asynchronously; wait as a person would before filling.
    await expect
      .poll(() =>
        page.evaluate(
          async () =>
            (await (document.querySelector('revo-grid') as unknown as { getSelectedRange(): Promise<{ y1: number }> }).getSelectedRange())
              ?.y1,
        ),
      )
      .toBe(3);
    await page.keyboard.press('Control+d');
    await goToCell('E4');
    await expect.poll(() => formulaBar().inputValue()).toBe('=D4*2');
    await expect
      .poll(() => page.locator('revogr-data[type="rgRow"][col-type="rgCol"] [data-rgrow="3"][data-rgcol="4"]').innerText())
      .toBe('60');

    // Undo the fill: E4 is empty again.
    await clickCell(3, 4);
    await page.keyboard.press('Control+z');
    await goToCell('E4');
    await expect.poll(() => formulaBar().inputValue()).toBe('');
    await goToCell('E2');
    expect(await formulaBar().inputValue()).toBe('=D2*2');

    // The fill handle: drag E2's corner down to E3.
    const handle = page.locator('revo-grid .autofill-handle');
    const target = page.locator('revogr-data[type="rgRow"][col-type="rgCol"] [data-rgrow="2"][data-rgcol="4"]');
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
    await page.mouse.up();
    await goToCell('E3');
    await expect.poll(() => formulaBar().inputValue()).toBe('=D3*2');

    // Ctrl+Down from D1 goes to the end of the filled block, D4, as in Excel.
    await clickCell(0, 3);
    await page.keyboard.press('Control+ArrowDown');
    await expect.poll(() => page.getByLabel('Name box').inputValue()).toBe('D4');
    await screenshot(page, '06-editor-summary');

    // Unsaved edits survive a reload of the page.
    await page.reload();
    await expect.poll(() => page.getByRole('status').innerText()).toMatch(/restored your unsaved edits/);
    await page.getByRole('tab', { name: 'Summary' }).click();
    await goToCell('E2');
    await expect.poll(() => formulaBar().inputValue()).toBe('=D2*2');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toMatch(/saved version 2/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/version 2/);
  });

  it('answers a stale save with a choice that loses nothing', async () => {
    const id = Number(page.url().split('/').pop());
    const current = await (await page.request.get(`${h.url}/api/sheets/${id}`)).json();
    const csrf = await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()).csrfToken);
    const other = await page.request.put(`${h.url}/api/sheets/${id}`, {
      data: { baseVersion: current.version, workbook: current.workbook, note: 'someone else' },
      headers: { 'X-Tickmark-CSRF': csrf },
    });
    expect(other.status()).toBe(200);
    await page.getByRole('tab', { name: 'Settings' }).click();
    await typeFormula('D1', 'my note');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.innerText()).toMatch(/Someone saved version 3/);
    await screenshot(page, '07-conflict');
    await dialog.getByRole('button', { name: 'Save mine as a copy' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(/fo-vs-broker \(copy\)/);
    await page.getByRole('tab', { name: 'Settings' }).click();
    await goToCell('D1');
    expect(await formulaBar().inputValue()).toBe('my note');
  });

  it('submits the new sheet and approves it: Ada is the only admin, so she may approve her own', async () => {
    await page.getByRole('button', { name: 'Submit for review…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByRole('link', { name: 'In review' }).click();
    await page.getByRole('region', { name: 'Decision' }).getByRole('button', { name: 'Approve version 1' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(/version 1\s+approved/);
    await page.getByRole('link', { name: 'open the sheet' }).click();
  });

  it('runs the sheet and shows the progress, the counts and the exceptions', async () => {
    await page.getByRole('button', { name: 'Run…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Start run' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 120_000 }).toMatch(/succeeded/);
    const runId = Number(page.url().split('/').pop());
    const run = await (await page.request.get(`${h.url}/api/runs/${runId}`)).json();
    // The edited formula flags only rows missing at the broker; duplicate keys are flagged by the engine itself.
    expect(Object.keys(run.summary.by_exception).sort()).toEqual(['duplicate right key', 'missing at broker']);
    expect(await page.locator('.counts').innerText()).toMatch(new RegExp(`exceptions\\s+${run.counts.exceptions}\\b`));
    await expect.poll(() => page.getByRole('table', { name: 'Exceptions' }).innerText()).toMatch(/missing at broker/);
    await screenshot(page, '08-run');
    // The sheet's history says which version produced this run.
    await page.goBack();
    await page.getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('dialog', { name: 'Versions' });
    await expect.poll(() => history.innerText()).toMatch(new RegExp(`\\b1\\s[\\s\\S]*self-approved[\\s\\S]*#${runId} official`));
    await history.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('link', { name: 'Runs' }).click();
    await expect
      .poll(() => page.locator('table.list').innerText())
      .toMatch(new RegExp(`#${runId}\\s+fo-vs-broker \\(copy\\)\\s+succeeded`));
    await screenshot(page, '09-runs');
  });

  it('works the exception queue: assign, resolve, and the spreadsheet round trip', async () => {
    await page.getByRole('link', { name: 'Exceptions' }).click();
    await page.getByLabel('Sheet').selectOption({ label: 'fo-vs-broker (copy)' });
    const queue = page.getByRole('table', { name: 'Exception queue' });
    const sheetId = (await (await page.request.get(`${h.url}/api/sheets`)).json()).find(
      (x: { name: string }) => x.name === 'fo-vs-broker (copy)',
    ).id;
    const items = (await (await page.request.get(`${h.url}/api/queue?sheetId=${sheetId}`)).json()).total;
    expect(items).toBeGreaterThan(1);
    await expect.poll(() => queue.getByRole('checkbox').count()).toBe(items);
    await queue.getByRole('checkbox').first().check();
    await page.getByLabel('Assign to').selectOption({ label: 'Ada' });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toMatch(/1 exception\(s\) updated/);
    await expect.poll(() => queue.innerText()).toMatch(/Ada/);
    await queue.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => queue.innerText()).toMatch(/resolved/);
    await screenshot(page, '10-queue');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download .xlsx' }).click()]);
    const path = join(scratchDir, 'queue.xlsx');
    await download.saveAs(path);
    const book = XLSX.read(readFileSync(path));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Queue, { header: 1 });
    expect(rows).toHaveLength(items + 1);
    rows[1][1] = 'nonsense';
    rows[2][1] = 'in review';
    const edit = (table: unknown[][]) => {
      const out = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(out, XLSX.utils.aoa_to_sheet(table), 'Queue');
      writeFileSync(path, XLSX.write(out, { type: 'buffer', bookType: 'xlsx' }));
    };
    edit(rows);
    await page.getByLabel('Upload edited .xlsx').setInputFiles(path);
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/row 2, Status: "nonsense" is not a status/);
    rows[1][1] = 'resolved';
    edit(rows);
    await page.getByLabel('Upload edited .xlsx').setInputFiles(path);
    // The upload is a dry run first: it applies only on confirmation.
    await page.getByRole('button', { name: 'Apply 1 change', exact: true }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toMatch(/queue\.xlsx: 1 exception\(s\) updated/);
    await expect.poll(() => queue.innerText()).toMatch(/in review/);
    await screenshot(page, '11-queue-after-upload');
    // The stale save (409) and the bad upload (422) were refused on purpose; nothing else went wrong.
    expect(errors.filter((e) => !/status of (409|422)/.test(e))).toEqual([]);
    expect(errors).toHaveLength(2);
  });
});
