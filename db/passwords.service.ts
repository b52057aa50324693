/**
 * Setting passwords after an account exists: an admin's reset of someone's password and a
 * user's change of their own. Either ends the user's other sessions, so whoever knew the old
 * password is signed out; the passwords themselves never reach the audit trail.
 */
import { eq } from 'drizzle-orm';
import { AppError } from './app-error.js';
import { recordAudit } from './audit.js';
import type { Db } from './open.js';
import { users } from './schema.js';
import { assertAcceptablePassword } from './password-policy.js';
import { endUserSessions, hashPassword, verifyPassword, type PublicUser } from './users.service.js';

/**
 * An admin sets a new password for `userId` and every session of that user ends (an admin
 * resetting their own keeps `keepSessionToken`, the one they are using).
 */
export function resetPassword(
  db: Db,
  actor: PublicUser,
  userId: number,
  password: string,
  keepSessionToken: string | null = null,
): { sessionsEnded: number } {
  return db.transaction((tx) => {
    const user = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!user) throw new AppError('not_found', 404, `user ${userId} does not exist`);
    // The same policy as a new account's (db/password-policy.ts): length, common passwords, not the e-mail or name.
    assertAcceptablePassword(password, user, 'password');
    tx.update(users)
      .set({ passwordHash: hashPassword(password) })
      .where(eq(users.id, userId))
      .run();
    const sessionsEnded = endUserSessions(tx, userId, userId === actor.id ? keepSessionToken : null);
    recordAudit(tx, { userId: actor.id, action: 'user.password_reset', entity: 'user', entityId: userId, after: { sessionsEnded } });
    return { sessionsEnded };
  });
}

/**
 * The signed-in user changes their own password, proving the current one (403 naming
 * `currentPassword` when wrong). Their other sessions end; `keepSessionToken`'s stays.
 */
export function changeOwnPassword(
  db: Db,
  user: PublicUser,
  input: { currentPassword: string; newPassword: string },
  keepSessionToken: string | null,
): { sessionsEnded: number } {
  const stored = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get();
  if (!stored || !verifyPassword(input.currentPassword, stored.passwordHash))
    throw new AppError('wrong_password', 403, 'currentPassword is not your current password; nothing was changed', [
      { path: 'currentPassword', message: 'this is not your current password' },
    ]);
  assertAcceptablePassword(input.newPassword, user, 'newPassword');
  return db.transaction((tx) => {
    tx.update(users)
      .set({ passwordHash: hashPassword(input.newPassword) })
      .where(eq(users.id, user.id))
      .run();
    const sessionsEnded = endUserSessions(tx, user.id, keepSessionToken);
    recordAudit(tx, { userId: user.id, action: 'user.password_change', entity: 'user', entityId: user.id, after: { sessionsEnded } });
    return { sessionsEnded };
  });
}
