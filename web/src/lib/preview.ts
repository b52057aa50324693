/**
 * Live preview: the rule sheet as it stands in the editor, run by the same pure engine the
 * server uses, over the first rows of its bound datasets (matched as a run would).
 */
import { runRuleSheet } from '../../../rules/run';
import type { Dataset, ResultRow } from '../../../rules/types';
import type { Workbook } from '../../../rules/workbook';
import { api, type DatasetInfo } from './api';

export const PREVIEW_ROWS = 200;

export interface Preview {
  headers: string[];
  rows: ResultRow[];
  exceptions: number;
  ms: number;
  error: string | null;
}

/** The newest dataset of each needed name, first PREVIEW_ROWS rows, as the engine takes them. */
export async function loadPreviewData(names: string[]): Promise<{ datasets: Record<string, Dataset>; missing: string[] }> {
  const all = await api<DatasetInfo[]>('GET', '/api/datasets');
  const datasets: Record<string, Dataset> = {};
  const missing: string[] = [];
  for (const name of names) {
    const info = all.find((d) => d.name.toLowerCase() === name.toLowerCase());
    if (!info) {
      missing.push(name);
      continue;
    }
    const page = await api<{ rows: Dataset['rows'] }>('GET', `/api/datasets/${info.id}/rows?limit=${PREVIEW_ROWS}`);
    datasets[name] = { name, columns: info.columns as Dataset['columns'], rows: page.rows };
  }
  return { datasets, missing };
}

export async function runPreview(workbook: Workbook, datasets: Record<string, Dataset>): Promise<Preview> {
  const started = performance.now();
  const result: Preview = { headers: [], rows: [], exceptions: 0, ms: 0, error: null };
  try {
    await runRuleSheet({
      workbook,
      datasets,
      sink: {
        columns: (headers) => void (result.headers = headers),
        rows: (batch) => void result.rows.push(...batch),
      },
    });
    result.exceptions = result.rows.filter((r) => r.exception !== null).length;
  } catch (error) {
    const e = error as Error & { describe?: () => string };
    result.error = e.describe ? e.describe() : e.message;
  }
  result.ms = performance.now() - started;
  return result;
}
