/**
 * The typo rule (docs/datasets.md): a column whose values are numbers (dates, booleans) but
 * for at most 1% of them and at most 20 is typed, and those few refuse the import, each
 * named by line (or cell) and column. More than that and the column is text, and said so.
 */
import { describe, expect, it } from 'vitest';
import { inspectDatasetFile, readDatasetFile } from '../../ingest/read-dataset.js';
import { tempDir, writeText, writeXlsx } from '../helpers/files.js';
import { ruleErrorOf } from '../helpers/rejection.js';

const dir = tempDir();

/** A blotter of `n` rows, `qty` 100, 200, …; `typos` maps a data row (1-based) to its bad qty. */
function blotter(name: string, n: number, typos: Record<number, string> = {}): string {
  const lines = ['id,qty,trade_date'];
  for (let i = 1; i <= n; i++) lines.push(`E${i},${typos[i] ?? String(i * 100)},2026-11-${String((i % 28) + 1).padStart(2, '0')}`);
  return writeText(dir, name, `${lines.join('\n')}\n`);
}

describe('typed imports refuse typos', () => {
  it('refuses one typo among 2,825 quantities, naming its line and column', async () => {
    // Data row 1,234 is file line 1,235 (the header is line 1).
    const error = await ruleErrorOf(readDatasetFile(blotter('fo.csv', 2825, { 1234: '1O0' }), { name: 'fo_blotter' }));
    expect(error.code).toBe('bad_value');
    expect(error.describe()).toBe(`fo.csv, line 1235, column "qty": "1O0" is not a number (the column's other values are numbers)`);
    expect(error.problemCount).toBe(1);
  });

  it('names every typo up to 20 (1% of 2,825 is 28, so 20 is the bound)', async () => {
    const typos: Record<number, string> = {};
    for (let i = 0; i < 20; i++) typos[100 + i * 100] = `x${i}`;
    const error = await ruleErrorOf(readDatasetFile(blotter('twenty.csv', 2825, typos), { name: 'b' }));
    expect(error.problemCount).toBe(20);
    expect(error.problems.map((p) => p.line)).toEqual(Object.keys(typos).map((row) => Number(row) + 1));
    expect(error.problems.every((p) => p.column === 'qty')).toBe(true);
  });

  it('reads a column with 21 odd values as text, and says so', async () => {
    const typos: Record<number, string> = {};
    for (let i = 0; i < 21; i++) typos[100 + i * 100] = 'n/a';
    const read = await readDatasetFile(blotter('many.csv', 2825, typos), { name: 'b' });
    const qty = read.plans.find((p) => p.name === 'qty')!;
    expect(qty.type).toBe('text');
    expect(qty.note).toMatch(
      /^read as text: 21 of its 2,825 values are not numbers \(line 101 "n\/a", line 201 "n\/a", line 301 "n\/a", …\)/,
    );
  });

  it('holds the 1% bound: one typo in 60 rows is 1.7%, so the column is text, with a note naming the line', async () => {
    const read = await readDatasetFile(blotter('small.csv', 60, { 11: '1O0' }), { name: 'b' });
    const qty = read.plans.find((p) => p.name === 'qty')!;
    expect(qty.type).toBe('text');
    expect(qty.note).toContain('1 of its 60 values are not numbers (line 12 "1O0")');
    // 100 rows: one typo is exactly 1%: refused.
    const error = await ruleErrorOf(readDatasetFile(blotter('hundred.csv', 100, { 50: '5OO' }), { name: 'b' }));
    expect(error.place).toMatchObject({ file: 'hundred.csv', line: 51, column: 'qty' });
  });

  it('refuses an impossible date in a date column', async () => {
    const lines = ['id,trade_date'];
    for (let i = 1; i <= 300; i++) lines.push(`E${i},2026-11-${String((i % 28) + 1).padStart(2, '0')}`);
    lines[150] = 'E150,2026-13-01';
    const error = await ruleErrorOf(readDatasetFile(writeText(dir, 'dates.csv', `${lines.join('\n')}\n`), { name: 'd' }));
    expect(error.describe()).toBe(
      `dates.csv, line 151, column "trade_date": "2026-13-01" is not a date (the column's other values are dates)`,
    );
  });

  it('lets a set type keep the odd values as text', async () => {
    const read = await readDatasetFile(blotter('kept.csv', 300, { 7: '1O0' }), { name: 'b', types: { qty: 'text' } });
    expect(read.dataset.rows[6][1]).toBe('1O0');
    expect(read.plans[1]).toMatchObject({ type: 'text', inferred: 'number', source: 'set' });
  });

  it('names the cell of a typo in an .xlsx number column; a column of text cells stays text', async () => {
    const rows: unknown[][] = [['ref', 'qty', 'code']];
    for (let i = 1; i <= 150; i++) rows.push([`C${i}`, i * 10, `${i}`]);
    rows[42][1] = '1O0';
    const path = writeXlsx(dir, 'confirms.xlsx', { Confirms: rows });
    const error = await ruleErrorOf(readDatasetFile(path, { name: 'c' }));
    expect(error.place).toMatchObject({ file: 'confirms.xlsx', sheet: 'Confirms', cell: 'B43', column: 'qty' });
    const inspected = await inspectDatasetFile(path, { name: 'c' });
    // Text cells that look like numbers are Excel's text: "code" stays text.
    expect(inspected.plans.map((p) => `${p.name}:${p.type}`)).toEqual(['ref:text', 'qty:number', 'code:text']);
    expect(inspected.misfits.count).toBe(1);
  });

  it('inspects without refusing: every plan and problem, for the upload page', async () => {
    const read = await inspectDatasetFile(blotter('inspect.csv', 500, { 3: 'abc', 9: '"12,34"' }), { name: 'b' });
    expect(read.plans.map((p) => `${p.name}:${p.type}`)).toEqual(['id:text', 'qty:number', 'trade_date:date']);
    expect(read.misfits.problems.map((p) => [p.line, p.message])).toEqual([
      [4, '"abc" is not a number'],
      [10, '"12,34" is not a number'],
    ]);
  });
});

