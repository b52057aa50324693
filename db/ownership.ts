/**
 * Who may change or delete what (docs/ownership.md): the person who created a sheet,
 * dataset or schedule, and every admin. Another author gets 403 `not_owner` naming the
 * owner. The route's role check keeps approvers and viewers out before this is reached.
 */
import { eq } from 'drizzle-orm';
import { AppError } from './app-error.js';
import type { Db } from './open.js';
import { users } from './schema.js';
import type { Role } from './users.service.js';

/** The person asking, as the services see them. */
export interface Actor {
  id: number;
  role: Role;
}

/** Refuses `doing` to `what` unless `actor` created it or is an admin; a record nobody created (the demo's) is the admins'. */
export function requireOwner(db: Db, actor: Actor, record: { createdBy: number | null }, what: string, doing: string): void {
  if (actor.role === 'admin' || record.createdBy === actor.id) return;
  const owner = record.createdBy === null ? null : db.select({ name: users.name }).from(users).where(eq(users.id, record.createdBy)).get();
  const ownerName = owner?.name ?? 'the system';
  throw new AppError(
    'not_owner',
    403,
    `${what} belongs to ${ownerName}: only ${record.createdBy === null ? 'an admin' : `${ownerName} or an admin`} can ${doing} it`,
    { owner: record.createdBy === null ? null : { id: record.createdBy, name: ownerName } },
  );
}
