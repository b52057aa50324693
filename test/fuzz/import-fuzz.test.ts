/**
 * Import fuzz (issue 15): generated CSV texts and XLSX files, straight into the ingest
 * readers and through the server's import service on a real SQLite file. Each file either
 * imports with the row count it was generated with, or is refused by a RuleError/AppError
 * naming the file and its line, cell, column or limit; a refused import stores nothing.
 */
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/open.js';
import { readDatasetFile } from '../../ingest/read-dataset.js';
import { importDatasetFile } from '../../server/datasets/import-dataset.js';
import { tempDir } from '../helpers/files.js';
import { configureFuzz, refusalProblem } from './fuzz-helpers.js';

const dir = tempDir('tickmark-import-fuzz-');
let fileNumber = 0;

beforeAll(configureFuzz);

/** Values a back-office file holds, and the typos and oddities people put in them. */
const cellText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('1,000', '-12.5', '.5', '250', '0', '1O0', '1.2.3', '00123', '1e5', '+7', '12,34', '−3') },
  { weight: 2, arbitrary: fc.constantFrom('2026-11-16', '11/16/2026', '2026-02-30', '13/01/2026', '2026-11-16 09:30', '2026-11-16T25:00') },
  { weight: 1, arbitrary: fc.constantFrom('TRUE', 'false', 'yes', '') },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom('say "hi"', 'a,b', 'line\nbreak', 'cr\r\nlf', '\u0000nul', '日本語', '🙂', ' padded ') },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map(String) },
);

const headerText = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('id', 'account', 'qty', 'price', 'trade_date', 'note', 'Symbol', 'flag', 'Ref') },
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 10 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '  ', 'ID', 'qty ', 'x'.repeat(5000), 'a"b', 'c,d', 'e\nf', 'Ü', '\u0000') },
);

const csvModel = fc.record({
  headers: fc.array(headerText, { minLength: 1, maxLength: 7 }),
  rows: fc.array(fc.array(cellText, { minLength: 0, maxLength: 8 }), { maxLength: 25 }),
  ragged: fc.boolean(),
  quoting: fc.constantFrom('needed', 'always', 'never'),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  trailingEol: fc.boolean(),
  mutation: fc.oneof(
    { weight: 6, arbitrary: fc.constant({ kind: 'none' as const }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('insert' as const),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        text: fc.constantFrom('\u0000', '"', '\r', ',', '\uFEFF', '\uFFFD'),
      }),
    },
  ),
});
type CsvModel = typeof csvModel extends fc.Arbitrary<infer T> ? T : never;

function quote(value: string, quoting: CsvModel['quoting']): string {
  if (quoting === 'never') return value;
  if (quoting === 'always' || /[",\r\n]/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

/** The file text and, when it is certain, the number of data rows it holds. */
function renderCsv(model: CsvModel): { text: string; rows: number | null } {
  const width = model.headers.length;
  const rows = model.rows.map((row) => (model.ragged ? row : Array.from({ length: width }, (_, i) => row[i] ?? '')));
  const lines = [model.headers, ...rows].map((cells) => cells.map((c) => quote(c, model.quoting)).join(','));
  let text = (model.bom ? '\uFEFF' : '') + lines.join(model.eol) + (model.trailingEol ? model.eol : '');
  const m = model.mutation;
  if (m.kind === 'truncate') text = text.slice(0, Math.floor(text.length * m.at));
  if (m.kind === 'insert') {
    const at = Math.floor(text.length * m.at);
    text = text.slice(0, at) + m.text + text.slice(at);
  }
  // A count is certain when the file is well formed: quoted as needed, no mutation, no blank
  // lines (skipped by design), every row as wide as the header.
  const certain =
    m.kind === 'none' &&
    model.quoting !== 'never' &&
    lines.every((line) => line.trim() !== '') &&
    rows.every((row) => row.length === width);
  return { text, rows: certain ? rows.length : null };
}

async function outcome(read: () => Promise<{ dataset: { rows: unknown[] } }>): Promise<{ rows: number } | { error: unknown }> {
  try {
    return { rows: (await read()).dataset.rows.length };
  } catch (error) {
    return { error };
  }
}

describe('CSV import fuzz', () => {
  it('imports 3,000 generated CSV files with the right row count or refuses them by place', async () => {
    const seen = { imported: 0, counted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(csvModel, async (model) => {
        const { text, rows } = renderCsv(model);
        const name = `fuzz-${(fileNumber += 1)}.csv`;
        const path = join(dir, name);
        writeFileSync(path, text);
        const result = await outcome(() => readDatasetFile(path, { name: 'fuzz' }));
        if ('error' in result) {
          seen.refused += 1;
          const problem = refusalProblem(result.error, name);
          if (problem) throw new Error(problem);
        } else {
          seen.imported += 1;
          if (rows !== null) seen.counted += 1;
          if (rows !== null) expect(result.rows).toBe(rows);
        }
      }),
      { numRuns: 3000 },
    );
    console.log('CSV fuzz:', seen);
    // Both sides were exercised, and many imports had a certain count to check.
    expect(seen.refused).toBeGreaterThan(300);
    expect(seen.counted).toBeGreaterThan(300);
  });
});

/** A cell of a generated sheet, as SheetJS's array-of-arrays takes it. */
const xlsxCell = fc.oneof(
  { weight: 3, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 3, arbitrary: cellText },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date({ min: new Date('1900-03-01'), max: new Date('2100-01-01'), noInvalidDate: true }) },
  { weight: 2, arbitrary: fc.constant(null) },
);

const xlsxModel = fc.record({
  headers: fc.array(fc.oneof({ weight: 5, arbitrary: headerText }, { weight: 1, arbitrary: fc.constantFrom(null, 7, true) }), {
    minLength: 1,
    maxLength: 6,
  }),
  rows: fc.array(fc.array(xlsxCell, { maxLength: 7 }), { maxLength: 20 }),
  damage: fc.oneof(
    { weight: 5, arbitrary: fc.constant({ kind: 'none' as const }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('flip' as const),
        bits: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 7 })), {
          minLength: 1,
          maxLength: 4,
        }),
      }),
    },
  ),
});
type XlsxModel = typeof xlsxModel extends fc.Arbitrary<infer T> ? T : never;

