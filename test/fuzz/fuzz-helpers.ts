/**
 * Shared pieces of the fuzz tests: one fixed seed (TICKMARK_FUZZ_SEED overrides it, so a
 * failure printed by fast-check can be replayed) and the check that an error names its place.
 */
import fc from 'fast-check';
import { AppError } from '../../db/app-error.js';
import { RuleError } from '../../rules/errors.js';

/** The seed every fuzz property runs with; fast-check prints it (and the path) on failure. */
export const FUZZ_SEED = Number(process.env.TICKMARK_FUZZ_SEED ?? 20261202);

/** Fixes the seed for this test file and says it, so a CI log always shows how to replay. */
export function configureFuzz(): void {
  fc.configureGlobal({ seed: FUZZ_SEED, endOnFailure: true });
  console.log(`fuzz seed ${FUZZ_SEED} (replay with TICKMARK_FUZZ_SEED=${FUZZ_SEED})`);
}

/** Words a message uses when the place at fault is a limit rather than a cell or line. */
const LIMIT = /\b(limit|at most|too (large|many|long|big|deep)|exceeds?|maximum|more than)\b/i;

/** Signs of a message put together from something that was not there. */
const SLOPPY = /\bundefined\b|\bNaN\b|\[object Object\]|^\s*$/;

/**
 * Why `error` is not an acceptable refusal of `file`, or null when it is: a RuleError or
 * AppError (never TypeError, RangeError or a bare Error) whose place names the file and a
 * line, cell, column or row, or whose message names a limit. `fileOnly` accepts a place that
 * is the file alone (a file that is not a workbook at all has no cell to name).
 */
export function refusalProblem(error: unknown, file: string, fileOnly = false): string | null {
  if (error instanceof RuleError) {
    const where = error.describe();
    if (SLOPPY.test(error.message)) return `sloppy message: ${where}`;
    if (error.place.file !== file && !where.includes(file)) return `does not name the file ${file}: ${where}`;
    const p = error.place;
    const placed = Boolean(p.line || p.cell || p.column || p.row || p.sheet) || LIMIT.test(error.message);
    if (!placed && !fileOnly) return `names no line, cell, column or limit: ${where}`;
    return null;
  }
  if (error instanceof AppError) {
    const text = `${error.message} ${JSON.stringify(error.details ?? {})}`;
    if (SLOPPY.test(error.message)) return `sloppy message: ${error.message}`;
    if (error.status >= 500) return `AppError ${error.status}: ${error.message}`;
    if (!text.includes(file)) return `AppError does not name the file ${file}: ${text}`;
    if (!fileOnly && !/line|cell|column|row|[A-Z]+\d+/.test(text) && !LIMIT.test(text)) return `AppError names no place: ${text}`;
    return null;
  }
  const e = error as Error;
  return `not a RuleError/AppError: ${e?.name ?? typeof error}: ${e?.message ?? String(error)}\n${e?.stack ?? ''}`;
}
