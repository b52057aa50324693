/**
 * The editor's live preview in Debian's chromium against the real server with the demo:
 * the count and what it covers agree with real runs of the whole datasets, the rule row
 * shows the first preview row's values instead of errors from empty inputs, and a formula
 * that does not parse is refused at entry with the parser's message, leaving the cell and
 * the preview as they were. Screenshots go to test-results/screenshots.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDatasets, loadDataset } from '../../db/datasets.service.js';
import { getSheetVersion, listSheets } from '../../db/sheets.service.js';
import { compareKeys } from '../../rules/key-order.js';
import { runRuleSheet } from '../../rules/run.js';
import { readSettings } from '../../rules/settings.js';
import type { Dataset, ResultRow } from '../../rules/types.js';
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

const formulaBar = () => page.getByLabel('Formula bar');
const number = async (testId: string) => Number((await page.getByTestId(testId).innerText()).replace(/,/g, ''));

async function goToCell(address: string) {
  await page.getByLabel('Name box').fill(address);
  await page.getByLabel('Name box').press('Enter');
  await page.waitForTimeout(150);
}

async function openSheet(name: string) {
  await page.goto(`${h.url}/#/sheets`);
  await page.getByRole('link', { name, exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(new RegExp(`^${name}`));
}

/** The text of every row-2 cell the grid shows, scrolled from the first column to the last. */
async function ruleRowTexts(tab: string): Promise<string[]> {
  // Rows freezes its field-name row (and pins the exception column): row 2 is the first scrolling row there.
  const row = tab === 'Rows' ? 0 : 1;
  const texts: string[] = [];
  for (const x of [0, 10_000]) {
    await page
      .locator('revo-grid revogr-viewport-scroll.rgCol')
      .first()
      .evaluate((el, left) => (el.scrollLeft = left), x);
    await page.waitForTimeout(200);
    texts.push(...(await page.locator(`revogr-data[type="rgRow"] [data-rgrow="${row}"]`).allInnerTexts()));
  }
  return texts;
}

/** A real run of the demo sheet over the whole datasets, as the server stores them. */
async function realRun(sheet: string): Promise<ResultRow[]> {
  const workbook = getSheetVersion(h.db, listSheets(h.db).find((s) => s.name === sheet)!.id).workbook;
  const settings = readSettings(workbook);
  const datasets: Record<string, Dataset> = {};
  for (const name of [settings.left!, settings.right!])
    datasets[name] = loadDataset(h.db, listDatasets(h.db).find((d) => d.name === name)!.id);
  const rows: ResultRow[] = [];
  await runRuleSheet({ workbook, datasets, sink: { columns: () => {}, rows: (batch) => void rows.push(...batch) } });
  return rows;
}

const exceptions = (rows: ResultRow[]) => rows.filter((r) => r.exception !== null).length;

