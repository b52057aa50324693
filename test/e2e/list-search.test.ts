/**
 * The search box on every list page (Runs, Reviews, Schedules, Audit) in Debian's chromium at
 * 1280x800, over a fresh server with the demo: typing keeps exactly the rows that hold the
 * text. The golden rows are worked out from what the test sets up on top of the seed (the demo
 * has six sheets and no runs, reviews or schedules of its own); the audit trail's from its
 * rows in SQLite, searched here in JavaScript.
 */
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRun, failInterruptedRuns } from '../../db/runs.service.js';
import { users } from '../../db/schema.js';
import { submitVersion } from '../../db/sheet-versions.service.js';
import { getSheetVersion, saveSheetVersion } from '../../db/sheets.service.js';
import { screenshot, setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

describe('search on every list at 1280 x 800', () => {
  let h: Harness;
  let page: Page;
  let errors: string[];
  let sheets: { id: number; name: string }[];
  let datasets: { id: number; name: string }[];
  const runIds: Record<'brokerByAda' | 'boFailed' | 'brokerBySchedule', number> = { brokerByAda: 0, boFailed: 0, brokerBySchedule: 0 };
  const scheduleIds: Record<'broker' | 'compliance', number> = { broker: 0, compliance: 0 };
  const get = async <T = unknown>(path: string): Promise<T> => (await page.request.get(`${h.url}${path}`)).json() as Promise<T>;
  const sheetId = (name: string) => sheets.find((s) => s.name === name)!.id;
  const data = (names: string[]) => Object.fromEntries(names.map((n) => [n, datasets.find((d) => d.name === n)!.id]));
  const ada = () => h.db.select().from(users).where(eq(users.email, 'ada@example.com')).get()!;

  /** Types `text` into the search box named `label`, replacing what it held. */
  const search = (label: string, text: string) => page.getByRole('searchbox', { name: label }).fill(text);

  beforeAll(async () => {
    h = await startHarness();
    page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    errors = watchConsole(page);
  });
  afterAll(async () => h?.close());

  it('sets up runs, reviews and schedules on the demo sheets', async () => {
    await setUpFirstAdmin(page, h.url);
    sheets = await get('/api/sheets');
    datasets = await get('/api/datasets');
    const csrf = (await get<{ csrfToken: string }>('/api/auth/me')).csrfToken;
    const post = async (path: string, body: unknown) => {
      const response = await page.request.post(`${h.url}${path}`, { data: body, headers: { 'X-Tickmark-CSRF': csrf } });
      expect(response.status(), `${path}: ${await response.text()}`).toBe(201);
      return (await response.json()) as { id: number };
    };
    scheduleIds.broker = (
      await post('/api/schedules', {
        sheetId: sheetId('fo-vs-broker'),
        cron: '30 18 * * 1-5',
        timezone: 'America/New_York',
        inputs: { fo_blotter: 'fo_blotter_*.csv', broker_confirms: 'confirms_*.csv' },
        enabled: false,
      })
    ).id;
    scheduleIds.compliance = (
      await post('/api/schedules', {
        sheetId: sheetId('compliance'),
        cron: '0 7 * * *',
        timezone: 'Europe/London',
        inputs: { restricted_list: 'restricted_*.xlsx' },
        enabled: false,
      })
    ).id;
    // A run the server never finished fails as interrupted; the other two stay queued.
    runIds.boFailed = createRun(h.db, { sheetId: sheetId('fo-vs-bo'), data: data(['fo_blotter', 'bo_book']), userId: ada().id }).id;
    expect(failInterruptedRuns(h.db)).toEqual([runIds.boFailed]);
    const brokerData = data(['fo_blotter', 'broker_confirms']);
    runIds.brokerByAda = createRun(h.db, { sheetId: sheetId('fo-vs-broker'), data: brokerData, userId: ada().id }).id;
    runIds.brokerBySchedule = createRun(h.db, { sheetId: sheetId('fo-vs-broker'), data: brokerData, scheduleId: scheduleIds.broker }).id;
    for (const [name, note] of [
      ['fo-vs-bo', 'quarterly tolerance review'],
      ['compliance', 'new restricted names'],
    ]) {
      const current = getSheetVersion(h.db, sheetId(name));
      const draft = saveSheetVersion(h.db, {
        sheetId: sheetId(name),
        baseVersion: current.version,
        workbook: current.workbook,
        userId: ada().id,
      });
      submitVersion(h.db, { sheetId: sheetId(name), version: draft.version, user: ada(), note });
    }
  });

  it('searches runs by sheet, run number, status and who started them', async () => {
    await page.goto(`${h.url}/#/runs`);
    const rows = page.getByRole('table', { name: 'Runs' }).locator('tbody tr[data-run]');
    const shown = async () => (await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-run'))))).sort((a, b) => a - b);
    const all = Object.values(runIds).sort((a, b) => a - b);
    await expect.poll(shown).toEqual(all);
    const { brokerByAda, boFailed, brokerBySchedule } = runIds;
    const cases: [string, number[]][] = [
      ['broker', [brokerByAda, brokerBySchedule]],
      ['fo-vs-bo', [boFailed]],
      ['FO-VS-B', all],
      ['FAILED', [boFailed]],
      ['ada', [brokerByAda, boFailed]],
      [`schedule #${scheduleIds.broker}`, [brokerBySchedule]],
      [`#${brokerByAda}`, [brokerByAda]],
      // Run #1 is the failed one, and the scheduled run says "schedule #1 (…)".
      [`#${boFailed}`, scheduleIds.broker === boFailed ? [boFailed, brokerBySchedule] : [boFailed]],
      ['broker queued ada', [brokerByAda]],
      ['no such run', []],
    ];
    for (const [text, expected] of cases) {
      await search('Search runs', text);
      await expect.poll(shown, { message: `runs matching "${text}"` }).toEqual([...expected].sort((a, b) => a - b));
    }
    await search('Search runs', 'broker');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'of 3 runs' }).innerText()).toBe('2 of 3 runs');
    await screenshot(page, 'list-search-1280x800-runs');
    await search('Search runs', 'no such run');
    await expect.poll(() => page.getByText('No run matches the search.').count()).toBe(1);
  });

  it('searches reviews by sheet and note', async () => {
    await page.goto(`${h.url}/#/reviews`);
    const table = page.getByRole('table', { name: 'Waiting for review' });
    const shown = async () => (await table.locator('tbody tr td:first-child a').allInnerTexts()).sort();
    await expect.poll(shown).toEqual(['compliance', 'fo-vs-bo']);
    for (const [text, expected] of [
      ['restricted', ['compliance']],
      ['TOLERANCE', ['fo-vs-bo']],
      ['ada', ['compliance', 'fo-vs-bo']],
      ['broker', []],
    ] as const) {
      await search('Search reviews', text);
      await expect.poll(shown, { message: `reviews matching "${text}"` }).toEqual([...expected]);
    }
    await screenshot(page, 'list-search-1280x800-reviews');
  });

  it('searches schedules by sheet, file pattern and cron', async () => {
    await page.goto(`${h.url}/#/schedules`);
    const rows = page.getByRole('table', { name: 'Schedules' }).locator('tbody tr[data-schedule]');
    const shown = async () => (await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-schedule'))))).sort();
    await expect.poll(shown).toEqual([scheduleIds.broker, scheduleIds.compliance].sort());
    for (const [text, expected] of [
      ['restricted_*', [scheduleIds.compliance]],
      ['confirms_', [scheduleIds.broker]],
      ['fo-vs-broker', [scheduleIds.broker]],
      ['london', [scheduleIds.compliance]],
      ['30 18', [scheduleIds.broker]],
      ['csv', [scheduleIds.broker]],
      ['pnl', []],
    ] as const) {
      await search('Search schedules', text);
      await expect.poll(shown, { message: `schedules matching "${text}"` }).toEqual([...expected]);
    }
    await screenshot(page, 'list-search-1280x800-schedules');
  });

  it('searches the audit trail on the server, and pages the matches', async () => {
    // Golden from SQLite: every entry whose action, entity, id, user or before/after text holds each word.
    const trail = h.db.$client
      .prepare(
        `SELECT a.id, a.action, a.entity, a.entity_id, u.email, u.name, a.before, a.after FROM audit_log a LEFT JOIN users u ON u.id = a.user_id`,
      )
      .all() as Record<string, unknown>[];
    const golden = (text: string) =>
      trail
        .filter((row) => {
          const hay = [row.action, row.entity, row.entity_id, row.email, row.name, row.before, row.after]
            .map((v) => String(v ?? ''))
            .join('\n');
          return text
            .toLowerCase()
            .split(/\s+/)
            .every((w) => hay.toLowerCase().includes(w));
        })
        .map((row) => Number(row.id))
        .sort((a, b) => b - a);
    await page.goto(`${h.url}/#/audit`);
    const table = page.getByRole('table', { name: 'Audit entries' });
    await expect.poll(() => table.locator('tbody tr[data-entry]').count()).toBe(Math.min(trail.length, 50));
    for (const text of ['quarterly tolerance', 'restricted_', 'schedule.create london', 'ada@example.com sheet.version.submit']) {
      const expected = golden(text);
      expect(expected.length, `the trail has entries for "${text}"`).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(trail.length);
      await search('Search the audit trail', text);
      await page.getByRole('searchbox', { name: 'Search the audit trail' }).press('Enter');
      await expect
        .poll(async () => (await page.locator('.pager span').innerText()).trim(), { message: `audit matching "${text}"` })
        .toBe(`1–${Math.min(expected.length, 50)} of ${expected.length}`);
      const ids = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-entry'))));
      expect(ids).toEqual(expected.slice(0, 50));
    }
    await screenshot(page, 'list-search-1280x800-audit');
    expect(errors).toEqual([]);
  });
});
