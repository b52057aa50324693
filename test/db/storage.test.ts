import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../db/app-error.js';
import { CHUNK_ROWS } from '../../db/chunks.js';
import {
  deleteDataset,
  findBySha256,
  getDataset,
  listDatasets,
  loadDataset,
  readDatasetRows,
  saveDataset,
} from '../../db/datasets.service.js';
import { openDatabase } from '../../db/open.js';
import { createRun, failInterruptedRuns, finishRun, getRun, markRunning, readResults, ResultWriter } from '../../db/runs.service.js';
import { listVersions } from '../../db/sheet-versions.service.js';
import { createSheet, getSheetVersion, saveSheetVersion } from '../../db/sheets.service.js';
import type { Dataset, ResultRow } from '../../rules/types.js';
import { tempDir } from '../helpers/files.js';
import { workbook } from '../helpers/workbooks.js';

const dir = tempDir('tickmark-db-');
const big: Dataset = {
  name: 'blotter',
  columns: [
    { name: 'id', type: 'text' },
    { name: 'qty', type: 'number' },
  ],
  rows: Array.from({ length: CHUNK_ROWS * 2 + 17 }, (_, i) => [`E${i}`, i]),
};

function failure(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('database file', () => {
  it('is created and migrated on open, in WAL mode, and keeps data across reopen', () => {
    const path = join(dir, 'a', 'tickmark.db');
    const db = openDatabase(path);
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.$client.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'users',
        'datasets',
        'dataset_chunks',
        'sheets',
        'sheet_versions',
        'runs',
        'run_result_chunks',
        'run_exceptions',
        'audit_log',
        '__drizzle_migrations',
      ]),
    );
    saveDataset(db, { dataset: big, sha256: 'abc', sourceName: 'b.csv' });
    db.$client.close();
    const again = openDatabase(path);
    expect(listDatasets(again).map((d) => d.rowCount)).toEqual([big.rows.length]);
    expect(again.$client.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBeGreaterThan(0);
    again.$client.close();
  });
});

describe('datasets', () => {
  const db = openDatabase(join(dir, 'datasets.db'));

  it('stores rows in chunks and pages across chunk boundaries', () => {
    const record = saveDataset(db, { dataset: big, sha256: 'f00d', sourceName: 'blotter.csv', userId: null });
    expect(record).toMatchObject({
      name: 'blotter',
      sourceName: 'blotter.csv',
      sha256: 'f00d',
      rowCount: big.rows.length,
      columns: big.columns,
    });
    expect(readDatasetRows(db, record.id, CHUNK_ROWS - 2, 4)).toEqual(big.rows.slice(CHUNK_ROWS - 2, CHUNK_ROWS + 2));
    expect(readDatasetRows(db, record.id, big.rows.length - 5, 100)).toEqual(big.rows.slice(-5));
    expect(readDatasetRows(db, record.id, big.rows.length, 10)).toEqual([]);
    expect(loadDataset(db, record.id, 'fo')).toEqual({ ...big, name: 'fo' });
    expect(findBySha256(db, 'f00d').map((d) => d.id)).toEqual([record.id]);
  });

  it('deletes a dataset with its rows and audits imports and deletes', () => {
    const record = saveDataset(db, { dataset: big, sha256: 'dead', sourceName: 'x.csv' });
    deleteDataset(db, record.id);
    expect(failure(() => getDataset(db, record.id)).status).toBe(404);
    expect(db.$client.prepare('SELECT count(*) FROM dataset_chunks WHERE dataset_id = ?').pluck().get(record.id)).toBe(0);
    const audit = db.$client
      .prepare("SELECT action FROM audit_log WHERE entity = 'dataset' AND entity_id = ?")
      .pluck()
      .all(String(record.id));
    expect(audit).toEqual(['dataset.import', 'dataset.delete']);
  });
});

