/**
 * The one way the web app talks to the server: JSON in and out, the session's CSRF token
 * on unsafe requests, and failures as ApiError carrying the server's readable message.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let csrfToken = '';

export function setCsrfToken(token: string | null): void {
  csrfToken = token ?? '';
}

async function parse<T>(response: Response): Promise<T> {
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = body?.error ?? { code: 'http_error', message: `${response.status} ${response.statusText}` };
    throw new ApiError(response.status, error.code, error.message, error.details);
  }
  return body as T;
}

/** JSON request; `body` FormData is sent as multipart. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['X-Tickmark-CSRF'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  return parse<T>(await fetch(path, { method, headers, body: payload, credentials: 'same-origin' }));
}

/** Multipart upload with progress (fetch cannot report upload progress). */
export function upload<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('X-Tickmark-CSRF', csrfToken);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => parse<T>(new Response(xhr.responseText || null, { status: xhr.status })).then(resolve, reject);
    xhr.onerror = () => reject(new ApiError(0, 'network', 'the server could not be reached'));
    xhr.send(form);
  });
}

export interface User {
  id: number;
  email: string;
  name: string;
  role: 'admin' | 'author' | 'approver' | 'viewer';
}
export interface DatasetInfo {
  id: number;
  name: string;
  sourceName: string;
  rows: number;
  columns: { name: string; type: string }[];
  createdAt: string;
}
export interface SheetInfo {
  id: number;
  name: string;
  version: number;
  updatedAt: string;
}
export interface Workbook {
  sheets: { name: string; cells: (string | number | boolean | null)[][] }[];
  names: { name: string; expression: string }[];
}
export interface RunInfo {
  id: number;
  sheetId: number;
  sheetVersionId: number;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  progress: { phase: string; done: number; total: number } | null;
  counts: Record<string, number> | null;
  summary: { type: 'Reconciliation' | 'Check' | 'Report'; by_exception: Record<string, number>; summary: Record<string, unknown> } | null;
  columns: string[] | null;
  error: { code: string; message: string } | null;
  /** What a succeeded run did to the sheet's exception queue (db/queue/continue-queue.ts). */
  queueChanges: Partial<Record<'opened' | 'continued' | 'reopened' | 'cleared' | 'matchedByHand', number>> | null;
  queuedAt: string;
  finishedAt: string | null;
}
/** One report sheet of a Report run, as GET /api/runs/:id/sheets lists it. */
export interface ReportSheetInfo {
  name: string;
  rows: number;
  columns: number;
}
