/**
 * Excel's number format codes for plain number sections (digits, separators, percent and
 * literals), written from how Excel renders them: SheetJS's SSF, which Tickmark uses for
 * everything else (dates, times, fractions, scientific, conditions), rejects or misreads
 * sections like `#,###.##.#` or `%#%#%`. What Excel does, and this follows:
 *
 * * the first `.` is the decimal point; later ones are literal, and the fraction's digits
 *   are spread over every placeholder after the point, literals kept in place;
 * * integer digits fill the placeholders from the right, the leftmost taking the rest;
 * * a `,` right after a placeholder groups thousands when a placeholder follows, divides by
 *   1,000 at the end of the integer part, and is dropped elsewhere; any other `,` is literal;
 * * each `%` multiplies by 100 and stays where it is written;
 * * a `#` whose digit is a trailing zero of the fraction is dropped, a `0` always shows;
 * * `*x` (fill) and `_x` (space) are dropped and become a space, as TEXT renders them.
 */

type Token = { kind: 'digit'; char: '0' | '#' | '?' } | { kind: 'point' } | { kind: 'comma' } | { kind: 'literal'; text: string };

const DATE_OR_OTHER = /[yYmMdDhHsSeE/[@]|A\/P|AM\/PM|General/i;

/** A section without its literals (quoted text, escapes, fill and space characters): its codes alone. */
export function formatCodes(section: string): string {
  return section.replace(/"[^"]*"|\\.|\*.|_./g, '');
}

/** Whether a section is one this formatter handles: no date, time, fraction, scientific or condition codes. */
export function isPlainNumberSection(section: string): boolean {
  return !DATE_OR_OTHER.test(formatCodes(section));
}

function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  let pointSeen = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      tokens.push({ kind: 'literal', text: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === '\\') {
      tokens.push({ kind: 'literal', text: section[i + 1] ?? '' });
      i += 1;
    } else if (ch === '*') {
      i += 1;
    } else if (ch === '_') {
      tokens.push({ kind: 'literal', text: ' ' });
      i += 1;
    } else if (ch === '0' || ch === '#' || ch === '?') {
      tokens.push({ kind: 'digit', char: ch });
    } else if (ch === '.' && !pointSeen) {
      pointSeen = true;
      tokens.push({ kind: 'point' });
    } else if (ch === ',') {
      tokens.push({ kind: 'comma' });
    } else tokens.push({ kind: 'literal', text: ch });
  }
  return tokens;
}

/** Formats |value| with one plain number section (the caller handles sections and signs). */
export function formatPlainNumber(value: number, section: string): string {
  const tokens = tokenize(section);
  // A section without placeholders shows only its literals ("w;x;z" shows w, x or z).
  if (!tokens.some((t) => t.kind === 'digit' || t.kind === 'point'))
    return tokens.map((t) => (t.kind === 'literal' ? t.text : t.kind === 'comma' ? ',' : '')).join('');
  const pointAt = tokens.findIndex((t) => t.kind === 'point');
  const intTokens = pointAt < 0 ? tokens : tokens.slice(0, pointAt);
  const fracTokens = pointAt < 0 ? [] : tokens.slice(pointAt + 1);
  const percents = tokens.filter((t) => t.kind === 'literal' && t.text === '%').length;
  let grouping = false;
  let scale = 0;
  const intItems: Token[] = [];
  intTokens.forEach((t, i) => {
    if (t.kind !== 'comma') return intItems.push(t);
    const prev = intTokens[i - 1];
    if (prev?.kind !== 'digit' && !(prev?.kind === 'comma' && isScaling(intTokens, i)))
      return intItems.push({ kind: 'literal', text: ',' });
    if (intTokens[i + 1]?.kind === 'digit') grouping = true;
    else if (isScaling(intTokens, i)) scale += 1;
  });
  const fracItems = fracTokens.filter((t, i) => t.kind !== 'comma' || fracTokens[i - 1]?.kind !== 'digit');
  const fracItemsWithCommas: Token[] = fracItems.map((t) => (t.kind === 'comma' ? { kind: 'literal', text: ',' } : t));
  const decimals = fracItemsWithCommas.filter((t) => t.kind === 'digit').length;
  const scaled = (Math.abs(value) * 100 ** percents) / 1000 ** scale;
  const fixed = roundToFixed(scaled, decimals);
  const [intDigits, fracDigits = ''] = fixed.split('.');
  return renderInteger(intItems, intDigits, grouping) + (pointAt < 0 ? '' : '.' + renderFraction(fracItemsWithCommas, fracDigits));
}

/** A comma (or run of commas) with no digit placeholder after it in the integer part scales by 1,000 each. */
function isScaling(tokens: Token[], i: number): boolean {
  return !tokens.slice(i + 1).some((t) => t.kind === 'digit');
}

function roundToFixed(x: number, decimals: number): string {
  const factor = 10 ** decimals;
  const rounded = Math.floor(Number((x * factor).toPrecision(15)) + 0.5) / factor;
  return rounded.toFixed(decimals);
}

function renderInteger(items: Token[], digits: string, grouping: boolean): string {
  const zeros = items.filter((t) => t.kind === 'digit' && t.char === '0').length;
  // The integer digits without leading zeros, padded to the '0' placeholders.
  const significant = digits.replace(/^0+/, '').padStart(zeros, '0');
  // Digit k of `significant` sits at position p from the right; a group separator follows p = 3, 6, ...
  const render = (from: number, to: number) => {
    let out = '';
    for (let k = from; k < to; k++) {
      const p = significant.length - 1 - k;
      out += significant[k];
      if (grouping && p > 0 && p % 3 === 0) out += ',';
    }
    return out;
  };
  const placeholders = items.filter((t) => t.kind === 'digit').length;
  if (!placeholders) return render(0, significant.length) + items.map((t) => (t.kind === 'literal' ? t.text : '')).join('');
  // Placeholders take one digit each from the right; the leftmost takes all that remain.
  let end = significant.length;
  let seen = 0;
  const parts: string[] = [];
  for (let k = items.length - 1; k >= 0; k--) {
    const t = items[k];
    if (t.kind === 'literal') parts.unshift(t.text);
    else if (t.kind === 'digit') {
      seen += 1;
      const start = seen === placeholders ? 0 : Math.max(0, end - 1);
      parts.unshift(start < end ? render(start, end) : t.char === '?' ? ' ' : '');
      end = start;
    }
  }
  return parts.join('');
}

function renderFraction(items: Token[], digits: string): string {
  // Trailing zeros beyond the last significant digit: '#' drops them, '0' shows them, '?' pads.
  const significantLength = digits.replace(/0+$/, '').length;
  let index = 0;
  let out = '';
  for (const t of items) {
    if (t.kind === 'literal') out += t.text;
    else if (t.kind === 'digit') {
      const d = digits[index] ?? '0';
      const trailing = index >= significantLength;
      index += 1;
      if (!trailing || t.char === '0') out += d;
      else if (t.char === '?') out += ' ';
    }
  }
  return out;
}
