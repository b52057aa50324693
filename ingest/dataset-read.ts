/** What a dataset reader returns: the typed rows, how each column was typed, and every fault. */
import type { RuleProblem } from '../rules/errors.js';
import type { Dataset } from '../rules/types.js';
import type { ColumnPlan, MisfitCollector } from './column-plan.js';

export interface DatasetRead {
  /** Misfit values are null here: the read is only usable when there are no problems. */
  dataset: Dataset;
  sha256: string;
  plans: ColumnPlan[];
  /** Columns the dataset name's earlier imports had and this file lacks, or the reverse. */
  headerProblems: RuleProblem[];
  misfits: MisfitCollector;
  /** Things the user must be told about the whole file (a guessed text encoding). */
  notes: string[];
}
