/** The real server listening on a free port over a fresh SQLite file with the demo loaded, and Debian's chromium. */
import { serve, type ServerType } from '@hono/node-server';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openDatabase, type Db } from '../../db/open.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { RunManager } from '../../server/runs/run-manager.js';
import { Scheduler } from '../../server/schedules/scheduler.js';
import { seedDemo } from '../../server/seed.js';
import { expect } from 'vitest';
import { tempDir } from '../helpers/files.js';
import { scratchDir, webBuildDir } from '../scratch.js';

export interface Harness {
  url: string;
  db: Db;
  runs: RunManager;
  browser: Browser;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const config = loadConfig({ TICKMARK_DATA_DIR: tempDir('tickmark-e2e-'), TICKMARK_DEMO: 'true' });
  const db = openDatabase(config.databasePath);
  await seedDemo(db, join(process.cwd(), 'examples'));
  const runs = new RunManager(db, { databasePath: config.databasePath, memoryMb: 1024 });
  const scheduler = new Scheduler(db, runs, {
    watchDir: config.watchDir,
    importLimits: config.importLimits,
    importMemoryMb: config.importMemoryMb,
  });
  const app = createApp({ db, config, runs, scheduler }, { webRoot: webBuildDir });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    runs,
    browser,
    async close() {
      await browser.close();
      await runs.shutdown();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const SHOTS = join(scratchDir, 'screenshots');

/** Keeps a screenshot of the page as a test artefact. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

/** Errors the page logged or threw, to assert there are none. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Creates the first admin through the setup page, as a new user does, and waits for the sheets list (home is the default page). */
export async function setUpFirstAdmin(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/#/sheets`);
  await page.getByLabel('E-mail').fill('ada@example.com');
  await page.getByLabel('Name').fill('Ada');
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: /Create admin/ }).click();
  // The list arrives after the heading: wait for it rather than count once.
  await expect.poll(() => page.getByRole('link', { name: 'fo-vs-broker' }).count()).toBe(1);
}
