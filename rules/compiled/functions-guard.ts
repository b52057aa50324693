/**
 * What the compiled function files (functions-dates.ts, functions-text.ts) share with
 * functions.ts: the shape of a body, of a function with its own argument handling, and the
 * engine's guard. Every plugin method is wrapped by rules/functions/guard.ts, so a
 * JavaScript exception inside a call is that cell's #VALUE! with the guard's message; a
 * compiled body calling the plugin's code is wrapped alike, so an exception gives the same
 * value both ways instead of stopping the compiled run.
 */
import { CellError, ErrorType } from 'hyperformula';
import { ENGINE_FAILURE } from '../functions/guard.js';
import type { Runtime, Value } from './values.js';

/** A runFunction body: the runtime, then the arguments as prepareCall coerced them. */
export type Body = (rt: Runtime, ...args: never[]) => unknown;

/** A function with its own argument handling: given the written argument count and which are written empty, its call. */
export type OwnCall = (rt: Runtime, argCount: number, emptyArgs: boolean[]) => { call(args: Value[]): Value };

/** `fn` with guard.ts's treatment of an exception. */
export function guardedBody<A extends unknown[]>(fn: (...args: A) => unknown): (...args: A) => Value {
  return (...args) => {
    try {
      return fn(...args) as Value;
    } catch (error) {
      return new CellError(ErrorType.VALUE, `${ENGINE_FAILURE}: ${error instanceof Error ? error.message || error.name : String(error)}`);
    }
  };
}

/** Each body of `bodies` guarded. */
export function guardedBodies(bodies: Record<string, Body>): Record<string, Body> {
  return Object.fromEntries(
    Object.entries(bodies).map(([name, body]) => [name, guardedBody(body as (...a: unknown[]) => unknown) as Body]),
  );
}
