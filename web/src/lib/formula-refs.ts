/**
 * F4 in a formula being edited, as Excel does it: the reference at (or just before) the
 * caret cycles A1 → $A$1 → A$1 → $A1 → A1, and a range's two ends (A1:B2) cycle together.
 */

// A cell reference not inside a longer name: optional `$`, 1-3 letters, optional `$`, digits.
const REFERENCE = /(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(\$?)(\d+))?/g;

const NEXT: Record<string, [string, string]> = {
  // column mark, row mark → next column mark, row mark
  ',': ['$', '$'],
  '$,$': ['', '$'],
  ',$': ['$', ''],
  '$,': ['', ''],
};

/**
 * The formula with the reference at the caret cycled, and where the caret goes (after the
 * reference); the text unchanged when no reference touches the caret.
 *
 * @example cycleAbsolute('=A1+B2', 3) // { text: '=$A$1+B2', caret: 5 }
 */
export function cycleAbsolute(text: string, caret: number): { text: string; caret: number } {
  if (!text.startsWith('=')) return { text, caret };
  for (const match of text.matchAll(REFERENCE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (caret < start || caret > end) continue;
    // Part of a longer word (a function or a name such as LOG10 or ABC1D): not a reference.
    if (/[A-Za-z0-9_.]/.test(text[start - 1] ?? '') || /[A-Za-z0-9_(]/.test(text[end] ?? '')) continue;
    const [, c1, col1, r1, row1, c2, col2, r2, row2] = match;
    const [nc, nr] = NEXT[`${c1},${r1}`];
    let replaced = `${nc}${col1}${nr}${row1}`;
    if (col2 !== undefined) {
      const [mc, mr] = NEXT[`${c2},${r2}`];
      replaced += `:${mc}${col2}${mr}${row2}`;
    }
    return { text: text.slice(0, start) + replaced + text.slice(end), caret: start + replaced.length };
  }
  return { text, caret };
}
