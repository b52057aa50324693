/** Account management: listing and revoking API tokens, changing a user's role or name. */
import { count, desc, eq } from 'drizzle-orm';
import { AppError } from './app-error.js';
import { recordAudit } from './audit.js';
import type { Db } from './open.js';
import { apiTokens, users } from './schema.js';
import type { PublicUser, Role } from './users.service.js';

/** A token as listed: never the secret nor its hash. */
export interface TokenSummary {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  userId: number;
  ownerName: string;
}

/** The caller's own tokens, or everyone's when `all` (admins only; the route checks the role). */
export function listApiTokens(db: Db, userId: number, all = false): TokenSummary[] {
  const query = db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      userId: apiTokens.userId,
      ownerName: users.name,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId));
  return (all ? query : query.where(eq(apiTokens.userId, userId))).orderBy(desc(apiTokens.id)).all();
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

/** Changes a user's role and/or name; refuses to leave Tickmark without an admin. */
export function updateUser(db: Db, actorId: number, userId: number, change: { role?: Role; name?: string }): PublicUser {
  return db.transaction((tx) => {
    const user = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!user) throw new AppError('not_found', 404, `user ${userId} does not exist`);
    if (user.role === 'admin' && change.role && change.role !== 'admin') {
      const admins = tx.select({ n: count() }).from(users).where(eq(users.role, 'admin')).get()!.n;
      if (admins <= 1)
        throw new AppError(
          'last_admin',
          409,
          `${user.email} is the only admin; make another user an admin before changing this one to ${change.role}`,
        );
    }
    const next = { role: change.role ?? user.role, name: change.name ?? user.name };
    const updated = tx.update(users).set(next).where(eq(users.id, userId)).returning().get();
    recordAudit(tx, {
      userId: actorId,
      action: 'user.update',
      entity: 'user',
      entityId: userId,
      before: { role: user.role, name: user.name },
      after: next,
    });
    const { passwordHash: _hidden, ...rest } = updated;
    return rest;
  });
}
