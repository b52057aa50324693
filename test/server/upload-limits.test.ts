/**
 * Untrusted uploads through the real HTTP stack: a file is read in a worker thread held to
 * the limits, so the server keeps answering (no request waits 200 ms) while a 1M-row .xlsx
 * is refused or a big one is parsed; every refusal is a 413/422 naming file, limit and
 * setting, with nothing imported; other encodings import with the right characters.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listDatasets } from '../../db/datasets.service.js';
import { scratchDir } from '../scratch.js';
import { workbookParts, writeBigXlsx, xlsxOf, zipParts } from '../ingest/xlsx-parts.js';
import { admin, type Client, testServer } from './helpers.js';

const big = join(scratchDir, 'positions-1m.xlsx');

beforeAll(async () => {
  // A header and 1,000,000 rows x 30 columns: 2 MB of zip, 460 MB of sheet XML. Made once.
  await writeBigXlsx(big, 1_000_000, 30);
});

function form(fields: Record<string, string>, name: string, bytes: Uint8Array): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  data.append('file', new File([new Uint8Array(bytes)], name));
  return data;
}

/** CPU time the main thread (not the import worker) has used, in ms: Linux's per-thread clock ticks. */
function mainThreadCpuMs(): number {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat(5), in ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Runs `work` while asking the server a cheap question every 50 ms. `longest` is the most
 * any poll waited (its answer plus how late its timer fired); `busiest` is the CPU time
 * the main thread itself spent during any one poll, which is what would hold requests up
 * if it parsed the file. The 200 ms bound is asserted on `busiest`: on this machine, shared
 * far past its two cores, the wall clock also counts time no thread was scheduled at all.
 */
async function whilePolling<T>(
  client: Client,
  work: () => Promise<T>,
): Promise<{ result: T; longest: number; busiest: number; polls: number }> {
  let done = false;
  let longest = 0;
  let busiest = 0;
  let polls = 0;
  const poller = (async () => {
    while (!done) {
      const asked = performance.now();
      const cpu = mainThreadCpuMs();
      const response = await client.request('GET', '/api/auth/me');
      expect(response.status).toBe(200);
      await response.arrayBuffer();
      const answered = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const late = performance.now() - answered - 50;
      longest = Math.max(longest, answered - asked, late);
      busiest = Math.max(busiest, mainThreadCpuMs() - cpu);
      polls += 1;
    }
  })();
  try {
    const result = await work();
    // A refusal can come back before the first poll does: let one finish, so every run is measured.
    while (polls === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    return { result, longest, busiest, polls };
  } finally {
    done = true;
    await poller;
  }
}

/** The bounds: the main thread never busy 200 ms within a poll, and no poll waiting seconds (169 s before). */
function expectAnswering({ longest, busiest, polls }: { longest: number; busiest: number; polls: number }): void {
  expect(polls).toBeGreaterThan(0);
  expect(busiest).toBeLessThan(200);
  expect(longest).toBeLessThan(3000);
}

it('the measure catches a main thread held up for 300 ms of CPU', async () => {
  const server = testServer();
  const client = await admin(server);
  const held = await whilePolling(client, async () => {
    await new Promise((resolve) => setTimeout(resolve, 120));
    // The kind of stall an XLSX parse on the main thread is.
    const until = mainThreadCpuMs() + 300;
    for (let i = 0; ; i++) if (i % 10_000 === 0 && mainThreadCpuMs() >= until) break;
    await new Promise((resolve) => setTimeout(resolve, 120));
  });
  expect(held.busiest).toBeGreaterThanOrEqual(290);
});

describe('the 1M-row .xlsx of the bug report', () => {
  it('is refused by its unzipped size (413) while the server keeps answering', async () => {
    const server = testServer();
    const client = await admin(server);
    const bytes = readFileSync(big);
    expect(bytes.length).toBeLessThan(3 * 1024 * 1024);
    const { result, ...polling } = await whilePolling(client, () =>
      client.json('POST', '/api/datasets', form({ name: 'positions' }, 'positions.xlsx', bytes)),
    );
    expect(result).toMatchObject({
      status: 413,
      body: {
        error: { code: 'too_large', message: 'positions.xlsx: unzips to 460 MB, over the limit of 256 MB (TICKMARK_MAX_UNZIPPED_MB)' },
      },
    });
    expectAnswering(polling);
    expect(listDatasets(server.db)).toEqual([]);
  });

  it('is refused by its cells (413) when the unzipped limit is raised, from the size it declares', async () => {
    const server = testServer({ TICKMARK_MAX_UNZIPPED_MB: '1024' });
    const client = await admin(server);
    const { result, ...polling } = await whilePolling(client, () =>
      client.json('POST', '/api/datasets/inspect', form({ name: 'positions' }, 'positions.xlsx', readFileSync(big))),
    );
    expect(result).toMatchObject({
      status: 413,
      body: {
        error: { code: 'too_large', message: 'positions.xlsx: 30,000,030 cells is over the limit of 5,000,000 (TICKMARK_MAX_CELLS)' },
      },
    });
    expectAnswering(polling);
  });

  it('is a 413 naming TICKMARK_IMPORT_MEMORY_MB when the worker runs out of memory, and the server lives on', async () => {
    const server = testServer({ TICKMARK_MAX_UNZIPPED_MB: '1024', TICKMARK_MAX_CELLS: '100000000', TICKMARK_IMPORT_MEMORY_MB: '128' });
    const client = await admin(server);
    const { result, ...polling } = await whilePolling(client, () =>
      client.json('POST', '/api/datasets', form({ name: 'positions' }, 'positions.xlsx', readFileSync(big))),
    );
    expect(result).toMatchObject({
      status: 413,
      body: {
        error: {
          code: 'too_large',
          message: 'positions.xlsx is too large to read within the 128 MB import memory (TICKMARK_IMPORT_MEMORY_MB)',
        },
      },
    });
    expectAnswering(polling);
    expect(listDatasets(server.db)).toEqual([]);
    expect((await client.json('GET', '/api/auth/me')).status).toBe(200);
  });
});

describe('a big file within the limits', () => {
  it('is parsed in the worker and imported whole while no request waits 200 ms', async () => {
    const server = testServer();
    const client = await admin(server);
    const header = ['id', 'book', 'qty', 'price', 'a', 'b', 'c', 'd'];
    const rows = Array.from({ length: 30_000 }, (_, r) => [`T${r + 1}`, `B${r % 7}`, r, r / 4, 1, 2, 3, 4]);
    const upload = form({ name: 'trades' }, 'trades.xlsx', xlsxOf([header, ...rows]));
    const { result, ...polling } = await whilePolling(client, () => client.json('POST', '/api/datasets', upload));
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ name: 'trades', rows: 30_000 });
    expectAnswering(polling);
    const last = await client.json('GET', `/api/datasets/${result.body.id}/rows?offset=29999&limit=1`);
    expect(last.body.rows ?? last.body).toEqual([['T30000', 'B4', 29_999, 7499.75, 1, 2, 3, 4]]); // 29,999 mod 7 = 4
  });
});

