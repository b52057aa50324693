/** An error value as Excel writes it in text (`#N/A`), from HyperFormula's error type. */
import type { CellError } from 'hyperformula';

const EXCEL_TEXT: Record<string, string> = {
  DIV_BY_ZERO: '#DIV/0!',
  NA: '#N/A',
  NAME: '#NAME?',
  NUM: '#NUM!',
  REF: '#REF!',
  VALUE: '#VALUE!',
  NULL: '#NULL!',
  CALC: '#CALC!',
  SPILL: '#SPILL!',
};

export function errorText(error: CellError): string {
  // HyperFormula's own errors without an Excel twin (#CYCLE!, #ERROR!) keep their name.
  return EXCEL_TEXT[error.type] ?? `#${error.type}!`;
}
