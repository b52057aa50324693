/**
 * `toColumnar` / `toRowDataset` (rules/columnar/convert.ts), the parallel reader and the
 * plain-number fast path of parse-value.ts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../ingest/parse-value.js';
import { readColumnarDatasetFile } from '../../ingest/read-columnar.js';
import { readColumnarDatasets, readInWorker } from '../../ingest/read-parallel.js';
import { toColumnar, toRowDataset } from '../../rules/columnar/convert.js';
import { DictionaryBuilder } from '../../rules/columnar/column-builder.js';
import { BOOLEAN_EMPTY, CODE_EMPTY, fieldAt } from '../../rules/columnar/types.js';
import { RuleError } from '../../rules/errors.js';
import type { Dataset } from '../../rules/types.js';
import { tempDir, writeText } from '../helpers/files.js';
import { ruleErrorOf } from '../helpers/rejection.js';

const dir = tempDir('tickmark-columnar-convert-');

const dataset: Dataset = {
  name: 'fo',
  columns: [
    { name: 'id', type: 'text' },
    { name: 'qty', type: 'number' },
    { name: 'day', type: 'date' },
    { name: 'ok', type: 'boolean' },
  ],
  rows: [
    ['E1', 100, '2026-11-16', true],
    ['E2', null, '2026-11-16T09:30:00', false],
    ['E1', -0, null, null],
    [null, 0.1, '1900-03-01', true],
  ],
};

describe('the dictionary of a text column', () => {
  it('deduplicates repeated texts and stops for mostly distinct ones, reading back the same values', () => {
    const n = 120_000;
    // Ids: distinct for the first 50,000, then every text seen before comes again.
    const ids = Array.from({ length: n }, (_, i) => `E${i < 60_000 ? i : i - 60_000}`);
    const repeated = Array.from({ length: n }, (_, i) => `ACC${i % 7}`);
    const idColumn = new DictionaryBuilder(n, false);
    const accounts = new DictionaryBuilder(n, false);
    ids.forEach((text, row) => idColumn.set(row, text));
    repeated.forEach((text, row) => accounts.set(row, text));
    const idData = idColumn.finish();
    const accountData = accounts.finish();
    expect(ids.every((text, row) => fieldAt(idData, row) === text)).toBe(true);
    expect(repeated.every((text, row) => fieldAt(accountData, row) === text)).toBe(true);
    // Deduplicated up to the 50,000th text, one entry per text after it.
    if (idData.type !== 'text' || accountData.type !== 'text') throw new Error('not text columns');
    expect(idData.dict.length).toBe(50_000 + (n - 50_000));
    expect(accountData.dict).toEqual(['ACC0', 'ACC1', 'ACC2', 'ACC3', 'ACC4', 'ACC5', 'ACC6']);
  });
});

describe('toColumnar and toRowDataset', () => {
  it('encode each type as types.ts says and convert back to the same rows', () => {
    const columnar = toColumnar(dataset);
    expect(columnar.length).toBe(4);
    const [id, qty, day, ok] = columnar.data;
    expect(id).toEqual({ type: 'text', codes: Int32Array.from([0, 1, 0, CODE_EMPTY]), dict: ['E1', 'E2'] });
    expect(qty.type === 'number' && Array.from(qty.values)).toEqual([100, NaN, -0, 0.1]);
    expect(ok).toEqual({ type: 'boolean', values: Uint8Array.from([1, 0, BOOLEAN_EMPTY, 1]) });
    // Serials by hand: 2026-11-16 is 46,342 (2026-01-01 is 46,023, plus 319 days); 09:30 is 0.395833…;
    // 1900-03-01 is 61 (Excel counts the 29 February 1900 that never was).
    if (day.type !== 'date') throw new Error('day is not a date column');
    expect(day.dict).toEqual(['2026-11-16', '2026-11-16T09:30:00', '1900-03-01']);
    expect(Array.from(day.serials)).toEqual([46342, 46342 + 9.5 / 24, 61]);
    expect(Array.from(day.codes)).toEqual([0, 1, CODE_EMPTY, 2]);
    expect(toRowDataset(columnar)).toEqual(dataset);
  });

  it('refuses a value that does not fit its column, naming the row and column', () => {
    const bad: Dataset = { ...dataset, rows: [...dataset.rows, ['E9', 'many', null, null]] };
    expect(() => toColumnar(bad)).toThrow(RuleError);
    try {
      toColumnar(bad);
    } catch (error) {
      expect((error as RuleError).describe()).toBe('dataset "fo" row 5, column "qty": "many" is not a number');
    }
  });
});

describe('readColumnarDatasets', () => {
  const text = (n: number, offset: number) =>
    `id,qty,day\n${Array.from({ length: n }, (_, i) => `T${i + offset},${i * 2},2026-11-${10 + (i % 9)}`).join('\n')}\n`;

  it('reads in worker threads the same columns as in this thread, in the specs order', async () => {
    const a = writeText(dir, 'a.csv', text(2000, 0));
    const b = writeText(dir, 'b.csv', text(1500, 5000));
    const here = await Promise.all([readColumnarDatasetFile(a, { name: 'a' }), readColumnarDatasetFile(b, { name: 'b' })]);
    const there = await readColumnarDatasets(
      [
        { path: a, options: { name: 'a' } },
        { path: b, options: { name: 'b' } },
      ],
      { workers: 'always' },
    );
    expect(there.map((r) => r.dataset.name)).toEqual(['a', 'b']);
    expect(there).toEqual(here);
    expect(there[1].dataset.length).toBe(1500);
    const qty = there[1].dataset.data[1];
    expect(qty.type === 'number' && qty.values[1499]).toBe(2998);
    const auto = await readColumnarDatasets([{ path: a, options: { name: 'a' } }]);
    expect(auto).toEqual([here[0]]);
  });

  it('brings a refusal back from a worker as the same RuleError', async () => {
    const bad = writeText(dir, 'bad.csv', 'id,qty\nT1,5\nT2,6\nT3,x\n');
    const options = { name: 'bad', types: { qty: 'number' as const } };
    const here = await ruleErrorOf(readColumnarDatasetFile(bad, options));
    const there = await ruleErrorOf(readInWorker({ path: bad, options }));
    expect(there.describe()).toBe('bad.csv, line 4, column "qty": "x" is not a number (the column is set to number)');
    expect({ ...there, stack: undefined }).toEqual({ ...here, stack: undefined });
    const good = writeText(dir, 'good.csv', text(10, 0));
    const first = await ruleErrorOf(
      readColumnarDatasets(
        [
          { path: good, options: { name: 'g' } },
          { path: bad, options },
        ],
        { workers: 'always' },
      ),
    );
    expect(first.place).toEqual({ file: 'bad.csv', line: 4, column: 'qty' });
    const missing = join(dir, 'nope.csv');
    expect((await ruleErrorOf(readInWorker({ path: missing, options: { name: 'n' } }))).describe()).toBe('nope.csv: no such file');
  });
});

describe('parseNumber', () => {
  it('reads every short text as the regular-expression rule does', () => {
    // The rule as it was before the plain-number fast path, checked on every text of up to
    // six characters from an alphabet of digits, signs, separators, an exponent and a space.
    const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;
    const rule = (t: string) => {
      if (!NUMBER.test(t) || !/\d/.test(t) || /^[-+]?0\d/.test(t)) return null;
      const n = Number(t.replace(/,/g, ''));
      return Number.isFinite(n) ? n : null;
    };
    const alphabet = ['0', '1', '9', '.', '-', '+', ',', 'e', ' ', '5'];
    let differ = 0;
    let checked = 0;
    for (let length = 0; length <= 6; length++)
      for (let k = 0; k < alphabet.length ** length; k++) {
        let t = '';
        for (let j = 0, x = k; j < length; j++, x = Math.floor(x / alphabet.length)) t += alphabet[x % alphabet.length];
        if (!Object.is(parseNumber(t), rule(t))) differ += 1;
        checked += 1;
      }
    expect(checked).toBe(1_111_111);
    expect(differ).toBe(0);
    expect([parseNumber('-0'), parseNumber('00'), parseNumber('0.5'), parseNumber('5.'), parseNumber('1,000')]).toEqual([
      -0,
      null,
      0.5,
      null,
      1000,
    ]);
  });
});
