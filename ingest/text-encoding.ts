/**
 * Decides how a CSV's bytes become text: UTF-8 (with or without a BOM), UTF-16 LE/BE with
 * a BOM, or Windows-1252 (Latin-1) when the user declares it or the bytes are not UTF-8
 * but are valid Windows-1252, which is said in a note. Binary content is refused. Nothing
 * is ever decoded into U+FFFD replacement characters behind the user's back.
 */
import { createReadStream } from 'node:fs';
import { RuleError } from '../rules/errors.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The names a user may declare (`--encoding NAME=latin1`, the upload's `encoding` field). */
export const ENCODING_NAMES: Record<string, TextEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  latin1: 'windows-1252',
  'latin-1': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
};

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Said to the user: a guessed encoding, or replacement characters already in the file. */
  notes: string[];
}

/** The encoding `name` stands for; throws a RuleError naming the accepted names. */
export function encodingNamed(name: string, file: string): TextEncoding {
  const encoding = ENCODING_NAMES[name.trim().toLowerCase()];
  if (!encoding)
    throw new RuleError('bad_parameter', `"${name}" is not an encoding we read; use ${Object.keys(ENCODING_NAMES).join(', ')}`, {
      file,
      setting: 'encoding',
    });
  return encoding;
}

/** Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D have no character in Windows-1252. */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Reads `path` once and decides its encoding (`declared` wins when given, and is checked).
 * Throws a RuleError naming the file and line of the first byte that fits no encoding.
 */
export async function detectTextEncoding(path: string, file: string, declared?: TextEncoding): Promise<DetectedEncoding> {
  const scan = new ByteScan();
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) scan.add(chunk);
  scan.end();
  const bom = scan.bom;
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    if (declared && declared !== bom)
      throw new RuleError('bad_file', `starts with a ${bom.toUpperCase()} byte order mark, not ${declared}`, { file });
    await checkUtf16(path, bom, file);
    return { encoding: bom, notes: [] };
  }
  if (scan.nulLine)
    throw new RuleError('bad_file', 'holds binary data (a NUL byte), not CSV text: is it the file you meant?', {
      file,
      line: scan.nulLine,
    });
  const notes = scan.replacementLine
    ? [
        `${file} line ${scan.replacementLine} already holds the replacement character "\uFFFD": some characters were lost before the file got here`,
      ]
    : [];
  if (declared === 'windows-1252' || (!declared && scan.invalidUtf8Line)) {
    if (scan.bad1252Line)
      throw new RuleError(
        'bad_file',
        declared
          ? 'is not Windows-1252 (Latin-1) text: it holds bytes that encoding has no character for, or control characters'
          : 'is neither UTF-8 nor Windows-1252 (Latin-1) text: save it as UTF-8 CSV, or declare its encoding',
        { file, line: scan.bad1252Line },
      );
    if (!declared)
      notes.push(
        `${file} is not UTF-8 (line ${scan.invalidUtf8Line} is the first that is not): it was read as Windows-1252 (Latin-1); declare another encoding if its accented letters look wrong`,
      );
    return { encoding: 'windows-1252', notes };
  }
  if (scan.invalidUtf8Line)
    throw new RuleError('bad_file', 'is not valid UTF-8 text (declared utf-8): declare latin1 if it is Windows-1252 (Latin-1)', {
      file,
      line: scan.invalidUtf8Line,
    });
  return { encoding: 'utf-8', notes };
}

