/**
 * The SQLite schema. Migrations in db/migrations are generated from this file with
 * `npm run db:generate`, committed, applied at start and never edited after they land.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['admin', 'author', 'approver', 'viewer'] }).notNull(),
  createdAt: text('created_at').notNull().default(now),
  /** Set when an admin disables the account: it cannot sign in and its sessions and tokens stop working. */
  disabledAt: text('disabled_at'),
});

/** One row per import: where it came from, its hash, its shape. */
export const datasets = sqliteTable(
  'datasets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    sourceName: text('source_name').notNull(),
    sha256: text('sha256').notNull(),
    rowCount: integer('row_count').notNull(),
    /** JSON `[{ name, type }]`. */
    columns: text('columns', { mode: 'json' }).notNull().$type<{ name: string; type: string }[]>(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
    /** Archived: kept for the runs that read it, hidden from lists and pickers. */
    archivedAt: text('archived_at'),
  },
  (t) => [index('datasets_sha256').on(t.sha256), index('datasets_name').on(t.name)],
);

/**
 * Dataset rows in chunks of DATASET_CHUNK_ROWS, each one JSON text: written column by column
 * (`{"columns":[…]}`, db/chunks.ts) since issue 14, older chunks a JSON array of row arrays,
 * both read back; a page is chunk arithmetic (BENCHMARKS.md).
 */
export const datasetChunks = sqliteTable(
  'dataset_chunks',
  {
    datasetId: integer('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    chunk: integer('chunk').notNull(),
    rows: text('rows').notNull(),
  },
  (t) => [primaryKey({ columns: [t.datasetId, t.chunk] })],
);

export const sheets = sqliteTable('sheets', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  /** The current version's number; versions themselves are immutable rows. */
  currentVersion: integer('current_version').notNull(),
  /** The version official runs and schedules use (governance.md 1); null until one is approved. */
  approvedVersion: integer('approved_version'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: text('created_at').notNull().default(now),
  updatedAt: text('updated_at').notNull().default(now),
  /** Archived: kept with its versions and runs as evidence, hidden from lists, never run or scheduled. */
  archivedAt: text('archived_at'),
});

/** Every save is a new immutable version with a content hash. */
export const sheetVersions = sqliteTable(
  'sheet_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sheetId: integer('sheet_id')
      .notNull()
      .references(() => sheets.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** The Workbook as JSON. */
    content: text('content').notNull(),
    contentHash: text('content_hash').notNull(),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
    /** Only the state moves; the content never changes (governance.md 1). */
    status: text('status', { enum: ['draft', 'submitted', 'approved', 'rejected', 'superseded'] })
      .notNull()
      .default('draft'),
    submittedBy: integer('submitted_by').references(() => users.id),
    submittedAt: text('submitted_at'),
    submitNote: text('submit_note'),
    /** Who approved or rejected it (null with reviewedAt set: the system, for the demo). */
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: text('reviewed_at'),
    reviewNote: text('review_note'),
    /** Approved by its own author, as the sole admin (governance.md 1). */
    selfApproved: integer('self_approved', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('sheet_versions_sheet_version').on(t.sheetId, t.version)],
);

export const runs = sqliteTable(
  'runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sheetId: integer('sheet_id')
      .notNull()
      .references(() => sheets.id),
    sheetVersionId: integer('sheet_version_id')
      .notNull()
      .references(() => sheetVersions.id),
    status: text('status', { enum: ['queued', 'running', 'succeeded', 'failed', 'cancelled'] }).notNull(),
    /**
     * `official` runs the approved version and feeds the queue; the others never touch it
     * (governance.md 2): a `test` run of any version, a `backtest` of a version on the inputs
     * of run `basedOn`, a `reproduction` of run `basedOn`.
     */
    kind: text('kind', { enum: ['official', 'test', 'backtest', 'reproduction'] })
      .notNull()
      .default('official'),
    basedOn: integer('based_on'),
    /** SHA-256 of results.csv as the CLI writes it (governance.md 5), set when the run succeeds. */
    resultsSha256: text('results_sha256'),
    /** JSON `{ NAME: { datasetId, sha256 } }`: which data, exactly, the run read. */
    inputs: text('inputs', { mode: 'json' }).notNull().$type<Record<string, { datasetId: number; sha256: string }>>(),
    params: text('params', { mode: 'json' }).notNull().$type<Record<string, string | number | boolean>>(),
    progress: text('progress', { mode: 'json' }).$type<{ phase: string; done: number; total: number }>(),
    /** The Rows headers of the results. */
    columns: text('columns', { mode: 'json' }).$type<string[]>(),
    /** The contract's summary.json. */
    summary: text('summary', { mode: 'json' }).$type<Record<string, unknown>>(),
    error: text('error', { mode: 'json' }).$type<{ code: string; message: string; details?: unknown }>(),
    /** What a succeeded run did to the sheet's exception queue (opened, continued, cleared…). */
    queueChanges: text('queue_changes', { mode: 'json' }).$type<Record<string, number>>(),
    createdBy: integer('created_by').references(() => users.id),
    /** The schedule that fired the run; null for runs a person or script started. */
    scheduleId: integer('schedule_id'),
    queuedAt: text('queued_at').notNull().default(now),
    startedAt: text('started_at'),
    finishedAt: text('finished_at'),
  },
  (t) => [index('runs_sheet').on(t.sheetId)],
);

/** Evaluated Rows of a run, chunked like dataset rows. */
export const runResultChunks = sqliteTable(
  'run_result_chunks',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    chunk: integer('chunk').notNull(),
    rows: text('rows').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.chunk] })],
);

