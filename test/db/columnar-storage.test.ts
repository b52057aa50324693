/**
 * Column-wise dataset chunks (issue 14): saved from rows or columns, read back as rows,
 * pages, chosen rows and columns, and chunks in the older row-wise shape still read the
 * same, against a real SQLite file.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../db/app-error.js';
import { CHUNK_ROWS, toChunks } from '../../db/chunks.js';
import { loadColumnarDataset, loadDataset, readDatasetRows, saveDataset } from '../../db/datasets.service.js';
import { openDatabase } from '../../db/open.js';
import { readRowsAt } from '../../db/preview-rows.js';
import { toColumnar } from '../../rules/columnar/convert.js';
import { fieldAt } from '../../rules/columnar/types.js';
import type { Dataset, FieldValue } from '../../rules/types.js';
import { tempDir } from '../helpers/files.js';

const dir = tempDir('tickmark-columnar-db-');

const rows: FieldValue[][] = Array.from({ length: CHUNK_ROWS * 2 + 17 }, (_, i) => [
  `E${i}`,
  i % 3 === 0 ? null : i / 4,
  i % 5 === 0 ? null : `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`,
  i % 7 === 0 ? null : i % 2 === 0,
  i % 11 === 0 ? null : ['BUY', 'SELL', 'says "hi", then\nleaves'][i % 3],
]);
const dataset: Dataset = {
  name: 'fills',
  columns: [
    { name: 'id', type: 'text' },
    { name: 'qty', type: 'number' },
    { name: 'day', type: 'date' },
    { name: 'ok', type: 'boolean' },
    { name: 'note', type: 'text' },
  ],
  rows,
};

/** Every value of a columnar dataset, as rows, through `fieldAt`. */
const valuesOf = (columnar: ReturnType<typeof loadColumnarDataset>) =>
  Array.from({ length: columnar.length }, (_, r) => columnar.data.map((column) => fieldAt(column, r)));

describe('column-wise dataset chunks', () => {
  it('store column-wise and read back as rows, pages, chosen rows and columns', () => {
    const db = openDatabase(join(dir, 'new.db'));
    const record = saveDataset(db, { dataset, sha256: 'a'.repeat(64), sourceName: 'fills.csv' });
    const first = db.$client.prepare('SELECT rows FROM dataset_chunks WHERE dataset_id = ? AND chunk = 0').pluck().get(record.id) as string;
    expect(first.startsWith('{"columns":[["E0","E1",')).toBe(true);
    expect(loadDataset(db, record.id).rows).toEqual(rows);
    expect(readDatasetRows(db, record.id, CHUNK_ROWS - 2, 5)).toEqual(rows.slice(CHUNK_ROWS - 2, CHUNK_ROWS + 3));
    expect(readRowsAt(db, record.id, [CHUNK_ROWS * 2 + 16, 3, CHUNK_ROWS])).toEqual([rows[CHUNK_ROWS * 2 + 16], rows[3], rows[CHUNK_ROWS]]);
    const columnar = loadColumnarDataset(db, record.id, 'fo');
    expect(columnar.name).toBe('fo');
    expect(columnar.length).toBe(rows.length);
    expect(valuesOf(columnar)).toEqual(rows);
    // Dates carry their Excel serials: 2026-11-02 is 46,328 (45,658 is 2025-01-01, plus 670 days).
    const day = columnar.data[2];
    if (day.type !== 'date') throw new Error('day is not a date column');
    expect(day.serials[day.codes[1]]).toBe(46328);
  });

  it('save a columnar dataset as the same rows', () => {
    const db = openDatabase(join(dir, 'from-columns.db'));
    const record = saveDataset(db, { dataset: toColumnar(dataset), sha256: 'b'.repeat(64), sourceName: 'fills.csv' });
    expect(record.rowCount).toBe(rows.length);
    expect(loadDataset(db, record.id).rows).toEqual(rows);
  });

  it('read chunks stored row-wise before issue 14 the same way', () => {
    const db = openDatabase(join(dir, 'old.db'));
    const record = saveDataset(db, { dataset: { ...dataset, rows: [] }, sha256: 'c'.repeat(64), sourceName: 'old.csv' });
    const insert = db.$client.prepare('INSERT INTO dataset_chunks (dataset_id, chunk, rows) VALUES (?, ?, ?)');
    for (const chunk of toChunks(rows)) insert.run(record.id, chunk.chunk, chunk.rows);
    db.$client.prepare('UPDATE datasets SET row_count = ? WHERE id = ?').run(rows.length, record.id);
    expect(loadDataset(db, record.id).rows).toEqual(rows);
    expect(readDatasetRows(db, record.id, CHUNK_ROWS * 2, 100)).toEqual(rows.slice(CHUNK_ROWS * 2));
    expect(readRowsAt(db, record.id, [7])).toEqual([rows[7]]);
    expect(valuesOf(loadColumnarDataset(db, record.id))).toEqual(rows);
  });

  it('refuse a stored dataset whose chunks do not add up to its row count', () => {
    const db = openDatabase(join(dir, 'short.db'));
    const record = saveDataset(db, { dataset, sha256: 'd'.repeat(64), sourceName: 'fills.csv' });
    db.$client.prepare('DELETE FROM dataset_chunks WHERE dataset_id = ? AND chunk = 2').run(record.id);
    const error = (() => {
      try {
        loadColumnarDataset(db, record.id);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(
      `dataset #${record.id} (fills): ${CHUNK_ROWS * 2} rows stored, the record says ${rows.length}`,
    );
  });
});
