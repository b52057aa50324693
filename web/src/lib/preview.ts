/**
 * Live preview: the rule sheet as it stands in the editor, run by the same pure engine the
 * server uses, over a sample of its datasets that a run would treat the same way:
 * - a reconciliation: the first PREVIEW_ROWS left rows, completed to whole blocks, and the
 *   right rows that can match them (or lie unmatched in their key range), which the server
 *   finds through its key indexes (`POST /api/preview/rows`);
 * - a check: the first PREVIEW_ROWS rows of its data.
 * Pure apart from the `call` it is given, so a test drives it against a real server.
 */
import { formulaParseError } from '../../../rules/formula-check';
import { runRuleSheet } from '../../../rules/run';
import { readSettings } from '../../../rules/settings';
import type { Dataset, ResultRow } from '../../../rules/types';
import { cellAddress, findSheet, isFormula, type Workbook } from '../../../rules/workbook';
import { api, type DatasetInfo } from './api';
import { explain } from './sheet-model';
import type { PreviewCovers, PreviewRows, PreviewRowsRequest } from '../../../server/preview/preview-sample';

export const PREVIEW_ROWS = 200;
/** A `Lookup` dataset is a table formulas search: the preview reads it whole, up to this many rows. */
export const LOOKUP_ROWS = 20000;

export type ApiCall = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** Which rows the preview needs; two plans alike need the same rows. */
export type PreviewPlan =
  | { kind: 'reconciliation'; left: string; right: string; passes: PreviewRowsRequest['passes']; lookups: string[] }
  | { kind: 'first'; names: string[]; lookups: string[] }
  | { kind: 'none'; reason: string };

export interface PreviewData {
  datasets: Record<string, Dataset>;
  /** What the rows are, in words: "first 200 of 2,825 fo_blotter rows …". */
  covers: string;
  /** Why there is no preview (a dataset missing), else null. */
  problem: string | null;
}

export interface Preview {
  headers: string[];
  rows: ResultRow[];
  exceptions: number;
  ms: number;
  error: string | null;
  /** Rule formulas that cannot be read: shown as #ERROR! in their column while the others evaluate. */
  brokenFormulas: { col: number; cell: string; header: string; message: string }[];
}

/** The rows the sheet's Settings call for; bad Settings leave the preview to report them. */
export function previewPlan(workbook: Workbook): PreviewPlan {
  let settings;
  try {
    settings = readSettings(workbook);
  } catch (error) {
    return { kind: 'none', reason: (error as Error & { describe?: () => string }).describe?.() ?? (error as Error).message };
  }
  if (settings.type === 'Reconciliation')
    return {
      kind: 'reconciliation',
      left: settings.left!,
      right: settings.right!,
      passes: settings.passes.map((p) => ({ left: p.keys.map((k) => k.left), right: p.keys.map((k) => k.right) })),
      lookups: settings.lookup,
    };
  if (settings.type === 'Check') return { kind: 'first', names: [settings.data!], lookups: settings.lookup };
  return { kind: 'none', reason: 'a Report has no Rows preview' };
}

/** Fetches the plan's rows: the newest dataset of each name the sheet names. */
export async function loadPreviewData(plan: PreviewPlan, call: ApiCall = api): Promise<PreviewData> {
  if (plan.kind === 'none') return { datasets: {}, covers: '', problem: plan.reason };
  const all = await call<DatasetInfo[]>('GET', '/api/datasets');
  const newest = (name: string) => all.find((d) => d.name.toLowerCase() === name.toLowerCase());
  const names = plan.kind === 'reconciliation' ? [plan.left, plan.right] : plan.names;
  const missing = [...names, ...plan.lookups].filter((n) => !newest(n));
  if (missing.length) return { datasets: {}, covers: '', problem: `no dataset named ${missing.join(', ')}: import it to see the preview` };
  const lookups = await loadLookups(plan.lookups, newest, call);
  if (plan.kind === 'first') {
    const datasets: Record<string, Dataset> = { ...lookups.datasets };
    const covers: string[] = [];
    for (const name of plan.names) {
      const info = newest(name)!;
      const page = await call<{ rows: Dataset['rows'] }>('GET', `/api/datasets/${info.id}/rows?limit=${PREVIEW_ROWS}`);
      datasets[name] = { name, columns: info.columns as Dataset['columns'], rows: page.rows };
      covers.push(`first ${count(page.rows.length)} of ${count(info.rows)} ${info.name} rows`);
    }
    return { datasets, covers: [...covers, ...lookups.covers].join(', '), problem: null };
  }
  const request: PreviewRowsRequest = {
    left: { datasetId: newest(plan.left)!.id, count: PREVIEW_ROWS },
    right: { datasetId: newest(plan.right)!.id },
    passes: plan.passes,
  };
  let sample: PreviewRows;
  try {
    sample = await call<PreviewRows>('POST', '/api/preview/rows', request);
  } catch (error) {
    // The request's passes are the sheet's Match settings: name them so.
    const message = (error as Error).message.replace(/^passes\.(\d+)\.(left|right)\.\d+:/, (_, p: string) => `Match ${Number(p) + 1}:`);
    return { datasets: {}, covers: '', problem: message };
  }
  return {
    datasets: {
      ...lookups.datasets,
      [plan.left]: { name: plan.left, columns: sample.left.columns, rows: sample.left.rows },
      [plan.right]: { name: plan.right, columns: sample.right.columns, rows: sample.right.rows },
    },
    covers: [describeCovers(sample.covers), ...lookups.covers].join('; '),
    problem: null,
  };
}

