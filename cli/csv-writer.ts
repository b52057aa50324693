/** Writes evaluated values as RFC 4180 CSV, the way results and exceptions are shipped. */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { csvLine } from '../rules/csv-text.js';
import type { CellValue } from '../rules/workbook.js';

export { csvField, csvLine } from '../rules/csv-text.js';

/** A CSV file written line by line or a block of lines at a time, with back-pressure. */
export class CsvFile {
  private readonly stream: WriteStream;

  constructor(path: string) {
    // Large buffers: a block of 2,000 result lines is one write, not 2,000.
    this.stream = createWriteStream(path, { highWaterMark: 1 << 20 });
  }

  async write(values: (CellValue | undefined)[]): Promise<void> {
    await this.writeText(csvLine(values));
  }

  /** Lines already formatted (csvLine's output, newlines included), as text or as its UTF-8 bytes. */
  async writeText(text: string | Buffer): Promise<void> {
    if (text.length === 0) return;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/**
 * A block of results as the CLI writes them: every row's line for results.csv, the
 * exception rows' lines for exceptions.csv, each line formatted once.
 */
export function csvBlock(rows: { values: CellValue[]; exception: string | null }[]): { results: string; exceptions: string } {
  let results = '';
  let exceptions = '';
  for (const row of rows) {
    const line = csvLine(row.values);
    results += line;
    if (row.exception !== null) exceptions += line;
  }
  return { results, exceptions };
}
