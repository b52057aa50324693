/**
 * One sign-in attempt through the backoff. A browser that signed in to this account before
 * (its `tickmark_device` cookie is a known device) is held only by its own failures; any
 * other attempt by its address's and the account's. So a guesser elsewhere slows the account
 * down for guessers, while its owner's own browser still signs in with the right password.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../db/app-error.js';
import {
  checkSignIn,
  deviceHash,
  deviceKnownToAnyone,
  knownDeviceFor,
  recordSignInFailure,
  rememberDevice,
  type BackoffStarted,
} from '../../db/sign-in.service.js';
import type { PublicUser } from '../../db/users.service.js';
import type { Db } from '../../db/open.js';
import type { LimiterKey, LoginLimiter } from './rate-limit.js';

export interface SignInAttempt {
  email: string;
  password: string;
  /** The client's address as clientAddress() keys it. */
  address: string;
  /** The `tickmark_device` cookie, if the browser sent one. */
  deviceId: string | null;
}

/** The user and the device id to (re)set in the cookie; throws 429 while backing off, 401 on a failure. */
export function attemptSignIn(db: Db, limiter: LoginLimiter, attempt: SignInAttempt): { user: PublicUser; deviceId: string } {
  const email = attempt.email.trim().toLowerCase();
  const device = attempt.deviceId && knownDeviceFor(db, email, attempt.deviceId) !== null ? attempt.deviceId : null;
  const keys: LimiterKey[] = device ? [`device:${deviceHash(device)}`] : [`address:${attempt.address}`, `account:${email}`];
  limiter.check(keys);
  const result = checkSignIn(db, email, attempt.password);
  if (!result.ok) {
    const backoffs: BackoffStarted[] = limiter.fail(keys).map(({ key, failures, until }) => ({
      kind: key.slice(0, key.indexOf(':')) as BackoffStarted['kind'],
      failures,
      until,
    }));
    recordSignInFailure(db, { email, userId: result.userId, reason: result.reason, address: attempt.address, backoffs });
    throw new AppError('bad_credentials', 401, 'wrong email or password');
  }
  limiter.succeed(keys);
  return { user: result.user, deviceId: deviceFor(db, result.user.id, attempt.deviceId) };
}

/** Keeps the browser's device id when some account knows it, else a new one; records it for the user. */
export function deviceFor(db: Db, userId: number, presented: string | null): string {
  const deviceId = presented && /^[\w-]{43}$/.test(presented) && deviceKnownToAnyone(db, presented) ? presented : newDeviceId();
  rememberDevice(db, userId, deviceId);
  return deviceId;
}

/** The seconds a 429 from the limiter asks the client to wait (for Retry-After), else null. */
export function retryAfterSeconds(error: unknown): number | null {
  if (!(error instanceof AppError) || error.status !== 429) return null;
  const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' ? seconds : null;
}

const newDeviceId = () => randomBytes(32).toString('base64url');
