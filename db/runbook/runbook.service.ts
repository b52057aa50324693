/**
 * The expiration-day run-book: each step ticked by someone, at a time, over evidence the
 * product checks; the sign-off by someone who ticked none of them (four eyes). Every write
 * is one transaction with its audit entry. A signed-off run-book no longer changes.
 */
import { and, eq } from 'drizzle-orm';
import { AppError } from '../app-error.js';
import { recordAudit } from '../audit.js';
import type { Db } from '../open.js';
import { expirationRunbooks, expirationRunbookSteps, users } from '../schema.js';
import { expirationKinds, type ExpirationKind } from './expiration-days.js';
import { readEvidence, type Evidence } from './runbook-evidence.js';
import { resolveRunbookSettings, SETTING_NAMES, type RunbookSettings } from './runbook-settings.js';
import { STEP_LABELS, STEPS, stepEvidence, stepRefusal, type StepName, type StepRefusal } from './runbook-steps.js';

type Person = { id: number; name: string; email: string };

export interface RunbookStepView {
  step: StepName;
  label: string;
  done: { by: Person; at: string; note: string | null; evidence: Record<string, unknown> | null } | null;
  /** Why it cannot be ticked now (null: it can). */
  refusal: StepRefusal;
}

export interface RunbookView {
  date: string;
  kinds: ExpirationKind[];
  settings: RunbookSettings;
  /** Only the settings chosen for this day (the rest are defaults). */
  chosen: Partial<RunbookSettings>;
  evidence: Evidence;
  steps: RunbookStepView[];
  signOff: { by: Person; at: string; note: string | null } | null;
  /** Why the viewer cannot sign off now (null: they can; also null once signed off). */
  signOffRefusal: { code: string; message: string } | null;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

function person(db: Db | Tx, id: number): Person {
  return db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, id)).get()!;
}

function stored(db: Db | Tx, date: string) {
  return db.select().from(expirationRunbooks).where(eq(expirationRunbooks.date, date)).get();
}

/** The day's run-book as the viewer sees it now, evidence and refusals included. */
export function getRunbook(db: Db, date: string, viewerId: number, now = new Date()): RunbookView {
  const kinds = expirationKinds(date);
  const row = stored(db, date);
  const settings = resolveRunbookSettings(row?.settings ?? {});
  const evidence = readEvidence(db, date, settings, now);
  const ticks = new Map(
    db
      .select()
      .from(expirationRunbookSteps)
      .where(eq(expirationRunbookSteps.date, date))
      .all()
      .map((s) => [s.step, s]),
  );
  const steps = STEPS.map((step): RunbookStepView => {
    const tick = ticks.get(step);
    return {
      step,
      label: STEP_LABELS[step],
      done: tick ? { by: person(db, tick.doneBy), at: tick.doneAt, note: tick.note, evidence: tick.evidence ?? null } : null,
      refusal: stepRefusal(step, date, evidence, settings),
    };
  });
  const signOff = row?.signedOffBy ? { by: person(db, row.signedOffBy), at: row.signedOffAt!, note: row.signOffNote } : null;
  return {
    date,
    kinds,
    settings,
    chosen: (row?.settings ?? {}) as Partial<RunbookSettings>,
    evidence,
    steps,
    signOff,
    signOffRefusal: signOff ? null : withoutStatus(signOffRefusal(steps, viewerId, date)),
  };
}

const withoutStatus = (r: { code: string; message: string } | null) => (r ? { code: r.code, message: r.message } : null);

function signOffRefusal(
  steps: RunbookStepView[],
  userId: number,
  date: string,
): { code: string; message: string; status: 403 | 409 } | null {
  const missing = steps.filter((s) => !s.done);
  if (missing.length)
    return {
      code: 'steps_missing',
      status: 409,
      message: `${date} cannot be signed off before every step is done: ${missing.map((s) => s.label).join(', ')}`,
    };
  const own = steps.filter((s) => s.done!.by.id === userId);
  if (own.length)
    return {
      code: 'four_eyes',
      status: 403,
      message: `you ticked ${own.map((s) => `"${s.label}"`).join(', ')}: someone who did none of the steps must sign off`,
    };
  // The evidence is checked again: a run since the tick may have opened exceptions.
  const contradicted = steps.find((s) => s.refusal);
  if (contradicted)
    return {
      code: contradicted.refusal!.code,
      status: 409,
      message: `"${contradicted.label}" no longer holds: ${contradicted.refusal!.message}`,
    };
  return null;
}

function openForChanges(tx: Tx, date: string, settings: Record<string, string> = {}) {
  const row = stored(tx, date);
  if (row?.signedOffBy)
    throw new AppError('signed_off', 409, `the run-book of ${date} was signed off at ${row.signedOffAt}: it no longer changes`);
  if (!row) tx.insert(expirationRunbooks).values({ date, settings }).run();
  return row;
}

