/**
 * The live preview computed as the web app computes it (web/src/lib/preview.ts against the
 * real server and SQLite, seeded with the demo), checked against real runs of the demo
 * reconciliations over the whole datasets: the sample holds what the route's contract says,
 * the preview agrees with the run row by row for the keys it covers, and its share of
 * exceptions is the run's within 3 points where the sample allows it.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getSheetVersion, listSheets } from '../../db/sheets.service.js';
import { loadDataset, listDatasets } from '../../db/datasets.service.js';
import { keyOf } from '../../rules/matcher.js';
import { compareKeys } from '../../rules/key-order.js';
import { runRuleSheet } from '../../rules/run.js';
import { readSettings } from '../../rules/settings.js';
import type { Dataset, ResultRow } from '../../rules/types.js';
import type { Workbook } from '../../rules/workbook.js';
import { seedDemo } from '../../server/seed.js';
import { loadPreviewData, previewPlan, runPreview, PREVIEW_ROWS, type ApiCall } from '../../web/src/lib/preview.js';
import { admin, testServer, type Client, type TestServer } from '../server/helpers.js';

let server: TestServer;
let client: Client;
beforeAll(async () => {
  server = testServer();
  await seedDemo(server.db, join(process.cwd(), 'examples'));
  client = await admin(server);
});

/** The web app's `api`, over the test client: JSON in and out, a failure thrown with the server's message. */
const call: ApiCall = async <T>(method: string, path: string, body?: unknown) => {
  const { status, body: json } = await client.json(method, path, body);
  if (status >= 300) throw new Error(json?.error?.message ?? `HTTP ${status}`);
  return json as T;
};

const workbookOf = (name: string) => getSheetVersion(server.db, listSheets(server.db).find((s) => s.name === name)!.id).workbook;

async function realRun(workbook: Workbook): Promise<ResultRow[]> {
  const settings = readSettings(workbook);
  const datasets: Record<string, Dataset> = {};
  for (const name of [settings.left!, settings.right!]) {
    const record = listDatasets(server.db).find((d) => d.name === name)!;
    datasets[name] = loadDataset(server.db, record.id);
  }
  const rows: ResultRow[] = [];
  await runRuleSheet({ workbook, datasets, sink: { columns: () => {}, rows: (batch) => void rows.push(...batch) } });
  return rows;
}

const share = (rows: ResultRow[]) => rows.filter((r) => r.exception !== null).length / rows.length;
const tally = (rows: ResultRow[]) => rows.map((r) => `${r.key} ${r.match} ${r.exception}`).sort();

