/**
 * Nothing wrong in silence, in Debian's chromium: the upload page shows the inferred types,
 * names a typo's line and column and imports nothing, lets a type be set before importing;
 * the run dialog shows each candidate's rows, file and import time, and asks before an
 * official run on a fraction of the last official run's input.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/files.js';
import { screenshot, setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

let h: Harness;
let page: Page;
let errors: string[];
const dir = tempDir('tickmark-e2e-trust-');
const blotter = readFileSync(join(process.cwd(), 'examples/data/fo_blotter.csv'), 'utf8');

beforeAll(async () => {
  h = await startHarness();
  page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
  errors = watchConsole(page);
});
afterAll(async () => h?.close());

/** The demo blotter with data row `row`'s quantity set to `value` (file line row + 1), saved as `name`. */
function blotterFile(name: string, edit: (lines: string[]) => string[]): string {
  const path = join(dir, name);
  writeFileSync(path, edit(blotter.split('\n')).join('\n'));
  return path;
}
const quantityAt = (row: number, value: string) => (lines: string[]) => {
  const q = lines[0].split(',').indexOf('quantity');
  const cells = lines[row].split(',');
  cells[q] = value;
  return lines.map((line, i) => (i === row ? cells.join(',') : line));
};

describe('data and runs a back office can trust', () => {
  it('signs up the first admin', async () => {
    await setUpFirstAdmin(page, h.url);
  });

  it('names a typo by line and column on the upload page and imports nothing', async () => {
    await page.getByRole('link', { name: 'Datasets' }).click();
    const datasetCount = async () => ((await (await page.request.get(`${h.url}/api/datasets`)).json()) as unknown[]).length;
    const before = await datasetCount();
    await page.getByLabel(/^File/).setInputFiles(blotterFile('fo_blotter.csv', quantityAt(1200, '1O0')));
    const problems = page.getByRole('alert', { name: 'Import problems' });
    await expect.poll(() => problems.innerText()).toMatch(/1 value does not fit/);
    expect(await problems.innerText()).toContain('line 1201, column "quantity": "1O0" is not a number');
    // The demo already holds fo_blotter: its types are remembered, and shown as such.
    const inspection = page.getByRole('region', { name: 'Column types' });
    expect(await inspection.innerText()).toMatch(/Column types are those fo_blotter has had since its first import/);
    expect(await page.getByLabel('Type of quantity').inputValue()).toBe('number');
    expect(await page.getByLabel('Type of quantity').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Import' }).isDisabled()).toBe(true);
    await screenshot(page, 'trust-01-typo-refused');
    expect(await datasetCount()).toBe(before);
  });

  it('lets a new name set a column to text before importing', async () => {
    await page.getByLabel('Name', { exact: true }).fill('fo_notes');
    await page.getByLabel(/^File/).setInputFiles(blotterFile('fo_notes.csv', quantityAt(30, 'see desk')));
    await expect.poll(() => page.getByRole('alert', { name: 'Import problems' }).innerText()).toMatch(/line 31, column "quantity"/);
    expect(await page.getByLabel('Type of quantity').isDisabled()).toBe(false);
    await page.getByLabel('Type of quantity').selectOption('text');
    await expect.poll(() => page.getByRole('alert', { name: 'Import problems' }).count()).toBe(0);
    expect(await page.getByLabel('Type of quantity').inputValue()).toBe('text');
    expect(await page.getByRole('row', { name: /^quantity/ }).innerText()).toMatch(/set by you/);
    await screenshot(page, 'trust-02-type-set');
    await page.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(/imported fo_notes: 2,825 rows/);
    await expect.poll(() => page.locator('table.list').innerText()).toMatch(/fo_notes\s+fo_notes\.csv\s+2,825\s+.*quantity: text/);
  });

  it('says so when the same file is imported again', async () => {
    await page.getByLabel('Name', { exact: true }).fill('fo_blotter');
    await page.getByLabel(/^File/).setInputFiles(join(process.cwd(), 'examples/data/fo_blotter.csv'));
    await expect.poll(() => page.getByRole('region', { name: 'Column types' }).innerText()).toMatch(/imported as fo_blotter #\d+ already/);
    await page.getByRole('button', { name: 'Import' }).click();
    await expect
      .poll(() => page.getByRole('status').first().innerText())
      .toMatch(/is the same file as fo_blotter #\d+ .*nothing new was imported/);
  });

  it('shows candidates with rows, file and import time, and asks before running on a fraction of the last input', async () => {
    await page.getByRole('link', { name: 'Rule sheets' }).click();
    await page.getByRole('link', { name: 'fo-vs-broker' }).click();
    await page.getByRole('button', { name: 'Run…' }).click();
    const dialog = page.getByRole('dialog');
    const left = dialog.getByLabel('Dataset for fo_blotter');
    await expect
      .poll(() => left.locator('option').first().innerText())
      .toMatch(/^fo_blotter #\d+ · fo_blotter\.csv · 2,825 rows · imported \d{4}-\d\d-\d\d \d\d:\d\d$/);
    // broker_confirms and restricted_list lack the blotter's fields: not offered.
    expect(await left.locator('option').allInnerTexts()).not.toContainEqual(expect.stringMatching(/broker_confirms/));
    expect(await dialog.innerText()).toMatch(/datasets lack a field it reads \(or hold one as another type\)\s+and are not offered/);
    // fo_notes has every field but its quantities are text: not offered either.
    expect(await left.locator('option').allInnerTexts()).not.toContainEqual(expect.stringMatching(/fo_notes/));
    await screenshot(page, 'trust-03-run-dialog');
    await dialog.getByRole('button', { name: 'Start run' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 120_000 }).toMatch(/succeeded/);

    // A 60-row file of the same name, imported after: the newest, so the dialog picks it.
    const small = await page.request.post(`${h.url}/api/datasets`, {
      headers: { 'X-Tickmark-CSRF': await csrf() },
      multipart: {
        name: 'fo_blotter',
        file: { name: 'fo_short.csv', mimeType: 'text/csv', buffer: Buffer.from(blotter.split('\n').slice(0, 61).join('\n')) },
      },
    });
    expect(small.status()).toBe(201);
    await page.goBack();
    await page.getByRole('button', { name: 'Run…' }).click();
    await expect.poll(() => left.locator('option').first().innerText()).toMatch(/fo_short\.csv · 60 rows/);
    await dialog.getByRole('button', { name: 'Start run' }).click();
    const warning = dialog.getByRole('alert');
    await expect.poll(() => warning.innerText()).toMatch(/fo_blotter #\d+ has 60 rows, where the last official run \(#\d+\) read 2,825/);
    await screenshot(page, 'trust-04-anomaly');
    await dialog.getByRole('button', { name: 'Run anyway' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 120_000 }).toMatch(/succeeded/);
    expect(errors.filter((e) => !/409|422/.test(e))).toEqual([]);
  });
});

async function csrf(): Promise<string> {
  const me = await (await page.request.get(`${h.url}/api/auth/me`)).json();
  return me.csrfToken;
}
