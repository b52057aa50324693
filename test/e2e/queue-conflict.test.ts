/**
 * Two people on one exception, in Debian's chromium at 1280x800 and 1920x1080: Ada has an item
 * open and types a comment; Bob changes the item meanwhile; Ada's Resolve is refused (409),
 * the panel says Bob changed it and when, reloads it, and keeps what she typed, so her second
 * try goes through. A bulk action on a selection one of whose items Bob moved is refused whole.
 * No console errors beyond the refusals the test provokes.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyChanges } from '../../db/queue/queue.service.js';
import { createUser } from '../../db/users.service.js';
import { screenshot, setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

type Item = { id: number; status: string; label: string | null; version: number };

describe.each(VIEWPORTS)('a queue item changed by someone else meanwhile, at $width x $height', (viewport) => {
  const tag = `${viewport.width}x${viewport.height}`;
  let h: Harness;
  let page: Page;
  let errors: string[];
  let bobId: number;
  let items: Item[];
  const get = async <T = unknown>(path: string): Promise<T> => (await page.request.get(`${h.url}${path}`)).json() as Promise<T>;
  const table = () => page.getByRole('table', { name: 'Exception queue' });
  const panel = (id: number) => page.getByRole('complementary', { name: `Exception ${id}` });
  /** Bob's change, through the same service the API uses, as if from his own browser. */
  const bobChanges = (id: number, change: { label?: string; status?: 'in_review' }) => applyChanges(h.db, bobId, [{ id, ...change }]);

  beforeAll(async () => {
    h = await startHarness();
    page = await h.browser.newPage({ viewport });
    errors = watchConsole(page);
  });
  afterAll(async () => h?.close());

  it('sets up Ada, Bob and an official run with open breaks', async () => {
    await setUpFirstAdmin(page, h.url);
    bobId = createUser(h.db, { email: 'bob@example.com', name: 'Bob', password: 'correct horse battery', role: 'author' }).id;
    const sheetId = (await get<{ id: number; name: string }[]>('/api/sheets')).find((s) => s.name === 'fo-vs-broker')!.id;
    const datasets = await get<{ id: number; name: string }[]>('/api/datasets');
    const csrf = (await get<{ csrfToken: string }>('/api/auth/me')).csrfToken;
    const data = Object.fromEntries(['fo_blotter', 'broker_confirms'].map((n) => [n, datasets.find((d) => d.name === n)!.id]));
    const started = await page.request.post(`${h.url}/api/sheets/${sheetId}/runs`, {
      data: { data },
      headers: { 'X-Tickmark-CSRF': csrf },
    });
    expect(started.status()).toBe(202);
    await h.runs.idle();
    items = (await get<{ items: Item[] }>('/api/queue?status=open&sort=id&limit=500')).items;
    expect(items.length).toBeGreaterThan(3);
  });

  it('refuses a stale Resolve in the panel, says who changed it and when, reloads it and keeps the typed comment', async () => {
    const item = items[0];
    await page.goto(`${h.url}/#/queue?status=open&sort=id`);
    await table()
      .getByRole('button', { name: String(item.id), exact: true })
      .click();
    const aside = panel(item.id);
    await expect.poll(() => aside.count()).toBe(1);
    await aside.getByLabel('Comment on this exception').fill('checked with the broker: their side is right');

    bobChanges(item.id, { label: 'broker late' });
    await aside.getByRole('button', { name: 'Resolve' }).click();
    const alert = aside.getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    const text = await alert.innerText();
    expect(text).toMatch(
      new RegExp(
        `^Exception ${item.id} was changed by Bob at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d since you opened it: reloaded, your change was not applied`,
      ),
    );
    // Reloaded: Bob's label is in the history; what Ada typed is still there; nothing of hers was applied.
    await expect.poll(() => aside.getByRole('list', { name: 'History' }).innerText()).toContain('label: none → broker late');
    expect(await aside.getByLabel('Comment on this exception').inputValue()).toBe('checked with the broker: their side is right');
    const now = await get<Item & { activity: { comments: unknown[] } }>(`/api/queue/${item.id}`);
    expect(now).toMatchObject({ status: 'open', label: 'broker late', version: item.version + 1 });
    expect(now.activity.comments).toEqual([]);
    await screenshot(page, `queue-conflict-${tag}-panel`);

    // The second try is against what she now sees, and goes through with her comment.
    await aside.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(async () => (await get<Item>(`/api/queue/${item.id}`)).status).toBe('resolved');
    await expect.poll(() => aside.getByRole('alert').count()).toBe(0);
    const done = await get<Item & { activity: { comments: { body: string; userName: string }[] } }>(`/api/queue/${item.id}`);
    expect(done.activity.comments.map((c) => [c.userName, c.body])).toEqual([['Ada', 'checked with the broker: their side is right']]);
    expect(done.version).toBe(item.version + 2);
    await aside.getByRole('button', { name: 'Close' }).click();
  });

  it('refuses a whole bulk action when one selected item moved since the list showed it', async () => {
    const [a, b] = [items[1], items[2]];
    // Every item not closed, so B stays in view once it is in review.
    await page.goto(`${h.url}/#/queue?sort=id`);
    await expect
      .poll(() =>
        table()
          .getByRole('checkbox', { name: `Select exception ${a.id}` })
          .count(),
      )
      .toBe(1);
    await table()
      .getByRole('checkbox', { name: `Select exception ${a.id}` })
      .check();
    await table()
      .getByRole('checkbox', { name: `Select exception ${b.id}` })
      .check();
    bobChanges(b.id, { status: 'in_review' });
    await page.getByRole('toolbar', { name: 'Selected exceptions' }).getByRole('button', { name: 'Review' }).click();
    const toast = page.getByText(`Exception ${b.id} was changed by Bob at`);
    await expect.poll(() => toast.count()).toBe(1);
    expect(await toast.innerText()).toMatch(/since the list showed it: nothing was applied; the list is reloaded, check and try again$/);
    await screenshot(page, `queue-conflict-${tag}-bulk`);
    // All or nothing: A is untouched, B is Bob's.
    expect(await get<Item>(`/api/queue/${a.id}`)).toMatchObject({ status: 'open', version: a.version });
    expect(await get<Item>(`/api/queue/${b.id}`)).toMatchObject({ status: 'in_review', version: b.version + 1 });
    // The reloaded list shows B as Bob left it; told so, the same action now goes through for both.
    await expect.poll(() => table().innerText()).toContain('in review');
    await page.getByRole('toolbar', { name: 'Selected exceptions' }).getByRole('button', { name: 'Review' }).click();
    await expect.poll(async () => (await get<Item>(`/api/queue/${a.id}`)).status).toBe('in_review');

    expect(errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
  });
});
