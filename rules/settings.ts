/**
 * Reads a rule sheet's `Settings` sheet (contract 1.1) into typed settings. Every unknown
 * or malformed setting is a RuleError naming its row: a typo must never be ignored.
 */
import { RuleError } from './errors.js';
import { parsePnlSettings, PNL_SETTING_NAMES, type PnlSettings, type RawSetting } from './pnl/pnl-settings.js';
import type { ParamValue, RuleSheetType } from './types.js';
import { findSheet, isFormula, type CellInput, type Workbook } from './workbook.js';

export type AggregateFn = 'SUM' | 'MIN' | 'MAX' | 'AVG' | 'FIRST' | 'COUNT' | 'WAVG';

export interface Aggregate {
  field: string;
  fn: AggregateFn;
  /** WAVG's weight field. */
  weight?: string;
}

export interface MatchPass {
  pass: number;
  /** Pairs of (left field, right field). */
  keys: { left: string; right: string }[];
  /** The Settings row that declared the pass, for error messages. */
  row: number;
}

export interface RuleSettings {
  type: RuleSheetType;
  left?: string;
  right?: string;
  data?: string;
  passes: MatchPass[];
  aggregateLeft: Aggregate[];
  aggregateRight: Aggregate[];
  exceptionColumn: string;
  /** Defaults by parameter name as written (case kept). */
  params: Record<string, ParamValue>;
  /** Check runs: the fields that identify a row across runs. */
  key: string[];
  /** A field whose date the exception queue ages from. */
  ageFrom?: string;
  /** Check and Reconciliation: datasets that fill the sheets named after them, as lookup tables. */
  lookup: string[];
  /** The Settings row of each setting, lower-cased name -> 1-based row. */
  rows: Record<string, number>;
  /** A Report that books trades (P&L contract section 1). */
  pnl?: PnlSettings;
}

const AGGREGATE_FNS: readonly AggregateFn[] = ['SUM', 'MIN', 'MAX', 'AVG', 'FIRST', 'COUNT', 'WAVG'];
const TYPES: readonly RuleSheetType[] = ['Reconciliation', 'Check', 'Report'];

/** Parses the Settings sheet; throws RuleError naming the row of the first bad setting. */
export function readSettings(workbook: Workbook): RuleSettings {
  const sheet = findSheet(workbook, 'Settings');
  if (!sheet) throw new RuleError('missing_sheet', 'the workbook has no "Settings" sheet', { sheet: 'Settings' });
  const settings: RuleSettings = {
    type: 'Check',
    passes: [],
    aggregateLeft: [],
    aggregateRight: [],
    exceptionColumn: 'Exception',
    params: {},
    key: [],
    lookup: [],
    rows: {},
  };
  let typeSeen = false;
  const pnlRaw: Record<string, RawSetting> = {};
  sheet.cells.forEach((cells, index) => {
    const row = index + 1;
    const rawName = cells?.[0];
    if (rawName === null || rawName === undefined || String(rawName).trim() === '') return;
    const name = String(rawName).trim();
    const lower = name.toLowerCase().replace(/\s+/g, ' ');
    const place = { sheet: 'Settings', cell: `A${row}`, setting: name };
    if (settings.rows[lower] !== undefined) {
      throw new RuleError('bad_setting', `setting "${name}" appears twice (rows ${settings.rows[lower]} and ${row})`, place);
    }
    settings.rows[lower] = row;
    const value = cells[1] ?? null;
    const text = () => requireText(value, name, row);
    if (lower === 'type') {
      const wanted = text().toLowerCase();
      const type = TYPES.find((t) => t.toLowerCase() === wanted);
      if (!type) throw bad(row, name, `"${text()}" is not a type; use Reconciliation, Check or Report`);
      settings.type = type;
      typeSeen = true;
    } else if (lower === 'left') settings.left = text();
    else if (lower === 'right') settings.right = text();
    else if (lower === 'data') settings.data = text();
    else if (/^match \d+$/.test(lower)) settings.passes.push(parsePass(text(), Number(lower.slice(6)), row, name));
    else if (lower === 'aggregate left') settings.aggregateLeft = parseAggregates(text(), row, name);
    else if (lower === 'aggregate right') settings.aggregateRight = parseAggregates(text(), row, name);
    else if (lower === 'exception column') settings.exceptionColumn = text();
    else if (lower === 'key') settings.key = splitList(text());
    else if (lower === 'age from') settings.ageFrom = text();
    else if (lower === 'lookup') settings.lookup = splitList(text());
    else if (PNL_SETTING_NAMES.has(lower)) pnlRaw[lower] = { name, value, row };
    else if (lower.startsWith('param ')) {
      const param = name.slice(6).trim();
      if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(param)) throw bad(row, name, `"${param}" is not a valid parameter name`);
      if (value === null || isFormula(value)) throw bad(row, name, 'a parameter needs a default value in column B');
      settings.params[param] = value;
    } else {
      throw new RuleError('unknown_setting', `unknown setting "${name}"`, place);
    }
  });
  if (!typeSeen) throw new RuleError('bad_setting', 'the Settings sheet has no "Type" row', { sheet: 'Settings', setting: 'Type' });
  const pnl = parsePnlSettings(pnlRaw, settings.type, workbook.date1904);
  if (pnl) settings.pnl = pnl;
  validateShape(settings);
  return settings;
}

