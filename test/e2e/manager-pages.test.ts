/**
 * Every manager page of issue 10 in Debian's chromium at 1280x800 and 1920x1080, signed in as
 * the admin over a fresh server with the demo: Home, Runs, a run page, Reviews, Schedules,
 * Users, Tokens, Audit (a filter, and the export downloaded and parsed), Calendar and the
 * exception queue each open with their key content on screen, a screenshot each, and no
 * console errors; signed out, the sign-in page at both sizes, also without console errors.
 * Pages wider than the window (a horizontal scroll bar) are reported in the test's output.
 * And #/sheets/:id/versions/:v opens that version of a sheet, read-only, from the history.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridDriver } from './grid-helpers.js';
import { screenshot, setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

let h: Harness;
let runId: number;
let scheduleId: number;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

/**
 * Whether the element is drawn inside the window: all of it, or (`startsInside`, for pages of
 * other helpers whose overflow is reported rather than failed) at least its left edge.
 */
async function onScreen(page: Page, locator: ReturnType<Page['locator']>, startsInside = false): Promise<boolean> {
  const box = await locator.first().boundingBox();
  const { width } = page.viewportSize()!;
  if (!box || box.width === 0 || box.height === 0 || box.x < 0) return false;
  return startsInside ? box.x < width : box.x + box.width <= width + 1;
}

