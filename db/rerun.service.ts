/**
 * Runs on the exact inputs of an earlier run: a backtest of another version (governance.md
 * 4) and a reproduction of the run itself (governance.md 5). Both are test runs that never
 * touch the exception queue, and record the run they are based on.
 */
import { AppError } from './app-error.js';
import type { Db } from './open.js';
import { createRun, getRun, runVersionNumbers, type RunRecord } from './runs.service.js';

/** The datasets a run read, by input name. */
const datasetIds = (run: RunRecord) => Object.fromEntries(Object.entries(run.inputs).map(([name, input]) => [name, input.datasetId]));

/**
 * Queues a test run of `version` on run `runId`'s datasets and the parameters it was given
 * explicitly (runs record only those), so a parameter it left at its default takes the
 * default of `version`. 422 `other_sheet` when `runId` is a run of another sheet.
 */
export function startBacktest(db: Db, input: { sheetId: number; version: number; runId: number; userId: number | null }): RunRecord {
  const base = getRun(db, input.runId);
  if (base.sheetId !== input.sheetId)
    throw new AppError('other_sheet', 422, `run ${base.id} is a run of sheet ${base.sheetId}, not of sheet ${input.sheetId}`);
  return createRun(db, {
    sheetId: input.sheetId,
    version: input.version,
    kind: 'backtest',
    basedOn: base.id,
    data: datasetIds(base),
    params: base.params,
    userId: input.userId,
  });
}

/** Queues a reproduction of a succeeded run (409 otherwise): the same version, datasets and parameters. */
export function startReproduction(db: Db, input: { runId: number; userId: number | null }): RunRecord {
  const base = getRun(db, input.runId);
  if (base.status !== 'succeeded')
    throw new AppError('run_not_finished', 409, `run ${base.id} is ${base.status}: only a succeeded run can be reproduced`);
  return createRun(db, {
    sheetId: base.sheetId,
    version: runVersionNumbers(db, [base.id]).get(base.id)!,
    kind: 'reproduction',
    basedOn: base.id,
    data: datasetIds(base),
    params: base.params,
    userId: input.userId,
  });
}
