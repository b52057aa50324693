/**
 * Dataset row storage: 1M rows x 10 columns written and read back through the real
 * service (JSON chunks of CHUNK_ROWS rows), beside the obvious alternative measured in the
 * same run: one SQLite row per record holding its JSON array.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { CHUNK_ROWS } from '../db/chunks.js';
import { loadDataset, readDatasetRows, saveDataset } from '../db/datasets.service.js';
import { openDatabase } from '../db/open.js';
import type { Dataset, FieldValue } from '../rules/types.js';

const ROWS = 1_000_000;
const dir = join('bench', 'out', 'storage');
rmSync(dir, { recursive: true, force: true });

const symbols = ['AAPL', 'MSFT', 'AMZN', 'GOOG', 'META'];
const dataset: Dataset = {
  name: 'bench',
  columns: ['id', 'date', 'account', 'symbol', 'side', 'qty', 'price', 'fee', 'broker', 'flag'].map((name, i) => ({
    name,
    type: i >= 5 && i <= 7 ? 'number' : 'text',
  })),
  rows: Array.from({ length: ROWS }, (_, i): FieldValue[] => [
    `E${i}`,
    '2026-11-20',
    `ACC${i % 5}`,
    symbols[i % 5],
    i % 2 ? 'BUY' : 'SELL',
    100 + (i % 50) * 100,
    100 + (i % 997) / 100,
    (i % 13) / 4,
    'GSCO',
    i % 7 === 0,
  ]),
};

const time = <T>(fn: () => T): [T, number] => {
  const start = performance.now();
  const result = fn();
  return [result, (performance.now() - start) / 1000];
};

const db = openDatabase(join(dir, 'chunks.db'));
const [record, write] = time(() => saveDataset(db, { dataset, sha256: 'bench', sourceName: 'bench.csv' }));
const [loaded, read] = time(() => loadDataset(db, record.id));
const [, page] = time(() => readDatasetRows(db, record.id, 654_321, 100));
if (loaded.rows.length !== ROWS) throw new Error('read back a different row count');

const rowsDb = openDatabase(join(dir, 'rows.db'));
rowsDb.$client.exec('CREATE TABLE bench_rows (dataset_id INTEGER, row INTEGER, data TEXT, PRIMARY KEY (dataset_id, row))');
const insert = rowsDb.$client.prepare('INSERT INTO bench_rows VALUES (1, ?, ?)');
const [, rowWrite] = time(() => rowsDb.$client.transaction(() => dataset.rows.forEach((r, i) => insert.run(i, JSON.stringify(r))))());
const [rowRead, rowReadTime] = time(() =>
  (rowsDb.$client.prepare('SELECT data FROM bench_rows WHERE dataset_id = 1 ORDER BY row').pluck().all() as string[]).map((t) =>
    JSON.parse(t),
  ),
);
const [, rowPage] = time(() =>
  rowsDb.$client.prepare('SELECT data FROM bench_rows WHERE dataset_id = 1 AND row >= ? ORDER BY row LIMIT 100').pluck().all(654_321),
);
if (rowRead.length !== ROWS) throw new Error('row table read back a different row count');

console.log(`1,000,000 rows x 10 columns`);
console.log(
  `JSON chunks of ${CHUNK_ROWS}: write ${write.toFixed(2)} s, read all ${read.toFixed(2)} s, page of 100 ${(page * 1000).toFixed(1)} ms`,
);
console.log(
  `one row per record:   write ${rowWrite.toFixed(2)} s, read all ${rowReadTime.toFixed(2)} s, page of 100 ${(rowPage * 1000).toFixed(1)} ms`,
);
