/**
 * Loads a rule sheet's workbook into a HyperFormula instance for evaluation: every sheet
 * (some replaced by the caller), defined names and `Param` values as named expressions.
 */
import type { ConfigParams, HyperFormula, RawCellContent } from 'hyperformula';
import { RuleError } from './errors.js';
import { isoToSerial } from './field-values.js';
import { formulaDepthProblem } from './formula-depth.js';
import { normaliseFormula } from './formula-text.js';
import { createEngine, dateSystem } from './hf.js';
import type { ParamValue } from './types.js';
import { cellAddress, isFormula, type CellInput, type Workbook } from './workbook.js';

export interface EngineWorkbookOptions {
  /** Sheet contents to use instead of the workbook's, by lower-cased sheet name. */
  replace?: Record<string, RawCellContent[][]>;
  /** Param values by name, already merged with the sheet's defaults. */
  params?: Record<string, ParamValue>;
  /** The Settings row of each param, for error messages, by lower-cased name. */
  paramRows?: Record<string, number>;
  /** HyperFormula settings for this instance. */
  engine?: Partial<ConfigParams>;
  /**
   * Receives each workbook defined name HyperFormula cannot hold (Excel allows names it
   * refuses: relative references, some characters). Such a name is left out, so a formula
   * using it gives #NAME?; without this list it is left out silently.
   */
  skippedNames?: SkippedName[];
}

/** A workbook defined name left out of the engine, and HyperFormula's reason. */
export interface SkippedName {
  name: string;
  /** The sheet the name is local to, if any. */
  scope?: string;
  message: string;
}

/** Builds the instance; the caller must `destroy()` it. */
export function loadEngineWorkbook(workbook: Workbook, options: EngineWorkbookOptions = {}): HyperFormula {
  const hf = createEngine({ ...dateSystem(workbook.date1904), ...options.engine });
  try {
    hf.batch(() => {
      // Every sheet first: a formula naming a sheet not added yet would make HyperFormula
      // create it early, out of the workbook's order.
      for (const sheet of workbook.sheets) hf.addSheet(sheet.name);
      for (const sheet of workbook.sheets) {
        const id = hf.getSheetId(sheet.name)!;
        const replacement = options.replace?.[sheet.name.toLowerCase()];
        const content = replacement ?? sheet.cells.map((row) => (row ?? []).map(toEngineCell));
        refuseTooDeep(sheet.name, content);
        if (content.length > 0) hf.setSheetContent(id, content);
      }
    });
    for (const name of workbook.names) {
      const scope = name.scope ? hf.getSheetId(name.scope) : undefined;
      try {
        hf.addNamedExpression(
          name.name,
          normaliseFormula(name.expression.startsWith('=') ? name.expression : `=${name.expression}`),
          scope,
        );
      } catch (error) {
        // The workbook's own names are its author's Excel, not a Tickmark setting: one the
        // engine refuses is that name's problem, never the whole workbook's.
        options.skippedNames?.push({ name: name.name, ...(name.scope ? { scope: name.scope } : {}), message: (error as Error).message });
      }
    }
    for (const [name, value] of Object.entries(options.params ?? {})) {
      const row = options.paramRows?.[name.toLowerCase()];
      addParam(hf, name, paramExpression(value), {
        sheet: 'Settings',
        cell: row ? `B${row}` : undefined,
        setting: `Param ${name}`,
      });
    }
    return hf;
  } catch (error) {
    hf.destroy();
    throw error;
  }
}

/**
 * Every formula of the workbook checked for nesting as loading it into HyperFormula checks
 * it, for a run that may never load it (the compiled evaluator): the same refusal either way.
 */
export function refuseTooDeepFormulas(workbook: Workbook): void {
  for (const sheet of workbook.sheets) refuseTooDeep(sheet.name, sheet.cells as RawCellContent[][]);
}

/** A formula nested deep enough to overflow the parser is refused by its cell, not thrown as a RangeError. */
function refuseTooDeep(sheet: string, content: RawCellContent[][]): void {
  content.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (typeof cell !== 'string' || !cell.startsWith('=')) return;
      const problem = formulaDepthProblem(cell);
      if (problem) throw new RuleError('bad_formula', problem, { sheet, cell: cellAddress(r, c) });
    }),
  );
}

/** A workbook cell as HyperFormula input: formulas normalised to its dialect, text kept as text. */
export function toEngineCell(input: CellInput | undefined): RawCellContent {
  if (input === undefined || input === null) return null;
  if (isFormula(input)) return normaliseFormula(input);
  if (typeof input === 'string') return engineText(input);
  return input;
}

const ERROR_LITERAL = /^(#NULL!|#DIV\/0!|#VALUE!|#REF!|#NAME\?|#NUM!|#N\/A)$/;

/**
 * Text as HyperFormula input. HyperFormula parses raw strings ("00123" becomes 123, "TRUE" a
 * boolean, "1/2/2024" a date); a text cell in a workbook is text, so it goes in behind the
 * apostrophe that keeps it so. Error values (stored as their code) stay errors.
 */
export function engineText(text: string): string {
  return ERROR_LITERAL.test(text) ? text : `'${text}`;
}

/** The inverse of `engineText` for a value HyperFormula serialises. */
export function fromEngineText(serialized: string): string {
  return serialized.startsWith("'") ? serialized.slice(1) : serialized;
}

/** A `Param` setting is what the user typed: a name the engine refuses is refused, naming its cell. */
function addParam(hf: HyperFormula, name: string, expression: string, place: Record<string, string | undefined>): void {
  try {
    hf.addNamedExpression(name, expression);
  } catch (error) {
    throw new RuleError('bad_setting', `name "${name}" cannot be defined: ${(error as Error).message}`, place);
  }
}

function paramExpression(value: ParamValue): string {
  if (typeof value === 'number') return `=${value}`;
  if (typeof value === 'boolean') return value ? '=TRUE()' : '=FALSE()';
  const serial = isoToSerial(value);
  if (serial !== null) return `=${serial}`;
  return `="${value.replace(/"/g, '""')}"`;
}

/** Every formula cell of a workbook with its engine address, for reading the engine's values. */
export function* formulaCells(
  workbook: Workbook,
  hf: HyperFormula,
): Generator<{ sheet: string; row: number; col: number; input: string; address: { sheet: number; row: number; col: number } }> {
  for (const sheet of workbook.sheets) {
    const id = hf.getSheetId(sheet.name)!;
    for (let row = 0; row < sheet.cells.length; row++) {
      const cells = sheet.cells[row] ?? [];
      for (let col = 0; col < cells.length; col++) {
        const input = cells[col];
        if (isFormula(input)) yield { sheet: sheet.name, row, col, input, address: { sheet: id, row, col } };
      }
    }
  }
}
