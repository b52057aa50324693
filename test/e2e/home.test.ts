/**
 * The home page and the run page in Debian's chromium, at 1280x800 and 1920x1080 (each over a
 * fresh server with the demo): home counts open breaks by sheet and age as GET /api/queue does,
 * lists a failed run and a submitted version, and its links open the filtered queue, the run
 * and the review; a run page names its sheet, version, datasets and who started it, and its
 * status moves from queued to succeeded without a reload. No console errors.
 */
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRun, failInterruptedRuns } from '../../db/runs.service.js';
import { users } from '../../db/schema.js';
import { submitVersion } from '../../db/sheet-versions.service.js';
import { getSheetVersion, saveSheetVersion } from '../../db/sheets.service.js';
import { AGE_BUCKETS } from '../../web/src/lib/home.js';
import { screenshot, setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

describe.each(VIEWPORTS)('home and run pages at $width x $height', (viewport) => {
  const tag = `${viewport.width}x${viewport.height}`;
  let h: Harness;
  let page: Page;
  let errors: string[];
  let sheets: { id: number; name: string }[];
  let datasets: { id: number; name: string; rows: number; sourceName: string }[];
  let failedRunId: number;
  const get = async <T = unknown>(path: string): Promise<T> => (await page.request.get(`${h.url}${path}`)).json() as Promise<T>;
  const openTotal = async (query: string) => (await get<{ total: number }>(`/api/queue?status=open&limit=1${query}`)).total;
  const sheetId = (name: string) => sheets.find((s) => s.name === name)!.id;
  const data = (names: string[]) => Object.fromEntries(names.map((n) => [n, datasets.find((d) => d.name === n)!.id]));
  const ada = () => h.db.select().from(users).where(eq(users.email, 'ada@example.com')).get()!;
  const breaksTable = () => page.getByRole('table', { name: 'Open breaks by sheet and age' });

  beforeAll(async () => {
    h = await startHarness();
    page = await h.browser.newPage({ viewport });
    errors = watchConsole(page);
  });
  afterAll(async () => h?.close());

  it('sets up breaks, a failed run and a submitted version', async () => {
    await setUpFirstAdmin(page, h.url);
    sheets = await get('/api/sheets');
    datasets = await get('/api/datasets');
    const csrf = (await get<{ csrfToken: string }>('/api/auth/me')).csrfToken;
    const started = await page.request.post(`${h.url}/api/sheets/${sheetId('fo-vs-broker')}/runs`, {
      data: { data: data(['fo_blotter', 'broker_confirms']) },
      headers: { 'X-Tickmark-CSRF': csrf },
    });
    expect(started.status()).toBe(202);
    await h.runs.idle();
    // A run the server never finished: at start it is failed as interrupted.
    failedRunId = createRun(h.db, { sheetId: sheetId('fo-vs-bo'), data: data(['fo_blotter', 'bo_book']), userId: ada().id }).id;
    expect(failInterruptedRuns(h.db)).toEqual([failedRunId]);
    const bo = sheetId('fo-vs-bo');
    const current = getSheetVersion(h.db, bo);
    const draft = saveSheetVersion(h.db, { sheetId: bo, baseVersion: current.version, workbook: current.workbook, userId: ada().id });
    submitVersion(h.db, { sheetId: bo, version: draft.version, user: ada(), note: 'home page check' });
    expect(await openTotal('')).toBeGreaterThan(0);
  });

  it('shows open breaks by sheet and age as the queue counts them, and links to the filtered queue', async () => {
    await page.goto(`${h.url}/#/`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Home');
    await expect.poll(() => breaksTable().count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').first().innerText()).toBe('Home');
    for (const sheet of sheets) {
      const atLeast = await Promise.all(AGE_BUCKETS.map((b) => openTotal(`&sheetId=${sheet.id}${b.min ? `&minAge=${b.min}` : ''}`)));
      const row = breaksTable()
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: sheet.name, exact: true }) });
      if (atLeast[0] === 0) {
        expect(await row.count()).toBe(0);
        continue;
      }
      const cells = (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());
      const expected = atLeast.map((total, i) => String(total - (atLeast[i + 1] ?? 0)));
      expect(cells).toEqual([sheet.name, ...expected, String(atLeast[0])]);
    }
    await screenshot(page, `home-${tag}-01-home`);

    // Each bucket's number opens exactly that bucket's breaks: as many rows as it says, each of an age inside it.
    const broker = sheets.find((s) => s.name === 'fo-vs-broker')!;
    const atLeast = await Promise.all(AGE_BUCKETS.map((b) => openTotal(`&sheetId=${broker.id}${b.min ? `&minAge=${b.min}` : ''}`)));
    const counts = atLeast.map((total, i) => total - (atLeast[i + 1] ?? 0));
    expect(counts.filter((n) => n > 0).length).toBeGreaterThan(0);
    const queue = page.getByRole('table', { name: 'Exception queue' });
    for (const [i, bucket] of AGE_BUCKETS.entries()) {
      if (counts[i] === 0) continue;
      await page.goto(`${h.url}/#/`);
      await page.getByRole('link', { name: `fo-vs-broker: ${counts[i]} open break(s) ${bucket.label} old` }).click();
      await expect.poll(() => page.url()).toMatch(new RegExp(`#/queue\\?sheetId=${broker.id}&status=open`));
      expect(new URL(page.url().replace('#/queue', '')).searchParams.get('maxAge')).toBe(bucket.max === null ? null : String(bucket.max));
      await expect.poll(() => page.getByText(new RegExp(`^1–${Math.min(counts[i], 50)} of ${counts[i]}$`)).count()).toBe(1);
      await expect.poll(() => queue.getByRole('checkbox').count()).toBe(Math.min(counts[i], 50));
      // Youngest first, and every age inside the bucket.
      const headers = (await queue.getByRole('columnheader').allInnerTexts()).map((t) => t.trim());
      const ageColumn = headers.indexOf('Age (days)');
      expect(ageColumn).toBeGreaterThan(0);
      const ages = await queue.locator('tbody tr').evaluateAll((rows, c) => rows.map((r) => Number(r.children[c].textContent)), ageColumn);
      expect(ages.length).toBe(Math.min(counts[i], 50));
      expect(ages).toEqual([...ages].sort((a, b) => a - b));
      expect(ages.every((age) => age >= bucket.min && (bucket.max === null || age <= bucket.max))).toBe(true);
    }
    await screenshot(page, `home-${tag}-02-queue`);
  });

  it('lists the failed run and the submitted version, and opens them', async () => {
    await page.goto(`${h.url}/#/home`);
    const failed = page.getByRole('list', { name: 'Failed runs' });
    await expect.poll(() => failed.innerText()).toMatch(new RegExp(`Run #${failedRunId} · fo-vs-bo version \\d+`));
    expect(await failed.innerText()).toMatch(/the server stopped while this run was in progress/);
    const review = page.getByRole('list', { name: 'Waiting for review' });
    await expect.poll(() => review.innerText()).toMatch(/fo-vs-bo version \d+ · submitted by Ada .*“home page check”/);
    await screenshot(page, `home-${tag}-03-attention`);
    await failed.getByRole('link', { name: `Run #${failedRunId}` }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(new RegExp(`Run #${failedRunId} · failed`));
    await page.goBack();
    await review.getByRole('link').first().click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/reviews/${sheetId('fo-vs-bo')}/\\d+$`));
  });

  it('names the sheet, version, datasets and who started a run, and follows its status live', async () => {
    const run = createRun(h.db, { sheetId: sheetId('fo-vs-broker'), data: data(['fo_blotter', 'broker_confirms']), userId: ada().id });
    await page.goto(`${h.url}/#/runs/${run.id}`);
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.innerText()).toMatch(/· queued/);
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const h1 = document.querySelector('h1')!;
      seen.push(h1.textContent ?? '');
      new MutationObserver(() => seen.push(h1.textContent ?? '')).observe(h1, { subtree: true, characterData: true, childList: true });
    });
    const about = page.getByLabel('About this run');
    await expect
      .poll(() => about.innerText())
      .toMatch(/fo-vs-broker · version \d+ · official run · started by Ada at \d{4}-\d\d-\d\d \d\d:\d\d/);
    expect(await about.getByRole('link', { name: 'fo-vs-broker' }).getAttribute('href')).toBe(`#/sheets/${sheetId('fo-vs-broker')}`);
    const inputs = page.getByRole('table', { name: 'Datasets used' });
    for (const name of ['fo_blotter', 'broker_confirms']) {
      const d = datasets.find((x) => x.name === name)!;
      const text = await inputs
        .getByRole('row')
        .filter({ hasText: `${name} #${d.id}` })
        .innerText();
      expect(text).toContain(d.sourceName);
      expect(text).toContain(d.rows.toLocaleString('en-US'));
    }
    await screenshot(page, `home-${tag}-04-run-queued`);
    h.runs.enqueue(run.id);
    await expect.poll(() => heading.innerText(), { timeout: 30_000 }).toMatch(/· succeeded/);
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    const statuses = [...new Set(seen.map((t) => /· (queued|running|succeeded)/.exec(t)?.[1]).filter(Boolean))];
    expect(statuses[0]).toBe('queued');
    expect(statuses.at(-1)).toBe('succeeded');
    await screenshot(page, `home-${tag}-05-run-succeeded`);
    console.log(`home e2e ${tag}: run page statuses seen without reload: ${statuses.join(' → ')}`);
    expect(errors).toEqual([]);
  });
});
