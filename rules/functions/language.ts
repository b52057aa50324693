/**
 * The language Tickmark's engines speak: HyperFormula's English plus Excel's `#NULL!` error,
 * which HyperFormula lacks. With it, a `#NULL!` typed in a cell, written in a formula or
 * stored in an `.xlsx` file stays an error value that propagates and is counted as one,
 * instead of turning into the text "#NULL!".
 */
import { ErrorType, HyperFormula } from 'hyperformula';

export const TICKMARK_LANGUAGE = 'enTM';

/** HyperFormula's error type for `#NULL!` (not in its enum; the translation makes it real). */
export const NULL_ERROR = 'NULL' as ErrorType;

/** Excel 365's `#CALC!` (an array function with nothing to return, a LAMBDA not called): made real the same way. */
export const CALC_ERROR = 'CALC' as ErrorType;

/** Registers the language once; safe to call repeatedly. */
export function registerTickmarkLanguage(): void {
  if (HyperFormula.getRegisteredLanguagesCodes().includes(TICKMARK_LANGUAGE)) return;
  const base = HyperFormula.getLanguage('enGB') as unknown as {
    errors: Record<string, string>;
    functions: Record<string, string>;
    ui: object;
  };
  HyperFormula.registerLanguage(TICKMARK_LANGUAGE, {
    langCode: TICKMARK_LANGUAGE,
    ui: { ...base.ui },
    errors: { ...base.errors, NULL: '#NULL!', CALC: '#CALC!' },
    // VERSION is HyperFormula's own and may not be translated.
    functions: Object.fromEntries(Object.entries(base.functions).filter(([id]) => id !== 'VERSION')),
  } as never);
}

/** A plugin's translations: every function under its own name, in every language Tickmark uses. */
export function ownNames(plugin: { implementedFunctions: Record<string, unknown> }): Record<string, Record<string, string>> {
  const names = Object.fromEntries(Object.keys(plugin.implementedFunctions).map((n) => [n, n]));
  return { enGB: names, enUS: names, [TICKMARK_LANGUAGE]: names };
}
