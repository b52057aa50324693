/**
 * Excel's REGEX functions use PCRE2 patterns; Tickmark runs them on JavaScript's RegExp.
 * The two agree on the common syntax (classes, quantifiers, groups, named groups `(?<n>…)`,
 * look-around, back-references, `\d \w \s \b`). This file translates what PCRE2 has and
 * JavaScript spells differently, and refuses, with a clear error, what JavaScript cannot do:
 *
 * * translated: leading inline flags `(?i)`, `(?s)`, `(?m)` (only at the very start);
 *   `\A`, `\z`, `\Z`; `\Q…\E` literals; `\h` (horizontal space); POSIX classes
 *   `[[:alpha:]]` etc. (ASCII, as PCRE2 reads them); `(?P<name>…)`, `(?P=name)`.
 * * refused (#VALUE!): possessive quantifiers (`a++`), atomic groups `(?>…)`, recursion
 *   `(?R)`, `(?1)`, conditionals `(?(…)…)`, inline flags after the start or scoped
 *   `(?i:…)`, extended mode `(?x)`, `\K`, verbs `(*…)`.
 * * known differences left: JavaScript's `\w`, `\d`, `\b` are ASCII (as PCRE2's default);
 *   `.` never matches a line break unless `(?s)`; `$` matches only at the very end (PCRE2's
 *   also matches before a final line break).
 */

const POSIX: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: '\\s',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
};

/** A PCRE2 pattern as a JavaScript RegExp source and flags, or the reason it cannot be one. */
export type Translated = { source: string; flags: string } | { unsupported: string };

const escapeLiteral = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export function translatePcre(pattern: string): Translated {
  let flags = '';
  let rest = pattern;
  for (let lead = /^\(\?([ims]+)\)/.exec(rest); lead; lead = /^\(\?([ims]+)\)/.exec(rest)) {
    for (const f of lead[1]) if (!flags.includes(f)) flags += f;
    rest = rest.slice(lead[0].length);
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i];
    const next = rest[i + 1];
    if (ch === '\\') {
      if (next === undefined) return { unsupported: 'the pattern ends with a lone backslash' };
      if (next === 'Q') {
        const end = rest.indexOf('\\E', i + 2);
        const literal = rest.slice(i + 2, end < 0 ? rest.length : end);
        out += escapeLiteral(literal);
        i = end < 0 ? rest.length : end + 1;
        continue;
      }
      if (next === 'K') return { unsupported: '\\K (reset match start) is not supported' };
      if (!inClass && next === 'A') out += '^';
      else if (!inClass && next === 'z') out += '$';
      else if (!inClass && next === 'Z') out += '(?=\\n?$)';
      else if (next === 'h') out += inClass ? ' \\t' : '[ \\t]';
      else out += ch + next;
      i += 1;
      continue;
    }
    if (inClass) {
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(rest.slice(i));
      if (posix) {
        const set = POSIX[posix[2]];
        if (!set) return { unsupported: `the POSIX class [:${posix[2]}:] is not known` };
        if (posix[1]) return { unsupported: 'negated POSIX classes are not supported' };
        out += set;
        i += posix[0].length - 1;
        continue;
      }
      if (ch === ']' && !out.endsWith('[') && !out.endsWith('[^')) inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      if (next === '^') out += rest[++i];
      // A ']' first in a class is a literal, in PCRE2 and here.
      if (rest[i + 1] === ']') out += '\\' + rest[++i];
      continue;
    }
    if ((ch === '*' || ch === '+' || ch === '?' || ch === '}') && next === '+')
      return { unsupported: 'possessive quantifiers (such as a++) are not supported' };
    if (ch === '(' && next === '*') return { unsupported: 'PCRE2 verbs such as (*SKIP) are not supported' };
    if (ch === '(' && next === '?') {
      const group = rest.slice(i + 2);
      if (group.startsWith('P<')) {
        out += '(?<';
        i += 3;
        continue;
      }
      const backref = /^P=(\w+)\)/.exec(group);
      if (backref) {
        out += `\\k<${backref[1]}>`;
        i += 2 + backref[0].length - 1;
        continue;
      }
      if (/^[:=!]|^<[=!]|^<[A-Za-z_]/.test(group)) {
        out += ch;
        continue;
      }
      if (group.startsWith('>')) return { unsupported: 'atomic groups (?>…) are not supported' };
      if (group.startsWith('(')) return { unsupported: 'conditional groups (?(…)…) are not supported' };
      if (/^[R0-9+-]/.test(group)) return { unsupported: 'recursion such as (?R) is not supported' };
      return { unsupported: 'inline flags are supported only at the start of the pattern, as (?i)' };
    }
    out += ch;
  }
  return { source: out, flags };
}
