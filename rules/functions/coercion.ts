/**
 * One correction to HyperFormula's arithmetic coercion, applied once per process: empty text
 * ("", as `=""` or an imported empty string cell gives) is not a number. HyperFormula reads it
 * as 0, so `=""*1` is 0 and `ABS("")` 0; Excel gives #VALUE! for both, and a reconciliation
 * that treats a blank amount as zero hides a break. HyperFormula has no setting for this, so
 * the method its number coercion goes through is wrapped on its (shared) prototype.
 */
import { HyperFormula } from 'hyperformula';

let applied = false;

export function applyExcelCoercion(config: object): void {
  if (applied) return;
  applied = true;
  const probe = HyperFormula.buildEmpty(config) as unknown as { _evaluator: { interpreter: { arithmeticHelper: object } } };
  try {
    const helper = Object.getPrototypeOf(probe._evaluator.interpreter.arithmeticHelper) as {
      coerceNonDateScalarToMaybeNumber: (arg: unknown) => unknown;
    };
    const original = helper.coerceNonDateScalarToMaybeNumber;
    if (typeof original !== 'function')
      throw new Error('HyperFormula no longer has coerceNonDateScalarToMaybeNumber; update rules/functions/coercion.ts');
    helper.coerceNonDateScalarToMaybeNumber = function (this: unknown, arg: unknown) {
      return arg === '' ? undefined : original.call(this, arg);
    };
  } finally {
    (probe as unknown as HyperFormula).destroy();
  }
}
