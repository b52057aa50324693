/**
 * The documented-examples corpus (issue 16): Microsoft's own examples for each Excel
 * function, transcribed from its function reference pages, with the result the page
 * documents. One file per family beside this one exports `examples: DocumentedExample[]`.
 * Expected values come from the documentation, never from Tickmark's output.
 *
 * After changing a family file: `npx tsx scripts/documented-corpus.ts` rebuilds its workbook in
 * test/excel/documented-corpus/, `npx tsx scripts/documented-conformance.ts <family>` prints every
 * difference, `test/excel/documented.test.ts` checks them all and `npx tsx scripts/function-coverage.ts`
 * regenerates docs/function-coverage.md. A function that cannot be implemented goes in the family's
 * `export const notImplemented: Record<string, string>` with the reason.
 */
import type { CellInput, CellValue } from '../../../rules/workbook.js';

export interface DocumentedExample {
  /** The function as Excel's reference names it (`XLOOKUP`, `T.DIST.2T`). */
  fn: string;
  /** The Microsoft page the example is from. */
  source: string;
  /** The example's data table by A1 address, as the page shows it (text, numbers, booleans, formulas). */
  data?: Record<string, CellInput>;
  /** The formula the page shows, in Excel syntax (`=XLOOKUP(F2,B2:B11,D2:D11)`). */
  formula: string;
  /** Where the formula goes; default: the first row below the data in column A, or A1. */
  cell?: string;
  /**
   * The documented result. A spilled result is its rows (`[[1, 2], [3, 4]]`), top-left at `cell`.
   * An error is `{ error: '#N/A' }`.
   */
  expected: CellValue | CellValue[][];
  /**
   * Decimals the page shows when it rounds (a result shown as `0.9087888` of a longer number):
   * the comparison is then at that many decimals. Omitted: numbers compare to 1e-9 relative.
   */
  decimals?: number;
  /** Anything the reader should know (the page's wording of the result). */
  note?: string;
  /**
   * A spilled `expected` is written as a dynamic array (Excel 365) unless this is set: then
   * it is a legacy Ctrl+Shift+Enter array formula fixed to the expected block's size.
   */
  legacyArray?: boolean;
}

/** Excel's serial number of a date (1900 date system, from 1 March 1900): what a date cell holds. */
export function serial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Excel's fraction of a day for a time of day. */
export function dayFraction(hours: number, minutes = 0, seconds = 0): number {
  return (hours * 3600 + minutes * 60 + seconds) / 86_400;
}
