/**
 * The engine's one error type. Every bad input names the place at fault: a file, a sheet
 * and cell or row, a setting, a CSV line and column. Formula errors inside cells are not
 * thrown: they are values (`#DIV/0!`) in the results.
 */
export interface RuleErrorPlace {
  file?: string;
  sheet?: string;
  /** A1 cell address on `sheet`. */
  cell?: string;
  /** 1-based row on `sheet`, or 1-based line in `file`. */
  row?: number;
  line?: number;
  column?: string;
  setting?: string;
  /** A dataset by name, with `row` its 1-based data row (the header is not a row) and `column` its field. */
  dataset?: string;
}

export type RuleErrorCode =
  | 'bad_setting'
  | 'unknown_setting'
  | 'missing_sheet'
  | 'bad_rows_sheet'
  | 'bad_formula'
  | 'missing_dataset'
  | 'unknown_field'
  | 'bad_value'
  | 'bad_file'
  | 'bad_parameter'
  | 'too_large'
  | 'bad_columns'
  | 'cancelled';

/** One fault among several of the same input (every misfit value of an import). */
export interface RuleProblem extends RuleErrorPlace {
  message: string;
}

export class RuleError extends Error {
  override readonly name = 'RuleError';
  constructor(
    readonly code: RuleErrorCode,
    message: string,
    readonly place: RuleErrorPlace = {},
    /** Every fault when there are several; `place` and `message` are the first's. */
    readonly problems: RuleProblem[] = [],
    /** How many faults there were in all, when `problems` lists only the first ones. */
    readonly problemCount = problems.length,
  ) {
    super(message);
  }

  /** One line for a terminal: `file: place: message`, then the other faults in brief. */
  describe(): string {
    const where = describePlace(this.place);
    const first = where ? `${where}: ${this.message}` : this.message;
    if (this.problemCount <= 1) return first;
    const others = this.problems
      .slice(1)
      .map((p) => `${describePlace({ line: p.line, sheet: p.sheet, cell: p.cell, column: p.column })}: ${p.message}`);
    const unlisted = this.problemCount - this.problems.length;
    return `${first}; ${this.problemCount - 1} more: ${others.join('; ')}${unlisted > 0 ? `; and ${unlisted.toLocaleString('en-US')} more` : ''}`;
  }
}

/** `blotter.csv line 12, column "qty"` or `rules.xlsx Settings!A7` style. */
export function describePlace(place: RuleErrorPlace): string {
  const parts: string[] = [];
  if (place.file) parts.push(place.file);
  if (place.dataset) parts.push(place.row ? `dataset "${place.dataset}" row ${place.row}` : `dataset "${place.dataset}"`);
  if (place.sheet && place.cell) parts.push(`${place.sheet}!${place.cell}`);
  else if (place.sheet && place.row && !place.dataset) parts.push(`${place.sheet} row ${place.row}`);
  else if (place.sheet) parts.push(`sheet ${place.sheet}`);
  if (place.line) parts.push(`line ${place.line}`);
  if (place.column) parts.push(`column "${place.column}"`);
  if (place.setting && !place.sheet) parts.push(`setting "${place.setting}"`);
  return parts.join(', ');
}

/** A RuleError as plain data, to cross a worker thread's boundary and come back the same. */
export interface RuleErrorData {
  type: 'rule';
  code: RuleErrorCode;
  message: string;
  place: RuleErrorPlace;
  problems: RuleProblem[];
  problemCount: number;
}

export function ruleErrorData(error: RuleError): RuleErrorData {
  const { code, message, place, problems, problemCount } = error;
  return { type: 'rule', code, message, place, problems, problemCount };
}

export function ruleErrorFromData(data: RuleErrorData): RuleError {
  return new RuleError(data.code, data.message, data.place, data.problems, data.problemCount);
}
