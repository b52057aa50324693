/**
 * Readable sheets in Debian's chromium, at 1280x800 and 1920x1080: columns fit their
 * content when a sheet opens, a double-click on a column border fits it again, the Rows
 * field names and the exception column stay in view (freeze panes), and text too long for
 * its cell shows in full on hover. Screenshots go to the scratch folder's screenshots/.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadWorkbook } from './grid-helpers.js';
import { screenshot, setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

const LONG = 'This note is far longer than any column may grow, so the cell cuts it and the full text shows on hover.';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

/** For every cell drawn in a row of the grid: its text, and whether the cell shows all of it. */
async function rowFit(page: Page, rowType: string, y: number) {
  return page.locator(`revogr-data[type="${rowType}"]:not([col-type="rowHeaders"]) .rgCell[data-rgrow="${y}"]`).evaluateAll((cells) =>
    cells.map((cell) => {
      const span = cell.querySelector('span');
      const text = span?.textContent ?? '';
      // A cell cuts what does not fit (overflow hidden): then its content is wider than the cell.
      return { text, fits: cell.scrollWidth <= cell.clientWidth };
    }),
  );
}

describe.each([
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
])('sheets at $width x $height', (viewport) => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const tag = `${viewport.width}x${viewport.height}`;

  beforeAll(async () => {
    context = await h.browser.newContext({ viewport });
    page = await context.newPage();
    errors = watchConsole(page);
  });
  afterAll(async () => context?.close());

  it('signs in', async () => {
    if (viewport.width === 1280) return setUpFirstAdmin(page, h.url);
    await page.goto(`${h.url}/#/sheets`);
    await page.getByLabel('E-mail').fill('ada@example.com');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: /Sign in/ }).click();
    await expect.poll(() => page.getByRole('link', { name: 'fo-vs-broker' }).count()).toBe(1);
  });

  it('opens Rows with every field name and rule-row value shown in full', async () => {
    await page.getByRole('link', { name: 'fo-vs-broker' }).click();
    await expect.poll(() => page.getByTestId('preview-count').count(), { timeout: 120_000 }).toBe(1);
    // The workbook's own widths cut these (left.block_id in 12 characters): on open they fit.
    await expect.poll(async () => (await rowFit(page, 'rowPinStart', 0)).map((n) => n.text)).toContain('left.block_id');
    const names = await rowFit(page, 'rowPinStart', 0);
    expect(names.filter((n) => n.text && !n.fits)).toEqual([]);
    const rule = await rowFit(page, 'rgRow', 0);
    expect(rule.filter((n) => n.text).length).toBeGreaterThan(5);
    expect(rule.filter((n) => n.text && !n.fits)).toEqual([]);
    await screenshot(page, `readable-${tag}-01-rows`);
  });

  it('keeps the field names and the exception column in view wherever the grid scrolls', async () => {
    const scroller = page.locator('revo-grid revogr-viewport-scroll.rgCol').first();
    const vertical = page.locator('revo-grid revogr-scroll-virtual.vertical').first();
    await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await vertical.evaluate((el) => (el.scrollTop = 10 * 32)); // ten rows down
    await page.waitForTimeout(300);
    const frame = (await page.locator('.wrap').boundingBox())!;
    const inView = async (selector: string, text: string) => {
      const cell = page.locator(selector).filter({ hasText: text }).first();
      const box = await cell.boundingBox();
      return (
        !!box &&
        box.y >= frame.y &&
        box.y + box.height <= frame.y + frame.height &&
        box.x >= frame.x &&
        box.x + box.width <= frame.x + frame.width + 1
      );
    };
    await expect.poll(() => inView('revogr-data[type="rowPinStart"] .rgCell[data-rgrow="0"]', 'settle_bdays')).toBe(true);
    await expect
      .poll(() => inView('revogr-data[type="rowPinStart"][col-type="colPinEnd"] .rgCell[data-rgrow="0"]', 'Exception'))
      .toBe(true);
    // The exception column's cells sit beside the rows scrolled to (row 14 is the 13th scrolling row).
    const pinned = page.locator('revogr-data[type="rgRow"][col-type="colPinEnd"] .rgCell[data-rgrow="12"]');
    const beside = page.locator('revogr-data[type="rgRow"][col-type="rgCol"] .rgCell[data-rgrow="12"]').first();
    await expect.poll(async () => (await pinned.boundingBox())?.y).toBe((await beside.boundingBox())?.y);
    const box = (await pinned.boundingBox())!;
    expect(box.y).toBeGreaterThan(frame.y);
    expect(box.y + box.height).toBeLessThanOrEqual(frame.y + frame.height);
    await screenshot(page, `readable-${tag}-02-scrolled`);
    await scroller.evaluate((el) => (el.scrollLeft = 0));
    await vertical.evaluate((el) => (el.scrollTop = 0));
    await expect.poll(() => inView('revogr-data[type="rowPinStart"] .rgCell[data-rgrow="0"]', 'left.block_id')).toBe(true);
  });

  it('keeps the column letters, the field names and the exception column in view at row 10,000', async () => {
    const frame = (await page.locator('.wrap').boundingBox())!;
    const within = (box: { x: number; y: number; width: number; height: number } | null) =>
      !!box &&
      box.y >= frame.y &&
      box.y + box.height <= frame.y + frame.height &&
      box.x >= frame.x &&
      box.x + box.width <= frame.x + frame.width + 1;
    const nameBox = page.getByLabel('Name box');
    await nameBox.fill('B10000');
    await nameBox.press('Enter');
    // Row 10,000 of the sheet is the grid's scrolling row 9,998 (row 1, the field names, is frozen above it).
    const last = page.locator('revogr-data[type="rgRow"][col-type="rgCol"] .rgCell[data-rgrow="9998"]').first();
    await expect.poll(async () => within(await last.boundingBox()), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => nameBox.inputValue()).toBe('B10000');
    const letters = page.locator('revogr-header .rgHeaderCell').filter({ hasText: /^B$/ }).first();
    expect(within(await letters.boundingBox())).toBe(true);
    const fieldNames = page.locator('revogr-data[type="rowPinStart"][col-type="rgCol"] .rgCell[data-rgrow="0"]').first();
    expect(await fieldNames.textContent()).toBe('left.block_id');
    expect(within(await fieldNames.boundingBox())).toBe(true);
    const exception = page.locator('revogr-data[type="rowPinStart"][col-type="colPinEnd"] .rgCell[data-rgrow="0"]');
    expect(await exception.textContent()).toBe('Exception');
    expect(within(await exception.boundingBox())).toBe(true);
    // The exception column's cell of row 10,000 sits beside it.
    const pinnedLast = page.locator('revogr-data[type="rgRow"][col-type="colPinEnd"] .rgCell[data-rgrow="9998"]');
    expect((await pinnedLast.boundingBox())?.y).toBe((await last.boundingBox())?.y);
    await screenshot(page, `readable-${tag}-03-row-10000`);
    await nameBox.fill('A1');
    await nameBox.press('Enter');
    await expect.poll(async () => within(await fieldNames.boundingBox())).toBe(true);
  });

  it('selects and edits through the frozen panes like any other cell', async () => {
    await page.getByLabel('Name box').fill('U2');
    await page.getByLabel('Name box').press('Enter');
    await expect.poll(() => page.getByLabel('Formula bar').inputValue()).toMatch(/^=IF\(C2="left only"/);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.getByLabel('Name box').inputValue()).toBe('U1');
    expect(await page.getByLabel('Formula bar').inputValue()).toBe('Exception');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByLabel('Name box').inputValue()).toBe('T1');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByLabel('Name box').inputValue()).toBe('T2');
    // Ctrl+Home goes to the first cell below the frozen row, as in Excel.
    await page.keyboard.press('Control+Home');
    await expect.poll(() => page.getByLabel('Name box').inputValue()).toBe('A2');
  });

  it('shows long text in full on hover, and a double-click on a border fits the column again', async () => {
    const id = await uploadWorkbook(page, h.url, `readable ${tag}`, {
      names: [],
      sheets: [
        {
          name: 'Notes',
          cells: [
            ['note', 'amount'],
            [LONG, 1234567.5],
            ['short', 2],
          ],
          columnWidths: [10, 4],
        },
      ],
    });
    await page.goto(`${h.url}/#/sheets/${id}`);
    const cell = (row: number, col: number) =>
      page.locator(`revogr-data[type="rgRow"][col-type="rgCol"] [data-rgrow="${row}"][data-rgcol="${col}"]`);
    await expect.poll(() => cell(1, 0).locator('span').getAttribute('title')).toBe(LONG);
    expect(await cell(2, 0).locator('span').getAttribute('title')).toBeNull(); // it fits: no tooltip
    await cell(1, 0).hover();
    await screenshot(page, `readable-${tag}-03-long-text`);
    // The amount column fits 1234567.5 though the workbook said 4 characters.
    const header = page.locator('revogr-header [role="columnheader"]').filter({ has: page.locator('.header-content', { hasText: /^B$/ }) });
    const fitted = (await header.boundingBox())!.width;
    expect((await rowFit(page, 'rgRow', 1)).find((c) => c.text === '1234567.5')).toEqual({ text: '1234567.5', fits: true });
    // Narrow it by dragging its border, then double-click the border: it fits again.
    const box = (await header.boundingBox())!;
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 50, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await header.boundingBox())!.width).toBeLessThan(fitted - 20);
    const narrow = (await header.boundingBox())!;
    await page.mouse.dblclick(narrow.x + narrow.width - 2, narrow.y + narrow.height / 2);
    await expect.poll(async () => Math.round((await header.boundingBox())!.width)).toBe(Math.round(fitted));
    expect(errors).toEqual([]);
  });

  it('shows error values in full in columns fitted to them (they are drawn bold)', async () => {
    // Each column holds a short header and one error: the error alone decides the width.
    const id = await uploadWorkbook(page, h.url, `errors ${tag}`, {
      names: [],
      sheets: [
        {
          name: 'Errors',
          cells: [
            ['a', 'b', 'c', 'd', 'e'],
            ['=BDAYS(Z99,46358,"NYSE")', '=1/0', '=NA()', '="x"+1', '=NYSEHOLIDAY(Z99)'],
          ],
        },
      ],
    });
    await page.goto(`${h.url}/#/sheets/${id}`);
    const shown = async () => (await rowFit(page, 'rgRow', 1)).filter((c) => c.text);
    await expect.poll(async () => (await shown()).map((c) => c.text)).toEqual(['#NUM!', '#DIV/0!', '#N/A', '#VALUE!', '#NUM!']);
    expect((await shown()).filter((c) => !c.fits)).toEqual([]);
    await screenshot(page, `readable-${tag}-04-errors`);
  });
});
