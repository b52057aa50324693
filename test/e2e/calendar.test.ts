/**
 * The calendar page and the expiration-day run-book in Debian's chromium, at 1280x800 and
 * 1920x1080: month and year views, futures roots remembered, the keyboard, a firm event
 * added, refused, changed and deleted, the feed address, and an expiration day worked step
 * by step by one person and signed off by another, with no console errors anywhere.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

const PASSWORD = 'correct horse battery';
const DAY = '2026-11-20';
const SHEET = 'Expiration e2e';

let h: Harness;
let admin: Page;
const contexts: BrowserContext[] = [];
const errors: Record<string, string[]> = {};

beforeAll(async () => {
  h = await startHarness();
  admin = await open('admin', { width: 1280, height: 800 });
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await h?.close();
});

async function open(who: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await h.browser.newContext({ viewport });
  contexts.push(context);
  const page = await context.newPage();
  errors[who] = watchConsole(page);
  page.on('dialog', (d) => void d.accept());
  return page;
}

async function signIn(page: Page, email: string) {
  await page.goto(`${h.url}/#/sheets`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByRole('link', { name: 'fo-vs-broker' }).count()).toBe(1);
}

async function csrf(page: Page): Promise<string> {
  return ((await (await page.request.get(`${h.url}/api/auth/me`)).json()) as { csrfToken: string }).csrfToken;
}

/** An API call as the page's user (cookie and CSRF header), its JSON answer. */
async function call<T>(page: Page, method: 'POST' | 'PUT', path: string, data?: unknown, multipart?: Record<string, unknown>): Promise<T> {
  const response = await page.request.fetch(`${h.url}${path}`, {
    method,
    headers: { 'X-Tickmark-CSRF': await csrf(page) },
    ...(multipart ? { multipart: multipart as never } : { data }),
  });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

const cell = (page: Page, date: string) => page.locator(`[role="gridcell"][data-date="${date}"]`);
const label = (page: Page, date: string) => cell(page, date).getAttribute('aria-label');
const focusedDate = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.date ?? null);
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });

/** Imports a CSV as the page's user and dates it on the expiration day, as if it had been imported then. */
async function importOnDay(page: Page, name: string, text: string, at: string): Promise<number> {
  const { id } = await call<{ id: number }>(page, 'POST', '/api/datasets', undefined, {
    name,
    file: { name: `${name}.csv`, mimeType: 'text/csv', buffer: Buffer.from(text) },
  });
  h.db.$client.prepare('UPDATE datasets SET created_at = ? WHERE id = ?').run(at, id);
  return id;
}

