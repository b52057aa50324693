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

let sessionEnded: () => void = () => {};

/** Called when the server no longer knows the caller's session (signed out elsewhere, disabled, expired). */
export function onSessionEnded(handler: () => void): void {
  sessionEnded = handler;
}

async function parse<T>(response: Response): Promise<T> {
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = body?.error ?? { code: 'http_error', message: `${response.status} ${response.statusText}` };
    if (response.status === 401 && error.code === 'unauthenticated') sessionEnded();
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
  /** Who imported it (null: the system): they and the admins may archive or delete it. */
  createdBy?: number | null;
  /** Set while archived: kept for its runs, left out of lists and the run dialog. */
  archivedAt?: string | null;
}
/** A version's state (governance.md 1). */
export type VersionStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'superseded';
export interface SheetInfo {
  id: number;
  name: string;
  /** The latest version, the one the editor opens. */
  version: number;
  /** The latest version's state. */
  status?: VersionStatus;
  /** The version official runs and schedules use. */
  approvedVersion?: number | null;
  updatedAt: string;
  /** Its owner (null: the system): they and the admins may rename, archive or delete it. */
  createdBy?: number | null;
  /** Set while archived: never run, saved or scheduled. */
  archivedAt?: string | null;
}
export type RunKind = 'official' | 'test' | 'backtest' | 'reproduction';
/** One version of a sheet as GET /api/sheets/:id/versions lists it, newest first. */
export interface VersionInfo {
  id: number;
  version: number;
  status: VersionStatus;
  contentHash: string;
  note: string | null;
  createdBy: number | null;
  author: string | null;
  createdAt: string;
  submittedBy: number | null;
  submitter: string | null;
  submittedAt: string | null;
  submitNote: string | null;
  reviewedBy: number | null;
  /** 'system' for the demo's sheets. */
  reviewer: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  selfApproved: boolean;
  runs: { id: number; kind: RunKind; status: RunInfo['status'] }[];
}
/** A version waiting for review (GET /api/reviews). */
export interface ReviewInfo {
  sheetId: number;
  sheet: string;
  version: number;
  author: string | null;
  createdBy: number | null;
  submitter: string | null;
  submittedBy: number | null;
  submittedAt: string | null;
  submitNote: string | null;
  approvedVersion: number | null;
}
/** GET /api/sheets/:id/diff (governance.md 3). */
export interface SheetDiff {
  from: number;
  to: number;
  changes: DiffEntry[];
  sheetsAdded: string[];
  sheetsRemoved: string[];
  /** Rows and columns inserted or deleted (some servers list them among `changes`). */
  structure?: DiffEntry[];
  /** Settings by name, and defined names by name. */
  settings?: NamedChange[];
  names?: NamedChange[];
}
export type NamedChange = { name: string; before: CellContent; after: CellContent };
/** Where rows (a 1-based row number) or columns (letters) were inserted or deleted, and how many. */
export type Span = { at: number | string; count: number };
export type DiffEntry =
  | { sheet: string; cell: string; before: CellContent; after: CellContent }
  | { sheet: string; rowsInserted: Span }
  | { sheet: string; rowsDeleted: Span }
  | { sheet: string; columnsInserted: Span }
  | { sheet: string; columnsDeleted: Span };
export type CellContent = string | number | boolean | null;
/** GET /api/runs/:id/compare/:otherId (governance.md 4). */
// The server's own shapes, as types only (web -> server, types only).
export type { RunComparison } from '../../../db/run-compare';
export type { AuditRow as AuditEntry } from '../../../db/audit';
export type { AuditVerdict } from '../../../db/audit-verify';
export interface Workbook {
  sheets: { name: string; cells: (string | number | boolean | null)[][] }[];
  names: { name: string; expression: string }[];
}
export interface RunInfo {
  id: number;
  sheetId: number;
  sheetVersionId: number;
  /** The sheet version the run read. */
  version: number | null;
  kind: RunKind;
  /** Every run but an official one: it never touches the exception queue. */
  test: boolean;
  /** A backtest or reproduction: the run whose inputs it reused. */
  basedOn: number | null;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  progress: { phase: string; done: number; total: number } | null;
  counts: Record<string, number> | null;
  summary: { type: 'Reconciliation' | 'Check' | 'Report'; by_exception: Record<string, number>; summary: Record<string, unknown> } | null;
  /** The parameters the run was given (the version's defaults fill the rest). */
  params?: Record<string, string | number | boolean>;
  columns: string[] | null;
  error: { code: string; message: string } | null;
  /** What a succeeded run did to the sheet's exception queue (db/queue/continue-queue.ts). */
  queueChanges: Partial<Record<'opened' | 'continued' | 'reopened' | 'cleared' | 'matchedByHand', number>> | null;
  queuedAt: string;
  finishedAt: string | null;
  /** In GET /api/runs only: the person, "schedule #N (cron, time zone)" or "system". */
  startedBy?: string;
}
/** One report sheet of a Report run, as GET /api/runs/:id/sheets lists it. */
export interface ReportSheetInfo {
  name: string;
  rows: number;
  columns: number;
}
