/**
 * Checks that an .xlsx's bytes are what its name says before any parser sees them, and
 * what the zip declares against the limits: cheap refusals for random bytes, legacy .xls
 * files, zips that are not workbooks, zip bombs and sheets declaring too many cells.
 */
import { RuleError } from '../rules/errors.js';
import { overLimit, type ImportLimits } from './file-limits.js';
import { readZipDirectory, readZipPart, unzippedSize, type ZipEntry } from './zip-directory.js';

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** What the sheet's `<dimension>` declares, when it has one. */
export interface DeclaredSize {
  rows: number;
  columns: number;
}

/**
 * Refuses `bytes` unless they are an OOXML workbook within `limits`; resolves to the first
 * sheet's declared size (null when the sheet does not declare one).
 */
export async function checkXlsxBytes(bytes: Buffer, file: string, limits: ImportLimits): Promise<DeclaredSize | null> {
  const { entries, workbook } = checkXlsxContainer(bytes, file, limits);
  const sheet = await firstSheetPart(bytes, entries, workbook, file);
  if (!sheet) return null;
  const size = declaredSize((await readZipPart(bytes, sheet, file, 64 * 1024)).toString('utf8'));
  if (size) checkDeclared(size, limits, file);
  return size;
}

/**
 * The synchronous half of checkXlsxBytes: the bytes are a zip holding an OOXML workbook
 * whose parts unzip within the limit. Reads only the zip's directory.
 */
export function checkXlsxContainer(bytes: Buffer, file: string, limits: ImportLimits): { entries: ZipEntry[]; workbook: ZipEntry } {
  if (bytes.subarray(0, 8).equals(OLE))
    throw new RuleError(
      'bad_file',
      'is a legacy Excel 97-2003 (.xls) workbook or a password-protected one, not an .xlsx: open it in Excel, remove any password and save it as .xlsx',
      { file },
    );
  if (!bytes.subarray(0, 4).equals(ZIP))
    throw new RuleError('bad_file', `is not an .xlsx workbook: its bytes are not a zip (an .xlsx starts with "PK")${textHint(bytes)}`, {
      file,
    });
  const entries = readZipDirectory(bytes, file);
  const part = (name: string) => entries.find((e) => e.name === name);
  const workbook = part('xl/workbook.xml');
  if (!part('[Content_Types].xml') || !workbook)
    throw new RuleError('bad_file', 'is a zip file but not an Excel workbook (it has no [Content_Types].xml and xl/workbook.xml)', {
      file,
    });
  const total = unzippedSize(entries);
  if (total > limits.maxUnzippedBytes) throw overLimit('maxUnzippedBytes', total, limits, { file });
  return { entries, workbook };
}

/** Refuses a declared size over the column or cell limit. */
export function checkDeclared(size: DeclaredSize, limits: ImportLimits, file: string): void {
  if (size.columns > limits.maxColumns) throw overLimit('maxColumns', size.columns, limits, { file });
  if (size.rows * size.columns > limits.maxCells) throw overLimit('maxCells', size.rows * size.columns, limits, { file });
}

/** The part holding the workbook's first sheet, found through workbook.xml and its rels. */
async function firstSheetPart(bytes: Buffer, entries: ZipEntry[], workbook: ZipEntry, file: string): Promise<ZipEntry | undefined> {
  const book = (await readZipPart(bytes, workbook, file, 1024 * 1024)).toString('utf8');
  const id = /<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"/.exec(book)?.[1];
  const relsEntry = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels');
  if (!id || !relsEntry) return undefined;
  const rels = (await readZipPart(bytes, relsEntry, file, 1024 * 1024)).toString('utf8');
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${id}"`));
  const target = rel && /Target="([^"]+)"/.exec(rel)?.[1];
  if (!target) return undefined;
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  return entries.find((e) => e.name === path);
}

/** `<dimension ref="A1:AD1000001"/>` as 1,000,001 rows and 30 columns. */
export function declaredSize(sheetXmlStart: string): DeclaredSize | null {
  const ref = /<(?:\w+:)?dimension\b[^>]*\bref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/.exec(sheetXmlStart);
  if (!ref) return null;
  const [, c1, r1, c2 = c1, r2 = r1] = ref;
  return { rows: Number(r2) - Number(r1) + 1, columns: columnNumber(c2) - columnNumber(c1) + 1 };
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A hint for the common mistake of a CSV saved under an .xlsx name. */
function textHint(bytes: Buffer): string {
  const head = bytes.subarray(0, 512);
  const printable = head.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 128);
  return printable && head.length > 0 ? '; it looks like text: if it is a CSV file, name it .csv' : '';
}
