/**
 * Array arithmetic in a plain cell (issue 16), in Debian's chromium against the real server:
 * `=B2:B4*2` typed in the grid spills the doubled cells below it, as in Excel 365, a value in
 * the way gives `#SPILL!`, `=B2:B4` alone spills the range, and `=@B2:B4*2` is the cell of B2:B4 in the formula's row, doubled.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workbook } from '../../rules/workbook.js';
import { gridDriver, uploadWorkbook } from './grid-helpers.js';
import { screenshot, setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

const WORKBOOK: Workbook = {
  names: [],
  sheets: [
    {
      name: 'Data',
      cells: [
        ['label', 'qty'],
        ['a', 10],
        ['b', 20],
        ['c', 30],
      ],
    },
  ],
};

let h: Harness;
let context: BrowserContext;
let page: Page;
let errors: string[];
beforeAll(async () => {
  h = await startHarness();
  context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  errors = watchConsole(page);
});
afterAll(async () => {
  await context?.close();
  await h?.close();
});

describe('arithmetic on a range in a grid cell', () => {
  const g = () => gridDriver(page);
  const shown = (address: string) => g().cell(address).innerText();
  const typeInto = async (address: string, text: string) => {
    await g().goTo(address);
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };

  it('opens a sheet of its own', async () => {
    await setUpFirstAdmin(page, h.url);
    const sheetId = await uploadWorkbook(page, h.url, 'array arithmetic', WORKBOOK);
    await page.goto(`${h.url}/#/sheets/${sheetId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^array arithmetic/);
    await g().at('A1');
  });

  it('=B2:B4*2 typed in D2 shows 20, 40, 60 down D', async () => {
    await typeInto('D2', '=B2:B4*2');
    await expect.poll(() => shown('D2')).toBe('20');
    await expect.poll(() => shown('D3')).toBe('40');
    await expect.poll(() => shown('D4')).toBe('60');
    expect(await g().contentOf('D2')).toBe('=B2:B4*2');
    expect(await page.getByLabel('Formula bar').getAttribute('class')).not.toMatch(/spilled/);
    await screenshot(page, 'array-arithmetic-01-spilled');
  });

  it('a spilled cell’s formula bar shows the formula it came from, greyed and read-only, as in Excel', async () => {
    expect(await g().contentOf('D3')).toBe('=B2:B4*2');
    const bar = page.getByLabel('Formula bar');
    await expect.poll(() => bar.getAttribute('class')).toMatch(/spilled/);
    expect(await bar.getAttribute('readonly')).not.toBeNull();
    await expect.poll(() => page.getByRole('note').filter({ hasText: 'spilled from D2' }).isVisible()).toBe(true);
    await screenshot(page, 'array-arithmetic-01b-spilled-cell');
    // A cell outside the spill has its own content again.
    expect(await g().contentOf('D5')).toBe('');
    await expect.poll(() => bar.getAttribute('class')).not.toMatch(/spilled/);
  });

  it('=B2:B4 alone spills the range, as Excel 365', async () => {
    await typeInto('G2', '=B2:B4');
    await expect.poll(() => shown('G2')).toBe('10');
    await expect.poll(() => shown('G4')).toBe('30');
    expect(await g().contentOf('G2')).toBe('=B2:B4');
  });

  it('=@B2:B4*2 is one value: the row’s cell of B2:B4, doubled', async () => {
    await typeInto('E3', '=@B2:B4*2');
    await expect.poll(() => shown('E3')).toBe('40');
    await expect.poll(() => shown('E4')).toBe('');
  });

  it('a value in the way gives #SPILL!, and removing it spills again', async () => {
    await typeInto('D4', 'blocker');
    await expect.poll(() => shown('D2')).toBe('#SPILL!');
    await expect.poll(() => shown('D3')).toBe('');
    await expect.poll(() => shown('D4')).toBe('blocker');
    await screenshot(page, 'array-arithmetic-02-blocked');
    await g().goTo('D4');
    await page.keyboard.press('Delete');
    await expect.poll(() => shown('D2')).toBe('20');
    await expect.poll(() => shown('D4')).toBe('60');
    expect(errors).toEqual([]);
  });
});