describe('the live preview', () => {
  it('signs in as the first admin', async () => {
    await setUpFirstAdmin(page, h.url);
  });

  it('of fo-vs-broker counts what the real run finds for the blocks it covers, within 3 points of its share, and says what it covers', async () => {
    await openSheet('fo-vs-broker');
    await expect.poll(() => page.getByTestId('preview-count').count(), { timeout: 120_000 }).toBe(1);
    const covers = await page.getByTestId('preview-covers').innerText();
    expect(covers).toMatch(
      /^first 200 of 2,825 fo_blotter rows.* broker_confirms rows they can match; \d+ unmatched in their key range B\d+ to B\d+$/,
    );
    const [, from, to] = /key range (B\d+) to (B\d+)/.exec(covers)!;
    // The run's rows for the blocks in the preview's key range: the preview must count them alike.
    const real = await realRun('fo-vs-broker');
    const inRange = real.filter((r) => {
      const block = r.key.replace(/^(p\d+|left|right):/, '');
      return compareKeys([block], [from]) >= 0 && compareKeys([block], [to]) <= 0;
    });
    expect(await number('preview-rows')).toBe(inRange.length);
    expect(await number('preview-count')).toBe(exceptions(inRange));
    const share = (await number('preview-count')) / (await number('preview-rows'));
    expect(Math.abs(share - exceptions(inRange) / inRange.length)).toBeLessThanOrEqual(0.03);
    // And what a person reads off it: about the share of breaks the whole run finds.
    expect(Math.abs(share - exceptions(real) / real.length)).toBeLessThanOrEqual(0.03);
    console.log(
      `fo-vs-broker: preview ${await number('preview-count')} of ${await number('preview-rows')}; the run ${exceptions(real)} of ${real.length}, ${exceptions(inRange)} of ${inRange.length} in ${from}..${to}`,
    );
    await screenshot(page, 'preview-01-fo-vs-broker');
  });

  it('shows values, not errors, in the rule row of every demo sheet', async () => {
    for (const [sheet, tab] of [
      ['fo-vs-broker', 'Rows'],
      ['fo-vs-bo', 'Rows'],
      ['compliance', 'Rows'],
      ['positions-report', 'Positions'],
    ]) {
      await openSheet(sheet);
      if (tab === 'Rows') await expect.poll(() => page.getByTestId('preview-count').count(), { timeout: 120_000 }).toBe(1);
      await page.getByRole('tab', { name: tab }).click();
      const texts = await ruleRowTexts(tab);
      expect(texts.filter((t) => t.trim() !== '').length, `${sheet} row 2 shows values`).toBeGreaterThan(3);
      expect(
        texts.filter((t) => /#NAME\?|#VALUE!|#ERROR!|#REF!/.test(t)),
        `${sheet} row 2`,
      ).toEqual([]);
      await screenshot(page, `preview-02-rule-row-${sheet}`);
    }
  });

  it('of fo-vs-bo has the real run share of exceptions within 3 points', async () => {
    await openSheet('fo-vs-bo');
    await expect.poll(() => page.getByTestId('preview-count').count(), { timeout: 120_000 }).toBe(1);
    const real = await realRun('fo-vs-bo');
    const share = (await number('preview-count')) / (await number('preview-rows'));
    expect(Math.abs(share - exceptions(real) / real.length)).toBeLessThanOrEqual(0.03);
    expect(await page.getByTestId('preview-covers').innerText()).toMatch(
      /^first 200 of 2,825 fo_blotter rows and the \d+ of 2,826 bo_book rows/,
    );
  });

  it('refuses a formula that does not parse, keeping the cell and the preview', async () => {
    await openSheet('fo-vs-broker');
    await expect.poll(() => page.getByTestId('preview-count').count(), { timeout: 120_000 }).toBe(1);
    const count = await page.getByTestId('preview-count').innerText();
    await goToCell('U2');
    const before = await formulaBar().inputValue();
    const typed = '=IF(C2="left only","missing at broker",""))';
    await formulaBar().fill(typed);
    await formulaBar().press('Enter');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toMatch(/problem with this formula.*U2 keeps what it had.*Redundant input/s);
    // As in Excel, the typed text stays to be fixed; the preview still stands.
    expect(await formulaBar().inputValue()).toBe(typed);
    expect(await page.getByTestId('preview-count').innerText()).toBe(count);
    await screenshot(page, 'preview-03-refused-formula');
    await formulaBar().press('Escape');
    await expect.poll(() => alert.count()).toBe(0);
    await goToCell('V2');
    await goToCell('U2');
    expect(await formulaBar().inputValue()).toBe(before);
    expect(await page.getByTestId('preview-count').innerText()).toBe(count);

    // The in-cell editor refuses it too and, as Excel's, stays open on the text to fix it.
    await goToCell('V2');
    await page.keyboard.type('=1+');
    await page.keyboard.press('Enter');
    await expect.poll(() => alert.innerText()).toMatch(/V2 keeps what it had.*Parsing error/s);
    expect(await formulaBar().inputValue()).toBe('=1+');
    expect(await page.getByLabel('Name box').inputValue()).toBe('V2');
    await screenshot(page, 'preview-04-refused-in-cell');
    await page.keyboard.press('Escape');
    await expect.poll(() => alert.count()).toBe(0);
    await goToCell('V2');
    expect(await formulaBar().inputValue()).toBe('');
    // Fixed in the cell editor, the entry goes in.
    await page.keyboard.type('=1+');
    await page.keyboard.press('Enter');
    await expect.poll(() => alert.count()).toBe(1);
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await expect.poll(() => alert.count()).toBe(0);
    await goToCell('V2');
    expect(await formulaBar().inputValue()).toBe('=1+2');
    expect(errors).toEqual([]);
  });
});
