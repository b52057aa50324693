/**
 * First start: the demo material from examples/ (datasets and rule sheets), so a new
 * install has something to open, and the unattended admin when the environment names one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { listDatasets } from '../db/datasets.service.js';
import type { Db } from '../db/open.js';
import { createSheet, listSheets } from '../db/sheets.service.js';
import { createUser, userCount } from '../db/users.service.js';
import { importDatasetFile } from './datasets/import-dataset.js';
import { readWorkbookXlsx } from '../rules/xlsx/read-workbook.js';
import type { Config } from './config.js';

/** Loads examples/ into an empty database; does nothing once anything exists. */
export async function seedDemo(db: Db, examplesDir: string): Promise<{ datasets: number; sheets: number }> {
  if (listDatasets(db).length > 0 || listSheets(db).length > 0) return { datasets: 0, sheets: 0 };
  const dataDir = join(examplesDir, 'data');
  const sheetDir = join(examplesDir, 'sheets');
  let datasets = 0;
  let sheets = 0;
  for (const file of safeList(dataDir).filter((f) => f.endsWith('.csv'))) {
    const name = basename(file, '.csv');
    await importDatasetFile(db, join(dataDir, file), { name, sourceName: file });
    datasets += 1;
  }
  for (const file of safeList(sheetDir).filter((f) => f.endsWith('.xlsx'))) {
    const { workbook } = readWorkbookXlsx(new Uint8Array(readFileSync(join(sheetDir, file))), file);
    createSheet(db, { name: basename(file, extname(file)), workbook, note: 'demo', approvedBySystem: 'demo sheet, approved at install' });
    sheets += 1;
  }
  return { datasets, sheets };
}

/** Creates the admin from TICKMARK_ADMIN_EMAIL/PASSWORD on an empty database. */
export function seedAdmin(db: Db, config: Config): boolean {
  if (!config.admin || userCount(db) > 0) return false;
  createUser(db, { email: config.admin.email, name: 'Administrator', password: config.admin.password, role: 'admin' });
  return true;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
