/** Writes evaluated values as RFC 4180 CSV, the way results and exceptions are shipped. */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { csvLine } from '../rules/csv-text.js';
import type { CellValue } from '../rules/workbook.js';

export { csvField, csvLine } from '../rules/csv-text.js';

/** A CSV file written line by line with back-pressure. */
export class CsvFile {
  private readonly stream: WriteStream;

  constructor(path: string) {
    this.stream = createWriteStream(path);
  }

  async write(values: (CellValue | undefined)[]): Promise<void> {
    if (!this.stream.write(csvLine(values))) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
