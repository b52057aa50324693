import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDatasetFile } from '../../ingest/read-dataset.js';
import { tempDir, writeText, writeXlsx } from '../helpers/files.js';
import { ruleErrorOf } from '../helpers/rejection.js';

const dir = tempDir();

describe('CSV import', () => {
  it('infers numbers, dates, booleans and text, with RFC 4180 quoting', async () => {
    const path = writeText(
      dir,
      'blotter.csv',
      '\uFEFFid,qty,price,trade_date,us_date,stamp,flag,note,account,empty\r\n' +
        'E1,"1,000",-12.5,2026-11-16,11/16/2026,2026-11-16 09:30,true,"says ""hi"", then\nleaves",00123,\r\n' +
        'E2,250,.5,2026-11-17,1/2/2026,2026-11-17T16:00:05,FALSE,plain,00456,\r\n' +
        '\r\n' +
        'E3,,7,,,,,,,\r\n',
    );
    const { dataset, sha256 } = await readDatasetFile(path, { name: 'blotter' });
    expect(dataset.columns).toEqual([
      { name: 'id', type: 'text' },
      { name: 'qty', type: 'number' },
      { name: 'price', type: 'number' },
      { name: 'trade_date', type: 'date' },
      { name: 'us_date', type: 'date' },
      { name: 'stamp', type: 'date' },
      { name: 'flag', type: 'boolean' },
      { name: 'note', type: 'text' },
      { name: 'account', type: 'text' },
      { name: 'empty', type: 'text' },
    ]);
    expect(dataset.rows).toEqual([
      ['E1', 1000, -12.5, '2026-11-16', '2026-11-16', '2026-11-16T09:30:00', true, 'says "hi", then\nleaves', '00123', null],
      ['E2', 250, 0.5, '2026-11-17', '2026-01-02', '2026-11-17T16:00:05', false, 'plain', '00456', null],
      ['E3', null, 7, null, null, null, null, null, null, null],
    ]);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await readDatasetFile(writeText(dir, 'copy.csv', readFileSync(path, 'utf8')), { name: 'x' });
    expect(again.sha256).toBe(sha256);
  });

  it('applies per-column type overrides and names the line and column of a bad value', async () => {
    const path = writeText(dir, 'ids.csv', 'id,qty\n001,5\n002,6\nabc,7\n');
    const asText = await readDatasetFile(path, { name: 'ids', types: { qty: 'text' } });
    expect(asText.dataset.rows[0]).toEqual(['001', '5']);
    const error = await ruleErrorOf(readDatasetFile(path, { name: 'ids', types: { id: 'number' } }));
    // Every value that does not fit is named, in one line.
    expect(error.describe()).toBe(
      'ids.csv, line 2, column "id": "001" is not a number (the column is set to number); 2 more: line 3, column "id": "002" is not a number; line 4, column "id": "abc" is not a number',
    );
    expect(error.problems.map((p) => p.line)).toEqual([2, 3, 4]);
    const late = await ruleErrorOf(
      readDatasetFile(writeText(dir, 'd.csv', 'd\n2026-01-01\n2026-02-30x\n'), { name: 'd', types: { d: 'date' } }),
    );
    expect(late.place).toMatchObject({ line: 3, column: 'd' });
    expect((await ruleErrorOf(readDatasetFile(path, { name: 'ids', types: { nope: 'text' } }))).message).toMatch(
      /"nope", which is not a column/,
    );
    expect((await ruleErrorOf(readDatasetFile(path, { name: 'ids', types: { qty: 'money' as 'text' } }))).message).toMatch(
      /"money" is not a type/,
    );
  });

  it('keeps impossible dates as text and multi-line records count their lines', async () => {
    const { dataset } = await readDatasetFile(writeText(dir, 'dates.csv', 'd\n2026-02-30\n'), { name: 'd' });
    expect(dataset.columns[0].type).toBe('text');
    const error = await ruleErrorOf(readDatasetFile(writeText(dir, 'ml.csv', 'a,b\n"x\ny",1\n"z",2,3\n'), { name: 'ml' }));
    expect(error.place).toMatchObject({ file: 'ml.csv', line: 4 });
    expect(error.message).toMatch(/fields/);
  });

  it.each([
    ['unclosed.csv', 'a,b\n1,"open\n', /never closed/, 2],
    ['ragged.csv', 'a,b\n1,2\n3\n', /fields/, 3],
    ['noheader.csv', 'a,,c\n1,2,3\n', /column 2 has no header/, 1],
    ['dupe.csv', 'a,A\n1,2\n', /repeats column 1/, 1],
    ['empty.csv', '', /empty/, 1],
  ])('rejects %s', async (name, text, message, line) => {
    const error = await ruleErrorOf(readDatasetFile(writeText(dir, name, text), { name: 'x' }));
    expect(error.message).toMatch(message);
    expect(error.place.file).toBe(name);
    expect(error.place.line).toBe(line);
  });

  it('rejects files that are neither CSV nor XLSX', async () => {
    const error = await ruleErrorOf(readDatasetFile(writeText(dir, 'data.pdf', '%PDF'), { name: 'x' }));
    expect(error.describe()).toMatch(/data.pdf: ".pdf" files cannot be imported/);
  });
});

describe('XLSX import', () => {
  it('reads the first sheet with Excel types', async () => {
    const path = writeXlsx(dir, 'confirms.xlsx', {
      Confirms: [
        ['ref', 'qty', 'when', 'ok', 'code'],
        ['C1', 100, new Date(2026, 10, 16), true, '00123'],
        ['C2', 2.5, new Date(2026, 10, 17), false, 'X'],
      ],
      Other: [['ignored']],
    });
    const { dataset } = await readDatasetFile(path, { name: 'confirms' });
    expect(dataset.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['ref:text', 'qty:number', 'when:date', 'ok:boolean', 'code:text']);
    expect(dataset.rows).toEqual([
      ['C1', 100, '2026-11-16', true, '00123'],
      ['C2', 2.5, '2026-11-17', false, 'X'],
    ]);
  });

  it('names the cell of a value that does not fit an override, and rejects corrupt files', async () => {
    const path = writeXlsx(dir, 'bad.xlsx', { S: [['qty'], [1], ['many']] });
    const error = await ruleErrorOf(readDatasetFile(path, { name: 'b', types: { qty: 'number' } }));
    expect(error.place).toMatchObject({ file: 'bad.xlsx', sheet: 'S', cell: 'A3' });
    const corrupt = await ruleErrorOf(readDatasetFile(writeText(dir, 'corrupt.xlsx', 'PK\u0003\u0004 not really a zip'), { name: 'c' }));
    expect(corrupt.code).toBe('bad_file');
    expect(corrupt.place.file).toBe('corrupt.xlsx');
  });
});
