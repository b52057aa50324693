/**
 * Turns Excel formula text into HyperFormula's dialect. Excel writes bare `TRUE`/`FALSE`
 * literals and `_xlfn.`/`_xludf.` prefixes that HyperFormula does not understand.
 * String literals are left untouched.
 */
export function normaliseFormula(formula: string): string {
  if (!formula.startsWith('=')) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = endOfString(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "'") {
      // A quoted sheet name: copy verbatim up to the closing quote.
      let j = i + 1;
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) j += formula[j] === "'" ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(formula.slice(i));
    if (word) {
      out += rewriteWord(word[0], formula, i + word[0].length);
      i += word[0].length;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}

function endOfString(text: string, start: number): number {
  let j = start + 1;
  while (j < text.length) {
    if (text[j] === '"') {
      if (text[j + 1] === '"') j += 2;
      else return j + 1;
    } else j += 1;
  }
  return text.length;
}

function rewriteWord(word: string, formula: string, after: number): string {
  const stripped = word.replace(/^_xlfn\._xlws\.|^_xlfn\.|^_xludf\./i, '');
  const upper = stripped.toUpperCase();
  const next = formula.slice(after).trimStart()[0];
  const isCall = next === '(';
  const isSheetRef = next === '!';
  if (!isCall && !isSheetRef && (upper === 'TRUE' || upper === 'FALSE')) return `${upper}()`;
  return stripped;
}
