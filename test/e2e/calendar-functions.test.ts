/**
 * The calendar functions in the sheet editor's grid, where the engine runs in the page (the
 * web bundle of `rules/`): values, an error with its reason on hover, and completion offering
 * each function with Excel-style argument names.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workbook } from '../../rules/workbook.js';
import { gridDriver, uploadWorkbook } from './grid-helpers.js';
import { screenshot, setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

const WORKBOOK: Workbook = {
  names: [],
  sheets: [
    {
      name: 'Dates',
      cells: [
        ['April expiry', 'CL Jan 2025', 'close 27 Nov', 'Carter day', 'strike', 'bad root', 'after 25 Nov', 'Closures'],
        [
          '=OPTEXPIRY(2025,4)',
          '=TEXT(FUTEXPIRY("CL",2025,1),"yyyy-mm-dd")',
          '=TEXT(MARKETCLOSE(DATE(2026,11,27)),"hh:mm")',
          '=ISTRADINGDAY(DATE(2025,1,9))',
          '=OPTSTRIKE("AAPL  260918C00150000")',
          '=FUTEXPIRY("XX",2025,1)',
          '=TEXT(NEXTTRADINGDAY(DATE(2026,11,25),1,H1:H3),"yyyy-mm-dd")',
          'NYSE',
        ],
        [null, null, null, null, null, null, null, '=DATE(2026,11,27)'],
      ],
    },
  ],
};

let h: Harness;
let page: Page;
let errors: string[];
const g = () => gridDriver(page);

beforeAll(async () => {
  h = await startHarness();
  page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
  errors = watchConsole(page);
});
afterAll(async () => h?.close());

describe('calendar functions in the grid', () => {
  it('evaluate in the page as they do on the server', async () => {
    await setUpFirstAdmin(page, h.url);
    const id = await uploadWorkbook(page, h.url, 'calendar functions', WORKBOOK);
    await page.goto(`${h.url}/#/sheets/${id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^calendar functions/);
    const shown = async (address: string) => (await g().cell(address).innerText()).trim();
    await expect.poll(() => shown('A2')).toBe('2025-04-17'); // Good Friday moved the expiry to Thursday; shown as a date, as Excel shows it
    expect(await shown('B2')).toBe('2024-12-19');
    expect(await shown('C2')).toBe('13:00');
    expect(await shown('D2')).toBe('FALSE');
    expect(await shown('E2')).toBe('150');
    expect(await shown('F2')).toBe('#VALUE!');
    expect(await g().cell('F2').locator('span').getAttribute('title')).toBe(
      '#VALUE!: unknown futures root "XX"; known roots: ES, NQ, YM, RTY, CL, NG, GC, ZN, ZB, VX',
    );
    expect(await shown('G2')).toBe('2026-11-30'); // the list adds November 27 on top of NYSE
  });

  it('are offered by completion with their argument names', async () => {
    await g().goTo('A5');
    await g().formulaBar().fill('=OPTEX');
    const list = page.getByRole('listbox', { name: 'Functions' });
    await expect.poll(() => list.innerText()).toMatch(/OPTEXPIRY\(year, month, \[kind\], \[calendar\]\)/);
    await screenshot(page, 'calendar-functions-completion');
    await g().formulaBar().fill('=FUTEX');
    await expect.poll(() => list.innerText()).toMatch(/FUTEXPIRY\(root, year, month\)/);
    await g().formulaBar().press('Escape');
    await screenshot(page, 'calendar-functions-grid');
    expect(errors).toEqual([]);
  });
});
