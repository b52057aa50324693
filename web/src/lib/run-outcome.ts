/**
 * What a finished run produced, in words and display values: its counts, what it did to
 * the exception queue, and report or Summary cells formatted for reading.
 */
import type { RunInfo } from './api';

export type CellKind = 'empty' | 'number' | 'date' | 'error' | 'boolean' | 'text';

export interface ShownCell {
  text: string;
  kind: CellKind;
  /** An error's reason, shown on hover. */
  title?: string;
}

const numbers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/;

/**
 * An evaluated value as a person reads it: numbers grouped by thousands (up to 6 decimals,
 * as Excel's 15 digits would show them), dates as `YYYY-MM-DD [HH:MM:SS]`, errors as their code.
 *
 * @example formatCell(-1620288) // { text: '-1,620,288', kind: 'number' }
 */
export function formatCell(value: unknown): ShownCell {
  if (value === null || value === undefined || value === '') return { text: '', kind: 'empty' };
  if (typeof value === 'object' && 'error' in value) {
    const { error, message } = value as { error: string; message?: string };
    return { text: error, kind: 'error', title: message ?? errorReason(error) };
  }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', kind: 'boolean' };
  if (typeof value === 'number') {
    const tiny = value !== 0 && Math.abs(value) < 1e-6;
    return { text: tiny || Math.abs(value) >= 1e15 ? String(value) : numbers.format(value), kind: 'number' };
  }
  const text = String(value);
  if (ISO_DATE.test(text)) return { text: text.replace('T', ' '), kind: 'date' };
  return { text, kind: 'text' };
}

function errorReason(code: string): string {
  const reasons: Record<string, string> = {
    '#DIV/0!': 'division by zero',
    '#N/A': 'no value found (a lookup missed)',
    '#VALUE!': 'a value of the wrong type',
    '#REF!': 'a reference to a cell that does not exist',
    '#NAME?': 'an unknown function or name',
    '#NUM!': 'a number out of range',
    '#NULL!': 'ranges that do not intersect',
    '#CYCLE!': 'a formula that depends on itself',
    '#SPILL!': 'an array result with no room to spill',
  };
  return reasons[code] ?? 'a formula error';
}

/** The run's counts with names people use; a Report counts the dataset rows it read. */
export function countLabels(run: RunInfo): { label: string; value: number }[] {
  const counts = run.counts ?? {};
  if (run.summary?.type === 'Report') return [{ label: 'rows read', value: counts.rows ?? 0 }];
  return Object.entries(counts).map(([name, value]) => ({ label: name.replace('_', ' '), value }));
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * What the run did to the sheet's exception queue, one plain sentence a change; empty
 * when it changed nothing.
 *
 * @example queueSentences({ opened: 2, cleared: 1 }) // ['2 new breaks opened', '1 break cleared: …']
 */
export function queueSentences(changes: RunInfo['queueChanges']): string[] {
  const c = changes ?? {};
  const lines: string[] = [];
  if (c.opened) lines.push(`${plural(c.opened, 'new break', 'new breaks')} opened`);
  if (c.continued) lines.push(`${plural(c.continued, 'break', 'breaks')} already in the queue, continued (owner, label and comments kept)`);
  if (c.reopened) lines.push(`${plural(c.reopened, 'break', 'breaks')} reopened: resolved or cleared before, but found again`);
  if (c.cleared) lines.push(`${plural(c.cleared, 'break', 'breaks')} cleared: not found by this run, so closed`);
  if (c.matchedByHand) lines.push(`${plural(c.matchedByHand, 'break', 'breaks')} kept closed: matched by hand`);
  return lines;
}

/** The rows worth showing: trailing rows with nothing in them are left out. */
export function filledRows(values: unknown[][]): unknown[][] {
  let end = values.length;
  while (end > 0 && values[end - 1].every((v) => v === null || v === '')) end--;
  return values.slice(0, end);
}