/** How far the page is wider than the window (0: no horizontal scroll bar). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.each(VIEWPORTS)('manager pages at $width x $height', (viewport) => {
  const tag = `${viewport.width}x${viewport.height}`;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const wide: string[] = [];

  beforeAll(async () => {
    context = await h.browser.newContext({ viewport, acceptDownloads: true });
    page = await context.newPage();
    errors = watchConsole(page);
  });
  afterAll(async () => {
    if (wide.length) console.log(`manager pages ${tag}: wider than the window: ${wide.join(', ')}`);
    await context?.close();
  });

  /** Opens `hash`, waits for its level-1 heading, checks what must be visible, and takes the screenshot. */
  async function open(name: string, hash: string, heading: RegExp | string) {
    await page.goto(`${h.url}/#/${hash}`);
    const h1 = page.getByRole('heading', { level: 1 });
    await expect.poll(() => h1.innerText(), { message: `${name}: heading` }).toMatch(heading);
  }
  async function shoot(name: string) {
    await page.waitForTimeout(150);
    const extra = await overflow(page);
    if (extra > 0) wide.push(`${name} (+${extra}px)`);
    await screenshot(page, `manager-${tag}-${name}`);
  }
  const visible = async (locator: ReturnType<Page['locator']>, what: string, startsInside = false) =>
    expect.poll(() => onScreen(page, locator, startsInside), { message: `${what} on screen`, timeout: 30_000 }).toBe(true);

  it('signs in (the first time: sets up the admin, a finished run, a review and a schedule)', async () => {
    if (viewport.width === 1280) {
      await setUpFirstAdmin(page, h.url);
      const get = async <T>(path: string): Promise<T> => (await page.request.get(`${h.url}${path}`)).json() as Promise<T>;
      const sheets = await get<{ id: number; name: string }[]>('/api/sheets');
      const datasets = await get<{ id: number; name: string }[]>('/api/datasets');
      const csrf = (await get<{ csrfToken: string }>('/api/auth/me')).csrfToken;
      const post = async (path: string, body: unknown) => {
        const response = await page.request.post(`${h.url}${path}`, { data: body, headers: { 'X-Tickmark-CSRF': csrf } });
        expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
        return (await response.json()) as { id: number; version?: number };
      };
      const id = (name: string) => sheets.find((s) => s.name === name)!.id;
      const data = Object.fromEntries(['fo_blotter', 'broker_confirms'].map((n) => [n, datasets.find((d) => d.name === n)!.id]));
      runId = (await post(`/api/sheets/${id('fo-vs-broker')}/runs`, { data })).id;
      await h.runs.idle();
      const bo = await get<{ version: number; workbook: unknown }>(`/api/sheets/${id('fo-vs-bo')}`);
      const saved = await page.request.put(`${h.url}/api/sheets/${id('fo-vs-bo')}`, {
        data: { baseVersion: bo.version, workbook: bo.workbook, note: 'manager pages' },
        headers: { 'X-Tickmark-CSRF': csrf },
      });
      expect(saved.ok()).toBe(true);
      const version = ((await saved.json()) as { version: number }).version;
      await post(`/api/sheets/${id('fo-vs-bo')}/versions/${version}/submit`, { note: 'ready for review' });
      scheduleId = (
        await post('/api/schedules', {
          sheetId: id('fo-vs-broker'),
          cron: '30 18 * * 1-5',
          timezone: 'America/New_York',
          inputs: { fo_blotter: 'fo_blotter_*.csv', broker_confirms: 'broker_confirms_*.csv' },
        })
      ).id;
      return;
    }
    await page.goto(`${h.url}/#/`);
    await page.getByLabel('E-mail').fill('ada@example.com');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: /Sign in/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Home');
  });

  it('Home: open breaks by sheet and age, and the version waiting for review', async () => {
    await open('home', '', 'Home');
    const breaks = page.getByRole('table', { name: 'Open breaks by sheet and age' });
    await visible(breaks.getByRole('link', { name: 'fo-vs-broker', exact: true }), 'the fo-vs-broker row');
    await visible(page.getByRole('list', { name: 'Waiting for review' }).getByRole('link', { name: /fo-vs-bo version \d+/ }), 'the review');
    await shoot('01-home');
  });

  it('Runs: the run with its sheet, status and who started it, and the search box', async () => {
    await open('runs', 'runs', 'Runs');
    const row = page.locator(`tr[data-run="${runId}"]`);
    await visible(row, 'the run');
    expect(await row.innerText()).toMatch(/fo-vs-broker\s+succeeded\s+official\s+\d+\s+Ada/);
    await visible(page.getByRole('searchbox', { name: 'Search runs' }), 'the search box');
    await shoot('02-runs');
  });

  it('a run page: sheet, version link, who started it, datasets and results', async () => {
    await open('run', `runs/${runId}`, new RegExp(`Run #${runId} · succeeded`));
    const about = page.getByLabel('About this run');
    await visible(about, 'about this run');
    expect(await about.innerText()).toMatch(/fo-vs-broker · version \d+ · official run · started by Ada at/);
    expect(await about.getByRole('link', { name: /^version \d+$/ }).getAttribute('href')).toMatch(/^#\/sheets\/\d+\/versions\/\d+$/);
    await visible(page.getByRole('table', { name: 'Datasets used' }).getByText('fo_blotter.csv'), 'the datasets');
    await shoot('03-run');
  });

  it('Reviews: the submitted version and its note', async () => {
    await open('reviews', 'reviews', 'Reviews');
    const table = page.getByRole('table', { name: 'Waiting for review' });
    await visible(table.getByRole('link', { name: 'fo-vs-bo' }), 'the review');
    expect(await table.innerText()).toContain('ready for review');
    await shoot('04-reviews');
  });

  it('Schedules: the schedule, its next runs in its zone, and the watched folder', async () => {
    await open('schedules', 'schedules', 'Schedules');
    const row = page.locator(`tr[data-schedule="${scheduleId}"]`);
    await visible(row, 'the schedule');
    expect(await row.innerText()).toContain('America/New_York');
    expect(await row.locator('.next-runs time').count()).toBe(3);
    await visible(page.getByRole('button', { name: 'Run now' }), 'run now');
    await visible(page.getByRole('heading', { name: 'Watched folder' }), 'the watched folder');
    await shoot('05-schedules');
  });

  it('Users: the admin with their role', async () => {
    await open('users', 'users', 'Users and roles');
    await visible(page.getByRole('cell', { name: 'ada@example.com' }), 'the admin', true);
    await visible(page.getByRole('combobox', { name: 'Role of ada@example.com' }), 'the role', true);
    await shoot('06-users');
  });

  it('Tokens: the form to create one', async () => {
    await open('tokens', 'tokens', 'API tokens');
    await visible(page.getByRole('form', { name: 'Create a token' }), 'the token form', true);
    await shoot('07-tokens');
  });

  it('Audit: a filter keeps its entries, and the export is the whole chain as JSON Lines', async () => {
    await open('audit', 'audit', 'Audit trail');
    const table = page.getByRole('table', { name: 'Audit entries' });
    const total = ((await (await page.request.get(`${h.url}/api/audit/verify`)).json()) as { entries: number }).entries;
    await expect.poll(() => table.locator('tbody tr[data-entry]').count()).toBe(Math.min(total, 50));
    await page.getByRole('combobox', { name: 'Entity' }).selectOption('schedule');
    await expect.poll(async () => [...new Set(await table.locator('tbody tr td:nth-child(4)').allInnerTexts())]).toEqual(['schedule']);
    expect(await table.locator('tbody tr td:nth-child(3)').allInnerTexts()).toContain('schedule.create');
    await visible(page.getByRole('searchbox', { name: 'Search the audit trail' }), 'the search box');
    await shoot('08-audit');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export .jsonl' }).click()]);
    const lines = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n');
    const entries = lines.map((line) => JSON.parse(line) as { id: number; action: string; hash: string });
    expect(entries.length).toBeGreaterThanOrEqual(total);
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => a - b));
    expect(entries.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
    expect(entries.some((e) => e.action === 'schedule.create')).toBe(true);
  });

  it('Calendar: the month with its sessions', async () => {
    await open('calendar', 'calendar', 'Calendar');
    await visible(page.getByRole('group', { name: 'View' }), 'the view switch', true);
    await expect.poll(() => page.locator('.body:not([data-loaded="0"])').count()).toBe(1);
    await visible(page.locator('.body .view'), 'the month', true);
    await shoot('09-calendar');
  });

  it('Queue: the open breaks', async () => {
    await open('queue', 'queue', 'Exceptions');
    const queue = page.getByRole('table', { name: 'Exception queue' });
    await expect.poll(() => queue.getByRole('checkbox').count()).toBeGreaterThan(1);
    await visible(queue, 'the queue', true);
    await shoot('10-queue');
    expect(errors).toEqual([]);
  });
});

