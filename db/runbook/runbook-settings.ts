/**
 * Where an expiration day's run-book looks for its evidence: the rule sheet whose official
 * run the exceptions step reads, the dataset names the loading steps look for, the sheet's
 * date parameter and the contrary-instructions cut-off. Chosen per day on the page; a name
 * left out takes its default, so a day nobody configured follows the demo's names.
 */
export interface RunbookSettings {
  /** The rule sheet's name (matched case-insensitively). */
  sheet: string;
  positionsDataset: string;
  closesDataset: string;
  instructionsDataset: string;
  /** The sheet's `Param` holding the expiration date its run was for. */
  dateParam: string;
  /** `HH:MM` in New York: contrary instructions are refused after it. */
  cutoff: string;
}

export const DEFAULT_RUNBOOK_SETTINGS: RunbookSettings = {
  sheet: 'Expiration',
  positionsDataset: 'option_positions',
  closesDataset: 'underlying_closes',
  instructionsDataset: 'contrary_instructions',
  dateParam: 'ExpirationDate',
  // OCC's deadline for contrary exercise instructions on expiration day.
  cutoff: '17:30',
};

export const SETTING_NAMES = Object.keys(DEFAULT_RUNBOOK_SETTINGS) as (keyof RunbookSettings)[];

/** The stored choices over the defaults. */
export function resolveRunbookSettings(stored: Partial<Record<string, string>>): RunbookSettings {
  const settings = { ...DEFAULT_RUNBOOK_SETTINGS };
  for (const name of SETTING_NAMES) if (stored[name]) settings[name] = stored[name];
  return settings;
}
