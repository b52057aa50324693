/** Login attempts: a few failures per email and address, then a pause. In memory: one process. */
import { AppError } from '../../db/app-error.js';

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 5;

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  /** Throws 429 while `key` has failed too often recently. */
  check(key: string, now = Date.now()): void {
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    this.failures.set(key, recent);
    if (recent.length >= MAX_FAILURES) {
      const wait = Math.ceil((WINDOW_MS - (now - recent[0])) / 60_000);
      throw new AppError('too_many_attempts', 429, `too many failed sign-ins; try again in ${wait} minute${wait === 1 ? '' : 's'}`);
    }
  }

  fail(key: string, now = Date.now()): void {
    this.failures.set(key, [...(this.failures.get(key) ?? []), now]);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
