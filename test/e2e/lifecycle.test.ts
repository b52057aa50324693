/**
 * Rename, archive, delete and discard in Debian's chromium, at 1280x800 and 1920x1080 (each
 * over a fresh demo server): an admin finds a sheet by search, renames it, archives it and
 * shows it again; tries to delete a dataset a run read and is told which run, in words;
 * deletes an unused one; and discards a draft in the editor after a confirmation saying what
 * goes. No console errors beyond the refusal the test provokes.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

interface Named {
  id: number;
  name: string;
}

describe.each(VIEWPORTS)('rename, archive, delete and discard at $width x $height', (viewport) => {
  const tag = `${viewport.width}x${viewport.height}`;
  let h: Harness;
  let page: Page;
  let errors: string[];
  let csrf = '';
  const shot = (name: string) => screenshot(page, `lifecycle-${tag}-${name}`);
  const get = async <T>(path: string) => (await (await page.request.get(`${h.url}${path}`)).json()) as T;
  const send = async (method: string, path: string, data?: unknown) =>
    page.request.fetch(`${h.url}${path}`, { method, data, headers: { 'X-Tickmark-CSRF': csrf } });
  const sheetRows = () => page.locator('table.list tbody tr');
  /** Accepts the next confirm() or prompt() (with `answer`), keeping what it asked. */
  const answerNext = (answer?: string) =>
    new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.message());
        void d.accept(answer);
      }),
    );

  beforeAll(async () => {
    h = await startHarness();
    page = await h.browser.newPage({ viewport });
    errors = watchConsole(page);
  });
  afterAll(async () => h?.close());

  it('finds a sheet by search, renames it, archives it and shows it again', async () => {
    await setUpFirstAdmin(page, h.url);
    csrf = (await get<{ csrfToken: string }>('/api/auth/me')).csrfToken;
    const all = await get<Named[]>('/api/sheets');
    await page.getByLabel('Search sheets').fill('fo-vs');
    // Golden: the demo's sheets whose names hold "fo-vs" are fo-vs-bo and fo-vs-broker.
    await expect.poll(() => sheetRows().count()).toBe(2);
    expect(
      all
        .filter((s) => s.name.includes('fo-vs'))
        .map((s) => s.name)
        .sort(),
    ).toEqual(['fo-vs-bo', 'fo-vs-broker']);
    await page.getByLabel('Search sheets').fill('positions');
    await expect.poll(() => sheetRows().count()).toBe(1);
    // A demo sheet was approved: it is evidence, so it can be archived but is not offered for deletion.
    expect(await page.getByRole('button', { name: 'Delete positions-report' }).count()).toBe(0);

    const asked = answerNext('positions (desk)');
    await page.getByRole('button', { name: 'Rename positions-report' }).click();
    expect(await asked).toBe('New name for positions-report');
    await page.getByLabel('Search sheets').fill('desk');
    await expect.poll(() => page.getByRole('link', { name: 'positions (desk)' }).count()).toBe(1);
    await shot('01-renamed');

    await page.getByRole('button', { name: 'Archive positions (desk)' }).click();
    await expect.poll(() => page.getByText('No rule sheet matches "desk".').count()).toBe(1);
    await page.getByLabel('Show archived').check();
    await expect.poll(() => page.getByRole('button', { name: 'Unarchive positions (desk)' }).count()).toBe(1);
    expect(await sheetRows().first().innerText()).toMatch(/archived \d{4}-\d\d-\d\d \d\d:\d\d/);
    await shot('02-archived-shown');
    // Opened, an archived sheet says so and offers nothing that would change or run it.
    await page.getByRole('link', { name: 'positions (desk)' }).click();
    await expect.poll(() => page.getByRole('note').filter({ hasText: 'Archived' }).count()).toBe(1);
    expect(await page.getByRole('note').filter({ hasText: 'Archived' }).innerText()).toMatch(/read-only, never run or scheduled/);
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Run…' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Insert row' }).count()).toBe(0);
    await expect.poll(() => page.getByText('Param AsOf', { exact: true }).count()).toBeGreaterThan(0);
    await shot('02b-archived-editor');
    await page.goBack();
    await page.getByLabel('Show archived').check();
    await expect.poll(() => page.getByRole('button', { name: 'Unarchive positions (desk)' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Unarchive positions (desk)' }).click();
    await page.getByLabel('Show archived').uncheck();
    await expect.poll(() => page.getByRole('link', { name: 'positions (desk)' }).count()).toBe(1);
    expect(
      (await get<(Named & { archivedAt: string | null })[]>('/api/sheets')).find((s) => s.name === 'positions (desk)')?.archivedAt,
    ).toBeNull();
  });

  it('refuses to delete a dataset a run read, naming the run, and deletes an unused one', async () => {
    const sheet = (await get<Named[]>('/api/sheets')).find((s) => s.name === 'fo-vs-broker')!;
    const offers = await get<{ name: string; candidates: Named[] }[]>(`/api/sheets/${sheet.id}/inputs`);
    const data = Object.fromEntries(offers.map((o) => [o.name, o.candidates[0].id]));
    const started = await send('POST', `/api/sheets/${sheet.id}/runs`, { data });
    expect(started.status()).toBe(202);
    const runId = ((await started.json()) as { id: number }).id;
    await h.runs.idle();
    const read = offers[0].candidates[0];

    await page.getByRole('link', { name: 'Datasets' }).click();
    await page.getByLabel('Search datasets').fill(read.name);
    await expect.poll(() => page.getByRole('button', { name: `Delete dataset ${read.id}` }).count()).toBe(1);
    const asked = answerNext();
    await page.getByRole('button', { name: `Delete dataset ${read.id}` }).click();
    expect(await asked).toMatch(new RegExp(`^Delete dataset #${read.id} ${read.name} \\(`));
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.innerText()).toBe(
      `dataset #${read.id} (${read.name}) was read by run #${runId} (fo-vs-broker, official), which must keep proving what it read: archive it instead`,
    );
    expect((await page.request.get(`${h.url}/api/datasets/${read.id}`)).status()).toBe(200);
    await shot('03-delete-refused');

    // No demo sheet reads pnl_fx in this run: it goes.
    const unused = (await get<Named[]>('/api/datasets')).find((d) => d.name === 'pnl_fx')!;
    expect(Object.values(data)).not.toContain(unused.id);
    await page.getByLabel('Search datasets').fill('pnl_fx');
    await expect.poll(() => page.getByRole('button', { name: `Delete dataset ${unused.id}` }).count()).toBe(1);
    const confirmed = answerNext();
    await page.getByRole('button', { name: `Delete dataset ${unused.id}` }).click();
    await confirmed;
    await expect.poll(() => page.getByText('No dataset matches "pnl_fx".').count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect((await page.request.get(`${h.url}/api/datasets/${unused.id}`)).status()).toBe(404);
  });

  it('discards a draft in the editor, saying what goes, and opens the version before it', async () => {
    const sheet = (await get<Named[]>('/api/sheets')).find((s) => s.name === 'compliance')!;
    const current = await get<{ version: number; workbook: unknown }>(`/api/sheets/${sheet.id}`);
    const saved = await send('PUT', `/api/sheets/${sheet.id}`, { baseVersion: current.version, workbook: current.workbook, note: 'try' });
    expect(saved.status()).toBe(200);
    await page.goto(`${h.url}/#/sheets/${sheet.id}`);
    await expect.poll(() => page.locator('h1').innerText()).toMatch(/compliance · version 2/);
    await expect.poll(() => page.getByRole('button', { name: 'Discard draft…' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('preview-count').count()).toBe(1);
    await shot('04-draft');
    const asked = answerNext();
    await page.getByRole('button', { name: 'Discard draft…' }).click();
    expect(await asked).toMatch(
      /^Discard version 2 \(draft, by Ada, saved \d{4}-\d\d-\d\d \d\d:\d\d\)\? Its cells will be deleted for good, and the editor opens version 1\. The number 2 is never used again\.$/,
    );
    await expect.poll(() => page.locator('h1').innerText()).toMatch(/compliance · version 1/);
    expect(await page.getByRole('button', { name: 'Discard draft…' }).count()).toBe(0);
    expect((await get<{ version: number }[]>(`/api/sheets/${sheet.id}/versions`)).map((v) => v.version)).toEqual([1]);
    await shot('05-discarded');
    // The one refusal the test provoked (409) is the only console error.
    expect(errors.filter((e) => !e.includes('409'))).toEqual([]);
  });
});
