/**
 * The demo expiration sheet run from the web app as a desk would on expiration day: the run
 * dialog offers the positions, the instructions and the closes lookup, and the expiration
 * date as a parameter; the run page shows the planted exceptions and what went to the queue.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

let h: Harness;
let page: Page;
let errors: string[];
beforeAll(async () => {
  h = await startHarness();
  page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
  errors = watchConsole(page);
});
afterAll(async () => h?.close());

const heading = () => page.getByRole('heading', { level: 1 }).innerText();

/** Opens the expiration sheet's run dialog and waits for its inputs and parameters. */
async function openRunDialog() {
  await page.getByRole('link', { name: 'Rule sheets' }).click();
  await page.getByRole('link', { name: 'expiration', exact: true }).click();
  await page.getByRole('button', { name: 'Run…' }).click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.getByLabel(/^Dataset for/).count()).toBe(3);
  await expect.poll(() => dialog.getByLabel('Parameter ExpirationDate').count()).toBe(1);
  return dialog;
}

async function runId(): Promise<number> {
  await expect.poll(heading, { timeout: 120_000 }).toMatch(/succeeded/);
  return Number(page.url().split('/').pop());
}

describe('the expiration process in the web app', () => {
  it('sets up the first admin', async () => {
    await setUpFirstAdmin(page, h.url);
  });

  it('offers the three datasets and the parameters, and runs for the date chosen', async () => {
    const dialog = await openRunDialog();
    const text = await dialog.innerText();
    expect(text).toMatch(/Left: option_positions/);
    expect(text).toMatch(/Right: contrary_instructions/);
    expect(text).toMatch(/Lookup: underlying_closes/);
    expect(await dialog.getByLabel('Dataset for underlying_closes').locator('option').first().innerText()).toMatch(
      /^underlying_closes #\d+ · underlying_closes\.csv · 65 rows/,
    );
    // closing_prices has symbol, date and close too, but not in the lookup's columns: not offered.
    expect(await dialog.getByLabel('Dataset for underlying_closes').locator('option').allInnerTexts()).not.toContainEqual(
      expect.stringMatching(/closing_prices/),
    );
    const date = dialog.getByLabel('Parameter ExpirationDate');
    expect(await date.inputValue()).toBe('2026-11-20');
    expect(await dialog.getByLabel('Parameter PinBand').inputValue()).toBe('0.5');
    // December's expiration first: only the December AAPL call expires, and no close is there yet.
    await date.fill('2026-12-18');
    await screenshot(page, 'expiration-01-run-dialog');
    await dialog.getByRole('button', { name: 'Start run' }).click();
    const december = await runId();
    const run = await (await page.request.get(`${h.url}/api/runs/${december}`)).json();
    expect(run.params).toEqual({ ExpirationDate: '2026-12-18' });
    expect(run.summary.by_exception).toEqual({ 'no underlying close': 1, 'instruction without position': 1 });
  });

  it("shows November's planted exceptions on the run page, at 1280x800 and 1920x1080", async () => {
    const dialog = await openRunDialog();
    expect(await dialog.getByLabel('Parameter ExpirationDate').inputValue()).toBe('2026-11-20');
    await dialog.getByRole('button', { name: 'Start run' }).click();
    const id = await runId();
    const run = await (await page.request.get(`${h.url}/api/runs/${id}`)).json();
    expect(run.params).toEqual({});
    expect(run.counts).toMatchObject({ rows: 19, exceptions: 11 });
    const exceptions = page.getByRole('table', { name: 'Exceptions' });
    await expect.poll(() => exceptions.innerText()).toMatch(/pin risk/);
    const shown = await exceptions.innerText();
    for (const kind of [
      'contrary: do not exercise ITM',
      'contrary: exercise OTM',
      'no underlying close',
      'instruction on short position',
      'instruction without position',
    ])
      expect(shown).toContain(kind);
    // December's AAPL break is gone (its call no longer lacks a price: it is not expiring), the AMZN one continues.
    const queue = page.getByRole('region', { name: 'Exception queue' });
    expect(await queue.innerText()).toMatch(/10 new breaks opened/);
    expect(run.queueChanges).toMatchObject({ opened: 10, continued: 1, cleared: 1 });
    await screenshot(page, 'expiration-02-run-1280');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'expiration-03-run-1920');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('lists the breaks in the exception queue by kind', async () => {
    await page.getByRole('link', { name: 'Exceptions' }).first().click();
    await expect.poll(() => page.locator('body').innerText()).toMatch(/contrary: exercise OTM/);
    await screenshot(page, 'expiration-04-queue');
    expect(errors).toEqual([]);
  });
});
