/** Users, sessions and API tokens. Passwords are scrypt-hashed with a per-user salt. */
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { and, count, eq, gt, isNull, ne } from 'drizzle-orm';
import { AppError } from './app-error.js';
import { recordAudit } from './audit.js';
import type { Db } from './open.js';
import { apiTokens, sessions, users } from './schema.js';

export type Role = 'admin' | 'author' | 'approver' | 'viewer';
export type UserRecord = typeof users.$inferSelect;
export type PublicUser = Omit<UserRecord, 'passwordHash'>;

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 64 };
const SESSION_DAYS = 7;
/**
 * A token's `lastUsedAt` is written at most once per 5 minutes: a script polling every second
 * would otherwise turn each read into a write competing with a run's commit for the lock.
 */
export const LAST_USED_EVERY_MS = 5 * 60_000;

/** `scrypt$N$r$p$salt$hash`, all the parameters kept so they can be raised later. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt') return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const publicUser = ({ passwordHash: _hidden, ...user }: UserRecord): PublicUser => user;

export function userCount(db: Db): number {
  return db.select({ n: count() }).from(users).get()!.n;
}

export function createUser(
  db: Db,
  input: { email: string; name: string; password: string; role: Role },
  actorId?: number | null,
): PublicUser {
  return db.transaction((tx) => {
    const email = input.email.trim().toLowerCase();
    if (tx.select().from(users).where(eq(users.email, email)).get())
      throw new AppError('email_taken', 409, `a user with email ${email} already exists`);
    const user = tx
      .insert(users)
      .values({ email, name: input.name, passwordHash: hashPassword(input.password), role: input.role })
      .returning()
      .get();
    recordAudit(tx, {
      userId: actorId ?? user.id,
      action: 'user.create',
      entity: 'user',
      entityId: user.id,
      after: { email, role: input.role },
    });
    return publicUser(user);
  });
}

/** The first admin, only while there is no user at all. */
export function createFirstAdmin(db: Db, input: { email: string; name: string; password: string }): PublicUser {
  return db.transaction(() => {
    if (userCount(db) > 0) throw new AppError('already_set_up', 409, 'Tickmark is already set up; sign in instead');
    return createUser(db, { ...input, role: 'admin' });
  });
}

export function listUsers(db: Db): PublicUser[] {
  return db.select().from(users).all().map(publicUser);
}

/** The user for an email and password, or null (same answer whether the email exists or not). */
export function checkCredentials(db: Db, email: string, password: string): PublicUser | null {
  const user = db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
  if (!user) {
    verifyPassword(password, hashPassword('timing-equaliser'));
    return null;
  }
  // A disabled account is refused with the same answer as a wrong password, after the same work.
  return verifyPassword(password, user.passwordHash) && !user.disabledAt ? publicUser(user) : null;
}

/** A new session: the cookie token (returned once) and the CSRF token. */
export function startSession(db: Db, userId: number): { token: string; csrfToken: string; expiresAt: string } {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000).toISOString();
  db.transaction((tx) => {
    tx.insert(sessions)
      .values({ tokenHash: sha256(token), userId, csrfToken, expiresAt })
      .run();
    recordAudit(tx, { userId, action: 'session.start', entity: 'user', entityId: userId, after: { expiresAt } });
  });
  return { token, csrfToken, expiresAt };
}

export function sessionUser(db: Db, token: string): { user: PublicUser; csrfToken: string } | null {
  const row = db
    .select({ user: users, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, new Date().toISOString()), isNull(users.disabledAt)))
    .get();
  return row ? { user: publicUser(row.user), csrfToken: row.csrfToken } : null;
}

export function endSession(db: Db, token: string): void {
  db.transaction((tx) => {
    const ended = tx
      .delete(sessions)
      .where(eq(sessions.tokenHash, sha256(token)))
      .returning({ userId: sessions.userId })
      .get();
    if (ended) recordAudit(tx, { userId: ended.userId, action: 'session.end', entity: 'user', entityId: ended.userId });
  });
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Ends every session of `userId` but the one whose cookie is `keepToken`; how many ended. */
export function endUserSessions(tx: Tx, userId: number, keepToken?: string | null): number {
  const keep = keepToken ? ne(sessions.tokenHash, sha256(keepToken)) : undefined;
  return tx
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keep))
    .run().changes;
}

/** A new API token for the user, valid for `expiresInDays` (null: until revoked); the plain token is only ever returned here. */
export function createApiToken(
  db: Db,
  userId: number,
  name: string,
  expiresInDays: number | null = null,
): { id: number; name: string; token: string; expiresAt: string | null } {
  const token = `tm_${randomBytes(30).toString('base64url')}`;
  const expiresAt = expiresInDays === null ? null : new Date(Date.now() + expiresInDays * 86_400_000).toISOString();
  return db.transaction((tx) => {
    const row = tx
      .insert(apiTokens)
      .values({ userId, name, tokenHash: sha256(token), expiresAt })
      .returning()
      .get();
    recordAudit(tx, { userId, action: 'token.create', entity: 'api_token', entityId: row.id, after: { name, expiresAt } });
    return { id: row.id, name, token, expiresAt };
  });
}

/**
 * The user a bearer token acts as; null for a token that does not exist (or was revoked).
 * An expired token or a disabled owner is a 401 saying which, so a script's log tells
 * its operator what to fix.
 */
export function tokenUser(db: Db, token: string, now = new Date()): PublicUser | null {
  const row = db
    .select({ user: users, id: apiTokens.id, name: apiTokens.name, expiresAt: apiTokens.expiresAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, sha256(token)))
    .get();
  if (!row) return null;
  if (row.expiresAt && row.expiresAt <= now.toISOString())
    throw new AppError(
      'token_expired',
      401,
      `the API token "${row.name}" expired at ${row.expiresAt}; create a new one on the Tokens page`,
      {
        token: row.name,
        expiredAt: row.expiresAt,
      },
    );
  if (row.user.disabledAt)
    throw new AppError(
      'account_disabled',
      401,
      `the account ${row.user.email} was disabled at ${row.user.disabledAt}, so its API token "${row.name}" no longer works`,
    );
  noteTokenUse(db, row.id, row.lastUsedAt, now);
  return publicUser(row.user);
}

/**
 * Records a token's use at most every LAST_USED_EVERY_MS, without waiting for the write lock:
 * while a run commits, the write is skipped (the next request tries again) instead of the
 * read waiting for the lock and failing with "database is locked".
 */
function noteTokenUse(db: Db, tokenId: number, lastUsedAt: string | null, now: Date): void {
  if (lastUsedAt && now.getTime() - Date.parse(lastUsedAt) < LAST_USED_EVERY_MS) return;
  const client = db.$client;
  const waitMs = client.pragma('busy_timeout', { simple: true }) as number;
  client.pragma('busy_timeout = 0');
  try {
    db.update(apiTokens).set({ lastUsedAt: now.toISOString() }).where(eq(apiTokens.id, tokenId)).run();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !/^SQLITE_(BUSY|LOCKED)/.test(code)) throw error;
  } finally {
    client.pragma(`busy_timeout = ${waitMs}`);
  }
}
