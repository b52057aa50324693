/**
 * Dynamic arrays in the sheet grid, in Debian's chromium against the real server, at 1280x800
 * and 1920x1080: a typed `=SEQUENCE(3)` spills 1, 2, 3 below its cell, a value in the way gives
 * `#SPILL!` (and clearing it spills again), and `=A1#` reads the spilled range.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workbook } from '../../rules/workbook.js';
import { gridDriver, uploadWorkbook } from './grid-helpers.js';
import { screenshot, setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

const WORKBOOK: Workbook = { names: [], sheets: [{ name: 'Data', cells: [['label'], [], [], []] }] };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe.each([
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
])('spilling in the grid at $width x $height', (viewport) => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const tag = `${viewport.width}x${viewport.height}`;
  const g = () => gridDriver(page);
  const shown = (address: string) => g().cell(address).innerText();
  const typeInto = async (address: string, text: string) => {
    await g().goTo(address);
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };

  beforeAll(async () => {
    context = await h.browser.newContext({ viewport });
    page = await context.newPage();
    errors = watchConsole(page);
  });
  afterAll(async () => context?.close());

  it('opens a sheet of its own', async () => {
    if (viewport.width === 1280) await setUpFirstAdmin(page, h.url);
    else {
      await page.goto(`${h.url}/#/sheets`);
      await page.getByLabel('E-mail').fill('ada@example.com');
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: /Sign in/ }).click();
      await expect.poll(() => page.getByRole('link', { name: 'fo-vs-broker' }).count()).toBe(1);
    }
    const sheetId = await uploadWorkbook(page, h.url, `spill ${tag}`, WORKBOOK);
    await page.goto(`${h.url}/#/sheets/${sheetId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^spill/);
    await g().at('A1');
  });

  it('=SEQUENCE(3) typed in B1 shows 1, 2, 3 down B', async () => {
    await typeInto('B1', '=SEQUENCE(3)');
    await expect.poll(() => shown('B1')).toBe('1');
    await expect.poll(() => shown('B2')).toBe('2');
    await expect.poll(() => shown('B3')).toBe('3');
    expect(await g().contentOf('B1')).toBe('=SEQUENCE(3)');
  });

  it('=B1# reads the spilled range', async () => {
    await typeInto('C1', '=SUM(B1#)');
    await expect.poll(() => shown('C1')).toBe('6');
    await typeInto('D1', '=ROWS(B1#)');
    await expect.poll(() => shown('D1')).toBe('3');
    await screenshot(page, `spill-${tag}-01-spilled`);
  });

  it('a value in the way gives #SPILL!, and removing it spills again', async () => {
    await typeInto('B3', 'blocker');
    await expect.poll(() => shown('B1')).toBe('#SPILL!');
    await expect.poll(() => shown('B2')).toBe('');
    await expect.poll(() => shown('B3')).toBe('blocker');
    await screenshot(page, `spill-${tag}-02-blocked`);
    await g().goTo('B3');
    await page.keyboard.press('Delete');
    await expect.poll(() => shown('B1')).toBe('1');
    await expect.poll(() => shown('B3')).toBe('3');
    await expect.poll(() => shown('C1')).toBe('6');
    expect(errors).toEqual([]);
  });
});
