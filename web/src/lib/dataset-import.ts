/**
 * The upload page's import in two steps: inspect the file (every column's type and every
 * value that would refuse it), let the user set types, then import. The server decides
 * everything; this only carries the user's choices.
 */
import type { ColumnPlan } from '../../../ingest/column-plan';
import type { RuleProblem } from '../../../rules/errors';
import type { FieldType } from '../../../rules/types';
import type { Inspection } from '../../../server/datasets/import-dataset';
import { upload, type DatasetInfo } from './api';

export type { ColumnPlan, FieldType, Inspection };
export type Problem = RuleProblem;
export const FIELD_TYPES: FieldType[] = ['number', 'date', 'boolean', 'text'];

export interface Imported extends DatasetInfo {
  duplicate: boolean;
  message: string;
  plans: ColumnPlan[];
}

/** The dataset name a file suggests: its name without the extension. */
export function nameFromFile(file: File): string {
  return file.name.replace(/\.(csv|txt|xlsx|xlsm)$/i, '');
}

/** A CSV's text encodings the server reads; '' lets it detect (and say in `notes` when it guessed). */
export const ENCODINGS: { value: string; label: string }[] = [
  { value: '', label: 'Detect' },
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'utf-16le', label: 'UTF-16 LE' },
  { value: 'utf-16be', label: 'UTF-16 BE' },
  { value: 'latin1', label: 'Windows-1252 (Latin-1)' },
];

function form(name: string, file: File, types: Record<string, FieldType>, encoding: string): FormData {
  const data = new FormData();
  data.append('name', name);
  data.append('file', file);
  if (Object.keys(types).length) data.append('types', JSON.stringify(types));
  if (encoding) data.append('encoding', encoding);
  return data;
}

export function inspectUpload(name: string, file: File, types: Record<string, FieldType>, onProgress: (f: number) => void, encoding = '') {
  return upload<Inspection>('/api/datasets/inspect', form(name, file, types, encoding), onProgress);
}

export function importUpload(name: string, file: File, types: Record<string, FieldType>, onProgress: (f: number) => void, encoding = '') {
  return upload<Imported>('/api/datasets', form(name, file, types, encoding), onProgress);
}

/** `line 12` or `Sheet1!B13`: where a problem is, as the user finds it in the file. */
export function placeOf(problem: Problem): string {
  if (problem.line) return `line ${problem.line}`;
  if (problem.cell) return problem.sheet ? `${problem.sheet}!${problem.cell}` : problem.cell;
  return '';
}

/** The types to send: only those the user changed from what the file or the name says. */
export function chosenTypes(columns: ColumnPlan[], chosen: Record<string, FieldType>): Record<string, FieldType> {
  const out: Record<string, FieldType> = {};
  for (const column of columns) {
    const type = chosen[column.name];
    if (type && column.source !== 'remembered' && type !== column.inferred) out[column.name] = type;
  }
  return out;
}
