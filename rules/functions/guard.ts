/**
 * One cell never takes down the rest: a JavaScript exception thrown while a function
 * plugin evaluates one call (a bug in ours, or in HyperFormula's) becomes a `#VALUE!` in
 * that cell, with a message saying the engine failed, instead of an exception out of the
 * whole build, recalculation or run. Arguments are evaluated inside the call, so an
 * exception deep in a nested function stops at the innermost call and flows on as a value.
 */
import { ArraySize, CellError, ErrorType, type FunctionPluginDefinition } from 'hyperformula';

/** The start of the message of every error value the guard makes. */
export const ENGINE_FAILURE = 'the engine failed on this formula';

type Method = (...args: unknown[]) => unknown;

const GUARDED = Symbol('tickmark.guarded');

/**
 * Wraps each implementation method (and array-size method) of `plugin` in place, once;
 * returns the plugin so registration reads `registerFunctionPlugin(guardPlugin(P), …)`.
 */
export function guardPlugin<P extends FunctionPluginDefinition>(plugin: P): P {
  const prototype = plugin.prototype as Record<string, Method>;
  for (const metadata of Object.values(plugin.implementedFunctions)) {
    guardMethod(prototype, metadata.method, (error) => new CellError(ErrorType.VALUE, `${ENGINE_FAILURE}: ${describe(error)}`));
    // A size method runs while the formula is parsed, before any value: on failure the
    // cell is sized as one value and its evaluation (guarded too) says what went wrong.
    if (metadata.sizeOfResultArrayMethod) guardMethod(prototype, metadata.sizeOfResultArrayMethod, () => ArraySize.error());
  }
  return plugin;
}

/** Whether every method of `plugin` is guarded (for tests and start-up checks). */
export function isGuarded(plugin: FunctionPluginDefinition): boolean {
  const prototype = plugin.prototype as Record<string, Method & { [GUARDED]?: true }>;
  return Object.values(plugin.implementedFunctions).every((metadata) => prototype[metadata.method]?.[GUARDED] === true);
}

function guardMethod(prototype: Record<string, Method>, name: string, failed: (error: unknown) => unknown): void {
  const method = prototype[name] as (Method & { [GUARDED]?: true }) | undefined;
  if (typeof method !== 'function' || method[GUARDED]) return;
  // HyperFormula calls every method as (ast, state); naming both keeps the hot path free of rest arrays.
  const guarded = function (this: unknown, ast: unknown, state: unknown) {
    try {
      return method.call(this, ast, state);
    } catch (error) {
      return failed(error);
    }
  };
  Object.defineProperty(guarded, GUARDED, { value: true });
  prototype[name] = guarded;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
