/** Shapes and helpers of the Users and API tokens pages. */
import type { TokenSummary } from '../../../db/accounts.service';
import { ApiError, type User } from './api';
import { shortTime } from './format';

export const ROLES: User['role'][] = ['admin', 'author', 'approver', 'viewer'];

/** A user as GET /api/users lists it; `disabledAt` set while the account is disabled. */
export type Account = User & { createdAt: string; disabledAt: string | null };

/** A token as GET /api/tokens lists it: never the secret. */
export type TokenInfo = TokenSummary;

/** What the Tokens page offers for a new token's life, in days (null: until revoked); 90 first chosen. */
export const EXPIRY_CHOICES: { days: number | null; label: string }[] = [
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '1 year' },
  { days: null, label: 'No expiry' },
];
export const DEFAULT_EXPIRY_DAYS = 90;

const TOKEN_STATUS: Record<TokenInfo['status'], string> = { active: 'active', expired: 'expired', owner_disabled: 'owner disabled' };

/** A token's status as the list shows it. */
export const tokenStatus = (token: TokenInfo): string => TOKEN_STATUS[token.status];

/** Tokens of `ownerId` (null: anyone's) whose name or owner contains `search` (any case). */
export function matchingTokens(tokens: TokenInfo[], ownerId: number | null, search: string): TokenInfo[] {
  const needle = search.trim().toLowerCase();
  return tokens.filter(
    (t) => (ownerId === null || t.userId === ownerId) && (!needle || `${t.name} ${t.ownerName}`.toLowerCase().includes(needle)),
  );
}

/** The owners among `tokens`, each once, by name: the Tokens page's owner filter. */
export function tokenOwners(tokens: TokenInfo[]): { id: number; name: string }[] {
  const byId = new Map(tokens.map((t) => [t.userId, t.ownerName]));
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** `2026-12-01T23:04:05.000Z` or `2026-12-01 23:04:05` as `2026-12-01 23:04`; `never` for null. */
export const when = (iso: string | null): string => (iso ? shortTime(iso) : 'never');

/** "active" or "disabled": a user's status as the Users page shows it. */
export const userStatus = (user: Account): 'active' | 'disabled' => (user.disabledAt ? 'disabled' : 'active');

/** Users whose name, e-mail, role or status contains `search` (any case). */
export function matching(users: Account[], search: string): Account[] {
  const needle = search.trim().toLowerCase();
  return needle ? users.filter((u) => `${u.name} ${u.email} ${u.role} ${userStatus(u)}`.toLowerCase().includes(needle)) : users;
}

/**
 * A refused request's messages by form field: the server's 400 (and a wrong current
 * password's 403) names each field in its details; a taken e-mail (409) belongs to the
 * e-mail field. Anything else is not a field's.
 */
export function fieldErrors(error: unknown): Record<string, string> | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'email_taken') return { email: error.message };
  // A wrong current password (403) names its field in the details as a 400 does.
  if ((error.status !== 400 && error.code !== 'wrong_password') || !Array.isArray(error.details)) return null;
  const byField: Record<string, string> = {};
  for (const issue of error.details as { path: string; message: string }[]) byField[issue.path || 'form'] ??= issue.message;
  return byField;
}
