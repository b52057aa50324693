/**
 * Function names and signatures for completion in the cell editor and the formula bar: the
 * functions HyperFormula has registered (Tickmark's included), each with Excel's argument
 * names from `excel-arguments.ts`. A registered function without an entry there (the
 * engine's operators HF.ADD…, its own aliases such as VARS) is not offered.
 */
import { HyperFormula } from 'hyperformula';
import { BOUND } from '../../../rules/functions/let';
import { ENGINE_OFFSET } from '../../../rules/functions/reference';
import { engineConfig } from '../../../rules/hf';
import { EXCEL_ARGUMENTS } from './excel-arguments';

export interface FunctionEntry {
  name: string;
  /** As Excel shows it while typing: `VLOOKUP(lookup_value, table_array, col_index_num, [range_lookup])`. */
  signature: string;
}

let cache: FunctionEntry[] | null = null;

/** The engine's names as a person types them: XLOFFSET is OFFSET, LET.BOUND is internal. */
export function typedNames(): string[] {
  engineConfig(); // registers Tickmark's functions
  return HyperFormula.getRegisteredFunctionNames('enGB')
    .filter((name) => name !== BOUND && name !== 'OFFSET')
    .map((id) => (id === ENGINE_OFFSET ? 'OFFSET' : id));
}

export function functionList(): FunctionEntry[] {
  if (cache) return cache;
  cache = typedNames()
    .filter((name) => EXCEL_ARGUMENTS[name] !== undefined)
    .map((name) => ({ name, signature: `${name}(${EXCEL_ARGUMENTS[name]})` }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return cache;
}

/** The function name being typed at the end of `text` (after `=`, an operator, a comma or a bracket). */
export function typedFunctionPrefix(text: string): string | null {
  if (!text.startsWith('=')) return null;
  const match = /(?:^=|[(,+\-*/&=<>^ ])([A-Za-z][A-Za-z0-9.]*)$/.exec(text);
  return match ? match[1].toUpperCase() : null;
}

/** The functions whose names start with what is being typed, at most `limit`. */
export function suggestionsFor(text: string, limit = 8): FunctionEntry[] {
  const prefix = typedFunctionPrefix(text);
  return prefix
    ? functionList()
        .filter((f) => f.name.startsWith(prefix))
        .slice(0, limit)
    : [];
}

/** `text` with the name being typed completed to `name(`, as Tab does in Excel. */
export function completeFunction(text: string, name: string): string {
  const prefix = typedFunctionPrefix(text) ?? '';
  return `${text.slice(0, text.length - prefix.length)}${name}(`;
}
