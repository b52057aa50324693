/** Writes evaluated values as RFC 4180 CSV, the way results and exceptions are shipped. */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { isErrorValue, type CellValue } from '../rules/workbook.js';

/** One CSV field: errors as their code, booleans as TRUE/FALSE, quoted when needed. */
export function csvField(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  const text = isErrorValue(value) ? value.error : typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: (CellValue | undefined)[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

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
