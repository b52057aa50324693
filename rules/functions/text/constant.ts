/**
 * Sizing a spilled text result before evaluation. HyperFormula fixes a formula's spill size
 * while it parses; TEXTSPLIT and REGEXEXTRACT's result size depends on the text itself, so
 * it can be known only when the text (and the other arguments) are constants: literals, or
 * cells holding a value. Otherwise the size is unknown and the formula is #VALUE!, with the
 * reason, rather than a guessed size that would cut the result.
 */
import type { FunctionPlugin } from 'hyperformula';
import { constantArg, type RawArg } from '../values.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state

/** An argument known before evaluation (string and number literals, TRUE()/FALSE(), constant cells, unary minus); undefined if not. */
export function knownArg(plugin: FunctionPlugin, arg: Ast, state: Ast): RawArg | undefined {
  if (arg?.type === 'STRING') return arg.value;
  if (arg?.type === 'MINUS_UNARY_OP') {
    const inner = knownArg(plugin, arg.value, state);
    return typeof inner === 'number' ? -inner : undefined;
  }
  return constantArg(plugin, arg, state);
}

/** A known argument as text, as the function would read it; undefined when not known. */
export function knownText(plugin: FunctionPlugin, arg: Ast, state: Ast): string | undefined {
  const value = knownArg(plugin, arg, state);
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'symbol') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return undefined;
}
