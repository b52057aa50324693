/**
 * Whether the signed-in person may rename, archive or delete a record (docs/ownership.md):
 * its creator if an author, and every admin. The server decides; this only hides buttons
 * that would be refused.
 */
import { session } from './session.svelte';

export function mayChange(record: { createdBy?: number | null }): boolean {
  const user = session.user;
  if (!user) return false;
  return user.role === 'admin' || (user.role === 'author' && record.createdBy === user.id);
}