describe('refusals name the file and the limit, and import nothing', () => {
  it('refuses random bytes named .xlsx with 422', async () => {
    const server = testServer();
    const client = await admin(server);
    const noise = Buffer.alloc(50_000);
    for (let i = 0, x = 7; i < noise.length; i++) noise[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    for (const path of ['/api/datasets', '/api/datasets/inspect']) {
      const response = await client.json('POST', path, form({ name: 'noise' }, 'noise.xlsx', noise));
      expect(response).toMatchObject({
        status: 422,
        body: {
          error: { code: 'bad_file', message: 'noise.xlsx: is not an .xlsx workbook: its bytes are not a zip (an .xlsx starts with "PK")' },
        },
      });
    }
    expect(listDatasets(server.db)).toEqual([]);
  });

  it('refuses a CSV with too many columns, and a value longer than the setting allows', async () => {
    const server = testServer({ TICKMARK_MAX_COLUMNS: '3', TICKMARK_MAX_CELL_CHARS: '10' });
    const client = await admin(server);
    const wide = await client.json('POST', '/api/datasets', form({ name: 'w' }, 'wide.csv', Buffer.from('a,b,c,d\n1,2,3,4\n')));
    expect(wide).toMatchObject({
      status: 413,
      body: { error: { code: 'too_large', message: 'wide.csv, line 1: 4 columns is over the limit of 3 (TICKMARK_MAX_COLUMNS)' } },
    });
    const long = await client.json('POST', '/api/datasets', form({ name: 'l' }, 'long.csv', Buffer.from('a,b\n1,abcdefghijkl\n')));
    expect(long.body.error.message).toBe(
      'long.csv, line 2, column "#2": a value of 12 characters is over the limit of 10 (TICKMARK_MAX_CELL_CHARS)',
    );
    expect(listDatasets(server.db)).toEqual([]);
  });

  it('refuses a zip bomb and random bytes sent as a queue spreadsheet', async () => {
    const server = testServer();
    const client = await admin(server);
    const fake = { compressed: Buffer.alloc(100, 1), uncompressedSize: 2_000_000_000, crc: 0 };
    const bomb = zipParts([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), raw: fake }]);
    const refused = await client.json('POST', '/api/queue/import', form({}, 'queue.xlsx', bomb));
    expect(refused).toMatchObject({
      status: 413,
      body: {
        error: { code: 'too_large', message: 'queue.xlsx: unzips to 1,908 MB, over the limit of 256 MB (TICKMARK_MAX_UNZIPPED_MB)' },
      },
    });
    const noise = await client.json('POST', '/api/queue/import', form({}, 'queue.xlsx', Buffer.from('Id,Status\n1,open\n')));
    expect(noise.status).toBe(422);
    expect(noise.body.error.message).toMatch(/^queue\.xlsx: is not an \.xlsx workbook: .*name it \.csv$/);
  });
});

