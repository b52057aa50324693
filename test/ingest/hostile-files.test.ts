/**
 * Files that are not what their names say, too big, or in another text encoding: each is
 * refused with a message naming the file, the place and the limit (and the setting that
 * raises it), or read with the right characters and a note saying how it was read.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type ImportLimits } from '../../ingest/file-limits.js';
import { readDatasetFile, inspectDatasetFile } from '../../ingest/read-dataset.js';
import { tempDir, writeText, writeXlsx } from '../helpers/files.js';
import { ruleErrorOf } from '../helpers/rejection.js';
import { letters, sheetXml, workbookParts, xlsxOf, zipParts } from './xlsx-parts.js';

const dir = tempDir();
const write = (name: string, bytes: Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
/** The same bytes every run: a small linear congruential generator. */
function noise(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}
const limits = (over: Partial<ImportLimits>): ImportLimits => ({ ...DEFAULT_LIMITS, ...over });

describe('bytes that are not what the name says', () => {
  it('refuses 50 KB of random bytes named .xlsx', async () => {
    const error = await ruleErrorOf(readDatasetFile(write('noise.xlsx', noise(50_000)), { name: 'n' }));
    expect(error.code).toBe('bad_file');
    expect(error.describe()).toBe('noise.xlsx: is not an .xlsx workbook: its bytes are not a zip (an .xlsx starts with "PK")');
  });

  it('tells a CSV saved under an .xlsx name to be named .csv', async () => {
    const error = await ruleErrorOf(readDatasetFile(writeText(dir, 'trades.xlsx', 'id,qty\nT1,5\n'), { name: 't' }));
    expect(error.describe()).toBe(
      'trades.xlsx: is not an .xlsx workbook: its bytes are not a zip (an .xlsx starts with "PK"); it looks like text: if it is a CSV file, name it .csv',
    );
  });

  it('asks for a legacy .xls to be saved as .xlsx', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), noise(4000)]);
    const error = await ruleErrorOf(readDatasetFile(write('old.xlsx', ole), { name: 'o' }));
    expect(error.describe()).toBe(
      'old.xlsx: is a legacy Excel 97-2003 (.xls) workbook or a password-protected one, not an .xlsx: open it in Excel, remove any password and save it as .xlsx',
    );
  });

  it('refuses a zip that is not a workbook', async () => {
    const zip = zipParts([{ name: 'readme.txt', data: Buffer.from('hello') }]);
    const error = await ruleErrorOf(readDatasetFile(write('archive.xlsx', zip), { name: 'a' }));
    expect(error.describe()).toBe(
      'archive.xlsx: is a zip file but not an Excel workbook (it has no [Content_Types].xml and xl/workbook.xml)',
    );
  });

  it('refuses random bytes and NUL bytes named .csv, naming the line', async () => {
    const random = await ruleErrorOf(readDatasetFile(write('noise.csv', noise(50_000)), { name: 'n' }));
    expect(random.code).toBe('bad_file');
    expect(random.describe()).toMatch(/^noise\.csv, line \d+: holds binary data \(a NUL byte\), not CSV text/);
    const nul = await ruleErrorOf(readDatasetFile(write('nul.csv', Buffer.from('id,qty\nT1,5\nT2,\0\n')), { name: 'n' }));
    expect(nul.describe()).toBe('nul.csv, line 3: holds binary data (a NUL byte), not CSV text: is it the file you meant?');
  });
});

