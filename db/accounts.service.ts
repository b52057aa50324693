/** Account management: listing and revoking API tokens; changing a user's role, name or whether they may sign in. */
import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import { AppError } from './app-error.js';
import { recordAudit } from './audit.js';
import type { Db } from './open.js';
import { apiTokens, users } from './schema.js';
import { endUserSessions, type PublicUser, type Role } from './users.service.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Whether a listed token would authenticate now, and if not why. */
export type TokenStatus = 'active' | 'expired' | 'owner_disabled';

/** A token as listed: never the secret nor its hash. */
export interface TokenSummary {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  /** Null: valid until revoked. */
  expiresAt: string | null;
  status: TokenStatus;
  userId: number;
  ownerName: string;
}

/**
 * The caller's own tokens; with `all`, everyone's, or with `ownerId` one user's (admins only:
 * the route checks the role).
 */
export function listApiTokens(db: Db, userId: number, scope: { all?: boolean; ownerId?: number } = {}, now = new Date()): TokenSummary[] {
  const owner = scope.ownerId ?? (scope.all ? undefined : userId);
  const rows = db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      userId: apiTokens.userId,
      ownerName: users.name,
      ownerDisabledAt: users.disabledAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(owner === undefined ? undefined : eq(apiTokens.userId, owner))
    .orderBy(desc(apiTokens.id))
    .all();
  const at = now.toISOString();
  return rows.map(({ ownerDisabledAt, ...token }) => ({
    ...token,
    status: token.expiresAt && token.expiresAt <= at ? 'expired' : ownerDisabledAt ? 'owner_disabled' : 'active',
  }));
}

/** Deletes a token so it stops working at once. Someone else's token is "not found" to a non-admin. */
export function revokeApiToken(db: Db, actor: PublicUser, tokenId: number): void {
  db.transaction((tx) => {
    const token = tx.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).get();
    if (!token || (token.userId !== actor.id && actor.role !== 'admin'))
      throw new AppError('not_found', 404, `API token ${tokenId} does not exist`);
    tx.delete(apiTokens).where(eq(apiTokens.id, tokenId)).run();
    recordAudit(tx, {
      userId: actor.id,
      action: 'token.revoke',
      entity: 'api_token',
      entityId: tokenId,
      before: { name: token.name, userId: token.userId },
    });
  });
}

/** What an admin may change about a user in one request. */
export interface UserChange {
  role?: Role;
  name?: string;
  /** true: the user cannot sign in, their sessions end and their tokens stop; false: allowed again. */
  disabled?: boolean;
}

/**
 * Changes a user's role, name and/or disabled state. Refuses to disable oneself and to leave
 * Tickmark without an active admin (409). Disabling ends the user's sessions in the same
 * transaction; their tokens are kept but refused while the account is disabled.
 */
export function updateUser(db: Db, actorId: number, userId: number, change: UserChange): PublicUser {
  return db.transaction((tx) => {
    const user = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!user) throw new AppError('not_found', 404, `user ${userId} does not exist`);
    const disabling = change.disabled === true && !user.disabledAt;
    const enabling = change.disabled === false && !!user.disabledAt;
    if (disabling && userId === actorId)
      throw new AppError('self_disable', 409, 'you cannot disable your own account; another admin has to do it');
    const losesAdmin = user.role === 'admin' && !user.disabledAt && ((change.role && change.role !== 'admin') || disabling);
    if (losesAdmin && activeAdmins(tx) <= 1)
      throw new AppError(
        'last_admin',
        409,
        disabling
          ? `${user.email} is the only active admin; make another user an admin before disabling this one`
          : `${user.email} is the only admin; make another user an admin before changing this one to ${change.role}`,
      );

    const next = {
      role: change.role ?? user.role,
      name: change.name ?? user.name,
      disabledAt: disabling ? new Date().toISOString() : enabling ? null : user.disabledAt,
    };
    const updated = tx.update(users).set(next).where(eq(users.id, userId)).returning().get();
    const sessionsEnded = disabling ? endUserSessions(tx, userId) : 0;
    const toggled = disabling || enabling;
    recordAudit(tx, {
      userId: actorId,
      action: disabling ? 'user.disable' : enabling ? 'user.enable' : 'user.update',
      entity: 'user',
      entityId: userId,
      before: { role: user.role, name: user.name, ...(toggled ? { disabledAt: user.disabledAt } : {}) },
      after: {
        role: next.role,
        name: next.name,
        ...(toggled ? { disabledAt: next.disabledAt } : {}),
        ...(disabling ? { sessionsEnded } : {}),
      },
    });
    const { passwordHash: _hidden, ...rest } = updated;
    return rest;
  });
}

/** Admins who can sign in: the ones who could still manage Tickmark. */
function activeAdmins(tx: Tx): number {
  const where: SQL | undefined = and(eq(users.role, 'admin'), isNull(users.disabledAt));
  return tx.select({ n: count() }).from(users).where(where).get()!.n;
}
