/**
 * How much of an untrusted file the readers will take in. Every refusal is a RuleError
 * with code `too_large` naming the file, the limit and the setting that raises it, so the
 * server can answer 413 and the CLI can say which variable to change.
 */
import { RuleError, type RuleErrorPlace } from '../rules/errors.js';

export interface ImportLimits {
  /** Total uncompressed size of an .xlsx's parts, from the zip's central directory. */
  maxUnzippedBytes: number;
  /** Data cells (rows x columns) in the sheet or CSV, header included. */
  maxCells: number;
  maxColumns: number;
  /** Characters in any one value (Excel itself stops at 32,767). */
  maxCellChars: number;
}

/** The defaults when no setting says otherwise (server/config.ts reads the environment). */
export const DEFAULT_LIMITS: ImportLimits = {
  maxUnzippedBytes: 256 * 1024 * 1024,
  maxCells: 5_000_000,
  maxColumns: 1_000,
  maxCellChars: 32_767,
};

/** The environment variable that raises each limit, for the messages. */
export const LIMIT_SETTINGS: Record<keyof ImportLimits, string> = {
  maxUnzippedBytes: 'TICKMARK_MAX_UNZIPPED_MB',
  maxCells: 'TICKMARK_MAX_CELLS',
  maxColumns: 'TICKMARK_MAX_COLUMNS',
  maxCellChars: 'TICKMARK_MAX_CELL_CHARS',
};

const count = (n: number) => n.toLocaleString('en-US');
const megabytes = (bytes: number) => `${count(Math.ceil(bytes / 1048576))} MB`;

/**
 * The refusal for `actual` over `limit`, e.g. `30,000,000 cells is over the limit of
 * 5,000,000 (TICKMARK_MAX_CELLS)`; `what` is the unit ("cells", "columns").
 */
export function overLimit(limit: keyof ImportLimits, actual: number, limits: ImportLimits, place: RuleErrorPlace): RuleError {
  const setting = LIMIT_SETTINGS[limit];
  const max = limits[limit];
  const message =
    limit === 'maxUnzippedBytes'
      ? `unzips to ${megabytes(actual)}, over the limit of ${megabytes(max)} (${setting})`
      : limit === 'maxCells'
        ? `${count(actual)} cells is over the limit of ${count(max)} (${setting})`
        : limit === 'maxColumns'
          ? `${count(actual)} columns is over the limit of ${count(max)} (${setting})`
          : `a value of ${count(actual)} characters is over the limit of ${count(max)} (${setting})`;
  return new RuleError('too_large', message, place);
}

/** Counts cells as rows arrive: a row too wide or a value too long is refused at once, the total at the end. */
export class CellCounter {
  private cells = 0;

  constructor(
    private readonly limits: ImportLimits,
    private readonly file: string,
  ) {}

  /**
   * Checks one row of `width` values at `place`: its width and the length of each of
   * `values`; `cellPlace` names one value's place (an XLSX cell), else its column number.
   */
  addRow(width: number, place: RuleErrorPlace, values?: readonly unknown[], cellPlace?: (c: number) => RuleErrorPlace): void {
    if (width > this.limits.maxColumns) throw overLimit('maxColumns', width, this.limits, { file: this.file, ...place });
    this.cells += width;
    if (values)
      for (let c = 0; c < values.length; c++) {
        const v = values[c];
        if (typeof v === 'string' && v.length > this.limits.maxCellChars)
          throw overLimit('maxCellChars', v.length, this.limits, {
            file: this.file,
            ...(cellPlace ? cellPlace(c) : { ...place, column: `#${c + 1}` }),
          });
      }
  }

  /** Refuses when the rows seen add up to more cells than allowed (the total is named). */
  checkTotal(): void {
    if (this.cells > this.limits.maxCells) throw overLimit('maxCells', this.cells, this.limits, { file: this.file });
  }
}
