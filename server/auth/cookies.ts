/**
 * The cookies a sign-in sets: the session (until it expires) and the device id (a year, sent
 * only to /api/auth, where sign-in reads it). Both HttpOnly, SameSite=Lax, and Secure as
 * TICKMARK_SECURE_COOKIES says: `auto` marks them Secure when the request came over HTTPS,
 * directly or through a trusted proxy (X-Forwarded-Proto).
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { DEVICE_DAYS } from '../../db/sign-in.service.js';
import type { Config } from '../config.js';
import { cameOverHttps } from './client-address.js';
import { SESSION_COOKIE } from './middleware.js';

export const DEVICE_COOKIE = 'tickmark_device';
const DEVICE_PATH = '/api/auth';

const secure = (c: Context, config: Config) =>
  config.secureCookies === 'auto' ? cameOverHttps(c, config.trustProxyHops) : config.secureCookies;

/** Sets the session and device cookies of a sign-in. */
export function setSignInCookies(c: Context, config: Config, session: { token: string; expiresAt: string }, deviceId: string): void {
  const common = { httpOnly: true, sameSite: 'Lax', secure: secure(c, config) } as const;
  setCookie(c, SESSION_COOKIE, session.token, { ...common, path: '/', expires: new Date(session.expiresAt) });
  setCookie(c, DEVICE_COOKIE, deviceId, { ...common, path: DEVICE_PATH, maxAge: DEVICE_DAYS * 86_400 });
}

/** Clears the session cookie; the device cookie stays, so this browser remains known. */
export function clearSessionCookie(c: Context, config: Config): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(c, config) });
}

/** The device id the browser sent, if any. */
export const presentedDevice = (c: Context): string | null => getCookie(c, DEVICE_COOKIE) ?? null;
