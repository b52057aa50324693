import { describe, expect, it } from 'vitest';
import { fieldErrors, matching, when, type Account } from '../../web/src/lib/accounts.js';
import { ApiError } from '../../web/src/lib/api.js';

const people: Account[] = [
  { id: 1, email: 'ada@example.com', name: 'Ada', role: 'admin', createdAt: '2026-12-01 10:00:00' },
  { id: 2, email: 'bo@example.com', name: 'Bo Li', role: 'viewer', createdAt: '2026-12-01 11:00:00' },
];

describe('the accounts pages helpers', () => {
  it('searches name, e-mail and role in any case', () => {
    expect(matching(people, '  BO@ ').map((u) => u.id)).toEqual([2]);
    expect(matching(people, 'admin').map((u) => u.id)).toEqual([1]);
    expect(matching(people, '')).toHaveLength(2);
    expect(matching(people, 'zed')).toEqual([]);
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
    expect(fieldErrors(new Error('network'))).toBeNull();
  });

  it('shows times to the minute, and "never" for a token not yet used', () => {
    expect(when('2026-12-01T23:04:05.000Z')).toBe('2026-12-01 23:04');
    expect(when('2026-12-01 23:04:05')).toBe('2026-12-01 23:04');
    expect(when(null)).toBe('never');
  });
});
