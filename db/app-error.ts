/**
 * The one error type of the service and HTTP layers: a code, an HTTP status, a message for
 * people and optional details (per-row outcomes, the place at fault). The server turns it
 * into `{ "error": { "code", "message", "details"? } }`.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: number | string) => new AppError('not_found', 404, `${what} ${id} does not exist`);
