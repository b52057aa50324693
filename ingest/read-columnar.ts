/**
 * Reads a dataset file into columns (rules/columnar/types.ts) with every check the row
 * reader makes: CSV is scanned straight into typed arrays and dictionaries; XLSX (bounded
 * by its unzipped-size limit) is read as rows by Excel's own cell types and converted.
 */
import { basename, extname } from 'node:path';
import { toColumnar } from '../rules/columnar/convert.js';
import { RuleError } from '../rules/errors.js';
import { refuseProblems, type ReadOptions } from './column-plan.js';
import { readCsvColumnar, type ColumnarRead } from './read-csv-columnar.js';
import { ensureReadable, type ReadDatasetOptions } from './read-dataset.js';
import { readXlsxDataset } from './read-xlsx.js';

/** What a columnar import resolves to (as readDatasetFile's, by column). */
export type ColumnarImport = Pick<ColumnarRead, 'dataset' | 'sha256' | 'plans' | 'notes'>;

/**
 * Imports `path` all or nothing into columns, or throws the same RuleError the row reader
 * (`readDatasetFile`) throws for the same file.
 *
 * @example
 * const { dataset } = await readColumnarDatasetFile('fills.csv', { name: 'fo' });
 * dataset.data[5]; // { type: 'number', values: Float64Array [...] }
 */
export async function readColumnarDatasetFile(path: string, options: ReadDatasetOptions): Promise<ColumnarImport> {
  const sourceName = options.sourceName ?? basename(path);
  const read = await inspectColumnarDatasetFile(path, options);
  refuseProblems(read.headerProblems, read.misfits, read.plans, { ...options, sourceName });
  return { dataset: read.dataset, sha256: read.sha256, plans: read.plans, notes: read.notes };
}

/** As inspectDatasetFile: every column's plan and every problem, without refusing misfits. */
export async function inspectColumnarDatasetFile(path: string, options: ReadDatasetOptions): Promise<ColumnarRead> {
  const sourceName = options.sourceName ?? basename(path);
  const ext = extname(sourceName).toLowerCase();
  const read: ReadOptions = { ...options, sourceName };
  await ensureReadable(path, sourceName);
  if (ext === '.csv' || ext === '.txt') return readCsvColumnar(path, read);
  if (ext === '.xlsx' || ext === '.xlsm') {
    const rows = await readXlsxDataset(path, read);
    return { ...rows, dataset: toColumnar(rows.dataset) };
  }
  throw new RuleError('bad_file', `"${ext || 'no extension'}" files cannot be imported; use .csv or .xlsx`, { file: sourceName });
}