describe('limits', () => {
  it('refuses a zip bomb from its directory alone, without inflating a byte', async () => {
    // The sheet's "compressed data" is not deflate at all: had anything tried to inflate it,
    // the refusal would be about damaged data, not the declared 1 GB.
    const fake = { compressed: noise(1000), uncompressedSize: 1024 * 1024 * 1024, crc: 0 };
    const bomb = zipParts([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), raw: fake }]);
    const error = await ruleErrorOf(readDatasetFile(write('bomb.xlsx', bomb), { name: 'b' }));
    expect(error.code).toBe('too_large');
    expect(error.describe()).toBe('bomb.xlsx: unzips to 1,025 MB, over the limit of 256 MB (TICKMARK_MAX_UNZIPPED_MB)');
  });

  it('refuses a real bomb (64 MB of spaces in a small file) over a lower limit', async () => {
    const spaces = Buffer.alloc(64 * 1024 * 1024, 0x20);
    const bomb = zipParts([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: spaces }]);
    expect(bomb.length).toBeLessThan(200_000);
    const error = await ruleErrorOf(
      readDatasetFile(write('spaces.xlsx', bomb), { name: 's', limits: limits({ maxUnzippedBytes: 16 * 1048576 }) }),
    );
    expect(error.describe()).toBe('spaces.xlsx: unzips to 65 MB, over the limit of 16 MB (TICKMARK_MAX_UNZIPPED_MB)');
  });

  it('refuses a sheet whose declared size is over the cell limit before parsing it', async () => {
    // Only the header row is really there: the refusal comes from <dimension> alone.
    const sheet = sheetXml([Array.from({ length: 30 }, (_, c) => `c${c}`)], `A1:${letters(29)}1000001`);
    const xlsx = zipParts([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: sheet }]);
    const error = await ruleErrorOf(readDatasetFile(write('positions.xlsx', xlsx), { name: 'p' }));
    expect(error.code).toBe('too_large');
    expect(error.describe()).toBe('positions.xlsx: 30,000,030 cells is over the limit of 5,000,000 (TICKMARK_MAX_CELLS)');
  });

  it('counts the cells of a sheet that declares no size', async () => {
    const rows = [['id', 'qty', 'price'], ...Array.from({ length: 20 }, (_, r) => [`T${r}`, r, r / 2])];
    const error = await ruleErrorOf(
      readDatasetFile(write('nodim.xlsx', xlsxOf(rows, null)), { name: 'n', limits: limits({ maxCells: 50 }) }),
    );
    expect(error.describe()).toBe('nodim.xlsx: 63 cells is over the limit of 50 (TICKMARK_MAX_CELLS)');
    // Under the limit the same file reads whole: the checks do not lose rows.
    const { dataset } = await readDatasetFile(join(dir, 'nodim.xlsx'), { name: 'n', limits: limits({ maxCells: 63 }) });
    expect(dataset.rows).toHaveLength(20);
    expect(dataset.rows[19]).toEqual(['T19', 19, 9.5]);
  });

  it('refuses too many columns in an .xlsx (from SheetJS) and a CSV', async () => {
    const xlsx = writeXlsx(dir, 'wide.xlsx', {
      S: [
        ['a', 'b', 'c', 'd', 'e', 'f'],
        [1, 2, 3, 4, 5, 6],
      ],
    });
    const wide = await ruleErrorOf(readDatasetFile(xlsx, { name: 'w', limits: limits({ maxColumns: 5 }) }));
    expect(wide.describe()).toBe('wide.xlsx: 6 columns is over the limit of 5 (TICKMARK_MAX_COLUMNS)');
    const header = Array.from({ length: 1001 }, (_, c) => `c${c}`).join(',');
    const csv = await ruleErrorOf(readDatasetFile(writeText(dir, 'wide.csv', `${header}\n`), { name: 'w' }));
    expect(csv.code).toBe('too_large');
    expect(csv.describe()).toBe('wide.csv, line 1: 1,001 columns is over the limit of 1,000 (TICKMARK_MAX_COLUMNS)');
  });

  it('refuses a CSV over the cell limit with its total, and a value over the length limit where it is', async () => {
    const rows = Array.from({ length: 30 }, (_, r) => `T${r},${r},${r},${r}`);
    const many = await ruleErrorOf(
      readDatasetFile(writeText(dir, 'many.csv', `a,b,c,d\n${rows.join('\n')}\n`), { name: 'm', limits: limits({ maxCells: 100 }) }),
    );
    expect(many.describe()).toBe('many.csv: 124 cells is over the limit of 100 (TICKMARK_MAX_CELLS)');
    const long = await ruleErrorOf(
      readDatasetFile(writeText(dir, 'long.csv', `id,note\nT1,ok\nT2,${'x'.repeat(40_000)}\n`), { name: 'l' }),
    );
    expect(long.describe()).toBe(
      'long.csv, line 3, column "#2": a value of 40,000 characters is over the limit of 32,767 (TICKMARK_MAX_CELL_CHARS)',
    );
  });

  it('refuses a value too long in an .xlsx cell', async () => {
    const error = await ruleErrorOf(
      readDatasetFile(
        write(
          'longcell.xlsx',
          xlsxOf([
            ['id', 'note'],
            ['T1', 'y'.repeat(200)],
          ]),
        ),
        { name: 'l', limits: limits({ maxCellChars: 100 }) },
      ),
    );
    expect(error.describe()).toBe('longcell.xlsx, Data!B2: a value of 200 characters is over the limit of 100 (TICKMARK_MAX_CELL_CHARS)');
  });
});

