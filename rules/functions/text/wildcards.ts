/** Excel's wildcards in SEARCH-style text: `?` one character, `*` any run, `~` escapes the next. */

const escape = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The body of a RegExp matching an Excel wildcard pattern (unanchored). */
export function wildcardBody(pattern: string): string {
  let body = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '~' && i + 1 < pattern.length) body += escape(pattern[++i]);
    else if (ch === '*') body += '[\\s\\S]*?';
    else if (ch === '?') body += '[\\s\\S]';
    else body += escape(ch);
  }
  return body;
}

/** A global, case-insensitive RegExp for SEARCH: set `lastIndex` to where the search starts. */
export function searchPattern(pattern: string): RegExp {
  return new RegExp(wildcardBody(pattern), 'gi');
}
