/**
 * Hand-built zips and .xlsx files for the hostile-file tests: a workbook written part by
 * part (so its sheet can be a million rows, streamed through deflate, or declare a size it
 * does not have), and zips whose directory says what we want it to say.
 */
import { createWriteStream, existsSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { crc32, deflateRawSync, createDeflateRaw, constants } from 'node:zlib';

export interface Part {
  name: string;
  data: Buffer;
  /** Write these bytes as the compressed data instead of deflating `data` (a fake bomb). */
  raw?: { compressed: Buffer; uncompressedSize: number; crc: number };
}

/** A zip of `parts` (deflated), as bytes. */
export function zipParts(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const compressed = part.raw?.compressed ?? deflateRawSync(part.data);
    const entry = {
      name: part.name,
      crc: part.raw?.crc ?? crc32(part.data),
      compressed: compressed.length,
      size: part.raw?.uncompressedSize ?? part.data.length,
    };
    const local = localHeader(entry);
    centrals.push(centralHeader(entry, offset));
    locals.push(local, compressed);
    offset += local.length + compressed.length;
  }
  return Buffer.concat([...locals, ...centrals, endRecord(parts.length, Buffer.concat(centrals).length, offset)]);
}

interface EntryFacts {
  name: string;
  crc: number;
  compressed: number;
  size: number;
}

function localHeader(e: EntryFacts): Buffer {
  const name = Buffer.from(e.name);
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(8, 8);
  h.writeUInt32LE(e.crc >>> 0, 14);
  h.writeUInt32LE(e.compressed, 18);
  h.writeUInt32LE(e.size, 22);
  h.writeUInt16LE(name.length, 26);
  return Buffer.concat([h, name]);
}

function centralHeader(e: EntryFacts, offset: number): Buffer {
  const name = Buffer.from(e.name);
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(8, 10);
  h.writeUInt32LE(e.crc >>> 0, 16);
  h.writeUInt32LE(e.compressed, 20);
  h.writeUInt32LE(e.size, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt32LE(offset, 42);
  return Buffer.concat([h, name]);
}

function endRecord(count: number, size: number, offset: number): Buffer {
  const h = Buffer.alloc(22);
  h.writeUInt32LE(0x06054b50, 0);
  h.writeUInt16LE(count, 8);
  h.writeUInt16LE(count, 10);
  h.writeUInt32LE(size, 12);
  h.writeUInt32LE(offset, 16);
  return h;
}

/** The parts every workbook needs around its one sheet. */
export function workbookParts(): Part[] {
  const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`);
  return [
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: xml(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
  ];
}

const SHEET_OPEN =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** Column letters of 0-based column `c`. */
export function letters(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Sheet XML of `rows` (numbers or inline strings); `dimension` is written as given (null: none). */
export function sheetXml(rows: (string | number)[][], dimension: string | null): Buffer {
  const body = rows.map((row, r) => rowXml(row, r)).join('');
  return Buffer.from(`${SHEET_OPEN}${dimension ? `<dimension ref="${dimension}"/>` : ''}<sheetData>${body}</sheetData></worksheet>`);
}

function rowXml(row: (string | number)[], r: number): string {
  const cells = row
    .map((v, c) =>
      typeof v === 'number'
        ? `<c r="${letters(c)}${r + 1}"><v>${v}</v></c>`
        : `<c r="${letters(c)}${r + 1}" t="inlineStr"><is><t>${v}</t></is></c>`,
    )
    .join('');
  return `<row r="${r + 1}">${cells}</row>`;
}

/** An .xlsx of `rows` built part by part. */
export function xlsxOf(rows: (string | number)[][], dimension: string | null = `A1:${letters(rows[0].length - 1)}${rows.length}`): Buffer {
  return zipParts([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: sheetXml(rows, dimension) }]);
}

/**
 * Writes (once: kept in `path` for later runs) an .xlsx with a header and `rows` rows of
 * `columns` numbers, streaming the sheet through deflate: a million rows are ~1 GB of XML.
 */
export async function writeBigXlsx(path: string, rows: number, columns: number): Promise<void> {
  if (existsSync(path)) return;
  const header = Array.from({ length: columns }, (_, c) => `c${c + 1}`);
  const deflate = createDeflateRaw({ level: constants.Z_DEFAULT_COMPRESSION });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  let crc = 0;
  let size = 0;
  const put = (text: string) => {
    const bytes = Buffer.from(text);
    crc = crc32(bytes, crc);
    size += bytes.length;
    return deflate.write(bytes) ? Promise.resolve() : once(deflate, 'drain').then(() => undefined);
  };
  await put(`${SHEET_OPEN}<dimension ref="A1:${letters(columns - 1)}${rows + 1}"/><sheetData>${rowXml(header, 0)}`);
  // Cells and rows may leave out their address; identical rows compress like the 2 MB file of the bug report.
  const row = `<row>${Array.from({ length: columns }, (_, c) => `<c><v>${c + 1}</v></c>`).join('')}</row>`;
  let batch = '';
  for (let r = 1; r <= rows; r++) {
    batch += row;
    if (batch.length > 1 << 20) {
      await put(batch);
      batch = '';
    }
  }
  await put(`${batch}</sheetData></worksheet>`);
  deflate.end();
  await once(deflate, 'end');
  const compressed = Buffer.concat(chunks);
  const zip = zipParts([
    ...workbookParts(),
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), raw: { compressed, uncompressedSize: size, crc } },
  ]);
  const out = createWriteStream(`${path}.part`);
  out.end(zip);
  await once(out, 'finish');
  renameSync(`${path}.part`, path);
}
