/**
 * How a run's `Rows` formula columns were evaluated (issue 14), in words for its run page:
 * how many the compiled evaluator took and, for each it did not, the column and why. Read
 * from the run's manifest (`GET /api/runs/:id/manifest`, `engine.evaluation`), the same
 * report the CLI's manifest.json and `note:` line give.
 */
import type { RunInfo } from './api';
import type { RunManifest } from '../../../rules/manifest';

export type { RunManifest };

export interface EngineReport {
  /** One line: how many formula columns were compiled, and how many were not. */
  headline: string;
  /** The compiled columns' names, for the headline's hover. */
  compiled: string[];
  /** Each column HyperFormula evaluated, with the compiler's reason as a sentence. */
  fallbacks: { column: string; reason: string }[];
}

type RunSummaryType = NonNullable<RunInfo['summary']>['type'];

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * The manifest's evaluation in plain words. A Report has no Rows rule, so nothing to
 * compile; a manifest without `evaluation` for a Rows rule means the server could not
 * work it out (a dataset the run read has been deleted since), and the page says so.
 *
 * @example
 * engineReport({ compiled: ['notional'], fallback: [{ column: 'Exception', reason: 'uses OFFSET, which the compiler does not take' }] }, 'Check')
 * // { headline: '1 formula column compiled, 1 evaluated by HyperFormula', compiled: ['notional'],
 * //   fallbacks: [{ column: 'Exception', reason: 'uses OFFSET, which the compiler does not take; evaluated by HyperFormula' }] }
 */
export function engineReport(evaluation: RunManifest['engine']['evaluation'], type: RunSummaryType | undefined): EngineReport {
  if (type === 'Report')
    return { headline: 'A report’s sheets are evaluated by HyperFormula: only Rows rules are compiled.', compiled: [], fallbacks: [] };
  if (!evaluation)
    return {
      headline: 'Which columns were compiled is not known: a dataset this run read has since been deleted.',
      compiled: [],
      fallbacks: [],
    };
  const { compiled, fallback } = evaluation;
  if (!compiled.length && !fallback.length) return { headline: 'No formula columns to evaluate.', compiled: [], fallbacks: [] };
  const done = compiled.length ? `${plural(compiled.length, 'formula column', 'formula columns')} compiled` : 'No formula column compiled';
  return {
    headline: fallback.length ? `${done}, ${fallback.length.toLocaleString('en-US')} evaluated by HyperFormula` : done,
    compiled,
    fallbacks: fallback.map((f) => ({ column: f.column, reason: `${f.reason}; evaluated by HyperFormula` })),
  };
}

/** The manifest's download name, after the run's other downloads: `run-12-manifest.json`, `run-13-test-manifest.json`. */
export function manifestFileName(run: Pick<RunInfo, 'id' | 'kind'>): string {
  return run.kind === 'official' ? `run-${run.id}-manifest.json` : `run-${run.id}-${run.kind}-manifest.json`;
}
