/** POST /api/preview/rows against a real SQLite server: the rows it picks, in natural key order, and its errors. */
import { describe, expect, it } from 'vitest';
import { admin, fileForm, testServer, type Client } from './helpers.js';

async function dataset(client: Client, name: string, csv: string): Promise<number> {
  const { status, body } = await client.json('POST', '/api/datasets', fileForm({ name }, { name: `${name}.csv`, text: csv }));
  expect(status).toBe(201);
  return body.id;
}

describe('POST /api/preview/rows', () => {
  it('takes the first left rows whole by key, their right rows, and unmatched right rows in the natural key range', async () => {
    const client = await admin(testServer());
    const left = await dataset(client, 'fills', 'block,qty\nB9,1\nB12,2\nB11,3\nB9,4\n');
    const right = await dataset(client, 'confirms', 'block,qty\nB2,9\nB9,5\nB10,9\nB11,3\nB12,2\nB100,9\n');
    const { status, body } = await client.json('POST', '/api/preview/rows', {
      left: { datasetId: left, count: 2 },
      right: { datasetId: right },
      passes: [{ left: ['block'], right: ['block'] }],
    });
    expect(status).toBe(200);
    // B9's second fill completes its block; B11 is outside the first two rows.
    expect(body.left.rows).toEqual([
      ['B9', 1],
      ['B12', 2],
      ['B9', 4],
    ]);
    // B11 belongs to a left row outside the preview; B2 and B100 lie outside B9..B12 in natural order (B10 inside).
    expect(body.right.rows).toEqual([
      ['B9', 5],
      ['B10', 9],
      ['B12', 2],
    ]);
    expect(body.covers).toEqual({
      left: { name: 'fills', total: 4, first: 2, sameKey: 1 },
      right: { name: 'confirms', total: 6, matching: 2, inRange: 1 },
      keyRange: { from: 'B9', to: 'B12' },
      capped: [],
    });
  });

  it('names the request field at fault: an unknown dataset, an unknown field, unequal keys', async () => {
    const client = await admin(testServer());
    const id = await dataset(client, 'fills', 'block,qty\nB1,1\n');
    const ask = (body: object) => client.json('POST', '/api/preview/rows', body);
    const pass = { left: ['block'], right: ['block'] };
    expect(await ask({ left: { datasetId: id }, right: { datasetId: 999 }, passes: [pass] })).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', message: 'right.datasetId: dataset 999 does not exist', details: { field: 'right.datasetId' } } },
    });
    expect(
      await ask({ left: { datasetId: id }, right: { datasetId: id }, passes: [pass, { left: ['qty'], right: ['price'] }] }),
    ).toMatchObject({
      status: 422,
      body: {
        error: {
          code: 'unknown_field',
          message: expect.stringMatching(/^passes\.1\.right\.0: "price" is not a field of "fills"/),
          details: { field: 'passes.1.right.0' },
        },
      },
    });
    expect(
      (await ask({ left: { datasetId: id }, right: { datasetId: id }, passes: [{ left: ['block', 'qty'], right: ['block'] }] })).status,
    ).toBe(400);
    expect((await ask({ left: { datasetId: id }, right: { datasetId: id }, passes: [] })).status).toBe(400);
  });
});
