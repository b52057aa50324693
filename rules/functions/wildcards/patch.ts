/**
 * Excel's `?` wildcard is exactly one character. HyperFormula 3.5 turns `?` into the RegExp `.?`
 * (zero or one character, in its private `escapeNonWildcards`), so `COUNTIF(A2:A5,"?????es")`
 * counts "Apples" (six letters) and `MATCH("a?c",…,0)` finds "ac". Every wildcard match it makes —
 * criteria (COUNTIF(S), SUMIF(S), AVERAGEIF(S), MAXIFS, MINIFS, the D-functions), MATCH/VLOOKUP/
 * HLOOKUP, SEARCH — goes through one method, `ArithmeticHelper.prototype.buildRegex`, which this
 * file replaces once per process for the wildcard case only (regular-expression and literal modes
 * still run HyperFormula's own code), on the prototype interpreter-prototype.ts reaches.
 */
import { HyperFormula } from 'hyperformula';
import { interpreterPrototype } from '../interpreter-prototype.js';
import { wildcardBody } from '../text/wildcards.js';

interface HelperConfig {
  useWildcards: boolean;
  useRegularExpressions: boolean;
  matchWholeCell: boolean;
}

interface ArithmeticHelperLike {
  config: HelperConfig;
  normalizeString(text: string): string;
  buildRegex(pattern: string, matchWholeCell?: boolean): RegExp;
}

type BuildRegex = ArithmeticHelperLike['buildRegex'];

const PATCHED = Symbol.for('tickmark.wildcards.patched');

let patched = false;

/** The version this patch was written against; another one must be checked before it is trusted. */
const KNOWN_VERSION = /^3\.5\./;

/**
 * Makes HyperFormula's wildcard patterns mean what Excel's do: `?` one character, `*` any run,
 * `~?` `~*` `~~` the literal character. Idempotent; throws on a HyperFormula it was not written for.
 */
export function patchWildcards(): void {
  if (patched) return;
  if (!KNOWN_VERSION.test(HyperFormula.version)) {
    throw new Error(
      `patchWildcards: written for HyperFormula 3.5, found ${HyperFormula.version}; check whether its \`?\` wildcard ` +
        'still matches zero characters and update rules/functions/wildcards/patch.ts',
    );
  }
  const proto = interpreterPrototype<ArithmeticHelperLike & { [PATCHED]?: true }>(
    'arithmeticHelper',
    ['buildRegex', 'normalizeString'],
    'rules/functions/wildcards/patch.ts',
  );
  patched = true;
  if (proto[PATCHED]) return;
  const original: BuildRegex = proto.buildRegex;
  proto.buildRegex = function buildRegex(this: ArithmeticHelperLike, pattern: string, matchWholeCell = true): RegExp {
    const { useWildcards, useRegularExpressions } = this.config;
    if (useRegularExpressions || !useWildcards) return original.call(this, pattern, matchWholeCell);
    // The pattern is normalised (case, accents) as the cell text it is tested against is.
    const body = wildcardBody(this.normalizeString(pattern));
    return this.config.matchWholeCell && matchWholeCell ? new RegExp(`^(?:${body})$`) : new RegExp(body);
  };
  proto[PATCHED] = true;
}
