/**
 * Excel's keyboard in the sheet grid, key by key, in Debian's chromium against the real
 * server, at 1280x800 and at 1920x1080. Each step reads the result the way a person does
 * (the name box shows the active cell, the formula bar its content, the grid its value)
 * and, at the end, the saved workbook on the server (the model's truth). Keys are typed
 * with no delay right after Tab and Enter, and every character must arrive.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workbook } from '../../rules/workbook.js';
import { gridDriver, uploadWorkbook } from './grid-helpers.js';
import { screenshot, setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

/** The sheet every viewport starts from: a block A1:D4 with formulas, a gap, a lone row and a far cell. */
const WORKBOOK: Workbook = {
  names: [],
  sheets: [
    {
      name: 'Data',
      cells: [
        ['item', 'qty', 'price', 'total', null, null, 'far'],
        ['a', 2, 10, '=B2*C2'],
        ['b', 3, 20, '=B3*C3'],
        ['c', 4, 30, '=B4*C4'],
        [],
        ['x', 1],
      ],
    },
  ],
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe.each([
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
])('the grid at $width x $height', (viewport) => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let sheetId: number;
  const tag = `${viewport.width}x${viewport.height}`;
  const g = () => gridDriver(page);
  const press = async (...keys: string[]) => {
    for (const key of keys) await page.keyboard.press(key);
  };

  beforeAll(async () => {
    // Clipboard permissions let Ctrl+X/V and the menu's Paste reach the system clipboard headless.
    context = await h.browser.newContext({ viewport, permissions: ['clipboard-read', 'clipboard-write'] });
    page = await context.newPage();
    errors = watchConsole(page);
  });
  afterAll(async () => context?.close());

  it('signs in and opens a sheet of its own', async () => {
    if (viewport.width === 1280) await setUpFirstAdmin(page, h.url);
    else {
      await page.goto(`${h.url}/#/sheets`);
      await page.getByLabel('E-mail').fill('ada@example.com');
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: /Sign in/ }).click();
      await expect.poll(() => page.getByRole('link', { name: 'fo-vs-broker' }).count()).toBe(1);
    }
    sheetId = await uploadWorkbook(page, h.url, `grid ${tag}`, WORKBOOK);
    await page.goto(`${h.url}/#/sheets/${sheetId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^grid/);
    await g().at('A1');
  });

  it('Ctrl+arrows jump to the edges of the data, Ctrl+Home and Ctrl+End to its corners', async () => {
    await g().goTo('A1');
    await press('Control+ArrowDown');
    await g().at('A4'); // the end of the filled block A1:A4
    await press('Control+ArrowDown');
    await g().at('A6'); // across the gap, to the next filled cell
    await press('Control+ArrowDown');
    await g().at('A10000'); // nothing below: the sheet's last row
    await press('Control+ArrowUp');
    await g().at('A6');
    await press('Control+Home');
    await g().at('A1');
    await press('Control+ArrowRight');
    await g().at('D1');
    await press('Control+ArrowRight');
    await g().at('G1');
    await press('Control+ArrowLeft');
    await g().at('D1');
    await press('Control+End');
    await g().at('G6'); // the last used row and column
    await press('Control+Home', 'ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowUp', 'ArrowLeft');
    await g().at('B1');
    await press('Home');
    await g().at('A1');
  });

  it('Shift+arrows and Ctrl+Shift+arrows extend the selection; Ctrl+A selects the data', async () => {
    await g().goTo('B2');
    await press('Shift+ArrowDown', 'Shift+ArrowRight');
    await expect.poll(() => g().range()).toEqual({ x: 1, y: 1, x1: 2, y1: 2 });
    await g().at('B2'); // the active cell stays where the selection started
    await g().goTo('A1');
    await press('Control+Shift+ArrowDown', 'Control+Shift+ArrowRight');
    await expect.poll(() => g().range()).toEqual({ x: 0, y: 0, x1: 3, y1: 3 });
    await screenshot(page, `grid-${tag}-01-selection`);
    await press('Control+a');
    await expect.poll(() => g().range()).toEqual({ x: 0, y: 0, x1: 6, y1: 5 });
  });

  it('typing over a cell replaces it; Enter and Shift+Enter commit and move down and up', async () => {
    await g().goTo('A2');
    await page.keyboard.type('apple');
    expect(await g().editorText()).toBe('apple');
    // The formula bar shows what is being typed, as in Excel.
    expect(await g().formulaBar().inputValue()).toBe('apple');
    await press('Enter');
    await g().at('A3');
    await page.keyboard.type('berry');
    await press('Shift+Enter');
    await g().at('A2');
    expect(await g().contentOf('A2')).toBe('apple');
    expect(await g().contentOf('A3')).toBe('berry');
    await expect.poll(() => g().cell('A3').innerText()).toBe('berry');
  });

  it('an arrow after typing commits and moves; after F2 it moves the caret', async () => {
    await g().goTo('A8');
    await page.keyboard.type('price');
    await press('ArrowRight');
    await g().at('B8');
    await page.keyboard.type('broker');
    await press('Enter');
    expect(await g().contentOf('A8')).toBe('price');
    expect(await g().contentOf('B8')).toBe('broker');

    // F2 edits with the caret at the end; arrows move the caret inside the text.
    await g().goTo('A8');
    await press('F2');
    expect(await g().editorText()).toBe('price');
    await press('ArrowLeft', 'ArrowLeft');
    await page.keyboard.type('X');
    await press('End');
    await page.keyboard.type('!');
    expect(await g().editorText()).toBe('priXce!');
    await press('Enter');
    await g().at('A9');
    expect(await g().contentOf('A8')).toBe('priXce!');
  });

  it('Tab and Shift+Tab commit and move right and left; Enter after Tabs goes back to the first column', async () => {
    await g().goTo('A11');
    await page.keyboard.type('one');
    await press('Tab');
    await g().at('B11');
    await page.keyboard.type('two');
    await press('Tab');
    await page.keyboard.type('three');
    await press('Enter');
    await g().at('A12');
    expect(await g().contentOf('A11')).toBe('one');
    expect(await g().contentOf('B11')).toBe('two');
    expect(await g().contentOf('C11')).toBe('three');
    await g().goTo('C11');
    await press('Shift+Tab');
    await g().at('B11');
    await press('Tab', 'Tab');
    await g().at('D11');
  });

  it('loses no key however fast it comes after Tab and Enter', async () => {
    await g().goTo('A14');
    // One burst: no delay between any two keys, Tab and Enter included.
    for (const [text, key] of [
      ['abc', 'Tab'],
      ['def', 'Tab'],
      ['ghi', 'Enter'],
      ['jkl', 'Tab'],
      ['mno', 'Enter'],
    ]) {
      await page.keyboard.type(text, { delay: 0 });
      await page.keyboard.press(key, { delay: 0 });
    }
    await g().at('A16');
    const contents = [];
    for (const address of ['A14', 'B14', 'C14', 'A15', 'B15']) contents.push(await g().contentOf(address));
    expect(contents).toEqual(['abc', 'def', 'ghi', 'jkl', 'mno']);
    // And straight after a single Tab or Enter, too.
    await g().goTo('E14');
    await page.keyboard.press('Tab');
    await page.keyboard.type('quick', { delay: 0 });
    await page.keyboard.press('Enter');
    await page.keyboard.type('fox', { delay: 0 });
    await page.keyboard.press('Enter');
    expect(await g().contentOf('F14')).toBe('quick');
    expect(await g().contentOf('F15')).toBe('fox');
  });

  it('Esc cancels an edit, typed or F2, and the cell keeps what it had', async () => {
    await g().goTo('A2');
    await page.keyboard.type('zzz');
    await press('Escape');
    await g().at('A2');
    expect(await g().editorText()).toBeNull();
    expect(await g().formulaBar().inputValue()).toBe('apple');
    await press('F2');
    await page.keyboard.type('q');
    await press('Escape');
    expect(await g().contentOf('A2')).toBe('apple');
  });

  it('Delete clears the selection; Backspace empties the cell and starts typing', async () => {
    await g().goTo('A14');
    await press('Shift+ArrowRight', 'Shift+ArrowDown');
    await press('Delete');
    for (const address of ['A14', 'B14', 'A15', 'B15']) expect(await g().contentOf(address), address).toBe('');
    expect(await g().contentOf('C14')).toBe('ghi');
    await g().goTo('C14');
    await press('Backspace');
    await page.keyboard.type('new');
    await press('Enter');
    expect(await g().contentOf('C14')).toBe('new');
  });

  it('Ctrl+C and Ctrl+V paste as Excel does: relative references shift', async () => {
    await g().goTo('A1');
    await press('Control+Shift+ArrowDown', 'Control+Shift+ArrowRight');
    await expect.poll(() => g().range()).toEqual({ x: 0, y: 0, x1: 3, y1: 3 });
    await press('Control+c');
    await g().goTo('A20');
    await press('Control+v');
    // The pasted block is selected, as in Excel.
    await expect.poll(() => g().range()).toEqual({ x: 0, y: 19, x1: 3, y1: 22 });
    expect(await g().contentOf('D21')).toBe('=B21*C21');
    expect(await g().contentOf('A21')).toBe('apple');
    await expect.poll(() => g().cell('D22').innerText()).toBe('60'); // 3 * 20, as in D3
    // The system clipboard holds Excel's tab-separated text.
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^item\tqty\tprice\ttotal\napple\t2\t10\t=B2\*C2\n/);
  });

  it('Ctrl+X and Ctrl+V move a cell, and the formulas that read it follow', async () => {
    await g().goTo('B2');
    await press('Control+x');
    await g().goTo('F2');
    await press('Control+v');
    expect(await g().contentOf('F2')).toBe('2');
    expect(await g().contentOf('B2')).toBe('');
    expect(await g().contentOf('D2')).toBe('=F2*C2');
    await expect.poll(() => g().cell('D2').innerText()).toBe('20');
    await press('Control+z');
    expect(await g().contentOf('B2')).toBe('2');
    expect(await g().contentOf('D2')).toBe('=B2*C2');
  });

  it('Ctrl+D and Ctrl+R fill down and right; Ctrl+Z and Ctrl+Y undo and redo', async () => {
    await g().goTo('E2');
    await page.keyboard.type('=B2+1');
    await press('Enter');
    await g().at('E3');
    await press('Control+d');
    expect(await g().contentOf('E3')).toBe('=B3+1'); // the cell above, filled down
    await g().goTo('E2');
    await press('Shift+ArrowDown', 'Shift+ArrowDown', 'Control+d');
    expect(await g().contentOf('E4')).toBe('=B4+1');
    await g().goTo('F3');
    await press('Control+r');
    expect(await g().contentOf('F3')).toBe('=C3+1'); // the cell to the left, filled right
    await expect.poll(() => g().cell('F3').innerText()).toBe('21');
    await press('Control+z');
    expect(await g().contentOf('F3')).toBe('');
    await press('Control+y');
    expect(await g().contentOf('F3')).toBe('=C3+1');
  });

  it('F4 cycles the $ of the reference being typed', async () => {
    await g().goTo('H2');
    await page.keyboard.type('=B2');
    const cycle = [];
    for (let i = 0; i < 4; i++) {
      await press('F4');
      cycle.push(await g().editorText());
    }
    expect(cycle).toEqual(['=$B$2', '=B$2', '=$B2', '=B2']);
    await press('F4');
    await page.keyboard.type('+SUM(B2:C3');
    await press('F4');
    await page.keyboard.type(')');
    expect(await g().editorText()).toBe('=$B$2+SUM($B$2:$C$3)');
    await press('Enter');
    expect(await g().contentOf('H2')).toBe('=$B$2+SUM($B$2:$C$3)');
    await expect.poll(() => g().cell('H2').innerText()).toBe('37'); // 2 + (2 + 10 + 3 + 20)
  });

  it('the name box and the formula bar hand the keyboard back to the grid on Enter', async () => {
    await g().nameBox().fill('C30');
    await g().nameBox().press('Enter');
    await page.keyboard.type('99', { delay: 0 });
    await press('Enter');
    await g().at('C31');
    expect(await g().contentOf('C30')).toBe('99');
    await g().goTo('C31');
    await g().formulaBar().fill('=C30+1');
    await g().formulaBar().press('Enter');
    await g().at('C32');
    await page.keyboard.type('5', { delay: 0 });
    await press('Enter');
    expect(await g().contentOf('C32')).toBe('5');
    await expect.poll(() => g().cell('C31').innerText()).toBe('100');
  });

  it('a click followed at once by the name box leaves the keyboard in the name box', async () => {
    // The grid reports a click's focus late: that report must not pull the keyboard back from
    // where the user has gone since (a CI run lost an Enter to it, and the grid moved down).
    await g().goTo('A1');
    // Any drawn cell of column B will do (which rows are drawn depends on the scrolling before).
    await page.locator('revogr-data[type="rgRow"][col-type="rgCol"] [data-rgcol="1"]').first().waitFor({ state: 'attached' });
    const { focused, row } = await page.evaluate(async () => {
      const cell = document.querySelector('revogr-data[type="rgRow"][col-type="rgCol"] [data-rgcol="1"]') as HTMLElement;
      const { x, y } = cell.getBoundingClientRect();
      const init = { bubbles: true, composed: true, button: 0, clientX: x + 5, clientY: y + 5 };
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
        cell.dispatchEvent(type.startsWith('pointer') ? new PointerEvent(type, init) : new MouseEvent(type, init));
      (document.querySelector('[aria-label="Name box"]') as HTMLInputElement).focus();
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { focused: document.activeElement?.getAttribute('aria-label'), row: Number(cell.dataset.rgrow) };
    });
    expect(focused).toBe('Name box');
    await g().at(`B${row + 1}`);
    expect(await g().contentOf('C30')).toBe('99');
  });

  it('completes function names in the cell with Excel argument names, and Tab takes one', async () => {
    await g().goTo('H4');
    await page.keyboard.type('=vloo');
    const list = page.getByRole('listbox', { name: 'Functions' });
    await expect.poll(() => list.innerText()).toMatch(/VLOOKUP\(lookup_value, table_array, col_index_num, \[range_lookup\]\)/);
    await screenshot(page, `grid-${tag}-02-completion`);
    await press('Tab');
    expect(await g().editorText()).toBe('=VLOOKUP(');
    await page.keyboard.type('"c",A2:D4,4,FALSE)');
    await press('Enter');
    await expect.poll(() => g().cell('H4').innerText()).toBe('120'); // D4: 4 * 30
    // And in the formula bar.
    await g().goTo('H5');
    await g().formulaBar().fill('=IFERR');
    await expect.poll(() => list.innerText()).toMatch(/IFERROR\(value, value_if_error\)/);
    await g().formulaBar().press('Escape');
    await expect.poll(() => list.count()).toBe(0);
  });

  it('double-click edits the cell with the caret at the end', async () => {
    await g().goTo('A1');
    await g().cell('A3').dblclick();
    await expect.poll(() => g().editorText()).toBe('berry');
    await page.keyboard.type('!');
    await press('Enter');
    expect(await g().contentOf('A3')).toBe('berry!');
  });

  it('offers cut, copy, paste, insert and delete rows and columns, and clear on right-click', async () => {
    const menu = page.getByRole('menu', { name: 'Cell' });
    await g().cell('B3').click({ button: 'right' });
    await g().at('B3');
    const items = async () => (await menu.getByRole('menuitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    await expect
      .poll(items)
      .toEqual([
        'Cut Ctrl+X',
        'Copy Ctrl+C',
        'Paste Ctrl+V',
        'Insert row above',
        'Delete row',
        'Insert column left',
        'Delete column',
        'Clear contents Delete',
      ]);
    await screenshot(page, `grid-${tag}-03-menu`);
    await menu.getByRole('menuitem', { name: 'Copy' }).click();
    await g().goTo('B40');
    await g().cell('B40').click({ button: 'right' });
    await menu.getByRole('menuitem', { name: 'Paste' }).click();
    expect(await g().contentOf('B40')).toBe('3');

    // Insert a row above row 3: the formulas below move down and read their own rows still.
    await g().goTo('A3');
    await g().cell('A3').click({ button: 'right' });
    await menu.getByRole('menuitem', { name: 'Insert row above' }).click();
    expect(await g().contentOf('A3')).toBe('');
    expect(await g().contentOf('D4')).toBe('=B4*C4');
    expect(await g().contentOf('A4')).toBe('berry!');
    await g().goTo('A3');
    await g().cell('A3').click({ button: 'right' });
    await menu.getByRole('menuitem', { name: 'Delete row' }).click();
    expect(await g().contentOf('D3')).toBe('=B3*C3');

    // Insert a column left of B: qty moves to C, and total reads it there.
    await g().goTo('B2');
    await g().cell('B2').click({ button: 'right' });
    await menu.getByRole('menuitem', { name: 'Insert column left' }).click();
    expect(await g().contentOf('E2')).toBe('=C2*D2');
    await press('Control+z');
    expect(await g().contentOf('D2')).toBe('=B2*C2');
    await g().goTo('G1');
    await g().cell('G1').click({ button: 'right' });
    await menu.getByRole('menuitem', { name: 'Delete column' }).click();
    expect(await g().contentOf('G1')).toBe('');

    // Two rows selected: the menu deletes both.
    await g().goTo('A40');
    await press('Shift+ArrowDown');
    await g().cell('A40').click({ button: 'right' });
    await expect.poll(() => menu.getByRole('menuitem', { name: /Delete 2 rows/ }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);

    // Cut from the menu, paste with the keyboard.
    await g().goTo('C30');
    await g().cell('C30').click({ button: 'right' });
    await menu.getByRole('menuitem', { name: 'Cut' }).click();
    await g().goTo('C35');
    await press('Control+v');
    expect(await g().contentOf('C35')).toBe('99');
    expect(await g().contentOf('C30')).toBe('');
    expect(await g().contentOf('C31')).toBe('=C35+1');

    await g().goTo('C35');
    await g().cell('C35').click({ button: 'right' });
    await menu.getByRole('menuitem', { name: 'Clear contents' }).click();
    expect(await g().contentOf('C35')).toBe('');
  });

  it('saves what the keys did: the server holds the model', async () => {
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toMatch(/saved version 2/);
    const body = await (await page.request.get(`${h.url}/api/sheets/${sheetId}`)).json();
    const cells: unknown[][] = body.workbook.sheets[0].cells;
    const at = (address: string) => {
      const { row, col } = g().parse(address);
      return cells[row]?.[col] ?? null;
    };
    expect([at('A2'), at('A3'), at('A8'), at('B8'), at('A11'), at('C11'), at('F14'), at('G2'), at('D21')]).toEqual([
      'apple',
      'berry!',
      'priXce!',
      'broker',
      'one',
      'three',
      'quick',
      '=$B$2+SUM($B$2:$C$3)',
      '=B21*C21',
    ]);
    await screenshot(page, `grid-${tag}-04-after`);
    expect(errors).toEqual([]);
  });
});