function validateShape(settings: RuleSettings): void {
  const need = (key: string, label: string) => {
    if (!(settings as unknown as Record<string, unknown>)[key]) {
      throw new RuleError('bad_setting', `a ${settings.type} needs a "${label}" setting`, { sheet: 'Settings', setting: label });
    }
  };
  if (settings.type === 'Reconciliation') {
    need('left', 'Left');
    need('right', 'Right');
    if (settings.passes.length === 0) {
      throw new RuleError('bad_setting', 'a Reconciliation needs at least "Match 1"', { sheet: 'Settings', setting: 'Match 1' });
    }
    settings.passes.sort((a, b) => a.pass - b.pass);
    settings.passes.forEach((pass, i) => {
      if (pass.pass !== i + 1) {
        throw bad(pass.row, `Match ${pass.pass}`, `passes must be numbered 1, 2, 3… without gaps; expected "Match ${i + 1}"`);
      }
    });
  } else if (settings.type === 'Check') {
    need('data', 'Data');
  }
  if (settings.type === 'Report' && settings.rows.lookup) {
    throw bad(
      settings.rows.lookup,
      'Lookup',
      'a Report already fills every sheet named after a dataset; "Lookup" is for a Check or Reconciliation',
    );
  }
  if (settings.type !== 'Reconciliation') {
    for (const label of ['left', 'right', 'aggregate left', 'aggregate right']) {
      const row = settings.rows[label];
      if (row) throw bad(row, label, `"${label}" only applies to a Reconciliation`);
    }
    const matchRow = Object.entries(settings.rows).find(([k]) => k.startsWith('match '));
    if (matchRow) throw bad(matchRow[1], matchRow[0], 'matching passes only apply to a Reconciliation');
  }
}

function parsePass(text: string, pass: number, row: number, name: string): MatchPass {
  const keys = splitList(text).map((pair) => {
    const parts = pair.split('=').map((p) => p.trim());
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      throw bad(row, name, `"${pair}" is not "left_field = right_field"`);
    }
    return { left: stripSide(parts[0], 'left'), right: stripSide(parts[1], 'right') };
  });
  if (keys.length === 0) throw bad(row, name, 'a matching pass needs at least one "left_field = right_field"');
  return { pass, keys, row };
}

/** Accepts `left.trade_id` as well as `trade_id` on its own side. */
function stripSide(field: string, side: 'left' | 'right'): string {
  return field.toLowerCase().startsWith(`${side}.`) ? field.slice(side.length + 1) : field;
}

function parseAggregates(text: string, row: number, name: string): Aggregate[] {
  return splitList(text).map((item) => {
    const match = /^([^:]+):\s*([A-Za-z]+)\s*(?:\(\s*([^)]+?)\s*\))?$/.exec(item);
    if (!match) throw bad(row, name, `"${item}" is not "field: FUNCTION"`);
    const fn = match[2].toUpperCase() as AggregateFn;
    if (!AGGREGATE_FNS.includes(fn)) {
      throw bad(row, name, `"${match[2]}" is not an aggregate; use ${AGGREGATE_FNS.join(', ')}`);
    }
    if (fn === 'WAVG' && !match[3]) throw bad(row, name, `WAVG needs a weight field: "${match[1].trim()}: WAVG(quantity)"`);
    if (fn !== 'WAVG' && match[3]) throw bad(row, name, `${fn} takes no argument`);
    return { field: match[1].trim(), fn, ...(match[3] ? { weight: match[3] } : {}) };
  });
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function requireText(value: CellInput, name: string, row: number): string {
  if (value === null || String(value).trim() === '') throw bad(row, name, `"${name}" needs a value in column B`);
  if (isFormula(value)) throw bad(row, name, `"${name}" must be a plain value, not a formula`);
  return String(value).trim();
}

function bad(row: number, name: string, message: string): RuleError {
  return new RuleError('bad_setting', `setting "${name}": ${message}`, { sheet: 'Settings', cell: `B${row}`, setting: name });
}
