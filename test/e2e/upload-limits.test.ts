/**
 * The Datasets page at 1280x800 and 1920x1080 in Debian's chromium: a file over a limit is
 * refused with the server's message naming the file, the limit and the setting that
 * raises it, and nothing is imported; a Windows-1252 CSV is inspected with a note saying
 * how it was read, and imports. No console errors beyond the refusal the test provokes.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

const wide = Buffer.from(
  `${Array.from({ length: 1001 }, (_, c) => `c${c + 1}`).join(',')}\n${Array.from({ length: 1001 }, () => '1').join(',')}\n`,
);
// Windows-1252 by hand: ü FC, é E9, € 80.
const latin1 = Buffer.concat([
  Buffer.from('city,dish,price\nZ'),
  Buffer.from([0xfc]),
  Buffer.from('rich,caf'),
  Buffer.from([0xe9]),
  Buffer.from(',12 '),
  Buffer.from([0x80]),
  Buffer.from('\n'),
]);

describe.each(VIEWPORTS)('upload limits at $width x $height', (viewport) => {
  const tag = `${viewport.width}x${viewport.height}`;
  let h: Harness;
  let page: Page;
  let errors: string[];
  const datasetNames = async () =>
    ((await (await page.request.get(`${h.url}/api/datasets`)).json()) as { name: string }[]).map((d) => d.name);

  beforeAll(async () => {
    h = await startHarness();
    page = await h.browser.newPage({ viewport });
    errors = watchConsole(page);
  });
  afterAll(async () => h?.close());

  it('shows the refusal of a file over the column limit, naming the limit and its setting', async () => {
    await setUpFirstAdmin(page, h.url);
    await page.getByRole('link', { name: 'Datasets' }).click();
    const before = await datasetNames();
    await page.getByLabel(/^File/).setInputFiles({ name: 'wide.csv', mimeType: 'text/csv', buffer: wide });
    const toast = page.locator('.toast.error');
    await expect
      .poll(() => toast.innerText())
      .toContain('wide.csv, line 1: 1,001 columns is over the limit of 1,000 (TICKMARK_MAX_COLUMNS)');
    await screenshot(page, `upload-limits-${tag}-01-refused`);
    expect(await page.getByRole('region', { name: 'Column types' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Import' }).isDisabled()).toBe(true);
    expect(await datasetNames()).toEqual(before);
  });

  it('says a Windows-1252 file was read as such, and imports it with its accents', async () => {
    await page.getByLabel(/^File/).setInputFiles({ name: 'menu.csv', mimeType: 'text/csv', buffer: latin1 });
    const note = page.getByRole('region', { name: 'Column types' }).getByRole('note');
    await expect
      .poll(() => note.innerText())
      .toBe(
        'menu.csv is not UTF-8 (line 2 is the first that is not): it was read as Windows-1252 (Latin-1); declare another encoding if its accented letters look wrong',
      );
    await screenshot(page, `upload-limits-${tag}-02-latin1-note`);
    await page.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => datasetNames()).toContain('menu');
    const list = (await (await page.request.get(`${h.url}/api/datasets`)).json()) as { id: number; name: string }[];
    const id = list.find((d) => d.name === 'menu')!.id;
    const rows = await (await page.request.get(`${h.url}/api/datasets/${id}/rows?offset=0&limit=5`)).json();
    expect(JSON.stringify(rows)).toContain('["Zürich","café","12 €"]');
  });

  it('takes a declared encoding from the page: UTF-8 refuses the Windows-1252 file by its line, Windows-1252 reads it without a guess', async () => {
    const encoding = page.getByLabel('Text encoding');
    await page.getByLabel(/^File/).setInputFiles({ name: 'menu2.csv', mimeType: 'text/csv', buffer: latin1 });
    await expect.poll(() => page.getByRole('region', { name: 'Column types' }).count()).toBe(1);
    await encoding.selectOption('utf-8');
    const toast = page.locator('.toast.error', { hasText: 'menu2.csv' });
    await expect.poll(() => toast.innerText()).toContain('menu2.csv, line 2');
    expect(await toast.innerText()).toContain('not valid UTF-8');
    await encoding.selectOption('latin1');
    const region = page.getByRole('region', { name: 'Column types' });
    await expect.poll(() => region.count()).toBe(1);
    // Declared, not guessed: no note says it was read as Windows-1252.
    await expect.poll(() => region.getByRole('note').count()).toBe(0);
    await screenshot(page, `upload-limits-${tag}-03-declared-latin1`);
    await page.getByLabel(/^Name/).fill('menu_declared');
    await page.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => datasetNames()).toContain('menu_declared');
    const list = (await (await page.request.get(`${h.url}/api/datasets`)).json()) as { id: number; name: string }[];
    const id = list.find((d) => d.name === 'menu_declared')!.id;
    const rows = await (await page.request.get(`${h.url}/api/datasets/${id}/rows?offset=0&limit=5`)).json();
    expect(JSON.stringify(rows)).toContain('["Zürich","café","12 €"]');
    // The only console errors are the browser's own lines for the refused uploads.
    expect(errors.filter((e) => !/status of (413|422)/.test(e))).toEqual([]);
  });
});
