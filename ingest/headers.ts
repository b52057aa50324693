/** Header checks and type resolution shared by the CSV and XLSX readers. */
import { RuleError } from '../rules/errors.js';
import type { DatasetColumn, FieldType } from '../rules/types.js';
import { FIELD_TYPES } from './parse-value.js';

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

/** Inferred types with the caller's overrides applied; an override for no column is an error. */
export function resolveTypes(
  headers: string[],
  inferred: FieldType[],
  overrides: Record<string, FieldType> | undefined,
  file: string,
): DatasetColumn[] {
  const columns = headers.map((name, i) => ({ name, type: inferred[i] }));
  for (const [name, type] of Object.entries(overrides ?? {})) {
    const column = columns.find((c) => c.name === name) ?? columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
    if (!column)
      throw new RuleError('unknown_field', `a type is given for "${name}", which is not a column (columns: ${headers.join(', ')})`, {
        file,
        column: name,
      });
    if (!FIELD_TYPES.includes(type))
      throw new RuleError('bad_value', `"${type}" is not a type; use ${FIELD_TYPES.join(', ')}`, { file, column: name });
    column.type = type;
  }
  return columns;
}
