/**
 * Security headers on every response (pages, static files, the API, errors), through Hono's
 * own `secureHeaders`: a Content-Security-Policy the built web app runs under, framing
 * refused (`frame-ancestors 'none'` and X-Frame-Options DENY, against clickjacking),
 * `nosniff`, and a same-origin Referrer-Policy, so links out never carry a page's address.
 * test/e2e/security-headers.test.ts opens every page under it and asserts no CSP violation.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

const app = {
  defaultSrc: ["'self'"],
  // Vite emits only external module scripts: no inline script, no eval.
  scriptSrc: ["'self'"],
  // 'unsafe-inline' for styles only, because the grid cannot run without it: RevoGrid (Stencil)
  // injects <style> elements into the page (refused as style-src-elem under 'self' alone, seen in
  // Chromium). With inline <style> allowed, refusing style="…" attributes would add nothing, and
  // a static one in a Svelte template arrives through the HTML parser. Svelte's and uPlot's own
  // dynamic styles go through the CSSOM, which CSP does not govern. Scripts stay 'self' only.
  styleSrc: ["'self'", "'unsafe-inline'"],
  // Charts download as PNG through data: and blob: URLs; nothing is loaded from elsewhere.
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The API reference page (Scalar) is one HTML page that loads its viewer from a CDN and
 * starts it with an inline script; it shows only the public OpenAPI document.
 */
const docs = {
  ...app,
  scriptSrc: ["'self'", "'unsafe-inline'", 'https://cdn.jsdelivr.net'],
  styleSrc: ["'self'", "'unsafe-inline'", 'https://cdn.jsdelivr.net'],
  fontSrc: ["'self'", 'data:', 'https://cdn.jsdelivr.net', 'https://fonts.scalar.com'],
  imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
};

const common = {
  xFrameOptions: 'DENY',
  referrerPolicy: 'same-origin',
  // HSTS is the TLS terminator's to send: over plain HTTP it means nothing, and a wrong
  // includeSubDomains from an internal tool can break a company's other sites.
  strictTransportSecurity: false,
} as const;

export const DOCS_PATH = '/api/docs';

/** The middleware for `app.use('*', …)`: the docs page gets its own CSP, everything else the app's. */
export function securityHeaders(): MiddlewareHandler {
  const forApp = secureHeaders({ ...common, contentSecurityPolicy: app });
  const forDocs = secureHeaders({ ...common, contentSecurityPolicy: docs });
  return (c, next) => (c.req.path === DOCS_PATH ? forDocs(c, next) : forApp(c, next));
}