/** The exception rows of a run, one row each so they can be filtered, sorted and paged. */
export const runExceptions = sqliteTable(
  'run_exceptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    rowIndex: integer('row_index').notNull(),
    /** 0, 1, 2… in row order within the run: a page of the unfiltered listing is a range, not an OFFSET scan. */
    seq: integer('seq'),
    /** The exception column's value: the kind of break. */
    kind: text('kind').notNull(),
    /** The stable identity within the sheet (ResultRow.key). */
    key: text('key').notNull(),
    match: text('match'),
    ageFrom: text('age_from'),
    values: text('values', { mode: 'json' }).notNull().$type<unknown[]>(),
  },
  (t) => [
    index('run_exceptions_run_kind').on(t.runId, t.kind),
    index('run_exceptions_key').on(t.key),
    // Pages in row order without sorting or skipping through the whole run (BENCHMARKS.md, server load).
    index('run_exceptions_run_seq').on(t.runId, t.seq),
    index('run_exceptions_run_kind_seq').on(t.runId, t.kind, t.seq),
  ],
);

/**
 * The evaluated report sheets of a `Report` run (contract 1.5), one row a sheet in workbook
 * order. A report sheet is a summary a person reads, small beside the datasets it is
 * computed over, so its values are one JSON array of rows (row 1 first), not chunks.
 */
export const runReportSheets = sqliteTable(
  'run_report_sheets',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    /** 0, 1, 2… in the workbook's sheet order. */
    position: integer('position').notNull(),
    name: text('name').notNull(),
    rowCount: integer('row_count').notNull(),
    columnCount: integer('column_count').notNull(),
    values: text('values', { mode: 'json' }).notNull().$type<unknown[][]>(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.position] }), uniqueIndex('run_report_sheets_name').on(t.runId, t.name)],
);

/** Who changed what, when, with the state before and after. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull().default(now),
    userId: integer('user_id').references(() => users.id),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    /** SHA-256(previous entry's hash + this entry's canonical JSON) (governance.md 6). */
    hash: text('hash'),
  },
  (t) => [index('audit_entity').on(t.entity, t.entityId)],
);

/** Signed-in browser sessions: the cookie holds a random token, only its hash is stored. */
export const sessions = sqliteTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Sent back by the client in X-Tickmark-CSRF on every unsafe request. */
  csrfToken: text('csrf_token').notNull(),
  createdAt: text('created_at').notNull().default(now),
  expiresAt: text('expires_at').notNull(),
});

/** API tokens for scripts (`Authorization: Bearer …`), stored hashed, acting as their user. */
export const apiTokens = sqliteTable('api_tokens', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: text('created_at').notNull().default(now),
  lastUsedAt: text('last_used_at'),
  /** After this instant the token no longer authenticates; null: until revoked. */
  expiresAt: text('expires_at'),
});

/**
 * Browsers that signed in to an account before (a long-lived cookie, only its hash kept):
 * guessing from elsewhere slows sign-in down without locking the owner's own device out.
 */
