/**
 * What a run may be given: the datasets that have every field the sheet reads, and the
 * check that an official run's input is not a fraction of what the sheet's previous
 * official run read (a 60-row file after a 2,825-row one would clear every break the
 * missing rows held).
 */
import { and, desc, eq } from 'drizzle-orm';
import { AppError } from '../../db/app-error.js';
import { getDataset, listDatasets, rememberedColumns, type DatasetRecord } from '../../db/datasets.service.js';
import type { Db } from '../../db/open.js';
import { runs } from '../../db/schema.js';
import { getSheet, getSheetVersion } from '../../db/sheets.service.js';
import { RuleError } from '../../rules/errors.js';
import { inputsNeeded, type InputNeed } from '../../rules/inputs-needed.js';
import type { DatasetColumn } from '../../rules/types.js';
import { columnLetters } from '../../rules/workbook.js';

export interface Candidate {
  id: number;
  name: string;
  sourceName: string;
  rows: number;
  createdAt: string;
}

export interface InputOffer extends InputNeed {
  /** Datasets with every field (of the type this name has), this name's newest first, then other names. */
  candidates: Candidate[];
  /** How many datasets were left out because they lack a field or hold it as another type. */
  unfit: number;
}

/** For each input of a version (the approved one, else the latest), the datasets it can be given. */
export function runInputOffers(db: Db, sheetId: number, version?: number): InputOffer[] {
  const { workbook } = getSheetVersion(db, sheetId, version ?? defaultVersion(db, sheetId));
  const all = listDatasets(db, 'hide');
  return inputsNeeded(workbook, unique(all.map((d) => d.name))).map((need) => {
    const expected = rememberedColumns(db, need.name)?.columns;
    const fitting = all.filter((d) => unfitFields(d, need, expected).length === 0);
    const sameName = (d: DatasetRecord) => d.name.toLowerCase() === need.name.toLowerCase();
    const ordered = [...fitting.filter(sameName), ...fitting.filter((d) => !sameName(d))];
    return {
      ...need,
      candidates: ordered.map((d) => ({ id: d.id, name: d.name, sourceName: d.sourceName, rows: d.rowCount, createdAt: d.createdAt })),
      unfit: all.length - fitting.length,
    };
  });
}

export interface InputAnomaly {
  dataset: string;
  datasetId: number;
  rows: number;
  previousRunId: number;
  previousDatasetId: number;
  previousRows: number;
  missingColumns: string[];
}

/**
 * Refuses inputs that lack a field the sheet reads, or hold it as another type than the
 * name's (422 `missing_field`), and, unless
 * `confirmAnomalies`, an input under half the rows of, or lacking a column of, the same
 * name's input to the sheet's previous official run (409 `input_anomaly`).
 */
export function checkRunInputs(
  db: Db,
  sheetId: number,
  data: Record<string, number>,
  confirmAnomalies = false,
  version?: number,
): InputAnomaly[] {
  const sheet = getSheet(db, sheetId);
  const { workbook } = getSheetVersion(db, sheetId, version ?? defaultVersion(db, sheetId));
  const given = Object.entries(data).map(([name, id]) => ({ name, record: getDataset(db, id) }));
  const needs = safeNeeds(
    workbook,
    given.map((g) => g.name),
  );
  for (const need of needs) {
    const input = given.find((g) => g.name.toLowerCase() === need.name.toLowerCase());
    if (!input) continue; // the engine names a missing dataset with its Settings cell
    const unfit = unfitFields(input.record, need, rememberedColumns(db, need.name)?.columns);
    const missing = unfit.filter((u) => !u.type && !u.column).map((u) => u.field);
    const retyped = unfit.filter((u) => u.type);
    const moved = unfit.filter((u) => u.column);
    const what = [
      ...(missing.length ? [`lacks ${missing.map((f) => `"${f}"`).join(', ')}`] : []),
      ...retyped.map((u) => `has "${u.field}" as ${u.type} where ${need.name} has ${u.expected}`),
      ...moved.map((u) => `does not have "${u.field}" in column ${u.column}`),
    ];
    if (unfit.length)
      throw new AppError(
        'missing_field',
        422,
        `dataset ${input.record.name} #${input.record.id} (${input.record.sourceName}) given as ${need.name} ${what.join(' and ')}, which the sheet reads`,
        {
          dataset: need.name,
          datasetId: input.record.id,
          missingFields: missing,
          mistypedFields: retyped.map((u) => u.field),
          ...(moved.length ? { misplacedFields: moved.map((u) => u.field) } : {}),
        },
      );
  }
  // A test run never touches the queue: there is nothing for it to undo.
  const official = version === undefined || version === sheet.approvedVersion;
  const anomalies = official ? inputAnomalies(db, sheetId, given) : [];
  if (anomalies.length && !confirmAnomalies)
    throw new AppError('input_anomaly', 409, anomalies.map(describeAnomaly).join('; '), { anomalies });
  return anomalies;
}