/**
 * The sheet's `Lookup` datasets, each read whole (a table cut short would turn every value
 * past the cut into a false "not found"), up to LOOKUP_ROWS rows, which the covers then say.
 */
async function loadLookups(
  names: string[],
  newest: (name: string) => DatasetInfo | undefined,
  call: ApiCall,
): Promise<{ datasets: Record<string, Dataset>; covers: string[] }> {
  const datasets: Record<string, Dataset> = {};
  const covers: string[] = [];
  for (const name of names) {
    const info = newest(name)!;
    const rows: Dataset['rows'] = [];
    while (rows.length < Math.min(info.rows, LOOKUP_ROWS)) {
      const limit = Math.min(5000, LOOKUP_ROWS - rows.length);
      const page = await call<{ rows: Dataset['rows'] }>('GET', `/api/datasets/${info.id}/rows?offset=${rows.length}&limit=${limit}`);
      if (page.rows.length === 0) break;
      rows.push(...page.rows);
    }
    datasets[name] = { name, columns: info.columns as Dataset['columns'], rows };
    covers.push(
      rows.length < info.rows
        ? `lookup ${info.name}: first ${count(rows.length)} of ${count(info.rows)} rows`
        : `lookup ${info.name}: all ${count(info.rows)} rows`,
    );
  }
  return { datasets, covers };
}

/** "first 200 of 2,825 fo_blotter rows, +3 sharing their keys, and the 49 of 755 broker_confirms rows they can match; …" */
export function describeCovers(covers: PreviewCovers): string {
  const { left, right, keyRange } = covers;
  const same = left.sameKey ? `, +${count(left.sameKey)} sharing their keys,` : '';
  const unmatched = keyRange ? `; ${count(right.inRange)} unmatched in their key range ${keyRange.from} to ${keyRange.to}` : '';
  const capped = covers.capped.length ? `; cut: ${covers.capped.join(', ')}` : '';
  return `first ${count(left.first)} of ${count(left.total)} ${left.name} rows${same} and the ${count(right.matching)} of ${count(right.total)} ${right.name} rows they can match${unmatched}${capped}`;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Runs the sheet over the preview rows; a rule formula that cannot be read only errors its own column. */
export async function runPreview(workbook: Workbook, datasets: Record<string, Dataset>): Promise<Preview> {
  const started = performance.now();
  const { runnable, broken } = withoutBrokenFormulas(workbook);
  const result: Preview = { headers: [], rows: [], exceptions: 0, ms: 0, error: null, brokenFormulas: broken };
  try {
    await runRuleSheet({
      workbook: runnable,
      datasets,
      sink: {
        columns: (headers) => void (result.headers = headers),
        rows: (batch) => void result.rows.push(...batch),
      },
    });
    for (const { col, message } of broken) {
      for (const row of result.rows) if (col < row.values.length) row.values[col] = { error: '#ERROR!', message };
    }
    result.exceptions = result.rows.filter((r) => r.exception !== null).length;
  } catch (error) {
    const e = error as Error & { describe?: () => string };
    result.error = e.describe ? e.describe() : e.message;
  }
  result.ms = performance.now() - started;
  return result;
}

/**
 * The workbook with each unreadable Rows rule formula replaced by the error value #ERROR!,
 * so the run evaluates every other column (and the broken one's dependents show the error)
 * instead of refusing the whole sheet as a real run does.
 */
function withoutBrokenFormulas(workbook: Workbook): {
  runnable: Workbook;
  broken: (Preview['brokenFormulas'][number] & { col: number })[];
} {
  const rows = findSheet(workbook, 'Rows');
  const rule = rows?.cells[1] ?? [];
  const broken = rule.flatMap((input, col) => {
    const message = isFormula(input) ? formulaParseError(input) : null;
    return message ? [{ col, cell: cellAddress(1, col), header: String(rows!.cells[0]?.[col] ?? ''), message }] : [];
  });
  if (!broken.length) return { runnable: workbook, broken };
  const fixed = rule.map((input, col) => (broken.some((b) => b.col === col) ? '#ERROR!' : input));
  return {
    runnable: {
      ...workbook,
      sheets: workbook.sheets.map((s) => (s === rows ? { ...s, cells: [s.cells[0] ?? [], fixed, ...s.cells.slice(2)] } : s)),
    },
    broken,
  };
}

/** The error the rule row's cell `col` shows in the preview (its first row), if any. */
export function ruleRowError(preview: Preview, col: number): { code: string; message: string } | null {
  const value = preview.rows[0]?.values[col];
  if (value === null || typeof value !== 'object') return null;
  return { code: value.error, message: value.message || explain(value.error) };
}