describe.each(VIEWPORTS)('signed out at $width x $height', (viewport) => {
  it('shows the sign-in page without console errors', async () => {
    const context = await h.browser.newContext({ viewport });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(`${h.url}/#/runs`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Sign in to Tickmark');
    expect(await onScreen(page, page.getByLabel('E-mail'))).toBe(true);
    expect(await onScreen(page, page.getByRole('button', { name: /Sign in/ }))).toBe(true);
    await screenshot(page, `manager-${viewport.width}x${viewport.height}-00-sign-in`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a sheet version by its URL at 1280 x 800', () => {
  it("opens version 1 of a sheet with two, read-only, with version 1's cells", async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = watchConsole(page);
    const grid = gridDriver(page);
    await page.goto(`${h.url}/#/sheets`);
    await page.getByLabel('E-mail').fill('ada@example.com');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: /Sign in/ }).click();
    await page.getByRole('link', { name: 'fo-vs-broker' }).click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.innerText()).toMatch(/fo-vs-broker · version 1\b/);
    const sheetId = Number(/#\/sheets\/(\d+)/.exec(page.url())![1]);
    // Version 2: Summary!A1 says so.
    await page.getByRole('tab', { name: 'Summary' }).click();
    await grid.goTo('A1');
    await grid.formulaBar().fill('Blocks matched (v2)');
    await grid.formulaBar().press('Enter');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => heading.innerText()).toMatch(/fo-vs-broker · version 2\b/);

    await page.goto(`${h.url}/#/sheets/${sheetId}/versions/1`);
    await expect.poll(() => heading.innerText()).toMatch(/fo-vs-broker · version 1\b/);
    await expect.poll(() => page.getByTestId('past-version').innerText()).toBe('read-only · the newest is version 2');
    await page.getByRole('tab', { name: 'Summary' }).click();
    await expect.poll(() => grid.cell('A1').innerText()).toBe('Blocks matched');
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await grid.formulaBar().getAttribute('readonly')).not.toBeNull();
    // Typing over a cell of an old version changes nothing.
    await grid.goTo('A1');
    await page.keyboard.type('changed');
    await page.keyboard.press('Enter');
    await expect.poll(() => grid.cell('A1').innerText()).toBe('Blocks matched');
    // Said once, not once per key.
    expect(await page.locator('.toast').filter({ hasText: 'You can read this sheet but not change it' }).count()).toBe(1);
    await screenshot(page, 'manager-1280x800-11-version-1');

    // The newest is editable again and has the edit; the history links to each version's URL.
    await page.getByTestId('past-version').getByRole('link', { name: 'version 2' }).click();
    await expect.poll(() => heading.innerText()).toMatch(/fo-vs-broker · version 2\b/);
    await page.getByRole('tab', { name: 'Summary' }).click();
    await expect.poll(() => grid.cell('A1').innerText()).toBe('Blocks matched (v2)');
    await page.getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('dialog', { name: 'Versions' });
    expect(await history.getByRole('link', { name: '1', exact: true }).getAttribute('href')).toBe(`#/sheets/${sheetId}/versions/1`);
    await history.getByRole('link', { name: '1', exact: true }).click();
    await expect.poll(() => page.getByTestId('past-version').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
