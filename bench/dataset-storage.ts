/**
 * Dataset row storage: 1M rows x 10 columns written and read back through the real
 * service (column-wise JSON chunks of CHUNK_ROWS rows since issue 14), as rows
 * (`loadDataset`) and as columns (`loadColumnarDataset`), beside the same rows stored in
 * the older row-wise chunks (still read) and the obvious alternative measured in the same
 * run: one SQLite row per record holding its JSON array.
 */
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHUNK_ROWS, toChunks } from '../db/chunks.js';
import { loadColumnarDataset, loadDataset, readDatasetRows, saveDataset } from '../db/datasets.service.js';
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
    type: i >= 5 && i <= 7 ? 'number' : i === 9 ? 'boolean' : 'text',
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
const mb = (path: string) => `${(statSync(path).size / 1048576).toFixed(1)} MB`;

const db = openDatabase(join(dir, 'chunks.db'));
const [record, write] = time(() => saveDataset(db, { dataset, sha256: 'bench', sourceName: 'bench.csv' }));
const [loaded, read] = time(() => loadDataset(db, record.id));
const [columnar, readColumnar] = time(() => loadColumnarDataset(db, record.id));
const [, page] = time(() => readDatasetRows(db, record.id, 654_321, 100));
if (loaded.rows.length !== ROWS || columnar.length !== ROWS) throw new Error('read back a different row count');
db.$client.pragma('wal_checkpoint(TRUNCATE)');

// The pre-issue-14 shape: the same rows as row-wise chunks, written as saveDataset used to.
const oldDb = openDatabase(join(dir, 'row-chunks.db'));
const oldRecord = saveDataset(oldDb, { dataset: { ...dataset, rows: [] }, sha256: 'bench', sourceName: 'bench.csv' });
const insertChunk = oldDb.$client.prepare('INSERT INTO dataset_chunks (dataset_id, chunk, rows) VALUES (?, ?, ?)');
const [, oldWrite] = time(() =>
  oldDb.$client.transaction(() => {
    for (const chunk of toChunks(dataset.rows)) insertChunk.run(oldRecord.id, chunk.chunk, chunk.rows);
    oldDb.$client.prepare('UPDATE datasets SET row_count = ? WHERE id = ?').run(ROWS, oldRecord.id);
  })(),
);
const [oldLoaded, oldRead] = time(() => loadDataset(oldDb, oldRecord.id));
const [oldColumnar, oldReadColumnar] = time(() => loadColumnarDataset(oldDb, oldRecord.id));
const [, oldPage] = time(() => readDatasetRows(oldDb, oldRecord.id, 654_321, 100));
if (oldLoaded.rows.length !== ROWS || oldColumnar.length !== ROWS) throw new Error('row-wise chunks read back a different row count');
oldDb.$client.pragma('wal_checkpoint(TRUNCATE)');

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
rowsDb.$client.pragma('wal_checkpoint(TRUNCATE)');

const s = (x: number) => `${x.toFixed(2)} s`;
console.log(`1,000,000 rows x 10 columns`);
console.log('| storage | write | read all as rows | read all as columns | a page of 100 at row 654,321 | file size |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
console.log(
  `| column-wise JSON chunks of ${CHUNK_ROWS} (since issue 14) | ${s(write)} | ${s(read)} | ${s(readColumnar)} | ${(page * 1000).toFixed(1)} ms | ${mb(join(dir, 'chunks.db'))} |`,
);
console.log(
  `| row-wise JSON chunks of ${CHUNK_ROWS} (before; still read) | ${s(oldWrite)} | ${s(oldRead)} | ${s(oldReadColumnar)} | ${(oldPage * 1000).toFixed(1)} ms | ${mb(join(dir, 'row-chunks.db'))} |`,
);
console.log(
  `| one row per record | ${s(rowWrite)} | ${s(rowReadTime)} | | ${(rowPage * 1000).toFixed(1)} ms | ${mb(join(dir, 'rows.db'))} |`,
);
