/**
 * The columnar reader against the row reader (csv-parse), file by file: the same columns,
 * plans, notes and SHA-256 and every value equal through `fieldAt`, or the same refusal
 * (code, message, place, every problem). The row reader's own tests pin its answers to
 * hand-worked values; here every one of their files, hostile ones and random ones go
 * through both paths.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvScanner } from '../../ingest/csv-scanner.js';
import { DEFAULT_LIMITS, type ImportLimits } from '../../ingest/file-limits.js';
import { inspectColumnarDatasetFile, readColumnarDatasetFile } from '../../ingest/read-columnar.js';
import { inspectDatasetFile, readDatasetFile, type ReadDatasetOptions } from '../../ingest/read-dataset.js';
import { fieldAt } from '../../rules/columnar/types.js';
import { RuleError } from '../../rules/errors.js';
import { tempDir, writeText, writeXlsx } from '../helpers/files.js';

const dir = tempDir('tickmark-columnar-');

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

async function outcome(read: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    return { ok: false, error };
  }
}

function errorShape(error: unknown) {
  if (!(error instanceof RuleError)) return { notRuleError: String(error) };
  return { code: error.code, message: error.message, place: error.place, problems: error.problems, count: error.problemCount };
}

/** Both readers on `path`: equal results or equal refusals. Returns the rows read, or null when refused. */
async function sameThroughBoth(path: string, options: ReadDatasetOptions, inspect = false): Promise<unknown[][] | null> {
  const rows = await outcome(() => (inspect ? inspectDatasetFile(path, options) : readDatasetFile(path, options)));
  const columns = await outcome(() => (inspect ? inspectColumnarDatasetFile(path, options) : readColumnarDatasetFile(path, options)));
  if (!rows.ok) {
    expect(columns.ok, `${path}: the row reader refused (${String(rows.error)}), the columnar one did not`).toBe(false);
    expect(errorShape((columns as { error: unknown }).error)).toEqual(errorShape(rows.error));
    return null;
  }
  if (!columns.ok) throw columns.error;
  const r = rows.value as Awaited<ReturnType<typeof inspectDatasetFile>>;
  const c = columns.value as Awaited<ReturnType<typeof inspectColumnarDatasetFile>>;
  expect(c.dataset.columns).toEqual(r.dataset.columns);
  expect(c.dataset.name).toBe(r.dataset.name);
  expect(c.sha256).toBe(r.sha256);
  expect(c.plans).toEqual(r.plans);
  expect(c.notes).toEqual(r.notes);
  if (inspect) {
    expect(c.headerProblems).toEqual(r.headerProblems);
    expect(c.misfits.problems).toEqual(r.misfits.problems);
    expect(c.misfits.count).toBe(r.misfits.count);
  }
  expect(c.dataset.length).toBe(r.dataset.rows.length);
  const back = r.dataset.rows.map((_, i) => c.dataset.data.map((column) => fieldAt(column, i)));
  expect(back).toEqual(r.dataset.rows);
  return r.dataset.rows;
}

const limits = (over: Partial<ImportLimits>): ImportLimits => ({ ...DEFAULT_LIMITS, ...over });

