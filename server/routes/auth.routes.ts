/** First-run setup, sign-in and out, the current user, API tokens and user management. */
import { createRoute, z } from '@hono/zod-openapi';
import { assertAcceptablePassword } from '../../db/password-policy.js';
import { createFirstAdmin, createUser, endSession, listUsers, sessionUser, startSession, userCount } from '../../db/users.service.js';
import { clientAddress } from '../auth/client-address.js';
import { clearSessionCookie, presentedDevice, setSignInCookies } from '../auth/cookies.js';
import { LoginLimiter } from '../auth/rate-limit.js';
import { attemptSignIn, deviceFor, retryAfterSeconds } from '../auth/sign-in.js';
import { requireRole } from '../auth/middleware.js';
import { CAN, type App, type Deps } from '../context.js';
import { errors, json, User } from './schemas.js';

const Credentials = z.object({ email: z.email(), password: z.string().min(1) }).openapi('Credentials');
const NewUser = z
  .object({
    email: z.email(),
    name: z.string().min(1).max(200),
    password: z.string().min(10, 'at least 10 characters'),
    role: z.enum(['admin', 'author', 'approver', 'viewer']),
  })
  .openapi('NewUser');
const Setup = NewUser.omit({ role: true }).openapi('Setup');
const SignedIn = z.object({ user: User, csrfToken: z.string() }).openapi('SignedIn');

export function registerAuthRoutes(app: App, { db, config }: Deps): void {
  const limiter = new LoginLimiter();
  /** Starts the session, remembers this browser as a known device of the user, sets both cookies. */
  const signIn = (c: Parameters<Parameters<App['openapi']>[1]>[0], userId: number, deviceId: string) => {
    const session = startSession(db, userId);
    setSignInCookies(c, config, session, deviceId);
    return session.csrfToken;
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/setup',
      tags: ['auth'],
      summary: 'Whether the first admin still has to be set up, and whether the caller is signed in',
      responses: { 200: json('setup state', z.object({ needed: z.boolean(), signedIn: z.boolean() })) },
    }),
    // signedIn lets the web app skip GET /api/auth/me when signed out, whose 401 the browser logs as an error.
    (c) => c.json({ needed: userCount(db) === 0, signedIn: c.get('user') !== null }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/setup',
      tags: ['auth'],
      summary: 'Create the first admin (only on an empty database) and sign in',
      request: { body: { content: { 'application/json': { schema: Setup } }, required: true } },
      responses: { 201: json('signed in as the new admin', SignedIn), ...errors(400, 409) },
    }),
    (c) => {
      const input = c.req.valid('json');
      assertAcceptablePassword(input.password, input);
      const user = createFirstAdmin(db, input);
      return c.json({ user, csrfToken: signIn(c, user.id, deviceFor(db, user.id, presentedDevice(c))) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/login',
      tags: ['auth'],
      summary: 'Start a session (HttpOnly cookie); returns the CSRF token for X-Tickmark-CSRF',
      request: { body: { content: { 'application/json': { schema: Credentials } }, required: true } },
      responses: { 200: json('signed in', SignedIn), ...errors(400, 401, 429) },
    }),
    (c) => {
      const { email, password } = c.req.valid('json');
      const attempt = { email, password, address: clientAddress(c, config.trustProxyHops), deviceId: presentedDevice(c) };
      try {
        const { user, deviceId } = attemptSignIn(db, limiter, attempt);
        return c.json({ user, csrfToken: signIn(c, user.id, deviceId) }, 200);
      } catch (error) {
        const wait = retryAfterSeconds(error);
        if (wait !== null) c.header('Retry-After', String(wait));
        throw error;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/logout',
      tags: ['auth'],
      summary: 'End the session',
      responses: { 204: { description: 'signed out' } },
    }),
    (c) => {
      const token = c.get('sessionToken');
      if (token) endSession(db, token);
      clearSessionCookie(c, config);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/auth/me',
      tags: ['auth'],
      summary: 'The signed-in user and the session CSRF token',
      middleware: [requireRole(CAN.read)],
      responses: { 200: json('the caller', z.object({ user: User, csrfToken: z.string().nullable() })), ...errors(401) },
    }),
    (c) => {
      const token = c.get('sessionToken');
      return c.json({ user: c.get('user')!, csrfToken: token ? (sessionUser(db, token)?.csrfToken ?? null) : null }, 200);
    },
  );

  // POST /api/tokens (with an expiry) is in accounts.routes.ts with the other token routes.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/users',
      tags: ['users'],
      summary: 'List users',
      middleware: [requireRole(CAN.admin)],
      responses: { 200: json('users', z.array(User)), ...errors(401, 403) },
    }),
    (c) => c.json(listUsers(db), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/users/assignable',
      tags: ['users'],
      summary: 'Who exceptions can be assigned to (active users of every role but viewer)',
      middleware: [requireRole(CAN.read)],
      responses: {
        200: json('people', z.array(z.object({ id: z.number(), email: z.string(), name: z.string(), role: User.shape.role }))),
        ...errors(401),
      },
    }),
    (c) =>
      c.json(
        listUsers(db)
          .filter((u) => u.role !== 'viewer' && !u.disabledAt)
          .map(({ id, email, name, role }) => ({ id, email, name, role })),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/users',
      tags: ['users'],
      summary: 'Add a user with a role',
      middleware: [requireRole(CAN.admin)],
      request: { body: { content: { 'application/json': { schema: NewUser } }, required: true } },
      responses: { 201: json('the new user', User), ...errors(400, 401, 403, 409) },
    }),
    (c) => {
      const input = c.req.valid('json');
      assertAcceptablePassword(input.password, input);
      return c.json(createUser(db, input, c.get('user')!.id), 201);
    },
  );
}
