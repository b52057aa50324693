/**
 * Who is calling: a session cookie (browser) or a bearer token (scripts). Cookie-signed
 * unsafe requests must echo the session's CSRF token in `X-Tickmark-CSRF`: a page on
 * another site can make the browser send the cookie but cannot read the token. A disabled
 * user has no sessions left (disabling ends them) and their tokens get 401 `account_disabled`;
 * an expired token gets 401 `token_expired` (both from `tokenUser`).
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../../db/app-error.js';
import type { Role } from '../../db/users.service.js';
import { sessionUser, tokenUser } from '../../db/users.service.js';
import type { AppEnv, Deps } from '../context.js';

export const SESSION_COOKIE = 'tickmark_session';
export const CSRF_HEADER = 'X-Tickmark-CSRF';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Resolves the caller; never rejects by itself (routes decide what needs a user). */
export function identify({ db }: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null);
    c.set('via', null);
    c.set('sessionToken', null);
    const bearer = c.req.header('Authorization')?.match(/^Bearer\s+(.+)$/i)?.[1];
    if (bearer) {
      const user = tokenUser(db, bearer.trim());
      if (!user) throw new AppError('bad_token', 401, 'the API token is not valid');
      c.set('user', user);
      c.set('via', 'token');
    } else {
      const token = getCookie(c, SESSION_COOKIE);
      const session = token ? sessionUser(db, token) : null;
      if (session && token) {
        if (!SAFE.has(c.req.method) && c.req.header(CSRF_HEADER) !== session.csrfToken) {
          throw new AppError('csrf', 403, `missing or wrong ${CSRF_HEADER} header: read the token from GET /api/auth/me`);
        }
        c.set('user', session.user);
        c.set('via', 'session');
        c.set('sessionToken', token);
      }
    }
    await next();
  };
}

/** 401 without a user, 403 when the user's role is not among `roles`. */
export function requireRole(roles: readonly Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (!user)
      throw new AppError(
        'unauthenticated',
        401,
        'you are not signed in, or your session has ended: sign in again (POST /api/auth/login) or send an API token',
      );
    if (!roles.includes(user.role))
      throw new AppError('forbidden', 403, `a ${user.role} may not do this; it needs one of: ${roles.join(', ')}`);
    await next();
  };
}
