/** The one error handler: any failure becomes a readable message in the corner. */
import { ApiError } from './api';

export const toasts = $state<{ id: number; text: string; kind: 'error' | 'info' }[]>([]);
let next = 1;

export function notify(text: string, kind: 'error' | 'info' = 'info'): void {
  // Said once while it shows: e.g. every key typed into a read-only grid would stack the same refusal.
  if (toasts.some((t) => t.text === text && t.kind === kind)) return;
  const id = next++;
  toasts.push({ id, text, kind });
  setTimeout(() => dismiss(id), kind === 'error' ? 10_000 : 4_000);
}

export function dismiss(id: number): void {
  const at = toasts.findIndex((t) => t.id === id);
  if (at >= 0) toasts.splice(at, 1);
}

export function handleError(error: unknown): void {
  // A session that ended is said once, by the sign-in page's notice (session.svelte.ts), not per failed request.
  if (error instanceof ApiError && error.code === 'unauthenticated') return;
  const text = error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);
  notify(text, 'error');
}
