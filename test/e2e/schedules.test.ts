/**
 * The schedules page in Debian's chromium, at 1280x800 and 1920x1080 (each over a fresh server): create a schedule for
 * a demo sheet (a bad cron is refused at its field), see its next three runs as croner computes them, edit it, see a
 * file dropped into the watched folder listed with the schedule input it matches, run it now, delete it. No console
 * errors beyond the refusal the test provokes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cron } from 'croner';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

type ScheduleView = {
  id: number;
  cron: string;
  timezone: string;
  inputs: Record<string, string>;
  nextRuns: string[];
  lastFiredAt: string | null;
};

describe.each(VIEWPORTS)('the schedules page at $width x $height', (viewport) => {
  const tag = `${viewport.width}x${viewport.height}`;
  let h: Harness;
  let page: Page;
  let errors: string[];
  const get = async <T = unknown>(path: string): Promise<T> => (await page.request.get(`${h.url}${path}`)).json() as Promise<T>;
  const shot = (name: string) => screenshot(page, `schedules-${tag}-${name}`);
  const editor = () => page.getByRole('form', { name: /schedule/ });
  const table = () => page.getByRole('table', { name: 'Schedules' });
  const inZone = (iso: string, zone: string) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'short',
      day: '2-digit',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(iso));

  beforeAll(async () => {
    h = await startHarness();
    page = await h.browser.newPage({ viewport });
    errors = watchConsole(page);
  });
  afterAll(async () => h?.close());

  it('creates a schedule for a demo sheet, refusing a bad cron at its field', async () => {
    await setUpFirstAdmin(page, h.url);
    await page.getByRole('link', { name: 'Schedules', exact: true }).click();
    await expect.poll(() => table().innerText()).toMatch(/No schedules yet/);
    await page.getByRole('button', { name: 'New schedule' }).click();
    await editor().getByLabel('Sheet').selectOption({ label: 'fo-vs-broker' });
    await expect.poll(() => editor().getByRole('textbox').count()).toBeGreaterThan(2);
    await editor()
      .getByLabel(/^fo_blotter/)
      .fill('fo_blotter_*.csv');
    await editor()
      .getByLabel(/^broker_confirms/)
      .fill('broker_*.csv');
    await editor().getByLabel('Time zone').selectOption('America/New_York');
    await editor().getByLabel('Cron').fill('61 18 * * 1-5');
    await editor().getByRole('button', { name: 'Create schedule' }).click();
    await expect.poll(() => editor().getByRole('alert').innerText()).toMatch(/Cron: not a cron expression/);
    await shot('01-bad-cron');
    await editor().getByLabel('Cron').fill('30 18 * * 1-5');
    expect(await editor().locator('#cron-words').innerText()).toBe('at 18:30, Monday–Friday');
    await editor().getByRole('button', { name: 'Create schedule' }).click();
    await expect.poll(() => editor().count()).toBe(0);
    errors.splice(0).forEach((e) => expect(e).toMatch(/400/));
  });

  it('lists it with the cron in words and the next three runs croner computes', async () => {
    const [schedule] = await get<ScheduleView[]>('/api/schedules');
    const expected = new Cron('30 18 * * 1-5', { timezone: 'America/New_York', paused: true }).nextRuns(3).map((d) => d.toISOString());
    expect(schedule.nextRuns).toEqual(expected);
    const row = table().locator(`tr[data-schedule="${schedule.id}"]`);
    await expect.poll(() => row.innerText()).toMatch(/fo-vs-broker/);
    const text = await row.innerText();
    expect(text).toMatch(/at 18:30, Monday–Friday/);
    expect(text).toMatch(/30 18 \* \* 1-5/);
    expect(text).toMatch(/America\/New_York/);
    const shown = await row.locator('.next-runs time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
    expect(shown).toEqual(expected);
    for (const at of expected) expect(text).toContain(inZone(at, 'America/New_York'));
    await shot('02-listed');
  });

  it('edits it and shows the new next runs', async () => {
    const [schedule] = await get<ScheduleView[]>('/api/schedules');
    await table().locator(`tr[data-schedule="${schedule.id}"]`).getByRole('button', { name: 'Edit' }).click();
    expect(await editor().getByLabel('Cron').inputValue()).toBe('30 18 * * 1-5');
    await editor().getByLabel('Cron').fill('0 7 * * *');
    await editor().getByLabel('Time zone').selectOption('Europe/London');
    await editor().getByLabel('Wait for missing files (minutes)').fill('15');
    await shot('03-editing');
    await editor().getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => editor().count()).toBe(0);
    const expected = new Cron('0 7 * * *', { timezone: 'Europe/London', paused: true }).nextRuns(3).map((d) => d.toISOString());
    const row = table().locator(`tr[data-schedule="${schedule.id}"]`);
    await expect
      .poll(() => row.locator('.next-runs time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime'))))
      .toEqual(expected);
    expect(await row.innerText()).toMatch(/at 07:00[\s\S]*Europe\/London[\s\S]*waits 15 min/);
  });

  it('lists a file dropped into the watched folder with the input it matches', async () => {
    const [schedule] = await get<ScheduleView[]>('/api/schedules');
    const { folder } = await get<{ folder: string }>('/api/schedules/watched-files');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'fo_blotter_2026-12-01.csv'), 'trade_id,qty\nT1,5\n');
    writeFileSync(join(folder, 'readme.txt'), 'not for any schedule');
    await page.reload();
    const watched = page.getByRole('region', { name: 'Watched folder' });
    const foRow = watched.getByRole('row', { name: /fo_blotter_2026-12-01\.csv/ });
    await expect
      .poll(() => foRow.innerText())
      .toMatch(new RegExp(`schedule #${schedule.id} · fo-vs-broker · fo_blotter \\(fo_blotter_\\*\\.csv\\)`));
    expect(await foRow.innerText()).toMatch(/18 B/);
    expect(await watched.getByRole('row', { name: /readme\.txt/ }).innerText()).toMatch(/no schedule/);
    await page.getByRole('region', { name: 'Watched folder' }).scrollIntoViewIfNeeded();
    await shot('04-watched-folder');
  });

  it('runs it now and says what the firing did', async () => {
    const [schedule] = await get<ScheduleView[]>('/api/schedules');
    await table().locator(`tr[data-schedule="${schedule.id}"]`).getByRole('button', { name: 'Run now' }).click();
    await expect.poll(async () => (await get<ScheduleView[]>('/api/schedules'))[0].lastFiredAt).not.toBeNull();
    // broker_*.csv is not there yet, and the schedule waits 15 minutes for it.
    await expect.poll(() => page.locator('.toasts').innerText()).toMatch(/waiting for broker_confirms/);
    await expect.poll(() => table().locator(`tr[data-schedule="${schedule.id}"]`).innerText()).toMatch(/waiting for broker_confirms/);
    await shot('05-run-now');
  });

  it('deletes it after confirmation', async () => {
    const [schedule] = await get<ScheduleView[]>('/api/schedules');
    const row = table().locator(`tr[data-schedule="${schedule.id}"]`);
    page.once('dialog', (d) => d.dismiss());
    await row.getByRole('button', { name: 'Delete' }).click();
    await page.waitForTimeout(300);
    expect(await get<ScheduleView[]>('/api/schedules')).toHaveLength(1);
    page.once('dialog', (d) => {
      expect(d.message()).toMatch(new RegExp(`Delete schedule #${schedule.id} of fo-vs-broker`));
      void d.accept();
    });
    await row.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => table().innerText()).toMatch(/No schedules yet/);
    expect(await get<ScheduleView[]>('/api/schedules')).toEqual([]);
    await shot('06-deleted');
    expect(errors).toEqual([]);
  });
});
