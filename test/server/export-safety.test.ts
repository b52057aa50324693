/**
 * Every CSV and data XLSX the server hands out is safe to open (OWASP, CSV injection): a
 * real dataset holding formula payloads goes through a real check run and a real Report
 * run, and each download is parsed with an independent reader (csv-parse, SheetJS): every
 * payload starts with `'`, the numbers are still numbers.
 */
import * as XLSX from '@e965/xlsx';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../../rules/csv-text.js';
import { neutraliseText, restoreText } from '../../rules/export-safety.js';
import { admin, approveLatest, Client, fileForm, testServer } from './helpers.js';

const PAYLOADS = ['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(1)', '\t=1', '\r=1'];
const NUMBERS = [-5, 3.5];
const SAFE = ['AAPL', 'a=b'];

/** The dataset, written by hand so each payload is exactly one quoted field. */
const DATASET = [
  'note,amt',
  ...PAYLOADS.map((p, i) => `"${p.replace(/"/g, '""')}",${i + 1}`),
  `${SAFE[0]},${NUMBERS[0]}`,
  `${SAFE[1]},${NUMBERS[1]}`,
].join('\n');

const CHECK = {
  sheets: [
    {
      name: 'Settings',
      cells: [
        ['Type', 'Check'],
        ['Data', 'notes'],
        ['Key', 'note'],
      ],
    },
    {
      name: 'Rows',
      cells: [
        ['note', 'amt', 'copy', 'Exception'],
        [null, null, '=A2', '="flag"'],
      ],
    },
  ],
  names: [],
};

const ROWS = PAYLOADS.length + SAFE.length;
const REPORT = {
  sheets: [
    { name: 'Settings', cells: [['Type', 'Report']] },
    { name: 'notes', cells: [] },
    // Row 1 the headers, then each dataset row through a formula: text stays text, numbers numbers.
    { name: 'Echo', cells: Array.from({ length: ROWS + 1 }, (_, r) => [`=notes!A${r + 1}`, `=notes!B${r + 1}`]) },
  ],
  names: [],
};

async function startRun(client: Client, server: ReturnType<typeof testServer>, workbook: object, dataset: number) {
  const sheet = await client.json('POST', '/api/sheets', fileForm({}, { name: 'sheet.json', text: JSON.stringify(workbook) }));
  expect(sheet.status).toBe(201);
  await approveLatest(client, sheet.body.id);
  const run = await client.json('POST', `/api/sheets/${sheet.body.id}/runs`, { data: { notes: dataset } });
  expect(run.status).toBe(202);
  await server.runs.idle();
  expect((await client.json('GET', `/api/runs/${run.body.id}`)).body.status).toBe('succeeded');
  return run.body.id as number;
}

async function download(client: Client, path: string, type: RegExp): Promise<Buffer> {
  const response = await client.request('GET', path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get('content-type')).toMatch(type);
  return Buffer.from(await response.arrayBuffer());
}

/** A CSV download's rows, read by csv-parse (every field as text, as a spreadsheet sees it first). */
async function csvDownload(client: Client, path: string): Promise<string[][]> {
  return parse((await download(client, path, /^text\/csv/)).toString('utf8'), { relax_column_count: true }) as string[][];
}

/** An XLSX download's first (or named) sheet as rows of typed cell values, read by SheetJS. */
async function xlsxDownload(client: Client, path: string, sheet?: string): Promise<unknown[][]> {
  const book = XLSX.read(await download(client, path, /spreadsheetml/), { type: 'buffer' });
  return XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[sheet ?? book.SheetNames[0]], { header: 1, defval: null, raw: true });
}

/** What a column of a table holds, by its header. */
function column(table: unknown[][], header: string): unknown[] {
  const at = table[0].indexOf(header);
  expect(at, `column ${header}`).toBeGreaterThanOrEqual(0);
  return table.slice(1).map((row) => row[at]);
}

/** Every payload neutralised, the harmless text as it was. */
function expectNeutralised(values: unknown[], where: string): void {
  for (const payload of PAYLOADS) expect(values, `${where}: ${JSON.stringify(payload)}`).toContain(`'${payload}`);
  for (const text of SAFE) expect(values, where).toContain(text);
  for (const value of values)
    if (typeof value === 'string') expect(/^[=+\-@\t\r]/.test(value), `${where}: ${JSON.stringify(value)}`).toBe(false);
}

