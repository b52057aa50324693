/**
 * The prototype of one part of HyperFormula's interpreter (its ArithmeticHelper, its
 * CriterionBuilder), for the patches that correct HyperFormula in one place for every engine
 * (wildcards/patch.ts, criteria-cache-patch.ts). The classes are not exported (the package's
 * `exports` map forbids deep imports), so the prototype is read off a throwaway engine.
 */
import { HyperFormula } from 'hyperformula';

/** The prototype of `interpreter[part]`, which must have every method named; else an error naming `patchFile`. */
export function interpreterPrototype<T>(part: 'arithmeticHelper' | 'criterionBuilder', methods: string[], patchFile: string): T {
  const engine = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
  try {
    const internals = engine as unknown as { evaluator?: { interpreter?: Record<string, unknown> } };
    const instance = internals.evaluator?.interpreter?.[part];
    const proto = instance ? (Object.getPrototypeOf(instance) as Record<string, unknown>) : undefined;
    const missing = methods.filter((m) => typeof proto?.[m] !== 'function');
    if (!proto || missing.length > 0)
      throw new Error(
        `HyperFormula ${HyperFormula.version} has no ${part} ${missing.join(', ')} where 3.5 had it; the patch in ${patchFile} must be redone for this version`,
      );
    return proto as T;
  } finally {
    engine.destroy();
  }
}