describe('a dataset name remembers its column types', () => {
  const remembered = {
    columns: [
      { name: 'id', type: 'text' as const },
      { name: 'qty', type: 'number' as const },
      { name: 'trade_date', type: 'date' as const },
    ],
    since: 'its first import (#1, 2026-11-30)',
  };

  it('refuses a later file whose values do not fit the remembered types, even where the file alone would say text', async () => {
    // 1 odd value in 60 is 1.7%: alone the column would be text; the name remembers a number.
    const error = await ruleErrorOf(readDatasetFile(blotter('late.csv', 60, { 11: '1O0' }), { name: 'fo_blotter', remembered }));
    expect(error.describe()).toBe(
      `late.csv, line 12, column "qty": "1O0" is not a number (fo_blotter's "qty" has been a number column since its first import (#1, 2026-11-30))`,
    );
  });

  it('names a column the file lacks and one it adds', async () => {
    const path = writeText(dir, 'shape.csv', 'id,quantity,trade_date\nE1,5,2026-11-02\n');
    const error = await ruleErrorOf(readDatasetFile(path, { name: 'fo_blotter', remembered }));
    expect(error.code).toBe('bad_columns');
    expect(error.problems.map((p) => p.message)).toEqual([
      'column "qty" is missing: fo_blotter has had it since its first import (#1, 2026-11-30)',
      'column "quantity" is new: fo_blotter has not had it since its first import (#1, 2026-11-30)',
    ]);
  });

  it('refuses a set type that contradicts the remembered one', async () => {
    const error = await ruleErrorOf(readDatasetFile(blotter('t.csv', 10), { name: 'fo_blotter', remembered, types: { qty: 'text' } }));
    expect(error.message).toMatch(/fo_blotter's column "qty" has been a number since its first import .*; it cannot be a text now/);
  });
});
