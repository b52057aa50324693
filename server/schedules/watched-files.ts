/** What is waiting in the watched folder: its files (not sub-folders), newest first, each with the schedule inputs it would feed. */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ScheduleRecord } from '../../db/schedules.service.js';
import { compilePattern } from './watched-folder.js';

export const WATCHED_FILES_LIMIT = 500;

export interface WatchedFileMatch {
  scheduleId: number;
  sheetId: number;
  input: string;
  pattern: string;
}
export interface WatchedFile {
  name: string;
  size: number;
  modifiedAt: string;
  matches: WatchedFileMatch[];
}

/**
 * Lists at most `limit` files directly in `dir` (names only, so nothing outside the folder is read; a missing folder is
 * empty). `truncated` says more files were there than were listed.
 */
export function listWatchedFiles(
  dir: string,
  schedules: ScheduleRecord[],
  limit = WATCHED_FILES_LIMIT,
): { folder: string; files: WatchedFile[]; truncated: boolean } {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return { folder: dir, files: [], truncated: false };
  }
  const patterns = schedules.flatMap((s) =>
    Object.entries(s.inputs).map(([input, pattern]) => ({
      scheduleId: s.id,
      sheetId: s.sheetId,
      input,
      pattern,
      test: compilePattern(pattern),
    })),
  );
  const files: WatchedFile[] = [];
  for (const name of names) {
    if (name.includes('/') || name.includes('\\')) continue;
    // lstat: a link is never followed, so nothing outside the folder is looked at.
    const stat = lstatSync(join(dir, name), { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    const matches = patterns.filter((p) => p.test.test(name)).map(({ test: _test, ...match }) => match);
    files.push({ name, size: stat.size, modifiedAt: stat.mtime.toISOString(), matches });
  }
  files.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name));
  return { folder: dir, files: files.slice(0, limit), truncated: files.length > limit };
}
