/**
 * Uploads through the real HTTP stack on a real SQLite file: a typo is a 422 naming line
 * and column with nothing imported; a name remembers its column types; an identical file
 * says so; the inspection the upload page shows before importing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listDatasets } from '../../db/datasets.service.js';
import { admin, examples, fileForm, testServer } from './helpers.js';

const blotter = readFileSync(examples('data', 'fo_blotter.csv'), 'utf8');
const header = blotter.split('\n')[0].split(',');
const quantity = header.indexOf('quantity');

/** The demo blotter with data row `row`'s quantity set to `value` (file line row + 1). */
function withQuantity(row: number, value: string): string {
  const lines = blotter.split('\n');
  const cells = lines[row].split(',');
  cells[quantity] = value;
  lines[row] = cells.join(',');
  return lines.join('\n');
}

describe('uploads that refuse typos', () => {
  it('refuses a typo with 422 naming file, line and column, and imports nothing', async () => {
    const server = testServer();
    const client = await admin(server);
    const upload = await client.json(
      'POST',
      '/api/datasets',
      fileForm({ name: 'fo_blotter' }, { name: 'fo.csv', text: withQuantity(700, '1O0') }),
    );
    expect(upload.status).toBe(422);
    expect(upload.body.error.code).toBe('bad_value');
    expect(upload.body.error.message).toBe(
      `fo.csv, line 701, column "quantity": "1O0" is not a number (the column's other values are numbers)`,
    );
    expect(upload.body.error.details).toMatchObject({ file: 'fo.csv', line: 701, column: 'quantity' });
    expect(listDatasets(server.db)).toEqual([]);
  });

  it('lists every typo in details.problems', async () => {
    const server = testServer();
    const client = await admin(server);
    const text = withQuantity(900, '9O0').split('\n');
    text[10] = text[10].replace(/,2026-11-(\d\d),/, ',2026-11-$1x,');
    const upload = await client.json('POST', '/api/datasets', fileForm({ name: 'fo_blotter' }, { name: 'fo.csv', text: text.join('\n') }));
    expect(upload.status).toBe(422);
    expect(upload.body.error.details.problemCount).toBe(2);
    expect(upload.body.error.details.problems.map((p: { line: number; column: string }) => `${p.line}:${p.column}`)).toEqual([
      '11:trade_date',
      '901:quantity',
    ]);
  });

  it('remembers column types and columns from the first import of a name', async () => {
    const server = testServer();
    const client = await admin(server);
    const first = await client.json('POST', '/api/datasets', fileForm({ name: 'fo_blotter' }, { name: 'fo_1.csv', text: blotter }));
    expect(first.status).toBe(201);
    // 40 rows with one odd quantity: alone, 2.5% odd would make the column text; the name says number.
    const small = withQuantity(3, 'n/a').split('\n').slice(0, 41).join('\n');
    const late = await client.json('POST', '/api/datasets', fileForm({ name: 'fo_blotter' }, { name: 'fo_2.csv', text: small }));
    expect(late.status).toBe(422);
    expect(late.body.error.message).toMatch(
      new RegExp(
        `^fo_2\\.csv, line 4, column "quantity": "n/a" is not a number \\(fo_blotter's "quantity" has been a number column since its first import \\(#${first.body.id}, fo_1\\.csv, `,
      ),
    );
    // A column dropped and one added are both named.
    const reshaped = blotter.replace(/^exec_id,/, 'exec_ref,');
    const shape = await client.json('POST', '/api/datasets', fileForm({ name: 'fo_blotter' }, { name: 'fo_3.csv', text: reshaped }));
    expect(shape.status).toBe(422);
    expect(shape.body.error.code).toBe('bad_columns');
    expect(shape.body.error.details.problems.map((p: { message: string }) => p.message.split(':')[0])).toEqual([
      'column "exec_id" is missing',
      'column "exec_ref" is new',
    ]);
    // Under another name the same file is fine: the memory is per name.
    const other = await client.json('POST', '/api/datasets', fileForm({ name: 'fo_sample' }, { name: 'fo_2.csv', text: small }));
    expect(other.status).toBe(201);
    expect(other.body.columns.find((c: { name: string }) => c.name === 'quantity').type).toBe('text');
    expect(other.body.plans.find((c: { name: string }) => c.name === 'quantity').note).toMatch(
      /^read as text: 1 of its 40 values are not numbers \(line 4 "n\/a"\)/,
    );
  });

  it('says so when the same file is imported again', async () => {
    const server = testServer();
    const client = await admin(server);
    const first = await client.json('POST', '/api/datasets', fileForm({ name: 'fo_blotter' }, { name: 'fo.csv', text: blotter }));
    const again = await client.json('POST', '/api/datasets', fileForm({ name: 'fo_blotter' }, { name: 'fo_again.csv', text: blotter }));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, duplicate: true });
    expect(again.body.message).toMatch(
      new RegExp(`^fo_again\\.csv is the same file as fo_blotter #${first.body.id} \\(fo\\.csv, imported .*\\): nothing new was imported$`),
    );
    expect(listDatasets(server.db)).toHaveLength(1);
  });

  it('inspects a file without importing: types, their source, problems, and a set type applied', async () => {
    const server = testServer();
    const client = await admin(server);
    const form = () => fileForm({ name: 'fo_blotter' }, { name: 'fo.csv', text: withQuantity(5, '1O0') });
    const inspection = await client.json('POST', '/api/datasets/inspect', form());
    expect(inspection.status).toBe(200);
    expect(inspection.body).toMatchObject({ name: 'fo_blotter', rows: 2825, problemCount: 1, rememberedSince: null, duplicateOf: null });
    expect(inspection.body.columns.find((c: { name: string }) => c.name === 'quantity')).toMatchObject({
      type: 'number',
      inferred: 'number',
      source: 'inferred',
    });
    expect(inspection.body.problems).toEqual([{ file: 'fo.csv', line: 6, column: 'quantity', message: '"1O0" is not a number' }]);
    expect(listDatasets(server.db)).toEqual([]);
    const asText = fileForm(
      { name: 'fo_blotter', types: JSON.stringify({ quantity: 'text' }) },
      { name: 'fo.csv', text: withQuantity(5, '1O0') },
    );
    const imported = await client.json('POST', '/api/datasets', asText);
    expect(imported.status).toBe(201);
    expect(imported.body.plans.find((c: { name: string }) => c.name === 'quantity')).toMatchObject({ type: 'text', source: 'set' });
  });
});
