/**
 * Version states and runs in words (governance.md): which version a review compares with,
 * which official run a backtest replays, and what each run kind means for the queue.
 */
import type { RunInfo, VersionInfo, VersionStatus } from './api';
import { shortTime } from './format';

export const STATUS_LABEL: Record<VersionStatus, string> = {
  draft: 'draft',
  submitted: 'submitted',
  approved: 'approved',
  rejected: 'rejected',
  superseded: 'superseded',
};

/** `2026-12-01 18:50` from an ISO time; empty for none. */
export function when(iso: string | null | undefined): string {
  return iso ? shortTime(iso) : '';
}

/**
 * The version a review compares the submitted one with: the approved version, or the one
 * before it when none is approved (null for a sheet's first version).
 *
 * @example reviewBase(4, 2) // 2
 * @example reviewBase(4, null) // 3
 */
export function reviewBase(version: number, approvedVersion: number | null): number | null {
  if (approvedVersion !== null && approvedVersion !== version) return approvedVersion;
  return version > 1 ? version - 1 : null;
}

/** The newest succeeded official run of a sheet: what a backtest replays. */
export function latestOfficialRun(runs: RunInfo[]): RunInfo | null {
  return runs.filter((r) => r.kind === 'official' && r.status === 'succeeded').sort((a, b) => b.id - a.id)[0] ?? null;
}

/** A backtest of `version` on the inputs of run `baseId` already started (the newest), if any. */
export function existingBacktest(runs: RunInfo[], version: number, baseId: number): RunInfo | null {
  return (
    runs
      .filter(
        (r) => r.kind === 'backtest' && r.version === version && r.basedOn === baseId && r.status !== 'failed' && r.status !== 'cancelled',
      )
      .sort((a, b) => b.id - a.id)[0] ?? null
  );
}

/** What the runs list and run page call a run's kind. */
export function kindLabel(run: Pick<RunInfo, 'kind'>): string {
  return run.kind === 'official' ? 'official' : run.kind === 'test' ? 'test' : `test · ${run.kind}`;
}

/** The run page's banner for a run that is not official. */
export function testBanner(run: Pick<RunInfo, 'kind' | 'version' | 'basedOn'>): string {
  const what =
    run.kind === 'backtest'
      ? `Backtest of version ${run.version} on the inputs of run #${run.basedOn}`
      : run.kind === 'reproduction'
        ? `Reproduction of run #${run.basedOn}`
        : `Test run of version ${run.version}`;
  return `${what}: the exception queue is not touched.`;
}

/** Who did what to a version, one line each, for the version history. */
export function versionTrail(v: VersionInfo): { label: string; text: string; note: string | null; selfApproved?: boolean }[] {
  const lines: { label: string; text: string; note: string | null; selfApproved?: boolean }[] = [
    { label: 'written', text: `${v.author ?? 'system'} · ${when(v.createdAt)}`, note: v.note },
  ];
  if (v.submittedAt && v.reviewer !== 'system')
    lines.push({ label: 'submitted', text: `${v.submitter ?? 'system'} · ${when(v.submittedAt)}`, note: v.submitNote });
  if (v.reviewedAt) {
    const approved = v.status === 'approved' || v.status === 'superseded';
    lines.push({
      label: approved ? 'approved' : 'rejected',
      text: `${v.reviewer ?? 'system'} · ${when(v.reviewedAt)}`,
      note: v.reviewNote,
      selfApproved: approved && v.selfApproved,
    });
  }
  return lines;
}
