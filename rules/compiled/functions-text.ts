/**
 * The compiled bodies of the text functions (issue 14), each calling the code the engine's
 * plugin calls: Tickmark's TextFormatPlugin (TEXT: formatText), TextExcelPlugin (VALUE,
 * CONCATENATE), TextLookupPlugin (CONCAT) and OptionSymbolsPlugin (OPTROOT, OPTEXPDATE,
 * OPTTYPE, OPTSTRIKE), and HyperFormula's TextPlugin (TEXTJOIN over scalars, its body
 * copied). Ranges are not compiled, so CONCAT or TEXTJOIN over a range falls back.
 */
import { CellError, ErrorType } from 'hyperformula';
import { OCC_PARTS, occPart } from '../functions/option-symbols.js';
import { concatenate, excelValue } from '../functions/text-excel.js';
import { formatText } from '../functions/text-format.js';
import { concat } from '../functions/text-lookup.js';
import type { Body } from './functions-guard.js';
import { err, toText, type Runtime, type Value } from './values.js';

/** TextFormatPlugin's `this.config.nullDate.year === 1904`, from the runtime's date helper (the same config object). */
function date1904(rt: Runtime): boolean {
  const config = (rt.dates as unknown as { config?: { nullDate?: { year?: number } } }).config;
  if (typeof config?.nullDate?.year !== 'number')
    throw new Error('HyperFormula changed its DateTimeHelper; update rules/compiled/functions-text.ts');
  return config.nullDate.year === 1904;
}

/** TextPlugin.flattenArgToStrings for a scalar (a range never reaches here). */
function argToStrings(arg: Value): string[] | CellError {
  if (arg instanceof CellError) return arg;
  const coerced = toText(arg);
  return coerced instanceof CellError ? coerced : [coerced];
}

/** runFunction bodies, keyed by name; arguments already coerced by functions.ts's prepareCall. */
export const TEXT_BODIES: Record<string, Body> = {
  TEXT: (rt, value: unknown, format: string) => formatText(value, format, date1904(rt)),
  VALUE: (rt, v: unknown) => excelValue(v, (text) => rt.helper.coerceScalarToNumberOrError(text)),
  CONCATENATE: (_rt, ...parts: string[]) => concatenate(...parts),
  CONCAT: (_rt, ...args: unknown[]) => concat(...args),
  TEXTJOIN: (_rt, delimiterArg: Value, ignoreEmpty: boolean, ...textArgs: Value[]) => {
    const delimiters = argToStrings(delimiterArg);
    if (delimiters instanceof CellError) return delimiters;
    const texts: string[] = [];
    for (const arg of textArgs) {
      const coerced = argToStrings(arg);
      if (coerced instanceof CellError) return coerced;
      texts.push(...coerced);
    }
    const parts = ignoreEmpty ? texts.filter((t) => t !== '') : texts;
    if (parts.length === 0) return '';
    const result = parts.reduce((acc, part, i) => (i === 0 ? part : acc + delimiters[(i - 1) % delimiters.length] + part), '');
    if (result.length > 32767) return err(ErrorType.VALUE, 'Result exceeds the maximum allowed length.');
    return result;
  },
  ...Object.fromEntries(
    Object.entries(OCC_PARTS).map(([name, pick]): [string, Body] => [name, (_rt, text: string) => occPart(text, pick)]),
  ),
};

/** The plugin each body mirrors (functions.ts's OWNERS). */
export const TEXT_OWNERS: Record<string, string> = {
  TEXT: 'TextFormatPlugin',
  VALUE: 'TextExcelPlugin',
  CONCATENATE: 'TextExcelPlugin',
  CONCAT: 'TextLookupPlugin',
  TEXTJOIN: 'TextPlugin',
  ...Object.fromEntries(Object.keys(OCC_PARTS).map((n) => [n, 'OptionSymbolsPlugin'])),
};
