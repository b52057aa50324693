/**
 * Decides each column's type from what the file shows, what the caller sets and what the
 * dataset name remembers, and gathers every value that does not fit into one refusal.
 */
import { RuleError, type RuleErrorCode, type RuleErrorPlace, type RuleProblem } from '../rules/errors.js';
import type { DatasetColumn, FieldType } from '../rules/types.js';
import { MISFIT_MAX, type ColumnVerdict } from './column-profile.js';
import type { ImportLimits } from './file-limits.js';
import { FIELD_TYPES } from './parse-value.js';
import type { TextEncoding } from './text-encoding.js';

export interface ReadOptions {
  name: string;
  /** The name used in error messages. */
  sourceName: string;
  /** Per-column types the user set (`--type`, the upload page). */
  types?: Record<string, FieldType>;
  /** The columns the dataset name has had since its first import: a later import must fit them. */
  remembered?: { columns: DatasetColumn[]; since: string };
  /** How much of the file will be read (file-limits.ts DEFAULT_LIMITS when not given). */
  limits?: ImportLimits;
  /** A CSV's declared text encoding; detected when not given. */
  encoding?: TextEncoding;
}

/** One column as the import will read it, and why it has that type. */
export interface ColumnPlan extends DatasetColumn {
  /** What the values alone suggest. */
  inferred: FieldType;
  source: 'inferred' | 'set' | 'remembered';
  /** Said when the column is text although most of its values are of another type. */
  note?: string;
}

/** Columns planned from the verdicts; a type set for no column is an error naming it. */
export function planColumns(headers: string[], verdicts: ColumnVerdict[], options: ReadOptions): ColumnPlan[] {
  const plans: ColumnPlan[] = headers.map((name, i) => {
    const verdict = verdicts[i];
    const remembered = options.remembered?.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
    return {
      name,
      type: remembered ? remembered.type : verdict.type,
      inferred: verdict.type,
      source: remembered ? 'remembered' : 'inferred',
      note: remembered ? undefined : mostlyNote(verdict),
    };
  });
  for (const [name, type] of Object.entries(options.types ?? {})) {
    const plan = plans.find((c) => c.name === name) ?? plans.find((c) => c.name.toLowerCase() === name.toLowerCase());
    if (!plan)
      throw new RuleError('unknown_field', `a type is given for "${name}", which is not a column (columns: ${headers.join(', ')})`, {
        file: options.sourceName,
        column: name,
      });
    if (!FIELD_TYPES.includes(type))
      throw new RuleError('bad_value', `"${type}" is not a type; use ${FIELD_TYPES.join(', ')}`, {
        file: options.sourceName,
        column: name,
      });
    if (plan.source === 'remembered' && plan.type !== type)
      throw new RuleError(
        'bad_columns',
        `${options.name}'s column "${plan.name}" has been ${article(plan.type)} since ${options.remembered!.since}; it cannot be ${article(type)} now (import under a new name to change its type)`,
        { file: options.sourceName, column: plan.name },
      );
    plan.type = type;
    plan.source = plan.source === 'remembered' ? 'remembered' : 'set';
    plan.note = undefined;
  }
  return plans;
}

/** Columns the remembered ones lack or add, as problems on the header line. */
export function columnProblems(headers: string[], options: ReadOptions, place: RuleErrorPlace): RuleProblem[] {
  if (!options.remembered) return [];
  const have = new Set(headers.map((h) => h.toLowerCase()));
  const had = new Set(options.remembered.columns.map((c) => c.name.toLowerCase()));
  const missing = options.remembered.columns.filter((c) => !have.has(c.name.toLowerCase())).map((c) => c.name);
  const added = headers.filter((h) => !had.has(h.toLowerCase()));
  const since = options.remembered.since;
  return [
    ...missing.map((column) => ({ ...place, column, message: `column "${column}" is missing: ${options.name} has had it since ${since}` })),
    ...added.map((column) => ({ ...place, column, message: `column "${column}" is new: ${options.name} has not had it since ${since}` })),
  ];
}

/** Collects the values that do not fit their column, to refuse them all at once. */
export class MisfitCollector {
  readonly problems: RuleProblem[] = [];
  count = 0;

  constructor(private readonly file: string) {}

  add(place: RuleErrorPlace, value: string, plan: ColumnPlan): void {
    this.count += 1;
    if (this.problems.length < MISFIT_MAX)
      this.problems.push({ file: this.file, ...place, column: plan.name, message: `${value} is not ${article(plan.type)}` });
  }
}

/** Throws the one refusal for every problem found, or returns. */
export function refuseProblems(headerProblems: RuleProblem[], misfits: MisfitCollector, plans: ColumnPlan[], options: ReadOptions): void {
  const problems = [...headerProblems, ...misfits.problems];
  if (problems.length === 0) return;
  const count = headerProblems.length + misfits.count;
  const [first] = problems;
  const code: RuleErrorCode = headerProblems.length > 0 ? 'bad_columns' : 'bad_value';
  const plan = plans.find((p) => p.name === first.column);
  const why = headerProblems.length > 0 || !plan ? '' : ` (${reason(plan, options)})`;
  const { message, ...place } = first;
  throw new RuleError(code, `${message}${why}`, place, problems, count);
}

function reason(plan: ColumnPlan, options: ReadOptions): string {
  if (plan.source === 'remembered')
    return `${options.name}'s "${plan.name}" has been ${article(plan.type)} column since ${options.remembered!.since}`;
  if (plan.source === 'set') return `the column is set to ${plan.type}`;
  return `the column's other values are ${plan.type === 'boolean' ? 'TRUE or FALSE' : `${plan.type}s`}`;
}

function mostlyNote(verdict: ColumnVerdict): string | undefined {
  const mostly = verdict.mostly;
  if (!mostly) return undefined;
  const odd = mostly.of - mostly.fitting;
  const shown = mostly.misfits
    .slice(0, 3)
    .map((m) => `${m.line ? `line ${m.line}` : m.cell} "${m.value}"`)
    .join(', ');
  return `read as text: ${odd.toLocaleString('en-US')} of its ${mostly.of.toLocaleString('en-US')} values are not ${mostly.type}s (${shown}${odd > 3 ? ', …' : ''}); set it to ${mostly.type} to have them refused, or to text to keep it as text`;
}

function article(type: FieldType): string {
  return type === 'boolean' ? 'TRUE or FALSE' : `a ${type}`;
}
