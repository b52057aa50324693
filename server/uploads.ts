/** Uploaded files land in a temp file under the data folder and are always removed after. */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { AppError } from '../db/app-error.js';
import { DEFAULT_LIMITS, type ImportLimits } from '../ingest/file-limits.js';
import { checkXlsxContainer } from '../ingest/sniff.js';
import { RuleError } from '../rules/errors.js';

/** Calls `use(path)` with the upload saved to disk, then deletes it whatever happens. */
export async function withUploadedFile<T>(dataDir: string, file: unknown, use: (path: string, name: string) => Promise<T>): Promise<T> {
  if (!(file instanceof File)) throw new AppError('missing_file', 400, 'send the file as multipart form field "file"');
  if (file.size === 0) throw new AppError('empty_file', 400, `${file.name || 'the file'} is empty`);
  const dir = join(dataDir, 'uploads');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomBytes(8).toString('hex')}${extname(file.name).toLowerCase()}`);
  await writeFile(path, new Uint8Array(await file.arrayBuffer()));
  try {
    return await use(path, file.name);
  } finally {
    await rm(path, { force: true });
  }
}

/**
 * Refuses bytes that are not an .xlsx workbook or would unzip past the limit, for readers
 * that parse a small workbook in the server's own thread (the queue spreadsheet): 422 for
 * the wrong kind of file, 413 naming TICKMARK_MAX_UNZIPPED_MB for a zip bomb.
 */
export function checkXlsxUpload(bytes: Uint8Array, fileName: string, limits: ImportLimits = DEFAULT_LIMITS): void {
  try {
    checkXlsxContainer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName, limits);
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    throw new AppError(error.code === 'too_large' ? 'too_large' : 'bad_file', error.code === 'too_large' ? 413 : 422, error.describe());
  }
}
