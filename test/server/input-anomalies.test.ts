/**
 * Runs that cannot silently undo work: an official run on a fraction of the previous
 * official run's input, or on one lacking a column it had, is a 409 `input_anomaly`
 * unless confirmed; a dataset lacking a field the sheet reads is a 422; the run dialog's
 * offers list only datasets with every field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { admin, approveLatest, Client, examples, fileForm, testServer, type TestServer } from './helpers.js';

const blotter = readFileSync(examples('data', 'fo_blotter.csv'), 'utf8');

async function upload(client: Client, name: string, text: string, file = `${name}.csv`): Promise<number> {
  const { status, body } = await client.json('POST', '/api/datasets', fileForm({ name }, { name: file, text }));
  expect(status, JSON.stringify(body)).toBe(201);
  return body.id;
}

/** The demo recon with one official run on the full blotter behind it. */
async function afterOneRun(server: TestServer) {
  const client = await admin(server);
  const fo = await upload(client, 'fo_blotter', blotter);
  const confirms = await upload(client, 'broker_confirms', readFileSync(examples('data', 'broker_confirms.csv'), 'utf8'));
  const sheet = await client.json(
    'POST',
    '/api/sheets',
    fileForm({}, { name: 'fo-vs-broker.xlsx', path: examples('sheets', 'fo-vs-broker.xlsx') }),
  );
  const sheetId = sheet.body.id as number;
  await approveLatest(client, sheetId);
  const first = await client.json('POST', `/api/sheets/${sheetId}/runs`, { data: { fo_blotter: fo, broker_confirms: confirms } });
  expect(first.status).toBe(202);
  await server.runs.idle();
  const run = (await client.json('GET', `/api/runs/${first.body.id}`)).body;
  expect(run.status).toBe('succeeded');
  // 9 exception rows, the confirm sent twice being one item for its two rows: 8 items, all new.
  expect(run.queueChanges).toEqual({ opened: 8, continued: 0, reopened: 0, cleared: 0, matchedByHand: 0 });
  return { client, fo, confirms, sheetId, firstRun: first.body.id as number };
}

describe('official runs on anomalous inputs', () => {
  it('refuses a 60-row blotter after a 2,825-row one with 409 input_anomaly, and runs it once confirmed', async () => {
    const server = testServer();
    const { client, confirms, sheetId, firstRun } = await afterOneRun(server);
    const openBefore = (await client.json('GET', '/api/queue?status=open&limit=100')).body.total;
    expect(openBefore).toBeGreaterThan(0);
    const small = await upload(client, 'fo_blotter', blotter.split('\n').slice(0, 61).join('\n'), 'fo_small.csv');
    const refused = await client.json('POST', `/api/sheets/${sheetId}/runs`, { data: { fo_blotter: small, broker_confirms: confirms } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('input_anomaly');
    expect(refused.body.error.message).toContain(
      `fo_blotter #${small} has 60 rows where the previous official run (#${firstRun}) read 2,825`,
    );
    expect(refused.body.error.details.anomalies).toEqual([
      expect.objectContaining({
        dataset: 'fo_blotter',
        datasetId: small,
        rows: 60,
        previousRows: 2825,
        previousRunId: firstRun,
        missingColumns: [],
      }),
    ]);
    // Nothing ran: the queue is as it was.
    expect((await client.json('GET', '/api/runs')).body).toHaveLength(1);
    expect((await client.json('GET', '/api/queue?status=open&limit=100')).body.total).toBe(openBefore);

    const confirmed = await client.json('POST', `/api/sheets/${sheetId}/runs`, {
      data: { fo_blotter: small, broker_confirms: confirms },
      confirmAnomalies: true,
    });
    expect(confirmed.status).toBe(202);
    await server.runs.idle();
    const audit = (await client.json('GET', `/api/audit?entity=run&entityId=${confirmed.body.id}&action=run.start`)).body;
    const entry = audit.rows[0];
    expect(entry.after.confirmedAnomalies[0]).toMatchObject({ dataset: 'fo_blotter', rows: 60, previousRows: 2825 });
  });

  it('refuses an input lacking a column the previous official run had, and one lacking a field the sheet reads', async () => {
    const server = testServer();
    const { client, confirms, sheetId } = await afterOneRun(server);
    // exec_id is not read by fo-vs-broker, but the last official input had it.
    const noExecId = blotter
      .split('\n')
      .map((line) => line.split(',').slice(1).join(','))
      .join('\n');
    const other = await upload(client, 'fo_other', noExecId);
    const refused = await client.json('POST', `/api/sheets/${sheetId}/runs`, { data: { fo_blotter: other, broker_confirms: confirms } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.anomalies[0]).toMatchObject({ dataset: 'fo_blotter', missingColumns: ['exec_id'], rows: 2825 });
    expect(refused.body.error.message).toContain('lacks "exec_id", which the previous official run');
    // commission is read by the sheet: no confirmation helps.
    const header = blotter.split('\n')[0].split(',');
    const c = header.indexOf('commission');
    const noCommission = blotter
      .split('\n')
      .map((line) =>
        line
          .split(',')
          .filter((_, i) => i !== c)
          .join(','),
      )
      .join('\n');
    const lacking = await upload(client, 'fo_lite', noCommission);
    const missing = await client.json('POST', `/api/sheets/${sheetId}/runs`, {
      data: { fo_blotter: lacking, broker_confirms: confirms },
      confirmAnomalies: true,
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error).toMatchObject({ code: 'missing_field', details: { missingFields: ['commission'] } });
    expect(missing.body.error.message).toMatch(
      /dataset fo_lite #\d+ \(fo_lite\.csv\) given as fo_blotter lacks "commission", which the sheet reads/,
    );
  });

  it('offers each input only the datasets with every field it reads, the same name newest first', async () => {
    const server = testServer();
    const { client, fo, confirms, sheetId } = await afterOneRun(server);
    const newer = await upload(client, 'fo_blotter', blotter.replace('X100001,', 'X900001,'), 'fo_newer.csv');
    const offers = (await client.json('GET', `/api/sheets/${sheetId}/inputs`)).body;
    expect(offers.map((o: { name: string; role: string }) => `${o.role}:${o.name}`)).toEqual(['Left:fo_blotter', 'Right:broker_confirms']);
    const left = offers[0];
    expect(left.fields).toEqual(expect.arrayContaining(['block_id', 'quantity', 'price', 'commission']));
    expect(left.candidates.map((d: { id: number }) => d.id)).toEqual([newer, fo]);
    expect(left.candidates[0]).toMatchObject({ sourceName: 'fo_newer.csv', rows: 2825 });
    expect(left.unfit).toBe(1); // broker_confirms lacks the blotter's fields
    expect(offers[1].candidates.map((d: { id: number }) => d.id)).toEqual([confirms]);

    // Quantities imported as text under another name: every field is there, but not as fo_blotter has it.
    const asText = await client.json(
      'POST',
      '/api/datasets',
      fileForm({ name: 'fo_text', types: JSON.stringify({ quantity: 'text' }) }, { name: 'fo_text.csv', text: blotter }),
    );
    expect(asText.status).toBe(201);
    const again = (await client.json('GET', `/api/sheets/${sheetId}/inputs`)).body;
    expect(again[0].candidates.map((d: { id: number }) => d.id)).not.toContain(asText.body.id);
    expect(again[0].unfit).toBe(2);
    const refused = await client.json('POST', `/api/sheets/${sheetId}/runs`, {
      data: { fo_blotter: asText.body.id, broker_confirms: confirms },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(
      /given as fo_blotter has "quantity" as text where fo_blotter has number, which the sheet reads/,
    );
  });
});
