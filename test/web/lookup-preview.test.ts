/**
 * The live preview of a sheet with a `Lookup` (web/src/lib/preview.ts against a real server
 * seeded with the demo): the lookup dataset is read whole, so the preview of the demo
 * expiration sheet is its real run, and a lookup too big to read whole says where it stopped.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listDatasets, loadDataset } from '../../db/datasets.service.js';
import { getSheetVersion, listSheets } from '../../db/sheets.service.js';
import { runRuleSheet } from '../../rules/run.js';
import type { Dataset, ResultRow } from '../../rules/types.js';
import { seedDemo } from '../../server/seed.js';
import { LOOKUP_ROWS, loadPreviewData, previewPlan, runPreview, type ApiCall } from '../../web/src/lib/preview.js';
import { writeText, tempDir } from '../helpers/files.js';
import { settings, workbook } from '../helpers/workbooks.js';
import { admin, fileForm, testServer, type Client, type TestServer } from '../server/helpers.js';

let server: TestServer;
let client: Client;
beforeAll(async () => {
  server = testServer();
  await seedDemo(server.db, join(process.cwd(), 'examples'));
  client = await admin(server);
});

const call: ApiCall = async <T>(method: string, path: string, body?: unknown) => {
  const { status, body: json } = await client.json(method, path, body);
  if (status >= 300) throw new Error(json?.error?.message ?? `HTTP ${status}`);
  return json as T;
};

const newest = (name: string) => loadDataset(server.db, listDatasets(server.db).find((d) => d.name === name)!.id);
const tally = (rows: ResultRow[]) => rows.map((r) => `${r.key} ${r.match} ${r.exception}`).sort();

describe('the live preview with a Lookup', () => {
  it('reads the lookup dataset whole: the expiration preview is the real run', async () => {
    const { workbook: book } = getSheetVersion(server.db, listSheets(server.db).find((s) => s.name === 'expiration')!.id);
    const plan = previewPlan(book);
    expect(plan).toMatchObject({ kind: 'reconciliation', lookups: ['underlying_closes'] });
    const data = await loadPreviewData(plan, call);
    expect(data.problem).toBeNull();
    const closes = newest('underlying_closes');
    expect(data.datasets.underlying_closes.rows).toEqual(closes.rows);
    expect(data.covers).toContain(`lookup underlying_closes: all ${closes.rows.length} rows`);
    const preview = await runPreview(book, data.datasets);
    expect(preview.error).toBeNull();
    const datasets: Record<string, Dataset> = {};
    for (const name of ['option_positions', 'contrary_instructions', 'underlying_closes']) datasets[name] = newest(name);
    const real: ResultRow[] = [];
    await runRuleSheet({ workbook: book, datasets, sink: { columns: () => {}, rows: (batch) => void real.push(...batch) } });
    expect(tally(preview.rows)).toEqual(tally(real));
    expect(preview.exceptions).toBe(11);
  });

  it('says so when a lookup dataset is too big to read whole', async () => {
    const total = LOOKUP_ROWS + 50;
    const lines = ['code,value', ...Array.from({ length: total }, (_, i) => `K${i},${i}`)];
    const path = writeText(tempDir('tickmark-lookup-'), 'codes.csv', `${lines.join('\n')}\n`);
    expect((await client.json('POST', '/api/datasets', fileForm({ name: 'codes' }, { name: 'codes.csv', path }))).status).toBe(201);
    const book = workbook({
      Settings: settings({ Type: 'Check', Data: 'restricted_list', Lookup: 'codes' }),
      Rows: [
        ['symbol', 'Exception'],
        [null, '=""'],
      ],
      codes: [['code', 'value']],
    });
    const data = await loadPreviewData(previewPlan(book), call);
    expect(data.datasets.codes.rows.length).toBe(LOOKUP_ROWS);
    expect(data.datasets.codes.rows.at(-1)).toEqual([`K${LOOKUP_ROWS - 1}`, LOOKUP_ROWS - 1]);
    expect(data.covers).toContain(`lookup codes: first 20,000 of ${total.toLocaleString('en-US')} rows`);
  });

  it('names a lookup dataset that does not exist yet', async () => {
    const book = workbook({
      Settings: settings({ Type: 'Check', Data: 'restricted_list', Lookup: 'no_such_table' }),
      Rows: [
        ['symbol', 'Exception'],
        [null, '=""'],
      ],
      no_such_table: [[]],
    });
    const data = await loadPreviewData(previewPlan(book), call);
    expect(data.problem).toBe('no dataset named no_such_table: import it to see the preview');
  });
});