function inputAnomalies(db: Db, sheetId: number, given: { name: string; record: DatasetRecord }[]): InputAnomaly[] {
  const previous = db
    .select()
    .from(runs)
    .where(and(eq(runs.sheetId, sheetId), eq(runs.status, 'succeeded'), eq(runs.kind, 'official')))
    .orderBy(desc(runs.id))
    .limit(1)
    .get();
  if (!previous) return [];
  const anomalies: InputAnomaly[] = [];
  for (const { name, record } of given) {
    const before = Object.entries(previous.inputs).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
    if (!before || before.datasetId === record.id) continue;
    const old = getDataset(db, before.datasetId);
    const have = new Set(record.columns.map((c) => c.name.toLowerCase()));
    const missingColumns = old.columns.filter((c) => !have.has(c.name.toLowerCase())).map((c) => c.name);
    if (record.rowCount * 2 >= old.rowCount && missingColumns.length === 0) continue;
    anomalies.push({
      dataset: name,
      datasetId: record.id,
      rows: record.rowCount,
      previousRunId: previous.id,
      previousDatasetId: old.id,
      previousRows: old.rowCount,
      missingColumns,
    });
  }
  return anomalies;
}

export function describeAnomaly(a: InputAnomaly): string {
  const parts: string[] = [];
  if (a.rows * 2 < a.previousRows)
    parts.push(
      `has ${a.rows.toLocaleString('en-US')} rows where the previous official run (#${a.previousRunId}) read ${a.previousRows.toLocaleString('en-US')}`,
    );
  if (a.missingColumns.length)
    parts.push(`lacks ${a.missingColumns.map((c) => `"${c}"`).join(', ')}, which the previous official run (#${a.previousRunId}) had`);
  return `${a.dataset} #${a.datasetId} ${parts.join(' and ')}: a run on it would clear the breaks the missing data held; confirm to run anyway`;
}

/**
 * The fields the sheet reads that `record` lacks, or holds as another type than the
 * needed name's datasets have had since its first import (quantities as text would make
 * every arithmetic rule misfire), or (a Lookup, whose formulas read columns by letter)
 * holds in another column than the sheet reads it.
 */
function unfitFields(
  record: DatasetRecord,
  need: InputNeed,
  expected: DatasetColumn[] | undefined,
): { field: string; type?: string; expected?: string; column?: string }[] {
  const typeOf = new Map(record.columns.map((c) => [c.name.toLowerCase(), c.type]));
  const expectedOf = new Map((expected ?? []).map((c) => [c.name.toLowerCase(), c.type]));
  return need.fields.flatMap((field, i) => {
    const type = typeOf.get(field.toLowerCase());
    if (type === undefined) return [{ field }];
    const at = need.columns?.[i];
    if (at !== undefined && record.columns[at]?.name.toLowerCase() !== field.toLowerCase()) return [{ field, column: columnLetters(at) }];
    const want = expectedOf.get(field.toLowerCase());
    return want && want !== type ? [{ field, type, expected: want }] : [];
  });
}

/** The sheet's needs, or none when its settings are broken: the run then fails naming the setting. */
function safeNeeds(workbook: Parameters<typeof inputsNeeded>[0], known: string[]): InputNeed[] {
  try {
    return inputsNeeded(workbook, known);
  } catch (error) {
    if (error instanceof RuleError) return [];
    throw error;
  }
}

/** The version a run without one reads: the approved one, or (none approved yet) the latest. */
function defaultVersion(db: Db, sheetId: number): number {
  const sheet = getSheet(db, sheetId);
  return sheet.approvedVersion ?? sheet.currentVersion;
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