describe('exports safe to open', () => {
  it('neutralises text that would run as a formula, and only that', () => {
    expect(PAYLOADS.map(neutraliseText)).toEqual(PAYLOADS.map((p) => `'${p}`));
    expect(SAFE.map(neutraliseText)).toEqual(SAFE);
    expect(neutraliseText("'=already")).toBe("'=already");
    expect(PAYLOADS.map((p) => restoreText(neutraliseText(p)))).toEqual(PAYLOADS);
    // An apostrophe the user wrote before harmless text is theirs: kept.
    expect(restoreText("'quoted")).toBe("'quoted");
    // Numbers are numbers: no apostrophe, the minus sign kept.
    expect(csvLine([-5, 3.5, '-5', '=1', true, { error: '#DIV/0!' }])).toBe("-5,3.5,'-5,'=1,TRUE,#DIV/0!\n");
    expect(csvLine(['\t=1', '\r=1'])).toBe(`'\t=1,"'\r=1"\n`);
  });

  it('on every run download: results, exceptions, report sheets, the report workbook and the queue', async () => {
    const server = testServer();
    const client = await admin(server);
    const imported = await client.json('POST', '/api/datasets', fileForm({ name: 'notes' }, { name: 'notes.csv', text: DATASET }));
    expect(imported.status).toBe(201);
    const stored = (await client.json('GET', `/api/datasets/${imported.body.id}/rows`)).body;
    // The payloads are in the dataset exactly as written: the exports, not the import, neutralise.
    expect(stored.rows.map((r: unknown[]) => r[0])).toEqual([...PAYLOADS, ...SAFE]);
    expect(stored.rows.map((r: unknown[]) => r[1]).slice(-2)).toEqual(NUMBERS);

    const check = await startRun(client, server, CHECK, imported.body.id);
    for (const view of ['results', 'exceptions']) {
      const csv = await csvDownload(client, `/api/runs/${check}/${view}?format=csv`);
      expect(csv[0]).toEqual(['note', 'amt', 'copy', 'Exception']);
      expect(csv).toHaveLength(ROWS + 1);
      expectNeutralised(column(csv, 'note'), `${view}.csv note`);
      expectNeutralised(column(csv, 'copy'), `${view}.csv copy`);
      // csv-parse reads text; the numbers were written as plain numbers, a minus sign and all.
      expect(column(csv, 'amt').slice(-2)).toEqual(['-5', '3.5']);

      const xlsx = await xlsxDownload(client, `/api/runs/${check}/${view}?format=xlsx`);
      expectNeutralised(column(xlsx, 'note'), `${view}.xlsx note`);
      expectNeutralised(column(xlsx, 'copy'), `${view}.xlsx copy`);
      expect(column(xlsx, 'amt')).toEqual([1, 2, 3, 4, 5, 6, 7, ...NUMBERS]);
    }

    // The queue export: the key and the values columns; the Filter sheet names a label.
    const label = '-1 day';
    const items = (await client.json('GET', '/api/queue?limit=100')).body.items as { id: number; key: string }[];
    expect(items).toHaveLength(ROWS);
    const labelled = await client.json('PATCH', `/api/queue/${items[0].id}`, { label });
    expect(labelled.status).toBe(200);
    const queue = await xlsxDownload(client, '/api/queue/export.xlsx');
    expectNeutralised(column(queue, 'Key'), 'queue Key');
    expectNeutralised(column(queue, 'note'), 'queue note');
    expect(column(queue, 'amt')).toEqual(expect.arrayContaining(NUMBERS));
    expect(column(queue, 'Label')).toContain(`'${label}`);
    const filter = await xlsxDownload(client, `/api/queue/export.xlsx?label=${encodeURIComponent(label)}`, 'Filter');
    expect(filter).toContainEqual(['Label', `'${label}`]);
    // Uploaded back untouched, the neutralised label reads as the label it was: nothing to change.
    const form = new FormData();
    const bytes = await download(client, '/api/queue/export.xlsx', /spreadsheetml/);
    form.append('file', new File([new Uint8Array(bytes)], 'queue.xlsx'));
    const dryRun = await client.json('POST', '/api/queue/import?dryRun=true', form);
    expect(dryRun.status).toBe(200);
    expect(dryRun.body).toMatchObject({ dryRun: true, changes: [], unchanged: ROWS });

    const report = await startRun(client, server, REPORT, imported.body.id);
    const sheetCsv = await csvDownload(client, `/api/runs/${report}/sheets/Echo?format=csv`);
    expect(sheetCsv[0]).toEqual(['note', 'amt']);
    expectNeutralised(column(sheetCsv, 'note'), 'Echo.csv');
    expect(column(sheetCsv, 'amt').slice(-2)).toEqual(['-5', '3.5']);
    for (const path of [`/api/runs/${report}/sheets/Echo?format=xlsx`, `/api/runs/${report}/results?format=xlsx`]) {
      const sheet = await xlsxDownload(client, path, 'Echo');
      expectNeutralised(column(sheet, 'note'), path);
      expect(column(sheet, 'amt')).toEqual([1, 2, 3, 4, 5, 6, 7, ...NUMBERS]);
    }
  });
});