describe('the columnar reader reads every file as the row reader does', () => {
  const files: [string, string, ReadDatasetOptions?][] = [
    [
      'blotter.csv',
      '\uFEFFid,qty,price,trade_date,us_date,stamp,flag,note,account,empty\r\n' +
        'E1,"1,000",-12.5,2026-11-16,11/16/2026,2026-11-16 09:30,true,"says ""hi"", then\nleaves",00123,\r\n' +
        'E2,250,.5,2026-11-17,1/2/2026,2026-11-17T16:00:05,FALSE,plain,00456,\r\n\r\nE3,,7,,,,,,,\r\n',
    ],
    ['ids.csv', 'id,qty\n001,5\n002,6\nabc,7\n', { name: 'ids', types: { id: 'number' } }],
    ['ids-text.csv', 'id,qty\n001,5\n002,6\nabc,7\n', { name: 'ids', types: { qty: 'text' } }],
    ['unknown-type.csv', 'id,qty\n1,2\n', { name: 'x', types: { nope: 'text' } }],
    ['late-date.csv', 'd\n2026-01-01\n2026-02-30x\n', { name: 'd', types: { d: 'date' } }],
    ['dates.csv', 'd\n2026-02-30\n', { name: 'd' }],
    ['ml.csv', 'a,b\n"x\ny",1\n"z",2,3\n'],
    ['unclosed.csv', 'a,b\n1,"open\n'],
    ['unclosed-long.csv', 'a,b\n1,"open\nx\ny\n'],
    ['unclosed-eof.csv', 'a,b\n1,"open'],
    ['ragged.csv', 'a,b\n1,2\n3\n'],
    ['ragged-last.csv', 'a,b\n1,2\n3'],
    ['noheader.csv', 'a,,c\n1,2,3\n'],
    ['dupe.csv', 'a,A\n1,2\n'],
    ['empty.csv', ''],
    ['only-header.csv', 'a,b\n'],
    ['blank-lines.csv', 'a\n\n\n1\n\n'],
    ['blank-fields.csv', 'a,b\n ,\n"",""\n,\n'],
    ['no-final-break.csv', 'a,b\n1,2'],
    ['trailing-comma.csv', 'a,b\n1,'],
    ['cr-only.csv', 'a,b\r1,2\r3,4'],
    ['crlf-then-lf.csv', 'a,b\r\n1,2\n3,4\r\n'],
    ['lf-then-crlf.csv', 'a,b\n1,2\r\n3,4\n'],
    ['quote-inside.csv', 'a,b\n1,x"q"\n'],
    ['space-quote.csv', 'a,b\n1, "q"\n'],
    ['after-quote.csv', 'a,b\n1,"q"x\n'],
    ['escaped.csv', 'a,b\n1,"a""b"\n2,""""\n'],
    ['mostly.csv', `q\n${Array.from({ length: 30 }, (_, i) => (i % 4 === 0 ? `x${i}` : String(i))).join('\n')}\n`],
    ['typo.csv', `q\n${Array.from({ length: 300 }, (_, i) => (i === 150 ? '1O0' : String(i))).join('\n')}\n`],
    ['bools.csv', 'ok,n\nTRUE,1\nfalse,2\n True ,3\n,4\n'],
    ['padded.csv', 'n,d\n 12 ,  2026-01-02 \n-3,1/2/2026 \n'],
    ['thousands.csv', 'n\n"1,234,567.5"\n+5\n-0\n00\n0.5\n'],
    [
      'many.csv',
      `a,b,c,d\n${Array.from({ length: 30 }, (_, r) => `T${r},${r},${r},${r}`).join('\n')}\n`,
      { name: 'm', limits: limits({ maxCells: 100 }) },
    ],
    ['long.csv', `id,note\nT1,ok\nT2,${'x'.repeat(40_000)}\n`],
    ['wide.csv', `${Array.from({ length: 12 }, (_, i) => `c${i}`).join(',')}\n`, { name: 'w', limits: limits({ maxColumns: 10 }) }],
    ['record-limit.csv', `a,b\n1,2\n${'9'.repeat(50)},4\n`, { name: 'r', limits: limits({ maxCellChars: 20, maxColumns: 2 }) }],
    ['lost.csv', 'city\nZ\uFFFDrich\n'],
    ['data.pdf', '%PDF'],
  ];

  it.each(files)('%s', async (name, text, options = { name: 'x' }) => {
    await sameThroughBoth(writeText(dir, name, text), options);
  });

  it('reads the same values and plans when the dataset name remembers its columns', async () => {
    const path = writeText(dir, 'remembered.csv', 'id,qty,extra\nE1,5,x\nE2,abc,y\n');
    const remembered = {
      columns: [
        { name: 'ID', type: 'text' as const },
        { name: 'qty', type: 'number' as const },
        { name: 'gone', type: 'date' as const },
      ],
      since: 'its first import (#1)',
    };
    expect(await sameThroughBoth(path, { name: 'fills', remembered })).toBeNull();
    await sameThroughBoth(path, { name: 'fills', remembered }, true);
  });

  it('reads UTF-16 LE and BE, Windows-1252 and NUL bytes alike', async () => {
    const text = 'city,dish,price\nZürich,café,€12\nKöln,crème brûlée,5 €\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    const latin1 = Buffer.from(text, 'latin1');
    latin1[latin1.indexOf('€12')] = 0x80;
    const cases: [string, Buffer, ReadDatasetOptions][] = [
      ['le.csv', le, { name: 'm' }],
      ['be.csv', be, { name: 'm' }],
      ['latin1.csv', latin1, { name: 'm' }],
      ['latin1-declared.csv', latin1, { name: 'm', encoding: 'windows-1252' }],
      ['latin1-as-utf8.csv', latin1, { name: 'm', encoding: 'utf-8' }],
      ['nul.csv', Buffer.from('a,b\n1,\u0000\n'), { name: 'm' }],
    ];
    for (const [name, bytes, options] of cases) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      await sameThroughBoth(path, options);
    }
    const rows = await sameThroughBoth(join(dir, 'le.csv'), { name: 'm' });
    expect(rows?.[0]).toEqual(['Zürich', 'café', '€12']);
  });

  it('reads XLSX files alike, misfits and all', async () => {
    const good = writeXlsx(dir, 'confirms.xlsx', {
      Confirms: [
        ['ref', 'qty', 'when', 'ok', 'code'],
        ['C1', 100, new Date(2026, 10, 16), true, '00123'],
        ['C2', 2.5, new Date(2026, 10, 17), false, 'X'],
        ['C3', null, null, null, null],
      ],
    });
    expect(await sameThroughBoth(good, { name: 'c' })).toHaveLength(3);
    const bad = writeXlsx(dir, 'bad.xlsx', { S: [['qty'], [1], ['many']] });
    await sameThroughBoth(bad, { name: 'b', types: { qty: 'number' } });
    await sameThroughBoth(bad, { name: 'b', types: { qty: 'number' } }, true);
  });

  it('reads a file larger than one read chunk, with quoted line breaks across the chunk edges', async () => {
    // 1 MB pieces: a record cut anywhere, a quote cut from its twin, a CRLF cut in two.
    const lines = ['id,note,qty,when'];
    for (let i = 0; i < 60_000; i++)
      lines.push(i % 7 === 0 ? `T${i},"a ""q"" and\r\nmore, ${i}",${i % 50},2026-11-${10 + (i % 9)}` : `T${i},plain ${i % 13},${i / 4},`);
    const path = writeText(dir, 'big.csv', `${lines.join('\r\n')}\r\n`);
    const rows = await sameThroughBoth(path, { name: 'big' });
    expect(rows).toHaveLength(60_000);
    expect(rows![7]).toEqual(['T7', 'a "q" and\r\nmore, 7', 7, '2026-11-17']);
  });

  it('reads alike when the first thousand rows suggest other types than the whole file (one pass, or two)', async () => {
    const body = (n: number, value: (i: number) => string) => Array.from({ length: n }, (_, i) => value(i)).join('\n');
    // Numbers for 1,000 rows, then text: a text column, the early guess (number) dropped for a second pass.
    const late = writeText(dir, 'late-text.csv', `q\n${body(3000, (i) => (i < 1000 ? String(i) : `x${i}`))}\n`);
    const lateRows = await sameThroughBoth(late, { name: 'l' });
    expect(lateRows![5]).toEqual(['5']);
    // Text first, then a million-row-like run of numbers: 1 misfit in 3,000 is a typo, and the row reader says so.
    const typo = writeText(dir, 'early-typo.csv', `q,d\n${body(3000, (i) => `${i === 3 ? 'N/A' : i},2026-01-0${1 + (i % 9)}`)}\n`);
    expect(await sameThroughBoth(typo, { name: 't' })).toBeNull();
    await sameThroughBoth(typo, { name: 't' }, true);
    // The guess holds and a typo comes late: found on its own line in the single pass.
    const lateTypo = writeText(dir, 'late-typo.csv', `q\n${body(3000, (i) => (i === 2500 ? '1O0' : String(i)))}\n`);
    await sameThroughBoth(lateTypo, { name: 'lt' }, true);
    // A type set for a column that is not there: the second pass's refusal, in the row reader's words.
    const unknown = writeText(dir, 'unknown-type.csv', `q\n${body(1500, String)}\n`);
    expect(await sameThroughBoth(unknown, { name: 'u', types: { nope: 'number' } })).toBeNull();
    // Trailing empty cells past the last value keep the column's full length.
    const blanks = writeText(dir, 'trailing-blanks.csv', `a,b\n${body(2500, (i) => `${i},${i < 1200 ? i : ''}`)}\n`);
    expect((await sameThroughBoth(blanks, { name: 'b' }))![2400]).toEqual([2400, null]);
  });

  it('agrees with the row reader on random files (quotes, commas, line breaks, typos, blanks)', async () => {
    const cell = fc.oneof(
      fc.constantFrom('', ' ', '0', '-1.5', '1,000', '00123', 'TRUE', 'false', '2026-02-29', '2024-02-29', '12/31/2026 23:59', 'x'),
      fc.integer({ min: -1e6, max: 1e6 }).map(String),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'é', '1', '-') }),
    );
    const quote = (value: string) => (/[",\r\n]/.test(value) || value.startsWith(' ') ? `"${value.replace(/"/g, '""')}"` : value);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }).chain((width) =>
          fc.record({
            width: fc.constant(width),
            rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 25 }),
            crlf: fc.boolean(),
            bom: fc.boolean(),
            final: fc.boolean(),
            typed: fc.boolean(),
          }),
        ),
        async ({ width, rows, crlf, bom, final, typed }) => {
          const eol = crlf ? '\r\n' : '\n';
          const header = Array.from({ length: width }, (_, i) => `c${i}`);
          const body = [header, ...rows].map((r) => r.map(quote).join(',')).join(eol);
          const path = writeText(dir, `random-${n++}.csv`, `${bom ? '\uFEFF' : ''}${body}${final ? eol : ''}`);
          await sameThroughBoth(path, { name: 'r', types: typed ? { c0: 'number' } : undefined });
        },
      ),
      { numRuns: 150, seed: 14 },
    );
  });
});

describe('the one-pass read past the first thousand rows', () => {
  // Past the guess the converter's parse is the profile's too (read-csv-columnar.ts): the
  // verdicts, misfits and their lines must still be the row reader's, typo by typo.
  it('agrees with the row reader on long random files of typed columns with typos, blanks and switches of type', async () => {
    const typed = [
      (i: number) => String(i * 7 - 3000),
      (i: number) => `${(i % 97) / 8}`,
      (i: number) => `2026-0${1 + (i % 9)}-1${i % 10}`,
      (i: number) => (i % 3 ? 'TRUE' : 'false'),
      (i: number) => `1${i % 10},${String(i % 1000).padStart(3, '0')}`,
    ];
    const odd = fc.constantFrom('', ' ', '1O0', 'N/A', '00123', 'TRUE', '2026-02-30', '12/31/2026', ' 42 ', 'x', '-', '1,00');
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          rows: fc.integer({ min: 1001, max: 2600 }),
          kinds: fc.array(fc.integer({ min: 0, max: typed.length - 1 }), { minLength: 1, maxLength: 3 }),
          oddities: fc.array(fc.record({ row: fc.nat(2599), column: fc.nat(2), value: odd }), { maxLength: 30 }),
          seed: fc.nat(),
        }),
        async ({ rows, kinds, oddities, seed }) => {
          const cells = Array.from({ length: rows }, (_, i) => kinds.map((k) => typed[k](i)));
          for (const o of oddities) if (o.row < rows && o.column < kinds.length) cells[o.row][o.column] = o.value;
          const quote = (v: string) => (/[",]/.test(v) || v.startsWith(' ') ? `"${v}"` : v);
          const text = [kinds.map((_, c) => `c${c}`).join(','), ...cells.map((r) => r.map(quote).join(','))].join('\n');
          const path = writeText(dir, `long-${seed}-${rows}.csv`, `${text}\n`);
          await sameThroughBoth(path, { name: 'long' }, true);
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  });
});

describe('the scanner', () => {
  it('gives the same records however the text is cut into pieces', () => {
    const text = 'a,b,c\r\n"x\r\ny","q""",1\r\n\r\n,,\r\n"",z,"end"';
    const scan = (pieces: string[]) => {
      const records: [string[], number][] = [];
      const scanner = new CsvScanner((fields, count, line) => records.push([fields.slice(0, count), line]), 't.csv', 1000);
      for (const piece of pieces) scanner.push(piece);
      scanner.end();
      return records;
    };
    // Worked by hand, counting lines as csv-parse does (every CR and LF inside quotes is a line):
    // the quoted CRLF puts the second record's end on line 4; the blank line 5 is skipped.
    const whole = scan([text]);
    expect(whole).toEqual([
      [['a', 'b', 'c'], 1],
      [['x\r\ny', 'q"', '1'], 4],
      [['', '', ''], 6],
      [['', 'z', 'end'], 7],
    ]);
    for (let cut = 0; cut <= text.length; cut++) expect(scan([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    expect(scan(text.split(''))).toEqual(whole);
  });
});
