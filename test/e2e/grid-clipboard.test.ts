/**
 * The menu's Cut or Copy writes the system clipboard asynchronously; a Ctrl+V that comes
 * before the write is done must paste the block, not what the clipboard held before. The
 * write is slowed here (the real clipboard, called 1.5 s late) so the race always happens.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { gridDriver, uploadWorkbook } from './grid-helpers.js';
import { setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

let h: Harness;
let page: Page;
let errors: string[];
beforeAll(async () => {
  h = await startHarness();
  const context = await h.browser.newContext({
    viewport: { width: 1280, height: 800 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  await context.addInitScript(() => {
    const clipboard = navigator.clipboard;
    const write = clipboard.writeText.bind(clipboard);
    clipboard.writeText = (text: string) => new Promise((resolve) => setTimeout(resolve, 1500)).then(() => write(text));
  });
  page = await context.newPage();
  errors = watchConsole(page);
});
afterAll(async () => h?.close());

it('pastes the block the menu just cut, though the clipboard write has not finished', async () => {
  await setUpFirstAdmin(page, h.url);
  const id = await uploadWorkbook(page, h.url, 'clipboard race', { names: [], sheets: [{ name: 'Data', cells: [['old'], ['cut me']] }] });
  await page.goto(`${h.url}/#/sheets/${id}`);
  const g = gridDriver(page);
  await g.at('A1');
  // The system clipboard holds "old" (written, and waited for).
  await page.evaluate(() => navigator.clipboard.writeText('old'));
  await g.goTo('A2');
  await g.cell('A2').click({ button: 'right' });
  await page.getByRole('menu', { name: 'Cell' }).getByRole('menuitem', { name: 'Cut' }).click();
  await g.goTo('C5');
  await page.keyboard.press('Control+v');
  await expect.poll(() => g.cell('C5').innerText()).toBe('cut me');
  expect(await g.contentOf('A2')).toBe('');
  expect(errors).toEqual([]);
});
