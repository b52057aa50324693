import { describe, expect, it } from 'vitest';
import {
  EXPIRY_CHOICES,
  fieldErrors,
  matching,
  matchingTokens,
  tokenOwners,
  tokenStatus,
  when,
  type Account,
  type TokenInfo,
} from '../../web/src/lib/accounts.js';
import { ApiError } from '../../web/src/lib/api.js';

const people: Account[] = [
  { id: 1, email: 'ada@example.com', name: 'Ada', role: 'admin', createdAt: '2026-12-01 10:00:00', disabledAt: null },
  {
    id: 2,
    email: 'bo@example.com',
    name: 'Bo Li',
    role: 'viewer',
    createdAt: '2026-12-01 11:00:00',
    disabledAt: '2026-12-02T00:10:00.000Z',
  },
];

const token = (id: number, name: string, userId: number, ownerName: string, status: TokenInfo['status'] = 'active'): TokenInfo => ({
  id,
  name,
  userId,
  ownerName,
  status,
  createdAt: '2026-12-01T10:00:00.000Z',
  lastUsedAt: null,
  expiresAt: null,
});
const tokens = [
  token(3, 'nightly loader', 1, 'Ada'),
  token(2, 'feed', 2, 'Bo Li', 'owner_disabled'),
  token(1, 'Old loader', 2, 'Bo Li', 'expired'),
];

describe('the accounts pages helpers', () => {
  it('searches name, e-mail and role in any case', () => {
    expect(matching(people, '  BO@ ').map((u) => u.id)).toEqual([2]);
    expect(matching(people, 'admin').map((u) => u.id)).toEqual([1]);
    expect(matching(people, '')).toHaveLength(2);
    expect(matching(people, 'zed')).toEqual([]);
    expect(matching(people, 'disabled').map((u) => u.id)).toEqual([2]);
  });

  it("filters tokens by owner and searches their name or owner's name", () => {
    expect(matchingTokens(tokens, null, '').map((t) => t.id)).toEqual([3, 2, 1]);
    expect(matchingTokens(tokens, 2, '').map((t) => t.id)).toEqual([2, 1]);
    expect(matchingTokens(tokens, null, ' LOADER').map((t) => t.id)).toEqual([3, 1]);
    expect(matchingTokens(tokens, 2, 'loader').map((t) => t.id)).toEqual([1]);
    expect(matchingTokens(tokens, null, 'bo li').map((t) => t.id)).toEqual([2, 1]);
    expect(matchingTokens(tokens, 1, 'feed')).toEqual([]);
    expect(tokenOwners(tokens)).toEqual([
      { id: 1, name: 'Ada' },
      { id: 2, name: 'Bo Li' },
    ]);
    expect(tokens.map(tokenStatus)).toEqual(['active', 'owner disabled', 'expired']);
  });

  it('offers 30, 90 and 365 days or no expiry for a new token', () => {
    expect(EXPIRY_CHOICES.map((c) => c.days)).toEqual([30, 90, 365, null]);
  });

  it("puts the server's refusals at their fields, and nothing else", () => {
    const invalid = new ApiError(400, 'bad_request', 'invalid request', [
      { path: 'password', message: 'at least 10 characters' },
      { path: 'email', message: 'Invalid email address' },
    ]);
    expect(fieldErrors(invalid)).toEqual({ password: 'at least 10 characters', email: 'Invalid email address' });
    expect(fieldErrors(new ApiError(409, 'email_taken', 'a user with email bo@example.com already exists'))).toEqual({
      email: 'a user with email bo@example.com already exists',
    });
    expect(fieldErrors(new ApiError(403, 'forbidden', 'no'))).toBeNull();
    const wrong = new ApiError(403, 'wrong_password', 'currentPassword is not your current password', [
      { path: 'currentPassword', message: 'this is not your current password' },
    ]);
    expect(fieldErrors(wrong)).toEqual({ currentPassword: 'this is not your current password' });
    expect(fieldErrors(new Error('network'))).toBeNull();
  });

  it('shows times to the minute, and "never" for a token not yet used', () => {
    expect(when('2026-12-01T23:04:05.000Z')).toBe('2026-12-01 23:04');
    expect(when('2026-12-01 23:04:05')).toBe('2026-12-01 23:04');
    expect(when(null)).toBe('never');
  });
});
