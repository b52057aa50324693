/**
 * The web app under its Content-Security-Policy in Debian's chromium, at 1280x800 and
 * 1920x1080 (each over a fresh server with the demo): after signing in, every page (Home, Rule
 * sheets, a sheet editor, Datasets, a dataset, Runs, a reconciliation's and a P&L report's run
 * page, Exceptions, Reviews, Calendar, an expiration run-book, Schedules, Users, Tokens, Audit)
 * renders with the policy on and nothing is refused: no `securitypolicyviolation` event and no
 * console error. Screenshots of each page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

declare global {
  interface Window {
    cspViolations: string[];
  }
}

describe.each(VIEWPORTS)('pages under the CSP at $width x $height', (viewport) => {
  const tag = `${viewport.width}x${viewport.height}`;
  let h: Harness;
  let page: Page;
  let errors: string[];
  const ids: Record<string, number> = {};
  const get = async <T = unknown>(path: string): Promise<T> => (await page.request.get(`${h.url}${path}`)).json() as Promise<T>;
  const violations = () => page.evaluate(() => window.cspViolations);

  beforeAll(async () => {
    h = await startHarness();
    page = await h.browser.newPage({ viewport });
    errors = watchConsole(page);
    // Runs before the page's own scripts, from outside the page (not subject to its CSP).
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`),
      );
    });
  });
  afterAll(async () => h?.close());

  it('serves the app with the policy and signs in under it', async () => {
    const response = await page.goto(`${h.url}/`);
    const csp = response!.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response!.headers()['x-frame-options']).toBe('DENY');
    await setUpFirstAdmin(page, h.url);
    expect(await violations()).toEqual([]);

    const sheets = await get<{ id: number; name: string }[]>('/api/sheets');
    const datasets = await get<{ id: number; name: string }[]>('/api/datasets');
    const sheet = (name: string) => sheets.find((s) => s.name === name)!.id;
    const data = (...names: string[]) => Object.fromEntries(names.map((n) => [n, datasets.find((d) => d.name === n)!.id]));
    const csrf = (await get<{ csrfToken: string }>('/api/auth/me')).csrfToken;
    const run = async (name: string, inputs: Record<string, number>) => {
      const started = await page.request.post(`${h.url}/api/sheets/${sheet(name)}/runs`, {
        data: { data: inputs },
        headers: { 'X-Tickmark-CSRF': csrf },
      });
      expect(started.status()).toBe(202);
      return ((await started.json()) as { id: number }).id;
    };
    ids.sheet = sheet('fo-vs-broker');
    ids.dataset = datasets.find((d) => d.name === 'fo_blotter')!.id;
    ids.recon = await run('fo-vs-broker', data('fo_blotter', 'broker_confirms'));
    ids.pnl = await run('pnl', data('pnl_trades', 'pnl_prices', 'pnl_fx'));
    await h.runs.idle();
  });

  // [name, hash route, what the page shows once its data is in]
  const pages: [string, () => string, (p: Page) => Promise<boolean>][] = [
    ['home', () => '#/', (p) => p.getByRole('table', { name: 'Open breaks by sheet and age' }).isVisible()],
    ['sheets', () => '#/sheets', (p) => p.getByRole('link', { name: 'fo-vs-broker' }).isVisible()],
    // The grid has drawn its cells (RevoGrid's own <style> elements are what the policy must allow).
    [
      'sheet-editor',
      () => `#/sheets/${ids.sheet}`,
      (p) => p.locator('revogr-data').getByText('left.block_id', { exact: true }).first().isVisible(),
    ],
    ['datasets', () => '#/datasets', (p) => p.getByRole('link', { name: 'fo_blotter' }).first().isVisible()],
    ['dataset', () => `#/datasets/${ids.dataset}`, (p) => p.getByRole('row').nth(2).isVisible()],
    ['runs', () => '#/runs', (p) => p.getByRole('link', { name: `#${ids.pnl}` }).isVisible()],
    ['run-recon', () => `#/runs/${ids.recon}`, (p) => p.getByText('succeeded').first().isVisible()],
    ['run-pnl', () => `#/runs/${ids.pnl}`, (p) => p.locator('.uplot canvas').first().isVisible()],
    ['queue', () => '#/queue', (p) => p.getByRole('checkbox').nth(1).isVisible()],
    ['reviews', () => '#/reviews', (p) => p.getByRole('heading', { name: 'Reviews', level: 1 }).isVisible()],
    ['calendar', () => '#/calendar', (p) => p.getByRole('grid').first().isVisible()],
    ['runbook', () => '#/expirations/2026-11-20', (p) => p.getByRole('heading', { name: /Expiration run-book/, level: 1 }).isVisible()],
    ['schedules', () => '#/schedules', (p) => p.getByRole('heading', { name: 'Schedules', level: 1 }).isVisible()],
    ['users', () => '#/users', (p) => p.getByRole('cell', { name: 'ada@example.com', exact: true }).isVisible()],
    ['tokens', () => '#/tokens', (p) => p.getByRole('heading', { name: 'API tokens', level: 1 }).isVisible()],
    ['audit', () => '#/audit', (p) => p.getByRole('cell', { name: 'session.start' }).first().isVisible()],
  ];

  it.each(pages)('renders %s with nothing refused by the policy', async (name, route, ready) => {
    await page.goto(`${h.url}/${route()}`);
    await expect.poll(() => ready(page), { timeout: 15_000 }).toBe(true);
    await screenshot(page, `security-headers-${tag}-${name}`);
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });
});
