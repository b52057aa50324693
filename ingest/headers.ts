/** Header checks shared by the CSV and XLSX readers. */
import { RuleError } from '../rules/errors.js';

/** Trimmed headers; an empty or repeated header is an error naming its position. */
export function checkHeaders(
  raw: unknown[],
  file: string,
  placeOf: (index: number) => { line?: number; column?: string; cell?: string; sheet?: string },
): string[] {
  const seen = new Map<string, number>();
  return raw.map((value, i) => {
    const header = value === null || value === undefined ? '' : String(value).trim();
    if (header === '') throw new RuleError('bad_file', `column ${i + 1} has no header`, { file, ...placeOf(i) });
    const lower = header.toLowerCase();
    if (seen.has(lower))
      throw new RuleError('bad_file', `header "${header}" repeats column ${seen.get(lower)! + 1}`, { file, ...placeOf(i) });
    seen.set(lower, i);
    return header;
  });
}