describe('the calendar page', () => {
  it('shows the month with today marked, and the roots chosen are remembered', async () => {
    await setUpFirstAdmin(admin, h.url);
    await nav(admin, 'Calendar').click();
    await expect.poll(() => admin.getByRole('heading', { level: 1 }).innerText()).toBe('Calendar');
    await expect.poll(() => admin.locator('[role="gridcell"].today').count()).toBe(1);
    expect(await admin.locator('[role="gridcell"].today').getAttribute('aria-label')).toMatch(/, today, /);

    await admin.goto(`${h.url}/#/calendar?date=${DAY}`);
    await expect.poll(() => admin.getByRole('grid', { name: 'November 2026' }).count()).toBe(1);
    await expect.poll(() => label(admin, '2026-11-26')).toMatch(/no session, holiday: Thanksgiving/);
    expect(await label(admin, '2026-11-27')).toMatch(/session, early close 13:00/);
    expect(await label(admin, DAY)).toMatch(/monthly expiration/);
    expect(await label(admin, DAY)).not.toMatch(/last trading day/);
    expect(await label(admin, '2026-11-21')).toMatch(/no session/);

    await admin.getByRole('checkbox', { name: 'CL' }).check();
    await expect.poll(() => label(admin, DAY)).toMatch(/last trading day CL Dec 2026/);
    await admin.reload();
    await expect.poll(() => admin.getByRole('checkbox', { name: 'CL' }).isChecked()).toBe(true);
    await expect.poll(() => label(admin, DAY)).toMatch(/last trading day CL Dec 2026/);
    expect(await admin.getByRole('checkbox', { name: 'ES' }).isChecked()).toBe(false);
    await admin.getByRole('checkbox', { name: 'ES' }).check();
    await admin.getByRole('checkbox', { name: 'ES' }).uncheck();
    await expect.poll(() => admin.evaluate(() => localStorage.getItem('tickmark.calendar.roots'))).toBe('["CL"]');
    await screenshot(admin, 'cal-01-month-1280');
  });

  it('moves between days with the keyboard, and shows the year', async () => {
    await cell(admin, DAY).click();
    await expect.poll(() => focusedDate(admin)).toBe(DAY);
    await admin.keyboard.press('ArrowRight');
    await expect.poll(() => focusedDate(admin)).toBe('2026-11-21');
    await admin.keyboard.press('ArrowUp');
    await expect.poll(() => focusedDate(admin)).toBe('2026-11-14');
    await admin.keyboard.press('PageDown');
    await expect.poll(() => focusedDate(admin)).toBe('2026-12-14');
    expect(await admin.getByRole('grid', { name: 'December 2026' }).count()).toBe(1);
    // The day panel follows the focus: Christmas is a holiday.
    await admin.keyboard.press('End');
    await admin.keyboard.press('ArrowRight');
    await admin.keyboard.press('ArrowRight');
    await admin.keyboard.press('ArrowRight');
    await admin.keyboard.press('ArrowRight');
    await admin.keyboard.press('ArrowRight');
    await admin.keyboard.press('ArrowRight');
    await expect.poll(() => focusedDate(admin)).toBe('2026-12-25');
    await expect.poll(() => admin.locator('#day-title').innerText()).toBe('Friday 25 December 2026');
    expect(await admin.getByRole('complementary').innerText()).toMatch(/No session[\s\S]*Holiday: Christmas/);
    await admin.keyboard.press('PageUp');
    await expect.poll(() => focusedDate(admin)).toBe('2026-11-25');

    await admin.getByRole('button', { name: 'Year', exact: true }).click();
    await expect.poll(() => admin.getByRole('grid', { name: 'Year 2026' }).count()).toBe(1);
    expect(await admin.locator('.mini').count()).toBe(12);
    expect(await label(admin, '2026-07-03')).toMatch(/holiday: Independence Day/);
    expect(await label(admin, '2026-12-31')).toMatch(/quarterly expiration/);
    await cell(admin, '2026-12-31').click();
    await admin.keyboard.press('ArrowRight');
    await expect.poll(() => admin.getByRole('grid', { name: 'Year 2027' }).count()).toBe(1);
    await expect.poll(() => focusedDate(admin)).toBe('2027-01-01');
    await screenshot(admin, 'cal-02-year-1280');
    await admin.getByRole('button', { name: 'Previous year' }).click();
    await admin.getByRole('button', { name: 'Month', exact: true }).click();
    await expect.poll(() => admin.getByRole('grid', { name: 'January 2026' }).count()).toBe(1);
  });

  it('adds, refuses, changes and deletes a firm event', async () => {
    await admin.goto(`${h.url}/#/calendar?date=2026-11-18`);
    await expect.poll(() => admin.locator('#day-title').innerText()).toBe('Wednesday 18 November 2026');
    await admin.getByRole('button', { name: 'Add an event on this day…' }).click();
    const dialog = admin.getByRole('dialog');
    expect(await dialog.getByLabel('Date').inputValue()).toBe('2026-11-18');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => dialog.getByRole('alert').innerText()).toBe('a title is needed');
    await dialog.getByLabel('Title').fill('ACME rights issue record date');
    await dialog.getByLabel('Category').selectOption('corporate action');
    await dialog.getByLabel('Note (optional)').fill('Check the positions file for ACME.');
    await screenshot(admin, 'cal-03-event-form-1280');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => label(admin, '2026-11-18')).toMatch(/ACME rights issue record date/);
    const panel = admin.getByRole('complementary');
    expect(await panel.innerText()).toMatch(/ACME rights issue record date\s+corporate action\s+Check the positions file for ACME\./);
    await screenshot(admin, 'cal-04-event-added-1280');

    await panel.getByRole('button', { name: 'Edit ACME rights issue record date' }).click();
    await dialog.getByLabel('Title').fill('ACME rights issue: record date');
    await dialog.getByLabel('Date').fill('2026-11-19');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => label(admin, '2026-11-19')).toMatch(/ACME rights issue: record date/);
    expect(await label(admin, '2026-11-18')).not.toMatch(/ACME/);

    await cell(admin, '2026-11-19').click();
    await panel.getByRole('button', { name: 'Delete ACME rights issue: record date' }).click();
    await expect.poll(() => label(admin, '2026-11-19')).not.toMatch(/ACME/);
    expect(await panel.innerText()).toMatch(/None on this day\./);
  });

  it('creates the feed address once, and the feed answers with it', async () => {
    await admin.getByRole('button', { name: 'Subscribe…' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Create my feed address' }).click();
    const address = dialog.getByLabel(/Feed address/);
    await expect.poll(() => address.count()).toBe(1);
    const url = await address.inputValue();
    expect(url).toMatch(/\/api\/calendar\.ics\?token=tm_[\w-]+&roots=CL$/);
    await screenshot(admin, 'cal-05-feed-1280');
    const feed = await admin.request.get(url);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toMatch(/BEGIN:VCALENDAR[\s\S]*SUMMARY:Last trading day: CL/);
    await dialog.getByRole('button', { name: 'Done' }).click();
  });
});