describe('text encodings', () => {
  // Written by hand: the characters each file must come back with.
  const expected = [
    ['Zürich', 'café', '€12'],
    ['Köln', 'crème brûlée', '5 €'],
  ];
  const text = `city,dish,price\n${expected.map((r) => r.join(',')).join('\n')}\n`;

  it('reads UTF-16 LE and BE with a byte order mark', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    for (const [name, bytes] of [
      ['le.csv', le],
      ['be.csv', be],
    ] as const) {
      const read = await readDatasetFile(write(name, bytes), { name: 'menu' });
      expect(read.dataset.columns.map((c) => c.name)).toEqual(['city', 'dish', 'price']);
      expect(read.dataset.rows).toEqual(expected);
      expect(read.notes).toEqual([]);
    }
  });

  it('reads UTF-8 with and without a BOM, and says when the file already holds U+FFFD', async () => {
    const plain = await readDatasetFile(writeText(dir, 'u8.csv', text), { name: 'menu' });
    expect(plain.dataset.rows).toEqual(expected);
    expect(plain.notes).toEqual([]);
    const bom = await readDatasetFile(writeText(dir, 'u8bom.csv', `\uFEFF${text}`), { name: 'menu' });
    expect(bom.dataset.columns[0].name).toBe('city');
    const lost = await readDatasetFile(writeText(dir, 'lost.csv', 'city\nZ\uFFFDrich\n'), { name: 'menu' });
    expect(lost.notes).toEqual([
      'lost.csv line 2 already holds the replacement character "\uFFFD": some characters were lost before the file got here',
    ]);
  });

  // Windows-1252 bytes by hand: ü FC, é E9, € 80, ö F6, è E8, û FB.
  const latin1 = Buffer.concat([
    Buffer.from('city,dish,price\nZ'),
    Buffer.from([0xfc]),
    Buffer.from('rich,caf'),
    Buffer.from([0xe9]),
    Buffer.from(','),
    Buffer.from([0x80]),
    Buffer.from('12\nK'),
    Buffer.from([0xf6]),
    Buffer.from('ln,cr'),
    Buffer.from([0xe8]),
    Buffer.from('me br'),
    Buffer.from([0xfb]),
    Buffer.from('l'),
    Buffer.from([0xe9]),
    Buffer.from('e,5 '),
    Buffer.from([0x80]),
    Buffer.from('\n'),
  ]);

  it('reads Windows-1252 that is not UTF-8, and says so with the first line that is not UTF-8', async () => {
    const read = await inspectDatasetFile(write('menu.csv', latin1), { name: 'menu' });
    expect(read.dataset.rows).toEqual(expected);
    expect(read.notes).toEqual([
      'menu.csv is not UTF-8 (line 2 is the first that is not): it was read as Windows-1252 (Latin-1); declare another encoding if its accented letters look wrong',
    ]);
  });

  it('reads Windows-1252 without a note when it is declared', async () => {
    const read = await readDatasetFile(join(dir, 'menu.csv'), { name: 'menu', encoding: 'windows-1252' });
    expect(read.dataset.rows).toEqual(expected);
    expect(read.notes).toEqual([]);
  });

  it('refuses bytes that are neither UTF-8 nor Windows-1252, naming the line', async () => {
    const bad = Buffer.concat([Buffer.from('id,name\nT1,ok\nT2,a'), Buffer.from([0xe9, 0x81]), Buffer.from('\n')]);
    const error = await ruleErrorOf(readDatasetFile(write('odd.csv', bad), { name: 'o' }));
    expect(error.describe()).toBe(
      'odd.csv, line 3: is neither UTF-8 nor Windows-1252 (Latin-1) text: save it as UTF-8 CSV, or declare its encoding',
    );
  });

  it('names the right line of trouble past the first megabytes of plain ASCII', async () => {
    // 120,000 lines of ASCII (about 3 MB, several of the reader's 1 MB chunks), then trouble on a known line.
    const ascii = `id,name\n${Array.from({ length: 120_000 }, (_, i) => `T${i},plain text`).join('\n')}\n`;
    const line = 120_002;
    const nul = await ruleErrorOf(
      readDatasetFile(write('late-nul.csv', Buffer.concat([Buffer.from(ascii), Buffer.from('T,a\0b\n')])), { name: 'n' }),
    );
    expect(nul.describe()).toBe(`late-nul.csv, line ${line}: holds binary data (a NUL byte), not CSV text: is it the file you meant?`);
    const odd = Buffer.concat([Buffer.from(ascii), Buffer.from('T,a'), Buffer.from([0xe9, 0x81]), Buffer.from('\n')]);
    const bad = await ruleErrorOf(readDatasetFile(write('late-odd.csv', odd), { name: 'o' }));
    expect(bad.describe()).toBe(
      `late-odd.csv, line ${line}: is neither UTF-8 nor Windows-1252 (Latin-1) text: save it as UTF-8 CSV, or declare its encoding`,
    );
    const latin = Buffer.concat([Buffer.from(ascii), Buffer.from('T,caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const read = await inspectDatasetFile(write('late-latin.csv', latin), { name: 'l' });
    expect(read.notes).toEqual([
      `late-latin.csv is not UTF-8 (line ${line} is the first that is not): it was read as Windows-1252 (Latin-1); declare another encoding if its accented letters look wrong`,
    ]);
    const lost = await readDatasetFile(write('late-lost.csv', Buffer.from(`${ascii}T,Z\uFFFDrich\n`)), { name: 'z' });
    expect(lost.notes).toEqual([
      `late-lost.csv line ${line} already holds the replacement character "\uFFFD": some characters were lost before the file got here`,
    ]);
  });

  it('refuses a declared UTF-8 that is not', async () => {
    const error = await ruleErrorOf(readDatasetFile(join(dir, 'menu.csv'), { name: 'menu', encoding: 'utf-8' }));
    expect(error.describe()).toBe(
      'menu.csv, line 2: is not valid UTF-8 text (declared utf-8): declare latin1 if it is Windows-1252 (Latin-1)',
    );
  });
});