describe.each(['fo-vs-broker', 'fo-vs-bo'])('the live preview of %s', (sheet) => {
  let workbook: Workbook;
  let preview: Awaited<ReturnType<typeof runPreview>>;
  let data: Awaited<ReturnType<typeof loadPreviewData>>;
  let real: ResultRow[];
  beforeAll(async () => {
    workbook = workbookOf(sheet);
    data = await loadPreviewData(previewPlan(workbook), call);
    preview = await runPreview(workbook, data.datasets);
    real = await realRun(workbook);
  });

  it('runs over the first rows of the left side and the right rows the contract allows', () => {
    expect(preview.error).toBeNull();
    const settings = readSettings(workbook);
    const left = data.datasets[settings.left!];
    const right = data.datasets[settings.right!];
    const whole = loadDataset(server.db, listDatasets(server.db).find((d) => d.name === settings.left)!.id);
    // The first rows, in order, then only rows that share a pass-1 key with them.
    const column = (d: Dataset, names: string[]) => names.map((n) => d.columns.findIndex((c) => c.name === n));
    const pass1 = settings.passes[0].keys;
    const firstKeys = new Set(
      whole.rows.slice(0, PREVIEW_ROWS).map((r) =>
        keyOf(
          r,
          column(
            whole,
            pass1.map((k) => k.left),
          ),
        ),
      ),
    );
    expect(left.rows.slice(0, PREVIEW_ROWS)).toEqual(whole.rows.slice(0, PREVIEW_ROWS));
    for (const row of left.rows.slice(PREVIEW_ROWS))
      expect(firstKeys).toContain(
        keyOf(
          row,
          column(
            left,
            pass1.map((k) => k.left),
          ),
        ),
      );
    // Every right row shares a key with a left row under some pass, or lies in the pass-1 key range.
    const leftKeys = settings.passes.map(
      (p) =>
        new Set(
          left.rows.map((r) =>
            keyOf(
              r,
              column(
                left,
                p.keys.map((k) => k.left),
              ),
            ),
          ),
        ),
    );
    const range = left.rows
      .map((r) =>
        column(
          left,
          pass1.map((k) => k.left),
        ).map((c) => r[c]),
      )
      .filter((v) => v.every((x) => x !== null && x !== ''))
      .sort(compareKeys);
    for (const row of right.rows) {
      const sharesKey = settings.passes.some((p, i) =>
        leftKeys[i].has(
          keyOf(
            row,
            column(
              right,
              p.keys.map((k) => k.right),
            ),
          ),
        ),
      );
      const values = column(
        right,
        pass1.map((k) => k.right),
      ).map((c) => row[c]);
      const inRange = compareKeys(values, range[0]) >= 0 && compareKeys(values, range[range.length - 1]) <= 0;
      expect(sharesKey || inRange, JSON.stringify(row)).toBe(true);
    }
    expect(data.covers).toMatch(new RegExp(`^first 200 of 2,825 fo_blotter rows`));
  });

  it('agrees with the real run row by row for the keys it covers', () => {
    const keys = new Set(preview.rows.map((r) => r.key));
    expect(tally(preview.rows)).toEqual(tally(real.filter((r) => keys.has(r.key))));
  });

  it('has the real run share of exceptions within 3 points', () => {
    const points = Math.abs(share(preview.rows) - share(real)) * 100;
    console.log(
      `${sheet}: preview ${preview.exceptions} of ${preview.rows.length} (${(share(preview.rows) * 100).toFixed(1)}%), real run ${real.filter((r) => r.exception !== null).length} of ${real.length} (${(share(real) * 100).toFixed(1)}%); covers ${data.covers}`,
    );
    expect(points).toBeLessThanOrEqual(3);
  });
});

describe('a rule formula that cannot be read', () => {
  it('errors its own column (and what depends on it) while every other column evaluates', async () => {
    const workbook = workbookOf('fo-vs-broker');
    const rows = workbook.sheets.find((s) => s.name === 'Rows')!;
    const broken = structuredClone(workbook);
    broken.sheets.find((s) => s.name === 'Rows')!.cells[1][18] = '=IF(C2="matched",ROUND(M2-N2,2),""))';
    const data = await loadPreviewData(previewPlan(broken), call);
    const preview = await runPreview(broken, data.datasets);
    expect(preview.error).toBeNull();
    expect(preview.brokenFormulas).toEqual([
      { col: 18, cell: 'S2', header: 'comm_diff', message: expect.stringMatching(/^Parsing error\. Redundant input/) },
    ]);
    expect(preview.rows.length).toBeGreaterThan(40);
    expect(preview.rows.every((r) => (r.values[18] as { error: string }).error === '#ERROR!')).toBe(true);
    // qty_diff does not read S2: it evaluates as it does with the formula intact.
    const intact = await runPreview(workbook, data.datasets);
    expect(preview.rows.map((r) => r.values[16])).toEqual(intact.rows.map((r) => r.values[16]));
    expect(rows.cells[1][18]).toMatch(/^=IF/);
  });
});

describe('a Match setting naming a field the dataset lacks', () => {
  it('leaves the preview saying which Match and field, instead of throwing', async () => {
    const workbook = structuredClone(workbookOf('fo-vs-broker'));
    const settings = workbook.sheets.find((s) => s.name === 'Settings')!;
    settings.cells.find((r) => r[0] === 'Match 1')![1] = 'block = block_id';
    const data = await loadPreviewData(previewPlan(workbook), call);
    expect(data.problem).toMatch(/^Match 1: "block" is not a field of "fo_blotter"/);
  });
});
