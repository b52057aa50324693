/**
 * The compiled evaluator's contract (issue 14): the `Rows` rule's row-2 formulas compiled
 * once into functions of a row's input values, with Excel's semantics as HyperFormula and
 * Tickmark's plugins give them. Columns the compiler cannot take fall back to HyperFormula
 * (rules/row-evaluator.ts), together with every formula column they depend on or that
 * depends on them, so HyperFormula never reads a compiled value.
 */
import type { RawCellContent } from 'hyperformula';
import type { RowsLayout } from '../rows-layout.js';
import type { FieldType, ParamValue } from '../types.js';
import type { CellValue, Workbook } from '../workbook.js';

/**
 * An input value as a formula sees it (engine form): numbers, text, booleans, null for an
 * empty cell; a date field is its Excel serial number, typed as a date by `inputTypes`.
 */
export type EngineScalar = number | string | boolean | null;

export interface RowsRuleInput {
  workbook: Workbook;
  layout: RowsLayout;
  /** The type of each input column (field or built-in) by layout index; built-ins are text or numbers. */
  inputTypes: Map<number, FieldType>;
  /** Param values by name, merged with the sheet's defaults (named expressions in HyperFormula). */
  params: Record<string, ParamValue>;
  /** Sheet contents that replace the workbook's, by lower-cased sheet name (lookup datasets), as HyperFormula gets them. */
  replace: Record<string, RawCellContent[][]>;
}

export interface FallbackColumn {
  index: number;
  header: string;
  /** Why, in words a user reads in the run's log: `uses INDIRECT`, `depends on column "x"`. */
  reason: string;
}

export interface CompiledRowsRule {
  /** Layout indexes of the compiled formula columns, dependencies first. */
  compiled: number[];
  fallback: FallbackColumn[];
  /**
   * Computes every compiled column of one row. `input(index)` gives an input column's value
   * in engine form; `out[index]` receives what the results show for that column, exactly as
   * the HyperFormula path shows it (numbers to 15 digits, a date-typed result as ISO text,
   * errors as `{ error }`, a blank result as null).
   */
  evaluate(input: (index: number) => EngineScalar, out: CellValue[]): void;
}
