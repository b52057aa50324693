/**
 * Reads a zip's central directory without inflating anything, so an .xlsx whose parts
 * would unzip to gigabytes (a zip bomb) is refused for the price of reading its last few
 * kilobytes; and inflates single small parts with a cap on their output.
 */
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { RuleError } from '../rules/errors.js';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** ZIP64 puts this in a 32-bit size field; such a file is far over any limit we allow. */
const ZIP64_MARK = 0xffffffff;

/** The entries of the zip in `bytes`; throws a RuleError when it is not a readable zip. */
export function readZipDirectory(bytes: Buffer, file: string): ZipEntry[] {
  const bad = (why: string) => new RuleError('bad_file', `not a readable .xlsx workbook: ${why}`, { file });
  // The end record is 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--)
    if (bytes.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  if (end < 0) throw bad('the zip directory is missing (the file is cut short or is not a zip)');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw bad('the zip directory is damaged');
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const entry = {
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      uncompressedSize: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
    };
    if (entry.uncompressedSize === ZIP64_MARK) entry.uncompressedSize = Number.MAX_SAFE_INTEGER;
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The total the parts would unzip to, as the directory declares it. */
export function unzippedSize(entries: ZipEntry[]): number {
  return entries.reduce((sum, e) => Math.min(Number.MAX_SAFE_INTEGER, sum + e.uncompressedSize), 0);
}

/**
 * Inflates one part, at most `maxBytes` of it (a part's first kilobytes are enough to read
 * a sheet's declared size). Throws a RuleError naming the part when it cannot be read.
 */
export async function readZipPart(bytes: Buffer, entry: ZipEntry, file: string, maxBytes: number): Promise<Buffer> {
  const damaged = (why: string) => new RuleError('bad_file', `not a readable .xlsx workbook: part ${entry.name} ${why}`, { file });
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) throw damaged('is damaged');
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.subarray(0, maxBytes);
  if (entry.method !== 8) throw damaged(`uses compression method ${entry.method}`);
  // Streamed, and stopped once enough is out: the part may inflate to far more than we read.
  const inflate = createInflateRaw();
  const chunks: Buffer[] = [];
  let have = 0;
  try {
    for await (const chunk of Readable.from([data]).pipe(inflate) as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      have += chunk.length;
      if (have >= maxBytes) break;
    }
  } catch {
    throw damaged('cannot be inflated');
  } finally {
    inflate.destroy();
  }
  return Buffer.concat(chunks).subarray(0, maxBytes);
}