describe('sheets and versions', () => {
  const db = openDatabase(join(dir, 'sheets.db'));

  it('saves immutable versions with content hashes and refuses a stale base with 409', () => {
    const v1 = workbook({ Settings: [['Type', 'Check']] });
    const v2 = workbook({
      Settings: [
        ['Type', 'Check'],
        ['Data', 'x'],
      ],
    });
    const { sheet, version } = createSheet(db, { name: 'Limits', workbook: v1 });
    expect(version.version).toBe(1);
    const saved = saveSheetVersion(db, { sheetId: sheet.id, baseVersion: 1, workbook: v2 });
    expect(saved.version).toBe(2);
    expect(saved.contentHash).not.toBe(version.contentHash);
    const stale = failure(() => saveSheetVersion(db, { sheetId: sheet.id, baseVersion: 1, workbook: v1 }));
    expect(stale).toMatchObject({ status: 409, code: 'stale_version', details: { currentVersion: 2 } });
    expect(getSheetVersion(db, sheet.id).workbook).toEqual(v2);
    expect(getSheetVersion(db, sheet.id, 1).workbook).toEqual(v1);
    expect(listVersions(db, sheet.id).map((h) => h.version)).toEqual([2, 1]);
  });
});

describe('runs', () => {
  const db = openDatabase(join(dir, 'runs.db'));
  const { sheet } = createSheet(db, {
    name: 'Check',
    workbook: workbook({ Settings: [['Type', 'Check']] }),
    approvedBySystem: 'test fixture',
  });
  const data = saveDataset(db, { dataset: big, sha256: 'cafe', sourceName: 'b.csv' });
  const rows = (n: number, from = 0): ResultRow[] =>
    Array.from({ length: n }, (_, i) => ({
      values: [`E${from + i}`, (from + i) % 3 === 0 ? 'x' : ''],
      exception: (from + i) % 3 === 0 ? 'x' : null,
      key: `E${from + i}`,
    }));

  it('records the exact inputs and stores results only for a finished run', () => {
    const run = createRun(db, { sheetId: sheet.id, data: { blotter: data.id }, params: { Max: 5 } });
    expect(run).toMatchObject({ status: 'queued', inputs: { blotter: { datasetId: data.id, sha256: 'cafe' } }, params: { Max: 5 } });
    markRunning(db, run.id);
    const writer = new ResultWriter(db, run.id);
    writer.add(rows(2000));
    writer.add(rows(4000, 2000));
    writer.close();
    expect(() => readResults(db, run.id, 0, 10)).toThrow(/results exist only for a succeeded run/);
    const summary = { type: 'Check' as const, counts: { rows: 6000, exceptions: 2000 }, by_exception: { x: 2000 }, summary: {} };
    expect(finishRun(db, run.id, { summary }).status).toBe('succeeded');
    expect(readResults(db, run.id, 4998, 4)).toEqual(rows(4, 4998).map((r) => r.values));
    expect(db.$client.prepare('SELECT count(*) FROM run_exceptions WHERE run_id = ?').pluck().get(run.id)).toBe(2000);
    expect(
      db.$client
        .prepare('SELECT row_index FROM run_exceptions WHERE run_id = ? ORDER BY row_index LIMIT 1 OFFSET 1000')
        .pluck()
        .get(run.id),
    ).toBe(3000);
  });

  it('drops what a failed or interrupted run wrote', () => {
    const run = createRun(db, { sheetId: sheet.id, data: { blotter: data.id } });
    markRunning(db, run.id);
    new ResultWriter(db, run.id).add(rows(6000));
    expect(failInterruptedRuns(db)).toEqual([run.id]);
    expect(getRun(db, run.id)).toMatchObject({ status: 'failed', error: { code: 'interrupted' } });
    expect(db.$client.prepare('SELECT count(*) FROM run_result_chunks WHERE run_id = ?').pluck().get(run.id)).toBe(0);
    expect(db.$client.prepare('SELECT count(*) FROM run_exceptions WHERE run_id = ?').pluck().get(run.id)).toBe(0);
  });
});
