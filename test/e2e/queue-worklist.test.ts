/**
 * The exception queue as a worklist in Debian's chromium, at 1280x800 and 1920x1080 (each
 * over a fresh server): "Exceptions" opens every sheet's queue; filters live in the URL and
 * survive a reload; select this page or all matching (which asks first); the selection
 * survives actions and says when items leave the filter; one comment per action; names, the
 * e-mail on hover; the export carries comments and its filter; an upload shows its changes
 * and applies only on confirmation, and a stale one is refused by row. No console errors,
 * signed in or out, beyond the refusals the test provokes.
 */
import * as XLSX from '@e965/xlsx';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../db/users.service.js';
import { scratchDir } from '../scratch.js';
import { screenshot, setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

type Item = { id: number; status: string; sheetName: string; comments: number; label: string | null; assignee: { name: string } | null };

describe.each(VIEWPORTS)('the exception queue as a worklist at $width x $height', (viewport) => {
  const tag = `${viewport.width}x${viewport.height}`;
  let h: Harness;
  let page: Page;
  let errors: string[];
  const get = async <T = unknown>(path: string): Promise<T> => (await page.request.get(`${h.url}${path}`)).json() as Promise<T>;
  const shot = (name: string) => screenshot(page, `queue-${tag}-${name}`);
  const table = () => page.getByRole('table', { name: 'Exception queue' });
  const bar = () => page.getByRole('toolbar', { name: 'Selected exceptions' });
  const filters = () => page.getByRole('form', { name: 'Filter' });
  const rowCount = () => table().getByRole('checkbox').count();
  const status = () => page.getByRole('status').innerText();

  async function runDemo(sheet: string, data: string[]) {
    const sheetId = (await get<{ id: number; name: string }[]>('/api/sheets')).find((s) => s.name === sheet)!.id;
    const datasets = await get<{ id: number; name: string }[]>('/api/datasets');
    const csrf = (await get<{ csrfToken: string }>('/api/auth/me')).csrfToken;
    const response = await page.request.post(`${h.url}/api/sheets/${sheetId}/runs`, {
      data: { data: Object.fromEntries(data.map((name) => [name, datasets.find((d) => d.name === name)!.id])) },
      headers: { 'X-Tickmark-CSRF': csrf },
    });
    expect(response.status()).toBe(202);
    await h.runs.idle();
  }

  const queueApi = (query: string) => get<{ total: number; items: Item[] }>(`/api/queue?limit=500&${query}`);
  const commentsOf = async (id: number) =>
    (await get<{ activity: { comments: { body: string; userName: string }[] } }>(`/api/queue/${id}`)).activity.comments;

  beforeAll(async () => {
    h = await startHarness();
    page = await h.browser.newPage({ viewport, acceptDownloads: true });
    errors = watchConsole(page);
  });
  afterAll(async () => h?.close());

  it('sets up Ada, Bob and two official runs', async () => {
    await setUpFirstAdmin(page, h.url);
    createUser(h.db, { email: 'bob@example.com', name: 'Bob', password: 'correct horse battery', role: 'author' });
    await runDemo('fo-vs-broker', ['fo_blotter', 'broker_confirms']);
    await runDemo('fo-vs-bo', ['fo_blotter', 'bo_book']);
  });

  it('opens "Exceptions" on every sheet\'s queue, with a sheet filter', async () => {
    const all = await queueApi('status=open,in_review,resolved');
    expect(new Set(all.items.map((i) => i.sheetName))).toEqual(new Set(['fo-vs-broker', 'fo-vs-bo']));
    await page.getByRole('link', { name: 'Exceptions' }).click();
    await expect.poll(rowCount).toBe(all.total);
    expect(await filters().getByLabel('Sheet', { exact: true }).inputValue()).toBe('');
    const text = await table().innerText();
    expect(text).toMatch(/fo-vs-broker/);
    expect(text).toMatch(/fo-vs-bo\b/);
    expect(await page.getByRole('navigation', { name: 'Pages' }).innerText()).toMatch(new RegExp(`1–${all.total} of ${all.total}`));
    await shot('01-all-sheets');
  });

  it('keeps every filter in the URL, so a reload opens the same list', async () => {
    const broker = (await get<{ id: number; name: string }[]>('/api/sheets')).find((s) => s.name === 'fo-vs-broker')!.id;
    await filters().getByLabel('Sheet', { exact: true }).selectOption({ label: 'fo-vs-broker' });
    await filters().getByLabel('Status', { exact: true }).selectOption({ label: 'open' });
    await expect.poll(() => filters().getByLabel('Kind', { exact: true }).locator('option').count()).toBeGreaterThan(2);
    await filters().getByLabel('Kind', { exact: true }).selectOption('quantity');
    await filters().getByLabel('Sort', { exact: true }).selectOption({ label: 'id' });
    await filters().getByLabel('Order', { exact: true }).selectOption({ label: 'descending' });
    const expected = await queueApi(`sheetId=${broker}&status=open&kind=quantity`);
    expect(expected.total).toBeGreaterThan(0);
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/queue\\?sheetId=${broker}&status=open&kind=quantity&sort=id&order=desc$`));
    await expect.poll(rowCount).toBe(expected.total);
    await page.reload();
    await expect.poll(rowCount).toBe(expected.total);
    expect(await filters().getByLabel('Sheet', { exact: true }).locator('option:checked').innerText()).toBe('fo-vs-broker');
    expect(await filters().getByLabel('Kind', { exact: true }).inputValue()).toBe('quantity');
    expect(await filters().getByLabel('Order', { exact: true }).inputValue()).toBe('desc');
    // The sheet's own fields are columns now, the differing sides marked.
    expect(await table().locator('thead').innerText()).toMatch(/left\./);
    await shot('02-filtered-after-reload');
    // Owner, label, age and search are kept too.
    await page.goto(`${h.url}/#/queue?assignee=none&minAge=1&q=zzz-nothing&label=x`);
    await page.reload();
    await expect.poll(() => page.getByText('No exceptions match this filter').count()).toBe(1);
    expect(await filters().getByLabel('Owner', { exact: true }).inputValue()).toBe('none');
    expect(await filters().getByLabel('Age', { exact: true }).inputValue()).toBe('1');
    expect(await filters().getByLabel('Search', { exact: true }).inputValue()).toBe('zzz-nothing');
    expect(await filters().getByLabel('Label', { exact: true }).inputValue()).toBe('x');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/queue$/);
  });

  it('selects this page, then all matching, and asks before changing them all', async () => {
    const all = await queueApi('status=open,in_review,resolved');
    await page.getByLabel('Per page').selectOption('10');
    await expect.poll(rowCount).toBe(10);
    await bar().getByLabel('Select all on this page').check();
    await expect.poll(() => bar().innerText()).toMatch(/10 selected\s+· actions change these 10/);
    await page.getByRole('button', { name: `Select all ${all.total} matching` }).click();
    await expect.poll(() => bar().innerText()).toMatch(new RegExp(`${all.total} selected\\s+· actions change all ${all.total} matching`));
    await shot('03-all-matching');
    await bar().getByLabel('Label', { exact: true }).fill('checked');
    await bar().getByRole('button', { name: 'Label', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.innerText()).toMatch(new RegExp(`Label all ${all.total} matching exceptions\\?`));
    await shot('04-confirm-all');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await queueApi('label=checked')).total).toBe(0);
    await bar().getByRole('button', { name: 'Label', exact: true }).click();
    await dialog.getByRole('button', { name: `Label ${all.total}` }).click();
    await expect.poll(status).toMatch(new RegExp(`${all.total} exception\\(s\\) updated`));
    expect((await queueApi('label=checked')).total).toBe(all.total);
    // The same items stay selected, on every page, now as ids.
    await expect.poll(() => bar().innerText()).toMatch(new RegExp(`${all.total} selected\\s+· actions change these ${all.total}`));
    await page.getByRole('button', { name: 'Next' }).click();
    const onPage2 = Math.min(10, all.total - 10);
    await expect.poll(() => table().getByRole('checkbox', { checked: true }).count()).toBe(onPage2);
    await expect.poll(() => table().innerText()).toMatch(/checked/);
    await bar().getByLabel('Select all on this page').uncheck();
    await expect.poll(() => bar().innerText()).toMatch(new RegExp(`${all.total - onPage2} selected`));
    await bar().getByRole('button', { name: 'Clear selection' }).click();
    await expect.poll(() => bar().innerText()).toMatch(/None selected/);
    await page.getByLabel('Per page').selectOption('50');
  });

  it('keeps the selection after an action, shows the new state, and says which left the filter', async () => {
    await filters().getByLabel('Status', { exact: true }).selectOption({ label: 'open' });
    await expect.poll(async () => (await queueApi('status=open')).total).toBeGreaterThan(3);
    const open = await queueApi('status=open&sort=age');
    await expect.poll(rowCount).toBe(open.total);
    const picked = [0, 1].map((n) => table().getByRole('checkbox').nth(n));
    for (const box of picked) await box.check();
    const ids = await Promise.all(picked.map(async (b) => Number((await b.getAttribute('aria-label'))!.replace(/\D/g, ''))));
    await bar().getByLabel('Assign to').selectOption({ label: 'Bob' });
    await bar().getByRole('button', { name: 'Assign', exact: true }).click();
    await expect.poll(status).toMatch(/2 exception\(s\) updated/);
    // Still selected, and the list shows Bob as their owner by name, his e-mail on hover.
    expect(await table().getByRole('checkbox', { checked: true }).count()).toBe(2);
    const bobCell = table().getByRole('cell', { name: 'Bob', exact: true }).first();
    await expect.poll(() => bobCell.getAttribute('title')).toBe('bob@example.com');
    expect(await table().innerText()).not.toMatch(/@/);
    await bar().getByRole('button', { name: 'Review', exact: true }).click();
    await expect.poll(status).toMatch(/2 exception\(s\) updated; 2 of the 2 selected no longer match the filter/);
    await expect.poll(() => page.getByText('2 of the 2 selected are not in this list').count()).toBe(1);
    await expect.poll(rowCount).toBe(open.total - 2);
    await shot('05-left-the-filter');
    // Widen the filter: there they are, in review and still ticked.
    await filters().getByLabel('Status', { exact: true }).selectOption({ label: 'not closed' });
    for (const id of ids) {
      await expect.poll(() => table().getByLabel(`Select exception ${id}`, { exact: true }).isChecked()).toBe(true);
      expect(
        await table()
          .getByRole('row')
          .filter({ has: page.getByLabel(`Select exception ${id}`, { exact: true }) })
          .innerText(),
      ).toMatch(/in review/);
    }
    await shot('06-selection-kept');
  });

  it('posts exactly one comment per action, from the bar and from the item', async () => {
    const selectedIds = (
      await table()
        .getByRole('checkbox', { checked: true })
        .evaluateAll((boxes) => boxes.map((b) => b.ariaLabel))
    ).map((l) => Number(l!.replace(/\D/g, '')));
    expect(selectedIds).toHaveLength(2);
    const note = bar().getByLabel('Comment', { exact: true });
    await note.fill('confirmed with the desk');
    // Reopen then resolve: the note goes with the first action only, and the box is emptied.
    await bar().getByRole('button', { name: 'Reopen', exact: true }).click();
    await expect.poll(status).toMatch(/2 exception\(s\) updated/);
    await expect.poll(() => note.inputValue()).toBe('');
    await bar().getByRole('button', { name: 'Resolve', exact: true }).click();
    await expect.poll(async () => (await queueApi(`status=resolved`)).items.filter((i) => selectedIds.includes(i.id)).length).toBe(2);
    for (const id of selectedIds) expect((await commentsOf(id)).map((c) => c.body)).toEqual(['confirmed with the desk']);

    // In the item's panel: a typed comment goes with Reopen once, by name.
    await table()
      .getByRole('button', { name: String(selectedIds[0]), exact: true })
      .click();
    const panel = page.getByRole('complementary', { name: `Exception ${selectedIds[0]}` });
    await panel.getByLabel('Comment on this exception').fill('broker re-sent the confirm');
    await panel.getByRole('button', { name: 'Reopen' }).click();
    await expect.poll(() => panel.getByRole('list', { name: 'Comments' }).innerText()).toMatch(/broker re-sent the confirm/);
    expect((await commentsOf(selectedIds[0])).map((c) => c.body)).toEqual(['confirmed with the desk', 'broker re-sent the confirm']);
    const comments = await panel.getByRole('list', { name: 'Comments' }).innerText();
    expect(comments).toMatch(/^Ada, \d{4}-\d\d-\d\d \d\d:\d\d: confirmed with the desk\nAda, .*: broker re-sent the confirm$/);
    expect(await panel.innerText()).not.toMatch(/@/);
    expect(await panel.locator('.who').first().getAttribute('title')).toBe('ada@example.com');
    expect(await panel.getByRole('list', { name: 'History' }).innerText()).toMatch(/owner: nobody → Bob/);
    expect(await panel.getByLabel('Comment on this exception').inputValue()).toBe('');
    await shot('07-item-panel');
    await panel.getByRole('button', { name: 'Close' }).click();
  });

  it('force-closes only with a reason, asked in the page', async () => {
    await bar().getByRole('button', { name: 'Clear selection' }).click();
    await expect.poll(() => table().getByRole('checkbox', { checked: true }).count()).toBe(0);
    const target = table().getByRole('checkbox').first();
    await target.check();
    const id = Number((await target.getAttribute('aria-label'))!.replace(/\D/g, ''));
    const before = (await commentsOf(id)).map((c) => c.body);
    await bar().getByRole('button', { name: 'Force-close…' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.innerText()).toMatch(/Force-close 1 exception\?/);
    expect(await dialog.getByRole('button', { name: 'Force-close 1' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Reason').fill('test trade, cancelled');
    await shot('08-force-close');
    await dialog.getByRole('button', { name: 'Force-close 1' }).click();
    await expect.poll(status).toMatch(/1 exception\(s\) updated; 1 of the 1 selected no longer match/);
    expect((await commentsOf(id)).map((c) => c.body)).toEqual([...before, 'test trade, cancelled']);
    expect((await get<Item>(`/api/queue/${id}`)).status).toBe('closed');
  });

  it('exports the filtered queue with its comments and filter, and applies an upload only on confirmation', async () => {
    await filters().getByLabel('Status', { exact: true }).selectOption({ label: 'any' });
    await filters().getByLabel('Sheet', { exact: true }).selectOption({ label: 'fo-vs-broker' });
    await filters().getByLabel('Label', { exact: true }).selectOption('checked');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download .xlsx' }).click()]);
    const path = join(scratchDir, `queue-${tag}.xlsx`);
    await download.saveAs(path);
    const book = XLSX.read(readFileSync(path));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Queue, { header: 1, defval: '' });
    const header = rows[0] as string[];
    const expected = await queueApi(
      `sheetId=${(await get<{ id: number; name: string }[]>('/api/sheets')).find((s) => s.name === 'fo-vs-broker')!.id}&label=checked`,
    );
    expect(rows).toHaveLength(expected.total + 1);
    const commented = rows.filter((r) => String(r[header.indexOf('Comments')]).includes('confirmed with the desk'));
    expect(commented.length).toBeGreaterThan(0);
    for (const r of commented)
      expect(String(r[header.indexOf('Comments')]).split('\n')[0]).toMatch(/^Ada, \d{4}-\d\d-\d\d \d\d:\d\d: confirmed with the desk$/);
    const filterRows = XLSX.utils.sheet_to_json<string[]>(book.Sheets.Filter, { header: 1 });
    expect(filterRows).toEqual(
      expect.arrayContaining([
        ['Sheet', 'fo-vs-broker'],
        ['Status', 'any'],
        ['Label', 'checked'],
      ]),
    );

    // Edit two rows: one resolved with a note, one given to Bob by name.
    const openRows = rows.slice(1).filter((r) => r[header.indexOf('Status')] === 'open');
    expect(openRows.length).toBeGreaterThan(1);
    const [first, second] = openRows;
    first[header.indexOf('Status')] = 'resolved';
    first[header.indexOf('Comment')] = 'booked late by the desk';
    second[header.indexOf('Owner')] = 'Bob';
    const save = () => {
      const out = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(out, XLSX.utils.aoa_to_sheet(rows), 'Queue');
      writeFileSync(path, XLSX.write(out, { type: 'buffer', bookType: 'xlsx' }));
    };
    save();
    await page.getByLabel('Upload edited .xlsx').setInputFiles(path);
    const changes = page.getByRole('table', { name: 'Changes in the upload' });
    await expect.poll(() => changes.getByRole('row').count()).toBe(3);
    const text = await changes.innerText();
    expect(text).toMatch(new RegExp(`\\b${first[0]}\\b[\\s\\S]*Status: open → resolved[\\s\\S]*Comment: adds “booked late by the desk”`));
    expect(text).toMatch(new RegExp(`\\b${second[0]}\\b[\\s\\S]*Owner: nobody → Bob`));
    await shot('09-upload-preview');
    // Nothing has changed yet; Cancel leaves it so.
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect((await get<Item>(`/api/queue/${first[0]}`)).status).toBe('open');
    await page.getByLabel('Upload edited .xlsx').setInputFiles(path);
    await page.getByRole('button', { name: 'Apply 2 changes', exact: true }).click();
    await expect.poll(status).toMatch(new RegExp(`queue-${tag}\\.xlsx: 2 exception\\(s\\) updated`));
    expect((await get<Item>(`/api/queue/${first[0]}`)).status).toBe('resolved');
    expect((await get<Item>(`/api/queue/${second[0]}`)).assignee?.name).toBe('Bob');
    expect((await commentsOf(Number(first[0]))).map((c) => c.body)).toEqual(['booked late by the desk']);

    // The same file again is stale: refused by row, nothing applied, the note not posted twice.
    await page.getByLabel('Upload edited .xlsx').setInputFiles(path);
    const alert = page.getByRole('alert');
    await expect
      .poll(() => alert.innerText())
      .toMatch(
        new RegExp(
          `row ${rows.indexOf(first) + 1}, Last change: exception ${first[0]} was changed by Ada at .* after this file was exported`,
        ),
      );
    await shot('10-upload-stale');
    expect((await commentsOf(Number(first[0]))).map((c) => c.body)).toEqual(['booked late by the desk']);
  });

  it('shows no console errors signed in, nor after signing out', async () => {
    // The stale upload (422) was refused on purpose; nothing else went wrong.
    expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
    expect(errors).toHaveLength(1);
    await page.getByRole('button', { name: 'Sign out' }).click();
    // Signed out first (a page the app opened while the sign-out was on its way got a 401, once in CI).
    await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).count()).toBe(1);
    // A link to a filtered queue, opened fresh while signed out, asks to sign in.
    await page.goto(`${h.url}/#/queue?status=open`);
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).count()).toBe(1);
    await shot('11-signed-out');
    expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
  });
});