/** UTF-16 must decode without a fault and hold no NUL characters. */
async function checkUtf16(path: string, encoding: 'utf-16le' | 'utf-16be', file: string): Promise<void> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let line = 1;
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      const text = decoder.decode(chunk, { stream: true });
      const nul = text.indexOf('\0');
      if (nul >= 0)
        throw new RuleError('bad_file', `holds binary data (a NUL character), not CSV text`, {
          file,
          line: line + countLines(text.slice(0, nul)),
        });
      line += countLines(text);
    }
    decoder.decode();
  } catch (error) {
    if (error instanceof RuleError) throw error;
    throw new RuleError('bad_file', `is not valid ${encoding.toUpperCase()} text though it starts with that byte order mark`, {
      file,
      line,
    });
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

/** Anything but printable ASCII, tab, LF and CR. */
const NOT_PLAIN_ASCII = /[^\t\n\r\x20-\x7e]/;

/** One pass over the bytes: the BOM, and the first line of each kind of trouble. */
class ByteScan {
  bom: 'utf-8' | 'utf-16le' | 'utf-16be' | null = null;
  nulLine = 0;
  invalidUtf8Line = 0;
  bad1252Line = 0;
  replacementLine = 0;
  private line = 1;
  private first = true;
  /** Continuation bytes still expected by the current UTF-8 sequence, and its lead. */
  private need = 0;
  private lead = 0;
  private seen = 0;
  private recent = 0;

  add(chunk: Buffer): void {
    let i = 0;
    if (this.first) {
      this.first = false;
      if (chunk[0] === 0xff && chunk[1] === 0xfe) this.bom = 'utf-16le';
      else if (chunk[0] === 0xfe && chunk[1] === 0xff) this.bom = 'utf-16be';
      else if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        this.bom = 'utf-8';
        i = 3;
      }
      if (this.bom === 'utf-16le' || this.bom === 'utf-16be') return;
    }
    if (this.bom === 'utf-16le' || this.bom === 'utf-16be') return;
    if (this.need === 0 && this.plainAscii(chunk, i)) return;
    for (; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === 0 && !this.nulLine) this.nulLine = this.line;
      if (!this.bad1252Line && (UNDEFINED_1252.has(b) || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f))
        this.bad1252Line = this.line;
      this.utf8(b);
      if (b === 0x0a) this.line += 1;
    }
  }

  end(): void {
    if (this.need > 0) this.invalid();
  }

  /**
   * The common case at native speed (a 50 MB file took 0.8 s byte by byte): a chunk of
   * printable ASCII, tabs and line breaks, outside any UTF-8 sequence, can hold none of
   * the troubles above, so only its lines are counted. False: scan it byte by byte.
   */
  private plainAscii(chunk: Buffer, from: number): boolean {
    if (NOT_PLAIN_ASCII.test(chunk.toString('latin1', from))) return false;
    for (let at = chunk.indexOf(0x0a, from); at >= 0; at = chunk.indexOf(0x0a, at + 1)) this.line += 1;
    // The last bytes, for the U+FFFD check across the chunk's end (ASCII can never complete it).
    const n = chunk.length;
    this.recent = n - from >= 3 ? (chunk[n - 3] << 16) | (chunk[n - 2] << 8) | chunk[n - 1] : 0;
    return true;
  }

  private utf8(b: number): void {
    // EF BF BD is U+FFFD: someone before us replaced characters they could not read.
    this.recent = ((this.recent << 8) | b) & 0xffffff;
    if (this.recent === 0xefbfbd && !this.replacementLine) this.replacementLine = this.line;
    if (this.invalidUtf8Line) return;
    if (this.need > 0) {
      const ok =
        (b & 0xc0) === 0x80 &&
        // The second byte of a few leads has a narrower range (no overlongs, no surrogates).
        (this.seen > 0 ||
          !(
            (this.lead === 0xe0 && b < 0xa0) ||
            (this.lead === 0xed && b > 0x9f) ||
            (this.lead === 0xf0 && b < 0x90) ||
            (this.lead === 0xf4 && b > 0x8f)
          ));
      if (!ok) return this.invalid();
      this.seen += 1;
      this.need -= 1;
      return;
    }
    if (b < 0x80) return;
    this.lead = b;
    this.seen = 0;
    if (b >= 0xc2 && b <= 0xdf) this.need = 1;
    else if (b >= 0xe0 && b <= 0xef) this.need = 2;
    else if (b >= 0xf0 && b <= 0xf4) this.need = 3;
    else this.invalid();
  }

  private invalid(): void {
    if (!this.invalidUtf8Line) this.invalidUtf8Line = this.line;
  }
}
