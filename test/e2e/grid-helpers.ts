/** Driving and reading the sheet editor's grid as a person does: the name box, the formula bar, the cells. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Workbook } from '../../rules/workbook.js';

export function gridDriver(page: Page) {
  const nameBox = () => page.getByLabel('Name box');
  const formulaBar = () => page.getByLabel('Formula bar');
  const letters = (col: number) => {
    let s = '';
    for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const parse = (address: string) => {
    const [, l, r] = /^([A-Z]+)(\d+)$/.exec(address)!;
    return { row: Number(r) - 1, col: [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 };
  };
  return {
    nameBox,
    formulaBar,
    letters,
    parse,
    /** The cell of a sheet without frozen panes, as the grid draws it. */
    cell: (address: string) => {
      const { row, col } = parse(address);
      return page.locator(`revogr-data[type="rgRow"][col-type="rgCol"] [data-rgrow="${row}"][data-rgcol="${col}"]`);
    },
    /** Where the keyboard is: the name box shows the active cell. */
    async at(address: string) {
      await expect.poll(() => nameBox().inputValue()).toBe(address);
    },
    /** Selects a cell through the name box (Enter hands the keyboard back to the grid). */
    async goTo(address: string) {
      await nameBox().fill(address);
      await nameBox().press('Enter');
      await expect.poll(() => nameBox().inputValue()).toBe(address);
    },
    /** A cell's content as the formula bar shows it (the model's raw content). */
    async contentOf(address: string): Promise<string> {
      await nameBox().fill(address);
      await nameBox().press('Enter');
      await expect.poll(() => nameBox().inputValue()).toBe(address);
      return formulaBar().inputValue();
    },
    /** The selected block as the grid holds it (0-based, inclusive). */
    async range(): Promise<{ x: number; y: number; x1: number; y1: number } | null> {
      return page.evaluate(async () => {
        const grid = document.querySelector('revo-grid') as unknown as {
          getSelectedRange(): Promise<{ x: number; y: number; x1: number; y1: number } | null>;
        };
        const r = await grid.getSelectedRange();
        return r ? { x: r.x, y: r.y, x1: r.x1, y1: r.y1 } : null;
      });
    },
    /** The editor's text while a cell is edited (null when no edit is open). */
    async editorText(): Promise<string | null> {
      return page.evaluate(() => {
        const input = document.querySelector('.wrap .editor.editing input') as HTMLInputElement | null;
        return input ? input.value : null;
      });
    },
  };
}

/** Uploads a workbook as a new sheet through the API, as the Rule sheets page does, and returns its id. */
export async function uploadWorkbook(page: Page, url: string, name: string, workbook: Workbook): Promise<number> {
  const csrf = await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()).csrfToken);
  const response = await page.request.post(`${url}/api/sheets`, {
    multipart: { name, file: { name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(workbook)) } },
    headers: { 'X-Tickmark-CSRF': csrf },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).id;
}