/** The .xlsx bytes and, for an undamaged file, its data rows (SheetJS drops blank rows). */
function renderXlsx(model: XlsxModel): { bytes: Uint8Array; rows: number | null } {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([model.headers, ...model.rows], { cellDates: true }), 'Data');
  const bytes = new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
  const damage = model.damage;
  if (damage.kind === 'truncate') return { bytes: bytes.slice(0, Math.floor(bytes.length * damage.at)), rows: null };
  if (damage.kind === 'flip') {
    for (const [where, bit] of damage.bits) bytes[Math.floor(where * (bytes.length - 1))] ^= 1 << bit;
    return { bytes, rows: null };
  }
  // Header row blank → SheetJS would take the next row as the header: no certain count then.
  const headerBlank = model.headers.every((h) => h === null);
  return { bytes, rows: headerBlank ? null : model.rows.filter((row) => row.some((c) => c !== null)).length };
}

describe('XLSX import fuzz', () => {
  it('imports 1,000 generated, truncated and bit-flipped workbooks with the right row count or refuses them by place', async () => {
    const seen = { imported: 0, counted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(xlsxModel, async (model) => {
        const { bytes, rows } = renderXlsx(model);
        const name = `fuzz-${(fileNumber += 1)}.xlsx`;
        const path = join(dir, name);
        writeFileSync(path, bytes);
        const result = await outcome(() => readDatasetFile(path, { name: 'fuzz' }));
        if ('error' in result) {
          seen.refused += 1;
          // A damaged file may not be a workbook at all: then the file is the place.
          const problem = refusalProblem(result.error, name, model.damage.kind !== 'none');
          if (problem) throw new Error(problem);
        } else {
          seen.imported += 1;
          if (rows !== null) seen.counted += 1;
          if (rows !== null) expect(result.rows).toBe(rows);
        }
      }),
      { numRuns: 1000 },
    );
    console.log('XLSX fuzz:', seen);
    expect(seen.refused).toBeGreaterThan(100);
    expect(seen.counted).toBeGreaterThan(100);
  });
});

describe('no half-written row', () => {
  let db: Db;
  beforeAll(() => {
    db = openDatabase(join(tempDir('tickmark-import-fuzz-db-'), 'fuzz.db'));
  });
  afterAll(() => db.$client.close());

  const counts = () => ({
    datasets: db.$client.prepare('SELECT count(*) FROM datasets').pluck().get() as number,
    chunks: db.$client.prepare('SELECT count(*) FROM dataset_chunks').pluck().get() as number,
    audit: db.$client.prepare('SELECT count(*) FROM audit_log').pluck().get() as number,
  });

  it('a refused import (of 400 generated files) leaves the datasets, their chunks and the audit trail as they were', async () => {
    let refused = 0;
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(csvModel, fc.constantFrom('blotter', 'Blotter', null), async (model, fixedName) => {
        const { text } = renderCsv(model);
        const name = `db-${(fileNumber += 1)}.csv`;
        // Mostly new names; sometimes one already imported, whose first columns later files must fit.
        const datasetName = fixedName ?? `fuzz_${fileNumber}`;
        const path = join(dir, name);
        writeFileSync(path, text);
        const before = counts();
        try {
          const done = await importDatasetFile(db, path, { name: datasetName, sourceName: name });
          const after = counts();
          if (done.duplicate) expect(after).toEqual(before);
          else {
            imported += 1;
            expect(after.datasets).toBe(before.datasets + 1);
            expect(after.chunks).toBe(before.chunks + Math.max(0, Math.ceil(done.record.rowCount / 5000)));
            expect(after.audit).toBe(before.audit + 1);
          }
        } catch (error) {
          refused += 1;
          const problem = refusalProblem(error, name);
          if (problem) throw new Error(problem, { cause: error });
          expect(counts()).toEqual(before);
        }
      }),
      { numRuns: 400 },
    );
    // Both sides of the property were exercised: later imports of a name must fit its first.
    expect(refused).toBeGreaterThan(40);
    expect(imported).toBeGreaterThan(10);
  });
});