/** Ticks a step for `userId`, refused (409) when the evidence contradicts it or it is already ticked. */
export function tickStep(
  db: Db,
  input: { date: string; step: StepName; userId: number; note?: string | null },
  now = new Date(),
): RunbookView {
  const { date, step, userId } = input;
  expirationKinds(date);
  db.transaction((tx) => {
    const row = openForChanges(tx, date);
    const done = tx
      .select()
      .from(expirationRunbookSteps)
      .where(and(eq(expirationRunbookSteps.date, date), eq(expirationRunbookSteps.step, step)))
      .get();
    if (done)
      throw new AppError(
        'already_done',
        409,
        `"${STEP_LABELS[step]}" was ticked by ${person(tx, done.doneBy).name} at ${done.doneAt}; untick it first to tick it again`,
      );
    const settings = resolveRunbookSettings(row?.settings ?? {});
    const evidence = readEvidence(db, date, settings, now);
    const refusal = stepRefusal(step, date, evidence, settings);
    if (refusal) throw new AppError(refusal.code, 409, `"${STEP_LABELS[step]}" cannot be ticked: ${refusal.message}`, { step });
    const tick = {
      date,
      step,
      doneBy: userId,
      doneAt: now.toISOString(),
      note: input.note?.trim() || null,
      evidence: stepEvidence(step, evidence),
    };
    tx.insert(expirationRunbookSteps).values(tick).run();
    recordAudit(tx, { userId, action: 'runbook.step.tick', entity: 'expiration_runbook', entityId: date, after: tick });
  });
  return getRunbook(db, date, userId, now);
}

/** Takes a tick back (before sign-off only). */
export function untickStep(db: Db, input: { date: string; step: StepName; userId: number }, now = new Date()): RunbookView {
  const { date, step, userId } = input;
  expirationKinds(date);
  db.transaction((tx) => {
    openForChanges(tx, date);
    const removed = tx
      .delete(expirationRunbookSteps)
      .where(and(eq(expirationRunbookSteps.date, date), eq(expirationRunbookSteps.step, step)))
      .returning()
      .get();
    if (!removed) throw new AppError('not_done', 404, `"${STEP_LABELS[step]}" of ${date} is not ticked`);
    recordAudit(tx, { userId, action: 'runbook.step.untick', entity: 'expiration_runbook', entityId: date, before: removed });
  });
  return getRunbook(db, date, userId, now);
}

/** Chooses where the day's evidence comes from (an empty value goes back to the default). */
export function setRunbookSettings(
  db: Db,
  input: { date: string; change: Partial<RunbookSettings>; userId: number },
  now = new Date(),
): RunbookView {
  const { date, change, userId } = input;
  expirationKinds(date);
  const unknown = Object.keys(change).filter((k) => !SETTING_NAMES.includes(k as keyof RunbookSettings));
  if (unknown.length) throw new AppError('bad_setting', 422, `unknown run-book setting: ${unknown.join(', ')}`);
  if (change.sheet && !db.$client.prepare('SELECT 1 FROM sheets WHERE lower(name) = lower(?)').get(change.sheet))
    throw new AppError('unknown_sheet', 422, `sheet: there is no rule sheet named ${change.sheet}`, { field: 'sheet' });
  if (change.cutoff && !/^([01]\d|2[0-3]):[0-5]\d$/.test(change.cutoff))
    throw new AppError('bad_setting', 422, `cutoff: "${change.cutoff}" is not a time HH:MM`, { field: 'cutoff' });
  db.transaction((tx) => {
    const row = openForChanges(tx, date);
    const before = (row?.settings ?? {}) as Record<string, string>;
    const after: Record<string, string> = { ...before };
    for (const [name, value] of Object.entries(change)) {
      if (value?.trim()) after[name] = value.trim();
      else delete after[name];
    }
    tx.update(expirationRunbooks).set({ settings: after }).where(eq(expirationRunbooks.date, date)).run();
    recordAudit(tx, { userId, action: 'runbook.settings', entity: 'expiration_runbook', entityId: date, before, after });
  });
  return getRunbook(db, date, userId, now);
}

/** Signs the day off: every step done, by others (403 `four_eyes`), and still borne out by the evidence. */
export function signOffRunbook(db: Db, input: { date: string; userId: number; note?: string | null }, now = new Date()): RunbookView {
  const { date, userId } = input;
  db.transaction((tx) => {
    // Read inside the transaction: a run finishing meanwhile cannot slip between the check and the signature.
    const view = getRunbook(db, date, userId, now);
    if (view.signOff)
      throw new AppError('signed_off', 409, `the run-book of ${date} was signed off by ${view.signOff.by.name} at ${view.signOff.at}`);
    const refusal = signOffRefusal(view.steps, userId, date);
    if (refusal) throw new AppError(refusal.code, refusal.status, refusal.message);
    const at = now.toISOString();
    const note = input.note?.trim() || null;
    tx.update(expirationRunbooks)
      .set({ signedOffBy: userId, signedOffAt: at, signOffNote: note })
      .where(eq(expirationRunbooks.date, date))
      .run();
    recordAudit(tx, {
      userId,
      action: 'runbook.sign_off',
      entity: 'expiration_runbook',
      entityId: date,
      after: { at, note, steps: Object.fromEntries(view.steps.map((s) => [s.step, { by: s.done!.by.id, at: s.done!.at }])) },
    });
  });
  return getRunbook(db, date, userId, now);
}
