/**
 * A small scanner for formula text: finds function calls and their argument spans while
 * skipping string literals and quoted sheet names. Enough to rewrite whole-column
 * aggregates; the full grammar stays HyperFormula's business.
 */

export interface FormulaCall {
  name: string;
  /** Index of the first character of the name. */
  start: number;
  /** Index just past the closing parenthesis. */
  end: number;
  /** Argument texts, trimmed. */
  args: string[];
}

/** Every function call in `formula`, outermost first. */
export function findCalls(formula: string): FormulaCall[] {
  const calls: FormulaCall[] = [];
  const stack: { name: string; start: number; argStart: number; args: string[] }[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      i = skipQuoted(formula, i, ch);
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*(?=\()/.exec(formula.slice(i));
    if (name && (i === 0 || !/[A-Za-z0-9_.!$]/.test(formula[i - 1]))) {
      stack.push({ name: name[0].toUpperCase(), start: i, argStart: i + name[0].length + 1, args: [] });
      i += name[0].length + 1;
      continue;
    }
    const top = stack[stack.length - 1];
    if (ch === '(') stack.push({ name: '', start: i, argStart: i + 1, args: [] });
    else if (ch === ',' && top) {
      top.args.push(formula.slice(top.argStart, i).trim());
      top.argStart = i + 1;
    } else if (ch === ')' && top) {
      stack.pop();
      const last = formula.slice(top.argStart, i).trim();
      if (last !== '' || top.args.length > 0) top.args.push(last);
      if (top.name) calls.push({ name: top.name, start: top.start, end: i + 1, args: top.args });
    }
    i += 1;
  }
  return calls.sort((a, b) => a.start - b.start || b.end - a.end);
}

function skipQuoted(text: string, start: number, quote: string): number {
  let j = start + 1;
  while (j < text.length) {
    if (text[j] === quote) {
      if (text[j + 1] === quote) j += 2;
      else return j + 1;
    } else j += 1;
  }
  return text.length;
}

/** The text with string literals blanked, for reference searches that must not see them. */
export function withoutStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, (m) => '"' + ' '.repeat(m.length - 2) + '"');
}
