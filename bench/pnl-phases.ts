/**
 * The P&L benchmark's phases in one process, CPU seconds each (fair on a shared machine):
 * reading the two CSV files, booking with the checks, and producing the table rows.
 *
 *   npx tsx bench/pnl-phases.ts TRADES.csv CLOSES.csv
 */
import { readDatasetFile } from '../ingest/read-dataset.js';
import { bookReport } from '../rules/pnl/pnl-report.js';
import { PNL_TABLES, tableRows } from '../rules/pnl/tables.js';
import { readSettings } from '../rules/settings.js';
import type { Workbook } from '../rules/workbook.js';
import { PNL_SHEET } from './generate-pnl.js';

const [tradesPath, closesPath] = process.argv.slice(2);
const phases: Record<string, number> = {};
let cpu = process.cpuUsage();
const lap = (phase: string) => {
  const used = process.cpuUsage(cpu);
  phases[phase] = Math.round((used.user + used.system) / 1e4) / 100;
  cpu = process.cpuUsage();
};
const trades = (await readDatasetFile(tradesPath, { name: 'trades' })).dataset;
const closes = (await readDatasetFile(closesPath, { name: 'closes' })).dataset;
lap('import');
const booked = bookReport(readSettings(PNL_SHEET as Workbook).pnl!, { trades, closes });
lap('book');
let cells = 0;
for (const name of PNL_TABLES) for (const row of tableRows(booked.books, name)) cells += row.length;
lap('rows');
process.stdout.write(`${JSON.stringify({ phases, cells, failed: booked.failed.length })}\n`);
