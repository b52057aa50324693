/** A run whose rule names a sheet the workbook lacks fails with that cell named, not as an internal error. */
import { describe, expect, it } from 'vitest';
import { admin, approveLatest, fileForm, testServer } from './helpers.js';

describe('a formula naming a missing sheet', () => {
  it('fails the run with the cell at fault', async () => {
    const server = testServer();
    const client = await admin(server);
    const dataset = (await client.json('POST', '/api/datasets', fileForm({ name: 'd' }, { name: 'd.csv', text: 'a\n1\n2\n' }))).body.id;
    const workbook = {
      sheets: [
        {
          name: 'Settings',
          cells: [
            ['Type', 'Check'],
            ['Data', 'd'],
          ],
        },
        {
          name: 'Rows',
          cells: [
            ['a', 'x', 'Exception'],
            [null, '=Nope!A1', '=IF(A2>1,"big","")'],
          ],
        },
      ],
      names: [],
    };
    const sheet = (await client.json('POST', '/api/sheets', fileForm({}, { name: 's.json', text: JSON.stringify(workbook) }))).body.id;
    await approveLatest(client, sheet);
    const started = await client.json('POST', `/api/sheets/${sheet}/runs`, { data: { d: dataset } });
    expect(started.status).toBe(202);
    await server.runs.idle();
    const run = (await client.json('GET', `/api/runs/${started.body.id}`)).body;
    expect(run.status).toBe('failed');
    expect(run.error).toEqual({
      code: 'missing_sheet',
      message: 'Rows!B2: the formula refers to sheet "Nope", which this workbook does not have',
      details: { sheet: 'Rows', cell: 'B2' },
    });
  });
});
