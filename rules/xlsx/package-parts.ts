/**
 * The parts (XML files) inside an .xlsx zip, for what SheetJS neither reads nor writes:
 * Excel's dynamic-array marks and the "recalculate on open" flag.
 */
import * as XLSX from '@e965/xlsx';

/** SheetJS's zip container (its CFB library is untyped). */
export type Zip = { FileIndex: unknown[] };

/** A part's text, or null when the package has no such part. */
function readPart(zip: Zip, path: string): string | null {
  const entry = XLSX.CFB.find(zip, path);
  return entry?.content ? Buffer.from(entry.content as Uint8Array).toString('utf8') : null;
}

/** Rewrites a part's text in place; false when the package has no such part. */
export function editPart(zip: Zip, path: string, edit: (xml: string) => string): boolean {
  const xml = readPart(zip, path);
  if (xml === null) return false;
  XLSX.CFB.find(zip, path).content = Buffer.from(edit(xml), 'utf8');
  return true;
}
