/**
 * The run-book page's words: what the product sees as each step's evidence, and the state
 * of the sign-off, from the server's view of the day (db/runbook/runbook.service.ts).
 */
import type { RunbookView } from '../../../db/runbook/runbook.service';
import type { DatasetEvidence } from '../../../db/runbook/runbook-evidence';
import { shortTime } from './format';

export type { RunbookView };
export type RunbookStep = RunbookView['steps'][number];

const NEW_YORK = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** `14:05` New York time of an instant. */
export function newYorkTime(instant: string): string {
  return NEW_YORK.format(new Date(instant));
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

function imports(name: string, found: DatasetEvidence[], date: string): string {
  if (!found.length) return `No ${name} import on ${date} (New York time) yet.`;
  const list = found.map((d) => `#${d.id} ${d.sourceName} (${plural(d.rows, 'row')}) at ${newYorkTime(d.importedAt)} New York`).join('; ');
  return `${name} imported that day: ${list}.`;
}

/** The evidence the product sees for a step, in a sentence or two. */
export function evidenceText(view: RunbookView, step: RunbookStep['step']): string[] {
  const { evidence, settings, date } = view;
  switch (step) {
    case 'positions':
      return [imports(settings.positionsDataset, evidence.positions, date)];
    case 'closes':
      return [imports(settings.closesDataset, evidence.closes, date)];
    case 'cutoff':
      return [
        `Cut-off ${settings.cutoff} New York time: ${evidence.cutoff.passed ? 'passed' : 'not passed yet'}.`,
        imports(settings.instructionsDataset, evidence.instructions, date),
      ];
    case 'exceptions': {
      if (!evidence.sheet) return [`No rule sheet is named ${settings.sheet}: choose the expiration sheet below.`];
      const run = evidence.run;
      if (!run) return [`${evidence.sheet.name} has no official run for ${date} (${settings.dateParam} = ${date}).`];
      const how = run.matchedBy === 'param' ? `${settings.dateParam} = ${date}` : `run on ${date}`;
      if (run.status !== 'succeeded') return [`Official run ${run.id} of ${evidence.sheet.name} (${how}) ${run.status}.`];
      return [
        `Official run ${run.id} of ${evidence.sheet.name} (${how}): ${plural(run.exceptions, 'exception')}, ${run.openExceptions === 0 ? 'none' : run.openExceptions.toLocaleString('en-US')} still open.`,
      ];
    }
  }
}

/** Who did a step and when, as the page says it. */
export function doneText(step: RunbookStep): string {
  if (!step.done) return 'Not done';
  return `Done by ${step.done.by.name} at ${shortTime(step.done.at)} UTC (${newYorkTime(step.done.at)} New York)`;
}

/** How far the day is: `3 of 4 steps done`, `signed off`. */
export function progressText(view: RunbookView): string {
  if (view.signOff) return `Signed off by ${view.signOff.by.name}`;
  const done = view.steps.filter((s) => s.done).length;
  return `${done} of ${view.steps.length} steps done`;
}
