/**
 * The steps of an expiration day, in order, and whether the evidence allows each to be
 * ticked. A step the evidence contradicts is refused with the reason in words: the
 * run-book never records "exceptions worked" over a run that still has open exceptions.
 */
import type { Evidence } from './runbook-evidence.js';
import type { RunbookSettings } from './runbook-settings.js';

export const STEPS = ['positions', 'closes', 'cutoff', 'exceptions'] as const;
export type StepName = (typeof STEPS)[number];

export const STEP_LABELS: Record<StepName, string> = {
  positions: 'Positions loaded',
  closes: 'Closes loaded',
  cutoff: 'Instructions cut-off passed',
  exceptions: 'Exceptions worked',
};

/** Why a step cannot be ticked now: an error code (409) and the reason; null when it can. */
export type StepRefusal = { code: string; message: string } | null;

export function stepRefusal(step: StepName, date: string, evidence: Evidence, settings: RunbookSettings): StepRefusal {
  switch (step) {
    case 'positions':
      return evidence.positions.length ? null : noImport(settings.positionsDataset, date);
    case 'closes':
      return evidence.closes.length ? null : noImport(settings.closesDataset, date);
    case 'cutoff':
      return evidence.cutoff.passed
        ? null
        : { code: 'cutoff_not_passed', message: `the instructions cut-off, ${evidence.cutoff.at} New York time, has not passed yet` };
    case 'exceptions':
      return exceptionsRefusal(date, evidence, settings);
  }
}

function noImport(name: string, date: string): StepRefusal {
  return { code: 'no_evidence', message: `no ${name} dataset was imported on ${date} (New York time): import it first` };
}

function exceptionsRefusal(date: string, evidence: Evidence, settings: RunbookSettings): StepRefusal {
  if (!evidence.sheet)
    return { code: 'no_evidence', message: `there is no rule sheet named ${settings.sheet}: choose the expiration sheet for ${date}` };
  const run = evidence.run;
  const sheet = evidence.sheet.name;
  if (!run)
    return { code: 'no_evidence', message: `${sheet} has no official run for ${date}: run it with ${settings.dateParam} = ${date}` };
  if (run.status !== 'succeeded')
    return { code: 'run_not_succeeded', message: `the official run ${run.id} of ${sheet} for ${date} is ${run.status}, not succeeded` };
  if (run.openExceptions > 0) {
    const n = run.openExceptions;
    return {
      code: 'open_exceptions',
      message: `run ${run.id} of ${sheet} for ${date} still has ${n} open exception${n === 1 ? '' : 's'}: resolve or close ${n === 1 ? 'it' : 'them'} in Exceptions first`,
    };
  }
  return null;
}

/** What the step rested on when it was ticked, kept with the tick. */
export function stepEvidence(step: StepName, evidence: Evidence): Record<string, unknown> {
  switch (step) {
    case 'positions':
      return { datasets: evidence.positions.map((d) => d.id) };
    case 'closes':
      return { datasets: evidence.closes.map((d) => d.id) };
    case 'cutoff':
      return { cutoff: evidence.cutoff.at, instructions: evidence.instructions.map((d) => d.id) };
    case 'exceptions':
      return { sheet: evidence.sheet?.id, run: evidence.run?.id, exceptions: evidence.run?.exceptions, open: evidence.run?.openExceptions };
  }
}
