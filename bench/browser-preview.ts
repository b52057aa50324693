/**
 * Browser benchmark (issue: the grid), in Debian's chromium against the real server:
 * - a 100k-row dataset preview: time until the first rows show, then a scroll from top to
 *   bottom in 40 steps, with the longest frame and the long tasks (> 50 ms) counted;
 * - the live preview: 20 edits of the demo reconciliation's exception formula, each
 *   re-evaluating its preview in the page (the first 200 fills, completed to whole blocks,
 *   and the confirms the server's key index finds for them); the time each took, as the
 *   page measures it.
 *
 *   npx tsx bench/browser-preview.ts
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { startHarness } from '../test/e2e/harness.js';

// The page under test is the built web app, as `npm start` serves it.
await build({ configFile: join(process.cwd(), 'vite.config.ts'), logLevel: 'error' });
const h = await startHarness();
try {
  const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(h.url);
  await page.getByLabel('E-mail').fill('bench@example.com');
  await page.getByLabel('Name').fill('Bench');
  await page.getByLabel('Password').fill('bench password 1');
  await page.getByRole('button', { name: /Create admin/ }).click();
  await page.getByRole('heading', { name: 'Rule sheets' }).waitFor();

  // 100k rows of ten columns, imported through the API as the page itself would.
  const lines = ['id,trade_date,account,symbol,side,quantity,price,commission,venue,note'];
  for (let i = 0; i < 100_000; i++)
    lines.push(
      `T${i},2026-11-${16 + (i % 5)},ACC${i % 7},SYM${i % 40},${i % 2 ? 'BUY' : 'SELL'},${100 + (i % 900)},${(10 + (i % 500) / 7).toFixed(4)},${(i % 13) / 10},V${i % 3},row ${i}`,
    );
  const csv = join('bench', 'out', 'preview-100k.csv');
  writeFileSync(csv, lines.join('\n'));
  const csrf = await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()).csrfToken);
  const form = { name: 'big', file: { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) } };
  const imported = await page.request.post(`${h.url}/api/datasets`, { multipart: form, headers: { 'X-Tickmark-CSRF': csrf } });
  const { id } = await imported.json();

  let started = performance.now();
  await page.goto(`${h.url}/#/datasets/${id}`);
  const table = page.getByRole('table', { name: 'Rows of big' });
  await table.getByText('T0', { exact: true }).waitFor();
  const firstRows = performance.now() - started;

  const scroll = await table.evaluate(async (el) => {
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
    observer.observe({ type: 'longtask', buffered: false });
    const frames: number[] = [];
    let last = performance.now();
    const steps = 40;
    for (let i = 1; i <= steps; i++) {
      el.scrollTop = ((el.scrollHeight - el.clientHeight) * i) / steps;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    // Let the last pages arrive, then see that the bottom rows are there.
    await new Promise((r) => setTimeout(r, 500));
    observer.disconnect();
    return {
      longest: Math.max(...frames),
      median: frames.sort((a, b) => a - b)[frames.length >> 1],
      longTasks,
      bottom: (el as HTMLElement).innerText.includes('T99999'),
    };
  });

  await page.goto(`${h.url}/#/sheets`);
  await page.getByRole('link', { name: 'fo-vs-broker' }).click();
  await page.getByTestId('preview-count').waitFor({ timeout: 30_000 });
  const timings: number[] = [];
  const formulas = ['=IF(C2="left only","missing at broker","")', '=IF(C2="matched","","unmatched")'];
  for (let i = 0; i < 20; i++) {
    await page.getByLabel('Name box').fill('U2');
    await page.getByLabel('Name box').press('Enter');
    await page.getByLabel('Formula bar').fill(formulas[i % 2]);
    const before = await page.locator('.preview-note').innerText();
    started = performance.now();
    await page.getByLabel('Formula bar').press('Enter');
    await page.waitForFunction((text) => document.querySelector('.preview-note')?.textContent?.trim() !== text.trim(), before);
    const note = await page.locator('.preview-note').innerText();
    timings.push(Number(/(\d+) ms/.exec(note)![1]));
  }
  const sorted = [...timings].sort((a, b) => a - b);

  console.log(
    `machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${await h.browser.version()}`,
  );
  console.log(`dataset preview, 100,000 rows x 10 columns: first rows in ${firstRows.toFixed(0)} ms`);
  console.log(
    `scroll top to bottom in 40 steps: median frame ${scroll.median.toFixed(0)} ms, longest ${scroll.longest.toFixed(0)} ms, ${scroll.longTasks.length} long tasks (${scroll.longTasks.map((d) => d.toFixed(0)).join(', ') || 'none'}), last row shown: ${scroll.bottom}`,
  );
  console.log(
    `live preview, ${await page.getByTestId('preview-rows').innerText()} rows re-evaluated after a formula edit (20 edits): median ${sorted[10]} ms, fastest ${sorted[0]} ms, slowest ${sorted[19]} ms`,
  );
} finally {
  await h.close();
}
