/** Shapes and helpers of the Users and API tokens pages. */
import type { TokenSummary } from '../../../db/accounts.service';
import { ApiError, type User } from './api';

export const ROLES: User['role'][] = ['admin', 'author', 'approver', 'viewer'];

/** A user as GET /api/users lists it. */
export type Account = User & { createdAt: string };

/** A token as GET /api/tokens lists it: never the secret. */
export type TokenInfo = TokenSummary;

/** `2026-12-01T23:04:05.000Z` or `2026-12-01 23:04:05` as `2026-12-01 23:04`; `never` for null. */
export const when = (iso: string | null): string => (iso ? iso.slice(0, 16).replace('T', ' ') : 'never');

/** Users whose name, e-mail or role contains `search` (any case). */
export function matching(users: Account[], search: string): Account[] {
  const needle = search.trim().toLowerCase();
  return needle ? users.filter((u) => `${u.name} ${u.email} ${u.role}`.toLowerCase().includes(needle)) : users;
}

/**
 * A refused request's messages by form field: the server's 400 names each field in its
 * details; a taken e-mail (409) belongs to the e-mail field. Anything else is not a field's.
 */
export function fieldErrors(error: unknown): Record<string, string> | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'email_taken') return { email: error.message };
  if (error.status !== 400 || !Array.isArray(error.details)) return null;
  const byField: Record<string, string> = {};
  for (const issue of error.details as { path: string; message: string }[]) byField[issue.path || 'form'] ??= issue.message;
  return byField;
}
