/** What the run dialog offers and asks: the server's input offers and anomalies, in words. */
import type { Candidate, InputAnomaly } from '../../../server/runs/run-inputs';
import { shortTime } from './format';

export type { InputOffer } from '../../../server/runs/run-inputs';
export type Anomaly = InputAnomaly;

/** `fo_blotter #7 · fo_1201.csv · 2,825 rows · imported 2026-12-01 18:50` */
export function candidateLabel(d: Candidate): string {
  return `${d.name} #${d.id} · ${d.sourceName} · ${d.rows.toLocaleString('en-US')} rows · imported ${shortTime(d.createdAt)}`;
}

export function anomalyText(a: Anomaly): string {
  const parts: string[] = [];
  if (a.rows * 2 < a.previousRows)
    parts.push(
      `${a.rows.toLocaleString('en-US')} rows, where the last official run (#${a.previousRunId}) read ${a.previousRows.toLocaleString('en-US')}`,
    );
  if (a.missingColumns.length)
    parts.push(`no ${a.missingColumns.map((c) => `"${c}"`).join(', ')} column, which run #${a.previousRunId} had`);
  return `${a.dataset} #${a.datasetId} has ${parts.join(' and ')}.`;
}
