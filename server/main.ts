/**
 * `npm start`: the server on the embedded SQLite database, with the demo material on
 * first start. Stops gracefully on SIGINT/SIGTERM: no new requests, the running run is
 * recorded as interrupted, the database closed.
 */
import { serve } from '@hono/node-server';
import { join } from 'node:path';
import { openDatabase } from '../db/open.js';
import { failInterruptedRuns } from '../db/runs.service.js';
import { claimDataDir, releaseDataDir } from '../db/server-lock.js';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { RunManager } from './runs/run-manager.js';
import { Scheduler } from './schedules/scheduler.js';
import { seedAdmin, seedDemo } from './seed.js';
import { cleanUploadScratch } from './upload-scratch.js';

let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  console.error(`tickmark: ${(error as Error).message}`);
  process.exit(1);
}

const db = openDatabase(config.databasePath);
// `tickmark restore` refuses while this file names a live server.
const { dataDir } = config;
claimDataDir(dataDir);
const leftovers = cleanUploadScratch(config.dataDir);
if (leftovers) console.log(`removed ${leftovers} upload scratch file(s) left by an earlier stop`);
const interrupted = failInterruptedRuns(db);
if (interrupted.length) console.log(`marked ${interrupted.length} interrupted run(s) failed: ${interrupted.join(', ')}`);
if (seedAdmin(db, config)) console.log(`created the admin ${config.admin!.email}`);
if (config.demo) {
  const seeded = await seedDemo(db, join(process.cwd(), 'examples'));
  if (seeded.datasets || seeded.sheets) console.log(`loaded the demo: ${seeded.datasets} datasets, ${seeded.sheets} rule sheets`);
}

const runs = new RunManager(db, { databasePath: config.databasePath, memoryMb: config.runMemoryMb });
const scheduler = new Scheduler(db, runs, {
  watchDir: config.watchDir,
  importLimits: config.importLimits,
  importMemoryMb: config.importMemoryMb,
});
scheduler.start();
const app = createApp({ db, config, runs, scheduler }, { webRoot: join(process.cwd(), 'dist', 'web') });
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Tickmark is running on http://localhost:${info.port} (data in ${config.dataDir})`);
});

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  server.close();
  scheduler.stop();
  await runs.shutdown();
  failInterruptedRuns(db);
  db.$client.close();
  releaseDataDir(dataDir);
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
