/**
 * Sign-in backoff: each key (an address, an account, a known device) may fail a few times
 * freely; after that it waits, twice as long after every further failure, up to a ceiling.
 * A guesser is slowed to a crawl, while the account's owner is not locked out: a known device
 * has a key of its own (server/auth/sign-in.ts), so someone else's failures never hold it.
 * In memory: one process, forgotten on restart (which is also a way out for an admin).
 *
 * @example
 * const limiter = new LoginLimiter();
 * limiter.check(['address:203.0.113.9', 'account:ada@example.com']); // throws 429 while waiting
 * const started = limiter.fail(['address:203.0.113.9', 'account:ada@example.com']);
 */
import { AppError } from '../../db/app-error.js';

/** How one kind of key backs off. */
export interface BackoffPolicy {
  /** Failures allowed before the first wait. */
  free: number;
  /** The first wait; each failure after it doubles the wait. */
  baseMs: number;
  /** The longest wait. */
  maxMs: number;
  /** A key quiet this long since its last failure starts afresh. */
  forgetMs: number;
}

const MINUTE = 60_000;

/** Per kind of key. An address has more free tries: an office behind one NAT shares it. */
export const POLICIES = {
  address: { free: 20, baseMs: MINUTE, maxMs: 60 * MINUTE, forgetMs: 24 * 60 * MINUTE },
  account: { free: 5, baseMs: MINUTE, maxMs: 15 * MINUTE, forgetMs: 24 * 60 * MINUTE },
  device: { free: 5, baseMs: MINUTE, maxMs: 15 * MINUTE, forgetMs: 24 * 60 * MINUTE },
} as const satisfies Record<string, BackoffPolicy>;

export type KeyKind = keyof typeof POLICIES;

/** `kind:value`, e.g. `address:203.0.113.9`, `account:ada@example.com`, `device:<sha256>`. */
export type LimiterKey = `${KeyKind}:${string}`;

interface KeyState {
  failures: number;
  lastFailureAt: number;
  waitUntil: number;
}

/** A key that has just started (or restarted) waiting, for the audit trail. */
export interface Backoff {
  key: LimiterKey;
  failures: number;
  until: string;
}

/** Keys kept at most; past it the stalest are dropped (a guesser rotating e-mails must not fill memory). */
const MAX_KEYS = 100_000;

export class LoginLimiter {
  private readonly keys = new Map<LimiterKey, KeyState>();

  constructor(private readonly policies: Record<KeyKind, BackoffPolicy> = POLICIES) {}

  /** Throws 429 (details.retryAfterSeconds) while any of `keys` is waiting; the longest wait is named. */
  check(keys: readonly LimiterKey[], now = Date.now()): void {
    const waitMs = Math.max(0, ...keys.map((key) => (this.live(key, now)?.waitUntil ?? 0) - now));
    if (waitMs <= 0) return;
    const seconds = Math.ceil(waitMs / 1000);
    const wait = seconds < 120 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`;
    throw new AppError('too_many_attempts', 429, `too many failed sign-ins; try again in ${wait}`, { retryAfterSeconds: seconds });
  }

  /** Counts a failure against every key; returns the keys that now have to wait. */
  fail(keys: readonly LimiterKey[], now = Date.now()): Backoff[] {
    const started: Backoff[] = [];
    for (const key of keys) {
      const policy = this.policies[kindOf(key)];
      const state = this.live(key, now) ?? { failures: 0, lastFailureAt: now, waitUntil: 0 };
      state.failures += 1;
      state.lastFailureAt = now;
      const over = state.failures - policy.free;
      if (over >= 0) {
        state.waitUntil = now + Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(over, 30));
        started.push({ key, failures: state.failures, until: new Date(state.waitUntil).toISOString() });
      }
      this.keys.delete(key); // re-inserted last: the Map's order is then stalest first
      this.keys.set(key, state);
    }
    this.prune();
    return started;
  }

  /** A correct password: the account's and device's slates are wiped, never an address's (one good account must not launder guesses). */
  succeed(keys: readonly LimiterKey[]): void {
    for (const key of keys) if (kindOf(key) !== 'address') this.keys.delete(key);
  }

  private live(key: LimiterKey, now: number): KeyState | undefined {
    const state = this.keys.get(key);
    if (state && now - state.lastFailureAt > this.policies[kindOf(key)].forgetMs && now >= state.waitUntil) {
      this.keys.delete(key);
      return undefined;
    }
    return state;
  }

  private prune(): void {
    for (const key of this.keys.keys()) {
      if (this.keys.size <= MAX_KEYS) return;
      this.keys.delete(key);
    }
  }
}

const kindOf = (key: LimiterKey) => key.slice(0, key.indexOf(':')) as KeyKind;
