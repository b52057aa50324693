/** The watched folder: files dropped there are picked by file-name pattern and archived once used. */
import { mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/** `fo_blotter_*.csv` as a whole-name, case-insensitive match (`*` any run, `?` one character). */
export function patternToRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/** The newest file of `dir` (not in sub-folders) whose name matches `pattern`, or null. */
export function newestMatch(dir: string, pattern: string): string | null {
  const test = patternToRegExp(pattern);
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
