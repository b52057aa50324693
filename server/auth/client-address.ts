/**
 * Who is on the other end of a request, for the sign-in limiter and Secure cookies. The
 * socket address is the truth unless TICKMARK_TRUST_PROXY says reverse proxies stand in
 * front: then each proxy appends the address it saw to X-Forwarded-For, and the client is
 * the right-most entry no trusted proxy wrote. Entries further left are whatever the client
 * chose to send, so they are never believed.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { isIP } from 'node:net';

/** The client's address as the limiter keys it: IPv6 by its /64, which one subscriber usually holds whole. */
export function clientAddress(c: Context, trustProxyHops: number): string {
  const socket = socketAddress(c);
  if (trustProxyHops === 0) return limiterKey(socket);
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  if (hops.length === 0) return limiterKey(socket);
  // The socket peer is the nearest trusted proxy; the others wrote the last hops - 1 entries.
  const candidate = hops[Math.max(0, hops.length - trustProxyHops)];
  // A proxy that wrote something that is not an address is misconfigured: key on the proxy.
  return limiterKey(isIP(stripMapped(candidate)) ? candidate : socket);
}

/** Whether the request reached Tickmark over HTTPS, directly or (trusted) through a proxy. */
export function cameOverHttps(c: Context, trustProxyHops: number): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (trustProxyHops === 0) return false;
  const protos = (c.req.header('x-forwarded-proto') ?? '').split(',').map((p) => p.trim().toLowerCase());
  // Each trusted proxy appends what it received; the outermost one's entry saw the client's own connection.
  return protos[Math.max(0, protos.length - trustProxyHops)] === 'https';
}

/** The peer of the TCP connection; `unknown` under `app.request()` in tests, which has no socket. */
function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const stripMapped = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

function limiterKey(address: string): string {
  const plain = stripMapped(address);
  if (isIP(plain) !== 6) return plain;
  return expandIPv6(plain).slice(0, 4).join(':') + '::/64';
}

/** The eight groups of an IPv6 address, `::` expanded (a zone id like `%eth0` dropped). */
function expandIPv6(address: string): string[] {
  const [head, tail = ''] = address.split('%')[0].toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  return [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right].map((g) => g.replace(/^0+(?=.)/, ''));
}
