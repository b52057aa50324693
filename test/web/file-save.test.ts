/** The chart's data download (web/src/lib/file-save.ts) read back with SheetJS: safe text, numbers as numbers. */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { xlsxBlob } from '../../web/src/lib/file-save.js';

describe('chart data as .xlsx', () => {
  it('neutralises text that would run as a formula and keeps numbers', async () => {
    const blob = xlsxBlob('Daily P&L', [
      ['account', 'pnl'],
      ['=HYPERLINK("http://x","y")', -5],
      ['-ACC', 3.5],
      ['ACC1', null],
    ]);
    const book = XLSX.read(new Uint8Array(await blob.arrayBuffer()), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Daily P&L'], { header: 1, defval: null, raw: true });
    expect(rows).toEqual([
      ['account', 'pnl'],
      ['\'=HYPERLINK("http://x","y")', -5],
      ["'-ACC", 3.5],
      ['ACC1', null],
    ]);
  });
});
