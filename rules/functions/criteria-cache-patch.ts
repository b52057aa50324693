/**
 * HyperFormula caches a COUNTIFS/SUMIFS/AVERAGEIFS/MINIFS/MAXIFS result per range under its
 * criteria joined with commas (CriterionFunctionCompute: `raw` of each criterion, `.join(',')`),
 * so `COUNTIFS(A:A,"a",B:B,"b,c")` and `COUNTIFS(A:A,"a,b",B:B,"c")` share one key: whichever is
 * computed first answers for both, a wrong count given in silence. The cache key is the only use
 * of a criterion's `raw`, so this makes it unambiguous (JSON of the value, with its type): the
 * criteria themselves and their matching are HyperFormula's own. Patched once per process on
 * the CriterionBuilder's prototype (interpreter-prototype.ts).
 */
import { HyperFormula } from 'hyperformula';
import { interpreterPrototype } from './interpreter-prototype.js';

interface CriterionPackage {
  raw: unknown;
  lambda: (value: unknown) => boolean;
}
interface CriterionBuilderLike {
  fromCellValue(raw: unknown, helper: unknown): CriterionPackage | undefined;
}

const KNOWN_VERSION = /^3\.5\./;
let patched = false;

/** Makes the conditional aggregates' cache key unambiguous. Idempotent; throws on a HyperFormula it was not written for. */
export function patchCriteriaCache(): void {
  if (patched) return;
  if (!KNOWN_VERSION.test(HyperFormula.version))
    throw new Error(
      `patchCriteriaCache: written for HyperFormula 3.5, found ${HyperFormula.version}; check how CriterionFunctionCompute keys its cache and update rules/functions/criteria-cache-patch.ts`,
    );
  const proto = interpreterPrototype<CriterionBuilderLike & { patched?: true }>(
    'criterionBuilder',
    ['fromCellValue'],
    'rules/functions/criteria-cache-patch.ts',
  );
  patched = true;
  if (proto.patched) return;
  const original = proto.fromCellValue;
  proto.fromCellValue = function fromCellValue(this: CriterionBuilderLike, raw: unknown, helper: unknown) {
    const made = original.call(this, raw, helper);
    return made && { raw: JSON.stringify([typeof raw, raw]), lambda: made.lambda };
  };
  proto.patched = true;
}
