/**
 * How deeply a formula nests parentheses. HyperFormula's parser recurses once per level and
 * overflows the stack somewhere between 150 and 200 levels (measured on Node 20), which
 * would take down the whole workbook; Excel itself allows 64 nested functions. A formula
 * deeper than the limit is refused by its cell before the parser sees it.
 */

/** Levels of `(` and `{` a formula may nest: above Excel's 64, well below the parser's overflow. */
export const MAX_FORMULA_DEPTH = 100;

/** The deepest nesting of `(`/`{` outside string literals and quoted sheet names. */
export function formulaDepth(formula: string): number {
  let depth = 0;
  let deepest = 0;
  let quote: '"' | "'" | null = null;
  for (const ch of formula) {
    if (quote) {
      // A doubled quote inside a literal closes and reopens it: the count stays right.
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '{') deepest = Math.max(deepest, ++depth);
    else if (ch === ')' || ch === '}') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/** Why a formula is too deep to evaluate, or null. Cheap for the usual short formula. */
export function formulaDepthProblem(formula: string): string | null {
  if (formula.length <= MAX_FORMULA_DEPTH) return null;
  const depth = formulaDepth(formula);
  if (depth <= MAX_FORMULA_DEPTH) return null;
  return `the formula nests ${depth} levels of parentheses; at most ${MAX_FORMULA_DEPTH} can be evaluated (Excel allows 64 nested functions)`;
}