describe('the expiration-day run-book', () => {
  let ops: Page;
  let manager: Page;
  let sheetId: number;

  it('prepares the day: two more users, the evidence datasets, an approved sheet and its official run', async () => {
    for (const [name, role] of [
      ['Olga', 'author'],
      ['Max', 'approver'],
    ])
      await call(admin, 'POST', '/api/users', { email: `${name.toLowerCase()}@example.com`, name, password: PASSWORD, role });
    manager = await open('manager', { width: 1280, height: 800 });
    await signIn(manager, 'max@example.com');
    ops = await open('ops', { width: 1280, height: 800 });
    await signIn(ops, 'olga@example.com');

    // 14:00Z and 22:00Z on 20 Nov are 09:00 and 17:00 in New York.
    const positions = await importOnDay(
      ops,
      'e2e_positions',
      'occ_symbol,quantity\nAAPL  261120C00150000,10\nMSFT  261120P00400000,-5\n',
      `${DAY}T14:00:00.000Z`,
    );
    await importOnDay(ops, 'e2e_closes', 'symbol,date,close\nAAPL,2026-11-20,151.2\nMSFT,2026-11-20,391.5\n', `${DAY}T22:00:00.000Z`);
    const workbook = {
      sheets: [
        {
          name: 'Settings',
          cells: [
            ['Type', 'Check'],
            ['Data', 'e2e_positions'],
            ['Key', 'occ_symbol'],
            ['Param ExpirationDate', DAY],
          ],
        },
        {
          name: 'Rows',
          cells: [
            ['occ_symbol', 'quantity', 'Exception'],
            [null, null, '=IF(B2<0,"assignment risk","")'],
          ],
        },
      ],
      names: [],
    };
    sheetId = (
      await call<{ id: number }>(admin, 'POST', '/api/sheets', undefined, {
        name: SHEET,
        file: { name: 'e.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(workbook)) },
      })
    ).id;
    await call(admin, 'POST', `/api/sheets/${sheetId}/versions/1/submit`, {});
    await call(manager, 'POST', `/api/sheets/${sheetId}/versions/1/approve`, {});
    const run = await call<{ id: number }>(ops, 'POST', `/api/sheets/${sheetId}/runs`, {
      data: { e2e_positions: positions },
      params: { ExpirationDate: DAY },
    });
    await expect
      .poll(async () => ((await (await ops.request.get(`${h.url}/api/runs/${run.id}`)).json()) as { status: string }).status, {
        timeout: 120_000,
      })
      .toBe('succeeded');
  });

  it('is opened from the expiration day on the calendar, and takes the sheet chosen for the day', async () => {
    await ops.goto(`${h.url}/#/calendar?date=${DAY}`);
    await cell(ops, DAY).click();
    await ops.getByRole('link', { name: 'Open the expiration run-book' }).click();
    await expect.poll(() => ops.getByRole('heading', { level: 1 }).innerText()).toBe('Expiration run-book: Friday 20 November 2026');
    expect(await ops.getByText(/Monthly option expiration · 0 of 4 steps done/).count()).toBe(1);
    await ops.getByText('Where the evidence comes from').click();
    // The demo's own datasets keep the default names: this day's evidence comes under names of its own.
    await ops.getByLabel('Expiration sheet').selectOption(SHEET);
    await ops.getByLabel('Positions dataset').fill('e2e_positions');
    await ops.getByLabel('Closes dataset').fill('e2e_closes');
    await ops.getByRole('button', { name: `Save for ${DAY}` }).click();
    const exceptions = ops.getByRole('listitem').filter({ hasText: 'Exceptions worked' });
    await expect
      .poll(() => exceptions.innerText())
      .toMatch(new RegExp(`Official run \\d+ of ${SHEET} \\(ExpirationDate = ${DAY}\\): 1 exception, 1 still open`));
    expect(await exceptions.innerText()).toMatch(
      /Cannot be ticked yet: run \d+ of Expiration e2e for 2026-11-20 still has 1 open exception/,
    );
    expect(await exceptions.getByRole('button', { name: /Tick/ }).isDisabled()).toBe(true);
  });

  it('ticks the steps the evidence bears out, each with who and when', async () => {
    const step = (name: string) => ops.getByRole('listitem').filter({ hasText: name });
    expect(await step('Positions loaded').innerText()).toMatch(
      /e2e_positions imported that day: #\d+ e2e_positions\.csv \(2 rows\) at 09:00 New York/,
    );
    await step('Positions loaded').getByLabel('Note for Positions loaded').fill('from the clearing firm');
    await step('Positions loaded').getByRole('button', { name: 'Tick “Positions loaded”' }).click();
    await expect
      .poll(() => step('Positions loaded').innerText())
      .toMatch(/Done by Olga at 20\d\d-\d\d-\d\d \d\d:\d\d UTC .* — from the clearing firm/);
    await step('Closes loaded').getByRole('button', { name: /Tick/ }).click();
    await expect.poll(() => step('Closes loaded').innerText()).toMatch(/Done by Olga/);
    await screenshot(ops, 'cal-06-runbook-open-exception-1280');

    // Work the exception in the queue, then the step can be ticked.
    const queue = (await (await ops.request.get(`${h.url}/api/queue?sheetId=${sheetId}`)).json()) as { items: { id: number }[] };
    await call(ops, 'POST', '/api/queue/bulk', {
      ids: queue.items.map((i) => i.id),
      change: { status: 'resolved', comment: 'assignment expected' },
    });
    await ops.reload();
    await expect.poll(() => step('Exceptions worked').innerText()).toMatch(/1 exception, none still open/);
    await step('Exceptions worked').getByRole('button', { name: /Tick/ }).click();
    await expect.poll(() => ops.getByText(/3 of 4 steps done/).count()).toBe(1);
    expect(await ops.getByRole('region', { name: 'Sign-off' }).innerText()).toMatch(
      /An approver or admin who ticked none of the steps signs the day off/,
    );
    expect(await ops.getByRole('button', { name: /Sign off/ }).count()).toBe(0);
  });

  it('refuses the sign-off to someone who ticked a step, and records it by someone else', async () => {
    await manager.goto(`${h.url}/#/expirations/${DAY}`);
    const cutoff = manager.getByRole('listitem').filter({ hasText: 'Instructions cut-off passed' });
    await expect.poll(() => cutoff.innerText()).toMatch(/Cut-off 17:30 New York time: passed/);
    await cutoff.getByRole('button', { name: /Tick/ }).click();
    await expect.poll(() => manager.getByText('4 of 4 steps done').count()).toBe(1);
    const signOff = manager.getByRole('region', { name: 'Sign-off' });
    expect(await signOff.innerText()).toMatch(/you ticked "Instructions cut-off passed": someone who did none of the steps must sign off/);
    expect(await signOff.getByRole('button', { name: `Sign off ${DAY}` }).isDisabled()).toBe(true);

    await admin.goto(`${h.url}/#/expirations/${DAY}`);
    const adminSignOff = admin.getByRole('region', { name: 'Sign-off' });
    await expect.poll(() => adminSignOff.getByRole('button', { name: `Sign off ${DAY}` }).isEnabled()).toBe(true);
    await adminSignOff.getByLabel('Note (optional)').fill('all clear');
    await adminSignOff.getByRole('button', { name: `Sign off ${DAY}` }).click();
    await expect.poll(() => adminSignOff.innerText()).toMatch(/Signed off by Ada at 20\d\d-\d\d-\d\d \d\d:\d\d UTC: all clear/);
    expect(await admin.getByRole('button', { name: 'Untick' }).count()).toBe(0);
    await screenshot(admin, 'cal-07-runbook-signed-off-1280');
  });

  it('reads well at 1920x1080', async () => {
    const wide = await open('wide', { width: 1920, height: 1080 });
    await signIn(wide, 'ada@example.com');
    await wide.goto(`${h.url}/#/calendar?date=${DAY}`);
    // Roots are remembered by the browser: this one has none yet.
    expect(await wide.getByRole('checkbox', { name: 'CL' }).isChecked()).toBe(false);
    await wide.getByRole('checkbox', { name: 'CL' }).check();
    await wide.getByRole('checkbox', { name: 'ES' }).check();
    await expect.poll(() => label(wide, DAY)).toMatch(/last trading day CL Dec 2026/);
    await cell(wide, DAY).click();
    await screenshot(wide, 'cal-08-month-1920');
    await wide.getByRole('button', { name: 'Year', exact: true }).click();
    await expect.poll(() => wide.getByRole('grid', { name: 'Year 2026' }).count()).toBe(1);
    await screenshot(wide, 'cal-09-year-1920');
    await wide.goto(`${h.url}/#/expirations/${DAY}`);
    await expect.poll(() => wide.getByRole('region', { name: 'Sign-off' }).innerText()).toMatch(/Signed off by Ada/);
    await screenshot(wide, 'cal-10-runbook-1920');
  });

  it('logged no console errors', () => {
    // The browser logs every refused request: the sign-in page's 401 (no session yet) and the
    // one event refused on purpose (422, no title) are the only ones allowed.
    const unexpected = Object.fromEntries(Object.entries(errors).map(([who, list]) => [who, list.filter((e) => !/status of 401/.test(e))]));
    expect(unexpected).toEqual({ admin: [expect.stringMatching(/status of 422/)], manager: [], ops: [], wide: [] });
  });
});
