/**
 * Checking a sign-in: the same work whether the e-mail is known or not (an unknown one is
 * verified against a dummy hash, so response time does not tell which addresses have
 * accounts), disabled accounts refused with the same answer as a wrong password, the
 * browsers that signed in before (known devices), and the audit of every failure.
 */
import { createHash } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { recordAudit } from './audit.js';
import type { Db } from './open.js';
import { knownDevices, users } from './schema.js';
import { hashPassword, verifyPassword, type PublicUser } from './users.service.js';

export type FailureReason = 'unknown e-mail' | 'wrong password' | 'account disabled';

export type SignInCheck = { ok: true; user: PublicUser } | { ok: false; userId: number | null; reason: FailureReason };

/** How long a device stays known after its last sign-in (its cookie lives as long). */
export const DEVICE_DAYS = 365;

let dummyHash: string | undefined;
/** Made with the same scrypt parameters as real hashes, once, so verifying it costs what a real check costs. */
const dummy = () => (dummyHash ??= hashPassword('not anyone’s password: it only makes unknown e-mails take as long'));

export const deviceHash = (deviceId: string) => createHash('sha256').update(deviceId).digest('hex');
const normalEmail = (email: string) => email.trim().toLowerCase();

/** Checks an e-mail and password, running the password hash exactly once either way. */
export function checkSignIn(db: Db, email: string, password: string): SignInCheck {
  const row = db
    .select()
    .from(users)
    .where(eq(users.email, normalEmail(email)))
    .get();
  const matches = verifyPassword(password, row?.passwordHash ?? dummy());
  if (!row) return { ok: false, userId: null, reason: 'unknown e-mail' };
  if (!matches) return { ok: false, userId: row.id, reason: 'wrong password' };
  if (row.disabledAt) return { ok: false, userId: row.id, reason: 'account disabled' };
  const { passwordHash: _hidden, ...user } = row;
  return { ok: true, user };
}

const deviceSince = () => new Date(Date.now() - DEVICE_DAYS * 86_400_000).toISOString();

/** The account's id when this device signed in to the account with `email` within DEVICE_DAYS, else null. */
export function knownDeviceFor(db: Db, email: string, deviceId: string): number | null {
  const row = db
    .select({ userId: knownDevices.userId })
    .from(knownDevices)
    .innerJoin(users, eq(users.id, knownDevices.userId))
    .where(
      and(
        eq(users.email, normalEmail(email)),
        eq(knownDevices.deviceHash, deviceHash(deviceId)),
        gt(knownDevices.lastSignInAt, deviceSince()),
      ),
    )
    .get();
  return row?.userId ?? null;
}

/** Whether any account knows this device: only such an id is kept, so a planted cookie never becomes a known device. */
export function deviceKnownToAnyone(db: Db, deviceId: string): boolean {
  return Boolean(
    db
      .select({ userId: knownDevices.userId })
      .from(knownDevices)
      .where(eq(knownDevices.deviceHash, deviceHash(deviceId)))
      .get(),
  );
}

/** Records (or refreshes) a device the user just signed in from; a new one is audited. */
export function rememberDevice(db: Db, userId: number, deviceId: string): void {
  const hash = deviceHash(deviceId);
  const at = new Date().toISOString();
  db.transaction((tx) => {
    const known = tx
      .select({ userId: knownDevices.userId })
      .from(knownDevices)
      .where(and(eq(knownDevices.userId, userId), eq(knownDevices.deviceHash, hash)))
      .get();
    if (known) {
      tx.update(knownDevices)
        .set({ lastSignInAt: at })
        .where(and(eq(knownDevices.userId, userId), eq(knownDevices.deviceHash, hash)))
        .run();
      return;
    }
    tx.insert(knownDevices).values({ userId, deviceHash: hash, lastSignInAt: at }).run();
    // The hash's first characters tell devices apart in the trail without being usable as the cookie.
    recordAudit(tx, { userId, action: 'auth.device_added', entity: 'user', entityId: userId, after: { device: hash.slice(0, 12) } });
  });
}

/** Where a backoff applies: an address, an account (by id when known, else by e-mail), or a known device. */
export interface BackoffStarted {
  kind: 'address' | 'account' | 'device';
  failures: number;
  until: string;
}

/**
 * Audits a failed sign-in (never the password) and any backoff it started, in one
 * transaction: `auth.login_failed` and `auth.locked_out` on the user when the e-mail is
 * known, on entity `email` when not, and on entity `address` for an address's backoff.
 */
export function recordSignInFailure(
  db: Db,
  failure: { email: string; userId: number | null; reason: FailureReason; address: string; backoffs: BackoffStarted[] },
): void {
  const email = normalEmail(failure.email);
  const account = failure.userId === null ? { entity: 'email', entityId: email } : { entity: 'user', entityId: failure.userId };
  db.transaction((tx) => {
    recordAudit(tx, { action: 'auth.login_failed', ...account, after: { email, reason: failure.reason, address: failure.address } });
    for (const backoff of failure.backoffs) {
      const target = backoff.kind === 'address' ? { entity: 'address', entityId: failure.address } : account;
      recordAudit(tx, {
        action: 'auth.locked_out',
        ...target,
        after: { email, address: failure.address, kind: backoff.kind, failures: backoff.failures, until: backoff.until },
      });
    }
  });
}
