/** Who is signed in; null until known, then the user or 'signed-out' / 'setup'. */
import { api, onSessionEnded, setCsrfToken, type User } from './api';
import { notify } from './toasts.svelte';

export const session = $state<{ state: 'loading' | 'setup' | 'signed-out' | 'signed-in'; user: User | null }>({
  state: 'loading',
  user: null,
});

// A session that ended on the server (disabled, password reset, signed out elsewhere) shows the sign-in page at the next request.
onSessionEnded(() => {
  if (session.state !== 'signed-in') return;
  setCsrfToken(null);
  Object.assign(session, { state: 'signed-out', user: null });
  notify('Your session has ended (signed out elsewhere, password changed or account disabled): sign in again', 'error');
});

export async function loadSession(): Promise<void> {
  const { needed, signedIn } = await api<{ needed: boolean; signedIn: boolean }>('GET', '/api/setup');
  if (needed) return void Object.assign(session, { state: 'setup', user: null });
  // Asking /api/auth/me when signed out would answer 401, which the browser logs as an error.
  if (!signedIn) return void Object.assign(session, { state: 'signed-out', user: null });
  try {
    const me = await api<{ user: User; csrfToken: string | null }>('GET', '/api/auth/me');
    setCsrfToken(me.csrfToken);
    Object.assign(session, { state: 'signed-in', user: me.user });
  } catch {
    Object.assign(session, { state: 'signed-out', user: null });
  }
}

export function signedIn(result: { user: User; csrfToken: string }): void {
  setCsrfToken(result.csrfToken);
  Object.assign(session, { state: 'signed-in', user: result.user });
}

export async function signOut(): Promise<void> {
  await api('POST', '/api/auth/logout');
  setCsrfToken(null);
  Object.assign(session, { state: 'signed-out', user: null });
}

export const can = {
  author: () => session.user?.role === 'admin' || session.user?.role === 'author',
  work: () => session.user !== null && session.user.role !== 'viewer',
  /** Approve or reject a submitted version (four eyes apply on top: not one's own). */
  approve: () => session.user?.role === 'admin' || session.user?.role === 'approver',
  /** Read and verify the audit trail. */
  audit: () => session.user?.role === 'admin' || session.user?.role === 'approver',
};