describe('text encodings over HTTP', () => {
  // Windows-1252 by hand: ü FC, é E9, € 80.
  const latin1 = Buffer.concat([
    Buffer.from('city,dish,price\nZ'),
    Buffer.from([0xfc]),
    Buffer.from('rich,caf'),
    Buffer.from([0xe9]),
    Buffer.from(',12 '),
    Buffer.from([0x80]),
    Buffer.from('\n'),
  ]);

  it('says in the inspection that a non-UTF-8 file was read as Windows-1252, and imports it as declared', async () => {
    const server = testServer();
    const client = await admin(server);
    const inspected = await client.json('POST', '/api/datasets/inspect', form({ name: 'menu' }, 'menu.csv', latin1));
    expect(inspected.status).toBe(200);
    expect(inspected.body.notes).toEqual([
      'menu.csv is not UTF-8 (line 2 is the first that is not): it was read as Windows-1252 (Latin-1); declare another encoding if its accented letters look wrong',
    ]);
    const imported = await client.json('POST', '/api/datasets', form({ name: 'menu', encoding: 'latin1' }, 'menu.csv', latin1));
    expect(imported.status).toBe(201);
    expect(imported.body.notes).toEqual([]);
    const rows = await client.json('GET', `/api/datasets/${imported.body.id}/rows?offset=0&limit=5`);
    expect(JSON.stringify(rows.body)).toContain('["Zürich","café","12 €"]');
  });

  it('imports UTF-16 LE with a BOM, and refuses an encoding it does not know', async () => {
    const server = testServer();
    const client = await admin(server);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('city,dish\nKöln,crème brûlée €\n', 'utf16le')]);
    const imported = await client.json('POST', '/api/datasets', form({ name: 'menu' }, 'menu16.csv', utf16));
    expect(imported.status).toBe(201);
    const rows = await client.json('GET', `/api/datasets/${imported.body.id}/rows?offset=0&limit=5`);
    expect(JSON.stringify(rows.body)).toContain('["Köln","crème brûlée €"]');
    const unknown = await client.json('POST', '/api/datasets', form({ name: 'x', encoding: 'ebcdic' }, 'x.csv', Buffer.from('a\n1\n')));
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toMatch(/^x\.csv, setting "encoding": "ebcdic" is not an encoding we read; use utf-8, /);
  });
});
