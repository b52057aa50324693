/** The watched folder: files dropped there are picked by file-name pattern and archived once used. */
import { mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/** A compiled file-name pattern: `test(name)` says whether the whole name matches. */
export interface FilePattern {
  test(name: string): boolean;
}

/**
 * `fo_blotter_*.csv` as a whole-name, case-insensitive match (`*` any run, `?` one character,
 * everything else itself). Not a regular expression: `.*` groups backtrack, so
 * `*a*a*a*a*a*a*a*a*b` against a long name took seconds per file and held the server. The
 * two-pointer match below backs up only to the last `*`, which is enough for `*` and `?`,
 * so it takes at most name length × pattern length steps.
 */
export function compilePattern(pattern: string): FilePattern {
  const wanted = Array.from(pattern.toLowerCase());
  return { test: (name) => wildcardMatch(wanted, Array.from(name.toLowerCase())) };
}

function wildcardMatch(pattern: string[], name: string[]): boolean {
  let p = 0;
  let n = 0;
  // Where the last `*` was, and the name position it currently stands for up to.
  let star = -1;
  let starEnd = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === '?' || (pattern[p] !== '*' && pattern[p] === name[n]))) {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      starEnd = n;
    } else if (star >= 0) {
      // Let the last `*` take one more character and try the rest again from there.
      p = star + 1;
      n = ++starEnd;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** The newest file of `dir` (not in sub-folders) whose name matches `pattern`, or null. */
export function newestMatch(dir: string, pattern: string): string | null {
  const test = compilePattern(pattern);
  let best: { path: string; mtime: number } | null = null;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return null;
  }
  for (const name of names) {
    if (!test.test(name)) continue;
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isFile() && (!best || stat.mtimeMs > best.mtime)) best = { path, mtime: stat.mtimeMs };
  }
  return best?.path ?? null;
}

/** Moves used files to `processed/<date>/` so the next firing waits for new ones. */
export function archive(dir: string, paths: string[], date: string): void {
  const target = join(dir, 'processed', date);
  mkdirSync(target, { recursive: true });
  for (const path of paths) renameSync(path, join(target, basename(path)));
}
