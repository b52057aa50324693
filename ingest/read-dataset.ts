/** Reads a dataset file, CSV or XLSX by its extension, into a typed Dataset. */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { RuleError } from '../rules/errors.js';
import type { Dataset } from '../rules/types.js';
import { refuseProblems, type ColumnPlan, type ReadOptions } from './column-plan.js';
import type { DatasetRead } from './dataset-read.js';
import { readCsvDataset } from './read-csv.js';
import { readXlsxDataset } from './read-xlsx.js';

export interface ReadDatasetOptions extends Omit<ReadOptions, 'sourceName'> {
  /** The file's name as the user knows it (an upload's original name); defaults to the path's. */
  sourceName?: string;
}

/**
 * Imports `path` all or nothing: resolves to the whole dataset and the file's SHA-256, or
 * throws a RuleError naming the file and the line (CSV) or cell (XLSX) and column at fault.
 *
 * @example
 * const { dataset, sha256 } = await readDatasetFile('blotter.csv', { name: 'fo_blotter' });
 */
export async function readDatasetFile(
  path: string,
  options: ReadDatasetOptions,
): Promise<{ dataset: Dataset; sha256: string; plans: ColumnPlan[]; notes: string[] }> {
  const read = await inspectDatasetFile(path, options);
  refuseProblems(read.headerProblems, read.misfits, read.plans, { ...options, sourceName: options.sourceName ?? basename(path) });
  return { dataset: read.dataset, sha256: read.sha256, plans: read.plans, notes: read.notes };
}

/**
 * Reads `path` without refusing misfit values: the plan of every column and every problem,
 * for a page that shows them before the user imports. A file that cannot be read at all
 * (not CSV, ragged rows, no header) still throws.
 */
export async function inspectDatasetFile(path: string, options: ReadDatasetOptions): Promise<DatasetRead> {
  const sourceName = options.sourceName ?? basename(path);
  const ext = extname(sourceName).toLowerCase();
  const read: ReadOptions = { ...options, sourceName };
  await ensureReadable(path, sourceName);
  if (ext === '.csv' || ext === '.txt') return readCsvDataset(path, read);
  if (ext === '.xlsx' || ext === '.xlsm') return readXlsxDataset(path, read);
  throw new RuleError('bad_file', `"${ext || 'no extension'}" files cannot be imported; use .csv or .xlsx`, { file: sourceName });
}

/** Refuses a file that is not there or cannot be read, naming it as the user knows it. */
export async function ensureReadable(path: string, sourceName: string): Promise<void> {
  await access(path, constants.R_OK).catch((error: NodeJS.ErrnoException) => {
    throw new RuleError('bad_file', error.code === 'ENOENT' ? 'no such file' : `cannot read the file (${error.code})`, {
      file: sourceName,
    });
  });
}
