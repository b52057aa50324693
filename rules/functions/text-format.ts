/**
 * `TEXT(value, format_text)` with Excel's number format codes, replacing HyperFormula's,
 * which misreads most date and section codes (`dddd`, `mmm`, `AM/PM`, `0.00;-0.00;"zero"`,
 * `[h]`). The formatting is SheetJS's SSF, a port of Excel's own format engine.
 */
import * as XLSX from '@e965/xlsx';
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';

type ProcedureAst = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal types
type InterpreterState = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export class TextFormatPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    TEXT: {
      method: 'text',
      parameters: [{ argumentType: FunctionArgumentType.SCALAR }, { argumentType: FunctionArgumentType.STRING }],
    },
  };

  text(ast: ProcedureAst, state: InterpreterState) {
    const date1904 = this.config.nullDate.year === 1904;
    return this.runFunction(ast.args, state, this.metadata('TEXT'), (value: unknown, format: string) =>
      formatText(value, format, date1904),
    );
  }
}

export function formatText(value: unknown, format: string, date1904 = false): string | CellError {
  if (value instanceof CellError) return value;
  if (value instanceof SimpleRangeValue) return new CellError(ErrorType.VALUE, 'TEXT takes one value');
  // Excel shows booleans as TRUE/FALSE whatever the format.
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  let subject: number | string;
  if (value === null || value === undefined || typeof value === 'symbol') subject = 0;
  else if (typeof value === 'object' && 'val' in (value as object)) subject = (value as { val: number }).val;
  else if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) subject = Number(value);
  else subject = value as number | string;
  try {
    return XLSX.SSF.format(format, subject, { date1904 });
  } catch {
    return new CellError(ErrorType.VALUE, `"${format}" is not a number format Tickmark can read`);
  }
}