export const knownDevices = sqliteTable(
  'known_devices',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deviceHash: text('device_hash').notNull(),
    lastSignInAt: text('last_sign_in_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.userId, t.deviceHash] })],
);

/**
 * The exception queue: one item per break identity (sheet, kind, key), continued by every
 * later run of the sheet that finds it again and closed as cleared by the first that does not.
 */
export const exceptionItems = sqliteTable(
  'exception_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sheetId: integer('sheet_id')
      .notNull()
      .references(() => sheets.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    status: text('status', { enum: ['open', 'in_review', 'resolved', 'closed'] }).notNull(),
    /** Why a closed item is closed: the break went away, a person forced it, or it was matched by hand. */
    closeReason: text('close_reason', { enum: ['cleared', 'force_closed', 'manual_match'] }),
    assigneeId: integer('assignee_id').references(() => users.id),
    /** Who had it before the current assignee: hand-back returns it there. */
    previousAssigneeId: integer('previous_assignee_id').references(() => users.id),
    /** Root-cause label. */
    label: text('label'),
    match: text('match'),
    /** The row's values in the last run that found it (the run's columns name them). */
    values: text('values', { mode: 'json' }).notNull().$type<unknown[]>(),
    /** Null for items raised outside a run (a missing scheduled file). */
    firstSeenRunId: integer('first_seen_run_id').references(() => runs.id, { onDelete: 'set null' }),
    lastSeenRunId: integer('last_seen_run_id').references(() => runs.id, { onDelete: 'set null' }),
    firstSeenAt: text('first_seen_at').notNull(),
    /** Ageing starts here: the sheet's `Age from` field when it has one, else first seen. */
    ageFrom: text('age_from').notNull(),
    updatedAt: text('updated_at').notNull().default(now),
    /** Bumped by every change: an update that names an older version is refused (409), never silently lost. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('exception_items_identity').on(t.sheetId, t.kind, t.key),
    index('exception_items_status').on(t.sheetId, t.status),
    index('exception_items_assignee').on(t.assigneeId),
    index('exception_items_age').on(t.ageFrom),
  ],
);

export const exceptionComments = sqliteTable(
  'exception_comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => exceptionItems.id, { onDelete: 'cascade' }),
    /** Null for the system's own notes (reopened by a run, cleared). */
    userId: integer('user_id').references(() => users.id),
    body: text('body').notNull(),
    at: text('at').notNull().default(now),
  },
  (t) => [index('exception_comments_item').on(t.itemId)],
);

/** A left-only and a right-only break a person paired by hand; later runs keep them closed. */
export const manualMatches = sqliteTable(
  'manual_matches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sheetId: integer('sheet_id')
      .notNull()
      .references(() => sheets.id, { onDelete: 'cascade' }),
    leftKey: text('left_key').notNull(),
    rightKey: text('right_key').notNull(),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('manual_matches_left').on(t.sheetId, t.leftKey), uniqueIndex('manual_matches_right').on(t.sheetId, t.rightKey)],
);

/**
 * A sheet run on a timetable (cron in a time zone) over files that arrive in the watched
 * folder; an expected file still missing `waitMinutes` after the time raises an exception.
 */
export const schedules = sqliteTable('schedules', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  sheetId: integer('sheet_id')
    .notNull()
    .references(() => sheets.id, { onDelete: 'cascade' }),
  cron: text('cron').notNull(),
  timezone: text('timezone').notNull(),
  /** JSON `{ NAME: "file-name pattern" }`, e.g. `{ "FO": "fo_blotter_*.csv" }`. */
  inputs: text('inputs', { mode: 'json' }).notNull().$type<Record<string, string>>(),
  params: text('params', { mode: 'json' }).notNull().$type<Record<string, string | number | boolean>>(),
  waitMinutes: integer('wait_minutes').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  lastFiredAt: text('last_fired_at'),
  lastOutcome: text('last_outcome', { mode: 'json' }).$type<{ runId?: number; waiting?: string[]; missing?: string[]; error?: string }>(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: text('created_at').notNull().default(now),
});

/**
 * The firm's own dated events on the calendar (calendar.md): a corporate action, a
 * regulator's deadline. Rule events (holidays, expirations) are computed, never stored.
 */
export const calendarEvents = sqliteTable(
  'calendar_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** `YYYY-MM-DD`: an all-day event. */
    date: text('date').notNull(),
    title: text('title').notNull(),
    category: text('category', { enum: ['corporate action', 'regulator deadline', 'internal deadline', 'other'] }).notNull(),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [index('calendar_events_date').on(t.date)],
);

/**
 * One expiration day's run-book: where its evidence comes from and who signed it off. It
 * is shaped as a control occurrence will be (controls.md 1: steps a performer ticks, a
 * reviewer's signature by someone else), so the `expiration` frequency can take it over.
 */
export const expirationRunbooks = sqliteTable('expiration_runbooks', {
  /** `YYYY-MM-DD`, a monthly or quarterly expiration day. */
  date: text('date').primaryKey(),
  /** The evidence names chosen for this day; a name left out takes the default (db/runbook/runbook-settings.ts). */
  settings: text('settings', { mode: 'json' }).notNull().$type<Record<string, string>>(),
  signedOffBy: integer('signed_off_by').references(() => users.id),
  signedOffAt: text('signed_off_at'),
  signOffNote: text('sign_off_note'),
  createdAt: text('created_at').notNull().default(now),
});

/** A ticked step of a run-book: who, when, and the evidence the product saw at that moment. */
export const expirationRunbookSteps = sqliteTable(
  'expiration_runbook_steps',
  {
    date: text('date')
      .notNull()
      .references(() => expirationRunbooks.date, { onDelete: 'cascade' }),
    step: text('step', { enum: ['positions', 'closes', 'cutoff', 'exceptions'] }).notNull(),
    doneBy: integer('done_by')
      .notNull()
      .references(() => users.id),
    doneAt: text('done_at').notNull(),
    note: text('note'),
    evidence: text('evidence', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.date, t.step] })],
);
